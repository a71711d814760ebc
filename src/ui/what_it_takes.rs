//! "What it takes": the least value of a lever that meets a target, for the plan or at a chosen
//! confidence, with a button that applies it.

use std::cell::Cell;
use std::rc::Rc;

use gloo::timers::future::TimeoutFuture;
use web_sys::HtmlSelectElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::app::use_app;
use super::state::Action;
use crate::i18n::format_percent;
use crate::i18n::strings::strings;
use crate::model::montecarlo::Settings;
use crate::model::params;
use crate::model::seek::{natural_lever, seekable_levers, Answer, Question, Search};

#[derive(Properties, PartialEq)]
pub struct WhatItTakesProps {
    pub index: usize,
}

/// Confidence choices: the plan itself, then 80 % and 90 % under uncertainty.
const CONFIDENCES: [Option<f64>; 3] = [None, Some(0.8), Some(0.9)];

/// The search runs the Monte Carlo some twenty times; beyond this many trajectories per trial
/// the answer barely moves but the wait grows, so larger settings are capped here.
const SEEK_MAX_RUNS: usize = 2_000;

/// Work per slice before yielding to the browser, in milliseconds.
const SLICE_MS: f64 = 12.0;

#[function_component(WhatItTakes)]
pub fn what_it_takes(props: &WhatItTakesProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let text = strings(lang);
    let metric = app.result.verdicts.get(props.index).map(|v| v.metric);
    let lever = use_state(|| metric.map_or("hires", natural_lever));
    let confidence = use_state(|| None::<f64>);
    let open = use_state(|| false);
    let answer = use_state(|| None::<Result<Answer, String>>);

    // Recompute when the panel is open and the result, lever or confidence changes. The search
    // runs in slices after a frame, so "computing…" shows and the page stays responsive; a
    // newer request cancels an older one.
    {
        let answer = answer.clone();
        let result = app.result.clone();
        let settings = Settings {
            runs: app.mc_settings.runs.min(SEEK_MAX_RUNS),
            ..app.mc_settings
        };
        let index = props.index;
        let deps = (app.generation, *lever, *confidence, *open, lang);
        use_effect_with(deps, move |(_, lever, confidence, open, lang)| {
            let cancelled = Rc::new(Cell::new(false));
            if *open {
                answer.set(None);
                let (lever, confidence, lang) = (*lever, *confidence, *lang);
                let stop = cancelled.clone();
                spawn_local(async move {
                    TimeoutFuture::new(16).await;
                    if stop.get() {
                        return;
                    }
                    let Some(target) = result.scenario.targets.get(index) else {
                        return;
                    };
                    let question = Question {
                        target,
                        lever,
                        confidence: confidence.map(|c| (c, settings)),
                    };
                    let mut search = match Search::new(&result.scenario, &question) {
                        Ok(search) => search,
                        Err(e) => return answer.set(Some(Err(e.message(lang)))),
                    };
                    // Step the search in slices, yielding to the browser between them.
                    loop {
                        let started = js_sys::Date::now();
                        while js_sys::Date::now() - started < SLICE_MS {
                            if let Some(found) = search.step() {
                                if !stop.get() {
                                    answer.set(Some(Ok(found)));
                                }
                                return;
                            }
                        }
                        TimeoutFuture::new(0).await;
                        if stop.get() {
                            return;
                        }
                    }
                });
            }
            move || cancelled.set(true)
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
            if let Some(p) = params::param(&key) {
                lever.set(p.key);
            }
        })
    };
    let on_confidence = {
        let confidence = confidence.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            confidence.set(value.parse::<f64>().ok());
        })
    };
    let apply = match &*answer {
        Some(Ok(Answer {
            value: Some(value),
            current,
            lever,
            ..
        })) if value != current => {
            let (app, lever, value) = (app.clone(), *lever, *value);
            Some(Callback::from(move |_| {
                app.dispatch(Action::SetValue { key: lever, value })
            }))
        }
        _ => None,
    };
    let id = |what: &str| format!("seek-{what}-{}", props.index);

    html! {
        <details class="what-it-takes" ontoggle={on_toggle}>
            <summary>{ text.what_it_takes }</summary>
            <div class="seek-form">
                <label for={id("lever")}>{ text.lever }</label>
                <select id={id("lever")} onchange={on_lever}>
                    { for seekable_levers().into_iter().map(|key| html! {
                        <option value={key} selected={key == *lever}>
                            { params::param(key).map_or(key, |p| p.label(lang)) }
                        </option>
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
                    Some(Ok(answer)) => answer.sentence(lang),
                    Some(Err(message)) => message.clone(),
                } }
            </p>
            if let Some(apply) = apply {
                <button type="button" class="apply" onclick={apply}>{ text.apply }</button>
            }
        </details>
    }
}
