//! Runs the cheapest plan and the sensitivity analysis the state asks for: when a run starts
//! (a new ticket), its job goes to the computing service (a worker; on the page in slices
//! without one); its progress and outcome come back as actions; a cancelled or replaced run's
//! job is cancelled.

use std::cell::Cell;

use yew::prelude::*;

use super::app_state::AppState;
use super::compute_client::ComputeClient;
use swplan_plans::compute::{Job, Outcome};
use swplan_plans::state::optimiser::SENSITIVITY_SETTINGS;
use swplan_plans::state::{Action, OptimiserAction, SensitivityAction};

/// Progress reaches the page at most this often (each report re-renders the panel).
const PROGRESS_EVERY_MS: f64 = 150.0;

/// Progress at most every [`PROGRESS_EVERY_MS`].
fn throttled(report: impl Fn(usize, usize) + 'static) -> impl Fn(usize, usize) + 'static {
    let last = Cell::new(0.0);
    move |done, total| {
        let now = js_sys::Date::now();
        if now - last.get() >= PROGRESS_EVERY_MS {
            last.set(now);
            report(done, total);
        }
    }
}

#[hook]
pub fn use_analysis_jobs(
    state: &UseReducerHandle<AppState>,
    compute: ComputeClient,
    on_action: Callback<Action>,
) {
    let optimiser = state.session.optimiser.running.clone();
    {
        let (compute, on_action) = (compute.clone(), on_action.clone());
        use_effect_with(optimiser.as_ref().map(|r| r.ticket), move |_| {
            let submitted = optimiser.map(|running| {
                let ticket = running.ticket;
                let job = Job::Optimise {
                    scenario: running.job.scenario.clone(),
                    problem: running.job.problem.clone(),
                };
                let (progress, done) = (on_action.clone(), on_action);
                let id = compute.submit(
                    job,
                    throttled(move |done, total| {
                        progress.emit(Action::Optimiser(OptimiserAction::Progress {
                            ticket,
                            done,
                            total,
                        }))
                    }),
                    move |outcome| {
                        let answer = match outcome {
                            Outcome::Optimised(found) => Ok(found),
                            Outcome::OptimiseRefused(refusal) => Err(refusal),
                            _ => return,
                        };
                        done.emit(Action::Optimiser(OptimiserAction::Done { ticket, answer }));
                    },
                );
                (compute, id)
            });
            move || {
                if let Some((compute, id)) = submitted {
                    compute.cancel(id);
                }
            }
        });
    }
    let sensitivity = state.session.sensitivity.running.clone();
    use_effect_with(sensitivity.as_ref().map(|r| r.ticket), move |_| {
        let submitted = sensitivity.map(|running| {
            let ticket = running.ticket;
            let job = Job::Sensitivity {
                scenario: (*running.job).clone(),
                settings: SENSITIVITY_SETTINGS,
            };
            let (progress, done) = (on_action.clone(), on_action);
            let id = compute.submit(
                job,
                throttled(move |done, total| {
                    progress.emit(Action::Sensitivity(SensitivityAction::Progress {
                        ticket,
                        done,
                        total,
                    }))
                }),
                move |outcome| {
                    if let Outcome::Sensitivity(found) = outcome {
                        done.emit(Action::Sensitivity(SensitivityAction::Done {
                            ticket,
                            sensitivity: found,
                        }));
                    }
                },
            );
            (compute, id)
        });
        move || {
            if let Some((compute, id)) = submitted {
                compute.cancel(id);
            }
        }
    });
}
