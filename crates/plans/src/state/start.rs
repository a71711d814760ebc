//! The page opening: the plan in the address, else the autosave, else the default preset; the
//! saves, the plans kept aside, and what storage could not read. The page reads its storage
//! into [`Stored`] and writes back what [`State::autosave`] and the lists hold; everything it
//! decides on the way is here, tested natively as sequences a planner performs (edit, open a
//! link, open another, reload…).

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::life::LifeAction;
use super::{Action, Notice, ShownInstead, State};
use crate::presets;
use crate::share::save::{RejectedPlan, SaveError, SavedPlan};
use crate::share::{self, normalized, same_plan, PlanSpec, ProblemKind};
use crate::Lang;

/// What the browser holds for the app as a page opens.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stored {
    pub autosave: Option<Autosave>,
    pub saves: Vec<SavedPlan>,
    pub kept: Vec<SavedPlan>,
    /// The recorded stories.
    pub stories: Vec<crate::story::kept::KeptStory>,
    /// Stored data that could not be read, each copied aside (never deleted).
    pub set_aside: Vec<SetAside>,
    /// How the planner last looked at the plan.
    pub view: StoredView,
}

/// The view settings the page keeps in this browser across a reload, beside the autosave and
/// the language: how the planner looks at a plan, not the plan, so no link carries them (a
/// link opens the same numbers on any machine, whatever its reader last looked at).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoredView {
    /// The re-projection from the latest actual is drawn beside the plan (when it has actuals).
    pub reprojection: bool,
}

impl StoredView {
    /// As the page stores it.
    pub fn to_json(self) -> String {
        serde_json::to_string(&self).unwrap_or_default()
    }

    /// What the page stored; anything unreadable is the default view (a view setting lost
    /// costs a click, and nothing of the plan).
    pub fn from_json(text: &str) -> StoredView {
        serde_json::from_str(text).unwrap_or_default()
    }
}

/// The working plan, as the page last wrote it.
#[derive(Clone, Debug, PartialEq)]
pub struct Autosave {
    pub plan: PlanSpec,
    /// The named save it came from, if any.
    pub save_id: Option<String>,
    /// The plan as a link opened it, when it came from one.
    pub opened_as: Option<PlanSpec>,
}

/// Which stored list a piece of unreadable data was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoredEntry {
    /// "我的方案", the named saves.
    Saves,
    /// The working plan.
    Autosave,
    /// The plans kept aside.
    Kept,
    /// The recorded stories.
    Stories,
}

/// Stored data that could not be read, copied aside in storage under `key` (the page's own,
/// never shown to the planner): it can be downloaded, or deleted by the planner.
#[derive(Clone, Debug, PartialEq)]
pub struct SetAside {
    pub key: String,
    pub entry: StoredEntry,
    /// When it was set aside (ISO 8601).
    pub at: String,
    /// What could not be read, when it was found unreadable as this page opened (the planner
    /// is told); `None` for a copy set aside on an earlier visit.
    pub found_now: Option<Unreadable>,
}

/// What could not be read in stored data.
#[derive(Clone, Debug, PartialEq)]
pub enum Unreadable {
    /// Nothing at all: the list was emptied (its copy is kept).
    Whole(SaveError),
    /// Some plans; the others (`readable`) are listed as before.
    Plans {
        rejected: Vec<RejectedPlan>,
        readable: usize,
    },
    /// Some recorded stories (`unreadable` of them, which no longer read or play); the others
    /// (`readable`) are listed as before.
    Stories { unreadable: usize, readable: usize },
}

impl State {
    /// The state a page opens in, from its address (`?…`), the language to use and what
    /// storage holds (`None` when the browser stores nothing). `now` stamps a plan kept aside.
    pub fn open_page(query: &str, lang: Lang, stored: Option<Stored>, now: &str) -> State {
        let available = stored.is_some();
        let Stored {
            autosave,
            saves,
            kept,
            stories,
            set_aside,
            view,
        } = stored.unwrap_or_default();
        let mut state = if share::is_link(query) {
            let opened = share::decode(query);
            let mut state = State::from_link(&opened, lang);
            state.take_storage(saves, kept);
            match autosave {
                // A reload: the address holds the autosaved plan (in the link's form).
                Some(autosave)
                    if opened.plans.len() == 1 && same_plan(&autosave.plan, &opened.plans[0]) =>
                {
                    state.resume(&autosave);
                }
                // Another plan: the one being worked on is kept aside if it holds work.
                Some(autosave) if state.holds_work(&autosave) => {
                    let id = state.kept_id(now);
                    state.session.kept.keep(autosave.plan, &id, now);
                }
                Some(_) | None => {}
            }
            state
        } else {
            let mut state = match &autosave {
                Some(autosave) => State::from_spec(&autosave.plan, lang),
                None => State::new(presets::default_preset(), lang),
            };
            state.take_storage(saves, kept);
            if let Some(autosave) = &autosave {
                state.resume(autosave);
            }
            // An address that is not a plan's link and not the app's plain address either.
            let unreadable = !query.trim_start_matches('?').is_empty()
                && share::decode(query)
                    .problems
                    .iter()
                    .any(|p| matches!(p.kind, ProblemKind::NotALink));
            if unreadable {
                let notice = Notice::LinkUnreadable {
                    shown: state.shown_instead(autosave.is_some()),
                    kept: !state.session.kept.plans.is_empty(),
                };
                state.apply(Action::Notify(notice));
            }
            state
        };
        state.session.stories.replace_from_storage(stories);
        state.open_story_from_link(query);
        // `help=…`: the manual open over the page, at its topic (an unknown one: the contents).
        if let Some(topic) = crate::help::topic_in_query(query) {
            state.apply(Action::OpenHelp(topic));
        }
        if view.reprojection {
            state.apply(Action::Life(LifeAction::ShowReprojection(true)));
        }
        state.apply(Action::SetStorageAvailable(available));
        for aside in &set_aside {
            if let Some(unreadable) = &aside.found_now {
                state.apply(Action::Notify(Notice::StorageSetAside {
                    entry: aside.entry,
                    key: aside.key.clone(),
                    unreadable: unreadable.clone(),
                }));
            }
        }
        state.session.library.set_aside = set_aside;
        state
    }

    /// What the page writes as the autosave: the working plan, the save it came from and the
    /// plan as its link opened it.
    pub fn autosave(&self) -> Autosave {
        let plan = self.plan();
        Autosave {
            plan: plan.to_spec(self.session.mc),
            save_id: plan.save_id.clone(),
            opened_as: plan.opened_as.as_deref().cloned(),
        }
    }

    /// What the page keeps of how the planner looks at the plan (see [`StoredView`]).
    pub fn stored_view(&self) -> StoredView {
        StoredView {
            reprojection: self.session.life.show_reprojection,
        }
    }

    /// The saves and the kept plans as stored (not written back: nothing changed).
    fn take_storage(&mut self, saves: Vec<SavedPlan>, kept: Vec<SavedPlan>) {
        self.session.library.replace_from_storage(saves);
        self.session.kept.replace_from_storage(kept);
    }

    /// The working plan is the autosaved one: still the save it came from (if that is still
    /// in the list), still the plan its link opened.
    fn resume(&mut self, autosave: &Autosave) {
        if let Some(id) = &autosave.save_id {
            self.restore_save_link(id);
        }
        self.plan_mut().opened_as = autosave
            .opened_as
            .as_ref()
            .map(|opened| Rc::new(normalized(opened)));
    }

    /// Whether the autosaved plan holds work of the planner's that nothing else keeps: not the
    /// unchanged plan of a save or of a link, and not its origin untouched.
    fn holds_work(&self, autosave: &Autosave) -> bool {
        let mut alone = State::from_spec(&autosave.plan, self.session.lang);
        alone
            .session
            .library
            .replace_from_storage(self.session.library.saves.clone());
        alone.resume(autosave);
        alone.has_unsaved_edits()
    }

    /// What the page shows for an address it could not read: the autosaved plan (`autosaved`)
    /// is the planner's work only when it holds changes nothing else keeps; unchanged, it is
    /// the plan last on screen as it was opened (a link that could not open a plan leaves the
    /// default preset there, while the planner's edits are kept aside).
    fn shown_instead(&self, autosaved: bool) -> ShownInstead {
        if !autosaved {
            return ShownInstead::DefaultPreset;
        }
        if self.has_unsaved_edits() {
            return ShownInstead::Work;
        }
        let plan = self.plan();
        ShownInstead::LastShown {
            name: plan.name.clone(),
            region: plan.scenario.name.clone(),
        }
    }

    /// A story named in the address (`story=<id>&step=n`, or a recorded one in `sr=`) opens in
    /// the presenter at its step; with `pr=1`, its question waits on top to be answered.
    fn open_story_from_link(&mut self, query: &str) {
        match crate::story::parse_story_link(query) {
            Ok(Some(opened)) => {
                let story = Rc::new(opened.story);
                self.apply(Action::OpenStory {
                    story: Rc::clone(&story),
                    step: opened.step,
                });
                // A prediction link: the phone shows the question to answer first.
                if opened.predict {
                    self.start_predicting(story, opened.step);
                }
            }
            Ok(None) => {}
            Err(error) => self.apply(Action::Notify(Notice::StoryLinkBroken(error))),
        }
    }
}
