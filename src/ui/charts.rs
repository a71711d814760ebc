//! The four charts a planner reads: talent, certified by level, coverage, budget. Each plots
//! the plan, the P10–P90 band once Monte Carlo is done, and the targets that belong to it.

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use super::chart::Chart;
use crate::chart::{Axis, ChartSpec, Series, Shape, TargetMark};
use crate::i18n::messages::metric_value;
use crate::i18n::strings::strings;
use crate::i18n::{metric_label, Lang};
use crate::model::montecarlo::Summary;
use crate::model::{Metric, Scenario};
use crate::state::Computed;

/// The drawing width of one chart for a window width: one column on phones, two beside the
/// settings column on wide screens.
fn chart_width(window_width: f64) -> f64 {
    if window_width < 900.0 {
        window_width - 56.0
    } else if window_width < 1100.0 {
        window_width - 460.0
    } else {
        ((window_width - 480.0) / 2.0).min(640.0)
    }
}

fn window_width() -> f64 {
    gloo::utils::window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(1200.0)
}

#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    pub lang: Lang,
    pub computed: Rc<Computed>,
    pub summary: Option<Rc<Summary>>,
}

#[function_component(Charts)]
pub fn charts(props: &ChartsProps) -> Html {
    let width = use_state(window_width);
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| {
                width.set(window_width())
            });
            move || drop(listener)
        });
    }
    let lang = props.lang;
    let text = strings(lang);
    let scenario = &props.computed.scenario;
    let rows = &props.computed.trajectory.years;
    let summary = props.summary.as_deref();
    let years: Vec<i32> = rows.iter().map(|r| r.year).collect();
    let line = |label: &str, tone: u8, metric: Metric, with_band: bool| Series {
        label: label.to_string(),
        tone,
        shape: Shape::Line,
        values: rows.iter().map(|r| metric.value(r)).collect(),
        band: if with_band {
            band_of(summary, metric)
        } else {
            None
        },
        faint: false,
    };
    let marks = |metrics: &[Metric], named: bool| marks_for(scenario, metrics, named, lang);
    let width = chart_width(*width);
    let spec = |title: &str, axis: Axis, series: Vec<Series>, marks: Vec<TargetMark>| ChartSpec {
        title: title.to_string(),
        years: years.clone(),
        series,
        marks,
        axis,
        lang,
        width,
    };
    let talent = spec(
        text.chart_talent,
        Axis::Count,
        vec![line(
            metric_label(Metric::Talent, lang),
            1,
            Metric::Talent,
            true,
        )],
        marks(&[Metric::Talent], false),
    );
    let certified = spec(
        text.chart_certified,
        Axis::Count,
        vec![
            line(text.series_total, 1, Metric::Certified, true),
            line(text.series_junior, 2, Metric::CertifiedJunior, false),
            line(text.series_mid, 3, Metric::CertifiedMid, false),
            line(text.series_senior, 4, Metric::CertifiedSenior, false),
        ],
        marks(
            &[
                Metric::Certified,
                Metric::CertifiedJunior,
                Metric::CertifiedMid,
                Metric::CertifiedSenior,
            ],
            true,
        ),
    );
    let coverage = spec(
        text.chart_coverage,
        Axis::Percent,
        vec![
            line(text.series_stations, 1, Metric::StationCoverage, true),
            line(text.series_rooms, 2, Metric::RoomCoverage, true),
        ],
        marks(
            &[
                Metric::StationCoverage,
                Metric::RoomCoverage,
                Metric::Stations,
                Metric::Rooms,
            ],
            true,
        ),
    );
    let budget = spec(
        text.chart_budget,
        Axis::Yuan,
        vec![
            Series {
                label: text.series_yearly.to_string(),
                tone: 3,
                shape: Shape::Bars,
                values: rows.iter().map(|r| r.budget).collect(),
                band: None,
                faint: false,
            },
            line(text.series_cumulative, 1, Metric::BudgetCumulative, true),
        ],
        marks(&[Metric::BudgetCumulative], false),
    );

    html! {
        <section class="charts" aria-labelledby="charts-heading">
            <h2 id="charts-heading">{ text.charts_heading }</h2>
            <div class="chart-grid">
                <Chart id="chart-talent" spec={talent} />
                <Chart id="chart-certified" spec={certified} />
                <Chart id="chart-coverage" spec={coverage} />
                <Chart id="chart-budget" spec={budget} />
            </div>
        </section>
    }
}

fn band_of(summary: Option<&Summary>, metric: Metric) -> Option<(Vec<f64>, Vec<f64>)> {
    let s = summary?;
    Some((
        s.p10.iter().map(|r| metric.value(r)).collect(),
        s.p90.iter().map(|r| metric.value(r)).collect(),
    ))
}

/// Target marks for a chart. Count targets on stations and rooms are drawn on the coverage
/// chart as the share of townships or villages they represent.
fn marks_for(scenario: &Scenario, metrics: &[Metric], named: bool, lang: Lang) -> Vec<TargetMark> {
    let a = &scenario.assumptions;
    scenario
        .targets
        .iter()
        .filter(|t| metrics.contains(&t.metric))
        .map(|t| {
            let value = match t.metric {
                Metric::Stations if a.townships > 0.0 => t.threshold / a.townships,
                Metric::Rooms if a.villages > 0.0 => t.threshold / a.villages,
                _ => t.threshold,
            };
            let threshold = metric_value(t.metric, t.threshold, lang);
            TargetMark {
                value,
                deadline: t.deadline,
                label: if named {
                    format!("{} {threshold}", metric_label(t.metric, lang))
                } else {
                    threshold
                },
            }
        })
        .collect()
}
