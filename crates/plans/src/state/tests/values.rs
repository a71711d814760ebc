//! Editing values: typed, dragged, per year, reset, drafts, and undo / redo of them.

use super::*;
use swplan_engine::Yearly;

#[test]
fn an_invalid_edit_keeps_the_last_valid_result() {
    let mut state = yunnan();
    let generation = state.plan().generation;
    let before = Rc::clone(&state.plan().computed);
    state.apply(Action::SetValue {
        key: "pass_mid",
        value: 3.0,
    });
    assert!(state.plan().errors.is_some());
    assert!(Rc::ptr_eq(&before, &state.plan().computed));
    assert_eq!(state.plan().generation, generation, "no new Monte Carlo");
}

#[test]
fn a_slider_drag_is_one_undo_step() {
    let mut state = yunnan();
    for value in [13_000.0, 14_000.0, 15_000.0] {
        state.apply(Action::DragValue {
            key: "hires",
            value,
        });
    }
    state.apply(Action::EndDrag);
    // A second drag of the same slider is a step of its own.
    state.apply(Action::DragValue {
        key: "hires",
        value: 16_000.0,
    });
    state.apply(Action::EndDrag);
    let hires = |state: &State| state.plan().scenario.levers.hires.clone();
    state.apply(Action::Undo);
    assert_eq!(hires(&state), Yearly::Constant(15_000.0));
    state.apply(Action::Undo);
    assert_eq!(hires(&state), Yearly::Constant(12_000.0));
    assert!(!state.plan().can_undo());
    state.apply(Action::Redo);
    assert_eq!(hires(&state), Yearly::Constant(15_000.0));
}

#[test]
fn every_typed_value_is_its_own_undo_step() {
    // Typed 15000, then 16000, then "use this value" of what it takes: three steps back.
    let mut state = yunnan();
    for value in [15_000.0, 16_000.0, 19_784.0] {
        state.apply(Action::SetValue {
            key: "hires",
            value,
        });
    }
    let hires = |state: &State| state.plan().scenario.levers.hires.clone();
    for expected in [16_000.0, 15_000.0, 12_000.0] {
        state.apply(Action::Undo);
        assert_eq!(hires(&state), Yearly::Constant(expected));
    }
    assert!(!state.plan().can_undo());
}

#[test]
fn a_schedule_is_never_overwritten_by_a_plain_value() {
    let mut state = ningxia();
    let schedule = state.plan().scenario.levers.rooms_per_year.clone();
    assert!(state.plan().varies_by_year("rooms_per_year"));
    state.apply(Action::SetValue {
        key: "rooms_per_year",
        value: 500.0,
    });
    assert_eq!(state.plan().scenario.levers.rooms_per_year, schedule);
}

#[test]
fn replacing_a_schedule_is_explicit_and_undoable() {
    let mut state = ningxia();
    let schedule = state.plan().scenario.levers.rooms_per_year.clone();
    state.apply(Action::ReplaceSchedule {
        key: "rooms_per_year",
        value: 500.0,
    });
    assert_eq!(
        state.plan().scenario.levers.rooms_per_year,
        Yearly::Constant(500.0)
    );
    assert_eq!(
        state.session.undo_hint,
        Some(UndoHint::ScheduleReplaced {
            key: "rooms_per_year"
        })
    );
    state.apply(Action::Undo);
    assert_eq!(state.plan().scenario.levers.rooms_per_year, schedule);
}

#[test]
fn a_draft_is_one_message_cleared_by_a_valid_value() {
    let mut state = yunnan();
    let field = FieldId::main("hires");
    state.apply(Action::SetDraft {
        field,
        text: "abc".into(),
    });
    assert!(state.plan().has_invalid_input());
    state.apply(Action::SetValue {
        key: "hires",
        value: 13_000.0,
    });
    assert!(state.plan().drafts.is_empty());
    assert!(!state.plan().has_invalid_input());
}

#[test]
fn one_year_of_a_schedule_changes_alone() {
    let mut state = yunnan();
    state.apply(Action::SetYear {
        key: "hires",
        index: 2,
        value: 40_000.0,
    });
    let values = state.plan().scenario.levers.hires.expand(3);
    assert_eq!(values, vec![12_000.0, 12_000.0, 40_000.0]);
    assert!(state.plan().varies_by_year("hires"));
}

#[test]
fn reset_brings_back_the_preset_value() {
    let mut state = yunnan();
    state.apply(Action::SetValue {
        key: "attrition",
        value: 0.2,
    });
    assert!(state.plan().is_changed("attrition"));
    state.apply(Action::ResetParam { key: "attrition" });
    assert!(!state.plan().is_changed("attrition"));
}

#[test]
fn escape_puts_the_field_back_to_its_value() {
    let mut state = yunnan();
    let field = FieldId::main("hires");
    state.apply(Action::SetDraft {
        field,
        text: "abc".into(),
    });
    state.apply(Action::ClearDraft(field));
    assert!(state.plan().drafts.is_empty());
    assert!(!state.plan().has_invalid_input());
    assert_eq!(
        state.plan().scenario.levers.hires,
        Yearly::Constant(12_000.0)
    );
    assert!(!state.plan().can_undo(), "nothing to undo: nothing changed");
}

#[test]
fn clearing_one_fields_draft_keeps_the_others() {
    let mut state = yunnan();
    let year = FieldId {
        key: "hires",
        index: Some(2),
    };
    for field in [FieldId::main("hires"), year] {
        state.apply(Action::SetDraft {
            field,
            text: "abc".into(),
        });
    }
    state.apply(Action::ClearDraft(FieldId::main("hires")));
    let drafts: Vec<FieldId> = state.plan().drafts.keys().copied().collect();
    assert_eq!(drafts, vec![year]);
    assert!(state.plan().has_invalid_input());
}

#[test]
fn an_edit_after_undo_leaves_nothing_to_redo() {
    let mut state = yunnan();
    state.apply(Action::SetValue {
        key: "hires",
        value: 15_000.0,
    });
    state.apply(Action::Undo);
    assert!(state.plan().can_redo());
    state.apply(Action::SetValue {
        key: "hires",
        value: 16_000.0,
    });
    assert!(!state.plan().can_redo());
    state.apply(Action::Redo);
    assert_eq!(
        state.plan().scenario.levers.hires,
        Yearly::Constant(16_000.0)
    );
}

#[test]
fn a_value_committed_unchanged_is_no_undo_step() {
    let mut state = yunnan();
    state.apply(Action::SetValue {
        key: "hires",
        value: 12_000.0,
    });
    assert!(!state.plan().can_undo());
}

#[test]
fn a_varying_schedules_main_field_takes_no_draft() {
    // Enter in the read-only field of a schedule that varies by year commits its text
    // ("逐年不同"): it must not become a draft that holds every result back.
    let mut state = ningxia();
    assert!(state.plan().varies_by_year("rooms_per_year"));
    state.apply(Action::SetDraft {
        field: FieldId::main("rooms_per_year"),
        text: "逐年不同".into(),
    });
    assert!(state.plan().drafts.is_empty());
    assert!(!state.plan().has_invalid_input());
    // One year of it still takes text that is not a number, with its message.
    let year = FieldId {
        key: "rooms_per_year",
        index: Some(1),
    };
    state.apply(Action::SetDraft {
        field: year,
        text: "abc".into(),
    });
    assert_eq!(
        state.plan().drafts.keys().copied().collect::<Vec<_>>(),
        vec![year]
    );
}

#[test]
fn a_schedule_made_to_vary_drops_its_main_fields_draft() {
    let mut state = yunnan();
    state.apply(Action::SetDraft {
        field: FieldId::main("hires"),
        text: "abc".into(),
    });
    state.apply(Action::SetYear {
        key: "hires",
        index: 2,
        value: 40_000.0,
    });
    assert!(state.plan().drafts.is_empty());
    assert!(!state.plan().has_invalid_input());
}
