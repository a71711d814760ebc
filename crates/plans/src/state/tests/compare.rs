//! The comparison: copies, the baseline, up to four plans, which one is edited.

use super::*;
use swplan_engine::Yearly;

#[test]
fn a_copy_joins_the_comparison_and_is_the_one_edited() {
    let mut state = yunnan();
    state.apply(Action::AddToCompare(CompareSource::Copy));
    assert_eq!(state.plans.len(), 2);
    assert_eq!(state.active, 1);
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    assert_eq!(
        state.plans[0].scenario.levers.hires,
        Yearly::Constant(12_000.0)
    );
    assert_eq!(
        state.plans[1].scenario.levers.hires,
        Yearly::Constant(20_000.0)
    );
    assert!(state.comparing());
}

#[test]
fn a_comparison_holds_four_plans_at_most_and_a_removed_one_comes_back() {
    let mut state = yunnan();
    for _ in 0..5 {
        state.apply(Action::AddToCompare(CompareSource::Baseline));
    }
    assert_eq!(state.plans.len(), 4);
    assert_eq!(state.active, 0, "a baseline is compared, not edited");
    state.apply(Action::RemovePlan(2));
    assert_eq!(state.plans.len(), 3);
    state.apply(Action::RestorePlan);
    assert_eq!(state.plans.len(), 4);
    state.apply(Action::SetActivePlan(3));
    state.apply(Action::RemovePlan(3));
    assert_eq!(state.active, 2, "the active index follows");
}

#[test]
fn a_comparison_link_opens_every_plan() {
    let mut state = yunnan();
    state.apply(Action::AddToCompare(CompareSource::Copy));
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    let query = crate::share::encode(&state.specs(), None);
    let reopened = State::from_link(&crate::share::decode(&query), Lang::Zh);
    assert_eq!(reopened.specs(), state.specs());
}

#[test]
fn a_copy_is_the_same_plan_until_it_is_changed() {
    let mut state = yunnan();
    state.apply(Action::AddToCompare(CompareSource::Copy));
    assert_eq!(state.same_as_earlier(), vec![None, Some(0)]);
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    assert_eq!(state.same_as_earlier(), vec![None, None]);
}

#[test]
fn the_baseline_is_a_kind_of_plan_not_a_name() {
    let mut state = yunnan();
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    assert!(!state.has_baseline_plan());
    state.apply(Action::AddToCompare(CompareSource::Baseline));
    assert!(
        state.has_baseline_plan(),
        "adding it again would only take a place"
    );
    assert_eq!(state.plans[1].kind, PlanKind::Baseline);
    assert_eq!(
        state.plans[1].name, None,
        "worded when drawn, in the language on screen"
    );
    state.apply(Action::SetActivePlan(1));
    state.apply(Action::SetValue {
        key: "hires",
        value: 3_000.0,
    });
    assert!(
        !state.has_baseline_plan(),
        "once edited it is no longer the baseline"
    );
    // A plan the planner names like the baseline is their own plan.
    let mut named = yunnan();
    named.apply(Action::SetPlanName(Some("基准（不作新决策）".into())));
    named.apply(Action::AddToCompare(CompareSource::Copy));
    assert!(named.plans.iter().all(|p| p.kind == PlanKind::Own));
    assert!(!named.has_baseline_plan());
}

#[test]
fn a_comparison_link_brings_its_baseline_back_as_the_baseline() {
    let mut state = yunnan();
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    state.apply(Action::AddToCompare(CompareSource::Baseline));
    let link = crate::share::encode(&state.specs(), None);
    let reloaded = State::from_link(&crate::share::decode(&link), Lang::Zh);
    let kinds: Vec<PlanKind> = reloaded.plans.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, vec![PlanKind::Own, PlanKind::Baseline]);
}

#[test]
fn the_baseline_line_is_shown_and_hidden() {
    let mut state = yunnan();
    assert!(!state.session.show_baseline);
    state.apply(Action::ToggleBaseline);
    assert!(state.session.show_baseline);
    state.apply(Action::ToggleBaseline);
    assert!(!state.session.show_baseline);
}

#[test]
fn editing_another_plan_closes_the_per_year_editor() {
    let mut state = yunnan();
    state.apply(Action::AddToCompare(CompareSource::Copy));
    state.apply(Action::OpenSchedule(Some("hires")));
    state.apply(Action::SetActivePlan(0));
    assert_eq!(state.active, 0);
    assert_eq!(state.session.schedule_open, None);
}

/// The Yunnan plan, a copy with more hires named "多招人", the baseline and a copy with lower
/// attrition: four plans, as a trainer compares them.
fn four_plans() -> State {
    let mut state = yunnan();
    state.apply(Action::SetPlanName(Some("甲：多招人少流失".into())));
    state.apply(Action::SetValue {
        key: "hires",
        value: 15_000.0,
    });
    state.apply(Action::AddToCompare(CompareSource::Baseline));
    state.apply(Action::AddToCompare(CompareSource::Copy));
    state.apply(Action::SetPlanName(Some("乙：少流失".into())));
    state.apply(Action::SetValue {
        key: "attrition",
        value: 0.05,
    });
    state.apply(Action::AddToCompare(CompareSource::Copy));
    state.apply(Action::SetPlanName(Some("丙：都做".into())));
    state.apply(Action::SetValue {
        key: "hires",
        value: 17_000.0,
    });
    state
}

#[test]
fn sharing_the_comparison_shares_every_plan_in_one_link() {
    let mut state = four_plans();
    state.apply(Action::OpenDialog(Dialog::Share));
    assert_eq!(state.shared().len(), 1, "the plan being edited, as before");
    state.apply(Action::OpenDialog(Dialog::ShareComparison));
    let shared = state.shared();
    assert_eq!(shared.len(), 4);
    let link = crate::share::encode(&shared, None);
    let opened = State::from_link(&crate::share::decode(&link), Lang::Zh);
    assert_eq!(opened.plans.len(), 4);
    let names: Vec<Option<&str>> = opened.plans.iter().map(|p| p.name.as_deref()).collect();
    assert_eq!(
        names,
        [
            Some("甲：多招人少流失"),
            None,
            Some("乙：少流失"),
            Some("丙：都做")
        ]
    );
    assert_eq!(opened.plans[1].kind, PlanKind::Baseline);
    for (a, b) in opened.plans.iter().zip(&state.plans) {
        assert_eq!(a.scenario, b.computed.scenario);
    }
}

#[test]
fn a_plan_says_whether_it_was_edited_since_its_save_its_link_or_its_copy() {
    let mut state = yunnan();
    save_as(&mut state, "s1", "甲：多招人少流失");
    state.apply(Action::AddToCompare(CompareSource::Save("s1".into())));
    assert_eq!(state.edited(), [Edited::No, Edited::No]);
    // The working plan is edited after it was saved; the saved plan beside it is not.
    state.apply(Action::SetValue {
        key: "hires",
        value: 16_000.0,
    });
    assert_eq!(state.edited(), [Edited::SinceSaved, Edited::No]);
    state.apply(Action::AddToCompare(CompareSource::Copy));
    assert_eq!(state.edited()[2], Edited::No);
    state.apply(Action::SetValue {
        key: "attrition",
        value: 0.05,
    });
    assert_eq!(state.edited()[2], Edited::SinceOpened);
}
