//! A field for an amount of the optimiser's form (a lever's least or most a year, a budget, a
//! discount rate): typed as planners write numbers (1.5万, 12,000, 3%), applied when committed
//! (Enter, or leaving the field); text that is no amount of at least 0 is kept with its message
//! beside it and applies nothing.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use swplan_words::inputs::parse_typed;
use swplan_words::optimiser_ui::optimiser_ui;
use swplan_words::{format_percent, format_whole, Lang};

#[derive(Properties, PartialEq)]
pub struct AmountFieldProps {
    pub id: AttrValue,
    pub lang: Lang,
    /// What the field is, for screen readers (the visible label is the column's or a
    /// `<label for>`).
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// The amount; `None` shows the field empty (with `placeholder`).
    pub value: Option<f64>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// Whether an empty field is an answer (`None`: no ceiling).
    #[prop_or_default]
    pub allow_empty: bool,
    /// A fraction shown as a percentage: "3%" or "3" is 0.03.
    #[prop_or_default]
    pub percent: bool,
    #[prop_or_default]
    pub disabled: bool,
    pub on_commit: Callback<Option<f64>>,
}

/// The amount as the field shows it.
fn shown(value: Option<f64>, percent: bool, lang: Lang) -> String {
    match value {
        Some(v) if percent => format_percent(v, lang),
        Some(v) if v.is_finite() => format_whole(v, lang),
        _ => String::new(),
    }
}

#[function_component(AmountField)]
pub fn amount_field(props: &AmountFieldProps) -> Html {
    let lang = props.lang;
    // Text typed that is not (yet) an amount: kept until it is corrected or the value changes.
    let draft = use_state(|| None::<String>);
    {
        let draft = draft.clone();
        use_effect_with(props.value.map(f64::to_bits), move |_| draft.set(None));
    }
    let commit = {
        let (draft, on_commit) = (draft.clone(), props.on_commit.clone());
        let (percent, allow_empty, value) = (props.percent, props.allow_empty, props.value);
        move |text: String| {
            let trimmed = text.trim();
            if trimmed.is_empty() && allow_empty {
                draft.set(None);
                if value.is_some_and(f64::is_finite) {
                    on_commit.emit(None);
                }
                return;
            }
            match parse_typed(trimmed) {
                Ok(number) if number >= 0.0 => {
                    let amount = if percent { number / 100.0 } else { number };
                    draft.set(None);
                    if Some(amount) != value {
                        on_commit.emit(Some(amount));
                    }
                }
                _ => draft.set(Some(text)),
            }
        }
    };
    let on_change = {
        let commit = commit.clone();
        Callback::from(move |e: Event| {
            commit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_keydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            commit(e.target_unchecked_into::<HtmlInputElement>().value());
        }
    });
    let invalid = draft.is_some();
    let error_id = format!("{}-error", props.id);
    let text = (*draft)
        .clone()
        .unwrap_or_else(|| shown(props.value, props.percent, lang));
    html! {
        <span class="amount-field">
            <input type="text" inputmode="decimal" id={props.id.clone()} value={text}
                   aria-label={props.label.clone()} placeholder={props.placeholder.clone()}
                   aria-invalid={invalid.then_some("true")}
                   aria-describedby={invalid.then(|| error_id.clone())}
                   disabled={props.disabled}
                   onchange={on_change} onkeydown={on_keydown} />
            if invalid {
                <span class="field-error" id={error_id} role="alert">{ optimiser_ui(lang).bad_number }</span>
            }
        </span>
    }
}
