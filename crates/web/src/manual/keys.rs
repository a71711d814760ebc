//! How the manual comes and goes: `?` and F1 open it (not while typing in a field, not over the
//! presenter), Esc closes it; opening it adds a step to the browser's history, so that the back
//! button closes it, and the address names its topic (`help=…`) while it is open.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use swplan_plans::help::{topic_in_query, with_topic, HelpTopic};
use swplan_plans::state::Action;

use super::open::{focus_after_close, scroll_by_the_app, Opening};

/// Whether a key pressed on `target` is typed into a field.
fn typing(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            el.closest("input:not([type=range]):not([type=checkbox]):not([type=radio]), textarea, select, [contenteditable]")
                .ok()
                .flatten()
                .is_some()
        })
}

fn set_address(search: &str, push: bool) {
    let Ok(history) = gloo::utils::window().history() else {
        return;
    };
    let url = format!("?{search}");
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

fn current_search() -> String {
    gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
}

/// What closes the manual and what opens a feature from it.
pub struct ManualHandles {
    pub on_close: Callback<()>,
    pub on_open: Callback<Opening>,
}

/// The keys, the history and the address of the manual; `help` is the topic open, if any.
#[hook]
pub fn use_manual(
    help: Option<HelpTopic>,
    presenting: bool,
    on_action: Callback<Action>,
) -> ManualHandles {
    // Whether the manual's step in the history is ours (opened here, not by the address).
    let pushed = use_mut_ref(|| Rc::new(Cell::new(false)));
    let pushed = (*pushed.borrow()).clone();
    // Where the focus was when the manual opened, to put it back.
    let return_focus = use_mut_ref(|| None::<web_sys::HtmlElement>);
    // The plan's address (without the manual) when our step was pushed: back returns there only
    // while the plan is still that one (a field committed as the manual opened changes it).
    let pushed_over = use_mut_ref(|| None::<String>);

    // The address follows the manual: a new step when it opens, the topic when it moves.
    {
        let pushed = pushed.clone();
        let return_focus = return_focus.clone();
        let pushed_over = pushed_over.clone();
        use_effect_with(help, move |help| {
            let search = current_search();
            match help {
                Some(topic) => {
                    let shown = topic_in_query(&search);
                    if shown.is_none() {
                        *return_focus.borrow_mut() = gloo::utils::document()
                            .active_element()
                            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                        *pushed_over.borrow_mut() = Some(with_topic(&search, None));
                        set_address(&with_topic(&search, Some(*topic)), true);
                        pushed.set(true);
                    } else if shown != Some(*topic) {
                        set_address(&with_topic(&search, Some(*topic)), false);
                    }
                }
                None => {
                    if topic_in_query(&search).is_some() {
                        set_address(&with_topic(&search, None), false);
                    }
                    pushed.set(false);
                    if let Some(element) = return_focus.borrow_mut().take() {
                        let _ = element.focus();
                    }
                }
            }
        });
    }

    // Back (or forward) in the history: the manual as the address says.
    {
        let on_action = on_action.clone();
        use_effect_with(help.is_some(), move |open| {
            let open = *open;
            let listener =
                EventListener::new(
                    &gloo::utils::window(),
                    "popstate",
                    move |_| match topic_in_query(&current_search()) {
                        Some(topic) => on_action.emit(Action::OpenHelp(topic)),
                        None if open => on_action.emit(Action::CloseHelp),
                        None => {}
                    },
                );
            move || drop(listener)
        });
    }

    let on_close = {
        let on_action = on_action.clone();
        let pushed = pushed.clone();
        let pushed_over = pushed_over.clone();
        Callback::from(move |()| {
            // Our own step in the history is taken back, so that the page's step (the same
            // plan, without the manual) is the current one again, and back goes where it went.
            let over = pushed_over.borrow_mut().take();
            let same_plan = over.is_some_and(|over| over == with_topic(&current_search(), None));
            if pushed.replace(false) && same_plan {
                scroll_by_the_app();
                if let Ok(history) = gloo::utils::window().history() {
                    let _ = history.back();
                }
            }
            on_action.emit(Action::CloseHelp);
        })
    };

    // `?` and F1 open it, Esc closes it.
    {
        let on_action = on_action.clone();
        let on_close = on_close.clone();
        let open = help.is_some();
        use_effect_with((open, presenting), move |(open, presenting)| {
            let (open, presenting) = (*open, *presenting);
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if presenting || key.ctrl_key() || key.meta_key() || key.alt_key() {
                        return;
                    }
                    match key.key().as_str() {
                        "Escape" if open => {
                            event.prevent_default();
                            on_close.emit(());
                        }
                        "F1" if !open && !typing(event.target()) => {
                            event.prevent_default();
                            on_action.emit(Action::OpenHelp(HelpTopic::Contents));
                        }
                        "?" if !open && !typing(event.target()) => {
                            event.prevent_default();
                            on_action.emit(Action::OpenHelp(HelpTopic::Contents));
                        }
                        _ => {}
                    }
                },
            );
            move || drop(listener)
        });
    }

    let on_open = {
        let on_close = on_close.clone();
        Callback::from(move |opening: Opening| {
            // Nothing to give the focus back to: the feature takes it.
            return_focus.borrow_mut().take();
            on_close.emit(());
            if let Opening::Act(action) = &opening {
                on_action.emit(action.clone());
            }
            focus_after_close(opening, on_action.clone());
        })
    };
    ManualHandles { on_close, on_open }
}
