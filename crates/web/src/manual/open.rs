//! "Open it in the app" beside a section of the manual: what each feature of
//! `swplan_plans::help::Feature` does on this page. The manual closes first (one step of the
//! reducer), then the feature opens: a dialog through the reducer, or a control focused with the
//! block it belongs to (its heading, its setting) brought to the top of the view.
//!
//! A feature whose view is not in the app yet has no button (`None` below); wiring it in is one
//! line here when its view is merged.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

use swplan_plans::help::Feature;
use swplan_plans::state::{Action, Dialog, View};
use yew::Callback;

/// How the page opens a feature.
#[derive(Clone, Debug)]
pub enum Opening {
    /// An action of the reducer (a dialog, the presenter).
    Act(Action),
    /// A control to focus, by CSS selector, and the block around it that goes to the top of the
    /// view (`top`, the nearest enclosing element it selects: a setting, a card, a panel with
    /// its heading; the control itself when none does). Every `<details>` around the control is
    /// opened first (a menu or a panel, when the control is its summary).
    Focus { control: String, top: String },
}

/// How this page opens `feature`, if it has the feature.
pub fn opening(feature: Feature) -> Option<Opening> {
    let focus = |control: &str, top: &str| {
        Some(Opening::Focus {
            control: control.to_string(),
            top: top.to_string(),
        })
    };
    match feature {
        Feature::PresetPicker => focus("#preset", ".topbar"),
        Feature::RegionAndTargets => focus("#add-target", "details.targets-group"),
        Feature::Schedule(key) => Some(Opening::Act(Action::OpenSchedule(Some(key)))),
        Feature::TargetCards => focus("#targets-heading", "#targets-heading"),
        Feature::WhatItTakes => focus("details.what-it-takes > summary", ".target-card"),
        Feature::Share => Some(Opening::Act(Action::OpenDialog(Dialog::Share))),
        Feature::Saves => Some(Opening::Act(Action::OpenDialog(Dialog::Saves))),
        Feature::Compare => focus("#compare-copy", "section.compare-bar"),
        Feature::Export => focus("#export-menu > summary", ".topbar"),
        Feature::Presenter => Some(Opening::Act(Action::EnterPresenter)),
        Feature::Stories => Some(Opening::Act(Action::OpenDialog(Dialog::Stories))),
        Feature::Pool => Some(Opening::Act(Action::OpenDialog(Dialog::Pool))),
        Feature::Setting(key) => focus(
            &format!("#param-{key} input[type=text]"),
            &format!("#param-{key}"),
        ),
        Feature::MonteCarloSettings => focus("#mc-runs", ".mc-settings"),
        Feature::Actuals => focus("#actuals-paste", "section.actuals"),
        Feature::RollUp => Some(Opening::Act(Action::OpenDialog(Dialog::RollUp))),
        Feature::Cheapest => focus("#optimiser > summary", "#optimiser"),
        Feature::Sensitivity => focus("#sensitivity > summary", "#sensitivity"),
    }
}

/// The browser puts a page back where it was scrolled when the history steps back, a moment
/// after the step: closing the manual steps back over its own entry, so that would undo the
/// scroll to the feature. The page's scrolling is the app's own (the manual's topics, these
/// features), never a restored one.
pub fn scroll_by_the_app() {
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
}

/// After the manual closed and the page is drawn: focus the control, its block at the top of
/// the view, opening the folds around it and, on a phone, showing the column it is in. A
/// schedule opened by the reducer is focused the same way, with its setting at the top.
pub fn focus_after_close(opening: Opening, on_action: Callback<Action>) {
    let (control, top) = match opening {
        Opening::Act(Action::OpenSchedule(Some(key))) => (
            format!("#param-{key} .schedule input"),
            format!("#param-{key}"),
        ),
        Opening::Act(_) => return,
        Opening::Focus { control, top } => (control, top),
    };
    gloo::timers::callback::Timeout::new(0, move || {
        focus_when_drawn(Rc::new((control, top)), on_action, 0)
    })
    .forget();
}

/// Focuses the control once it is drawn: the page may draw it a few frames later (the column a
/// phone was not showing, a schedule the reducer just opened).
fn focus_when_drawn(what: Rc<(String, String)>, on_action: Callback<Action>, frame: u32) {
    const FRAMES: u32 = 30;
    let (control, top) = (&what.0, &what.1);
    let Some(element) = gloo::utils::document()
        .query_selector(control)
        .ok()
        .flatten()
    else {
        if frame < FRAMES {
            let step = Closure::once_into_js(move || focus_when_drawn(what, on_action, frame + 1));
            let _ = gloo::utils::window().request_animation_frame(step.unchecked_ref());
        }
        return;
    };
    if frame == 0 {
        // A phone shows one column at a time: the one the control is in.
        let column = |id: &str| element.closest(&format!("#{id}")).ok().flatten().is_some();
        if column("controls") {
            on_action.emit(Action::SetView(View::Settings));
        } else if column("results") {
            on_action.emit(Action::SetView(View::Results));
        }
        open_folds(&element);
    }
    let rect = element.get_bounding_client_rect();
    let drawn = rect.width() > 0.0 || rect.height() > 0.0;
    if !drawn && frame < FRAMES {
        let step = Closure::once_into_js(move || focus_when_drawn(what, on_action, frame + 1));
        let _ = gloo::utils::window().request_animation_frame(step.unchecked_ref());
        return;
    }
    let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let block = element
        .closest(top)
        .ok()
        .flatten()
        .unwrap_or_else(|| element.clone().into());
    // The focus does not scroll: the block is placed below.
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
    place(&block, &element);
    keep_in_place(block, element);
}

/// Opens every fold around an element (a settings group, the comparison, a menu).
fn open_folds(element: &web_sys::Element) {
    let mut parent = element.parent_element();
    while let Some(node) = parent {
        if let Some(details) = node.dyn_ref::<web_sys::HtmlDetailsElement>() {
            details.set_open(true);
        }
        parent = node.parent_element();
    }
}

/// The block at the top of the view (under the sticky verdict bar: the page's scroll padding),
/// and the control within the view when the block is taller than the view.
fn place(block: &web_sys::Element, control: &web_sys::HtmlElement) {
    block.scroll_into_view_with_bool(true);
    let view = gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let rect = control.get_bounding_client_rect();
    if rect.bottom() > view || rect.top() < 0.0 {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        control.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// For a few frames after, while the page settles (a panel just opened draws its content, the
/// history step lands, a late chart takes its height), the block is put back at the top if it
/// moved; until the reader scrolls, types or clicks, which is theirs to do.
fn keep_in_place(block: web_sys::Element, control: web_sys::HtmlElement) {
    let stopped = Rc::new(Cell::new(false));
    let window = gloo::utils::window();
    let listeners = ["wheel", "touchstart", "keydown", "pointerdown"]
        .into_iter()
        .map(|kind| {
            let stopped = stopped.clone();
            EventListener::new(&window, kind, move |_| stopped.set(true))
        })
        .collect();
    let wanted = block.get_bounding_client_rect().top();
    next_frame(
        Rc::new(Settling {
            block,
            control,
            wanted,
            stopped,
            _listeners: listeners,
        }),
        0,
    );
}

/// What the frames after an opening watch.
struct Settling {
    block: web_sys::Element,
    control: web_sys::HtmlElement,
    /// Where the block was put, from the top of the view.
    wanted: f64,
    stopped: Rc<Cell<bool>>,
    /// Dropped with the last frame.
    _listeners: Vec<EventListener>,
}

fn next_frame(settling: Rc<Settling>, frame: u32) {
    const FRAMES: u32 = 45;
    if settling.stopped.get() || frame >= FRAMES {
        return;
    }
    // A closure called once and freed by the call: nothing to drop while it runs.
    let step = Closure::once_into_js(move || {
        let top = settling.block.get_bounding_client_rect().top();
        if !settling.stopped.get() && (top - settling.wanted).abs() > 1.0 {
            place(&settling.block, &settling.control);
        }
        next_frame(settling, frame + 1);
    });
    let _ = gloo::utils::window().request_animation_frame(step.unchecked_ref());
}
