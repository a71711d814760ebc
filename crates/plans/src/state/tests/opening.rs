//! Plans opened from outside: a link at start or pasted in, a plan file's spec.

use super::*;
use swplan_engine::Yearly;

#[test]
fn a_link_opens_its_plans_and_says_what_it_could_not_read() {
    let opened = crate::share::decode("?v=2&p=ningxia.2&h=2000&cj=abc&from=singlemessage");
    let state = State::from_link(&opened, Lang::Zh);
    let plan = state.plan();
    assert_eq!(plan.origin.slug(), Some("ningxia"));
    assert_eq!(plan.scenario.levers.hires, Yearly::Constant(2000.0));
    assert!(plan.is_changed("hires"));
    assert!(matches!(
        state.session.notices.as_slice(),
        [Notice::LinkOpened { problems, .. }] if problems.len() == 1
    ));
}

#[test]
fn a_link_on_older_preset_data_keeps_its_numbers_and_baseline() {
    let opened = crate::share::decode("?v=2&p=yunnan.1");
    let state = State::from_link(&opened, Lang::Zh);
    let plan = state.plan();
    // Version 1 of Yunnan counted 1415 stations at the end of 2020.
    assert_eq!(plan.scenario.assumptions.stations, 1415.0);
    assert!(
        !plan.is_changed("stations"),
        "compared with the data it was made on"
    );
    assert_eq!(
        plan.older_data(),
        Some((1, presets::default_preset().data_version))
    );
}

#[test]
fn a_plan_travels_as_a_spec_and_comes_back_equal() {
    let mut state = yunnan();
    state.apply(Action::SetValue {
        key: "hires",
        value: 18_000.0,
    });
    state.apply(Action::SetPlanName(Some("方案A".into())));
    let spec = state.plan().to_spec(state.session.mc);
    let mut other = ningxia();
    other.apply(Action::OpenSpec {
        spec: Box::new(spec.clone()),
        now: "2026-11-23T12:00:00Z".into(),
    });
    assert_eq!(other.plan().to_spec(other.session.mc), spec);
    other.apply(Action::Undo);
    assert_eq!(
        other.plan().origin.slug(),
        Some("ningxia"),
        "opening is undoable"
    );
}

#[test]
fn a_pasted_link_opens_in_place_of_the_plan_and_undo_brings_it_back() {
    let mut state = yunnan();
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    state.apply(open_link("?v=2&p=ningxia.2&h=2000"));
    assert_eq!(state.plan().origin.slug(), Some("ningxia"));
    assert_eq!(state.plan().scenario.levers.hires, Yearly::Constant(2000.0));
    state.apply(Action::Undo);
    assert_eq!(state.plan().origin.slug(), Some("yunnan"));
    assert_eq!(
        state.plan().scenario.levers.hires,
        Yearly::Constant(20_000.0)
    );
}

#[test]
fn a_pasted_link_takes_its_monte_carlo_settings() {
    let mut state = yunnan();
    state.apply(open_link("?v=2&p=ningxia.2&mr=5000&ms=7"));
    assert_eq!(state.session.mc, Settings::clamped(5_000, 7));
}

#[test]
fn a_pasted_link_in_another_language_switches_to_it() {
    let mut state = yunnan();
    state.apply(open_link("?v=2&p=ningxia.2&lang=en"));
    assert_eq!(state.session.lang, Lang::En);
    state.apply(open_link("?v=2&p=yunnan.2"));
    assert_eq!(state.session.lang, Lang::En, "a link without one keeps it");
}

#[test]
fn a_pasted_link_says_what_it_could_not_read() {
    let mut state = yunnan();
    state.apply(open_link("?v=2&p=ningxia.2&h=2000&cj=abc"));
    assert!(matches!(
        state.session.notices.as_slice(),
        [Notice::LinkOpened { problems, .. }] if problems.len() == 1
    ));
}

#[test]
fn a_pasted_link_is_not_the_save_on_screen() {
    let mut state = yunnan();
    save_as(&mut state, "s1", "A");
    state.apply(open_link("?v=2&p=ningxia.2&h=2000"));
    assert_eq!(state.plan().save_id, None);
    assert!(
        state.current_save().is_none(),
        "saving does not write the link's plan over the save"
    );
}

#[test]
fn opening_a_link_over_unsaved_work_says_undo_brings_it_back() {
    let mut state = yunnan();
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    state.apply(open_link("?v=2&p=ningxia.2"));
    assert!(matches!(
        state.session.undo_hint,
        Some(UndoHint::OpenedOver { .. })
    ));
}

/// What the saves dialog sends for a pasted link.
fn open_link(query: &str) -> Action {
    Action::OpenLink {
        opened: Box::new(crate::share::decode(query)),
        now: "2026-11-23T12:00:00Z".into(),
    }
}

#[test]
fn a_plan_of_the_first_model_reading_keeps_its_numbers_and_offers_the_current_one() {
    use swplan_engine::scenario::{FIRST_MODEL_VERSION, MODEL_VERSION};
    // A link made before model readings: Ningxia's rooms as every scheduled room built on time.
    let opened = crate::share::decode("v=1&p=ningxia.2");
    let mut state = State::from_link(&opened, Lang::Zh);
    assert_eq!(state.plan().scenario.model, FIRST_MODEL_VERSION);
    assert!(
        !state.plan().is_edited_from_baseline(),
        "a reading is not an edit"
    );
    assert!(state.session.notices.contains(&Notice::OlderModel));
    let rooms = |state: &State| {
        let verdict = state
            .plan()
            .computed
            .verdicts
            .iter()
            .find(|v| v.metric == swplan_engine::Metric::Rooms)
            .cloned()
            .unwrap();
        verdict.met
    };
    assert!(rooms(&state), "as it was made: met");
    state.apply(Action::UseCurrentModel);
    assert_eq!(state.plan().scenario.model, MODEL_VERSION);
    assert!(!rooms(&state), "the expected path: about 950 rooms by 2025");
    assert!(!state.session.notices.contains(&Notice::OlderModel));
    assert!(!state.plan().is_edited_from_baseline());
    state.apply(Action::Undo);
    assert_eq!(state.plan().scenario.model, FIRST_MODEL_VERSION);
    assert!(rooms(&state));
    assert!(state.session.notices.contains(&Notice::OlderModel));
}
