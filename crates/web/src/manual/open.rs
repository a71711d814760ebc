//! "Open it in the app" beside a section of the manual: what each feature of
//! `swplan_plans::help::Feature` does on this page. The manual closes first (one step of the
//! reducer), then the feature opens: a dialog through the reducer, or a control brought into
//! view and focused once the page is drawn again.
//!
//! A feature whose view is not in the app yet has no button (`None` below); wiring it in is one
//! line here when its view is merged.

use wasm_bindgen::JsCast;

use swplan_plans::help::Feature;
use swplan_plans::state::{Action, Dialog};

/// How the page opens a feature.
#[derive(Clone, Debug)]
pub enum Opening {
    /// An action of the reducer (a dialog, the presenter).
    Act(Action),
    /// The element to bring into view and focus, by CSS selector, every `<details>` around it
    /// opened first (a menu or a panel, when the element is its summary).
    Focus(String),
}

/// How this page opens `feature`, if it has the feature.
pub fn opening(feature: Feature) -> Option<Opening> {
    let focus = |selector: &str| Some(Opening::Focus(selector.to_string()));
    match feature {
        Feature::PresetPicker => focus("#preset"),
        Feature::RegionAndTargets => focus("#add-target"),
        Feature::Schedule(key) => Some(Opening::Act(Action::OpenSchedule(Some(key)))),
        Feature::TargetCards => focus("#targets-heading"),
        Feature::WhatItTakes => focus("details.what-it-takes > summary"),
        Feature::Share => Some(Opening::Act(Action::OpenDialog(Dialog::Share))),
        Feature::Saves => Some(Opening::Act(Action::OpenDialog(Dialog::Saves))),
        Feature::Compare => focus("#compare-copy"),
        Feature::Export => focus("#export-menu > summary"),
        Feature::Presenter => Some(Opening::Act(Action::EnterPresenter)),
        Feature::Stories => Some(Opening::Act(Action::OpenDialog(Dialog::Stories))),
        Feature::Pool => Some(Opening::Act(Action::OpenDialog(Dialog::Pool))),
        Feature::Setting(key) => focus(&format!("#param-{key} input[type=text]")),
        Feature::MonteCarloSettings => focus("#mc-runs"),
        Feature::Actuals => focus("#actuals-paste"),
        Feature::RollUp => Some(Opening::Act(Action::OpenDialog(Dialog::RollUp))),
        Feature::Cheapest => focus("#optimiser > summary"),
        Feature::Sensitivity => focus("#sensitivity > summary"),
    }
}

/// After the manual closed and the page is drawn: bring the element into view and focus it,
/// opening the folds around it. A schedule opened by the reducer is focused the same way.
pub fn focus_after_close(opening: Opening) {
    let selector = match opening {
        Opening::Act(Action::OpenSchedule(Some(key))) => {
            format!("#param-{key} .schedule input")
        }
        Opening::Act(_) => return,
        Opening::Focus(selector) => selector,
    };
    gloo::timers::callback::Timeout::new(0, move || focus_now(&selector)).forget();
}

fn focus_now(selector: &str) {
    let document = gloo::utils::document();
    let Some(element) = document.query_selector(selector).ok().flatten() else {
        return;
    };
    // Open every fold around it (a settings group, the comparison, a menu).
    let mut parent = element.parent_element();
    while let Some(node) = parent {
        if let Some(details) = node.dyn_ref::<web_sys::HtmlDetailsElement>() {
            details.set_open(true);
        }
        parent = node.parent_element();
    }
    let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    element.scroll_into_view();
    let _ = element.focus();
}
