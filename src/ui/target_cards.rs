//! One card per official target: verdict, value and gap at the deadline, first year met,
//! probability under uncertainty, where the target comes from, and what it takes.

use yew::prelude::*;

use super::app::use_app;
use super::state::Uncertain;
use super::what_it_takes::WhatItTakes;
use crate::i18n::strings::{source_sentence, strings, threshold_by_deadline};
use crate::i18n::{format_percent, Lang};
use crate::model::Provenance;
use crate::report::metric_value;

#[function_component(TargetCards)]
pub fn target_cards() -> Html {
    let app = use_app();
    let text = strings(app.lang);
    let verdicts = &app.result.verdicts;
    html! {
        <section class="targets" aria-labelledby="targets-heading">
            <h2 id="targets-heading">{ text.targets_heading }</h2>
            if verdicts.is_empty() {
                <p class="muted">{ text.no_targets }</p>
            } else {
                <div class="target-grid">
                    { for (0..verdicts.len()).map(|index| html! { <TargetCard {index} key={index} /> }) }
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct TargetCardProps {
    pub index: usize,
}

#[function_component(TargetCard)]
fn target_card(props: &TargetCardProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let text = strings(lang);
    let Some(verdict) = app.result.verdicts.get(props.index) else {
        return Html::default();
    };
    let metric = verdict.metric;
    let value = |v: f64| metric_value(metric, v, lang);
    let odds = match &app.uncertain {
        Uncertain::Done(summary) => summary.targets.get(props.index),
        Uncertain::Running { .. } => None,
    };
    let year_text = |year: Option<i32>| match (year, lang) {
        (Some(year), Lang::Zh) => format!("{year}年"),
        (Some(year), Lang::En) => year.to_string(),
        (None, _) => text.never_met.to_string(),
    };
    let probability = odds.map(|o| format_percent(o.probability, lang));
    let median_first = odds.map(|o| year_text(o.median_first_year()));
    let source = app
        .result
        .scenario
        .targets
        .get(props.index)
        .and_then(|t| t.source.as_ref())
        .map(|p| match p {
            Provenance::Source { doc, quote, .. } => source_sentence(doc, quote, lang),
            Provenance::Assumption {
                assumption,
                assumption_en,
            } => lang.pick(assumption, assumption_en).to_string(),
        });
    let tip_id = format!("target-source-{}", props.index);
    let (badge_class, badge) = if verdict.met {
        ("badge met", format!("✓ {}", text.met))
    } else {
        ("badge not-met", format!("✗ {}", text.not_met))
    };
    let first = year_text(verdict.first_year_met);
    html! {
        <article class={classes!("target-card", if verdict.met { "is-met" } else { "is-not-met" })}
                 data-metric={metric.key()}>
            <header class="target-head">
                <span class={badge_class}>{ badge }</span>
                <h3>{ metric.label(lang) }</h3>
                if let Some(source) = source {
                    <span class="tip-anchor">
                        <button type="button" class="info" aria-describedby={tip_id.clone()}
                                aria-label={text.target_source}>{ "i" }</button>
                        <span role="tooltip" id={tip_id} class="tooltip">{ source }</span>
                    </span>
                }
            </header>
            <p class="target-line">{ threshold_by_deadline(&value(verdict.threshold), verdict.deadline, lang) }</p>
            <dl class="target-facts">
                <div><dt>{ text.at_deadline }</dt><dd>{ value(verdict.value_at_deadline) }</dd></div>
                if !verdict.met {
                    <div><dt>{ text.gap }</dt><dd class="gap">{ value(verdict.gap) }</dd></div>
                }
                <div><dt>{ text.first_met }</dt><dd>{ first }</dd></div>
                <div>
                    <dt>{ text.probability }</dt>
                    <dd class="probability" aria-live="polite">
                        { probability.unwrap_or_else(|| text.computing.to_string()) }
                    </dd>
                </div>
                if let Some(median_first) = median_first {
                    <div class="wide"><dt>{ text.median_first_met }</dt><dd>{ median_first }</dd></div>
                }
            </dl>
            <WhatItTakes index={props.index} />
        </article>
    }
}
