//! The one place that owns app state: the scenario being edited, the language, the last valid
//! result, Monte Carlo progress. Components read it through context and send [`Action`]s.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::Reducible;

use crate::i18n::Lang;
use crate::model::montecarlo::{Settings, Summary};
use crate::model::params::{self, Value};
use crate::model::{evaluate, simulate, Scenario, Trajectory, ValidationErrors, Verdict, Yearly};
use crate::presets::{self, Preset};

/// A valid scenario and what the model makes of it.
#[derive(Debug)]
pub struct Computed {
    pub scenario: Scenario,
    pub trajectory: Trajectory,
    pub verdicts: Vec<Verdict>,
}

/// Monte Carlo progress for the current valid result.
#[derive(Clone, Debug)]
pub enum Uncertain {
    /// Waiting to start or running: `done` of the runs are collected.
    Running {
        done: usize,
    },
    Done(Rc<Summary>),
}

#[derive(Clone, Debug)]
pub struct State {
    /// Bumped by every action; the cheap equality that tells Yew to re-render.
    version: u64,
    pub lang: Lang,
    pub preset: &'static Preset,
    /// The scenario as edited (possibly invalid). Its `sources` stay with the preset.
    pub scenario: Scenario,
    /// Text typed into a control that is not a number, by parameter key.
    pub drafts: BTreeMap<&'static str, String>,
    /// Validation errors of `scenario`, if any.
    pub errors: Option<ValidationErrors>,
    /// The last valid scenario and its results: what the page shows.
    pub result: Rc<Computed>,
    /// Bumped whenever `result` changes, so Monte Carlo restarts for the new result only.
    pub generation: u64,
    pub mc_settings: Settings,
    pub uncertain: Uncertain,
    /// The parameter whose per-year editor is open.
    pub schedule_open: Option<&'static str>,
    /// A message for the user about something outside the model (e.g. storage failure).
    pub notice: Option<Notice>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Notice {
    StorageFailed,
}

/// What a user (or the Monte Carlo driver) asks for.
#[derive(Debug)]
pub enum Action {
    SetLang(Lang),
    LoadPreset(&'static str),
    /// Set a parameter (model units; a yearly input becomes constant).
    SetValue {
        key: &'static str,
        value: f64,
    },
    /// Text that is not a number was typed into the control of `key`.
    SetDraft {
        key: &'static str,
        text: String,
    },
    /// One year of a schedule (`index` 0 is the first simulated year), in model units.
    SetYear {
        key: &'static str,
        index: usize,
        value: f64,
    },
    /// Turn a schedule back into its first-year value for every year.
    MakeConstant {
        key: &'static str,
    },
    /// Back to the preset's value.
    ResetParam {
        key: &'static str,
    },
    SetEndYear(i32),
    SetRuns(usize),
    SetSeed(u64),
    OpenSchedule(Option<&'static str>),
    McProgress {
        generation: u64,
        done: usize,
    },
    McDone {
        generation: u64,
        summary: Rc<Summary>,
    },
    StorageFailed,
    DismissNotice,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
    }
}

impl State {
    /// The app on a preset, in a language.
    pub fn new(preset: &'static Preset, lang: Lang) -> State {
        let mut scenario = preset.scenario.clone();
        scenario.sources.clear();
        let result = compute(&scenario).unwrap_or_else(|_| {
            // Cannot happen: presets are validated by tests. Show an empty table, never panic.
            Computed {
                scenario: scenario.clone(),
                trajectory: Trajectory::default(),
                verdicts: Vec::new(),
            }
        });
        State {
            version: 0,
            lang,
            preset,
            scenario,
            drafts: BTreeMap::new(),
            errors: None,
            result: Rc::new(result),
            generation: 0,
            mc_settings: Settings::default(),
            uncertain: Uncertain::Running { done: 0 },
            schedule_open: None,
            notice: None,
        }
    }

    /// Whether what is on screen lags behind invalid input.
    pub fn has_invalid_input(&self) -> bool {
        self.errors.is_some() || !self.drafts.is_empty()
    }

    /// The Monte Carlo summary of the result on screen, when finished.
    pub fn summary(&self) -> Option<&Rc<Summary>> {
        match &self.uncertain {
            Uncertain::Done(summary) => Some(summary),
            Uncertain::Running { .. } => None,
        }
    }

    /// Applies an action in place.
    pub fn apply(&mut self, action: Action) {
        let version = self.version + 1;
        match action {
            Action::SetLang(lang) => self.lang = lang,
            Action::LoadPreset(slug) => {
                if let Some(preset) = presets::by_slug(slug) {
                    let (lang, settings, notice, generation) =
                        (self.lang, self.mc_settings, self.notice, self.generation);
                    *self = State::new(preset, lang);
                    self.mc_settings = settings;
                    self.notice = notice;
                    // A new generation, so a Monte Carlo still running for the old preset is dropped.
                    self.generation = generation + 1;
                }
            }
            Action::SetValue { key, value } => {
                self.drafts.remove(key);
                // Cannot fail: keys come from the parameter registry.
                let _ = params::set(&mut self.scenario, key, value);
                self.recompute();
            }
            Action::SetDraft { key, text } => {
                self.drafts.insert(key, text);
            }
            Action::SetYear { key, index, value } => {
                self.drafts.remove(key);
                let horizon = self.scenario.horizon();
                if let Some(params::ValueMut::Yearly(yearly)) =
                    params::value_mut(&mut self.scenario, key)
                {
                    let mut values = yearly.expand(horizon);
                    if let Some(slot) = values.get_mut(index) {
                        *slot = value;
                    }
                    *yearly = Yearly::List(values);
                }
                self.recompute();
            }
            Action::MakeConstant { key } => {
                self.drafts.remove(key);
                if let Some(params::ValueMut::Yearly(yearly)) =
                    params::value_mut(&mut self.scenario, key)
                {
                    *yearly = Yearly::Constant(yearly.first());
                }
                self.recompute();
            }
            Action::ResetParam { key } => {
                self.drafts.remove(key);
                let preset = &self.preset.scenario;
                match (
                    params::value(preset, key),
                    params::value_mut(&mut self.scenario, key),
                ) {
                    (Some(Value::Scalar(v)), Some(params::ValueMut::Scalar(slot))) => *slot = *v,
                    (Some(Value::Yearly(y)), Some(params::ValueMut::Yearly(slot))) => {
                        *slot = y.clone()
                    }
                    _ => {}
                }
                self.recompute();
            }
            Action::SetEndYear(year) => {
                self.scenario.end_year = year;
                self.recompute();
            }
            Action::SetRuns(runs) => {
                self.mc_settings = Settings::clamped(runs, self.mc_settings.seed);
                self.restart_uncertainty();
            }
            Action::SetSeed(seed) => {
                self.mc_settings.seed = seed;
                self.restart_uncertainty();
            }
            Action::OpenSchedule(key) => self.schedule_open = key,
            Action::McProgress { generation, done } => {
                if generation == self.generation {
                    self.uncertain = Uncertain::Running { done };
                }
            }
            Action::McDone {
                generation,
                summary,
            } => {
                if generation == self.generation {
                    self.uncertain = Uncertain::Done(summary);
                }
            }
            Action::StorageFailed => self.notice = Some(Notice::StorageFailed),
            Action::DismissNotice => self.notice = None,
        }
        self.version = version;
    }

    /// Validates and simulates the edited scenario; on success it becomes the result on screen.
    fn recompute(&mut self) {
        match compute(&self.scenario) {
            Ok(result) => {
                self.errors = None;
                self.result = Rc::new(result);
                self.restart_uncertainty();
            }
            Err(errors) => self.errors = Some(errors),
        }
    }

    fn restart_uncertainty(&mut self) {
        self.generation += 1;
        self.uncertain = Uncertain::Running { done: 0 };
    }
}

fn compute(scenario: &Scenario) -> Result<Computed, ValidationErrors> {
    let trajectory = simulate(scenario)?;
    let verdicts = scenario
        .targets
        .iter()
        .map(|t| evaluate(t, &trajectory))
        .collect();
    Ok(Computed {
        scenario: scenario.clone(),
        trajectory,
        verdicts,
    })
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = Rc::unwrap_or_clone(self);
        state.apply(action);
        Rc::new(state)
    }
}
