//! The per-year editor of a yearly input: one field per simulated year.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::app::use_app;
use super::state::Action;
use crate::i18n::strings::{strings, unit_label};
use crate::inputs::{display_text, from_display, parse_typed};
use crate::model::params::{self, Value};

#[derive(Properties, PartialEq)]
pub struct ScheduleEditorProps {
    pub param_key: &'static str,
}

#[function_component(ScheduleEditor)]
pub fn schedule_editor(props: &ScheduleEditorProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let text = strings(lang);
    let key = props.param_key;
    let Some(param) = params::param(key) else {
        return Html::default();
    };
    let scenario = &app.scenario;
    let values = match params::value(scenario, key) {
        Some(Value::Yearly(yearly)) => yearly.expand(scenario.horizon()),
        _ => return Html::default(),
    };
    let unit = param.unit;
    let on_constant = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::MakeConstant { key }))
    };
    let on_close = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::OpenSchedule(None)))
    };
    html! {
        <div class="schedule" role="group" aria-label={format!("{} — {}", param.label(lang), text.per_year)}>
            <div class="schedule-grid">
                { for values.iter().enumerate().map(|(index, value)| {
                    let year = scenario.base_year + 1 + index as i32;
                    let app = app.clone();
                    let on_change = Callback::from(move |e: Event| {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        match parse_typed(&input.value()) {
                            Ok(shown) => app.dispatch(Action::SetYear { key, index, value: from_display(unit, shown) }),
                            Err(_) => app.dispatch(Action::SetDraft { key, text: input.value() }),
                        }
                    });
                    let id = format!("schedule-{key}-{year}");
                    html! {
                        <label class="schedule-cell" for={id.clone()}>
                            <span>{ year }</span>
                            <input type="text" inputmode="decimal" id={id} value={display_text(unit, *value)}
                                   onchange={on_change} aria-label={format!("{} {year} ({})", param.label(lang), unit_label(unit, lang))} />
                        </label>
                    }
                }) }
            </div>
            <div class="schedule-actions">
                <button type="button" class="link" onclick={on_constant}>{ text.same_every_year }</button>
                <button type="button" class="link" onclick={on_close}>{ text.close }</button>
            </div>
        </div>
    }
}
