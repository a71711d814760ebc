//! One parameter: a slider and an exact input with its unit, where the number comes from (on
//! hover and on keyboard focus), its validation message, and per-year editing for schedules.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::app::use_app;
use super::schedule_editor::ScheduleEditor;
use super::state::Action;
use crate::i18n::strings::{source_sentence, strings, unit_label};
use crate::inputs::{display_text, from_display, parse_typed, slider_range, to_display};
use crate::model::params::{self, Kind, Shape, Value};
use crate::model::{Provenance, Scenario, Yearly};

#[derive(Properties, PartialEq)]
pub struct ParamControlProps {
    pub param_key: &'static str,
}

/// The value a control shows: a scalar, or a schedule's first year.
fn shown_value(scenario: &Scenario, key: &str) -> (f64, bool) {
    match params::value(scenario, key) {
        Some(Value::Scalar(v)) => (*v, false),
        Some(Value::Yearly(y)) => (y.first(), !matches!(y, Yearly::Constant(_))),
        None => (0.0, false),
    }
}

/// The number a slider should not go past, where the model has one (e.g. townships).
fn ceiling(scenario: &Scenario, key: &str) -> Option<f64> {
    let a = &scenario.assumptions;
    match key {
        "stations" | "stations_per_year" | "demo_per_year" => Some(a.townships),
        "demo_stations" => Some(a.stations),
        "rooms" | "rooms_per_year" => Some(a.villages),
        _ => None,
    }
}

#[function_component(ParamControl)]
pub fn param_control(props: &ParamControlProps) -> Html {
    let app = use_app();
    // While the input has focus, it shows exactly what was typed (so "1." is not re-rendered
    // as "1"); on blur it shows the value again.
    let typing = use_state(|| None::<String>);
    let Some(param) = params::param(props.param_key) else {
        return Html::default();
    };
    let key = param.key;
    let lang = app.lang;
    let text = strings(lang);
    let (value, varies) = shown_value(&app.scenario, key);
    let (preset_value, _) = shown_value(&app.preset.scenario, key);
    let changed = params::value(&app.scenario, key) != params::value(&app.preset.scenario, key);
    let range = slider_range(param, preset_value, ceiling(&app.scenario, key));
    let unit = param.unit;

    let draft_error = app
        .drafts
        .contains_key(key)
        .then(|| crate::inputs::NotANumber.message(lang).to_string());
    let errors: Vec<String> = draft_error
        .into_iter()
        .chain(
            app.errors
                .iter()
                .flat_map(|e| e.for_param(key))
                .map(|e| e.message(lang)),
        )
        .collect();
    let invalid = !errors.is_empty();

    let provenance = app.preset.scenario.sources.get(key).map(|p| match p {
        Provenance::Source { doc, quote, note } => (
            text.source_chip,
            "chip source",
            match note {
                Some(note) => format!("{} {note}", source_sentence(doc, quote, lang)),
                None => source_sentence(doc, quote, lang),
            },
        ),
        Provenance::Assumption {
            assumption,
            assumption_en,
        } => (
            text.assumption_chip,
            "chip assumption",
            lang.pick(assumption, assumption_en).to_string(),
        ),
    });

    let on_slider = {
        let app = app.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(shown) = input.value().parse::<f64>() {
                app.dispatch(Action::SetValue {
                    key,
                    value: from_display(unit, shown),
                });
            }
        })
    };
    let on_text = {
        let app = app.clone();
        let typing = typing.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let typed = input.value();
            match parse_typed(&typed) {
                Ok(shown) => app.dispatch(Action::SetValue {
                    key,
                    value: from_display(unit, shown),
                }),
                Err(_) => app.dispatch(Action::SetDraft {
                    key,
                    text: typed.clone(),
                }),
            }
            typing.set(Some(typed));
        })
    };
    let on_blur = {
        let typing = typing.clone();
        Callback::from(move |_: FocusEvent| typing.set(None))
    };
    let on_reset = {
        let app = app.clone();
        let typing = typing.clone();
        Callback::from(move |_| {
            typing.set(None);
            app.dispatch(Action::ResetParam { key });
        })
    };
    let schedule_open = app.schedule_open == Some(key);
    let on_schedule = {
        let app = app.clone();
        Callback::from(move |_| {
            app.dispatch(Action::OpenSchedule(if schedule_open {
                None
            } else {
                Some(key)
            }))
        })
    };

    let input_id = format!("input-{key}");
    let error_id = format!("error-{key}");
    let source_id = format!("source-{key}");
    let described_by = [
        invalid.then(|| error_id.clone()),
        provenance.is_some().then(|| source_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let unit_text = format!(
        "{}{}",
        unit_label(unit, lang),
        if param.shape == Shape::Yearly && unit != params::Unit::Rate {
            text.per_year_suffix
        } else {
            ""
        }
    );
    let shown_text = (*typing)
        .clone()
        .unwrap_or_else(|| display_text(unit, value));

    html! {
        <div class={classes!("param", (param.kind == Kind::Assumption).then_some("is-assumption"), invalid.then_some("is-invalid"))}
             id={format!("param-{key}")} data-key={key}>
            <div class="param-head">
                <label for={input_id.clone()}>{ param.label(lang) }</label>
                if let Some((chip, class, sentence)) = provenance.clone() {
                    <span class="tip-anchor">
                        <button type="button" class={class} aria-describedby={source_id.clone()}>{ chip }</button>
                        <span role="tooltip" id={source_id.clone()} class="tooltip">{ sentence }</span>
                    </span>
                }
                if varies {
                    <span class="chip varies">{ text.varies_by_year }</span>
                }
                if changed {
                    <span class="chip changed">{ text.changed_chip }</span>
                }
                <span class="param-actions">
                    if param.shape == Shape::Yearly {
                        <button type="button" class="link" onclick={on_schedule} aria-expanded={schedule_open.to_string()}
                                aria-label={format!("{} — {}", param.label(lang), text.per_year)}>
                            { text.per_year }
                        </button>
                    }
                    if changed {
                        <button type="button" class="link" onclick={on_reset}
                                aria-label={format!("{} — {}", param.label(lang), text.reset)}>{ text.reset }</button>
                    }
                </span>
            </div>
            <div class="param-inputs">
                <input type="range" class="slider" min={range.min.to_string()} max={range.max.to_string()}
                       step={range.step.to_string()} value={to_display(unit, value).to_string()}
                       title={format!("{} – {} {unit_text}", display_text(unit, from_display(unit, range.min)), display_text(unit, from_display(unit, range.max)))}
                       aria-label={param.label(lang)} aria-valuetext={format!("{shown_text} {unit_text}")}
                       oninput={on_slider} />
                <input type="text" inputmode="decimal" class="number" id={input_id}
                       value={shown_text} oninput={on_text} onblur={on_blur}
                       aria-invalid={invalid.then_some("true")}
                       aria-describedby={(!described_by.is_empty()).then_some(described_by)} />
                <span class="unit">{ unit_text }</span>
            </div>
            if invalid {
                <ul class="param-error" id={error_id} role="alert">
                    { for errors.iter().map(|e| html! { <li>{ e }</li> }) }
                </ul>
            }
            if schedule_open {
                <ScheduleEditor param_key={key} />
            }
        </div>
    }
}
