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
