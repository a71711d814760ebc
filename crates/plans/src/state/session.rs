//! The session: what belongs to this visit rather than to a plan — the language, the Monte
//! Carlo settings, which panel is open, and what the user must be told.

use super::import::ImportOutcome;
use super::kept::KeptPlans;
use super::library::Library;
use super::start::{StoredEntry, Unreadable};
use crate::share::save::SavedPlan;
use crate::share::{LinkNotice, LinkProblem};
use crate::Lang;
use swplan_engine::montecarlo::Settings;
use swplan_engine::{Metric, RegionName};

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub lang: Lang,
    pub mc: Settings,
    /// Messages about something outside the plan (storage, links), newest last.
    pub notices: Vec<Notice>,
    /// The parameter whose per-year editor is open.
    pub schedule_open: Option<&'static str>,
    /// Which column a narrow screen shows: the results or the settings.
    pub view: View,
    /// The last destructive edit, offered for undo until the next one.
    pub undo_hint: Option<UndoHint>,
    /// The named saves.
    pub library: Library,
    /// Plans the planner edited that another plan replaced, until brought back or dismissed.
    pub kept: KeptPlans,
    /// Where the last import stands, shown in the saves dialog.
    pub import: Option<ImportOutcome>,
    /// The dialog on top of the page, if any.
    pub dialog: Option<Dialog>,
    /// The manual (使用说明, 模型说明), open at a topic, over the page.
    pub help: Option<crate::help::HelpTopic>,
    /// Draw the preset's baseline as a faint line behind the plans ("no new decisions").
    pub show_baseline: bool,
    /// The presenter view, when a trainer projects the plan.
    pub presenter: Option<super::training::Presenter>,
    /// A story being recorded by a trainer.
    pub recording: Option<crate::story::Recorder>,
    /// The trainer's recorded stories, kept in this browser beside the saves.
    pub stories: super::stories::StoryShelf,
    /// Why the last story step could not be recorded, shown in the still open dialog.
    pub record_error: Option<crate::story::RecordError>,
    /// Workshop pooling: what was pasted and loaded, and the last pool.
    pub workshop: super::workshop::Workshop,
    /// The cheapest plan: the optimiser's form, its run and its last answer.
    pub optimiser: super::optimiser::OptimiserPanel,
    /// Which lever matters most: the sensitivity analysis's run and last result.
    pub sensitivity: super::optimiser::SensitivityPanel,
    /// Actual figures, re-projection, calibration and back-test of the plan on screen.
    pub life: super::life::Life,
    /// A province rolled up from its cities.
    pub rollup: super::rollup::RollUpState,
    /// A participant's phone answering a story question (opened by a prediction link).
    pub predicting: Option<super::predicting::Predicting>,
}

/// The dialogs of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialog {
    /// The share link, its QR code and the plan file.
    Share,
    /// The same for every plan of the comparison: one link, one QR code, one file.
    ShareComparison,
    /// The named saves, import and export.
    Saves,
    /// The guided stories to open.
    Stories,
    /// Workshop pooling: participants' links or files.
    Pool,
    /// The step being added to a recording.
    RecordStep,
    /// A province rolled up from its cities.
    RollUp,
}

/// Which column a narrow screen shows. Wide screens show both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Results,
    Settings,
}

/// Something the user must be told that is not about a field.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The browser refused to store something (full storage).
    StorageFailed,
    /// The browser stores nothing (private mode, policy): the app works, saves are unavailable.
    StorageUnavailable,
    /// Stored data could not be read, wholly or in part: it was copied aside under `key` (the
    /// page's, for the download; never shown), nothing was deleted, and what could be read is
    /// listed as before.
    StorageSetAside {
        entry: StoredEntry,
        key: String,
        unreadable: Unreadable,
    },
    /// The address held something that is not a link this app can read: nothing was opened
    /// from it. `shown` is what the page shows instead; `kept` whether plans the planner edited
    /// are kept aside (to bring back with "restore").
    LinkUnreadable { shown: ShownInstead, kept: bool },
    /// What a link in the address could not give, and what the planner should know.
    LinkOpened {
        problems: Vec<LinkProblem>,
        notices: Vec<LinkNotice>,
    },
    /// The story a link names could not be opened (the plan itself is shown).
    StoryLinkBroken(crate::story::StoryError),
    /// A recording ended: it is kept in the stories list, in this browser.
    StoryRecorded { steps: usize },
    /// The plan opened was computed with an earlier model reading (every scheduled station and
    /// room finished in its year): it shows the numbers it was made with, and the current
    /// reading can be used instead (`Action::UseCurrentModel`).
    OlderModel,
}

/// What the page shows in place of an address it could not read.
#[derive(Clone, Debug, PartialEq)]
pub enum ShownInstead {
    /// The plan being worked on, with changes of the planner's that nothing else keeps.
    Work,
    /// The plan last on screen, which holds no unsaved change (a preset, a link's plan or a
    /// save as it was opened): its name, if it has one, and its region.
    LastShown {
        name: Option<String>,
        region: RegionName,
    },
    /// Nothing was stored: the default preset.
    DefaultPreset,
}

/// A destructive edit that was just made, so the page can offer "undo" beside its message.
#[derive(Clone, Debug, PartialEq)]
pub enum UndoHint {
    /// A named save was deleted (kept here with its place in the list), and the plans that
    /// were that save (by id), unlinked from it until it is restored.
    SaveDeleted {
        index: usize,
        save: Box<SavedPlan>,
        unlinked: Vec<u64>,
    },
    /// A schedule that varied by year was replaced by one value.
    ScheduleReplaced { key: &'static str },
    /// A target was removed.
    TargetRemoved { metric: Metric },
    /// The plan was started over from a preset or a blank region.
    StartedOver,
    /// Another plan (a save, a file, a link) was opened over unsaved changes: its name, if it
    /// has one, and its region (worded when drawn, in the language then on screen).
    OpenedOver {
        name: Option<String>,
        region: RegionName,
    },
    /// The presenter closed after a story, and the plan from before the story came back.
    StoryLeft,
    /// A recorded story was deleted (kept here with its place in the list).
    StoryDeleted {
        index: usize,
        story: Box<crate::story::kept::KeptStory>,
    },
    /// A plan was removed from the comparison (kept here with its place).
    PlanRemoved {
        index: usize,
        plan: Box<super::plan::Plan>,
    },
    /// The optimiser's plan was put in place of the plan's schedules.
    PlanOptimised,
}

impl Session {
    pub fn new(lang: Lang) -> Session {
        Session {
            lang,
            mc: Settings::default(),
            notices: Vec::new(),
            schedule_open: None,
            view: View::default(),
            undo_hint: None,
            library: Library::default(),
            kept: KeptPlans::default(),
            import: None,
            dialog: None,
            help: None,
            show_baseline: false,
            presenter: None,
            recording: None,
            stories: super::stories::StoryShelf::default(),
            record_error: None,
            workshop: super::workshop::Workshop::default(),
            optimiser: Default::default(),
            sensitivity: Default::default(),
            life: super::life::Life::default(),
            rollup: super::rollup::RollUpState::default(),
            predicting: None,
        }
    }

    /// Adds a notice unless the same one is already showing.
    pub fn notify(&mut self, notice: Notice) {
        if !self.notices.contains(&notice) {
            self.notices.push(notice);
        }
    }
}
