//! Sends the heavy work of a plan's life to the computing service (a worker; on the page in
//! slices without one): a calibration or a back-test the planner asked for, and the Monte Carlo
//! of the re-projection while it is drawn. A newer request cancels the older one.

use std::rc::Rc;

use yew::prelude::*;

use super::app_state::AppState;
use super::compute_client::ComputeClient;
use swplan_plans::compute::{Job, Outcome};
use swplan_plans::state::life::LifeAction;
use swplan_plans::state::Action;

/// Submits the job `job` makes, while `key` stays the same, and hands its outcome to `done`.
#[hook]
fn use_job<K: PartialEq + Clone + 'static>(
    key: Option<K>,
    job: impl FnOnce() -> Option<Job> + 'static,
    compute: ComputeClient,
    done: impl Fn(Outcome) + 'static,
) {
    use_effect_with(key, move |key| {
        let id = key
            .as_ref()
            .and(job())
            .map(|job| compute.submit(job, |_, _| {}, done));
        move || {
            if let Some(id) = id {
                compute.cancel(id);
            }
        }
    });
}

#[hook]
pub fn use_life_jobs(
    state: &UseReducerHandle<AppState>,
    compute: ComputeClient,
    on_action: Callback<Action>,
) {
    let life = &state.session.life;
    let emit = move |action: LifeAction| on_action.emit(Action::Life(action));

    let fit = life.fit_request.clone();
    let token = fit.as_ref().map(|r| r.token);
    {
        let emit = emit.clone();
        use_job(
            token,
            move || {
                fit.map(|request| Job::Calibrate {
                    scenario: (*request.scenario).clone(),
                    levers: request.levers,
                })
            },
            compute.clone(),
            move |outcome| match (outcome, token) {
                (Outcome::Calibration(outcome), Some(token)) => emit(LifeAction::CalibrationDone {
                    token,
                    outcome: *outcome,
                }),
                (_, Some(token)) => emit(LifeAction::JobFailed { token }),
                _ => {}
            },
        );
    }

    let backtest = life.backtest_request.clone();
    let token = backtest.as_ref().map(|r| r.token);
    {
        let emit = emit.clone();
        use_job(
            token,
            move || {
                backtest.map(|request| Job::Backtest {
                    scenario: (*request.scenario).clone(),
                    levers: request.levers,
                    base_year: request.base_year,
                    cutoff: request.cutoff,
                })
            },
            compute.clone(),
            move |outcome| match (outcome, token) {
                (Outcome::Backtest(outcome), Some(token)) => emit(LifeAction::BacktestDone {
                    token,
                    outcome: *outcome,
                }),
                (_, Some(token)) => emit(LifeAction::JobFailed { token }),
                _ => {}
            },
        );
    }

    // The re-projection's odds while it is drawn and has none for where it now starts.
    let plan = state.plan();
    let start = plan
        .computed
        .actuals
        .as_ref()
        .and_then(|v| v.reprojection.as_ref())
        .map(|r| r.start)
        .filter(|_| life.show_reprojection && state.reprojected_odds().is_none());
    let (id, generation) = (plan.id, plan.generation);
    let key = start.map(|start| (id, generation, start));
    let computed = plan.computed.clone();
    let settings = state.session.mc;
    use_job(
        key,
        move || {
            start.map(|start| Job::MonteCarloFrom {
                scenario: computed.scenario.clone(),
                settings,
                start,
            })
        },
        compute,
        move |outcome| {
            if let (Outcome::Summary(summary), Some(start)) = (outcome, start) {
                emit(LifeAction::ReprojectedOdds {
                    plan: id,
                    generation,
                    start,
                    summary: Rc::new(summary),
                });
            }
        },
    );
}
