//! The app state in plain Rust: a session (language, Monte Carlo settings, what is open, what the
//! user must be told) and a list of plans, one of them active. One reducer, [`State::apply`],
//! takes every [`Action`]; it is compiled and tested natively, and the browser only wraps it
//! (`ui::app`, a thin `yew::Reducible`).

mod edited;
pub mod import;
pub mod kept;
pub mod library;
pub mod life;
pub mod optimiser;
mod optimising;
pub mod plan;
pub mod predicting;
pub mod rollup;
mod session;
mod start;
pub mod stories;
pub mod training;
pub mod workshop;

use std::rc::Rc;

pub use edited::Edited;
pub use import::{ImportChoice, ImportOutcome, ImportReport, PendingImport};
pub use kept::KeptPlans;
pub use library::Library;
pub use life::{Life, LifeAction};
pub use optimiser::{
    GoalChoice, LeverSetting, Optimisation, OptimiseJob, OptimiserAction, OptimiserPanel, Running,
    SensitivityAction, SensitivityPanel, SensitivityResult,
};
pub use plan::{Computed, FieldId, Origin, Plan, PlanKind, Uncertain};
pub use predicting::Predicting;
pub use rollup::{RollUpAction, RollUpState};
pub use session::{Dialog, Notice, Session, ShownInstead, UndoHint, View};
pub use start::{Autosave, SetAside, Stored, StoredEntry, StoredView, Unreadable};
pub use stories::StoryShelf;
pub use training::{Callout, Change, CompareSource, Overlay, Presenter, StoryPlace};
pub use workshop::{LoadedFile, ParticipantUse, Workshop, WorkshopAction};

use crate::presets::{self, Preset};
use crate::share::save::SavedPlan;
use crate::share::{OpenedLink, PlanSpec};
use crate::Lang;
use swplan_engine::montecarlo::{Settings, Summary};
use swplan_engine::Target;

#[derive(Clone, Debug)]
pub struct State {
    pub session: Session,
    /// The open plans (the working plan first); never empty.
    pub plans: Vec<Plan>,
    /// Index of the plan being edited.
    pub active: usize,
    /// Counter for plan ids and result generations, unique for the life of the page.
    counter: u64,
    /// Bumped by every action: the cheap equality that tells the UI something changed.
    version: u64,
}

/// What a user (or a background computation) asks for.
#[derive(Clone, Debug)]
pub enum Action {
    SetLang(Lang),
    /// Start the active plan over from a preset (undoable).
    LoadPreset(&'static str),
    /// Start the active plan over from the blank template of a new region (undoable).
    NewRegion(Rc<swplan_engine::Scenario>),
    /// Set a parameter (model units), as one undo step. A schedule that varies by year is left
    /// alone: replacing it takes [`Action::ReplaceSchedule`].
    SetValue {
        key: &'static str,
        value: f64,
    },
    /// The same from a slider being dragged: the steps of one drag are one undo step.
    DragValue {
        key: &'static str,
        value: f64,
    },
    /// The slider is let go: the next drag is a new undo step.
    EndDrag,
    /// Replace a schedule by one value for every year; undoable, and the user is told so.
    ReplaceSchedule {
        key: &'static str,
        value: f64,
    },
    /// One year of a schedule (`index` 0 is the first simulated year), in model units.
    SetYear {
        key: &'static str,
        index: usize,
        value: f64,
    },
    /// Text that is not a number was committed into a field.
    SetDraft {
        field: FieldId,
        text: String,
    },
    /// The field went back to its value (Esc, or a valid value was committed).
    ClearDraft(FieldId),
    /// Back to the baseline's value (`certified_total`: the baseline's certified stocks).
    ResetParam {
        key: &'static str,
    },
    /// Certified social workers entered as a total with its split, or (`None`) level by level
    /// again; undoable.
    SetCertifiedTotal(Option<swplan_engine::CertifiedTotal>),
    /// Where the planner says a value comes from (a parameter's key, or `certified_total`);
    /// `None` removes it. Changes no number; undoable.
    SetPlannerSource {
        key: &'static str,
        source: Option<swplan_engine::PlannerSource>,
    },
    SetEndYear(i32),
    SetBaseYear(i32),
    SetRegionName(String),
    SetPlanName(Option<String>),
    AddTarget(Target),
    RemoveTarget(usize),
    SetTarget {
        index: usize,
        target: Target,
    },
    RestoreTargets,
    Undo,
    Redo,
    SetRuns(usize),
    SetSeed(u64),
    OpenSchedule(Option<&'static str>),
    SetView(View),
    McProgress {
        plan: u64,
        generation: u64,
        done: usize,
    },
    McDone {
        plan: u64,
        generation: u64,
        summary: Rc<Summary>,
    },
    Notify(Notice),
    DismissNotice(usize),
    DismissUndoHint,
    /// Open a plan (a file's) in place of the active one (undoable); unsaved work it replaces
    /// is kept aside, stamped `now`.
    OpenSpec {
        spec: Box<PlanSpec>,
        now: String,
    },
    /// Open what a link holds in place of the active plan (undoable), saying what it could
    /// not read; unsaved work it replaces is kept aside, stamped `now`.
    OpenLink {
        opened: Box<OpenedLink>,
        now: String,
    },
    OpenDialog(Dialog),
    CloseDialog,
    /// Open the manual at a topic (over any dialog, which it closes), or move it there.
    OpenHelp(crate::help::HelpTopic),
    /// Close the manual: the page is as it was.
    CloseHelp,
    /// Whether the browser stores anything.
    SetStorageAvailable(bool),
    /// The saves as stored (at start, or changed by another tab).
    LibraryFromStorage(Vec<SavedPlan>),
    /// Save the active plan under a new name (`id` and `now` from the caller).
    SaveAs {
        id: String,
        name: String,
        now: String,
    },
    /// Save the active plan over the save it came from.
    SaveOver {
        now: String,
    },
    /// Open a save in place of the active plan (undoable); unsaved work it replaces is kept
    /// aside, stamped `now`.
    OpenSave {
        id: String,
        now: String,
    },
    RenameSave {
        id: String,
        name: String,
        now: String,
    },
    DuplicateSave {
        id: String,
        new_id: String,
        name: String,
        now: String,
    },
    DeleteSave(String),
    RestoreSave,
    /// Add plans to the comparison (up to four).
    AddToCompare(CompareSource),
    /// Edit another plan of the comparison.
    SetActivePlan(usize),
    RemovePlan(usize),
    RestorePlan,
    ToggleBaseline,
    EnterPresenter,
    ExitPresenter,
    PresenterNext,
    PresenterBack,
    /// Home / End: the start or the end of the story (or the first or last year).
    PresenterFirst,
    PresenterLast,
    /// Q / B: the QR code full size, or a blank screen (again: away).
    ToggleOverlay(Overlay),
    TogglePlay,
    /// One second of playback.
    Tick,
    SetPlaybackYear(i32),
    /// Show or hide a lever on the presenter's screen.
    TogglePresenterLever(&'static str),
    /// Open a story (a built-in one, or a recorded one from a link or file) at a step.
    OpenStory {
        story: Rc<crate::story::Story>,
        step: usize,
    },
    /// Start recording a story from the active plan, titled (zh, en) until the trainer names it.
    StartRecording {
        title: [String; 2],
    },
    /// Capture the changes since the last step, with a caption.
    RecordStep {
        caption: String,
        caption_en: String,
        highlight: Option<String>,
        question: Option<(String, String)>,
    },
    UndoRecordedStep,
    /// End the recording: a story with steps is kept beside the saves under `id`, at `now`.
    StopRecording {
        id: String,
        now: String,
    },
    SetRecordingTitle(String),
    /// What the story is about, read before its first step (one text for both languages).
    SetRecordingIntro(String),
    /// The recorded stories as stored (changed by another tab).
    StoriesFromStorage(Vec<crate::story::kept::KeptStory>),
    RenameStory {
        id: String,
        title: String,
        now: String,
    },
    /// Delete a recorded story, offering undo.
    DeleteStory(String),
    RestoreStory,
    /// Put the workshop's pooled result on the presenter's screen, or take it away (the
    /// presenter opens if it is closed).
    TogglePresentPool,
    /// Compute the active plan with the current model reading (undoable).
    UseCurrentModel,
    /// The trainer pools a workshop's links and files.
    Workshop(WorkshopAction),
    /// The cheapest plan: the optimiser's form, its run and its answer (apply, pin).
    Optimiser(OptimiserAction),
    /// Which lever matters most: the sensitivity analysis and its run.
    Sensitivity(SensitivityAction),
    /// One participant of the pool (by index): their plan opened in place of the active one
    /// (undoable; unsaved work kept aside, stamped `now`), added to the comparison, or
    /// presented (the plan on screen comes back when the presenter closes).
    UseParticipant {
        index: usize,
        to: ParticipantUse,
        now: String,
    },
    /// On a participant's phone: the choice picked for the story question (from 0).
    Predict(usize),
    /// The phone leaves the question for the plan of the step.
    ClosePrediction,
    /// Bring back a plan kept aside, in place of the active one (undoable); unsaved work it
    /// replaces is kept aside in turn, stamped `now`.
    RestoreKept {
        id: String,
        now: String,
    },
    /// The planner no longer needs a plan kept aside.
    DismissKept(String),
    /// The plans kept aside as stored (changed by another tab).
    KeptFromStorage(Vec<SavedPlan>),
    /// Stored data set aside as unreadable was deleted by the planner (the page removed it).
    ForgetSetAside(String),
    /// A file chosen for import could not be read at all.
    ImportFailed(crate::share::save::SaveError),
    /// What to do with a file's plans that are already in the saves.
    ResolveImport(ImportChoice),
    /// Actual figures, re-projection, calibration and back-test of the plan on screen.
    Life(LifeAction),
    /// A province rolled up from its cities.
    RollUp(RollUpAction),
    /// Plans read from a file, and what was refused. Plans already in the saves wait for the
    /// planner's choice ([`Action::ResolveImport`]).
    Import {
        plans: Vec<SavedPlan>,
        rejected: Vec<crate::share::save::RejectedPlan>,
    },
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
    }
}

impl State {
    /// The app on a preset, in a language.
    pub fn new(preset: &'static Preset, lang: Lang) -> State {
        State {
            session: Session::new(lang),
            plans: vec![Plan::from_preset(1, preset, 1)],
            active: 0,
            counter: 1,
            version: 0,
        }
    }

    /// The app on one plan (the autosave).
    pub fn from_spec(spec: &PlanSpec, lang: Lang) -> State {
        let mut state = State::with_plans(Vec::new(), lang, spec.mc);
        let (id, generation) = (state.fresh_number(), state.fresh_number());
        state.plans = vec![Plan::from_spec(id, spec, generation)];
        state.notice_reading();
        state
    }

    /// The app on what a link holds, saying what it could not read.
    pub fn from_link(opened: &OpenedLink, lang: Lang) -> State {
        let mut state =
            State::with_plans(Vec::new(), opened.lang.unwrap_or(lang), Settings::default());
        state.session.mc = opened.plans.first().map_or(Settings::default(), |p| p.mc);
        state.plans = opened
            .plans
            .iter()
            .enumerate()
            .map(|(index, spec)| {
                let id = state.fresh_number();
                let generation = state.fresh_number();
                let mut plan = Plan::from_spec(id, spec, generation);
                plan.opened_as = Some(Rc::new(spec.clone()));
                // A compared plan that is its origin, unnamed and unchanged, is the baseline
                // (links carry it so): recognised by what it is, not by a name.
                if index > 0 && plan.name.is_none() && !plan.is_edited_from_baseline() {
                    plan.kind = PlanKind::Baseline;
                }
                plan
            })
            .collect();
        if state.plans.is_empty() {
            let id = state.fresh_number();
            let generation = state.fresh_number();
            state
                .plans
                .push(Plan::from_preset(id, presets::default_preset(), generation));
        }
        if opened.rollup.is_some() {
            // The cities are the roll-up's: the first is the plan on screen.
            state.plans.truncate(1);
            state.open_rollup_link(opened);
        }
        state.notify_link(opened);
        state.notice_reading();
        state
    }

    /// The save the active plan came from, if it is still in the list, and whether the plan
    /// has changed since (so "save" has something to do).
    pub fn current_save(&self) -> Option<(&SavedPlan, bool)> {
        let plan = self.plan();
        let saved = self.session.library.get(plan.save_id.as_deref()?)?;
        // By meaning: a plan reopened through its link (a reload) has its schedules in the
        // link's shorter form, and is the save unchanged.
        let changed = !crate::share::same_numbers(&saved.plan(), &plan.to_spec(self.session.mc));
        Some((saved, changed))
    }

    /// Whether the plan on screen holds work that nothing else keeps — no save, and not the
    /// link it was opened from: opening another plan over it keeps it aside, and says how to
    /// get it back (undo).
    pub fn has_unsaved_edits(&self) -> bool {
        if let Some((_, changed)) = self.current_save() {
            return changed;
        }
        let plan = self.plan();
        match &plan.opened_as {
            Some(opened) => !crate::share::same_numbers(opened, &plan.to_spec(self.session.mc)),
            None => plan.is_edited_from_baseline(),
        }
    }

    /// Puts another plan in place of the active one, as one undoable step. Work the active
    /// plan holds that nothing else keeps is kept aside (stamped `now`) and offered by undo.
    fn open_over(&mut self, spec: &PlanSpec, save_id: Option<String>, now: &str, generation: u64) {
        if self.has_unsaved_edits() {
            self.session.undo_hint = Some(UndoHint::OpenedOver {
                name: spec.name.clone(),
                region: spec.scenario.name.clone(),
            });
            let replaced = self.plan().to_spec(self.session.mc);
            let id = self.kept_id(now);
            self.session.kept.keep(replaced, &id, now);
        }
        self.plan_mut().replace_with(spec, generation);
        self.plan_mut().save_id = save_id;
        self.set_mc(spec.mc);
    }

    /// The plans that were the save `id`, just deleted, are no longer saved: they keep their
    /// numbers but lose the link and the save's name, so nothing on screen (the header, the
    /// name box) names a save that no longer exists. Returns their ids, for "restore".
    fn unlink_save(&mut self, id: &str) -> Vec<u64> {
        self.plans
            .iter_mut()
            .filter(|plan| plan.save_id.as_deref() == Some(id))
            .map(|plan| {
                plan.save_id = None;
                plan.name = None;
                plan.id
            })
            .collect()
    }

    /// An id for a plan kept aside, unique across this browser's pages in practice.
    fn kept_id(&mut self, now: &str) -> String {
        format!("kept-{now}-{}", self.fresh_number())
    }

    /// After a reload: the autosaved plan came from the save `id`, if it is still in the list
    /// (so "save" writes back to it, and the saves list marks it as the one on screen).
    pub fn restore_save_link(&mut self, id: &str) {
        if self.session.library.get(id).is_some() {
            self.plan_mut().save_id = Some(id.to_string());
        }
    }

    /// Says so when the plan on screen was computed with an earlier model reading.
    fn notice_reading(&mut self) {
        if self.plan().scenario.model < swplan_engine::scenario::MODEL_VERSION {
            self.session.notify(Notice::OlderModel);
        } else {
            self.session.notices.retain(|n| *n != Notice::OlderModel);
        }
    }

    fn notify_link(&mut self, opened: &OpenedLink) {
        if !opened.problems.is_empty() || !opened.notices.is_empty() {
            self.session.notify(Notice::LinkOpened {
                problems: opened.problems.clone(),
                notices: opened.notices.clone(),
            });
        }
    }

    /// The app on given plans (a link, a save), the first one active.
    pub fn with_plans(plans: Vec<Plan>, lang: Lang, mc: Settings) -> State {
        let counter = plans
            .iter()
            .map(|p| p.id.max(p.generation))
            .max()
            .unwrap_or(0);
        let mut state = State {
            session: Session::new(lang),
            plans,
            active: 0,
            counter,
            version: 0,
        };
        state.session.mc = mc;
        if state.plans.is_empty() {
            let id = state.fresh_number();
            let generation = state.fresh_number();
            state
                .plans
                .push(Plan::from_preset(id, presets::default_preset(), generation));
        }
        state
    }

    /// The plan being edited.
    pub fn plan(&self) -> &Plan {
        // Cannot fail: `plans` is never empty and `active` always indexes it.
        &self.plans[self.active]
    }

    fn plan_mut(&mut self) -> &mut Plan {
        &mut self.plans[self.active]
    }

    /// A fresh id or generation number.
    pub fn fresh_number(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }

    /// Takes the Monte Carlo settings of a plan opened: odds drawn with other runs or another
    /// seed are not shown as its odds.
    fn set_mc(&mut self, mc: Settings) {
        if self.session.mc != mc {
            self.session.mc = mc;
            self.restart_uncertainty();
        }
    }

    /// Whether an action would change nothing on screen: a Monte Carlo result or progress for
    /// a result that is no longer shown. The page skips rendering for these.
    pub fn is_stale(&self, action: &Action) -> bool {
        match action {
            Action::McProgress {
                plan, generation, ..
            }
            | Action::McDone {
                plan, generation, ..
            } => !self
                .plans
                .iter()
                .any(|p| p.id == *plan && p.generation == *generation),
            Action::Optimiser(OptimiserAction::Progress { ticket, .. }) => self
                .session
                .optimiser
                .running
                .as_ref()
                .is_none_or(|r| r.ticket != *ticket),
            Action::Sensitivity(SensitivityAction::Progress { ticket, .. }) => self
                .session
                .sensitivity
                .running
                .as_ref()
                .is_none_or(|r| r.ticket != *ticket),
            _ => false,
        }
    }

    /// Applies an action in place.
    pub fn apply(&mut self, action: Action) {
        self.version += 1;
        let generation = self.fresh_number();
        if starts_something_new(&action) {
            // What the last action offered (its undo, an import's outcome) is about that action,
            // not this one: "undo" would now undo something else.
            self.session.undo_hint = None;
            self.session.import = None;
        }
        // Actions that may put a plan of another model reading on screen.
        let reading_may_change = matches!(
            action,
            Action::OpenSpec { .. }
                | Action::OpenLink { .. }
                | Action::UseParticipant { .. }
                | Action::OpenSave { .. }
                | Action::RestoreKept { .. }
                | Action::LoadPreset(_)
                | Action::NewRegion(_)
                | Action::Undo
                | Action::Redo
                | Action::SetActivePlan(_)
                | Action::RestorePlan
                | Action::ExitPresenter
        );
        self.apply_action(action, generation);
        if reading_may_change {
            self.notice_reading();
        }
    }

    fn apply_action(&mut self, action: Action, generation: u64) {
        match action {
            Action::SetLang(lang) => self.session.lang = lang,
            Action::LoadPreset(slug) => {
                if let Some(preset) = presets::by_slug(slug) {
                    let origin = Origin::Preset {
                        slug: preset.slug.to_string(),
                        data_version: preset.data_version,
                    };
                    let baseline = Rc::new(preset.scenario.clone());
                    let edited = self.plan().is_edited();
                    self.plan_mut().restart(origin, baseline, generation);
                    self.session.schedule_open = None;
                    self.session.undo_hint = edited.then_some(UndoHint::StartedOver);
                }
            }
            Action::NewRegion(baseline) => {
                let edited = self.plan().is_edited();
                self.plan_mut()
                    .restart(Origin::Custom, baseline, generation);
                self.session.schedule_open = None;
                self.session.undo_hint = edited.then_some(UndoHint::StartedOver);
            }
            Action::SetValue { key, value } => {
                self.plan_mut().set_value(key, value, false, generation);
            }
            Action::DragValue { key, value } => {
                self.plan_mut().set_value(key, value, true, generation);
            }
            Action::EndDrag => self.plan_mut().end_drag(),
            Action::ReplaceSchedule { key, value } => {
                self.plan_mut().replace_schedule(key, value, generation);
                self.session.undo_hint = Some(UndoHint::ScheduleReplaced { key });
            }
            Action::SetYear { key, index, value } => {
                self.plan_mut().set_year(key, index, value, generation)
            }
            Action::SetDraft { field, text } => self.plan_mut().set_draft(field, text),
            Action::ClearDraft(field) => self.plan_mut().clear_draft(field),
            Action::ResetParam { key } => self.plan_mut().reset_param(key, generation),
            Action::SetCertifiedTotal(total) => {
                self.plan_mut().set_certified_total(total, generation)
            }
            Action::SetPlannerSource { key, source } => {
                self.plan_mut().set_planner_source(key, source)
            }
            Action::SetEndYear(year) => self.plan_mut().set_end_year(year, generation),
            Action::SetBaseYear(year) => self.plan_mut().set_base_year(year, generation),
            Action::SetRegionName(name) => self.plan_mut().set_region_name(name, generation),
            Action::SetPlanName(name) => self.plan_mut().set_plan_name(name),
            Action::AddTarget(target) => self.plan_mut().add_target(target, generation),
            Action::RemoveTarget(index) => {
                if let Some(target) = self.plan().scenario.targets.get(index) {
                    let metric = target.metric;
                    self.plan_mut().remove_target(index, generation);
                    self.session.undo_hint = Some(UndoHint::TargetRemoved { metric });
                }
            }
            Action::SetTarget { index, target } => {
                self.plan_mut().set_target(index, target, generation)
            }
            Action::RestoreTargets => self.plan_mut().restore_targets(generation),
            Action::Undo => {
                self.plan_mut().undo(generation);
                self.session.undo_hint = None;
                // Back on screen: no longer kept aside (it was, if a plan was opened over it).
                let plan = self.plan().to_spec(self.session.mc);
                self.session.kept.forget_if_newest(&plan);
            }
            Action::Redo => self.plan_mut().redo(generation),
            Action::SetRuns(runs) => {
                self.session.mc = Settings::clamped(runs, self.session.mc.seed);
                self.restart_uncertainty();
            }
            Action::SetSeed(seed) => {
                self.session.mc.seed = seed;
                self.restart_uncertainty();
            }
            Action::OpenSchedule(key) => self.session.schedule_open = key,
            Action::SetView(view) => self.session.view = view,
            Action::McProgress {
                plan,
                generation,
                done,
            } => {
                if let Some(p) = self.plan_by_id(plan, generation) {
                    if let Uncertain::Running { done: slot, .. } = &mut p.uncertain {
                        *slot = done;
                    }
                }
            }
            Action::McDone {
                plan,
                generation,
                summary,
            } => {
                if let Some(p) = self.plan_by_id(plan, generation) {
                    p.uncertain = Uncertain::Done(summary);
                }
            }
            Action::Notify(notice) => self.session.notify(notice),
            Action::DismissNotice(index) => {
                if index < self.session.notices.len() {
                    self.session.notices.remove(index);
                }
            }
            Action::DismissUndoHint => self.session.undo_hint = None,
            Action::OpenSpec { spec, now } => self.open_over(&spec, None, &now, generation),
            Action::OpenLink { opened, now } => {
                if let Some(spec) = opened.plans.first() {
                    self.open_over(spec, None, &now, generation);
                    self.plan_mut().opened_as = Some(Rc::new(spec.clone()));
                }
                self.open_rollup_link(&opened);
                if let Some(lang) = opened.lang {
                    self.session.lang = lang;
                }
                // What an earlier link could not give is no longer about the plan on screen.
                self.session
                    .notices
                    .retain(|n| !matches!(n, Notice::LinkOpened { .. }));
                self.notify_link(&opened);
            }
            Action::OpenDialog(dialog) => {
                self.session.record_error = None;
                self.session.import = None;
                self.session.dialog = Some(dialog);
            }
            Action::CloseDialog => {
                self.session.record_error = None;
                self.session.import = None;
                self.session.dialog = None;
            }
            Action::OpenHelp(topic) => {
                self.session.dialog = None;
                self.session.help = Some(topic);
            }
            Action::CloseHelp => self.session.help = None,
            Action::SetStorageAvailable(available) => {
                self.session.library.available = available;
                if !available {
                    self.session.notify(Notice::StorageUnavailable);
                }
            }
            Action::LibraryFromStorage(saves) => self.session.library.replace_from_storage(saves),
            Action::SaveAs { id, name, now } => {
                self.plan_mut().set_plan_name(Some(name));
                let spec = self.plan().to_spec(self.session.mc);
                self.session
                    .library
                    .add(SavedPlan::new(&id, spec, &now, &now));
                self.plan_mut().save_id = Some(id);
            }
            Action::SaveOver { now } => {
                let spec = self.plan().to_spec(self.session.mc);
                let saved = self
                    .plan()
                    .save_id
                    .clone()
                    .is_some_and(|id| self.session.library.update(&id, spec, &now));
                if !saved {
                    self.plan_mut().save_id = None;
                }
            }
            Action::OpenSave { id, now } => {
                if let Some(spec) = self.session.library.get(&id).map(SavedPlan::plan) {
                    self.open_over(&spec, Some(id), &now, generation);
                    self.session.dialog = None;
                }
            }
            Action::RestoreKept { id, now } => {
                if let Some(kept) = self.session.kept.remove(&id) {
                    self.open_over(&kept.plan(), None, &now, generation);
                }
            }
            Action::DismissKept(id) => {
                self.session.kept.remove(&id);
            }
            Action::KeptFromStorage(plans) => self.session.kept.replace_from_storage(plans),
            Action::ForgetSetAside(key) => {
                self.session
                    .library
                    .set_aside
                    .retain(|aside| aside.key != key);
                self.session
                    .notices
                    .retain(|n| !matches!(n, Notice::StorageSetAside { key: k, .. } if *k == key));
            }
            Action::RenameSave { id, name, now } => {
                self.session.library.rename(&id, &name, &now);
                if self.plan().save_id.as_deref() == Some(id.as_str()) {
                    self.plan_mut().set_plan_name(Some(name));
                }
            }
            Action::DuplicateSave {
                id,
                new_id,
                name,
                now,
            } => self.session.library.duplicate(&id, &new_id, &name, &now),
            Action::DeleteSave(id) => {
                if let Some((index, save)) = self.session.library.remove(&id) {
                    let unlinked = self.unlink_save(&id);
                    self.session.undo_hint = Some(UndoHint::SaveDeleted {
                        index,
                        save: Box::new(save),
                        unlinked,
                    });
                }
            }
            Action::RestoreSave => {
                if let Some(UndoHint::SaveDeleted {
                    index,
                    save,
                    unlinked,
                }) = self.session.undo_hint.take()
                {
                    for plan in self.plans.iter_mut() {
                        if unlinked.contains(&plan.id) && plan.save_id.is_none() {
                            plan.save_id = Some(save.id.clone());
                            plan.name = save.name.clone();
                        }
                    }
                    self.session.library.restore(index, *save);
                }
            }
            Action::AddToCompare(source) => {
                self.add_to_compare(source);
            }
            Action::SetActivePlan(index) => {
                if index < self.plans.len() {
                    self.active = index;
                    self.session.schedule_open = None;
                }
            }
            Action::RemovePlan(index) => self.remove_plan(index),
            Action::RestorePlan => self.restore_plan(),
            Action::ToggleBaseline => self.session.show_baseline = !self.session.show_baseline,
            Action::EnterPresenter => self.enter_presenter(),
            Action::ExitPresenter => self.exit_presenter(generation),
            Action::PresenterNext => self.presenter_next(generation),
            Action::PresenterBack => self.presenter_back(generation),
            Action::PresenterFirst => self.presenter_jump(false, generation),
            Action::PresenterLast => self.presenter_jump(true, generation),
            Action::ToggleOverlay(overlay) => self.toggle_overlay(overlay),
            Action::TogglePlay => self.toggle_play(),
            Action::Tick => self.tick(),
            Action::SetPlaybackYear(year) => {
                let s = &self.plan().computed.scenario;
                let year = year.clamp(s.base_year, s.end_year);
                if let Some(presenter) = &mut self.session.presenter {
                    presenter.year = year;
                    presenter.playing = false;
                }
            }
            Action::TogglePresenterLever(key) => {
                if let Some(presenter) = &mut self.session.presenter {
                    if let Some(i) = presenter.levers.iter().position(|k| *k == key) {
                        presenter.levers.remove(i);
                    } else {
                        presenter.levers.push(key);
                    }
                }
            }
            Action::OpenStory { story, step } => {
                self.session.dialog = None;
                self.open_story(story, step, generation);
            }
            Action::StartRecording { title } => self.start_recording(title),
            Action::RecordStep {
                caption,
                caption_en,
                highlight,
                question,
            } => {
                let current = self.plan().computed.scenario.clone();
                if let Some(recorder) = &mut self.session.recording {
                    let question = question.as_ref().map(|(zh, en)| (zh.as_str(), en.as_str()));
                    // A step that cannot be added says why, and the dialog stays open with
                    // what the trainer wrote.
                    match recorder.add_step(
                        &current,
                        &caption,
                        &caption_en,
                        highlight.as_deref(),
                        question,
                    ) {
                        Ok(_) => {
                            self.session.record_error = None;
                            self.session.dialog = None;
                        }
                        Err(error) => self.session.record_error = Some(error),
                    }
                }
            }
            Action::UndoRecordedStep => {
                if let Some(recorder) = &mut self.session.recording {
                    recorder.undo_step();
                }
            }
            Action::StopRecording { id, now } => {
                if let Some(recorder) = self.session.recording.take() {
                    let steps = recorder.steps().len();
                    if steps > 0 {
                        self.session.stories.add(&id, recorder.story(), &now);
                        self.session.notify(Notice::StoryRecorded { steps });
                    }
                }
            }
            Action::SetRecordingIntro(intro) => {
                if let Some(recorder) = &mut self.session.recording {
                    let intro = intro.trim();
                    recorder.intro = intro.to_string();
                    recorder.intro_en = intro.to_string();
                }
            }
            Action::StoriesFromStorage(stories) => {
                self.session.stories.replace_from_storage(stories)
            }
            Action::RenameStory { id, title, now } => {
                self.session.stories.rename(&id, &title, &now)
            }
            Action::DeleteStory(id) => {
                if let Some((index, story)) = self.session.stories.remove(&id) {
                    self.session.undo_hint = Some(UndoHint::StoryDeleted {
                        index,
                        story: Box::new(story),
                    });
                }
            }
            Action::RestoreStory => {
                if let Some(UndoHint::StoryDeleted { index, story }) = self.session.undo_hint.take()
                {
                    self.session.stories.restore(index, *story);
                }
            }
            Action::TogglePresentPool => self.toggle_present_pool(),
            Action::SetRecordingTitle(title) => {
                if let Some(recorder) = &mut self.session.recording {
                    let title = title.trim();
                    if !title.is_empty() {
                        recorder.title = title.to_string();
                        recorder.title_en = title.to_string();
                    }
                }
            }
            Action::Workshop(action) => self.session.workshop.apply(action),
            Action::Optimiser(action) => self.apply_optimiser(action, generation),
            Action::Sensitivity(action) => self.apply_sensitivity(action),
            Action::Life(action) => self.apply_life(action, generation),
            Action::RollUp(action) => self.apply_rollup(action),
            Action::UseParticipant { index, to, now } => {
                self.use_participant(index, to, &now, generation)
            }
            Action::Predict(choice) => self.predict(choice),
            Action::ClosePrediction => self.session.predicting = None,
            Action::UseCurrentModel => {
                self.plan_mut().use_current_model(generation);
                self.session.notices.retain(|n| *n != Notice::OlderModel);
            }
            Action::Import { plans, rejected } => {
                let duplicates = import::duplicates(&self.session.library, &plans);
                let pending = PendingImport {
                    plans,
                    rejected,
                    duplicates,
                };
                self.session.import = Some(if pending.duplicates.is_empty() {
                    let report = import::apply(
                        &mut self.session.library,
                        pending,
                        ImportChoice::Skip,
                        self.session.lang,
                    );
                    ImportOutcome::Done(report)
                } else {
                    ImportOutcome::Asking(pending)
                });
            }
            Action::ImportFailed(error) => {
                self.session.import = Some(ImportOutcome::Failed(error));
            }
            Action::ResolveImport(choice) => {
                if let Some(ImportOutcome::Asking(pending)) = self.session.import.take() {
                    let report = import::apply(
                        &mut self.session.library,
                        pending,
                        choice,
                        self.session.lang,
                    );
                    self.session.import = Some(ImportOutcome::Done(report));
                }
            }
        }
    }

    /// The plan with this id, if its result is still of this generation (a stale Monte Carlo
    /// result is dropped).
    fn plan_by_id(&mut self, id: u64, generation: u64) -> Option<&mut Plan> {
        self.plans
            .iter_mut()
            .find(|p| p.id == id && p.generation == generation)
    }

    fn restart_uncertainty(&mut self) {
        for i in 0..self.plans.len() {
            let generation = self.fresh_number();
            self.plans[i].restart_uncertainty(generation);
        }
    }
}

/// Whether an action is the planner starting something new — an edit, a save, opening or
/// importing — rather than looking (language, view, dialogs), answering what is on screen (undo,
/// an import's choice) or the page reporting (results, storage).
fn starts_something_new(action: &Action) -> bool {
    use Action as A;
    matches!(
        action,
        A::LoadPreset(_)
            | A::NewRegion(_)
            | A::SetValue { .. }
            | A::ReplaceSchedule { .. }
            | A::SetYear { .. }
            | A::ResetParam { .. }
            | A::SetEndYear(_)
            | A::SetBaseYear(_)
            | A::SetRegionName(_)
            | A::SetPlanName(_)
            | A::AddTarget(_)
            | A::RemoveTarget(_)
            | A::SetTarget { .. }
            | A::RestoreTargets
            | A::SetRuns(_)
            | A::SetSeed(_)
            | A::OpenSpec { .. }
            | A::OpenLink { .. }
            | A::SaveAs { .. }
            | A::SaveOver { .. }
            | A::OpenSave { .. }
            | A::RenameSave { .. }
            | A::DuplicateSave { .. }
            | A::DeleteSave(_)
            | A::RenameStory { .. }
            | A::DeleteStory(_)
            | A::RestoreKept { .. }
            | A::AddToCompare(_)
            | A::UseParticipant { .. }
            | A::RemovePlan(_)
            | A::UseCurrentModel
            | A::Import { .. }
            | A::ImportFailed(_)
            | A::DragValue { .. }
            | A::Optimiser(OptimiserAction::Apply | OptimiserAction::Pin { .. })
    ) || matches!(action, A::Life(life) if life.edits_plan())
}

#[cfg(test)]
mod tests;
