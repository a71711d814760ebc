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
