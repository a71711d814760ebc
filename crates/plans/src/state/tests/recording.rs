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
    state.apply(Action::StopRecording);
    assert!(state.session.recording.is_none());
    assert!(state.session.recorded.is_empty());
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
