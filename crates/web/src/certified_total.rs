//! 起点持证社工总数: certified social workers at the start as one total, as most reports give
//! them, split into the three levels by shares that are an assumption the planner can change.
//! Level by level, the total field shows their sum, and typing a total switches to it.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::provenance::OwnValueChip;
use super::source_editor::SourceEditor;
use super::tip::Tip;
use swplan_engine::certified::{self, CertifiedTotal};
use swplan_engine::params::Unit;
use swplan_engine::PlannerSource;
use swplan_plans::state::Action;
use swplan_words::inputs::{display_text, from_display, parse_typed, NotANumber};
use swplan_words::provenance::{format_share, OriginKind};
use swplan_words::provenance::{levels_text, provenance_words, split_origin};
use swplan_words::strings::{naming, strings, unit_label};
use swplan_words::{param_label, Lang};

#[derive(Properties, PartialEq)]
pub struct CertifiedTotalProps {
    pub lang: Lang,
    /// The total and its split, when the plan enters certified so.
    pub total: Option<CertifiedTotal>,
    /// The three stocks `[junior, mid, senior]` as the plan has them.
    pub levels: [f64; 3],
    /// The origin's three stocks and total, for "changed" and "reset".
    pub baseline_levels: [f64; 3],
    pub baseline_total: Option<CertifiedTotal>,
    pub own_source: Option<PlannerSource>,
    /// Validation messages about the total, its shares and the stocks it gives.
    pub errors: Vec<String>,
    pub on_action: Callback<Action>,
    #[prop_or_default]
    pub id_prefix: AttrValue,
}

/// Which number of the total a field edits.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Total,
    JuniorShare,
    SeniorShare,
}

#[function_component(CertifiedTotalControl)]
pub fn certified_total_control(props: &CertifiedTotalProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let words = provenance_words(lang);
    let typing = use_state(|| None::<(Part, String)>);
    let refused = use_state(|| None::<Part>);
    let citing = use_state(|| false);
    let prefix = props.id_prefix.clone();
    let key = certified::TOTAL_KEY;
    let label = param_label(key, lang);
    let people = unit_label(Unit::People, lang);
    let sum: f64 = props.levels.iter().sum();
    let current = props.total;

    // A number typed into one of the three fields becomes the plan's total and split.
    let commit = {
        let (on_action, typing, refused) =
            (props.on_action.clone(), typing.clone(), refused.clone());
        move |part: Part, typed: String| {
            typing.set(None);
            let Ok(number) = parse_typed(&typed) else {
                refused.set(Some(part));
                return;
            };
            refused.set(None);
            let base = current.unwrap_or_else(|| CertifiedTotal::with_default_split(sum));
            let next = match part {
                Part::Total => CertifiedTotal {
                    total: number,
                    ..base
                },
                Part::JuniorShare => CertifiedTotal {
                    junior_share: from_display(Unit::Rate, number),
                    ..base
                },
                Part::SeniorShare => CertifiedTotal {
                    senior_share: from_display(Unit::Rate, number),
                    ..base
                },
            };
            on_action.emit(Action::SetCertifiedTotal(Some(next)));
        }
    };
    let field = |part: Part, value: f64, unit: Unit, id: String, aria: String| {
        let shown = match (*typing).as_ref() {
            Some((p, typed)) if *p == part => typed.clone(),
            _ => display_text(unit, value),
        };
        let oninput = {
            let typing = typing.clone();
            Callback::from(move |e: InputEvent| {
                let typed = e.target_unchecked_into::<HtmlInputElement>().value();
                typing.set(Some((part, typed)));
            })
        };
        let onkeydown = {
            let (commit, typing) = (commit.clone(), typing.clone());
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "Enter" => commit(part, e.target_unchecked_into::<HtmlInputElement>().value()),
                "Escape" => typing.set(None),
                _ => {}
            })
        };
        let onblur = {
            let (commit, typing) = (commit.clone(), typing.clone());
            Callback::from(move |e: FocusEvent| {
                // Leaving the field commits what was typed in it, as Enter does.
                if matches!((*typing).as_ref(), Some((p, _)) if *p == part) {
                    commit(part, e.target_unchecked_into::<HtmlInputElement>().value());
                }
            })
        };
        let invalid = *refused == Some(part);
        html! {
            <input type="text" inputmode="decimal" class="number" id={id} value={shown}
                   aria-label={aria} aria-invalid={invalid.then_some("true")}
                   {oninput} {onkeydown} {onblur} />
        }
    };

    let changed = props.total != props.baseline_total || props.levels != props.baseline_levels;
    let was = (props.total != props.baseline_total).then(|| {
        let before: f64 = props.baseline_levels.iter().sum();
        format!("{} {people}", display_text(Unit::People, before))
    });
    let on_reset = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::ResetParam { key }))
    };
    let on_by_level = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::SetCertifiedTotal(None)))
    };
    let on_cite = {
        let citing = citing.clone();
        Callback::from(move |()| citing.set(!*citing))
    };
    let on_cite_done = {
        let citing = citing.clone();
        Callback::from(move |()| citing.set(false))
    };
    let not_a_number = refused
        .is_some()
        .then(|| NotANumber.message(lang).to_string());
    let messages: Vec<String> = not_a_number
        .into_iter()
        .chain(props.errors.clone())
        .collect();
    let input_id = format!("{prefix}input-{key}");

    html! {
        <div class={classes!("param", "is-assumption", "certified-total", current.is_some().then_some("is-total"), (!messages.is_empty()).then_some("is-invalid"))}
             id={format!("{prefix}param-{key}")} data-key={key}>
            <div class="param-head">
                <label for={input_id.clone()}>{ label }</label>
                if current.is_some() {
                    <OwnValueChip id={format!("{prefix}source-{key}")} own={props.own_source.clone()} {was} {lang}
                                  on_cite={on_cite} citing={*citing} button_id={format!("{prefix}cite-{key}")} />
                }
                <span class={classes!("chip", "changed", (!changed).then_some("is-idle"))}>{ text.changed_chip }</span>
                <span class="param-actions">
                    <button type="button" class={classes!("link", (!changed).then_some("is-idle"))}
                            onclick={on_reset} disabled={!changed}>
                        { text.reset }<span class="visually-hidden">{ naming(label, lang) }</span>
                    </button>
                </span>
            </div>
            <div class="total-inputs">
                { field(Part::Total, current.map_or(sum, |t| t.total), Unit::People, input_id, label.to_string()) }
                <span class="unit">{ people }</span>
            </div>
            if let Some(total) = current {
                <fieldset class="split">
                    <legend>
                        { words.split_heading }
                        { split_chip(&total, &prefix, lang) }
                    </legend>
                    <label class="share">
                        <span>{ param_label(certified::JUNIOR_SHARE_KEY, lang) }</span>
                        { field(Part::JuniorShare, total.junior_share, Unit::Rate, format!("{prefix}input-{}", certified::JUNIOR_SHARE_KEY), param_label(certified::JUNIOR_SHARE_KEY, lang).to_string()) }
                        <span class="unit">{ "%" }</span>
                    </label>
                    <label class="share">
                        <span>{ param_label(certified::SENIOR_SHARE_KEY, lang) }</span>
                        { field(Part::SeniorShare, total.senior_share, Unit::Rate, format!("{prefix}input-{}", certified::SENIOR_SHARE_KEY), param_label(certified::SENIOR_SHARE_KEY, lang).to_string()) }
                        <span class="unit">{ "%" }</span>
                    </label>
                    <p class="share-rest">{ format!("{}{}{}", words.mid_rest, lang.pick("：", ": "), format_share(total.mid_share(), lang)) }</p>
                </fieldset>
                <p class="levels" id={format!("{prefix}levels-{key}")}>
                    { levels_text(props.levels, lang) }
                    { " " }
                    <button type="button" class="link" onclick={on_by_level}>{ words.by_level }</button>
                </p>
            } else {
                <p class="total-hint">{ words.total_hint }</p>
            }
            { for messages.into_iter().map(|m| html! { <p class="param-error" role="alert">{ m }</p> }) }
            if *citing {
                <SourceEditor key_name={key} {lang} current={props.own_source.clone()}
                              on_action={props.on_action.clone()} on_close={on_cite_done} id_prefix={prefix.clone()} />
            }
        </div>
    }
}

/// The split's origin: the default assumption with its reasons, or the planner's.
fn split_chip(total: &CertifiedTotal, prefix: &AttrValue, lang: Lang) -> Html {
    let text = strings(lang);
    let words = provenance_words(lang);
    let (kind, note) = split_origin(total, lang);
    let (face, class) = match kind {
        OriginKind::Assumption => (text.assumption_chip, "assumption"),
        _ => (words.own_value_chip, "own-value"),
    };
    html! {
        <Tip id={format!("{prefix}source-{}", certified::JUNIOR_SHARE_KEY)} face={face} class={classes!("chip", class)}>
            <span class="tip-note">{ note }</span>
        </Tip>
    }
}
