//! The region and its targets, at the top of the settings: a region of the planner's own gets
//! its name and base year here; every target can be changed (figure, threshold, deadline),
//! removed (with undo) or added, and the preset's targets brought back. A target the planner
//! set or changed is marked as theirs and has no source.

use web_sys::{HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

use super::provenance::ProvenanceChip;
use swplan_engine::params::Unit;
use swplan_engine::validate::YEAR_RANGE;
use swplan_engine::{Metric, Target, YearRow};
use swplan_plans::state::Action;
use swplan_words::inputs::{display_text, parse_typed};
use swplan_words::labels::threshold_unit;
use swplan_words::messages::metric_value;
use swplan_words::strings::strings;
use swplan_words::{metric_label, Lang};

#[derive(Properties, PartialEq)]
pub struct TargetEditorProps {
    pub lang: Lang,
    pub targets: Vec<Target>,
    /// The baseline's targets differ from these (some were removed or changed).
    pub differs: bool,
    pub base_year: i32,
    pub end_year: i32,
    /// The plan's last row, to suggest a threshold for a new target.
    pub last_row: YearRow,
    /// Messages about targets: (index, message).
    pub errors: Vec<(usize, String)>,
    /// A region of the planner's own: its name and base year are edited here.
    pub custom_region: Option<String>,
    pub on_action: Callback<Action>,
}

/// The threshold as the field shows it: coverage in percent, others as they are.
fn shown_threshold(metric: Metric, value: f64) -> String {
    let unit = if metric.is_coverage() {
        Unit::Rate
    } else {
        Unit::Count
    };
    display_text(unit, value)
}

/// A round number a little above `value`, as a first threshold for a new target.
fn suggested_threshold(metric: Metric, value: f64) -> f64 {
    if metric.is_coverage() {
        return 1.0;
    }
    let raised = (value * 1.1).max(1.0);
    let magnitude = 10f64.powi(raised.log10().floor() as i32 - 1);
    (raised / magnitude).ceil() * magnitude
}

#[function_component(TargetEditor)]
pub fn target_editor(props: &TargetEditorProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let used: Vec<Metric> = props.targets.iter().map(|t| t.metric).collect();
    let on_add = {
        let on_action = props.on_action.clone();
        let metric = Metric::targetable()
            .find(|m| !used.contains(m))
            .unwrap_or(Metric::Talent);
        let threshold = suggested_threshold(metric, metric.value(&props.last_row));
        let deadline = props.end_year;
        Callback::from(move |_| {
            on_action.emit(Action::AddTarget(Target {
                metric,
                threshold,
                deadline,
                source: None,
            }))
        })
    };
    let on_restore = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::RestoreTargets))
    };
    html! {
        <details class="group targets-group" open={props.custom_region.is_some()}>
            <summary><h3>{ text.region_and_targets }{ format!(" ({})", props.targets.len()) }</h3></summary>
            if let Some(name) = &props.custom_region {
                <RegionFields {lang} name={name.clone()} base_year={props.base_year} on_action={props.on_action.clone()} />
            }
            <ul class="target-editor">
                { for props.targets.iter().enumerate().map(|(index, target)| html! {
                    <TargetRow key={format!("{index}-{}", target.metric.key())} {index} target={target.clone()} {lang}
                               last_row={props.last_row.clone()}
                               base_year={props.base_year} end_year={props.end_year}
                               errors={props.errors.iter().filter(|(i, _)| *i == index).map(|(_, m)| m.clone()).collect::<Vec<_>>()}
                               on_action={props.on_action.clone()} />
                }) }
            </ul>
            if props.targets.is_empty() {
                <p class="muted">{ text.no_targets }</p>
            }
            <div class="target-editor-actions">
                <button type="button" class="link" id="add-target" onclick={on_add}>{ text.add_target }</button>
                if props.differs {
                    <button type="button" class="link" onclick={on_restore}>{ text.restore_targets }</button>
                }
            </div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct TargetRowProps {
    index: usize,
    target: Target,
    /// The plan's last row, to suggest a threshold when the figure changes.
    last_row: YearRow,
    lang: Lang,
    base_year: i32,
    end_year: i32,
    errors: Vec<String>,
    on_action: Callback<Action>,
}

#[function_component(TargetRow)]
fn target_row(props: &TargetRowProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let index = props.index;
    let target = &props.target;
    let typing = use_state(|| None::<String>);
    let draft_error = use_state(|| false);
    let emit_target = {
        let on_action = props.on_action.clone();
        move |target: Target| on_action.emit(Action::SetTarget { index, target })
    };
    let on_metric = {
        let (emit_target, target, last_row) =
            (emit_target.clone(), target.clone(), props.last_row.clone());
        Callback::from(move |e: Event| {
            let key = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(metric) = Metric::from_key(&key) {
                // Another figure needs its own kind of number: a round one near its level.
                let threshold = suggested_threshold(metric, metric.value(&last_row));
                emit_target(Target {
                    metric,
                    threshold,
                    deadline: target.deadline,
                    source: None,
                });
            }
        })
    };
    let on_deadline = {
        let (emit_target, target) = (emit_target.clone(), target.clone());
        Callback::from(move |e: Event| {
            if let Ok(deadline) = e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
            {
                emit_target(Target {
                    deadline,
                    source: None,
                    ..target.clone()
                });
            }
        })
    };
    let commit = {
        let (emit_target, target, typing, draft_error) = (
            emit_target.clone(),
            target.clone(),
            typing.clone(),
            draft_error.clone(),
        );
        move |typed: String| {
            typing.set(None);
            match parse_typed(&typed) {
                Ok(number) => {
                    draft_error.set(false);
                    let threshold = if target.metric.is_coverage() {
                        number / 100.0
                    } else {
                        number
                    };
                    if threshold != target.threshold {
                        emit_target(Target {
                            threshold,
                            source: None,
                            ..target.clone()
                        });
                    }
                }
                Err(_) => {
                    draft_error.set(true);
                    typing.set(Some(typed));
                }
            }
        }
    };
    let on_input = {
        let typing = typing.clone();
        Callback::from(move |e: InputEvent| {
            typing.set(Some(e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    let on_keydown = {
        let (commit, typing, draft_error) = (commit.clone(), typing.clone(), draft_error.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => commit(e.target_unchecked_into::<HtmlInputElement>().value()),
            "Escape" => {
                typing.set(None);
                draft_error.set(false);
            }
            _ => {}
        })
    };
    let on_blur = super::param_control::commit_on_blur(commit.clone(), typing.clone());
    let on_remove = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::RemoveTarget(index)))
    };
    let unit = threshold_unit(target.metric, lang);
    let comparison = if target.goal() == swplan_engine::Goal::AtMost {
        "≤"
    } else {
        "≥"
    };
    let message = draft_error
        .then(|| swplan_words::inputs::NotANumber.message(lang).to_string())
        .or_else(|| props.errors.first().cloned());
    let id = |what: &str| format!("target-{what}-{index}");
    html! {
        <li class={classes!("target-row", message.is_some().then_some("is-invalid"))} id={format!("target-editor-{index}")}>
            <div class="target-row-head">
                <label class="visually-hidden" for={id("metric")}>{ text.target_metric }</label>
                <select id={id("metric")} onchange={on_metric}>
                    { for Metric::targetable().map(|m| html! {
                        <option value={m.key()} selected={m == target.metric}>{ metric_label(m, lang) }</option>
                    }) }
                </select>
                if let Some(source) = &target.source {
                    <ProvenanceChip id={format!("target-editor-source-{index}")} provenance={source.clone()} {lang} />
                } else {
                    <span class="chip own">{ text.own_target }</span>
                }
                <button type="button" class="link danger" onclick={on_remove}>
                    { text.delete }<span class="visually-hidden">{ swplan_words::strings::naming(metric_label(target.metric, lang), lang) }</span>
                </button>
            </div>
            <div class="target-row-values">
                <span aria-hidden="true">{ comparison }</span>
                <label class="visually-hidden" for={id("threshold")}>{ text.target_threshold }</label>
                <input type="text" inputmode="decimal" class="number" id={id("threshold")}
                       value={(*typing).clone().unwrap_or_else(|| shown_threshold(target.metric, target.threshold))}
                       oninput={on_input} onkeydown={on_keydown} onblur={on_blur}
                       aria-invalid={message.is_some().then_some("true")}
                       aria-describedby={message.is_some().then(|| id("error"))}
                       title={metric_value(target.metric, target.threshold, lang)} />
                <span class="unit">{ unit }</span>
                <label for={id("deadline")}>{ text.target_deadline }</label>
                // The base year is past (its figures are the starting point): no decision can
                // meet a deadline there, so it is offered only when a target already has it.
                <select id={id("deadline")} onchange={on_deadline}>
                    { for ((props.base_year + 1).min(target.deadline)..=props.end_year.max(target.deadline)).map(|year| html! {
                        <option value={year.to_string()} selected={year == target.deadline}>{ year }</option>
                    }) }
                </select>
            </div>
            if let Some(message) = message {
                <p class="param-error" id={id("error")} role="alert">{ message }</p>
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct RegionFieldsProps {
    lang: Lang,
    name: String,
    base_year: i32,
    on_action: Callback<Action>,
}

/// The name and base year of a region of the planner's own.
#[function_component(RegionFields)]
fn region_fields(props: &RegionFieldsProps) -> Html {
    let text = strings(props.lang);
    let on_name = {
        let (on_action, current) = (props.on_action.clone(), props.name.clone());
        Callback::from(move |e: Event| {
            let name = e.target_unchecked_into::<HtmlInputElement>().value();
            let name = name.trim();
            if !name.is_empty() && name != current {
                on_action.emit(Action::SetRegionName(name.to_string()));
            }
        })
    };
    let on_base_year = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            if let Ok(year) = e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
            {
                on_action.emit(Action::SetBaseYear(year));
            }
        })
    };
    html! {
        <div class="region-fields">
            <label for="region-name">{ text.region_name }</label>
            <input id="region-name" type="text" value={props.name.clone()} onchange={on_name} maxlength="40" />
            <label for="base-year">{ text.base_year }</label>
            <select id="base-year" onchange={on_base_year}>
                { for (YEAR_RANGE.0.max(2015)..=YEAR_RANGE.1.min(2040)).map(|year| html! {
                    <option value={year.to_string()} selected={year == props.base_year}>{ year }</option>
                }) }
            </select>
        </div>
    }
}
