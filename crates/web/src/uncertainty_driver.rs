//! Keeps the odds of every plan on screen up to date: when a plan's result changes, its Monte
//! Carlo is sent to the computing service (a worker; on the page in slices without one) a moment
//! after the last input, and a newer result cancels the stale job.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::app_state::AppState;
use super::compute_client::ComputeClient;
use swplan_plans::compute::{Job, Outcome};
use swplan_plans::state::Action;

/// Wait this long after the last change before starting, so a drag does not start a job per
/// pixel (the worker would only cancel them).
const SETTLE_MS: u32 = 40;
/// While the mouse still holds a slider, the pause that counts as the drag resting. On a slow PC
/// a drag step can take longer than `SETTLE_MS`; a job started then would land mid-drag and its
/// result (bands and odds redrawn) would hold up the next steps.
const SETTLE_DRAGGING_MS: u32 = 300;
/// Progress reaches the page at most this often (each report re-renders it).
const PROGRESS_EVERY_MS: f64 = 250.0;

/// Starts (and on change, restarts) the Monte Carlo of every plan on screen whose result has
/// none yet: the plan being edited first, then the others of a comparison.
#[hook]
pub fn use_uncertainty(
    state: &UseReducerHandle<AppState>,
    compute: ComputeClient,
    on_action: Callback<Action>,
) {
    let settings = state.session.mc;
    let active = state.active;
    let mut order: Vec<usize> = (0..state.plans.len()).collect();
    order.sort_by_key(|i| *i != active);
    let jobs: Vec<(u64, u64, Rc<swplan_plans::state::Computed>)> = order
        .into_iter()
        .map(|i| &state.plans[i])
        .filter(|p| p.summary().is_none())
        .map(|p| (p.id, p.generation, p.computed.clone()))
        .collect();
    let key: Vec<(u64, u64)> = jobs.iter().map(|(id, g, _)| (*id, *g)).collect();
    let dragging = state.plan().dragging();
    use_effect_with((key, dragging), move |_| {
        let submitted = Rc::new(std::cell::RefCell::new(Vec::new()));
        let handles = submitted.clone();
        let client = compute.clone();
        let settle = if dragging {
            SETTLE_DRAGGING_MS
        } else {
            SETTLE_MS
        };
        let timer = Timeout::new(settle, move || {
            for (plan, generation, computed) in jobs {
                let progress = on_action.clone();
                let done = on_action.clone();
                let last_report = std::cell::Cell::new(js_sys::Date::now());
                let id = client.submit(
                    Job::MonteCarlo {
                        scenario: computed.scenario.clone(),
                        settings,
                    },
                    move |done, _| {
                        let now = js_sys::Date::now();
                        if now - last_report.get() >= PROGRESS_EVERY_MS {
                            last_report.set(now);
                            progress.emit(Action::McProgress {
                                plan,
                                generation,
                                done,
                            });
                        }
                    },
                    move |outcome| {
                        if let Outcome::Summary(summary) = outcome {
                            done.emit(Action::McDone {
                                plan,
                                generation,
                                summary: Rc::new(summary),
                            });
                        }
                    },
                );
                handles.borrow_mut().push(id);
            }
        });
        // A newer result cancels what is still running for the old one.
        move || {
            drop(timer);
            for id in submitted.borrow().iter() {
                compute.cancel(*id);
            }
        }
    });
}
