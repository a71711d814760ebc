//! Workshop pooling as state: the text the trainer pasted (links, or a whole chat export), the
//! plan files they loaded, whether identical plans count separately, and the pool, made again
//! whenever the input changes (a trainer pastes the growing chat again and again), with what it
//! was made from. The prediction codes in the text are read at once too, for the presenter's
//! tally. Pooling itself is `crate::pool`; a participant's plan is opened, compared or presented
//! from here in one action.

use std::rc::Rc;

use super::plan::{Plan, PlanKind};
use super::State;
use crate::pool::{pool_with, Participant, Pool};
use crate::share::save::{Imported, SaveError, SavedPlan};
use crate::share::{PlanSpec, MAX_PLANS};
use crate::story::predict::{votes, Vote};

/// A plan file the trainer loaded: its name and what reading it gave.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedFile {
    pub name: String,
    pub read: Result<Imported, SaveError>,
}

/// The pooling dialog's input and its last result.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workshop {
    /// The pasted text.
    pub text: String,
    /// The loaded files, in the order chosen.
    pub files: Vec<LoadedFile>,
    /// Changes whenever the files do, so a pool of other files is told apart.
    pub files_version: u32,
    /// Whether identical plans from different participants each count.
    pub count_identical: bool,
    /// The last pool and what it was made from.
    pub pooled: Option<Rc<Pooled>>,
    /// The prediction codes in the text, with their senders.
    pub votes: Rc<Vec<Vote>>,
}

/// A pool and the input it was made from.
#[derive(Debug, PartialEq)]
pub struct Pooled {
    pub pool: Pool,
    pub text: String,
    pub files_version: u32,
    pub count_identical: bool,
}

/// What the trainer does in the pooling dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkshopAction {
    /// The pasted text changed: pooled again at once.
    SetText(String),
    /// Files were read: pooled again at once.
    AddFiles(Vec<LoadedFile>),
    /// The loaded files are removed: pooled again at once.
    ClearFiles,
    /// Whether identical plans each count: re-pools what was pooled at once.
    CountIdentical(bool),
    /// Pool the text and the files.
    Pool,
}

impl Workshop {
    /// Every plan of the readable files, in file order: the pool's imported plans.
    pub fn file_plans(&self) -> Vec<PlanSpec> {
        self.files
            .iter()
            .filter_map(|file| file.read.as_ref().ok())
            .flat_map(|imported| imported.plans.iter().map(SavedPlan::plan))
            .collect()
    }

    /// Whether the pool on screen was made from other input than the dialog now holds.
    pub fn is_stale(&self) -> bool {
        self.pooled.as_ref().is_some_and(|p| {
            p.text != self.text
                || p.files_version != self.files_version
                || p.count_identical != self.count_identical
        })
    }

    pub fn apply(&mut self, action: WorkshopAction) {
        match action {
            WorkshopAction::SetText(text) => {
                self.votes = Rc::new(votes(&text));
                self.text = text;
                self.pool_text(self.text.clone());
            }
            WorkshopAction::AddFiles(files) => {
                self.files.extend(files);
                self.files_version = self.files_version.wrapping_add(1);
                self.pool_text(self.text.clone());
            }
            WorkshopAction::ClearFiles => {
                self.files.clear();
                self.files_version = self.files_version.wrapping_add(1);
                self.pool_text(self.text.clone());
            }
            WorkshopAction::CountIdentical(count) => {
                self.count_identical = count;
                // Only how repeats count changes: the pool on screen follows at once, as long
                // as it is of the files still loaded.
                if let Some(last) = self
                    .pooled
                    .clone()
                    .filter(|p| p.files_version == self.files_version)
                {
                    self.pool_text(last.text.clone());
                }
            }
            WorkshopAction::Pool => self.pool_text(self.text.clone()),
        }
    }

    /// A participant of the last pool.
    pub fn participant(&self, index: usize) -> Option<&Participant> {
        self.pooled.as_ref()?.pool.participants.get(index)
    }

    fn pool_text(&mut self, text: String) {
        let pool = pool_with(&text, &self.file_plans(), self.count_identical);
        self.pooled = Some(Rc::new(Pooled {
            pool,
            text,
            files_version: self.files_version,
            count_identical: self.count_identical,
        }));
    }
}

/// What the trainer does with one participant's plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParticipantUse {
    /// In place of the plan on screen.
    Open,
    /// Beside the plans on screen.
    Compare,
    /// In the presenter, until it closes.
    Present,
}

impl State {
    /// Opens, compares or presents participant `index` of the last pool; their plan is named
    /// after them (the plan's own name first, else the sender's). The dialog closes.
    pub(super) fn use_participant(
        &mut self,
        index: usize,
        to: ParticipantUse,
        now: &str,
        generation: u64,
    ) {
        let Some(participant) = self.session.workshop.participant(index) else {
            return;
        };
        let mut spec = participant.plan.clone();
        if spec.name.is_none() {
            spec.name = participant.source.sender().map(str::to_string);
        }
        self.session.dialog = None;
        match to {
            ParticipantUse::Open => self.open_over(&spec, None, now, generation),
            ParticipantUse::Compare => {
                if self.plans.len() < MAX_PLANS {
                    let (id, generation) = (self.fresh_number(), self.fresh_number());
                    let mut plan = Plan::from_spec(id, &spec, generation);
                    plan.kind = PlanKind::Own;
                    plan.opened_as = Some(Rc::new(spec));
                    self.plans.push(plan);
                }
            }
            ParticipantUse::Present => {
                let on_screen = self.plan().to_spec(self.session.mc);
                if self.session.presenter.is_none() {
                    self.enter_presenter();
                }
                if let Some(presenter) = &mut self.session.presenter {
                    presenter.story = None;
                    if presenter.before_story.is_none() {
                        presenter.before_story = Some(Box::new(on_screen));
                    }
                }
                self.plan_mut().replace_with(&spec, generation);
                let levers = super::training::default_levers(self.plan());
                let end = self.plan().computed.scenario.end_year;
                if let Some(presenter) = &mut self.session.presenter {
                    presenter.levers = levers;
                    presenter.year = end;
                    presenter.playing = false;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::save::{from_json, to_json};

    /// Two people send the same plan, each under their name and time.
    const TWO_LINKS: &str = "张三 10:02\nhttp://x/?v=1&p=yunnan.2&h=15000\n李四 10:03\nhttp://x/?v=1&p=yunnan.2&h=15000";
    /// One link pasted twice, no name around it.
    const SAME_LINK_TWICE: &str =
        "http://x/?v=1&p=yunnan.2&h=15000\nhttp://x/?v=1&p=yunnan.2&h=15000";

    fn file(name: &str, slug: &str) -> LoadedFile {
        let preset = crate::presets::by_slug(slug).unwrap();
        let plan = crate::share::open::plan_of(
            crate::share::Origin::Preset {
                slug: slug.into(),
                data_version: preset.data_version,
            },
            preset.scenario.clone(),
        );
        let saved = SavedPlan::new("a", plan, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
        LoadedFile {
            name: name.into(),
            read: from_json(&to_json(&[saved])),
        }
    }

    #[test]
    fn the_pool_follows_the_text_and_the_files_as_they_come() {
        let mut workshop = Workshop::default();
        workshop.apply(WorkshopAction::SetText(TWO_LINKS.into()));
        let pooled = workshop.pooled.clone().expect("pooled as the text came in");
        // Two people sent the same plan: both count.
        assert_eq!(pooled.pool.participants.len(), 2);
        assert!(!workshop.is_stale());
        // More of the chat is pasted: the pool grows without asking.
        let more = format!("{TWO_LINKS}\n王五 10:09\nhttp://x/?v=1&p=yunnan.2&h=18000");
        workshop.apply(WorkshopAction::SetText(more));
        assert_eq!(workshop.pooled.as_ref().unwrap().pool.participants.len(), 3);
        workshop.apply(WorkshopAction::AddFiles(vec![file("组1.json", "yunnan")]));
        assert_eq!(workshop.pooled.as_ref().unwrap().pool.participants.len(), 4);
        assert!(!workshop.is_stale());
    }

    #[test]
    fn the_prediction_codes_of_the_text_are_read_with_their_senders() {
        let mut workshop = Workshop::default();
        workshop.apply(WorkshopAction::SetText(
            "张三 10:02\n【预测】宁夏 第1步：能 #h2k".into(),
        ));
        let vote = &workshop.votes[0];
        assert_eq!(
            (vote.line, vote.sender.as_deref(), vote.code.as_str()),
            (2, Some("张三"), "h2k")
        );
    }

    #[test]
    fn counting_identical_plans_repools_what_was_pooled_at_once() {
        let mut workshop = Workshop::default();
        workshop.apply(WorkshopAction::SetText(SAME_LINK_TWICE.into()));
        assert_eq!(workshop.pooled.as_ref().unwrap().pool.participants.len(), 1);
        workshop.apply(WorkshopAction::Pool);
        workshop.apply(WorkshopAction::CountIdentical(true));
        let pooled = workshop.pooled.clone().unwrap();
        assert!(pooled.count_identical);
        assert_eq!(pooled.pool.participants.len(), 2);
        assert!(!workshop.is_stale());
    }

    #[test]
    fn clearing_the_files_pools_without_them() {
        let mut workshop = Workshop::default();
        workshop.apply(WorkshopAction::AddFiles(vec![file("组1.json", "ningxia")]));
        assert_eq!(workshop.file_plans().len(), 1);
        assert_eq!(workshop.pooled.as_ref().unwrap().pool.participants.len(), 1);
        workshop.apply(WorkshopAction::ClearFiles);
        assert!(workshop.file_plans().is_empty());
        assert!(workshop
            .pooled
            .as_ref()
            .unwrap()
            .pool
            .participants
            .is_empty());
        assert!(!workshop.is_stale());
    }
}
