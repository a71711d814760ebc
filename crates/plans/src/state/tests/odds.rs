//! The Monte Carlo odds: restarted by a new result, runs or seed; progress and results of
//! an older result dropped.

use super::*;

#[test]
fn a_value_change_recomputes_and_restarts_the_monte_carlo() {
    let mut state = yunnan();
    let generation = state.plan().generation;
    state.apply(Action::SetValue {
        key: "hires",
        value: 30_000.0,
    });
    let plan = state.plan();
    assert!(plan.computed.verdicts[0].met);
    assert_ne!(plan.generation, generation);
    assert!(matches!(plan.uncertain, Uncertain::Running { done: 0, .. }));
}

#[test]
fn the_previous_odds_stay_while_new_ones_are_computed() {
    let mut state = yunnan();
    let (id, generation) = (state.plan().id, state.plan().generation);
    let summary = Rc::new(
        swplan_engine::montecarlo::simulate_many(
            &state.plan().computed.scenario,
            Settings::clamped(100, 1),
        )
        .unwrap(),
    );
    state.apply(Action::McDone {
        plan: id,
        generation,
        summary: Rc::clone(&summary),
    });
    state.apply(Action::SetValue {
        key: "hires",
        value: 13_000.0,
    });
    assert!(
        state.plan().summary().is_none(),
        "the new odds are not in yet"
    );
    assert_eq!(state.plan().uncertain.latest(), Some(&summary));
    // A change of targets makes the old odds meaningless: none are kept.
    state.apply(Action::RemoveTarget(0));
    assert_eq!(state.plan().uncertain.latest(), None);
}

#[test]
fn an_edit_that_changes_nothing_does_not_restart_the_monte_carlo() {
    let mut state = yunnan();
    let generation = state.plan().generation;
    state.apply(Action::SetValue {
        key: "hires",
        value: 12_000.0,
    });
    assert_eq!(state.plan().generation, generation);
}

#[test]
fn stale_monte_carlo_results_are_dropped() {
    let mut state = yunnan();
    let (id, old) = (state.plan().id, state.plan().generation);
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    let summary = swplan_engine::montecarlo::simulate_many(
        &state.plan().computed.scenario,
        Settings::clamped(100, 1),
    )
    .unwrap();
    state.apply(Action::McDone {
        plan: id,
        generation: old,
        summary: Rc::new(summary.clone()),
    });
    assert!(state.plan().summary().is_none(), "stale result ignored");
    assert!(state.is_stale(&Action::McProgress {
        plan: id,
        generation: old,
        done: 1
    }));
    let current = state.plan().generation;
    state.apply(Action::McDone {
        plan: id,
        generation: current,
        summary: Rc::new(summary),
    });
    assert!(state.plan().summary().is_some());
}

#[test]
fn new_runs_restart_the_monte_carlo_of_every_plan() {
    let mut state = yunnan();
    let generation = state.plan().generation;
    state.apply(Action::SetRuns(5_000));
    assert_eq!(state.session.mc.runs, 5_000);
    assert_ne!(state.plan().generation, generation);
    state.apply(Action::SetRuns(1));
    assert_eq!(state.session.mc.runs, 100, "clamped to the allowed range");
}

#[test]
fn progress_counts_the_runs_of_the_result_on_screen() {
    let mut state = yunnan();
    let (id, generation) = (state.plan().id, state.plan().generation);
    state.apply(Action::McProgress {
        plan: id,
        generation,
        done: 250,
    });
    assert!(matches!(
        state.plan().uncertain,
        Uncertain::Running { done: 250, .. }
    ));
}

#[test]
fn progress_of_an_older_result_is_not_counted() {
    let mut state = yunnan();
    let (id, old) = (state.plan().id, state.plan().generation);
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    state.apply(Action::McProgress {
        plan: id,
        generation: old,
        done: 250,
    });
    assert!(matches!(
        state.plan().uncertain,
        Uncertain::Running { done: 0, .. }
    ));
}

#[test]
fn a_new_seed_restarts_the_monte_carlo_of_every_plan() {
    let mut state = yunnan();
    state.apply(Action::AddToCompare(CompareSource::Copy));
    finish_odds(&mut state);
    state.apply(Action::SetSeed(7));
    assert_eq!(state.session.mc.seed, 7);
    for plan in &state.plans {
        assert_eq!(
            plan.uncertain,
            Uncertain::Running {
                done: 0,
                previous: None
            },
            "odds of another seed are not shown"
        );
    }
}

#[test]
fn opening_a_plan_with_other_monte_carlo_settings_computes_its_odds_again() {
    let mut state = yunnan();
    finish_odds(&mut state);
    let mut spec = state.plan().to_spec(state.session.mc);
    spec.mc = Settings::clamped(5_000, 7);
    state.apply(Action::OpenSpec {
        spec: Box::new(spec),
        now: "2026-11-23T12:00:00Z".into(),
    });
    assert_eq!(state.session.mc, Settings::clamped(5_000, 7));
    assert!(
        state.plan().summary().is_none(),
        "the odds on screen were drawn with other runs and seed"
    );
}

/// Finishes the Monte Carlo of every plan (100 runs, so it is quick).
fn finish_odds(state: &mut State) {
    for index in 0..state.plans.len() {
        let (id, generation) = (state.plans[index].id, state.plans[index].generation);
        let summary = swplan_engine::montecarlo::simulate_many(
            &state.plans[index].computed.scenario,
            Settings::clamped(100, 1),
        )
        .unwrap();
        state.apply(Action::McDone {
            plan: id,
            generation,
            summary: Rc::new(summary),
        });
    }
    assert!(state.plans.iter().all(|p| p.summary().is_some()));
}
