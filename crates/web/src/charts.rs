//! The four charts a planner reads, as built by `swplan_render::charts`, at the width of the window.

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use super::chart::Chart as ChartView;
use swplan_engine::montecarlo::Summary;
use swplan_plans::chart::Chart;
use swplan_plans::state::Computed;
use swplan_render::charts::{compared, single_plan, truncate, Behind, Plotted};
use swplan_words::strings::strings;
use swplan_words::Lang;

fn window_width() -> f64 {
    gloo::utils::window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(1200.0)
}

/// One plan as the charts draw it.
#[derive(Clone, PartialEq)]
pub struct ChartPlan {
    /// "A", "B"… in a comparison; empty for a single plan.
    pub label: String,
    /// The planner's name for the plan: a downloaded chart carries it.
    pub name: Option<String>,
    pub computed: Rc<Computed>,
    pub summary: Option<Rc<Summary>>,
}

#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    pub lang: Lang,
    pub plans: Vec<ChartPlan>,
    /// The preset's baseline, drawn faint behind a single plan.
    #[prop_or_default]
    pub baseline: Option<Rc<Computed>>,
    /// The plan as a story's step before left it, drawn faint behind a single plan (in place of
    /// the baseline).
    #[prop_or_default]
    pub previous_step: Option<Rc<Computed>>,
    /// Per chart, the top its axis must reach at least: one scale over a story's steps.
    #[prop_or_default]
    pub tops: Option<Rc<Vec<(Chart, f64)>>>,
    /// Draw the lines up to this year only (playback).
    #[prop_or_default]
    pub until: Option<i32>,
    /// Only these charts (presenter).
    #[prop_or_default]
    pub only: Option<Vec<Chart>>,
    /// Large type and drawings (presenter).
    #[prop_or_default]
    pub large: bool,
    /// Put before the charts' ids, so a second set (the presenter's) has ids of its own.
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// Each chart fills the box the page gives it (the presenter).
    #[prop_or_default]
    pub fill: bool,
    /// The chart a story step points at: it stands out.
    #[prop_or_default]
    pub highlighted: Option<Chart>,
    /// The plan's actuals, when its re-projection from the latest actual is drawn beside it.
    #[prop_or_default]
    pub reprojection: Option<Rc<swplan_plans::life::ActualsView>>,
    /// The re-projection's P10–P90, once its Monte Carlo is in.
    #[prop_or_default]
    pub reprojection_odds: Option<Rc<Summary>>,
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
    if props.plans.is_empty() {
        return Html::default();
    }
    let width = swplan_render::charts::chart_width(*width, props.large);
    let plotted: Vec<Plotted> = props
        .plans
        .iter()
        .map(|p| Plotted {
            label: &p.label,
            name: p.name.as_deref(),
            computed: &p.computed,
            summary: p.summary.as_deref(),
        })
        .collect();
    let specs = if plotted.len() == 1 {
        let behind = match (&props.previous_step, &props.baseline) {
            (Some(previous), _) => Some((previous.as_ref(), Behind::PreviousStep)),
            (None, Some(baseline)) => Some((baseline.as_ref(), Behind::Baseline)),
            (None, None) => None,
        };
        single_plan(&plotted[0], behind, lang, width)
    } else {
        compared(&plotted, lang, width)
    };
    let mut specs = specs;
    if let (1, Some(again)) = (
        plotted.len(),
        props
            .reprojection
            .as_ref()
            .and_then(|v| v.reprojection.as_ref()),
    ) {
        swplan_render::life_charts::add_reprojection(
            &mut specs,
            &plotted[0].computed.trajectory,
            &again.trajectory,
            props.reprojection_odds.as_deref(),
            lang,
        );
    }
    let specs: Vec<(Chart, _)> = specs
        .into_iter()
        .map(|(chart, mut spec)| {
            if let Some(top) = props
                .tops
                .as_ref()
                .and_then(|tops| tops.iter().find(|(c, _)| *c == chart))
            {
                spec.y_floor = spec.y_floor.max(top.1);
                spec.fixed_scale = true;
            }
            if let Some(year) = props.until {
                truncate(&mut spec, year);
            }
            (chart, spec)
        })
        .collect();
    // The presenter's charts in the order it asks for them (the highlighted one first).
    let mut specs = specs;
    if let Some(only) = &props.only {
        specs.retain(|(chart, _)| only.contains(chart));
        specs.sort_by_key(|(chart, _)| only.iter().position(|c| c == chart));
    }
    html! {
        <section class={classes!("charts", props.large.then_some("is-large"))} aria-labelledby={format!("{}charts-heading", props.id_prefix)}>
            <h2 id={format!("{}charts-heading", props.id_prefix)}>{ text.charts_heading }</h2>
            <div class="chart-grid">
                { for specs.into_iter().map(|(chart, spec)| html! {
                    <ChartView id={format!("{}{}", props.id_prefix, chart.id())} {spec} fill={props.fill}
                               highlighted={props.highlighted == Some(chart)} />
                }) }
            </div>
        </section>
    }
}
