//! A participant's phone answering a story question, and the trainer's count of the answers.
//! The phone opens the step's prediction link (`pr=1`, see `story::link`), picks a choice and
//! is given a message for the workshop's chat (worded by `swplan_words::prediction`); the
//! trainer pastes the chat (the pooling's text, `Workshop::text`) and the presenter shows the
//! tally of the step on screen. No server: the chat carries the answers.

use std::rc::Rc;

use super::State;
use crate::story::predict::{self, Tally};
use crate::story::Story;

/// The question on a participant's phone.
#[derive(Clone, Debug, PartialEq)]
pub struct Predicting {
    pub story: Rc<Story>,
    /// Counted from 0; always a step with a question.
    pub step: usize,
    /// The choice picked, from 0, once picked.
    pub choice: Option<usize>,
}

impl Predicting {
    /// The code of the choice picked, which the message carries.
    pub fn code(&self) -> Option<String> {
        predict::codes(&self.story, self.step)
            .get(self.choice?)
            .cloned()
    }
}

impl State {
    /// Puts a story step's question on the phone, to be answered (from a prediction link).
    pub(super) fn start_predicting(&mut self, story: Rc<Story>, step: usize) {
        let asks = story.steps.get(step).is_some_and(|s| s.question.is_some());
        self.session.predicting = asks.then_some(Predicting {
            story,
            step,
            choice: None,
        });
    }

    /// The participant picks a choice (again: another one).
    pub(super) fn predict(&mut self, choice: usize) {
        if let Some(predicting) = &mut self.session.predicting {
            let count = predicting.story.steps[predicting.step]
                .choices()
                .map_or(0, |c| c.len());
            if choice < count {
                predicting.choice = Some(choice);
            }
        }
    }

    /// The room's predictions on the presenter's story step, from the chat the trainer pasted;
    /// `None` outside a story, at its introduction, or at a step without a question.
    pub fn tally(&self) -> Option<Tally> {
        let place = self.session.presenter.as_ref()?.story.as_ref()?;
        if place.intro {
            return None;
        }
        predict::tally(&place.story, place.step, &self.session.workshop.votes)
    }
}
