//! The cheapest plan and which lever matters most: the form, a run's progress and outcome (of
//! this run only), applying the plan found as one undo step, pinning it into the comparison.

use super::*;
use crate::analysis::OptimiseRefusal;
use crate::compute::{Job, Outcome, Runner};
use swplan_engine::optimise::{BoundSide, Lever};
use swplan_engine::{evaluate, simulate};

fn optimiser(action: OptimiserAction) -> Action {
    Action::Optimiser(action)
}

/// Ningxia, as planned (fast), with the default levers.
fn ningxia_as_planned() -> State {
    let mut state = ningxia();
    state.apply(optimiser(OptimiserAction::SetConfidence(None)));
    state
}

/// The same with only hiring and rooms free.
fn hiring_and_rooms(state: &mut State) {
    for lever in [
        Lever::CandidatesJunior,
        Lever::CandidatesMid,
        Lever::InstitutionsPerYear,
        Lever::DemoPerYear,
    ] {
        state.apply(optimiser(OptimiserAction::ChooseLever {
            lever,
            chosen: false,
        }));
    }
}

/// Runs the job the state asks for, as the worker would, and reports its outcome.
fn finish_optimiser(state: &mut State) {
    let running = state.session.optimiser.running.clone().expect("a run");
    let job = Job::Optimise {
        scenario: running.job.scenario.clone(),
        problem: running.job.problem.clone(),
    };
    let answer = match Runner::start(job).finish() {
        Outcome::Optimised(found) => Ok(found),
        Outcome::OptimiseRefused(refusal) => Err(refusal),
        other => panic!("{other:?}"),
    };
    state.apply(optimiser(OptimiserAction::Done {
        ticket: running.ticket,
        answer,
    }));
}

#[test]
fn the_form_makes_the_problem() {
    let mut state = ningxia_as_planned();
    hiring_and_rooms(&mut state);
    state.apply(optimiser(OptimiserAction::SetBound {
        lever: Lever::Hires,
        year: None,
        side: BoundSide::Max,
        value: 2_500.0,
    }));
    state.apply(optimiser(OptimiserAction::SetBound {
        lever: Lever::Hires,
        year: Some(0),
        side: BoundSide::Min,
        value: 100.0,
    }));
    state.apply(optimiser(OptimiserAction::SetConfidence(Some(0.95))));
    state.apply(optimiser(OptimiserAction::SetGoal(
        GoalChoice::UnderBudget(8e8),
    )));
    state.apply(optimiser(OptimiserAction::SetDiscountRate(0.03)));
    let s = &state.plan().computed.scenario;
    let problem = state.session.optimiser.problem(s, state.session.mc.seed);
    let levers: Vec<Lever> = problem.levers.iter().map(|c| c.lever).collect();
    assert_eq!(levers, vec![Lever::Hires, Lever::RoomsPerYear]);
    let hires = &problem.levers[0];
    assert_eq!(
        (hires.bounds_in(0).min, hires.bounds_in(0).max),
        (100.0, 2_500.0)
    );
    assert_eq!(
        (hires.bounds_in(5).min, hires.bounds_in(5).max),
        (0.0, 2_500.0)
    );
    assert_eq!(problem.confidence.map(|c| c.level), Some(0.95));
    assert_eq!(problem.costs.discount_rate, 0.03);
    assert!(matches!(
        problem.goal,
        swplan_engine::optimise::Goal::LeastShortfall { budget, .. } if budget == 8e8
    ));
    // Back to the defaults: every lever that drives a target, within its default bounds.
    state.apply(optimiser(OptimiserAction::ResetLevers));
    let problem = state
        .session
        .optimiser
        .problem(&state.plan().computed.scenario, state.session.mc.seed);
    assert_eq!(problem.levers.len(), 6);
    assert_eq!(problem.levers[0].bounds_in(0).min, 0.0);
}

#[test]
fn another_region_starts_from_its_own_default_bounds() {
    let mut state = ningxia_as_planned();
    state.apply(Action::LoadPreset("yunnan"));
    let levers = state
        .session
        .optimiser
        .levers_for(&state.plan().computed.scenario);
    assert_eq!(
        levers,
        crate::state::optimiser::default_levers(&state.plan().computed.scenario)
    );
}

#[test]
fn a_run_reports_progress_and_its_answer_then_applies_as_one_undo_step() {
    let mut state = ningxia_as_planned();
    let before = state.plan().scenario.clone();
    state.apply(optimiser(OptimiserAction::Run));
    let ticket = state.session.optimiser.running.as_ref().unwrap().ticket;
    let progress = optimiser(OptimiserAction::Progress {
        ticket,
        done: 300,
        total: 1_000,
    });
    assert!(!state.is_stale(&progress));
    state.apply(progress);
    assert_eq!(state.session.optimiser.running.as_ref().unwrap().done, 300);
    finish_optimiser(&mut state);
    assert!(state.session.optimiser.running.is_none());
    let plan = state.plan();
    let answer = state
        .session
        .optimiser
        .current_answer(plan.id, &plan.computed.scenario)
        .expect("an answer for this plan");
    assert_eq!(answer.status, swplan_engine::optimise::Status::Met);

    state.apply(optimiser(OptimiserAction::Apply));
    assert_eq!(state.session.undo_hint, Some(UndoHint::PlanOptimised));
    let plan = state.plan();
    assert!(state
        .session
        .optimiser
        .applied(plan.id, &plan.computed.scenario));
    let trajectory = simulate(&state.plan().scenario).unwrap();
    for target in &state.plan().scenario.targets {
        assert!(evaluate(target, &trajectory).met, "{target:?}");
    }
    // The answer is now the plan's own, no longer one to apply again.
    let plan = state.plan();
    assert!(state
        .session
        .optimiser
        .current_answer(plan.id, &plan.computed.scenario)
        .is_none());
    state.apply(Action::Undo);
    assert_eq!(state.plan().scenario, before, "one undo step");
}

#[test]
fn the_outcome_of_an_older_run_is_dropped() {
    let mut state = ningxia_as_planned();
    state.apply(optimiser(OptimiserAction::Run));
    let old = state.session.optimiser.running.as_ref().unwrap().ticket;
    state.apply(optimiser(OptimiserAction::Run));
    let stale = optimiser(OptimiserAction::Progress {
        ticket: old,
        done: 1,
        total: 2,
    });
    assert!(state.is_stale(&stale));
    state.apply(optimiser(OptimiserAction::Done {
        ticket: old,
        answer: Err(OptimiseRefusal::SolverFailed),
    }));
    assert!(state.session.optimiser.result.is_none());
    assert!(state.session.optimiser.running.is_some());
    state.apply(optimiser(OptimiserAction::Cancel));
    assert!(state.session.optimiser.running.is_none());
    assert!(state.session.optimiser.cancelled);
}

#[test]
fn a_cancel_is_told_until_the_next_run() {
    let mut state = ningxia_as_planned();
    // Nothing under way: nothing was cancelled.
    state.apply(optimiser(OptimiserAction::Cancel));
    assert!(!state.session.optimiser.cancelled);
    state.apply(optimiser(OptimiserAction::Run));
    state.apply(optimiser(OptimiserAction::Cancel));
    assert!(state.session.optimiser.cancelled);
    state.apply(optimiser(OptimiserAction::Run));
    assert!(!state.session.optimiser.cancelled);
    assert!(state.session.optimiser.running.is_some());
}

#[test]
fn bounds_the_wrong_way_round_are_refused_at_once() {
    let mut state = ningxia_as_planned();
    state.apply(optimiser(OptimiserAction::SetBound {
        lever: Lever::Hires,
        year: None,
        side: BoundSide::Min,
        value: 9_000.0,
    }));
    state.apply(optimiser(OptimiserAction::Run));
    assert!(state.session.optimiser.running.is_none());
    let result = state.session.optimiser.result.as_ref().unwrap();
    assert_eq!(
        result.answer,
        Err(OptimiseRefusal::BadBounds {
            lever: Lever::Hires,
            year: 2023
        })
    );
}

#[test]
fn an_answer_for_a_plan_changed_since_is_not_applied() {
    let mut state = ningxia_as_planned();
    state.apply(optimiser(OptimiserAction::Run));
    finish_optimiser(&mut state);
    state.apply(Action::SetValue {
        key: "attrition",
        value: 0.1,
    });
    let edited = state.plan().scenario.clone();
    state.apply(optimiser(OptimiserAction::Apply));
    assert_eq!(state.plan().scenario, edited);
}

#[test]
fn a_pinned_plan_joins_the_comparison_under_its_name() {
    let mut state = ningxia_as_planned();
    state.apply(optimiser(OptimiserAction::Run));
    finish_optimiser(&mut state);
    let own = state.plan().scenario.clone();
    state.apply(optimiser(OptimiserAction::Pin {
        name: "最省钱方案".into(),
    }));
    assert_eq!(state.plans.len(), 2);
    assert_eq!(state.active, 0, "the planner keeps editing their plan");
    assert_eq!(state.plans[0].scenario, own);
    let pinned = &state.plans[1];
    assert_eq!(pinned.name.as_deref(), Some("最省钱方案"));
    let answer = state.session.optimiser.result.as_ref().unwrap();
    let found = answer.answer.as_ref().unwrap();
    assert_eq!(pinned.scenario, found.apply(&answer.scenario));
}

#[test]
fn a_sensitivity_run_reports_progress_and_its_result() {
    let mut state = yunnan();
    state.apply(Action::Sensitivity(SensitivityAction::Run));
    let running = state.session.sensitivity.running.clone().unwrap();
    let progress = Action::Sensitivity(SensitivityAction::Progress {
        ticket: running.ticket,
        done: 3,
        total: 65,
    });
    assert!(!state.is_stale(&progress));
    state.apply(progress);
    assert_eq!(state.session.sensitivity.running.as_ref().unwrap().done, 3);
    let settings = swplan_engine::sensitivity::SobolSettings {
        points: 16,
        seed: 1,
    };
    let found = crate::analysis::sensitivity(&running.job, settings).unwrap();
    state.apply(Action::Sensitivity(SensitivityAction::Done {
        ticket: running.ticket,
        sensitivity: Some(Box::new(found.clone())),
    }));
    let plan = state.plan();
    let current = state
        .session
        .sensitivity
        .current(plan.id, &plan.computed.scenario)
        .unwrap();
    assert_eq!(current.sensitivity.as_ref(), Some(&found));
    // Cancelled: the run stops, the last result stays.
    state.apply(Action::Sensitivity(SensitivityAction::Run));
    state.apply(Action::Sensitivity(SensitivityAction::Cancel));
    assert!(state.session.sensitivity.running.is_none());
    assert!(state.session.sensitivity.cancelled);
    assert!(state.session.sensitivity.result.is_some());
}
