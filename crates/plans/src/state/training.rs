//! Compare and train, as state: up to four plans side by side (one of them edited), the
//! preset's baseline as a faint line, and the presenter — year-by-year playback, a guided story
//! stepped with "predict first", and a story being recorded. Plain data and methods on
//! [`State`], tested natively; the page draws it and sends actions.

use std::rc::Rc;

use super::plan::{baseline_of, Plan, PlanKind};
use super::{State, UndoHint};
use crate::chart::Chart;
use crate::share::{OpenedLink, PlanSpec, MAX_PLANS};
use crate::story::{Highlight, Recorder, StepContext, Story};
use swplan_engine::Scenario;

/// The presenter on a projector.
#[derive(Clone, Debug, PartialEq)]
pub struct Presenter {
    /// The year the charts and verdicts are shown as of (playback).
    pub year: i32,
    /// Whether the years advance by themselves (one a second).
    pub playing: bool,
    /// The story being told, if any.
    pub story: Option<StoryPlace>,
    /// The levers the trainer keeps on screen (the story's, or picked).
    pub levers: Vec<&'static str>,
    /// The plan on screen before a story replaced it, put back when the presenter closes.
    pub before_story: Option<Box<PlanSpec>>,
}

impl Presenter {
    /// The two charts a step shows: the highlighted one (or the one of a highlighted target)
    /// and, in a story, the budget beside it (what the step's decision costs, which stories ask
    /// about); without a story, talent and the chart of the plan's first other target.
    pub fn charts(&self, scenario: &Scenario) -> [Chart; 2] {
        let highlighted = self
            .story
            .as_ref()
            .and_then(|place| place.story.steps().get(place.step)?.highlighted());
        let first = match highlighted {
            Some(Highlight::Chart(chart)) => chart,
            Some(Highlight::Target(metric)) => Chart::of_metric(metric).unwrap_or(Chart::Talent),
            None => Chart::Talent,
        };
        let other = match first {
            Chart::Budget => Chart::Talent,
            _ => Chart::Budget,
        };
        if highlighted.is_some() {
            return [first, other];
        }
        let second = scenario
            .targets
            .iter()
            .filter_map(|t| Chart::of_metric(t.metric))
            .find(|c| *c != first)
            .unwrap_or(other);
        [first, second]
    }
}

/// Where a story is: its step, and whether the step's result is revealed (a step with a
/// question shows the question first, so the room predicts before it sees).
#[derive(Clone, Debug, PartialEq)]
pub struct StoryPlace {
    pub story: Rc<Story>,
    pub step: usize,
    pub revealed: bool,
    /// The step against the one before: what it changes, where the plan stood (computed when
    /// the step opens, not when it is drawn).
    pub context: Rc<StepContext>,
}

impl StoryPlace {
    /// Whether the step's result is hidden behind its question.
    pub fn asking(&self) -> bool {
        !self.revealed
            && self
                .story
                .steps()
                .get(self.step)
                .is_some_and(|s| s.question.is_some())
    }
}

/// What can be added to a comparison.
#[derive(Clone, Debug)]
pub enum CompareSource {
    /// A copy of the plan being edited, which becomes the one edited.
    Copy,
    /// The preset's baseline ("no new decisions") of the plan being edited.
    Baseline,
    /// A named save.
    Save(String),
    /// The plans of a link (pasted in).
    Link(Box<OpenedLink>),
}

/// The levers a presenter shows by default: those that drive the plan's targets (the natural
/// one of each), else hiring.
pub fn default_levers(plan: &Plan) -> Vec<&'static str> {
    let mut levers: Vec<&'static str> = Vec::new();
    for target in &plan.scenario.targets {
        if let Some(lever) = swplan_engine::seek::natural_lever(target.metric) {
            if !levers.contains(&lever) {
                levers.push(lever);
            }
        }
    }
    if levers.is_empty() {
        levers.push("hires");
    }
    levers.truncate(4);
    levers
}

impl State {
    /// Whether the comparison already holds the active plan's baseline, unedited: adding it
    /// again would only take a place.
    pub fn has_baseline_plan(&self) -> bool {
        let origin = &self.plan().origin;
        self.plans.iter().any(|p| {
            p.origin == *origin && p.kind == PlanKind::Baseline && !p.is_edited_from_baseline()
        })
    }

    /// Adds plans to the comparison (up to four in all). Returns how many were added.
    pub(super) fn add_to_compare(&mut self, source: CompareSource) -> usize {
        let room = MAX_PLANS.saturating_sub(self.plans.len());
        let is_copy = matches!(source, CompareSource::Copy);
        let is_baseline = matches!(source, CompareSource::Baseline);
        let specs: Vec<PlanSpec> = match source {
            CompareSource::Copy => vec![self.plan().to_spec(self.session.mc)],
            CompareSource::Baseline => {
                let mut scenario = baseline_of(&self.plan().origin);
                scenario.sources.clear();
                vec![PlanSpec {
                    name: None,
                    origin: self.plan().origin.clone(),
                    scenario,
                    mc: self.session.mc,
                }]
            }
            CompareSource::Save(id) => self
                .session
                .library
                .get(&id)
                .map(|s| vec![s.plan()])
                .unwrap_or_default(),
            CompareSource::Link(opened) => opened.plans.clone(),
        };
        let added = specs.len().min(room);
        let kind = match is_baseline {
            true => PlanKind::Baseline,
            false => PlanKind::Own,
        };
        for spec in specs.into_iter().take(room) {
            let (id, generation) = (self.fresh_number(), self.fresh_number());
            let mut plan = Plan::from_spec(id, &spec, generation);
            plan.kind = kind;
            self.plans.push(plan);
        }
        // A copy is made to be changed: edit it, leaving the original as it was.
        if is_copy && added == 1 {
            self.active = self.plans.len() - 1;
        }
        added
    }

    /// Removes a plan from the comparison (never the last one), offering undo.
    pub(super) fn remove_plan(&mut self, index: usize) {
        if self.plans.len() < 2 || index >= self.plans.len() {
            return;
        }
        let plan = self.plans.remove(index);
        if self.active >= self.plans.len() || self.active > index {
            self.active = self.active.saturating_sub(1).min(self.plans.len() - 1);
        }
        self.session.undo_hint = Some(UndoHint::PlanRemoved {
            index,
            plan: Box::new(plan),
        });
    }

    pub(super) fn restore_plan(&mut self) {
        if let Some(UndoHint::PlanRemoved { index, plan }) = self.session.undo_hint.take() {
            if self.plans.len() < MAX_PLANS {
                let index = index.min(self.plans.len());
                self.plans.insert(index, *plan);
            }
        }
    }

    /// Whether several plans are on screen.
    pub fn comparing(&self) -> bool {
        self.plans.len() > 1
    }

    /// For each plan, the first earlier plan with the same numbers, if any: its line lies
    /// exactly under that one's, so its title says so.
    pub fn same_as_earlier(&self) -> Vec<Option<usize>> {
        self.plans
            .iter()
            .enumerate()
            .map(|(i, p)| {
                self.plans[..i]
                    .iter()
                    .position(|q| q.scenario == p.scenario)
            })
            .collect()
    }

    /// Every plan as links carry them, for a comparison link.
    pub fn specs(&self) -> Vec<PlanSpec> {
        self.plans
            .iter()
            .map(|p| p.to_spec(self.session.mc))
            .collect()
    }

    /// The presenter, opened on the plan being edited at its base year: stepping forward plays
    /// the years.
    pub(super) fn enter_presenter(&mut self) {
        let plan = self.plan();
        self.session.presenter = Some(Presenter {
            year: plan.computed.scenario.base_year,
            playing: false,
            story: None,
            levers: default_levers(plan),
            before_story: None,
        });
    }

    /// Closes the presenter. A story's steps replaced the plan on screen: the plan from before
    /// the story comes back, in one step that Undo reverses (to keep the story's plan).
    pub(super) fn exit_presenter(&mut self, generation: u64) {
        let before = self.session.presenter.take().and_then(|p| p.before_story);
        if let Some(spec) = before {
            self.plan_mut().replace_with(&spec, generation);
            self.session.undo_hint = Some(UndoHint::StoryLeft);
        }
    }

    /// Opens a story at a step in the presenter: the plan becomes the story's plan at that step.
    pub(super) fn open_story(&mut self, story: Rc<Story>, step: usize, generation: u64) {
        let step = step.min(story.steps().len().saturating_sub(1));
        if self.session.presenter.is_none() {
            self.enter_presenter();
        }
        let on_screen = self.plan().to_spec(self.session.mc);
        if let Some(presenter) = &mut self.session.presenter {
            if presenter.before_story.is_none() {
                presenter.before_story = Some(Box::new(on_screen));
            }
            presenter.story = Some(StoryPlace {
                context: Rc::new(story.step_context(step)),
                story,
                step,
                revealed: false,
            });
        }
        self.show_story_step(generation);
    }

    /// Puts the current story step's plan on screen.
    fn show_story_step(&mut self, generation: u64) {
        let Some(place) = self
            .session
            .presenter
            .as_ref()
            .and_then(|p| p.story.clone())
        else {
            return;
        };
        if let Ok(scenario) = place.story.plan_at(place.step) {
            let spec = PlanSpec {
                name: Some(
                    self.session
                        .lang
                        .pick(&place.story.title, &place.story.title_en)
                        .to_string(),
                ),
                origin: place.story.origin(),
                scenario,
                mc: self.session.mc,
            };
            self.plan_mut().replace_with(&spec, generation);
            let end = deadline_year(self.plan());
            let levers = story_levers(&place.story, place.step)
                .unwrap_or_else(|| default_levers(self.plan()));
            if let Some(presenter) = &mut self.session.presenter {
                presenter.year = end;
                presenter.playing = false;
                presenter.levers = levers;
            }
        }
    }

    /// Space, → or Page Down: reveal the step's answer, else the next story step, else the
    /// next year of the playback. At a story's last step it stays (the screen says the story
    /// has ended), so a key pressed once too often does not move the years under the room.
    pub(super) fn presenter_next(&mut self, generation: u64) {
        let end = self.plan().computed.scenario.end_year;
        let Some(presenter) = &mut self.session.presenter else {
            return;
        };
        presenter.playing = false;
        match &mut presenter.story {
            Some(place) if place.asking() => place.revealed = true,
            Some(place) if place.step + 1 < place.story.steps().len() => {
                place.step += 1;
                place.revealed = false;
                place.context = Rc::new(place.story.step_context(place.step));
                self.show_story_step(generation);
            }
            Some(_) => {}
            None => presenter.year = (presenter.year + 1).min(end),
        }
    }

    /// ← or Page Up: back one story step (or one year without a story).
    pub(super) fn presenter_back(&mut self, generation: u64) {
        let base = self.plan().computed.scenario.base_year;
        let Some(presenter) = &mut self.session.presenter else {
            return;
        };
        presenter.playing = false;
        match &mut presenter.story {
            Some(place) if place.step > 0 => {
                place.step -= 1;
                place.revealed = true;
                place.context = Rc::new(place.story.step_context(place.step));
                self.show_story_step(generation);
            }
            Some(_) => {}
            None => presenter.year = (presenter.year - 1).max(base),
        }
    }

    /// P: play the years from the start (or from where playback stands), or pause.
    pub(super) fn toggle_play(&mut self) {
        let (base, end) = {
            let s = &self.plan().computed.scenario;
            (s.base_year, s.end_year)
        };
        if let Some(presenter) = &mut self.session.presenter {
            if presenter.playing {
                presenter.playing = false;
            } else {
                if presenter.year >= end {
                    presenter.year = base;
                }
                presenter.playing = true;
                if let Some(place) = &mut presenter.story {
                    place.revealed = true;
                }
            }
        }
    }

    /// One second of playback: the next year, stopping at the last.
    pub(super) fn tick(&mut self) {
        let end = self.plan().computed.scenario.end_year;
        if let Some(presenter) = &mut self.session.presenter {
            if presenter.playing {
                presenter.year = (presenter.year + 1).min(end);
                presenter.playing = presenter.year < end;
            }
        }
    }

    pub(super) fn start_recording(&mut self, title: [String; 2]) {
        let plan = self.plan().to_spec(self.session.mc);
        self.session.recording = Some(Recorder::new(&plan, title));
    }
}

/// The year a story step is shown as of: the latest target deadline (what the story asks
/// about), else the last year.
fn deadline_year(plan: &Plan) -> i32 {
    let s = &plan.computed.scenario;
    s.targets
        .iter()
        .map(|t| t.deadline)
        .max()
        .unwrap_or(s.end_year)
        .clamp(s.base_year, s.end_year)
}

/// The levers a story step changes, if it changes any: the ones to keep on a presenter's screen.
fn story_levers(story: &Story, step: usize) -> Option<Vec<&'static str>> {
    let mut levers: Vec<&'static str> = Vec::new();
    for s in story.steps().iter().take(step + 1) {
        for pair in s.changes.split('&') {
            let code = pair.split('=').next().unwrap_or_default();
            if let Some(p) = swplan_engine::params::param_by_code(code) {
                if !levers.contains(&p.key) {
                    levers.push(p.key);
                }
            }
        }
    }
    (!levers.is_empty()).then_some(levers)
}
