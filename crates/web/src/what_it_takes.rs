//! "What it takes": the least yearly value of a lever that drives this target, for the plan or
//! at a chosen confidence. Only levers that drive the target are offered; a target already met
//! is said to be met, with how far the lever could fall; before a value is applied, the panel
//! shows what it does to every other target.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::compute_client::ComputeClient;
use swplan_plans::compute::{Effect, Job, Outcome};

use super::tip::Tip;
use swplan_engine::montecarlo::Settings;
use swplan_engine::params;
use swplan_engine::seek::{drivers, Answer, Question, Search};
use swplan_plans::state::{Action, Computed};
use swplan_words::messages::{
    refusal_message, seek_error_message, seek_outcome_sentence, seek_schedule_sentence,
    seek_stretch_note,
};
use swplan_words::strings::{odds_change, strings};
use swplan_words::{format_percent, metric_label, param_label, Lang};

#[derive(Properties, PartialEq)]
pub struct WhatItTakesProps {
    pub index: usize,
    pub lang: Lang,
    pub computed: Rc<Computed>,
    pub mc: Settings,
    /// Some input is invalid: the answer is of the last valid inputs and cannot be applied.
    #[prop_or_default]
    pub stale: bool,
    pub on_action: Callback<Action>,
}

/// Confidence choices: the plan itself, then 80 % and 90 % under uncertainty.
const CONFIDENCES: [Option<f64>; 3] = [None, Some(0.8), Some(0.9)];

/// The search runs the Monte Carlo some twenty times; beyond this many trajectories per trial
/// the answer barely moves but the wait grows, so larger settings are capped here.
const SEEK_MAX_RUNS: usize = 2_000;

#[function_component(WhatItTakes)]
pub fn what_it_takes(props: &WhatItTakesProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let index = props.index;
    let target = props.computed.scenario.targets.get(index).cloned();
    let levers: &'static [&'static str] = target.as_ref().map_or(&[], |t| drivers(t.metric));
    let lever = use_state(|| levers.first().copied());
    // A lever that does not drive this target (the target's metric was changed) is replaced.
    let chosen = lever
        .filter(|l| levers.contains(l))
        .or(levers.first().copied());
    let confidence = use_state(|| None::<f64>);
    let open = use_state(|| false);
    // The answer and what its value does to every target (computed with it, off the page).
    let answer = use_state(|| None::<Result<(Answer, Vec<Effect>), String>>);

    // Recompute when the panel is open and the result, lever or confidence changes: the
    // search runs in the computing service (a worker, or slices on the page), "computing…"
    // shows meanwhile, and a newer request cancels an older one.
    let compute = use_context::<ComputeClient>();
    {
        let answer = answer.clone();
        let computed = props.computed.clone();
        let settings = Settings {
            runs: props.mc.runs.min(SEEK_MAX_RUNS),
            ..props.mc
        };
        let deps = (
            Rc::as_ptr(&computed) as usize,
            chosen,
            *confidence,
            *open,
            lang,
            settings,
        );
        use_effect_with(deps, move |(_, lever, confidence, open, lang, _)| {
            let mut running = None;
            if let (true, Some(lever), Some(client)) = (*open, *lever, compute.clone()) {
                answer.set(None);
                let lang = *lang;
                if let Some(target) = computed.scenario.targets.get(index) {
                    // Questions that cannot be asked are answered at once, in words.
                    let question = Question {
                        target,
                        lever,
                        confidence: confidence.map(|c| (c, settings)),
                    };
                    match Search::new(&computed.scenario, &question) {
                        Err(e) => answer.set(Some(Err(seek_error_message(&e, lang)))),
                        Ok(_) => {
                            let job = Job::Seek {
                                scenario: computed.scenario.clone(),
                                target: target.clone(),
                                lever: lever.to_string(),
                                confidence: *confidence,
                                settings,
                            };
                            let answer = answer.clone();
                            let id = client.submit(
                                job,
                                |_, _| {},
                                move |outcome| match outcome {
                                    Outcome::Answer(found) => {
                                        let effects = found.effects.clone();
                                        answer.set(found.answer().map(|a| Ok((a, effects))));
                                    }
                                    Outcome::Refused(refusal) => {
                                        answer.set(Some(Err(refusal_message(&refusal, lang))))
                                    }
                                    Outcome::Summary(_)
                                    | Outcome::Calibration(_)
                                    | Outcome::Backtest(_) => {}
                                },
                            );
                            running = Some((client, id));
                        }
                    }
                }
            }
            move || {
                if let Some((client, id)) = running {
                    client.cancel(id);
                }
            }
        });
    }

    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
    let on_lever = {
        let lever = lever.clone();
        Callback::from(move |e: Event| {
            let key = e.target_unchecked_into::<HtmlSelectElement>().value();
            lever.set(levers.iter().copied().find(|l| *l == key));
        })
    };
    let on_confidence = {
        let confidence = confidence.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            confidence.set(value.parse::<f64>().ok());
        })
    };
    let id = |what: &str| format!("seek-{what}-{index}");

    // A value above the current one can be applied; before that, show its effect on every target.
    // For a schedule that varies by year the answer is a same-every-year value: it is offered
    // unless the schedule already meets the target as planned (replacing it would only cost).
    let met_as_planned = props.computed.verdicts.get(index).is_some_and(|v| v.met);
    let schedule = match &*answer {
        Some(Ok((found, _))) => varies_by_year(&props.computed, found.lever),
        _ => false,
    };
    let proposal = match &*answer {
        Some(Ok((found, effects))) if schedule => (found.value.is_some()
            && !(found.confidence.is_none() && met_as_planned))
            .then(|| (found.clone(), effects.clone())),
        Some(Ok((
            found @ Answer {
                value: Some(value),
                current,
                ..
            },
            effects,
        ))) if value > current => Some((found.clone(), effects.clone())),
        _ => None,
    };
    // Every value the panel names — one to apply, or how far the lever could fall — comes with
    // what it does to every target.
    // A same-every-year value for a schedule is a change even when it equals the first year's.
    let named_effects = match &*answer {
        Some(Ok((found, effects)))
            if found.value.is_some_and(|v| schedule || v != found.current)
                && !effects.is_empty() =>
        {
            Some(effects.clone())
        }
        _ => None,
    };
    let preview: Option<Vec<(String, bool, bool, String)>> = named_effects.map(|effects| {
        effects
            .iter()
            .map(|e| {
                let odds = e
                    .odds
                    .map(|o| odds_change(o.before, o.after, lang))
                    .unwrap_or_default();
                (
                    metric_label(e.metric, lang).to_string(),
                    e.met_before,
                    e.met_after,
                    odds,
                )
            })
            .collect()
    });
    let proposal = proposal.map(|(found, _)| found);
    let stretch = proposal
        .as_ref()
        .and_then(|found| seek_stretch_note(found, lang));
    let apply = proposal.map(|found| {
        let on_action = props.on_action.clone();
        let varies = varies_by_year(&props.computed, found.lever);
        let value = found.value.unwrap_or(found.current);
        let lever = found.lever;
        let label = if varies {
            text.apply_replacing_schedule
        } else {
            text.apply
        };
        let onclick = Callback::from(move |_| {
            on_action.emit(if varies {
                Action::ReplaceSchedule { key: lever, value }
            } else {
                Action::SetValue { key: lever, value }
            })
        });
        let blocked = props.stale;
        html! {
            <>
                <button type="button" class="apply" {onclick} disabled={blocked}
                        aria-describedby={blocked.then(|| id("blocked"))}>{ label }</button>
                if blocked {
                    <p class="seek-blocked" id={id("blocked")}>{ text.apply_blocked_invalid }</p>
                }
            </>
        }
    });

    html! {
        <details class="what-it-takes" ontoggle={on_toggle}>
            <summary>
                { text.what_it_takes }
            </summary>
            <div class="seek-help">
                <Tip id={id("help")} face="?" class={classes!("help")} hidden_label={Some(AttrValue::from(text.help_label))}>
                    <span class="tip-note">{ text.what_it_takes_help }</span>
                </Tip>
                <span class="muted">{ text.what_it_takes_short }</span>
            </div>
            if levers.is_empty() {
                <p class="seek-answer">{ target.map(|t| swplan_words::strings::no_lever_sentence(t.metric, lang)).unwrap_or_default() }</p>
            } else {
                <div class="seek-form">
                    <label for={id("lever")}>{ text.lever }</label>
                    <select id={id("lever")} onchange={on_lever}>
                        { for levers.iter().map(|key| html! {
                            <option value={*key} selected={Some(*key) == chosen}>{ param_label(key, lang) }</option>
                        }) }
                    </select>
                    <label for={id("confidence")}>{ text.confidence }</label>
                    <select id={id("confidence")} onchange={on_confidence}>
                        { for CONFIDENCES.iter().map(|c| html! {
                            <option value={c.map(|c| c.to_string()).unwrap_or_default()} selected={*c == *confidence}>
                                { c.map_or(text.plan_only.to_string(), |c| format_percent(c, lang)) }
                            </option>
                        }) }
                    </select>
                </div>
                <p class="seek-answer" aria-live="polite">
                    { match &*answer {
                        None => text.computing.to_string(),
                        Some(Ok((found, _))) if schedule => seek_schedule_sentence(found, met_as_planned, lang),
                        Some(Ok((found, _))) => seek_outcome_sentence(found, lang),
                        Some(Err(message)) => message.clone(),
                    } }
                </p>
                if let Some(note) = stretch {
                    <p class="seek-stretch">{ note }</p>
                }
                if let Some(rows) = preview {
                    <div class="seek-preview">
                        <p class="muted">{ if rows.iter().any(|row| !row.3.is_empty()) { text.effect_on_targets_odds } else { text.effect_on_targets } }</p>
                        <ul>
                            { for rows.into_iter().map(|(label, before, after, odds)| html! {
                                <li class={classes!((before != after).then_some("changes"))}>
                                    { label }{ lang.pick("：", ": ") }
                                    { if before { "✓" } else { "✗" } }{ " → " }{ if after { "✓" } else { "✗" } }
                                    if !odds.is_empty() {
                                        <span class="odds">{ odds }</span>
                                    }
                                    <span class="visually-hidden">
                                        { format!(" {} → {}", if before { text.met } else { text.not_met }, if after { text.met } else { text.not_met }) }
                                    </span>
                                </li>
                            }) }
                        </ul>
                    </div>
                }
                { for apply }
            }
        </details>
    }
}

fn varies_by_year(computed: &Computed, lever: &str) -> bool {
    match params::value(&computed.scenario, lever) {
        Some(params::Value::Yearly(y)) => {
            let values = y.expand(computed.scenario.horizon().max(1));
            values.iter().any(|v| *v != values[0])
        }
        _ => false,
    }
}
