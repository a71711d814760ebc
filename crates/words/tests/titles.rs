//! How the plans of a comparison are titled: letter and name, the baseline worded in the
//! language on screen, "same as" while two plans have the same numbers.

use swplan_plans::presets;
use swplan_plans::state::{Action, CompareSource, State};
use swplan_words::compare::plan_titles;
use swplan_words::Lang;

fn yunnan() -> State {
    State::new(presets::by_slug("yunnan").unwrap(), Lang::Zh)
}

#[test]
fn a_copy_says_it_is_the_same_plan_until_it_is_changed() {
    let mut state = yunnan();
    state.apply(Action::AddToCompare(CompareSource::Copy));
    let titles = plan_titles(&state, Lang::Zh);
    assert!(
        titles[0].starts_with("A · ") && !titles[0].contains("相同"),
        "{titles:?}"
    );
    assert!(titles[1].ends_with("（与A相同）"), "{titles:?}");
    assert!(plan_titles(&state, Lang::En)[1].ends_with(" (same as A)"));
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    assert!(!plan_titles(&state, Lang::Zh)[1].contains("相同"));
}

#[test]
fn an_edited_baseline_is_no_longer_called_the_baseline() {
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
    assert!(plan_titles(&state, Lang::Zh)[1].ends_with("基准（不作新决策）"));
    assert!(plan_titles(&state, Lang::En)[1].ends_with("Baseline (no new decisions)"));
    state.apply(Action::SetActivePlan(1));
    state.apply(Action::SetValue {
        key: "hires",
        value: 3_000.0,
    });
    assert!(
        !state.has_baseline_plan(),
        "once edited it is no longer the baseline"
    );
    assert!(
        plan_titles(&state, Lang::Zh)[1].ends_with("基准（已修改）"),
        "{:?}",
        plan_titles(&state, Lang::Zh)
    );
}

#[test]
fn a_plan_named_like_the_baseline_is_titled_by_its_name_and_not_edited_as_one() {
    let mut state = yunnan();
    state.apply(Action::SetPlanName(Some("基准（不作新决策）".into())));
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    assert_eq!(plan_titles(&state, Lang::En)[0], "A · 基准（不作新决策）");
}

#[test]
fn a_saved_plan_and_the_working_plan_edited_after_it_have_different_titles() {
    let mut state = yunnan();
    state.apply(Action::SaveAs {
        id: "s1".into(),
        name: "甲：多招人少流失".into(),
        now: "2026-11-23T10:00:00Z".into(),
    });
    state.apply(Action::AddToCompare(CompareSource::Save("s1".into())));
    state.apply(Action::SetActivePlan(0));
    state.apply(Action::SetValue {
        key: "hires",
        value: 16_000.0,
    });
    let titles = plan_titles(&state, Lang::Zh);
    assert_eq!(
        titles,
        [
            "A · 甲：多招人少流失（已修改，未保存）",
            "B · 甲：多招人少流失"
        ]
    );
    assert_eq!(
        plan_titles(&state, Lang::En)[0],
        "A · 甲：多招人少流失 (edited, not saved)"
    );
}

#[test]
fn every_title_is_unique_without_its_letter() {
    let mut state = yunnan();
    state.apply(Action::SetPlanName(Some("甲".into())));
    for hires in [15_000.0, 16_000.0] {
        state.apply(Action::SetActivePlan(0));
        state.apply(Action::AddToCompare(CompareSource::Copy));
        state.apply(Action::SetValue {
            key: "hires",
            value: hires,
        });
    }
    let titles = plan_titles(&state, Lang::Zh);
    assert_eq!(titles, ["A · 甲", "B · 甲（已修改）", "C · 甲 2（已修改）"]);
}
