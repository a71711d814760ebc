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

/// Starts (and on change, restarts) the Monte Carlo of every plan on screen whose result has
/// none yet: the plan being edited first, then the others of a comparison, one after another.
#[hook]
pub fn use_uncertainty(state: &UseReducerHandle<State>, on_action: Callback<Action>) {
    let settings = state.session.mc;
    let active = state.active;
    let mut order: Vec<usize> = (0..state.plans.len()).collect();
    order.sort_by_key(|i| *i != active);
    let jobs: Vec<(u64, u64, Rc<crate::state::Computed>)> = order
        .into_iter()
        .map(|i| &state.plans[i])
        .filter(|p| p.summary().is_none())
        .map(|p| (p.id, p.generation, p.computed.clone()))
        .collect();
    let key: Vec<(u64, u64)> = jobs.iter().map(|(id, g, _)| (*id, *g)).collect();
    use_effect_with(key, move |_| {
        let cancelled = Rc::new(Cell::new(false));
        let stop = cancelled.clone();
        spawn_local(async move {
            TimeoutFuture::new(SETTLE_MS).await;
            for (plan_id, generation, computed) in jobs {
                let scenario = &computed.scenario;
                let plan = year_inputs(scenario);
                let mut acc = Accumulator::new(scenario, settings);
                loop {
                    if cancelled.get() {
                        return;
                    }
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
                        break;
                    }
                    on_action.emit(Action::McProgress {
                        plan: plan_id,
                        generation,
                        done: acc.done(),
                    });
                    // Yield to the browser so input and painting go first.
                    TimeoutFuture::new(0).await;
                }
            }
        });
        // A newer result cancels this run at its next slice.
        move || stop.set(true)
    });
}
