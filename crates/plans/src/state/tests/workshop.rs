//! Workshop pooling through the reducer (the pooling itself is tested in `state::workshop`).

use super::*;

#[test]
fn the_pool_is_still_there_when_the_pooling_dialog_opens_again() {
    let mut state = yunnan();
    state.apply(Action::OpenDialog(Dialog::Pool));
    state.apply(Action::Workshop(WorkshopAction::SetText(TWO_PLANS.into())));
    state.apply(Action::Workshop(WorkshopAction::Pool));
    state.apply(Action::CloseDialog);
    state.apply(Action::OpenDialog(Dialog::Pool));
    let workshop = &state.session.workshop;
    assert_eq!(workshop.text, TWO_PLANS);
    let pooled = workshop.pooled.as_ref().expect("pooled");
    assert_eq!(pooled.pool.participants.len(), 2);
    assert!(!workshop.is_stale());
}

/// Two participants' links, as a chat export holds them.
const TWO_PLANS: &str =
    "张三 http://x/?v=2&p=yunnan.2&h=15000\n李四 http://x/?v=2&p=yunnan.2&h=16000";

/// Three participants of a chat export, named by it.
fn pooled_three() -> State {
    let mut state = yunnan();
    state.apply(Action::OpenDialog(Dialog::Pool));
    let chat = "张三 10:02\nhttp://x/?v=2&p=yunnan.2&h=15000\n\
                李四 10:03\nhttp://x/?v=2&p=yunnan.2&h=16000\n\
                王五 10:04\nhttp://x/?v=2&p=yunnan.2&h=17000";
    state.apply(Action::Workshop(WorkshopAction::SetText(chat.into())));
    state
}

fn participant(to: ParticipantUse, index: usize) -> Action {
    Action::UseParticipant {
        index,
        to,
        now: "2026-11-23T10:00:00Z".into(),
    }
}

#[test]
fn a_participants_plan_opens_with_one_click_named_after_them() {
    let mut state = pooled_three();
    state.apply(participant(ParticipantUse::Open, 1));
    assert_eq!(state.session.dialog, None, "the dialog closes on the plan");
    assert_eq!(state.plan().name.as_deref(), Some("李四"));
    assert_eq!(state.plan().scenario.levers.hires.expand(1)[0], 16_000.0);
    assert!(state.plan().can_undo(), "undo brings back the plan before");
}

#[test]
fn a_participants_plan_is_compared_beside_the_plan_on_screen() {
    let mut state = pooled_three();
    state.apply(participant(ParticipantUse::Compare, 0));
    state.apply(participant(ParticipantUse::Compare, 2));
    let names: Vec<Option<&str>> = state.plans.iter().map(|p| p.name.as_deref()).collect();
    assert_eq!(names, [None, Some("张三"), Some("王五")]);
    assert_eq!(state.active, 0, "the plan being edited stays the same");
}

#[test]
fn a_participants_plan_is_presented_and_the_plan_before_comes_back() {
    let mut state = pooled_three();
    let before = state.plan().scenario.clone();
    state.apply(participant(ParticipantUse::Present, 2));
    let presenter = state.session.presenter.as_ref().expect("presenting");
    assert!(presenter.story.is_none());
    assert_eq!(state.plan().name.as_deref(), Some("王五"));
    state.apply(Action::ExitPresenter);
    assert_eq!(state.plan().scenario, before);
}

#[test]
fn a_participant_past_the_pool_changes_nothing() {
    let mut state = pooled_three();
    let before = state.plan().scenario.clone();
    state.apply(participant(ParticipantUse::Open, 9));
    assert_eq!(state.plan().scenario, before);
}

/// The page a participant's phone opens from the prediction link of Ningxia's second step.
fn phone() -> State {
    let story = crate::story::by_id("ningxia-rooms").unwrap();
    let link = crate::story::prediction_link(story, 1, None, None).unwrap();
    State::open_page(&link, Lang::Zh, None, "2026-11-23T10:00:00Z")
}

#[test]
fn a_prediction_link_puts_the_question_on_the_phone_to_answer() {
    let mut state = phone();
    let predicting = state.session.predicting.clone().expect("asked");
    assert_eq!((predicting.step, predicting.choice), (1, None));
    assert_eq!(predicting.code(), None, "no message before a choice");
    state.apply(Action::Predict(1));
    state.apply(Action::Predict(0));
    let predicting = state.session.predicting.clone().unwrap();
    assert_eq!(predicting.choice, Some(0), "the last choice counts");
    let codes = crate::story::predict::codes(&predicting.story, 1);
    assert_eq!(predicting.code(), Some(codes[0].clone()));
    state.apply(Action::Predict(7));
    assert_eq!(state.session.predicting.as_ref().unwrap().choice, Some(0));
    state.apply(Action::ClosePrediction);
    assert!(state.session.predicting.is_none());
    assert!(
        state.session.presenter.is_some(),
        "the step's plan is behind it"
    );
}

#[test]
fn the_plain_story_link_asks_nothing_on_the_phone() {
    let story = crate::story::by_id("ningxia-rooms").unwrap();
    let link = crate::story::story_link(story, 1, None, None).unwrap();
    let state = State::open_page(&link, Lang::Zh, None, "2026-11-23T10:00:00Z");
    assert!(state.session.predicting.is_none());
}

#[test]
fn the_presenter_tallies_the_pasted_predictions_of_its_step() {
    let story = Rc::new(crate::story::by_id("ningxia-rooms").unwrap().clone());
    let codes = crate::story::predict::codes(&story, 1);
    let mut state = yunnan();
    state.apply(Action::OpenStory {
        story: Rc::clone(&story),
        step: 1,
    });
    let chat = format!(
        "张三 10:02\n【预测】宁夏 第2步：把握变大 #{}\n李四 10:03\n#{}\n王五 10:04\n#{}",
        codes[0], codes[1], codes[0]
    );
    state.apply(Action::Workshop(WorkshopAction::SetText(chat)));
    let tally = state.tally().expect("a question with predictions");
    assert_eq!((tally.counts.clone(), tally.voters), (vec![2, 1, 0], 3));
    state.apply(Action::PresenterNext);
    state.apply(Action::PresenterNext);
    let next = state.tally().expect("the next step asks too");
    assert_eq!(next.voters, 0);
    assert_eq!(
        next.other_steps, 3,
        "the pasted votes were for the step before"
    );
}
