//! Whether each plan of a comparison was edited, and since what: a save is "edited, not saved"
//! once it differs from the save; a plan opened from a link, copied or added from a participant
//! is edited once it differs from what was opened; any other plan once it differs from its
//! origin. Titles say so (`swplan_words::compare::plan_titles`), so a saved plan and the working
//! plan edited after it are never two plans of the same title.

use super::State;
use crate::share::same_numbers;

/// Since what a plan was edited, if it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edited {
    /// As it was saved, opened, copied or started.
    No,
    /// Differs from the save it came from: not saved.
    SinceSaved,
    /// Differs from the link it was opened from, or the plan it was copied from.
    SinceOpened,
    /// Differs from its origin (a preset or the blank template), with nothing else to go by.
    FromOrigin,
}

impl State {
    /// For each plan, whether and since what it was edited.
    pub fn edited(&self) -> Vec<Edited> {
        let mc = self.session.mc;
        self.plans
            .iter()
            .map(|plan| {
                let spec = || plan.to_spec(mc);
                let save = plan
                    .save_id
                    .as_deref()
                    .and_then(|id| self.session.library.get(id));
                match (save, &plan.opened_as) {
                    (Some(saved), _) if !same_numbers(&saved.plan(), &spec()) => Edited::SinceSaved,
                    (Some(_), _) => Edited::No,
                    (None, Some(opened)) if !same_numbers(opened, &spec()) => Edited::SinceOpened,
                    (None, Some(_)) => Edited::No,
                    (None, None) if plan.is_edited_from_baseline() => Edited::FromOrigin,
                    (None, None) => Edited::No,
                }
            })
            .collect()
    }
}
