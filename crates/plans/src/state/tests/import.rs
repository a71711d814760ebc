//! Importing a plan file: plans already in the saves are named and the planner chooses what
//! to do with them; what the import did is said in the dialog.

use super::*;
use crate::share::save::SaveError;
use crate::state::import::Duplicate;
use swplan_engine::Yearly;

/// A plan of a file: Yunnan with `hires` new talent a year, as `id` named `name`.
fn file_plan(id: &str, name: &str, hires: f64) -> SavedPlan {
    let mut state = yunnan();
    state.apply(Action::SetValue {
        key: "hires",
        value: hires,
    });
    let mut spec = state.plan().to_spec(state.session.mc);
    spec.name = Some(name.into());
    SavedPlan::new(id, spec, "2026-11-01T08:00:00Z", "2026-11-02T08:00:00Z")
}

/// The saves by name and new talent per year, in list order.
fn saves(state: &State) -> Vec<(String, Yearly)> {
    state
        .session
        .library
        .saves
        .iter()
        .map(|s| (s.title(Lang::Zh), s.scenario.levers.hires.clone()))
        .collect()
}

/// A page with the file's two plans imported once.
fn imported_once() -> (State, Vec<SavedPlan>) {
    let file = vec![
        file_plan("a", "稳步增长", 14_000.0),
        file_plan("b", "快速增长", 20_000.0),
    ];
    let mut state = yunnan();
    state.apply(Action::Import {
        plans: file.clone(),
        rejected: vec![],
    });
    (state, file)
}

fn import(state: &mut State, plans: Vec<SavedPlan>) {
    state.apply(Action::Import {
        plans,
        rejected: vec![],
    });
}

#[test]
fn importing_the_same_file_twice_asks_instead_of_doubling_every_plan() {
    let (mut state, file) = imported_once();
    let before = state.session.library.clone();
    import(&mut state, file.clone());
    assert_eq!(state.session.library, before, "nothing added yet");
    let Some(ImportOutcome::Asking(pending)) = &state.session.import else {
        panic!("{:?}", state.session.import);
    };
    assert_eq!(
        pending.duplicates,
        vec![
            Duplicate {
                index: 0,
                existing: "a".into(),
                same_numbers: true
            },
            Duplicate {
                index: 1,
                existing: "b".into(),
                same_numbers: true
            },
        ]
    );
}

#[test]
fn skipping_leaves_the_list_as_it_was_and_says_what_was_skipped() {
    let (mut state, file) = imported_once();
    let before = saves(&state);
    import(&mut state, file.clone());
    state.apply(Action::ResolveImport(ImportChoice::Skip));
    assert_eq!(saves(&state), before);
    assert_eq!(
        state.session.import,
        Some(ImportOutcome::Done(ImportReport {
            skipped: file,
            ..ImportReport::default()
        }))
    );
}

#[test]
fn keeping_both_adds_them_under_numbered_names() {
    let (mut state, file) = imported_once();
    import(&mut state, file);
    state.apply(Action::ResolveImport(ImportChoice::KeepBoth));
    assert_eq!(
        saves(&state),
        [
            ("稳步增长 (2)".to_string(), Yearly::Constant(14_000.0)),
            ("快速增长 (2)".to_string(), Yearly::Constant(20_000.0)),
            ("稳步增长".to_string(), Yearly::Constant(14_000.0)),
            ("快速增长".to_string(), Yearly::Constant(20_000.0)),
        ]
    );
    let ids: Vec<&str> = state
        .session
        .library
        .saves
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, ["a-2", "b-2", "a", "b"], "each under its own id");
}

#[test]
fn replacing_puts_the_files_plan_in_place_of_the_one_of_the_same_name() {
    let (mut state, _) = imported_once();
    // The same name with other numbers, under another id (made in another browser).
    import(&mut state, vec![file_plan("x", "稳步增长", 15_000.0)]);
    let Some(ImportOutcome::Asking(pending)) = &state.session.import else {
        panic!("{:?}", state.session.import);
    };
    assert!(!pending.duplicates[0].same_numbers, "a different plan");
    state.apply(Action::ResolveImport(ImportChoice::Replace));
    assert_eq!(
        saves(&state),
        [
            ("稳步增长".to_string(), Yearly::Constant(15_000.0)),
            ("快速增长".to_string(), Yearly::Constant(20_000.0)),
        ]
    );
    assert_eq!(
        state.session.library.saves[0].id, "a",
        "the save keeps its id"
    );
    assert!(matches!(
        &state.session.import,
        Some(ImportOutcome::Done(report)) if report.replaced.len() == 1 && report.added.is_empty()
    ));
}

#[test]
fn only_the_plans_already_there_wait_for_the_choice() {
    let (mut state, mut file) = imported_once();
    file.push(file_plan("c", "新方案", 9_000.0));
    import(&mut state, file);
    state.apply(Action::ResolveImport(ImportChoice::Skip));
    assert_eq!(saves(&state).len(), 3);
    assert_eq!(saves(&state)[0].0, "新方案");
}

#[test]
fn a_file_that_cannot_be_read_is_said_in_the_dialog() {
    let mut state = yunnan();
    state.apply(Action::OpenDialog(Dialog::Saves));
    state.apply(Action::ImportFailed(SaveError::NoPlans));
    assert_eq!(
        state.session.import,
        Some(ImportOutcome::Failed(SaveError::NoPlans))
    );
    assert!(state.session.notices.is_empty(), "not behind the dialog");
    state.apply(Action::CloseDialog);
    assert_eq!(state.session.import, None);
}

#[test]
fn a_new_action_clears_the_last_ones_message_and_undo() {
    let mut state = yunnan();
    save_as(&mut state, "s1", "A");
    save_as(&mut state, "s2", "B");
    state.apply(Action::DeleteSave("s1".into()));
    assert!(matches!(
        state.session.undo_hint,
        Some(UndoHint::SaveDeleted { .. })
    ));
    // Importing starts something new: "deleted… undo" is about something else now.
    import(&mut state, vec![file_plan("c", "C", 9_000.0)]);
    assert_eq!(state.session.undo_hint, None);
    assert!(state.session.import.is_some());
    // And saving clears the import's message.
    save_as(&mut state, "s3", "D");
    assert_eq!(state.session.import, None);
}
