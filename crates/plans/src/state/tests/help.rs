//! The manual over the page: opened at a topic, moved, closed; the plan and its history stay
//! as they were.

use super::*;
use crate::help::{HelpTopic, Section};

#[test]
fn the_manual_opens_at_a_topic_and_closes_leaving_the_plan_as_it_was() {
    let mut state = yunnan();
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    let before = state.plan().scenario.clone();
    state.apply(Action::OpenHelp(HelpTopic::Section(Section::WhatItTakes)));
    assert_eq!(
        state.session.help,
        Some(HelpTopic::Section(Section::WhatItTakes))
    );
    state.apply(Action::OpenHelp(HelpTopic::Param("attrition")));
    assert_eq!(state.session.help, Some(HelpTopic::Param("attrition")));
    state.apply(Action::CloseHelp);
    assert_eq!(state.session.help, None);
    assert_eq!(state.plan().scenario, before);
    // Reading the manual is no step of the plan: undo takes back the edit.
    state.apply(Action::Undo);
    assert_eq!(
        state.plan().scenario.levers.hires,
        swplan_engine::Yearly::Constant(12_000.0)
    );
}

#[test]
fn the_manual_opens_over_a_dialog_and_closes_it() {
    let mut state = yunnan();
    state.apply(Action::OpenDialog(Dialog::Share));
    state.apply(Action::OpenHelp(HelpTopic::Section(Section::ShareSave)));
    assert_eq!(state.session.dialog, None);
    assert!(state.session.help.is_some());
}

#[test]
fn an_undo_offered_before_the_manual_is_still_offered_after_it() {
    let mut state = yunnan();
    state.apply(Action::LoadPreset("ningxia"));
    state.apply(Action::SetValue {
        key: "hires",
        value: 1.0,
    });
    state.apply(Action::LoadPreset("guizhou"));
    let hint = state.session.undo_hint.clone();
    assert!(hint.is_some());
    state.apply(Action::OpenHelp(HelpTopic::Contents));
    state.apply(Action::CloseHelp);
    assert_eq!(state.session.undo_hint, hint);
}

#[test]
fn a_page_opened_with_a_topic_in_its_address_has_the_manual_open_on_its_plan() {
    let query = "?v=2&p=ningxia.2&help=model-rooms";
    let state = State::open_page(
        query,
        Lang::Zh,
        Some(Stored::default()),
        "2026-11-23T10:00:00Z",
    );
    assert_eq!(
        state.session.help,
        Some(HelpTopic::Section(Section::ModelRooms))
    );
    assert_eq!(state.plan().scenario.region, "ningxia");
    assert!(
        state.session.notices.is_empty(),
        "{:?}",
        state.session.notices
    );
    let unknown = State::open_page(
        "?help=nonsense",
        Lang::En,
        Some(Stored::default()),
        "2026-11-23T10:00:00Z",
    );
    assert_eq!(unknown.session.help, Some(HelpTopic::Contents));
    assert!(unknown.session.notices.is_empty());
}
