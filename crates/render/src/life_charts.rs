//! A plan's life on its charts (issue 21): the actual figures as points on the plan's lines,
//! the re-projection from the latest actual as a second line beside the plan (with its own
//! P10–P90 band once its Monte Carlo is in), and a province's cities as a stacked chart.

use crate::chart::{Axis, ChartSpec, Series, Shape, TargetMark};
use crate::sample::REPROJECTION_TONE;
use swplan_engine::deviation::actual_figure;
use swplan_engine::montecarlo::Summary;
use swplan_engine::rollup::RollUp;
use swplan_engine::{Metric, Scenario, Target, Trajectory};
use swplan_plans::chart::Chart;
use swplan_words::actuals::{actuals_words, reprojection_label};
use swplan_words::messages::metric_value;
use swplan_words::{metric_label, Lang};

/// The figures each chart draws, with the tone of their line.
fn drawn(chart: Chart) -> &'static [(Metric, u8)] {
    match chart {
        Chart::Talent => &[(Metric::Talent, 1)],
        Chart::Certified => &[
            (Metric::Certified, 1),
            (Metric::CertifiedJunior, 2),
            (Metric::CertifiedMid, 3),
            (Metric::CertifiedSenior, 4),
        ],
        Chart::Coverage => &[(Metric::StationCoverage, 1), (Metric::RoomCoverage, 2)],
        Chart::Budget => &[(Metric::BudgetCumulative, 1)],
    }
}

/// A series's label for the actuals of a figure: "社会工作人才总量（实际值）".
fn actual_label(metric: Metric, lang: Lang) -> String {
    let actual = actuals_words(lang).actual_series;
    match lang {
        Lang::Zh => format!("{}（{actual}）", metric_label(metric, lang)),
        Lang::En => format!("{} ({})", metric_label(metric, lang), actual.to_lowercase()),
    }
}

/// Adds each figure's actuals as points on its chart (coverage from the actual stations and
/// rooms), in the tone of the figure's line.
pub fn add_actuals(specs: &mut [(Chart, ChartSpec)], scenario: &Scenario, lang: Lang) {
    if scenario.actuals.is_empty() {
        return;
    }
    for (chart, spec) in specs.iter_mut() {
        for (metric, tone) in drawn(*chart) {
            let values: Vec<f64> = spec
                .years
                .iter()
                .map(|year| {
                    actual_figure(&scenario.actuals, *metric, *year, scenario).unwrap_or(f64::NAN)
                })
                .collect();
            if values.iter().any(|v| v.is_finite()) {
                spec.series.push(Series {
                    label: actual_label(*metric, lang),
                    tone: *tone,
                    shape: Shape::Points,
                    values,
                    band: None,
                    faint: false,
                });
            }
        }
    }
}

/// Adds the re-projection of each chart's main figure as a second line from its start year,
/// with the band of its own Monte Carlo when given (`summary` starts at the same year). It is
/// drawn in its own tone ([`REPROJECTION_TONE`]: a colour, dash and diamonds no other series
/// has), so it never reads as the junior certificate line or a compared plan.
pub fn add_reprojection(
    specs: &mut [(Chart, ChartSpec)],
    plan: &Trajectory,
    reprojection: &Trajectory,
    summary: Option<&Summary>,
    lang: Lang,
) {
    for (chart, spec) in specs.iter_mut() {
        let metric = match chart {
            Chart::Talent => Metric::Talent,
            Chart::Certified => Metric::Certified,
            Chart::Coverage => Metric::StationCoverage,
            Chart::Budget => Metric::BudgetCumulative,
        };
        let along = |rows: &[swplan_engine::YearRow]| -> Vec<f64> {
            spec.years
                .iter()
                .map(|year| {
                    rows.iter()
                        .find(|r| r.year == *year)
                        .map_or(f64::NAN, |r| metric.value(r))
                })
                .collect()
        };
        // A figure the actuals do not move (none of it counted, nothing it follows counted)
        // re-projects onto the plan's own line: drawn, it would hide that line under its own.
        let (planned, again) = (along(&plan.years), along(&reprojection.years));
        let moved = planned.iter().zip(&again).any(|(p, a)| {
            a.is_finite() && (!p.is_finite() || (a - p).abs() > 1e-9 * p.abs().max(1.0))
        });
        if !moved {
            continue;
        }
        let band = summary.map(|s| (along(&s.p10), along(&s.p90)));
        spec.series.push(Series {
            label: reprojection_label(metric, lang),
            tone: REPROJECTION_TONE,
            shape: Shape::Line,
            values: along(&reprojection.years),
            band,
            faint: false,
        });
    }
}

/// A province figure as a stacked chart: one segment per city (its contribution: for coverage,
/// its stations over the province's townships), the province's targets on the figure as marks.
pub fn rollup_chart(
    rollup: &RollUp,
    cities: &[String],
    metric: Metric,
    targets: &[Target],
    lang: Lang,
    width: f64,
) -> ChartSpec {
    let years: Vec<i32> = rollup.total.years.iter().map(|r| r.year).collect();
    let series = rollup
        .cities
        .iter()
        .enumerate()
        .map(|(i, _)| Series {
            label: cities.get(i).cloned().unwrap_or_default(),
            tone: (i % 4) as u8 + 1,
            shape: Shape::Stacked,
            values: years
                .iter()
                .map(|year| {
                    rollup
                        .contribution(i, metric, *year)
                        .map_or(f64::NAN, |c| c.value)
                })
                .collect(),
            band: None,
            faint: false,
        })
        .collect();
    let marks = targets
        .iter()
        .filter(|t| t.metric == metric)
        .map(|t| TargetMark {
            value: t.threshold,
            deadline: t.deadline,
            label: metric_value(metric, t.threshold, lang),
        })
        .collect();
    ChartSpec {
        title: metric_label(metric, lang).to_string(),
        years,
        series,
        marks,
        axis: match metric.unit() {
            swplan_engine::FigureUnit::Share => Axis::Percent,
            swplan_engine::FigureUnit::Yuan => Axis::Yuan,
            swplan_engine::FigureUnit::Count => Axis::Count,
        },
        lang,
        width,
        note: metric.is_coverage().then(|| {
            swplan_words::rollup::rollup_words(lang)
                .coverage_note
                .to_string()
        }),
        subtitle: String::new(),
        file_stem: format!("rollup-{}", metric.key()),
        y_floor: 0.0,
        fixed_scale: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::layout;
    use crate::charts::{single_plan, Plotted};
    use swplan_engine::actuals::Actual;
    use swplan_plans::state::Computed;

    fn yunnan_with_actuals() -> Computed {
        let mut s = swplan_plans::presets::by_slug("yunnan")
            .unwrap()
            .scenario
            .clone();
        s.actuals
            .insert(Metric::Talent, 2021, Actual::new(88_000.0));
        s.actuals
            .insert(Metric::Talent, 2022, Actual::new(92_000.0));
        s.actuals
            .insert(Metric::Stations, 2022, Actual::new(1_400.0));
        Computed::of(&s).unwrap()
    }

    #[test]
    fn actuals_are_points_on_their_charts() {
        let computed = yunnan_with_actuals();
        let plotted = Plotted {
            label: "",
            name: None,
            computed: &computed,
            summary: None,
        };
        let specs = single_plan(&plotted, None, Lang::Zh, 600.0);
        let talent = &specs[0].1;
        let points = talent
            .series
            .iter()
            .find(|s| s.shape == Shape::Points)
            .unwrap();
        assert_eq!(points.label, "社会工作人才总量（实际值）");
        assert_eq!(points.values.iter().filter(|v| v.is_finite()).count(), 2);
        let drawn = layout(talent);
        assert_eq!(drawn.points.iter().map(Vec::len).sum::<usize>(), 2);
        // Coverage from the actual stations over the townships.
        let coverage = &specs[2].1;
        assert!(coverage.series.iter().any(|s| s.shape == Shape::Points));
    }

    #[test]
    fn the_reprojection_is_a_second_line_from_its_start() {
        let computed = yunnan_with_actuals();
        let plotted = Plotted {
            label: "",
            name: None,
            computed: &computed,
            summary: None,
        };
        let mut specs = single_plan(&plotted, None, Lang::En, 600.0);
        let again = computed
            .actuals
            .as_ref()
            .unwrap()
            .reprojection
            .clone()
            .unwrap();
        add_reprojection(
            &mut specs,
            &computed.trajectory,
            &again.trajectory,
            None,
            Lang::En,
        );
        let line = specs[0].1.series.last().unwrap();
        assert_eq!(
            line.label,
            "Social-work talent (re-projected from the latest actual)"
        );
        assert!(line.values[0].is_nan() && line.values[2] == 92_000.0);
        // Its own tone, which no other line of the chart has (the junior certificate level's
        // dashed orange once stood for it).
        let talent = &specs[0].1;
        assert_eq!(line.tone, REPROJECTION_TONE);
        assert!(talent.series[..talent.series.len() - 1]
            .iter()
            .all(|s| s.tone != REPROJECTION_TONE));
        // No certified figure was counted and the talent actuals do not move it: its chart
        // draws no re-projection over its plan line.
        let certified = &specs[1].1;
        assert!(certified.series.iter().all(|s| s.tone != REPROJECTION_TONE));
        // The stations counted move the coverage: its chart draws one.
        let coverage = &specs[2].1;
        assert!(coverage.series.iter().any(|s| s.tone == REPROJECTION_TONE));
        // A diamond at each year it has a value, on the page and in a download.
        let drawn = crate::chart::layout(&specs[0].1);
        let markers = drawn.markers.last().unwrap();
        assert_eq!(
            markers.len(),
            line.values.iter().filter(|v| v.is_finite()).count()
        );
        let (legend_sample, legend_label) = crate::chart::legend_samples(&specs[0].1)
            .into_iter()
            .find(|(_, label)| label == &line.label)
            .unwrap();
        assert_eq!(
            legend_sample,
            crate::sample::Sample::Line {
                tone: REPROJECTION_TONE,
                faint: false
            }
        );
        assert!(legend_label.contains("re-projected from the latest actual"));
        let (document, _) = crate::chart::to_svg_document(&specs[0].1);
        let (colour, dash) = crate::sample::tone_style(REPROJECTION_TONE);
        assert!(document.contains(&format!(
            "stroke=\"{colour}\" stroke-width=\"2.5\" stroke-dasharray=\"{dash}\""
        )));
        assert!(
            document
                .matches(&format!("fill=\"#fff\" stroke=\"{colour}\""))
                .count()
                > markers.len(),
            "the diamonds and the legend's one"
        );
        let page = crate::chart::to_page_markup(&specs[0].1, "chart-talent");
        assert!(page.contains("class=\"markers tone-5\""), "{page}");
    }

    #[test]
    fn a_rollup_stacks_its_cities_to_the_province() {
        let cities: Vec<Scenario> = ["jinan", "lanzhou", "nanchang"]
            .iter()
            .map(|s| swplan_plans::presets::by_slug(s).unwrap().scenario.clone())
            .collect();
        let up = swplan_engine::rollup::rollup(&cities, &[]).unwrap();
        let names = vec!["济南".to_string(), "兰州".into(), "南昌".into()];
        let spec = rollup_chart(&up, &names, Metric::StationCoverage, &[], Lang::Zh, 600.0);
        assert_eq!(spec.series.len(), 3);
        let sum: f64 = spec.series.iter().map(|s| s.values[0]).sum();
        assert!((sum - up.total.years[0].station_coverage).abs() < 1e-12);
        let drawn = layout(&spec);
        assert_eq!(
            drawn.bars.iter().map(Vec::len).sum::<usize>(),
            3 * spec.years.len()
        );
        assert!(spec.note.is_some());
    }
}
