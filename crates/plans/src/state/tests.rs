//! The reducer's actions, natively: every behaviour the page relies on.

use super::*;
use crate::story::RecordError;
use swplan_engine::{Metric, Target, Yearly};

fn yunnan() -> State {
    State::new(presets::default_preset(), Lang::Zh)
}

/// Saves the plan on screen as `id` under `name`, at a fixed time.
fn save_as(state: &mut State, id: &str, name: &str) {
    state.apply(Action::SaveAs {
        id: id.into(),
        name: name.into(),
        now: "2026-11-23T10:00:00Z".into(),
    });
}

fn ningxia() -> State {
    let mut state = yunnan();
    state.apply(Action::LoadPreset("ningxia"));
    state
}

#[test]
fn a_value_change_recomputes_and_restarts_the_monte_carlo() {
    let mut state = yunnan();
    let generation = state.plan().generation;
    state.apply(Action::SetValue {
        key: "hires",
        value: 30_000.0,
    });
    let plan = state.plan();
    assert!(plan.computed.verdicts[0].met);
    assert_ne!(plan.generation, generation);
    assert!(matches!(plan.uncertain, Uncertain::Running { done: 0, .. }));
}

#[test]
fn the_previous_odds_stay_while_new_ones_are_computed() {
    let mut state = yunnan();
    let (id, generation) = (state.plan().id, state.plan().generation);
    let summary = Rc::new(
        swplan_engine::montecarlo::simulate_many(
            &state.plan().computed.scenario,
            Settings::clamped(100, 1),
        )
        .unwrap(),
    );
    state.apply(Action::McDone {
        plan: id,
        generation,
        summary: Rc::clone(&summary),
    });
    state.apply(Action::SetValue {
        key: "hires",
        value: 13_000.0,
    });
    assert!(
        state.plan().summary().is_none(),
        "the new odds are not in yet"
    );
    assert_eq!(state.plan().uncertain.latest(), Some(&summary));
    // A change of targets makes the old odds meaningless: none are kept.
    state.apply(Action::RemoveTarget(0));
    assert_eq!(state.plan().uncertain.latest(), None);
}

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
fn an_edit_that_changes_nothing_does_not_restart_the_monte_carlo() {
    let mut state = yunnan();
    let generation = state.plan().generation;
    state.apply(Action::SetValue {
        key: "hires",
        value: 12_000.0,
    });
    assert_eq!(state.plan().generation, generation);
}

#[test]
fn stale_monte_carlo_results_are_dropped() {
    let mut state = yunnan();
    let (id, old) = (state.plan().id, state.plan().generation);
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    let summary = swplan_engine::montecarlo::simulate_many(
        &state.plan().computed.scenario,
        Settings::clamped(100, 1),
    )
    .unwrap();
    state.apply(Action::McDone {
        plan: id,
        generation: old,
        summary: Rc::new(summary.clone()),
    });
    assert!(state.plan().summary().is_none(), "stale result ignored");
    assert!(state.is_stale(&Action::McProgress {
        plan: id,
        generation: old,
        done: 1
    }));
    let current = state.plan().generation;
    state.apply(Action::McDone {
        plan: id,
        generation: current,
        summary: Rc::new(summary),
    });
    assert!(state.plan().summary().is_some());
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
fn new_runs_restart_the_monte_carlo_of_every_plan() {
    let mut state = yunnan();
    let generation = state.plan().generation;
    state.apply(Action::SetRuns(5_000));
    assert_eq!(state.session.mc.runs, 5_000);
    assert_ne!(state.plan().generation, generation);
    state.apply(Action::SetRuns(1));
    assert_eq!(state.session.mc.runs, 100, "clamped to the allowed range");
}

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
fn a_link_opens_its_plans_and_says_what_it_could_not_read() {
    let opened = crate::share::decode("?v=1&p=ningxia.2&h=2000&cj=abc&from=singlemessage");
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
    let opened = crate::share::decode("?v=1&p=yunnan.1");
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
    other.apply(Action::OpenSpec(Box::new(spec.clone())));
    assert_eq!(other.plan().to_spec(other.session.mc), spec);
    other.apply(Action::Undo);
    assert_eq!(
        other.plan().origin.slug(),
        Some("ningxia"),
        "opening is undoable"
    );
}

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
    state.apply(Action::OpenSave("s1".into()));
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
    state.apply(Action::OpenSave("s1".into()));
    assert_eq!(state.session.undo_hint, None);
    state.apply(Action::SetValue {
        key: "hires",
        value: 25_000.0,
    });
    state.apply(Action::OpenSave("s1".into()));
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
fn storage_that_refuses_everything_is_said_once() {
    let mut state = yunnan();
    state.apply(Action::SetStorageAvailable(false));
    state.apply(Action::SetStorageAvailable(false));
    assert_eq!(state.session.notices, vec![Notice::StorageUnavailable]);
    assert!(!state.session.library.available);
}

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
fn playback_steps_through_the_years_and_stops_at_the_last() {
    let mut state = yunnan();
    state.apply(Action::EnterPresenter);
    let (base, end) = (2020, 2030);
    let year = |state: &State| state.session.presenter.as_ref().unwrap().year;
    assert_eq!(year(&state), base, "opens at the start");
    state.apply(Action::PresenterNext);
    assert_eq!(year(&state), base + 1, "a step is a year");
    state.apply(Action::TogglePlay);
    for _ in 0..20 {
        state.apply(Action::Tick);
    }
    let presenter = state.session.presenter.as_ref().unwrap();
    assert_eq!((presenter.year, presenter.playing), (end, false));
    state.apply(Action::PresenterBack);
    assert_eq!(state.session.presenter.as_ref().unwrap().year, end - 1);
    assert_eq!(
        state.session.presenter.as_ref().unwrap().levers,
        vec!["hires"],
        "the lever of Yunnan's talent target"
    );
}

#[test]
fn a_story_asks_before_it_reveals_and_walks_to_its_end() {
    let story = Rc::new(crate::story::by_id("yunnan-14wan").unwrap().clone());
    let steps = story.steps().len();
    let mut state = ningxia();
    state.apply(Action::OpenStory {
        story: Rc::clone(&story),
        step: 0,
    });
    assert_eq!(state.plan().origin.slug(), Some("yunnan"));
    let mut presses = 0;
    loop {
        let place = state
            .session
            .presenter
            .as_ref()
            .unwrap()
            .story
            .clone()
            .unwrap();
        if place.step == steps - 1 && !place.asking() {
            break;
        }
        if place.asking() {
            state.apply(Action::PresenterNext);
            assert!(!state
                .session
                .presenter
                .as_ref()
                .unwrap()
                .story
                .as_ref()
                .unwrap()
                .asking());
        } else {
            state.apply(Action::PresenterNext);
        }
        presses += 1;
        assert!(presses < 40);
    }
    assert_eq!(state.plan().scenario, {
        let mut s = story.plan_at(steps - 1).unwrap();
        s.sources.clear();
        s
    });
    // A key pressed once too often at the end leaves the last step as it is, year included.
    let shown = state.session.presenter.clone();
    state.apply(Action::PresenterNext);
    assert_eq!(state.session.presenter, shown);
    // Leaving puts back the plan from before the story, in one step that Undo reverses.
    let story_plan = state.plan().scenario.clone();
    state.apply(Action::ExitPresenter);
    assert_eq!(state.plan().scenario, ningxia().plan().scenario);
    assert_eq!(state.session.undo_hint, Some(UndoHint::StoryLeft));
    state.apply(Action::Undo);
    assert_eq!(state.plan().scenario, story_plan);
}

#[test]
fn a_recording_captures_each_step_changes() {
    let mut state = yunnan();
    state.apply(Action::StartRecording {
        title: ["录制".into(), "Recorded".into()],
    });
    state.apply(Action::SetValue {
        key: "hires",
        value: 15_000.0,
    });
    state.apply(Action::RecordStep {
        caption: "多招人".into(),
        caption_en: "Hire more".into(),
        highlight: Some("chart-talent".into()),
        question: None,
    });
    let recorder = state.session.recording.as_ref().unwrap();
    assert_eq!(recorder.steps().len(), 1);
    assert_eq!(recorder.steps()[0].changes, "h=15000");
}

#[test]
fn a_step_that_cannot_be_recorded_says_why_and_keeps_the_dialog_open() {
    let mut state = yunnan();
    state.apply(Action::StartRecording {
        title: ["录制".into(), "Recorded".into()],
    });
    state.apply(Action::OpenDialog(Dialog::RecordStep));
    state.apply(Action::RecordStep {
        caption: " ".into(),
        caption_en: String::new(),
        highlight: None,
        question: None,
    });
    assert_eq!(state.session.record_error, Some(RecordError::NoCaption));
    assert_eq!(state.session.dialog, Some(Dialog::RecordStep));
    state.apply(Action::RecordStep {
        caption: "起点".into(),
        caption_en: String::new(),
        highlight: Some("chart-pie".into()),
        question: None,
    });
    assert!(matches!(
        state.session.record_error,
        Some(RecordError::UnknownHighlight { .. })
    ));
    state.apply(Action::RecordStep {
        caption: "起点".into(),
        caption_en: String::new(),
        highlight: None,
        question: None,
    });
    assert_eq!(state.session.record_error, None);
    assert_eq!(state.session.dialog, None);
    assert_eq!(state.session.recording.as_ref().unwrap().steps().len(), 1);
}

#[test]
fn a_stopped_recording_joins_the_stories_of_this_visit() {
    let mut state = yunnan();
    state.apply(Action::StartRecording {
        title: ["录制".into(), "Recorded".into()],
    });
    state.apply(Action::SetRecordingTitle("招聘与流失".into()));
    state.apply(Action::SetValue {
        key: "hires",
        value: 15_000.0,
    });
    state.apply(Action::RecordStep {
        caption: "多招人".into(),
        caption_en: String::new(),
        highlight: None,
        question: None,
    });
    state.apply(Action::StopRecording);
    assert!(state.session.recording.is_none());
    assert_eq!(state.session.recorded.len(), 1);
    assert_eq!(state.session.recorded[0].title, "招聘与流失");
    assert_eq!(
        state.session.notices,
        vec![Notice::StoryRecorded { steps: 1 }]
    );
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
fn the_presenter_shows_the_charts_that_draw_the_plans_targets() {
    use crate::chart::Chart;
    let target = |metric, threshold| Target {
        metric,
        threshold,
        deadline: 2025,
        source: None,
    };
    let charts_with = |second: Option<Target>| {
        let mut state = yunnan();
        if let Some(target) = second {
            state.apply(Action::AddTarget(target));
        }
        state.apply(Action::EnterPresenter);
        let presenter = state.session.presenter.clone().unwrap();
        presenter.charts(&state.plan().computed.scenario)
    };
    // Yunnan's one target is talent: talent, and the budget beside it.
    assert_eq!(charts_with(None), [Chart::Talent, Chart::Budget]);
    assert_eq!(
        charts_with(Some(target(Metric::RoomCoverage, 0.5))),
        [Chart::Talent, Chart::Coverage]
    );
    // No chart draws institutions (the presenter once sent them to the coverage chart, which
    // has no mark for them): talent and the budget.
    assert_eq!(
        charts_with(Some(target(Metric::Institutions, 500.0))),
        [Chart::Talent, Chart::Budget]
    );
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
