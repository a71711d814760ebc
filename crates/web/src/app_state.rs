//! The app state as Yew holds it: a thin `yew::Reducible` over the plain state of
//! `swplan-plans`.

use std::rc::Rc;

use swplan_plans::state::{Action, State};
use yew::prelude::*;

/// The app state as Yew holds it: the plain [`State`] of `swplan-plans` (which knows nothing of
/// Yew), reduced by its own `apply`.
#[derive(Clone, PartialEq)]
pub struct AppState(pub State);

impl std::ops::Deref for AppState {
    type Target = State;

    fn deref(&self) -> &State {
        &self.0
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // An action that changes nothing keeps the same state: nothing is rendered.
        if self.0.is_stale(&action) {
            return self;
        }
        let AppState(mut state) = Rc::unwrap_or_clone(self);
        state.apply(action);
        Rc::new(AppState(state))
    }
}
