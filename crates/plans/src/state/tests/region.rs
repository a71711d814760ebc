//! The frame of a plan: its preset or new region, its years, its region's name, its name and
//! its targets.

use super::*;
use swplan_engine::{Metric, Target, Yearly};

#[test]
fn starting_over_offers_undo_only_when_edits_would_be_lost() {
    let mut state = yunnan();
    state.apply(Action::LoadPreset("ningxia"));
    assert_eq!(state.session.undo_hint, None, "nothing was edited");
    state.apply(Action::SetValue {
        key: "hires",
        value: 2_000.0,
    });
    state.apply(Action::LoadPreset("guizhou"));
    assert_eq!(state.session.undo_hint, Some(UndoHint::StartedOver));
}

#[test]
fn switching_preset_keeps_the_language_and_can_be_undone() {
    let mut state = State::new(presets::default_preset(), Lang::En);
    state.apply(Action::SetValue {
        key: "hires",
        value: 1.0,
    });
    state.apply(Action::LoadPreset("ningxia"));
    assert_eq!(state.plan().origin.slug(), Some("ningxia"));
    assert_eq!(state.session.lang, Lang::En);
    assert_eq!(state.plan().computed.verdicts.len(), 6);
    assert_eq!(state.session.undo_hint, Some(UndoHint::StartedOver));
    state.apply(Action::Undo);
    assert_eq!(state.plan().origin.slug(), Some("yunnan"));
    assert_eq!(state.plan().scenario.levers.hires, Yearly::Constant(1.0));
}

#[test]
fn targets_can_be_added_removed_and_restored() {
    let mut state = ningxia();
    let preset_targets = state.plan().scenario.targets.clone();
    state.apply(Action::RemoveTarget(0));
    assert_eq!(
        state.plan().scenario.targets.len(),
        preset_targets.len() - 1
    );
    assert_eq!(
        state.session.undo_hint,
        Some(UndoHint::TargetRemoved {
            metric: Metric::Talent
        })
    );
    let own = Target {
        metric: Metric::Positions,
        threshold: 3000.0,
        deadline: 2027,
        source: None,
    };
    state.apply(Action::AddTarget(own.clone()));
    assert!(state.plan().targets_differ_from_baseline());
    state.apply(Action::RestoreTargets);
    let targets = &state.plan().scenario.targets;
    assert_eq!(&targets[..preset_targets.len()], &preset_targets[..]);
    assert_eq!(targets.last(), Some(&own), "the user's own target is kept");
    assert!(!state.plan().targets_differ_from_baseline());
}

#[test]
fn the_baselines_result_is_kept_with_the_plan_and_follows_its_origin() {
    let mut state = yunnan();
    let yunnan_talent = |state: &State| {
        state
            .plan()
            .baseline_result
            .as_ref()
            .unwrap()
            .trajectory
            .years[0]
            .talent
    };
    assert_eq!(yunnan_talent(&state), 84_500.0);
    let before = state.plan().baseline_result.clone().unwrap();
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    assert!(
        Rc::ptr_eq(&before, state.plan().baseline_result.as_ref().unwrap()),
        "an edit does not run the baseline again"
    );
    state.apply(Action::LoadPreset("ningxia"));
    assert_eq!(yunnan_talent(&state), 10_000.0);
    state.apply(Action::Undo);
    assert_eq!(yunnan_talent(&state), 84_500.0);
}

#[test]
fn a_new_region_starts_from_the_blank_template() {
    let state = new_region();
    let plan = state.plan();
    assert_eq!(plan.origin, Origin::Custom);
    assert_eq!(plan.scenario.name.zh, "新建地区");
    assert_eq!(plan.scenario.assumptions.talent, 0.0);
    assert!(
        plan.computed.verdicts.is_empty(),
        "the template has no targets"
    );
    assert_eq!(state.session.undo_hint, None, "nothing was edited");
}

#[test]
fn a_new_region_over_edits_offers_undo_which_brings_them_back() {
    let mut state = yunnan();
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    state.apply(Action::NewRegion(Rc::new(presets::blank().clone())));
    assert_eq!(state.session.undo_hint, Some(UndoHint::StartedOver));
    state.apply(Action::Undo);
    assert_eq!(state.plan().origin.slug(), Some("yunnan"));
    assert_eq!(
        state.plan().scenario.levers.hires,
        Yearly::Constant(20_000.0)
    );
}

#[test]
fn the_last_year_moves_the_results_and_can_be_undone() {
    let mut state = yunnan();
    state.apply(Action::SetEndYear(2035));
    let last_year = |state: &State| state.plan().computed.trajectory.years.last().unwrap().year;
    assert_eq!(last_year(&state), 2035);
    state.apply(Action::Undo);
    assert_eq!(last_year(&state), 2030);
}

#[test]
fn a_last_year_before_the_first_keeps_the_last_valid_result() {
    let mut state = yunnan();
    state.apply(Action::SetEndYear(2019));
    assert!(state.plan().errors.is_some());
    assert_eq!(state.plan().computed.scenario.end_year, 2030);
}

#[test]
fn moving_the_base_year_keeps_the_last_year() {
    let mut state = new_region();
    state.apply(Action::SetBaseYear(2022));
    let years = |state: &State| {
        let s = &state.plan().computed.scenario;
        (s.base_year, s.end_year)
    };
    assert_eq!(years(&state), (2022, 2030));
    state.apply(Action::Undo);
    assert_eq!(years(&state), (2025, 2030));
}

#[test]
fn a_base_year_at_the_last_year_moves_the_last_year_five_years_on() {
    let mut state = new_region();
    state.apply(Action::SetBaseYear(2030));
    let s = &state.plan().computed.scenario;
    assert_eq!((s.base_year, s.end_year), (2030, 2035));
}

#[test]
fn a_base_year_too_far_back_brings_the_last_year_within_the_longest_horizon() {
    let mut state = new_region();
    state.apply(Action::SetBaseYear(1990));
    let s = &state.plan().scenario;
    assert_eq!(
        (s.base_year, s.end_year),
        (1990, 1990 + swplan_engine::scenario::MAX_HORIZON_YEARS)
    );
    assert!(state.plan().errors.is_none());
}

#[test]
fn a_region_is_named_in_both_languages_and_the_name_can_be_undone() {
    let mut state = new_region();
    state.apply(Action::SetRegionName("宜宾市".into()));
    let name = |state: &State| state.plan().computed.scenario.name.clone();
    assert_eq!(
        (name(&state).zh, name(&state).en),
        ("宜宾市".into(), "宜宾市".into())
    );
    state.apply(Action::Undo);
    assert_eq!(name(&state).zh, "新建地区");
}

#[test]
fn changing_a_target_judges_the_plan_against_it_and_can_be_undone() {
    let mut state = yunnan();
    let preset_target = state.plan().scenario.targets[0].clone();
    assert!(!state.plan().computed.verdicts[0].met);
    state.apply(Action::SetTarget {
        index: 0,
        target: Target {
            threshold: 90_000.0,
            source: None,
            ..preset_target.clone()
        },
    });
    assert_eq!(
        state.plan().computed.scenario.targets[0].threshold,
        90_000.0
    );
    assert!(state.plan().computed.verdicts[0].met);
    assert!(state.plan().targets_differ_from_baseline());
    state.apply(Action::Undo);
    assert_eq!(state.plan().scenario.targets[0], preset_target);
}

#[test]
fn a_blank_plan_name_clears_it() {
    let mut state = yunnan();
    state.apply(Action::SetPlanName(Some("方案A".into())));
    assert_eq!(state.plan().name.as_deref(), Some("方案A"));
    state.apply(Action::SetPlanName(Some("  ".into())));
    assert_eq!(state.plan().name, None);
}
