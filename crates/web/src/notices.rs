//! What the planner must be told above the results: notices (storage), the last destructive
//! edit with its undo, and — while some input is invalid — the list of those inputs, each with
//! its message and a way to reach its field, above a reminder that the results are those of
//! the last valid inputs.

use std::collections::BTreeMap;

use yew::prelude::*;

use swplan_engine::validate::Field;
use swplan_engine::ValidationErrors;
use swplan_plans::state::{Action, FieldId, Notice, UndoHint, View};
use swplan_words::inputs::NotANumber;
use swplan_words::keeping::keeping_text;
use swplan_words::messages::validation_message;
use swplan_words::notices::{notice_text, undo_hint_text};
use swplan_words::results::{
    collapse_details, dismiss_all as results_dismiss_all, expand_details, more_notices,
};
use swplan_words::strings::strings;
use swplan_words::{param_label, Lang};

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Lang,
    pub notices: Vec<Notice>,
    pub undo_hint: Option<UndoHint>,
    pub on_action: Callback<Action>,
}

/// Which notice shows first when several stack up (the least first): the planner's own plan
/// kept aside, then what the planner's last actions gave (the newest first), then what a link
/// could not give, then that a plan was made with an older model reading.
fn precedence(notice: &Notice, index: usize) -> (u8, std::cmp::Reverse<usize>, usize) {
    let rank = match notice {
        Notice::StorageSetAside { .. } => 0,
        Notice::LinkOpened { .. } => 2,
        Notice::OlderModel => 3,
        _ => 1,
    };
    let newest_first = if rank == 1 { index } else { 0 };
    (rank, std::cmp::Reverse(newest_first), index)
}

/// Whether a notice's details are long enough to fold to their first line.
fn long_details(details: &[String]) -> bool {
    details.len() > 1 || details.iter().any(|d| swplan_words::display_width(d) > 110)
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    if props.notices.is_empty() && props.undo_hint.is_none() {
        return Html::default();
    }
    let emit = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(action.clone()))
    };
    let notice = |i: usize| -> Html {
        let Some(notice) = props.notices.get(i) else {
            return Html::default();
        };
        let (heading, details) = notice_text(notice, lang);
        // Unreadable stored data: its copy (under a key the planner never sees) to download.
        let download = match notice {
            Notice::StorageSetAside { entry, key, .. } => {
                let (entry, key) = (*entry, key.clone());
                Some(Callback::from(move |_: MouseEvent| {
                    let _ = super::download::download_set_aside(&key, entry);
                }))
            }
            _ => None,
        };
        let upgrade = matches!(notice, Notice::OlderModel).then(|| emit(Action::UseCurrentModel));
        let fold = long_details(&details);
        html! {
            <div class="notice" role="status">
                <div class="notice-body">
                    <p>{ heading }</p>
                    if !details.is_empty() {
                        <ul class={classes!("notice-details", fold.then_some("is-folded"))}>
                            { for details.into_iter().map(|d| html! { <li>{ d }</li> }) }
                        </ul>
                    }
                </div>
                <span class="notice-actions">
                    // Long details show their first line until this unfolds them (the
                    // stylesheet reads it). On a phone every notice is one line until unfolded.
                    <details class={classes!("notice-expand", (!fold).then_some("phone-only"))}>
                            <summary>
                                <span class="when-closed">{ expand_details(lang) }</span>
                                <span class="when-open">{ collapse_details(lang) }</span>
                            </summary>
                    </details>
                    if let Some(download) = download {
                        <button type="button" class="undo download-set-aside" onclick={download}>{ keeping_text(lang).download_set_aside }</button>
                    }
                    if let Some(upgrade) = upgrade {
                        <button type="button" class="undo" id="use-current-model" onclick={upgrade}>{ text.use_current_model }</button>
                    }
                    <button type="button" onclick={emit(Action::DismissNotice(i))}>{ text.dismiss }</button>
                </span>
            </div>
        }
    };
    // Several notices stack up: the first in full and the others folded under one line, with
    // one button that dismisses them all.
    let mut order: Vec<usize> = (0..props.notices.len()).collect();
    order.sort_by_key(|i| precedence(&props.notices[*i], *i));
    let dismiss_all = {
        let on_action = props.on_action.clone();
        let count = props.notices.len();
        Callback::from(move |_| {
            // From the last, so each index still names its notice.
            for i in (0..count).rev() {
                on_action.emit(Action::DismissNotice(i));
            }
        })
    };
    let rest = order.get(1..).unwrap_or_default();
    let next_heading = rest
        .first()
        .and_then(|i| props.notices.get(*i))
        .map(|n| notice_text(n, lang).0)
        .unwrap_or_default();
    html! {
        <div class="notices">
            if let Some(first) = order.first() {
                { notice(*first) }
            }
            if !rest.is_empty() {
                <div class="notice-more">
                    <details>
                        <summary>
                            <strong>{ more_notices(rest.len(), lang) }{ lang.pick("：", ":") }</strong>
                            <span class="notice-more-next">{ next_heading }</span>
                        </summary>
                        { for rest.iter().map(|i| notice(*i)) }
                    </details>
                    <button type="button" class="dismiss-all" onclick={dismiss_all}>{ results_dismiss_all(lang) }</button>
                </div>
            }
            if let Some(hint) = &props.undo_hint {
                <div class="notice undo-hint" role="status">
                    <span>{ undo_hint_text(hint, lang) }</span>
                    <span class="notice-actions">
                        <button type="button" class="undo"
                                onclick={emit(match hint {
                                    UndoHint::SaveDeleted { .. } => Action::RestoreSave,
                                    UndoHint::PlanRemoved { .. } => Action::RestorePlan,
                                    _ => Action::Undo,
                                })}>
                            { text.undo }
                        </button>
                        <button type="button" onclick={emit(Action::DismissUndoHint)}>{ text.dismiss }</button>
                    </span>
                </div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct InvalidBannerProps {
    pub lang: Lang,
    pub drafts: BTreeMap<FieldId, String>,
    pub errors: Option<ValidationErrors>,
    pub base_year: i32,
    pub on_action: Callback<Action>,
}

/// Every invalid input, named, with a button that takes the planner to its field.
#[function_component(InvalidBanner)]
pub fn invalid_banner(props: &InvalidBannerProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let mut items: Vec<(String, String, Option<&'static str>)> = props
        .drafts
        .keys()
        .map(|field| {
            let name = match field.index {
                None => param_label(field.key, lang).to_string(),
                Some(i) => swplan_words::strings::param_in_year(
                    field.key,
                    props.base_year + 1 + i as i32,
                    lang,
                ),
            };
            let sep = lang.pick("：", ": ");
            (
                format!("{name}{sep}{}", NotANumber.message(lang)),
                field_element(field.key, field.index, props.base_year),
                field.index.map(|_| field.key),
            )
        })
        .collect();
    for error in props.errors.iter().flat_map(|e| e.0.iter()) {
        let (element, schedule) = match &error.field {
            Field::Param { key, year } => {
                let index = year.and_then(|y| usize::try_from(y - props.base_year - 1).ok());
                // Text typed over an invalid value is the field's one current message.
                if props
                    .drafts
                    .keys()
                    .any(|d| d.key == *key && d.index == index)
                {
                    continue;
                }
                (
                    field_element(key, index, props.base_year),
                    index.map(|_| *key),
                )
            }
            Field::EndYear | Field::BaseYear | Field::Schema | Field::Model => {
                ("end-year".to_string(), None)
            }
            Field::Target { index, .. } => (format!("target-editor-{index}"), None),
        };
        items.push((validation_message(error, lang), element, schedule));
    }
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <div class="invalid-banner" role="alert">
            <p>{ text.invalid_banner }</p>
            <ul>
                { for items.into_iter().map(|(message, element, schedule)| {
                    let on_action = props.on_action.clone();
                    let go = Callback::from(move |_| {
                        on_action.emit(Action::SetView(View::Settings));
                        if schedule.is_some() {
                            on_action.emit(Action::OpenSchedule(schedule));
                        }
                        // After the settings (and the schedule) are rendered.
                        let element = element.clone();
                        gloo::timers::callback::Timeout::new(30, move || focus(&element)).forget();
                    });
                    html! {
                        <li>{ message }{ " " }<button type="button" class="link" onclick={go}>{ text.go_to_field }</button></li>
                    }
                }) }
            </ul>
        </div>
    }
}

fn focus(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        el.scroll_into_view();
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}

/// The id of the element that edits a parameter (or one year of it).
fn field_element(key: &str, index: Option<usize>, base_year: i32) -> String {
    match index {
        None => format!("input-{key}"),
        Some(i) => format!("schedule-{key}-{}", base_year + 1 + i as i32),
    }
}
