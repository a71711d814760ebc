//! The named saves: made, saved over, opened, renamed, duplicated, deleted and restored,
//! imported from a file, and read back from storage.

use super::*;
use crate::share::save::{PlanProblem, RejectedPlan};
use swplan_engine::Yearly;

#[test]
fn saves_are_made_updated_opened_and_restored_after_delete() {
    let mut state = yunnan();
    save_as(&mut state, "s1", "高增长方案");
    assert_eq!(state.plan().save_id.as_deref(), Some("s1"));
    assert_eq!(state.plan().name.as_deref(), Some("高增长方案"));
    let changed = |state: &State| {
        state
            .current_save()
            .map(|(s, changed)| (s.id.clone(), changed))
    };
    assert_eq!(changed(&state), Some(("s1".into(), false)));
    state.apply(Action::SetValue {
        key: "hires",
        value: 25_000.0,
    });
    assert_eq!(changed(&state), Some(("s1".into(), true)));
    state.apply(Action::SaveOver {
        now: "2026-11-23T11:00:00Z".into(),
    });
    assert_eq!(changed(&state), Some(("s1".into(), false)));
    let saved = state.session.library.get("s1").unwrap();
    assert_eq!(saved.scenario.levers.hires, Yearly::Constant(25_000.0));
    assert_eq!(saved.created, "2026-11-23T10:00:00Z");
    state.apply(Action::LoadPreset("guizhou"));
    state.apply(Action::OpenSave {
        id: "s1".into(),
        now: "2026-11-23T12:00:00Z".into(),
    });
    assert_eq!(
        state.plan().scenario.levers.hires,
        Yearly::Constant(25_000.0)
    );
    state.apply(Action::DeleteSave("s1".into()));
    assert!(state.session.library.saves.is_empty());
    assert_eq!(
        changed(&state),
        None,
        "no save to save over once it is deleted"
    );
    state.apply(Action::RestoreSave);
    assert_eq!(state.session.library.saves.len(), 1);
    assert_eq!(changed(&state), Some(("s1".into(), false)));
}

#[test]
fn opening_a_save_over_unsaved_work_says_undo_brings_it_back() {
    let mut state = yunnan();
    save_as(&mut state, "s1", "A");
    // Opening a save over a plan that is all saved: nothing to say.
    state.apply(Action::OpenSave {
        id: "s1".into(),
        now: "2026-11-23T12:00:00Z".into(),
    });
    assert_eq!(state.session.undo_hint, None);
    state.apply(Action::SetValue {
        key: "hires",
        value: 25_000.0,
    });
    state.apply(Action::OpenSave {
        id: "s1".into(),
        now: "2026-11-23T12:00:00Z".into(),
    });
    assert_eq!(
        state.session.undo_hint,
        Some(UndoHint::OpenedOver {
            name: Some("A".into()),
            region: state.plan().scenario.name.clone(),
        })
    );
    assert_eq!(
        state.plan().scenario.levers.hires,
        Yearly::Constant(12_000.0)
    );
    state.apply(Action::Undo);
    assert_eq!(
        state.plan().scenario.levers.hires,
        Yearly::Constant(25_000.0)
    );
}

#[test]
fn a_reloaded_plan_is_still_the_save_it_came_from() {
    let mut state = yunnan();
    save_as(&mut state, "s1", "宜宾市方案");
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    // What a reload rebuilds: the plan from the autosave, the saves from storage.
    let spec = state.plan().to_spec(state.session.mc);
    let mut reloaded = State::from_spec(&spec, Lang::Zh);
    reloaded.apply(Action::LibraryFromStorage(
        state.session.library.saves.clone(),
    ));
    assert!(reloaded.current_save().is_none());
    reloaded.restore_save_link("gone");
    assert!(
        reloaded.current_save().is_none(),
        "a save no longer listed is not linked"
    );
    reloaded.restore_save_link("s1");
    let (saved, changed) = reloaded.current_save().expect("linked again");
    assert_eq!(
        (saved.id.as_str(), changed),
        ("s1", true),
        "with its unsaved changes"
    );
}

#[test]
fn saves_from_storage_are_listed_and_not_written_back() {
    let mut state = yunnan();
    let spec = state.plan().to_spec(state.session.mc);
    let stored = vec![SavedPlan::new("s1", spec, "t1", "t1")];
    state.apply(Action::LibraryFromStorage(stored.clone()));
    assert_eq!(state.session.library.saves, stored);
    assert_eq!(
        state.session.library.revision, 0,
        "storage already holds them"
    );
}

#[test]
fn a_save_another_tab_deleted_is_no_longer_the_one_saved_over() {
    let mut state = yunnan();
    save_as(&mut state, "s1", "A");
    state.apply(Action::LibraryFromStorage(Vec::new()));
    assert!(state.current_save().is_none());
    state.apply(Action::SaveOver {
        now: "2026-11-23T11:00:00Z".into(),
    });
    assert_eq!(state.plan().save_id, None);
    assert!(
        state.session.library.saves.is_empty(),
        "not saved back under the deleted save's id"
    );
}

#[test]
fn renaming_the_save_on_screen_renames_the_plan() {
    let mut state = yunnan();
    save_as(&mut state, "s1", "A");
    state.apply(Action::RenameSave {
        id: "s1".into(),
        name: "B".into(),
        now: "2026-11-23T11:00:00Z".into(),
    });
    let saved = state.session.library.get("s1").unwrap();
    assert_eq!(saved.name.as_deref(), Some("B"));
    assert_eq!(saved.modified, "2026-11-23T11:00:00Z");
    assert_eq!(state.plan().name.as_deref(), Some("B"));
}

#[test]
fn renaming_another_save_leaves_the_plan_on_screen_alone() {
    let mut state = yunnan();
    save_as(&mut state, "s1", "A");
    save_as(&mut state, "s2", "B");
    state.apply(Action::RenameSave {
        id: "s1".into(),
        name: "C".into(),
        now: "2026-11-23T11:00:00Z".into(),
    });
    assert_eq!(
        state.session.library.get("s1").unwrap().name.as_deref(),
        Some("C")
    );
    assert_eq!(state.plan().name.as_deref(), Some("B"));
}

#[test]
fn a_duplicate_is_a_new_save_first_and_the_plan_stays_with_the_original() {
    let mut state = yunnan();
    save_as(&mut state, "s1", "A");
    state.apply(Action::DuplicateSave {
        id: "s1".into(),
        new_id: "s2".into(),
        name: "A（副本）".into(),
        now: "2026-11-23T11:00:00Z".into(),
    });
    let saves = &state.session.library.saves;
    let listed: Vec<(&str, Option<&str>)> = saves
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_deref()))
        .collect();
    assert_eq!(listed, [("s2", Some("A（副本）")), ("s1", Some("A"))]);
    assert_eq!(saves[0].scenario, saves[1].scenario);
    assert_eq!(state.plan().save_id.as_deref(), Some("s1"));
}

#[test]
fn deleting_the_save_on_screen_leaves_the_plan_unsaved_and_unnamed() {
    let mut state = yunnan();
    state.apply(Action::SetValue {
        key: "hires",
        value: 15_000.0,
    });
    save_as(&mut state, "s1", "临时方案");
    state.apply(Action::DeleteSave("s1".into()));
    // The plan keeps its numbers, but no longer claims the name of a save that is gone: the
    // header and the name box show it as the unsaved plan it now is.
    assert_eq!(state.plan().name, None);
    assert_eq!(state.plan().save_id, None);
    assert!(state.current_save().is_none());
    assert_eq!(
        state.plan().scenario.levers.hires,
        Yearly::Constant(15_000.0)
    );
    assert!(
        state.has_unsaved_edits(),
        "its work is kept aside if another plan is opened over it"
    );
    // Restoring the save makes the plan that save again, under its name.
    state.apply(Action::RestoreSave);
    assert_eq!(state.plan().name.as_deref(), Some("临时方案"));
    assert_eq!(
        state
            .current_save()
            .map(|(save, changed)| (save.id.as_str(), changed)),
        Some(("s1", false))
    );
}

#[test]
fn deleting_another_save_leaves_the_plan_on_screen_as_it_is() {
    let mut state = yunnan();
    save_as(&mut state, "s1", "A");
    save_as(&mut state, "s2", "B");
    state.apply(Action::DeleteSave("s1".into()));
    assert_eq!(state.plan().name.as_deref(), Some("B"));
    assert_eq!(state.plan().save_id.as_deref(), Some("s2"));
}

#[test]
fn a_deleted_save_is_gone_for_good_once_its_hint_is_dismissed() {
    let mut state = yunnan();
    save_as(&mut state, "s1", "A");
    state.apply(Action::DeleteSave("s1".into()));
    state.apply(Action::DismissUndoHint);
    state.apply(Action::RestoreSave);
    assert!(state.session.library.saves.is_empty());
}

#[test]
fn imported_plans_head_the_saves_in_file_order_and_are_counted() {
    let mut state = yunnan();
    save_as(&mut state, "s1", "已有");
    let plans = vec![named_plan("f1", "导入一"), named_plan("f2", "导入二")];
    let rejected = vec![RejectedPlan {
        index: 2,
        name: Some("坏方案".into()),
        problem: PlanProblem::NotAnObject,
    }];
    let revision = state.session.library.revision;
    state.apply(Action::Import {
        plans: plans.clone(),
        rejected: rejected.clone(),
    });
    assert_eq!(save_ids(&state), ["f1", "f2", "s1"]);
    assert!(
        state.session.library.revision > revision,
        "written to storage"
    );
    assert_eq!(
        state.session.import,
        Some(ImportOutcome::Done(ImportReport {
            added: plans,
            rejected,
            ..ImportReport::default()
        }))
    );
    assert!(state.session.notices.is_empty(), "said in the dialog");
}

/// A plan of a file, as `id` named `name`.
fn named_plan(id: &str, name: &str) -> SavedPlan {
    let mut spec = yunnan().plan().to_spec(Settings::default());
    spec.name = Some(name.into());
    SavedPlan::new(id, spec, "t1", "t1")
}

fn save_ids(state: &State) -> Vec<&str> {
    state
        .session
        .library
        .saves
        .iter()
        .map(|s| s.id.as_str())
        .collect()
}

#[test]
fn opening_a_save_closes_the_saves_dialog() {
    let mut state = yunnan();
    save_as(&mut state, "s1", "A");
    state.apply(Action::OpenDialog(Dialog::Saves));
    state.apply(Action::OpenSave {
        id: "s1".into(),
        now: "2026-11-23T12:00:00Z".into(),
    });
    assert_eq!(state.session.dialog, None);
}
