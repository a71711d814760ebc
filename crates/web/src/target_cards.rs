//! One card per target: the verdict as planned, the value and gap (or margin) at the deadline,
//! the first year reached, the odds under uncertainty with the median first year, a sentence
//! when plan and odds disagree, where the target comes from, and what it takes. Every row is
//! always there (a dash while unknown), so the cards keep their size while a slider moves.

use std::rc::Rc;

use yew::prelude::*;

use super::provenance::ProvenanceChip;
use super::tip::Tip;
use super::what_it_takes::WhatItTakes;
use swplan_engine::montecarlo::{contrast, Settings, Summary};
use swplan_engine::{first_year_over, Goal, YearRow};
use swplan_plans::state::{Action, Computed};
use swplan_words::messages::{metric_amount, schedule_sentence, target_difference, target_terms};
use swplan_words::results::{self, first_over_label, first_over_text};
use swplan_words::strings::{contrast_sentence, strings, year_text};
use swplan_words::{format_percent, metric_label, Lang};

#[derive(Properties, PartialEq)]
pub struct TargetCardsProps {
    pub lang: Lang,
    pub computed: Rc<Computed>,
    pub summary: Option<Rc<Summary>>,
    /// The odds shown are the previous ones; new ones are being computed.
    pub updating: bool,
    pub mc: Settings,
    /// Some input is invalid (the results are those of the last valid inputs).
    #[prop_or_default]
    pub stale: bool,
    pub on_action: Callback<Action>,
}

/// The colour of an outlook: met or on track, missed or off track, or not judged.
fn outlook_class(status: swplan_engine::reproject::OutlookStatus) -> &'static str {
    use swplan_engine::reproject::OutlookStatus as S;
    match status {
        S::MetByActual | S::OnTrack => "is-on-track",
        S::MissedByActual | S::OffTrack => "is-off-track",
        S::Unjudged => "is-unjudged",
    }
}

#[function_component(TargetCards)]
pub fn target_cards(props: &TargetCardsProps) -> Html {
    let text = strings(props.lang);
    let count = props.computed.verdicts.len();
    html! {
        <section class="targets" aria-labelledby="targets-heading">
            <h2 id="targets-heading">{ text.targets_heading }</h2>
            if count == 0 {
                <p class="muted">{ text.no_targets }</p>
            } else {
                <div class="target-grid">
                    { for (0..count).map(|index| html! {
                        <TargetCard key={index} {index} lang={props.lang} computed={props.computed.clone()}
                                    summary={props.summary.clone()} updating={props.updating} mc={props.mc} stale={props.stale} on_action={props.on_action.clone()} />
                    }) }
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct TargetCardProps {
    pub index: usize,
    pub lang: Lang,
    pub computed: Rc<Computed>,
    pub summary: Option<Rc<Summary>>,
    pub updating: bool,
    pub mc: Settings,
    pub stale: bool,
    pub on_action: Callback<Action>,
}

#[function_component(TargetCard)]
fn target_card(props: &TargetCardProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let index = props.index;
    let (Some(verdict), Some(target)) = (
        props.computed.verdicts.get(index),
        props.computed.scenario.targets.get(index),
    ) else {
        return Html::default();
    };
    let metric = verdict.metric;
    let value = |v: f64| metric_amount(metric, v, lang);
    let odds = props.summary.as_ref().and_then(|s| s.targets.get(index));
    let probability = odds.map_or(text.computing.to_string(), |o| {
        format_percent(o.probability, lang)
    });
    let median_first = odds.map_or(text.computing.to_string(), |o| {
        year_text(o.median_first_year(), lang)
    });
    // Why plan and odds disagree, when they do. Old odds against a new plan would contradict
    // it: while new odds compute (all through a drag), the card keeps the sentence it had when
    // the odds last settled, hidden, so it keeps its height and nothing below it moves; a card
    // with nothing to explain keeps no room for a sentence.
    let explained = odds
        .and_then(|o| contrast(verdict.met, metric, o, &props.computed.scenario.uncertainty))
        .map(|c| {
            contrast_sentence(
                &c,
                odds.map_or(0.0, |o| o.probability),
                odds.and_then(|o| o.median_first_year()),
                lang,
            )
        });
    let settled = use_mut_ref(|| None::<String>);
    let explained = if props.updating {
        settled.borrow().clone()
    } else {
        settled.borrow_mut().clone_from(&explained);
        explained
    };
    // Met as planned but missed in most simulations: amber, as in the verdict bar.
    let fragile = super::verdict_bar::is_fragile(verdict.met, odds.map(|o| o.probability));
    let (badge_class, badge) = if fragile {
        ("badge fragile", format!("⚠ {}", text.met_as_planned))
    } else if verdict.met {
        ("badge met", format!("✓ {}", text.met_as_planned))
    } else {
        ("badge not-met", format!("✗ {}", text.not_met_as_planned))
    };
    let ceiling = target.goal() == Goal::AtMost;
    let (gap_label, gap_value) = target_difference(verdict, ceiling, lang);
    // A ceiling is "met" from the base year on: its cards say when the plan first goes over it,
    // and where the simulations lie at the deadline, not a year it was "reached".
    let (first_label, first_value) = if ceiling {
        let over = first_year_over(target, &props.computed.trajectory);
        (first_over_label(lang), first_over_text(over, lang))
    } else {
        (text.first_met, year_text(verdict.first_year_met, lang))
    };
    let simulated_range = props
        .summary
        .as_ref()
        .map_or(text.computing.to_string(), |s| {
            let at = |rows: &[YearRow]| {
                rows.iter()
                    .find(|r| r.year == verdict.deadline)
                    .map(|r| metric.value(r))
            };
            match (at(&s.p10), at(&s.p90)) {
                (Some(low), Some(high)) => results::simulated_range(metric, low, high, lang),
                _ => "—".to_string(),
            }
        });
    let id = |what: &str| format!("{what}-{index}");
    html! {
        <article class={classes!("target-card", if fragile { "is-fragile" } else if verdict.met { "is-met" } else { "is-not-met" })}
                 data-metric={metric.key()} id={format!("target-{index}")}>
            <header class="target-head">
                <span class={badge_class}>{ badge }</span>
                <h3>{ metric_label(metric, lang) }</h3>
                if let Some(source) = &target.source {
                    <ProvenanceChip id={id("target-source")} provenance={source.clone()} {lang} compact=true />
                } else {
                    <span class="chip own">{ text.own_target }</span>
                }
            </header>
            <p class="target-line">{ target_terms(verdict, ceiling, lang) }</p>
            if let Some(outlook) = props.computed.actuals.as_ref().and_then(|v| v.outlook_of(index)) {
                <p class={classes!("target-outlook", outlook_class(outlook.status))} id={id("outlook")}>
                    <strong>{ swplan_words::actuals::outlook_status(outlook.status, lang) }</strong>
                    { " " }
                    { swplan_words::actuals::outlook_sentence(outlook, lang) }
                </p>
            }
            if let Some(schedule) = props.computed.schedules.get(index).copied().flatten() {
                <p class="target-schedule">{ schedule_sentence(&schedule, metric, verdict.deadline, lang) }</p>
            }
            <dl class="target-facts">
                <div><dt>{ text.at_deadline }</dt><dd class="at-deadline">{ value(verdict.value_at_deadline) }</dd></div>
                <div><dt>{ gap_label }</dt><dd class={classes!(if verdict.met { "margin" } else { "gap" })}>{ gap_value }</dd></div>
                <div><dt>{ first_label }</dt><dd class="first-met">{ first_value }</dd></div>
                <div>
                    <dt>
                        { text.probability }
                        <Tip id={id("help-probability")} face="?" class={classes!("help")} above=true
                             hidden_label={Some(AttrValue::from(text.help_label))}>
                            <span class="tip-note">{ swplan_words::strings::probability_help(props.mc.runs, lang) }</span>
                        </Tip>
                    </dt>
                    <dd class={classes!("probability", props.updating.then_some("is-updating"))} aria-live="polite">
                        { probability }
                        if props.updating && odds.is_some() {
                            <span class="updating">{ text.updating }</span>
                        }
                    </dd>
                </div>
                if ceiling {
                    <div class="wide">
                        <dt>{ results::simulated_range_label(verdict.deadline, lang) }</dt>
                        <dd class={classes!("simulated-range", props.updating.then_some("is-updating"))}>{ simulated_range }</dd>
                    </div>
                } else {
                    <div class="wide">
                        <dt>
                            { text.median_first_met }
                            <Tip id={id("help-median")} face="?" class={classes!("help")} above=true
                                 hidden_label={Some(AttrValue::from(text.help_label))}>
                                <span class="tip-note">{ text.median_help }</span>
                            </Tip>
                        </dt>
                        <dd class={classes!("median-first", props.updating.then_some("is-updating"))}>{ median_first }</dd>
                    </div>
                }
            </dl>
            if let Some(sentence) = explained {
                <p class={classes!("contrast", props.updating.then_some("is-updating"))}
                   aria-hidden={props.updating.then_some("true")}>{ sentence }</p>
            }
            <WhatItTakes {index} {lang} computed={props.computed.clone()} mc={props.mc} stale={props.stale} on_action={props.on_action.clone()} />
        </article>
    }
}
