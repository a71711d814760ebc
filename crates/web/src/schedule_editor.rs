//! The per-year editor of a yearly input: one field per simulated year, each checked like the
//! main field (text that is not a number, a negative count, a rate above 100 %) with its own
//! message.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use swplan_engine::params::Param;
use swplan_engine::validate::check_number;
use swplan_plans::state::{Action, FieldId};
use swplan_words::inputs::{display_text, from_display, parse_typed, NotANumber};
use swplan_words::messages::problem_text;
use swplan_words::strings::{strings, unit_label};
use swplan_words::{param_label, Lang};

#[derive(Properties, PartialEq)]
pub struct ScheduleEditorProps {
    pub param: &'static Param,
    pub lang: Lang,
    /// One value per simulated year, in model units.
    pub values: Vec<f64>,
    pub base_year: i32,
    /// Committed text that is not a number: (year index, text).
    pub drafts: Vec<(usize, String)>,
    /// Validation messages of single years: (year index, message).
    pub errors: Vec<(usize, String)>,
    pub on_action: Callback<Action>,
}

#[function_component(ScheduleEditor)]
pub fn schedule_editor(props: &ScheduleEditorProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let key = props.param.key;
    let unit = props.param.unit;
    let label = param_label(key, lang);
    let on_close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::OpenSchedule(None)))
    };
    html! {
        <div class="schedule" role="group" aria-label={format!("{label} — {}", text.per_year)}>
            <div class="schedule-grid">
                { for props.values.iter().enumerate().map(|(index, value)| {
                    let year = props.base_year + 1 + index as i32;
                    let field = FieldId { key, index: Some(index) };
                    let draft = props.drafts.iter().find(|(i, _)| *i == index).map(|(_, t)| t.clone());
                    // One message per cell: not a number, else what is wrong with the number.
                    let message = draft.as_ref().map(|_| NotANumber.message(lang).to_string())
                        .or_else(|| check_number(*value, unit).map(|p| problem_text(&p, lang)));
                    let commit = {
                        let on_action = props.on_action.clone();
                        move |typed: String| match parse_typed(&typed) {
                            Ok(number) => on_action.emit(Action::SetYear { key, index, value: from_display(unit, number) }),
                            Err(_) => on_action.emit(Action::SetDraft { field, text: typed }),
                        }
                    };
                    let on_change = {
                        let commit = commit.clone();
                        Callback::from(move |e: Event| commit(e.target_unchecked_into::<HtmlInputElement>().value()))
                    };
                    let on_keydown = {
                        let on_action = props.on_action.clone();
                        let shown = display_text(unit, *value);
                        Callback::from(move |e: KeyboardEvent| {
                            if e.key() == "Escape" {
                                let input: HtmlInputElement = e.target_unchecked_into();
                                input.set_value(&shown);
                                on_action.emit(Action::ClearDraft(field));
                            }
                        })
                    };
                    let id = format!("schedule-{key}-{year}");
                    let error_id = format!("schedule-error-{key}-{year}");
                    html! {
                        <div class={classes!("schedule-cell", message.is_some().then_some("is-invalid"))}>
                            <label for={id.clone()}>{ year }</label>
                            <input type="text" inputmode="decimal" id={id}
                                   value={draft.unwrap_or_else(|| display_text(unit, *value))}
                                   onchange={on_change} onkeydown={on_keydown}
                                   aria-label={format!("{label} {year} ({})", unit_label(unit, lang))}
                                   aria-invalid={message.is_some().then_some("true")}
                                   aria-describedby={message.is_some().then(|| error_id.clone())} />
                            if let Some(message) = message {
                                <span class="cell-error" id={error_id} role="alert">{ message }</span>
                            }
                        </div>
                    }
                }) }
            </div>
            <div class="schedule-actions">
                <button type="button" class="link" onclick={on_close}>{ text.close }</button>
            </div>
        </div>
    }
}
