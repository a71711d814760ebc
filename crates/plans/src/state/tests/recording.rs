//! A trainer recording a story: steps added, refused, taken back, the recording named and
//! stopped.

use super::*;
use crate::story::RecordError;

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
fn a_stopped_recording_is_kept_with_the_saves() {
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
    let revision = state.session.stories.revision;
    state.apply(stop("s1"));
    assert!(state.session.recording.is_none());
    let kept = &state.session.stories.stories;
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].id, "s1");
    assert_eq!(kept[0].story.title, "招聘与流失");
    assert!(
        state.session.stories.revision > revision,
        "the page writes it"
    );
    assert_eq!(
        state.session.notices,
        vec![Notice::StoryRecorded { steps: 1 }]
    );
}

#[test]
fn a_step_taken_back_is_captured_again_by_the_next() {
    let mut state = recording_yunnan();
    state.apply(Action::SetValue {
        key: "hires",
        value: 15_000.0,
    });
    state.apply(record_step("多招人"));
    state.apply(Action::UndoRecordedStep);
    assert!(state.session.recording.as_ref().unwrap().steps().is_empty());
    state.apply(record_step("多招人，再说一遍"));
    let steps = state.session.recording.as_ref().unwrap().steps();
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].changes, "h=15000");
}

#[test]
fn a_recording_stopped_with_no_step_leaves_no_story() {
    let mut state = recording_yunnan();
    state.apply(record_step("起点"));
    state.apply(Action::UndoRecordedStep);
    state.apply(stop("s1"));
    assert!(state.session.recording.is_none());
    assert!(state.session.stories.stories.is_empty());
    assert!(state.session.notices.is_empty());
}

#[test]
fn a_step_error_is_forgotten_when_its_dialog_closes() {
    let mut state = recording_yunnan();
    state.apply(Action::OpenDialog(Dialog::RecordStep));
    state.apply(record_step(" "));
    assert_eq!(state.session.record_error, Some(RecordError::NoCaption));
    state.apply(Action::CloseDialog);
    assert_eq!(state.session.record_error, None);
}

#[test]
fn a_step_error_is_not_shown_when_the_dialog_opens_again() {
    let mut state = recording_yunnan();
    state.apply(Action::OpenDialog(Dialog::RecordStep));
    state.apply(record_step(" "));
    state.apply(Action::OpenDialog(Dialog::RecordStep));
    assert_eq!(state.session.record_error, None);
    assert_eq!(state.session.dialog, Some(Dialog::RecordStep));
}

#[test]
fn a_recording_has_an_introduction_read_before_its_first_step() {
    let mut state = recording_yunnan();
    state.apply(Action::SetRecordingIntro(
        "  云南能否在2025年突破14万？ ".into(),
    ));
    state.apply(record_step("起点"));
    state.apply(stop("s1"));
    let story = &state.session.stories.stories[0].story;
    assert_eq!(story.intro, "云南能否在2025年突破14万？");
    assert_eq!(story.intro_en, story.intro, "one text for both languages");
}

#[test]
fn a_kept_story_is_renamed_deleted_and_brought_back_where_it_was() {
    let mut state = recording_yunnan();
    state.apply(record_step("第一个"));
    state.apply(stop("s1"));
    state.apply(Action::StartRecording {
        title: ["录制".into(), "Recorded".into()],
    });
    state.apply(record_step("第二个"));
    state.apply(stop("s2"));
    let ids = |state: &State| -> Vec<String> {
        state
            .session
            .stories
            .stories
            .iter()
            .map(|k| k.id.clone())
            .collect()
    };
    assert_eq!(ids(&state), ["s2", "s1"], "the newest first");
    state.apply(Action::RenameStory {
        id: "s1".into(),
        title: " 招聘 ".into(),
        now: "t9".into(),
    });
    let renamed = state.session.stories.get("s1").unwrap();
    assert_eq!(
        (renamed.story.title.as_str(), renamed.modified.as_str()),
        ("招聘", "t9")
    );
    state.apply(Action::RenameStory {
        id: "s1".into(),
        title: "  ".into(),
        now: "t10".into(),
    });
    assert_eq!(state.session.stories.get("s1").unwrap().story.title, "招聘");
    state.apply(Action::DeleteStory("s2".into()));
    assert_eq!(ids(&state), ["s1"]);
    assert!(matches!(
        state.session.undo_hint,
        Some(UndoHint::StoryDeleted { .. })
    ));
    state.apply(Action::RestoreStory);
    assert_eq!(ids(&state), ["s2", "s1"]);
    assert_eq!(state.session.undo_hint, None);
}

#[test]
fn stories_written_by_another_tab_are_taken_as_they_are() {
    let mut state = recording_yunnan();
    state.apply(record_step("第一个"));
    state.apply(stop("s1"));
    let kept = state.session.stories.stories.clone();
    let mut other = yunnan();
    let revision = other.session.stories.revision;
    other.apply(Action::StoriesFromStorage(kept.clone()));
    assert_eq!(other.session.stories.stories, kept);
    assert_eq!(other.session.stories.revision, revision, "not written back");
}

#[test]
fn stored_stories_are_listed_when_the_page_opens() {
    let mut state = recording_yunnan();
    state.apply(record_step("第一个"));
    state.apply(stop("s1"));
    let stored = Stored {
        stories: state.session.stories.stories.clone(),
        ..Stored::default()
    };
    let opened = State::open_page("", Lang::Zh, Some(stored), "t0");
    assert_eq!(opened.session.stories.stories.len(), 1);
}

/// Ends the recording, keeping it under `id`.
fn stop(id: &str) -> Action {
    Action::StopRecording {
        id: id.into(),
        now: "2026-12-05T10:00:00Z".into(),
    }
}

/// Yunnan, with a story being recorded from it.
fn recording_yunnan() -> State {
    let mut state = yunnan();
    state.apply(Action::StartRecording {
        title: ["录制".into(), "Recorded".into()],
    });
    state
}

/// A step with a caption and nothing else.
fn record_step(caption: &str) -> Action {
    Action::RecordStep {
        caption: caption.into(),
        caption_en: String::new(),
        highlight: None,
        question: None,
    }
}
