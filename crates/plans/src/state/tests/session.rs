//! The session around the plans: language, narrow-screen view, the per-year editor, notices,
//! undo hints and dialogs.

use super::*;
use swplan_engine::Yearly;

#[test]
fn notices_are_not_repeated_and_can_be_dismissed() {
    let mut state = yunnan();
    state.apply(Action::Notify(Notice::StorageFailed));
    state.apply(Action::Notify(Notice::StorageFailed));
    assert_eq!(state.session.notices.len(), 1);
    state.apply(Action::DismissNotice(0));
    assert!(state.session.notices.is_empty());
}

#[test]
fn storage_that_refuses_everything_is_said_once() {
    let mut state = yunnan();
    state.apply(Action::SetStorageAvailable(false));
    state.apply(Action::SetStorageAvailable(false));
    assert_eq!(state.session.notices, vec![Notice::StorageUnavailable]);
    assert!(!state.session.library.available);
}

#[test]
fn switching_the_language_is_not_an_undo_step() {
    let mut state = yunnan();
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    state.apply(Action::SetLang(Lang::En));
    assert_eq!(state.session.lang, Lang::En);
    state.apply(Action::Undo);
    assert_eq!(state.session.lang, Lang::En, "the language stays");
    assert_eq!(
        state.plan().scenario.levers.hires,
        Yearly::Constant(12_000.0),
        "the value is what Undo took back"
    );
}

#[test]
fn a_narrow_screen_switches_between_results_and_settings() {
    let mut state = yunnan();
    assert_eq!(state.session.view, View::Results);
    state.apply(Action::SetView(View::Settings));
    assert_eq!(state.session.view, View::Settings);
    state.apply(Action::SetView(View::Results));
    assert_eq!(state.session.view, View::Results);
}

#[test]
fn the_per_year_editor_opens_for_one_parameter_and_closes() {
    let mut state = yunnan();
    state.apply(Action::OpenSchedule(Some("hires")));
    assert_eq!(state.session.schedule_open, Some("hires"));
    state.apply(Action::OpenSchedule(None));
    assert_eq!(state.session.schedule_open, None);
}

#[test]
fn starting_over_closes_the_per_year_editor() {
    let mut state = yunnan();
    state.apply(Action::OpenSchedule(Some("hires")));
    state.apply(Action::LoadPreset("ningxia"));
    assert_eq!(state.session.schedule_open, None);
    state.apply(Action::OpenSchedule(Some("hires")));
    state.apply(Action::NewRegion(Rc::new(presets::blank().clone())));
    assert_eq!(state.session.schedule_open, None);
}

#[test]
fn dismissing_the_undo_hint_keeps_the_edit_undoable() {
    let mut state = yunnan();
    state.apply(Action::RemoveTarget(0));
    state.apply(Action::DismissUndoHint);
    assert_eq!(state.session.undo_hint, None);
    assert!(state.plan().scenario.targets.is_empty(), "still removed");
    state.apply(Action::Undo);
    assert_eq!(state.plan().scenario.targets.len(), 1);
}

#[test]
fn undo_takes_the_undo_hint_away() {
    let mut state = yunnan();
    state.apply(Action::RemoveTarget(0));
    state.apply(Action::Undo);
    assert_eq!(state.session.undo_hint, None);
}

#[test]
fn a_dialog_opens_over_the_page_and_closes() {
    let mut state = yunnan();
    state.apply(Action::OpenDialog(Dialog::Saves));
    assert_eq!(state.session.dialog, Some(Dialog::Saves));
    state.apply(Action::CloseDialog);
    assert_eq!(state.session.dialog, None);
}

#[test]
fn a_notice_dismissed_is_that_one() {
    let mut state = yunnan();
    state.apply(Action::Notify(Notice::StorageFailed));
    state.apply(Action::Notify(Notice::StorageUnavailable));
    state.apply(Action::DismissNotice(0));
    assert_eq!(state.session.notices, vec![Notice::StorageUnavailable]);
}
