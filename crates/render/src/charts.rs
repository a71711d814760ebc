//! The charts a planner reads a plan through: talent, certified by level, coverage, budget.
//! One plan: its lines, the P10–P90 band once the Monte Carlo is done, its targets, and
//! optionally the preset's baseline as a faint line ("no new decisions"). Several plans: one
//! line per plan, each in its own colour and dash. In playback the lines stop at the year being
//! shown. Pure: the page's chart component and the first view draw what this builds.

use crate::chart::{Axis, ChartSpec, Series, Shape, TargetMark};
use crate::export::file_stem;
use swplan_engine::montecarlo::Summary;
use swplan_engine::{Metric, Scenario, YearRow};
use swplan_plans::chart::Chart;
use swplan_plans::state::Computed;
use swplan_words::labels::chart_title;
use swplan_words::messages::metric_value;
use swplan_words::results::chart_subtitle;
use swplan_words::strings::tr;
use swplan_words::{format_percent, metric_label, Lang};

/// What a faint line behind a single plan stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Behind {
    /// The preset's baseline: no new decisions.
    Baseline,
    /// The plan as the story's step before left it.
    PreviousStep,
}

/// One plan as the charts draw it.
#[derive(Clone, Copy)]
pub struct Plotted<'a> {
    /// "A", "B"… in a comparison; empty for a single plan.
    pub label: &'a str,
    /// The planner's name for the plan, if any: a downloaded chart carries it.
    pub name: Option<&'a str>,
    pub computed: &'a Computed,
    pub summary: Option<&'a Summary>,
}

/// The drawing width of one chart for a window width: one column on phones, two beside the
/// settings column on wide screens.
pub fn chart_width(window_width: f64, large: bool) -> f64 {
    if large {
        // Laid out narrower than drawn, so on a projector the text is scaled up about 1.4×.
        let column = if window_width > 1000.0 {
            (window_width - 420.0) / 2.0
        } else {
            window_width - 40.0
        };
        return (column / 1.4).clamp(280.0, 640.0);
    }
    if window_width < 900.0 {
        window_width - 56.0
    } else if window_width < 1100.0 {
        window_width - 460.0
    } else {
        ((window_width - 480.0) / 2.0).min(640.0)
    }
}

/// The axis a chart plots on.
fn axis(chart: Chart) -> Axis {
    match chart {
        Chart::Talent | Chart::Certified => Axis::Count,
        Chart::Coverage => Axis::Percent,
        Chart::Budget => Axis::Yuan,
    }
}

fn column(rows: &[YearRow], metric: Metric) -> Vec<f64> {
    rows.iter().map(|r| metric.value(r)).collect()
}

fn line(label: &str, tone: u8, values: Vec<f64>, band: Option<(Vec<f64>, Vec<f64>)>) -> Series {
    Series {
        label: label.to_string(),
        tone,
        shape: Shape::Line,
        values,
        band,
        faint: false,
    }
}

/// Whether a plan's line leaves its own P10–P90 band in some year (the plan builds on time,
/// the simulations let builds slip): the chart then says why.
fn leaves_its_band(series: &[Series]) -> bool {
    series.iter().filter(|s| !s.faint).any(|s| {
        s.band.as_ref().is_some_and(|(low, high)| {
            s.values
                .iter()
                .zip(low.iter().zip(high))
                .any(|(v, (l, h))| {
                    let slack = 1e-6 * h.abs().max(1.0);
                    v.is_finite()
                        && l.is_finite()
                        && h.is_finite()
                        && (*v < l - slack || *v > h + slack)
                })
        })
    })
}

/// The words under a chart: what the budget covers, and why a band lies apart from its line.
fn chart_note(chart: Chart, series: &[Series], scenario: &Scenario, lang: Lang) -> Option<String> {
    let budget = (chart == Chart::Budget).then(|| tr!(lang, budget_note).to_string());
    let apart = leaves_its_band(series).then(|| {
        // Slipped builds move stations, rooms and their budget only.
        let u = &scenario.uncertainty;
        let slips = match chart {
            Chart::Coverage | Chart::Budget => {
                (1.0 - u.station_completion, 1.0 - u.room_completion)
            }
            Chart::Talent | Chart::Certified => (0.0, 0.0),
        };
        swplan_words::strings::band_apart_note(slips, lang)
    });
    match (budget, apart) {
        (Some(b), Some(a)) => Some(format!("{a} {b}")),
        (b, a) => b.or(a),
    }
}

/// One plan: its figures, bands and targets, and the baseline's main lines faint behind.
pub fn single_plan(
    plan: &Plotted,
    behind: Option<(&Computed, Behind)>,
    lang: Lang,
    width: f64,
) -> Vec<(Chart, ChartSpec)> {
    let rows = &plan.computed.trajectory.years;
    let scenario = &plan.computed.scenario;
    let summary = plan.summary;
    let years: Vec<i32> = rows.iter().map(|r| r.year).collect();
    let plotted = |label: &str, tone: u8, metric: Metric, with_band: bool| {
        line(
            label,
            tone,
            column(rows, metric),
            with_band.then(|| band_of(summary, metric)).flatten(),
        )
    };
    let faint = |metric: Metric, tone: u8| -> Option<Series> {
        let (base, kind) = behind?;
        let figure = metric_label(metric, lang);
        Some(Series {
            label: match kind {
                Behind::Baseline => swplan_words::strings::baseline_series(figure, lang),
                Behind::PreviousStep => swplan_words::strings::previous_step_series(figure, lang),
            },
            tone,
            shape: Shape::Line,
            values: column(&base.trajectory.years, metric),
            band: None,
            faint: true,
        })
    };
    let series: [Vec<Series>; 4] = [
        faint(Metric::Talent, 1)
            .into_iter()
            .chain([plotted(
                metric_label(Metric::Talent, lang),
                1,
                Metric::Talent,
                true,
            )])
            .collect(),
        faint(Metric::Certified, 1)
            .into_iter()
            .chain([
                plotted(tr!(lang, series_total), 1, Metric::Certified, true),
                plotted(tr!(lang, series_junior), 2, Metric::CertifiedJunior, false),
                plotted(tr!(lang, series_mid), 3, Metric::CertifiedMid, false),
                plotted(tr!(lang, series_senior), 4, Metric::CertifiedSenior, false),
            ])
            .collect(),
        faint(Metric::StationCoverage, 1)
            .into_iter()
            .chain(faint(Metric::RoomCoverage, 2))
            .chain([
                plotted(tr!(lang, series_stations), 1, Metric::StationCoverage, true),
                plotted(tr!(lang, series_rooms), 2, Metric::RoomCoverage, true),
            ])
            .collect(),
        [Series {
            label: tr!(lang, series_yearly).to_string(),
            tone: 3,
            shape: Shape::Bars,
            values: rows.iter().map(|r| r.budget).collect(),
            band: None,
            faint: false,
        }]
        .into_iter()
        .chain(faint(Metric::BudgetCumulative, 1))
        .chain([plotted(
            tr!(lang, series_cumulative),
            1,
            Metric::BudgetCumulative,
            true,
        )])
        .collect(),
    ];
    let region = lang.pick(&scenario.name.zh, &scenario.name.en);
    let subtitle = chart_subtitle(region, plan.name, years_of(&years), lang);
    let owner = [
        file_stem(None, region, &scenario.region),
        plan.name
            .map(|n| file_stem(Some(n), "", ""))
            .unwrap_or_default(),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join("-");
    let mut specs: Vec<(Chart, ChartSpec)> = Chart::ALL
        .into_iter()
        .zip(series)
        .map(|(chart, series)| {
            let note = chart_note(chart, &series, scenario, lang);
            let title = chart_title(chart, lang);
            // Counts of the certificate ladder and of stations and rooms share a chart: their
            // marks say which figure they are on.
            let named = matches!(chart, Chart::Certified | Chart::Coverage);
            (
                chart,
                ChartSpec {
                    title: title.to_string(),
                    years: years.clone(),
                    series,
                    marks: marks_for(scenario, chart.target_metrics(), named, lang),
                    axis: axis(chart),
                    lang,
                    width,
                    note,
                    subtitle: subtitle.clone(),
                    file_stem: format!("{owner}-{}", file_stem(Some(title), "", chart.id())),
                    y_floor: 0.0,
                    fixed_scale: false,
                },
            )
        })
        .collect();
    crate::life_charts::add_actuals(&mut specs, scenario, lang);
    specs
}

/// Several plans: one line per plan (its letter and name), the first plan's targets.
pub fn compared(plans: &[Plotted], lang: Lang, width: f64) -> Vec<(Chart, ChartSpec)> {
    // The longest table, so every plan fits on the axis.
    let years: Vec<i32> = plans
        .iter()
        .map(|p| {
            p.computed
                .trajectory
                .years
                .iter()
                .map(|r| r.year)
                .collect::<Vec<_>>()
        })
        .max_by_key(Vec::len)
        .unwrap_or_default();
    let first_year = years.first().copied().unwrap_or_default();
    // Rooms when any plan sets a room target or builds rooms, else stations.
    let rooms = plans.iter().any(|p| {
        p.computed
            .scenario
            .targets
            .iter()
            .any(|t| matches!(t.metric, Metric::Rooms | Metric::RoomCoverage))
            || p.computed.trajectory.years.iter().any(|r| r.rooms > 0.0)
    });
    let coverage = if rooms {
        Metric::RoomCoverage
    } else {
        Metric::StationCoverage
    };
    let scenario = &plans[0].computed.scenario;
    let region = lang.pick(&scenario.name.zh, &scenario.name.en);
    let subtitle = chart_subtitle(region, None, years_of(&years), lang);
    // The plans' letters: "云南省-社会工作人才总量-A-B".
    let letters = ["A", "B", "C", "D"][..plans.len().min(4)].join("-");
    Chart::ALL
        .into_iter()
        .map(|chart| {
            let metric = match chart {
                Chart::Talent => Metric::Talent,
                Chart::Certified => Metric::Certified,
                Chart::Coverage => coverage,
                Chart::Budget => Metric::BudgetCumulative,
            };
            let series = plans
                .iter()
                .enumerate()
                .map(|(i, plan)| {
                    // Plans starting later (another base year) are padded at the start.
                    let rows = &plan.computed.trajectory.years;
                    let offset = rows
                        .first()
                        .map_or(0, |r| (r.year - first_year).max(0) as usize);
                    let mut values = vec![f64::NAN; offset];
                    values.extend(column(rows, metric));
                    line(plan.label, (i % 4) as u8 + 1, values, None)
                })
                .collect();
            // One figure per chart: its title names it.
            let title = match chart {
                Chart::Talent => chart_title(chart, lang),
                Chart::Budget => tr!(lang, budget_cumulative),
                Chart::Certified | Chart::Coverage => metric_label(metric, lang),
            };
            (
                chart,
                ChartSpec {
                    title: title.to_string(),
                    years: years.clone(),
                    series,
                    marks: marks_for(scenario, &[metric], false, lang),
                    axis: axis(chart),
                    lang,
                    width,
                    note: (chart == Chart::Budget).then(|| tr!(lang, budget_note).to_string()),
                    subtitle: subtitle.clone(),
                    file_stem: format!(
                        "{}-{}-{letters}",
                        file_stem(None, region, &scenario.region),
                        file_stem(Some(title), "", chart.id())
                    ),
                    y_floor: 0.0,
                    fixed_scale: false,
                },
            )
        })
        .collect()
}

/// Cuts every series after `year` (playback), keeping both axes whole: the years of the plan and
/// the height of its highest value, so the scale does not jump as the lines grow.
/// On a fixed scale (a story's) the bands do not count: they are cut at the plot's top, and
/// counting them raised the axis mid-story as soon as a band rose above the story's scale.
pub fn truncate(spec: &mut ChartSpec, year: i32) {
    let top = if spec.fixed_scale {
        spec.series
            .iter()
            .flat_map(|s| &s.values)
            .chain(spec.marks.iter().map(|m| &m.value))
            .copied()
            .filter(|v| v.is_finite())
            .fold(spec.y_floor, f64::max)
    } else {
        spec.plotted_values()
            .copied()
            .filter(|v| v.is_finite())
            .fold(spec.y_floor, f64::max)
    };
    spec.y_floor = top;
    let keep = spec.years.iter().take_while(|y| **y <= year).count();
    for series in &mut spec.series {
        series.values.truncate(keep);
        if let Some((low, high)) = &mut series.band {
            low.truncate(keep);
            high.truncate(keep);
        }
    }
}

/// The first and last year of a chart.
fn years_of(years: &[i32]) -> (i32, i32) {
    (
        years.first().copied().unwrap_or_default(),
        years.last().copied().unwrap_or_default(),
    )
}

fn band_of(summary: Option<&Summary>, metric: Metric) -> Option<(Vec<f64>, Vec<f64>)> {
    let s = summary?;
    Some((column(&s.p10, metric), column(&s.p90, metric)))
}

/// Target marks for a chart. Count targets on stations and rooms are drawn on the coverage
/// chart as the share of townships or villages they represent.
fn marks_for(scenario: &Scenario, metrics: &[Metric], named: bool, lang: Lang) -> Vec<TargetMark> {
    let a = &scenario.assumptions;
    scenario
        .targets
        .iter()
        .filter(|t| metrics.contains(&t.metric))
        .filter_map(|t| {
            // A count with nothing to be a share of has no place on a percentage axis.
            let value = match t.metric {
                Metric::Stations if a.townships > 0.0 => t.threshold / a.townships,
                Metric::Rooms if a.villages > 0.0 => t.threshold / a.villages,
                Metric::Stations | Metric::Rooms => return None,
                _ => t.threshold,
            };
            let mut threshold = metric_value(t.metric, t.threshold, lang);
            // A count drawn as a share says which share it stands for: "社工室数量 1000 ≈ 36%".
            if value != t.threshold {
                threshold = format!("{threshold} ≈ {}", format_percent(value, lang));
            }
            Some(TargetMark {
                value,
                deadline: t.deadline,
                label: if named {
                    format!("{} {threshold}", metric_label(t.metric, lang))
                } else {
                    threshold
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ningxia's rooms story: a budget band above the story's scale raised the axis at step 4
    /// during the playback (issue 20).
    #[test]
    fn playback_on_a_story_scale_keeps_the_axis_when_a_band_rises_above_it() {
        let computed = Computed::of(&swplan_plans::presets::default_preset().scenario).unwrap();
        let plotted = Plotted {
            label: "A",
            name: None,
            computed: &computed,
            summary: None,
        };
        let (_, mut spec) = single_plan(&plotted, None, Lang::Zh, 640.0)
            .into_iter()
            .next()
            .unwrap();
        let line_top = spec.series[0].values.iter().copied().fold(0.0, f64::max);
        spec.y_floor = line_top;
        spec.fixed_scale = true;
        let mut banded = spec.clone();
        let n = banded.series[0].values.len();
        banded.series[0].band = Some((vec![0.0; n], vec![line_top * 1.5; n]));
        let year = spec.years[n / 2];
        truncate(&mut spec, year);
        truncate(&mut banded, year);
        assert_eq!(banded.y_floor, spec.y_floor);
        assert_eq!(
            crate::chart::layout(&banded).grid,
            crate::chart::layout(&spec).grid
        );
    }

    #[test]
    fn compared_charts_are_titled_in_full() {
        let computed = Computed::of(&swplan_plans::presets::default_preset().scenario).unwrap();
        let plans = [
            Plotted {
                label: "A",
                name: None,
                computed: &computed,
                summary: None,
            },
            Plotted {
                label: "B",
                name: None,
                computed: &computed,
                summary: None,
            },
        ];
        let titles: Vec<String> = compared(&plans, Lang::En, 640.0)
            .into_iter()
            .map(|(_, spec)| spec.title)
            .collect();
        assert!(
            titles.contains(&"Cumulative budget".to_string()),
            "{titles:?}"
        );
    }

    #[test]
    fn a_chart_is_named_by_its_region_and_plan_and_says_so_on_its_face() {
        let computed = Computed::of(&swplan_plans::presets::default_preset().scenario).unwrap();
        let plan = Plotted {
            label: "",
            name: Some("多招人"),
            computed: &computed,
            summary: None,
        };
        let specs = single_plan(&plan, None, Lang::Zh, 640.0);
        let (_, talent) = &specs[0];
        assert_eq!(
            talent.file_name("png"),
            "云南省-多招人-社会工作人才总量-2020-2030.png"
        );
        let (document, _) = crate::chart::to_svg_document(talent);
        assert!(
            document.contains("云南省 · 多招人 · 2020–2030年"),
            "the image names its plan"
        );
        let unnamed = Plotted { name: None, ..plan };
        let specs = single_plan(&unnamed, None, Lang::En, 640.0);
        assert_eq!(
            specs[2].1.file_name("svg"),
            "Yunnan-Station-and-room-coverage-2020-2030.svg"
        );
    }

    #[test]
    fn each_band_has_a_legend_entry_in_its_own_colour() {
        use swplan_engine::montecarlo::{simulate_many, Settings};
        let scenario = swplan_plans::presets::by_slug("ningxia")
            .unwrap()
            .scenario
            .clone();
        let computed = Computed::of(&scenario).unwrap();
        let summary = simulate_many(&scenario, Settings::clamped(50, 1)).unwrap();
        let plan = Plotted {
            label: "",
            name: None,
            computed: &computed,
            summary: Some(&summary),
        };
        let specs = single_plan(&plan, None, Lang::Zh, 640.0);
        let coverage = &specs.iter().find(|(c, _)| *c == Chart::Coverage).unwrap().1;
        let tones: Vec<u8> = coverage
            .band_legend()
            .iter()
            .map(|(tone, _)| *tone)
            .collect();
        assert_eq!(tones, [1, 2], "stations blue, rooms amber");
        let talent = &specs[0].1;
        assert_eq!(talent.band_legend(), [(1, "P10–P90 区间".to_string())]);
        // The page's legend and the downloaded document draw the same samples.
        let markup = crate::chart::to_page_markup(coverage, "chart-coverage");
        assert!(
            markup.contains("fill=\"#b45309\" opacity=\"0.2\""),
            "{markup}"
        );
        let (document, _) = crate::chart::to_svg_document(coverage);
        assert!(document.contains("fill=\"#b45309\" opacity=\"0.2\""));
    }

    #[test]
    fn a_band_apart_from_its_line_is_explained() {
        use swplan_engine::montecarlo::{simulate_many, Settings};
        let note = |model: u32, with_band: bool| {
            let mut scenario = swplan_plans::presets::default_preset().scenario.clone();
            scenario.model = model;
            let computed = Computed::of(&scenario).unwrap();
            let summary = simulate_many(&scenario, Settings::default()).unwrap();
            let plan = Plotted {
                label: "",
                name: None,
                computed: &computed,
                summary: with_band.then_some(&summary),
            };
            single_plan(&plan, None, Lang::Zh, 640.0)
                .into_iter()
                .find(|(chart, _)| *chart == Chart::Coverage)
                .and_then(|(_, spec)| spec.note)
        };
        // A plan of the first model reading builds every station and room in its year, while
        // the simulations let Yunnan's slip (assumed 10 % and 15 %): its band lies below.
        let explained = note(swplan_engine::scenario::FIRST_MODEL_VERSION, true)
            .expect("a note under the coverage chart");
        assert!(
            explained.contains("假设约10%的社工站、15%的社工室延期一年"),
            "{explained}"
        );
        // The current reading plans the expected path: inside its band, nothing to explain.
        assert_eq!(note(swplan_engine::scenario::MODEL_VERSION, true), None);
        // Without simulations there is no band, so nothing to explain.
        assert_eq!(
            note(swplan_engine::scenario::FIRST_MODEL_VERSION, false),
            None
        );
    }
}
