//! Compare and train, as state: up to four plans side by side (one of them edited), the
//! preset's baseline as a faint line, and the presenter — year-by-year playback, a guided story
//! stepped with "predict first", and a story being recorded. Plain data and methods on
//! [`State`], tested natively; the page draws it and sends actions.

use std::rc::Rc;

use super::plan::{baseline_of, Plan, PlanKind};
use super::{State, UndoHint};
use crate::chart::Chart;
use crate::computed::Computed;
use crate::share::{OpenedLink, PlanSpec, MAX_PLANS};
use crate::story::{Highlight, Recorder, StepContext, Story};
use swplan_engine::montecarlo::Summary;
use swplan_engine::{Metric, Scenario};

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
    /// What covers the screen for a moment: the QR code full size, or nothing at all.
    pub overlay: Option<Overlay>,
    /// The workshop's pooled result is on screen instead of the plan.
    pub pool: bool,
}

/// What the trainer puts over the presenter's screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// The QR code and the short address, as large as the screen allows (Q).
    Qr,
    /// A blank screen, while the room talks (B or .).
    Blank,
}

impl Presenter {
    /// The charts a step shows, at most three: the highlighted one (or the one of a highlighted
    /// target) first; in a story the budget (what the step's decision costs, which stories ask
    /// about); the certified chart when the plan has a certified target; then the charts of
    /// the plan's other targets; talent and the budget when nothing else fills two places.
    pub fn charts(&self, scenario: &Scenario) -> Vec<Chart> {
        let highlighted = self
            .story
            .as_ref()
            .and_then(|place| place.story.steps().get(place.step)?.highlighted())
            .map(|highlight| match highlight {
                Highlight::Chart(chart) => chart,
                Highlight::Target(metric) => Chart::of_metric(metric).unwrap_or(Chart::Talent),
            });
        let targeted: Vec<Chart> = Chart::ALL
            .into_iter()
            .filter(|chart| {
                scenario
                    .targets
                    .iter()
                    .any(|t| chart.target_metrics().contains(&t.metric))
            })
            .collect();
        let mut wanted: Vec<Chart> = highlighted.into_iter().collect();
        if self.story.is_some() {
            wanted.push(Chart::Budget);
        }
        if targeted.contains(&Chart::Certified) {
            wanted.push(Chart::Certified);
        }
        wanted.extend(targeted);
        wanted.extend([Chart::Talent, Chart::Budget]);
        let mut charts: Vec<Chart> = Vec::new();
        for chart in wanted {
            if !charts.contains(&chart) && charts.len() < 3 {
                charts.push(chart);
            }
        }
        // The fallbacks fill two places only.
        while charts.len() > 2 && !self.needs_third(&charts[2], scenario) {
            charts.pop();
        }
        // The highlighted chart first; the others in their usual order.
        let from = usize::from(highlighted.is_some());
        charts[from..].sort_by_key(|chart| Chart::ALL.iter().position(|c| c == chart));
        charts
    }

    /// Whether a third chart earns its place: it draws one of the plan's targets.
    fn needs_third(&self, chart: &Chart, scenario: &Scenario) -> bool {
        scenario
            .targets
            .iter()
            .any(|t| chart.target_metrics().contains(&t.metric))
    }
}

/// Where a story is: its step, and whether the step's result is revealed (a step with a
/// question shows the question first, so the room predicts before it sees).
#[derive(Clone, Debug, PartialEq)]
pub struct StoryPlace {
    pub story: Rc<Story>,
    pub step: usize,
    pub revealed: bool,
    /// The story's introduction is on screen, before its first step.
    pub intro: bool,
    /// The step against the one before: what it changes, where the plan stood (computed when
    /// the step opens, not when it is drawn).
    pub context: Rc<StepContext>,
    /// Per chart, the top of its axis over every step of the story: one scale for the whole
    /// story, so "almost the same" looks the same.
    pub scale: Rc<Vec<(Chart, f64)>>,
    /// The odds of the steps shown so far, so a step can say how they moved.
    pub odds: Rc<Vec<(usize, Rc<Summary>)>>,
}

impl StoryPlace {
    /// A story opened at `step` (at its introduction first when it has one and `step` is 0).
    pub fn new(story: Rc<Story>, step: usize) -> StoryPlace {
        let intro = step == 0 && !story.intro.trim().is_empty();
        StoryPlace {
            context: Rc::new(story.step_context(step)),
            scale: Rc::new(story_scale(&story)),
            odds: Rc::new(Vec::new()),
            story,
            step,
            revealed: false,
            intro,
        }
    }

    /// Moves to `step`, its question hidden or its answer `revealed`.
    fn go_to(&mut self, step: usize, revealed: bool) {
        self.step = step;
        self.revealed = revealed;
        self.intro = false;
        self.context = Rc::new(self.story.step_context(step));
    }

    /// The top of a chart's axis for the whole story.
    pub fn scale_of(&self, chart: Chart) -> Option<f64> {
        self.scale
            .iter()
            .find(|(c, _)| *c == chart)
            .map(|(_, top)| *top)
    }

    /// The odds of a step already shown, if they were computed.
    pub fn odds_of(&self, step: usize) -> Option<&Rc<Summary>> {
        self.odds.iter().find(|(s, _)| *s == step).map(|(_, o)| o)
    }

    /// What the step's question asks about, before and after the step, once its answer is
    /// shown: for each figure, its value at the deadline, the first year a target on it is met
    /// and its odds, at the step before (none at the first step) and now. Empty while the
    /// question waits and at the introduction.
    pub fn callouts(&self, now: &Computed, odds_now: Option<&Summary>) -> Vec<Callout> {
        let Some(step) = self.story.steps().get(self.step) else {
            return Vec::new();
        };
        if self.intro || self.asking() || step.question.is_none() {
            return Vec::new();
        }
        let scenario = &now.scenario;
        let asked = step.asked();
        let metrics: Vec<Metric> = match step.highlighted() {
            _ if !asked.is_empty() => asked,
            Some(Highlight::Target(metric)) => vec![metric],
            Some(Highlight::Chart(chart)) => {
                let on_chart: Vec<Metric> = scenario
                    .targets
                    .iter()
                    .map(|t| t.metric)
                    .filter(|m| chart.target_metrics().contains(m))
                    .collect();
                match (chart, on_chart.is_empty()) {
                    (Chart::Budget, _) => vec![Metric::BudgetCumulative],
                    (_, false) => on_chart,
                    (Chart::Talent, true) => vec![Metric::Talent],
                    (Chart::Certified, true) => vec![Metric::Certified],
                    (Chart::Coverage, true) => {
                        vec![Metric::StationCoverage, Metric::RoomCoverage]
                    }
                }
            }
            None => scenario.targets.iter().map(|t| t.metric).collect(),
        };
        let horizon = scenario
            .targets
            .iter()
            .map(|t| t.deadline)
            .max()
            .unwrap_or(scenario.end_year);
        let before = self.context.previous.as_deref();
        let odds_before = self.step.checked_sub(1).and_then(|s| self.odds_of(s));
        let mut callouts: Vec<Callout> = Vec::new();
        for metric in metrics {
            if callouts.iter().any(|c| c.metric == metric) {
                continue;
            }
            let target = scenario.targets.iter().position(|t| t.metric == metric);
            let year = target.map_or(horizon, |i| scenario.targets[i].deadline);
            let value = |c: &Computed| c.trajectory.row(year).map(|r| metric.value(r));
            let Some(after) = value(now) else {
                continue;
            };
            // The same target in the step before: by figure and deadline.
            let same_in = |c: &Computed| {
                target.and_then(|i| {
                    let t = &scenario.targets[i];
                    c.scenario
                        .targets
                        .iter()
                        .position(|o| o.metric == t.metric && o.deadline == t.deadline)
                })
            };
            callouts.push(Callout {
                metric,
                year,
                before: before.and_then(value),
                after,
                first_year: target.map(|i| Change {
                    before: before.and_then(|b| same_in(b).map(|j| b.verdicts[j].first_year_met)),
                    after: now.verdicts[i].first_year_met,
                }),
                met: target.map(|i| Change {
                    before: before.and_then(|b| same_in(b).map(|j| b.verdicts[j].met)),
                    after: now.verdicts[i].met,
                }),
                odds: target.and_then(|i| {
                    let after = odds_now?.targets.get(i)?.probability;
                    let before = before.and_then(|b| {
                        let j = same_in(b)?;
                        Some(odds_before?.targets.get(j)?.probability)
                    });
                    Some(Change { before, after })
                }),
            });
        }
        callouts
    }

    /// Whether the step's result is hidden behind its question.
    pub fn asking(&self) -> bool {
        !self.intro
            && !self.revealed
            && self
                .story
                .steps()
                .get(self.step)
                .is_some_and(|s| s.question.is_some())
    }
}

/// How a figure the step's question asks about moved since the step before.
#[derive(Clone, Debug, PartialEq)]
pub struct Callout {
    pub metric: Metric,
    /// The year it is read at: the deadline of its target, else the story's last deadline.
    pub year: i32,
    /// At the step before (none at the first step).
    pub before: Option<f64>,
    pub after: f64,
    /// For a figure with a target: when it is first met, and whether it is met at the deadline.
    pub first_year: Option<Change<Option<i32>>>,
    pub met: Option<Change<bool>>,
    /// The odds of its target, once computed (the step before's, if it was shown).
    pub odds: Option<Change<f64>>,
}

impl Callout {
    /// Whether anything it shows moved since the step before (the first step: everything is
    /// new). A figure that stayed where it was needs no card of its own.
    pub fn changed(&self) -> bool {
        let moved = |before: Option<f64>, after: f64| {
            before.is_none_or(|b| (after - b).abs() > 1e-9 * after.abs().max(1.0))
        };
        moved(self.before, self.after)
            || self.first_year.is_some_and(|c| c.moved())
            || self.met.is_some_and(|c| c.moved())
            || self.odds.is_some_and(|c| moved(c.before, c.after))
    }
}

/// A value at the step before (if known) and now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change<T> {
    pub before: Option<T>,
    pub after: T,
}

impl<T: PartialEq> Change<T> {
    /// Unknown before, or different now.
    pub fn moved(&self) -> bool {
        self.before.as_ref().is_none_or(|b| *b != self.after)
    }
}

/// Per chart, the top of every figure it plots over every step of a story, and of every target
/// it marks (a target's mark appears once the playback reaches its deadline: the axis must
/// already hold it).
fn story_scale(story: &Story) -> Vec<(Chart, f64)> {
    let computed: Vec<Computed> = story
        .plans()
        .unwrap_or_default()
        .iter()
        .filter_map(|s| Computed::of(s).ok())
        .collect();
    Chart::ALL
        .into_iter()
        .map(|chart| {
            let top = computed
                .iter()
                .flat_map(|c| c.trajectory.years.iter())
                .flat_map(|row| chart.plotted().iter().map(move |m| m.value(row)))
                .chain(
                    computed
                        .iter()
                        .flat_map(|c| c.scenario.targets.iter())
                        .filter(|t| chart.plotted().contains(&t.metric))
                        .map(|t| t.threshold),
                )
                .filter(|v| v.is_finite())
                .fold(0.0, f64::max);
            (chart, top)
        })
        .collect()
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
    /// A plan made on the page (the optimiser's, pinned beside the plan it was found for).
    Spec(Box<PlanSpec>),
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
        let save_id = match &source {
            CompareSource::Save(id) => Some(id.clone()),
            _ => None,
        };
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
            CompareSource::Spec(spec) => vec![*spec],
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
            // What the plan is edited against (see `state::edited`): the save it came from, or
            // the plan as copied or opened.
            match &save_id {
                Some(id) => plan.save_id = Some(id.clone()),
                None if !is_baseline => plan.opened_as = Some(Rc::new(spec)),
                None => {}
            }
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

    /// What the open share dialog shares: every plan of the comparison
    /// ([`super::Dialog::ShareComparison`]), else the plan being edited.
    pub fn shared(&self) -> Vec<PlanSpec> {
        match self.session.dialog {
            Some(super::Dialog::ShareComparison) => self.specs(),
            _ => vec![self.plan().to_spec(self.session.mc)],
        }
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
            overlay: None,
            pool: false,
        });
    }

    /// Puts the workshop's pooled result on the presenter (opening it), or takes it away. A
    /// story on screen gives way to it; without a pool there is nothing to show.
    pub(super) fn toggle_present_pool(&mut self) {
        let shown = self.session.presenter.as_ref().is_some_and(|p| p.pool);
        if !shown && self.session.workshop.pooled.is_none() {
            return;
        }
        if self.session.presenter.is_none() {
            self.enter_presenter();
        }
        if let Some(presenter) = &mut self.session.presenter {
            presenter.pool = !shown;
            presenter.overlay = None;
            presenter.playing = false;
        }
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
            presenter.story = Some(StoryPlace::new(story, step));
            presenter.pool = false;
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

    /// Space, → or Page Down: close what covers the screen; else leave the introduction, reveal
    /// the step's answer, or go to the next story step; else the next year of the playback. At
    /// a story's last step it stays (the screen says the story has ended), so a key pressed once
    /// too often does not move the years under the room.
    pub(super) fn presenter_next(&mut self, generation: u64) {
        let end = self.plan().computed.scenario.end_year;
        let odds = self.plan().summary().cloned();
        let Some(presenter) = &mut self.session.presenter else {
            return;
        };
        presenter.playing = false;
        if presenter.overlay.take().is_some() {
            return;
        }
        match &mut presenter.story {
            Some(place) if place.intro => place.intro = false,
            Some(place) if place.asking() => place.revealed = true,
            Some(place) if place.step + 1 < place.story.steps().len() => {
                remember_odds(place, odds);
                place.go_to(place.step + 1, false);
                self.show_story_step(generation);
            }
            Some(_) => {}
            None => presenter.year = (presenter.year + 1).min(end),
        }
    }

    /// ← or Page Up: back one story step (to the introduction from the first), or one year
    /// without a story.
    pub(super) fn presenter_back(&mut self, generation: u64) {
        let base = self.plan().computed.scenario.base_year;
        let odds = self.plan().summary().cloned();
        let Some(presenter) = &mut self.session.presenter else {
            return;
        };
        presenter.playing = false;
        if presenter.overlay.take().is_some() {
            return;
        }
        match &mut presenter.story {
            Some(place) if place.step > 0 => {
                remember_odds(place, odds);
                place.go_to(place.step - 1, true);
                self.show_story_step(generation);
            }
            Some(place) if !place.intro && !place.story.intro.trim().is_empty() => {
                place.intro = true;
            }
            Some(_) => {}
            None => presenter.year = (presenter.year - 1).max(base),
        }
    }

    /// Home and End: the story's start (its introduction) or its last step, answer shown; or
    /// the first and last year without a story.
    pub(super) fn presenter_jump(&mut self, to_end: bool, generation: u64) {
        let (base, end) = {
            let s = &self.plan().computed.scenario;
            (s.base_year, s.end_year)
        };
        let odds = self.plan().summary().cloned();
        let Some(presenter) = &mut self.session.presenter else {
            return;
        };
        presenter.playing = false;
        presenter.overlay = None;
        match &mut presenter.story {
            Some(place) => {
                let last = place.story.steps().len().saturating_sub(1);
                let step = if to_end { last } else { 0 };
                if step != place.step {
                    remember_odds(place, odds);
                    place.go_to(step, to_end);
                    self.show_story_step(generation);
                }
                if let Some(place) = self
                    .session
                    .presenter
                    .as_mut()
                    .and_then(|p| p.story.as_mut())
                {
                    place.revealed = to_end;
                    place.intro = !to_end && !place.story.intro.trim().is_empty();
                }
            }
            None => presenter.year = if to_end { end } else { base },
        }
    }

    /// Q or B: show or take away the QR code, or the blank screen.
    pub(super) fn toggle_overlay(&mut self, overlay: Overlay) {
        if let Some(presenter) = &mut self.session.presenter {
            presenter.overlay = match presenter.overlay {
                Some(shown) if shown == overlay => None,
                _ => Some(overlay),
            };
        }
    }

    /// P: play the years from the start (or from where playback stands), or pause. In a step
    /// whose question waits, the years play from the start and the answer shows when they reach
    /// the deadline: the room sees it come, not given away.
    pub(super) fn toggle_play(&mut self) {
        let (base, end) = {
            let s = &self.plan().computed.scenario;
            (s.base_year, s.end_year)
        };
        if let Some(presenter) = &mut self.session.presenter {
            presenter.overlay = None;
            if presenter.playing {
                presenter.playing = false;
                return;
            }
            let asking = presenter
                .story
                .as_ref()
                .is_some_and(|p| p.asking() || p.intro);
            if presenter.year >= end || asking {
                presenter.year = base;
            }
            if let Some(place) = &mut presenter.story {
                place.intro = false;
            }
            presenter.playing = true;
        }
    }

    /// One second of playback: the next year, stopping at the last; a question waiting is
    /// answered when the years reach its deadline.
    pub(super) fn tick(&mut self) {
        let end = self.plan().computed.scenario.end_year;
        let deadline = deadline_year(self.plan());
        if let Some(presenter) = &mut self.session.presenter {
            if presenter.playing {
                presenter.year = (presenter.year + 1).min(end);
                presenter.playing = presenter.year < end;
                if let Some(place) = &mut presenter.story {
                    if presenter.year >= deadline {
                        place.revealed = true;
                    }
                }
            }
        }
    }

    pub(super) fn start_recording(&mut self, title: [String; 2]) {
        let plan = self.plan().to_spec(self.session.mc);
        self.session.recording = Some(Recorder::new(&plan, title));
    }
}

/// Keeps the odds of the step being left, for the next step's callout.
fn remember_odds(place: &mut StoryPlace, odds: Option<Rc<Summary>>) {
    if let Some(odds) = odds {
        let steps = Rc::make_mut(&mut place.odds);
        steps.retain(|(s, _)| *s != place.step);
        steps.push((place.step, odds));
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
