//! One parameter: a slider and an exact field with its unit, where the number comes from, one
//! current message, and per-year editing for schedules.
//!
//! The results on screen are always those of a value the planner chose: a slider applies at
//! once, but typed text applies only when committed (Enter, or leaving the field); until then
//! the field says that the results still use the previous value. Esc goes back to it. A
//! schedule that varies by year is never replaced by a slider or the main field: that takes
//! the explicit "same every year" action, which can be undone.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::provenance::{OwnValueChip, ProvenanceChip};
use super::schedule_editor::ScheduleEditor;
use super::source_editor::SourceEditor;
use swplan_engine::params::{Kind, Param, Shape};
use swplan_engine::{PlannerSource, Provenance, Yearly};
use swplan_plans::state::{Action, FieldId};
use swplan_words::inputs::{
    display_text, from_display, parse_typed, slider_range_for, step_through, to_display, NotANumber,
};
use swplan_words::manual::about_setting;
use swplan_words::provenance::value_origin;
use swplan_words::strings::{param_unit, pending_hint, schedule_summary, set_in_plan, strings};
use swplan_words::{param_label, Lang};

/// A parameter's value, owned, so a control re-renders only when its own value changes.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamValue {
    Scalar(f64),
    Yearly(Yearly),
}

impl ParamValue {
    /// The value of the first simulated year.
    pub fn first(&self) -> f64 {
        match self {
            ParamValue::Scalar(v) => *v,
            ParamValue::Yearly(y) => y.first(),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ParamControlProps {
    pub param: &'static Param,
    pub lang: Lang,
    pub value: ParamValue,
    /// The value the results on screen use (the last valid one while an input is invalid).
    pub applied: f64,
    /// The baseline's value, which scales the slider.
    pub baseline: ParamValue,
    pub changed: bool,
    /// The values of a schedule, one per simulated year, when it varies by year.
    pub schedule: Option<Vec<f64>>,
    pub base_year: i32,
    pub horizon: usize,
    /// A number the slider should not pass (e.g. townships for stations).
    pub ceiling: Option<f64>,
    pub provenance: Option<Provenance>,
    /// Where the planner says the value comes from, if they said.
    #[prop_or_default]
    pub own_source: Option<PlannerSource>,
    /// Committed text that is not a number, for the main field.
    pub draft: Option<String>,
    /// The same for single years of the schedule: (index, text).
    pub cell_drafts: Vec<(usize, String)>,
    /// Validation messages: (year index for one year of a schedule, message).
    pub errors: Vec<(Option<usize>, String)>,
    /// A caution about a valid but doubtful value.
    pub concern: Option<String>,
    pub schedule_open: bool,
    pub on_action: Callback<Action>,
    /// Put before every id, so a second set of controls (the presenter's) has ids of its own.
    #[prop_or_default]
    pub id_prefix: AttrValue,
}

/// Leaving a field commits what was typed in it (nothing typed, nothing to commit), as Enter does.
pub(super) fn commit_on_blur(
    commit: impl Fn(String) + 'static,
    typing: UseStateHandle<Option<String>>,
) -> Callback<FocusEvent> {
    Callback::from(move |e: FocusEvent| {
        if typing.is_some() {
            commit(e.target_unchecked_into::<HtmlInputElement>().value());
        }
    })
}

#[function_component(ParamControl)]
pub fn param_control(props: &ParamControlProps) -> Html {
    // What is being typed and not yet committed.
    let typing = use_state(|| None::<String>);
    let replacing = use_state(|| None::<String>);
    let citing = use_state(|| false);
    let param = props.param;
    let key = param.key;
    let unit = param.unit;
    let lang = props.lang;
    let text = strings(lang);
    let label = param_label(key, lang);
    let varies = props.schedule.is_some();
    let value = props.value.first();
    // The slider shows the value the results use: a refused number ("-5", "150 %") stays in its
    // field with its message, not as a slider pinned at an end.
    let refused = props.errors.iter().any(|(year, _)| year.is_none());
    let slid = if refused { props.applied } else { value };
    let range = slider_range_for(param, props.baseline.first(), slid, props.ceiling);
    let shown = to_display(unit, slid);
    let step = step_through(shown, range.step).map_or_else(|| "any".to_string(), |s| s.to_string());

    // One current message: text that is not a number, else the first validation error; none
    // while new text is being typed over it (the hint below says what the results still use).
    let retyping = (*typing).is_some();
    let message = props
        .draft
        .as_ref()
        .map(|_| NotANumber.message(lang).to_string())
        .or_else(|| props.errors.first().map(|(_, m)| m.clone()))
        .filter(|_| !retyping);
    let invalid = message.is_some();

    // A schedule that varies by year shows "varies by year" in a read-only field: Enter or
    // leaving it commits nothing (its text is not the planner's, and is no number).
    let commit = {
        let (on_action, typing) = (props.on_action.clone(), typing.clone());
        move |typed: String| {
            typing.set(None);
            if varies {
                return;
            }
            match parse_typed(&typed) {
                Ok(number) => {
                    on_action.emit(Action::ClearDraft(FieldId::main(key)));
                    on_action.emit(Action::SetValue {
                        key,
                        value: from_display(unit, number),
                    });
                }
                Err(_) => on_action.emit(Action::SetDraft {
                    field: FieldId::main(key),
                    text: typed,
                }),
            }
        }
    };
    let on_input = {
        let typing = typing.clone();
        Callback::from(move |e: InputEvent| {
            typing.set(Some(e.target_unchecked_into::<HtmlInputElement>().value()));
        })
    };
    let on_keydown = {
        let (commit, typing, on_action) = (commit.clone(), typing.clone(), props.on_action.clone());
        let pending = typing.is_some() || props.draft.is_some();
        Callback::from(
            move |e: KeyboardEvent| match e.key().to_lowercase().as_str() {
                // With nothing typed, Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo the plan, as elsewhere on
                // the page; the browser's own text undo would put an old number in the field that
                // the results no longer use. With text typed, the browser undoes the typing.
                "z" | "y" if (e.ctrl_key() || e.meta_key()) && !pending => {
                    e.prevent_default();
                    on_action.emit(if e.key().eq_ignore_ascii_case("y") || e.shift_key() {
                        Action::Redo
                    } else {
                        Action::Undo
                    });
                }
                "enter" => {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    commit(input.value());
                }
                "escape" => {
                    typing.set(None);
                    on_action.emit(Action::ClearDraft(FieldId::main(key)));
                }
                _ => {}
            },
        )
    };
    let on_blur = commit_on_blur(commit.clone(), typing.clone());
    let on_slider = {
        let (on_action, typing) = (props.on_action.clone(), typing.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(number) = input.value().parse::<f64>() {
                // Only when something was typed: setting the state re-renders the setting, on
                // every pointer move of a drag.
                if typing.is_some() {
                    typing.set(None);
                }
                on_action.emit(Action::DragValue {
                    key,
                    value: from_display(unit, number),
                });
            }
        })
    };
    let on_slider_done = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: Event| on_action.emit(Action::EndDrag))
    };
    let on_reset = {
        let (on_action, typing) = (props.on_action.clone(), typing.clone());
        Callback::from(move |_| {
            typing.set(None);
            on_action.emit(Action::ResetParam { key });
        })
    };
    let on_schedule = {
        let on_action = props.on_action.clone();
        let open = props.schedule_open;
        Callback::from(move |_| on_action.emit(Action::OpenSchedule((!open).then_some(key))))
    };

    let prefix = props.id_prefix.clone();
    let input_id = format!("{prefix}input-{key}");
    let error_id = format!("{prefix}error-{key}");
    let hint_id = format!("{prefix}hint-{key}");
    let unit_text = param_unit(param, lang);
    let field_text = if varies {
        text.varies_by_year.to_string()
    } else {
        (*typing)
            .clone()
            .or_else(|| props.draft.clone())
            .unwrap_or_else(|| display_text(unit, value))
    };
    // A long number shrinks to stay whole in its field (150000000 must not read as 15000000
    // with its last digit hidden).
    let number_class = classes!(
        "number",
        (field_text.chars().count() > 7).then_some("is-long")
    );
    // Typed but not committed: say that the results still use the value on screen.
    let pending = (*typing).as_ref().and_then(|typed| {
        let differs = parse_typed(typed).map_or(true, |n| from_display(unit, n) != value);
        differs.then(|| pending_hint(&display_text(unit, props.applied), &unit_text, lang))
    });
    let described_by = [
        invalid.then(|| error_id.clone()),
        pending.as_ref().map(|_| hint_id.clone()),
        varies.then(|| format!("{prefix}summary-{key}")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");

    let replace_form = replacing.as_ref().map(|draft| {
        let (on_action, replacing_) = (props.on_action.clone(), replacing.clone());
        let typed = draft.clone();
        let confirm = Callback::from(move |_| {
            if let Ok(number) = parse_typed(&typed) {
                on_action.emit(Action::ReplaceSchedule {
                    key,
                    value: from_display(unit, number),
                });
                replacing_.set(None);
            }
        });
        let cancel = {
            let replacing = replacing.clone();
            Callback::from(move |_| replacing.set(None))
        };
        let on_replace_input = {
            let replacing = replacing.clone();
            Callback::from(move |e: InputEvent| {
                replacing.set(Some(e.target_unchecked_into::<HtmlInputElement>().value()))
            })
        };
        let bad = parse_typed(draft).is_err();
        html! {
            <div class="replace-schedule" role="group" aria-label={text.same_every_year}>
                <label for={format!("{prefix}replace-{key}")}>{ text.same_every_year_value }</label>
                <input type="text" inputmode="decimal" class="number" id={format!("{prefix}replace-{key}")}
                       value={draft.clone()} oninput={on_replace_input} aria-invalid={bad.then_some("true")} />
                <span class="unit">{ unit_text.clone() }</span>
                <button type="button" class="apply" onclick={confirm} disabled={bad}>{ text.replace_schedule }</button>
                <button type="button" class="link" onclick={cancel}>{ text.cancel }</button>
            </div>
        }
    });
    let on_start_replace = {
        let replacing = replacing.clone();
        let first = display_text(unit, value);
        Callback::from(move |_| replacing.set(Some(first.clone())))
    };

    // A value the planner changed or cited is theirs: the origin's note is about another number.
    let was = props
        .changed
        .then(|| format!("{} {unit_text}", display_text(unit, props.baseline.first())));
    let own_value = props.own_source.is_some() || props.changed;
    let on_cite = {
        let citing = citing.clone();
        Callback::from(move |()| citing.set(!*citing))
    };
    // What the form repeats of the pop-up, for touch screens that cannot hover.
    let about = match &was {
        Some(was) => Some(set_in_plan(was, lang)),
        None => value_origin(None, None, props.provenance.as_ref(), lang)
            .map(|(kind, detail)| format!("{}{}{detail}", kind.label(lang), lang.pick("：", ": "))),
    };
    let on_cite_done = {
        let citing = citing.clone();
        Callback::from(move |()| citing.set(false))
    };

    // ⓘ: the parameter's entry in the manual (模型说明).
    let on_about = {
        let on_action = props.on_action.clone();
        let key = param.key;
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            on_action.emit(Action::OpenHelp(swplan_plans::help::HelpTopic::Param(key)));
        })
    };

    html! {
        <div class={classes!("param", (param.kind == Kind::Assumption).then_some("is-assumption"), invalid.then_some("is-invalid"), varies.then_some("is-schedule"))}
             id={format!("{prefix}param-{key}")} data-key={key}>
            <div class="param-head">
                <label for={input_id.clone()}>{ label }</label>
                <a class="about-param" href={format!("?help=param-{key}")} onclick={on_about}
                   title={about_setting(label, lang)}>
                    <span aria-hidden="true">{ "ⓘ" }</span>
                    <span class="visually-hidden">{ about_setting(label, lang) }</span>
                </a>
                if own_value {
                    <OwnValueChip id={format!("{prefix}source-{key}")} own={props.own_source.clone()} was={was.clone()} {lang}
                                  on_cite={on_cite.clone()} citing={*citing} button_id={format!("{prefix}cite-{key}")} />
                } else if let Some(provenance) = &props.provenance {
                    <ProvenanceChip id={format!("{prefix}source-{key}")} provenance={provenance.clone()} {lang}
                                    on_cite={on_cite.clone()} citing={*citing} button_id={format!("{prefix}cite-{key}")} />
                }
                if varies {
                    <span class="chip varies">{ text.varies_by_year }</span>
                }
                // The marker and the reset link keep their place while unchanged (hidden), so
                // the first step of a drag does not rewrap the row and move the slider away.
                <span class={classes!("chip", "changed", (!props.changed).then_some("is-idle"))}>{ text.changed_chip }</span>
                <span class="param-actions">
                    if param.shape == Shape::Yearly {
                        <button type="button" class="link" onclick={on_schedule} aria-expanded={props.schedule_open.to_string()}>
                            { text.per_year }<span class="visually-hidden">{ swplan_words::strings::naming(label, lang) }</span>
                        </button>
                    }
                    <button type="button" class={classes!("link", (!props.changed).then_some("is-idle"))}
                            onclick={on_reset} disabled={!props.changed}>
                        { text.reset }<span class="visually-hidden">{ swplan_words::strings::naming(label, lang) }</span>
                    </button>
                </span>
            </div>
            <div class="param-inputs">
                <input type="range" class="slider" min={range.min.to_string()} max={range.max.to_string()}
                       step={step} value={shown.to_string()} disabled={varies}
                       title={format!("{} – {} {unit_text}", display_text(unit, from_display(unit, range.min)), display_text(unit, from_display(unit, range.max)))}
                       aria-label={label.to_string()} aria-valuetext={format!("{} {unit_text}", display_text(unit, slid))}
                       oninput={on_slider} onchange={on_slider_done} />
                <input type="text" inputmode="decimal" id={input_id} class={number_class}
                       value={field_text} readonly={varies}
                       oninput={on_input} onkeydown={on_keydown} onblur={on_blur}
                       aria-invalid={invalid.then_some("true")}
                       aria-describedby={(!described_by.is_empty()).then_some(described_by)} />
                <span class="unit">{ unit_text.clone() }</span>
            </div>
            if let Some(values) = &props.schedule {
                <p class="schedule-summary" id={format!("{prefix}summary-{key}")}>
                    { schedule_summary(values, props.base_year, unit, &unit_text, lang) }
                    { " " }
                    if replace_form.is_none() {
                        <button type="button" class="link" onclick={on_start_replace}>{ text.same_every_year }</button>
                    }
                </p>
                { for replace_form }
            }
            if let Some(hint) = pending {
                <p class="pending-hint" id={hint_id} role="status">{ hint }</p>
            }
            if let Some(message) = message {
                <p class="param-error" id={error_id} role="alert">{ message }</p>
            } else if let Some(concern) = &props.concern {
                <p class="param-concern">{ concern.clone() }</p>
            }
            if *citing {
                <SourceEditor key_name={key} {lang} current={props.own_source.clone()} {about}
                              on_action={props.on_action.clone()} on_close={on_cite_done} id_prefix={prefix.clone()} />
            }
            if props.schedule_open {
                <ScheduleEditor {param} {lang} values={props.schedule.clone().unwrap_or_else(|| vec![value; props.horizon])}
                                base_year={props.base_year} drafts={props.cell_drafts.clone()}
                                errors={props.errors.iter().filter_map(|(i, m)| i.map(|i| (i, m.clone()))).collect::<Vec<_>>()}
                                on_action={props.on_action.clone()} />
            }
        </div>
    }
}
