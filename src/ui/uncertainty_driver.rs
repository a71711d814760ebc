//! Runs the Monte Carlo for the active plan's result in short slices between frames, so that
//! dragging a slider never stalls: the plan line moves at once, the bands follow.

use std::cell::Cell;
use std::rc::Rc;

use gloo::timers::future::TimeoutFuture;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::model::montecarlo::Accumulator;
use crate::model::simulate::year_inputs;
use crate::state::{Action, State};

/// Wait this long after the last change before starting, so a drag does not start a run per
/// pixel.
const SETTLE_MS: u32 = 120;
/// Work per slice, in milliseconds of wall time, before yielding to the browser.
const SLICE_MS: f64 = 12.0;
/// Trajectories between two looks at the clock.
const BATCH: usize = 50;

/// Starts (and on change, restarts) the Monte Carlo of the active plan's current result.
#[hook]
pub fn use_uncertainty(state: &UseReducerHandle<State>, on_action: Callback<Action>) {
    let plan = state.plan();
    let (plan_id, generation) = (plan.id, plan.generation);
    let settings = state.session.mc;
    let computed = plan.computed.clone();
    use_effect_with((plan_id, generation), move |_| {
        let cancelled = Rc::new(Cell::new(false));
        let stop = cancelled.clone();
        spawn_local(async move {
            TimeoutFuture::new(SETTLE_MS).await;
            let scenario = &computed.scenario;
            let plan = year_inputs(scenario);
            let mut acc = Accumulator::new(scenario, settings);
            while !cancelled.get() {
                let started = js_sys::Date::now();
                while !acc.is_complete() && js_sys::Date::now() - started < SLICE_MS {
                    acc.advance(scenario, &plan, BATCH);
                }
                if acc.is_complete() {
                    on_action.emit(Action::McDone {
                        plan: plan_id,
                        generation,
                        summary: Rc::new(acc.summary()),
                    });
                    return;
                }
                on_action.emit(Action::McProgress {
                    plan: plan_id,
                    generation,
                    done: acc.done(),
                });
                // Yield to the browser so input and painting go first.
                TimeoutFuture::new(0).await;
            }
        });
        // A newer result cancels this run at its next slice.
        move || stop.set(true)
    });
}
