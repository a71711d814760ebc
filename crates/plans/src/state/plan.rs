//! A plan: a scenario being edited, where it came from, and what the model makes of its last
//! valid version. Edits go through methods that keep the invariants: the result on screen is
//! always that of a valid scenario the planner chose, typed text that is not a number is kept
//! apart (a draft) with its message, and every edit can be undone.

use std::collections::BTreeMap;
use std::rc::Rc;

pub use crate::computed::Computed;
use crate::presets::{self, Preset};
pub use crate::share::Origin;
use crate::share::PlanSpec;
use swplan_engine::certified;
use swplan_engine::montecarlo::Summary;
use swplan_engine::params::{self, Value, ValueMut};
use swplan_engine::plausibility::{concerns, Basis, Concern};
use swplan_engine::scenario::MODEL_VERSION;
use swplan_engine::{
    CertifiedTotal, PlannerSource, Scenario, Target, Trajectory, ValidationErrors, Yearly,
};

/// Monte Carlo progress for the plan's current result.
#[derive(Clone, Debug, PartialEq)]
pub enum Uncertain {
    /// Waiting to start or running: `done` of the runs are collected. `previous` is the last
    /// summary for the same targets and years, shown greyed as "updating" meanwhile, so the
    /// cards keep their size and do not flicker while a slider moves.
    Running {
        done: usize,
        previous: Option<Rc<Summary>>,
    },
    Done(Rc<Summary>),
}

impl Uncertain {
    fn start() -> Uncertain {
        Uncertain::Running {
            done: 0,
            previous: None,
        }
    }

    /// The finished summary, or the one being replaced.
    pub fn latest(&self) -> Option<&Rc<Summary>> {
        match self {
            Uncertain::Done(summary) => Some(summary),
            Uncertain::Running { previous, .. } => previous.as_ref(),
        }
    }
}

/// A field a planner types into: a parameter's main field, or one year of its schedule
/// (`index` 0 is the first simulated year).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldId {
    pub key: &'static str,
    pub index: Option<usize>,
}

impl FieldId {
    pub fn main(key: &'static str) -> FieldId {
        FieldId { key, index: None }
    }
}

/// What an undo brings back: the plan's scenario and where it came from.
#[derive(Clone, Debug)]
struct Snapshot {
    origin: Origin,
    opened_as: Option<Rc<PlanSpec>>,
    name: Option<String>,
    baseline: Rc<Scenario>,
    scenario: Scenario,
}

/// The most undo steps kept.
const UNDO_LIMIT: usize = 100;

/// What a plan is to the comparison: the planner's own, or the baseline added to compare with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PlanKind {
    #[default]
    Own,
    /// The plan's origin with no new decision ("基准"), added by "compare with the baseline".
    /// Whatever it is named; a plan named like it is not one.
    Baseline,
}

#[derive(Clone, Debug)]
pub struct Plan {
    pub id: u64,
    /// The planner's own plan, or the baseline of a comparison.
    pub kind: PlanKind,
    /// The planner's name for the plan, if they gave one.
    pub name: Option<String>,
    /// The named save this plan was opened from or saved as, if any.
    pub save_id: Option<String>,
    /// The plan as a link opened it (in the link's form). While the plan still means the
    /// same, it holds nothing of the planner's own that the link does not: opening another
    /// plan over it loses nothing.
    pub opened_as: Option<Rc<PlanSpec>>,
    pub origin: Origin,
    /// The scenario the plan started from (the preset at its data version, with its sources,
    /// or the blank template): "reset" returns to it, "changed" compares with it, and the
    /// provenance of every number is read from it.
    pub baseline: Rc<Scenario>,
    /// What the model makes of the baseline (the faint "no new decisions" line), computed once
    /// when the baseline changes; `None` should a baseline not validate.
    pub baseline_result: Option<Rc<Computed>>,
    /// The scenario as edited, possibly invalid. Its `sources` are empty: they stay with the
    /// baseline.
    pub scenario: Scenario,
    /// Text committed into a field that is not a number, by field; its message shows beside it.
    pub drafts: BTreeMap<FieldId, String>,
    /// Validation errors of `scenario`, if any.
    pub errors: Option<ValidationErrors>,
    /// Values that are valid but doubtful, judged against the baseline.
    pub concerns: Vec<Concern>,
    /// The last valid scenario and its results: what the page shows.
    pub computed: Rc<Computed>,
    /// Changes whenever `computed` does, so Monte Carlo restarts for the new result only.
    pub generation: u64,
    pub uncertain: Uncertain,
    // Snapshots behind `Rc`, so cloning the state for each action copies pointers, not plans.
    undo: Vec<Rc<Snapshot>>,
    redo: Vec<Rc<Snapshot>>,
    /// The parameter a slider drag is changing, so the drag is one undo step, not a hundred.
    last_edit: Option<&'static str>,
}

/// Two plans are the same plan in the same state (ids are unique for the life of the page).
impl PartialEq for Plan {
    fn eq(&self, other: &Plan) -> bool {
        self.id == other.id && self.scenario == other.scenario && self.name == other.name
    }
}

impl Plan {
    /// A plan on a preset's current data.
    pub fn from_preset(id: u64, preset: &'static Preset, generation: u64) -> Plan {
        Plan::new(
            id,
            Origin::Preset {
                slug: preset.slug.to_string(),
                data_version: preset.data_version,
            },
            Rc::new(preset.scenario.clone()),
            generation,
        )
    }

    /// A plan from a link, a save or a file: its origin gives the baseline (the preset at the
    /// data version the plan was made on, or the blank template).
    pub fn from_spec(id: u64, spec: &PlanSpec, generation: u64) -> Plan {
        let baseline = Rc::new(baseline_of(&spec.origin));
        let mut plan = Plan::with_scenario(
            id,
            spec.origin.clone(),
            baseline,
            spec.scenario.clone(),
            generation,
        );
        plan.name = spec.name.clone();
        plan
    }

    /// The plan as links and saves carry it: the scenario on screen (always valid).
    pub fn to_spec(&self, mc: swplan_engine::montecarlo::Settings) -> PlanSpec {
        let mut scenario = self.computed.scenario.clone();
        scenario.sources.clear();
        PlanSpec {
            name: self.name.clone(),
            origin: self.origin.clone(),
            scenario,
            mc,
        }
    }

    /// Replaces the plan by another one (a save, a link) as one undoable step.
    pub fn replace_with(&mut self, spec: &PlanSpec, generation: u64) {
        self.push_undo();
        let baseline = Rc::new(read_as(baseline_of(&spec.origin), spec.scenario.model));
        let mut scenario = spec.scenario.clone();
        scenario.sources.clear();
        self.origin = spec.origin.clone();
        self.opened_as = None;
        self.set_baseline(baseline);
        self.scenario = scenario;
        self.name = spec.name.clone();
        self.drafts.clear();
        self.recompute(generation);
    }

    /// A plan starting from `baseline` (which carries the sources) exactly as it is.
    pub fn new(id: u64, origin: Origin, baseline: Rc<Scenario>, generation: u64) -> Plan {
        let mut scenario = (*baseline).clone();
        scenario.sources.clear();
        Plan::with_scenario(id, origin, baseline, scenario, generation)
    }

    /// A plan whose edited scenario differs from its baseline (a link, a save).
    pub fn with_scenario(
        id: u64,
        origin: Origin,
        baseline: Rc<Scenario>,
        mut scenario: Scenario,
        generation: u64,
    ) -> Plan {
        scenario.sources.clear();
        // The origin in the plan's own reading: a plan kept at an earlier model reading is not
        // edited by that.
        let baseline = match baseline.model == scenario.model {
            true => baseline,
            false => Rc::new(read_as((*baseline).clone(), scenario.model)),
        };
        let (computed, errors) = match Computed::of(&scenario) {
            Ok(computed) => (computed, None),
            // A plan is only ever made from a valid scenario (presets are tested, links and
            // saves are validated); should one slip through, show the baseline's figures.
            Err(errors) => (
                Computed::of(&baseline).unwrap_or_else(|_| Computed {
                    scenario: scenario.clone(),
                    trajectory: Trajectory::default(),
                    verdicts: Vec::new(),
                    schedules: Vec::new(),
                    actuals: None,
                }),
                Some(errors),
            ),
        };
        let concerns = concerns(&scenario, &baseline, basis_of(&origin));
        Plan {
            id,
            kind: PlanKind::Own,
            name: None,
            save_id: None,
            opened_as: None,
            origin,
            baseline_result: Computed::of(&baseline).ok().map(Rc::new),
            baseline,
            scenario,
            drafts: BTreeMap::new(),
            errors,
            concerns,
            computed: Rc::new(computed),
            generation,
            uncertain: Uncertain::start(),
            undo: Vec::new(),
            redo: Vec::new(),
            last_edit: None,
        }
    }

    /// The preset this plan came from, if it still exists.
    pub fn preset(&self) -> Option<&'static Preset> {
        self.origin.slug().and_then(presets::by_slug)
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

    /// Whether the plan (before an edit) differs from where it started, so starting over would
    /// lose something.
    pub fn is_edited(&self) -> bool {
        self.is_edited_from_baseline() || self.name.is_some()
    }

    /// Whether any number, year or target differs from the baseline (its sources aside, which
    /// a plan does not carry).
    pub fn is_edited_from_baseline(&self) -> bool {
        // Field by field, without cloning the baseline's source texts on every render; a field
        // added to `Scenario` fails to compile here until it is compared.
        let Scenario {
            schema,
            model,
            region,
            name,
            base_year,
            end_year,
            assumptions,
            levers,
            uncertainty,
            targets,
            sources: _,
            actuals,
            certified_total,
            planner_sources,
        } = &*self.baseline;
        let s = &self.scenario;
        (schema, model, region, name, base_year, end_year)
            != (
                &s.schema,
                &s.model,
                &s.region,
                &s.name,
                &s.base_year,
                &s.end_year,
            )
            || (assumptions, levers, uncertainty, targets, actuals)
                != (
                    &s.assumptions,
                    &s.levers,
                    &s.uncertainty,
                    &s.targets,
                    &s.actuals,
                )
            || (certified_total, planner_sources) != (&s.certified_total, &s.planner_sources)
    }

    /// Whether a parameter differs from the baseline.
    pub fn is_changed(&self, key: &str) -> bool {
        params::value(&self.scenario, key) != params::value(&self.baseline, key)
    }

    /// Whether the yearly parameter `key` has different values in different years.
    pub fn varies_by_year(&self, key: &str) -> bool {
        match params::value(&self.scenario, key) {
            Some(Value::Yearly(Yearly::Constant(_))) | Some(Value::Scalar(_)) | None => false,
            Some(Value::Yearly(yearly)) => {
                let values = yearly.expand(self.scenario.horizon().max(1));
                values.iter().any(|v| *v != values[0])
            }
        }
    }

    /// Whether a slider is being dragged: its steps came and the drag has not ended.
    pub fn dragging(&self) -> bool {
        self.last_edit.is_some()
    }

    /// Whether undo / redo have anything to do.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Sets a parameter to one value; the steps of one slider drag (`dragging`) make one undo
    /// step. A schedule that varies by year is never replaced here: that takes
    /// [`Plan::replace_schedule`], an explicit action.
    pub fn set_value(
        &mut self,
        key: &'static str,
        value: f64,
        dragging: bool,
        generation: u64,
    ) -> bool {
        if self.varies_by_year(key) {
            return false;
        }
        self.edit(dragging.then_some(key), |scenario| {
            // Cannot fail: keys come from the parameter registry.
            let _ = params::set(scenario, key, value);
            leave_total_for_level(scenario, key);
        });
        self.drafts.remove(&FieldId::main(key));
        self.recompute_if_changed(generation);
        true
    }

    /// Replaces a schedule by one value for every year (undoable).
    pub fn replace_schedule(&mut self, key: &'static str, value: f64, generation: u64) {
        self.edit(None, |scenario| {
            let _ = params::set(scenario, key, value);
        });
        self.drafts.retain(|field, _| field.key != key);
        self.recompute_if_changed(generation);
    }

    /// Sets one year of a schedule (`index` 0 is the first simulated year).
    pub fn set_year(&mut self, key: &'static str, index: usize, value: f64, generation: u64) {
        let horizon = self.scenario.horizon();
        self.edit(None, |scenario| {
            if let Some(ValueMut::Yearly(yearly)) = params::value_mut(scenario, key) {
                let mut values = yearly.expand(horizon);
                if let Some(slot) = values.get_mut(index) {
                    *slot = value;
                }
                *yearly = Yearly::List(values);
            }
        });
        self.drafts.remove(&FieldId {
            key,
            index: Some(index),
        });
        // Varying now, the main field is read-only: text left in it could not be corrected.
        if self.varies_by_year(key) {
            self.drafts.remove(&FieldId::main(key));
        }
        self.recompute_if_changed(generation);
    }

    /// Replaces yearly levers' schedules (each a value per simulated year) at once, as one undo
    /// step: the optimiser's plan put in place.
    pub fn set_schedules(&mut self, schedules: &[(&'static str, Vec<f64>)], generation: u64) {
        self.edit(None, |scenario| {
            for (key, values) in schedules {
                if let Some(ValueMut::Yearly(slot)) = params::value_mut(scenario, key) {
                    *slot = Yearly::List(values.clone());
                }
            }
        });
        for (key, _) in schedules {
            self.drafts.retain(|field, _| field.key != *key);
        }
        self.recompute_if_changed(generation);
    }

    /// Brings a parameter back to the baseline's value; `certified_total` brings the certified
    /// stocks back, as the baseline enters them.
    pub fn reset_param(&mut self, key: &'static str, generation: u64) {
        let baseline = Rc::clone(&self.baseline);
        self.edit(None, |scenario| {
            if key == certified::TOTAL_KEY {
                scenario.certified_total = baseline.certified_total;
                for level in CERTIFIED_LEVELS {
                    let _ = params::set(
                        scenario,
                        level,
                        params::values(&baseline, level, 1).map_or(0.0, |v| v[0]),
                    );
                }
                return;
            }
            leave_total_for_level(scenario, key);
            match (
                params::value(&baseline, key),
                params::value_mut(scenario, key),
            ) {
                (Some(Value::Scalar(v)), Some(ValueMut::Scalar(slot))) => *slot = *v,
                (Some(Value::Yearly(y)), Some(ValueMut::Yearly(slot))) => *slot = y.clone(),
                _ => {}
            }
        });
        self.drafts.retain(|field, _| field.key != key);
        self.recompute_if_changed(generation);
    }

    /// Enters certified social workers as a total with its split (the three stocks follow it),
    /// or, with `None`, level by level again (the stocks keep their numbers).
    pub fn set_certified_total(&mut self, total: Option<CertifiedTotal>, generation: u64) {
        self.edit(None, |scenario| {
            scenario.certified_total = total;
            scenario.apply_certified_total();
        });
        self.recompute_if_changed(generation);
    }

    /// States where a value comes from (`None`, or a source of blanks, removes it). A source
    /// changes no number: the result on screen takes it as it is, and the odds stay.
    pub fn set_planner_source(&mut self, key: &'static str, source: Option<PlannerSource>) {
        let source = source.and_then(|s| s.cleaned());
        self.edit(None, |scenario| match source {
            Some(source) => {
                scenario.planner_sources.insert(key.to_string(), source);
            }
            None => {
                scenario.planner_sources.remove(key);
            }
        });
        if self.computed.scenario.planner_sources != self.scenario.planner_sources {
            Rc::make_mut(&mut self.computed).scenario.planner_sources =
                self.scenario.planner_sources.clone();
        }
    }

    /// Keeps text that is not a number, so the field shows it with its message. The main field
    /// of a schedule that varies by year takes none: it is read-only, its text ("varies by
    /// year") is the page's, and a draft there would hold every result back with no way out.
    pub fn set_draft(&mut self, field: FieldId, text: String) {
        if field.index.is_none() && self.varies_by_year(field.key) {
            return;
        }
        self.drafts.insert(field, text);
    }

    pub fn clear_draft(&mut self, field: FieldId) {
        self.drafts.remove(&field);
    }

    pub fn set_end_year(&mut self, year: i32, generation: u64) {
        self.edit(None, |scenario| scenario.end_year = year);
        self.recompute_if_changed(generation);
    }

    /// Moves the base year; the last year stays unless the horizon would be empty or longer
    /// than the model allows.
    pub fn set_base_year(&mut self, year: i32, generation: u64) {
        self.edit(None, |scenario| {
            scenario.base_year = year;
            let horizon = scenario.end_year.saturating_sub(year);
            if horizon < 1 {
                scenario.end_year = year.saturating_add(5);
            } else if horizon > swplan_engine::scenario::MAX_HORIZON_YEARS {
                scenario.end_year = year.saturating_add(swplan_engine::scenario::MAX_HORIZON_YEARS);
            }
        });
        self.recompute_if_changed(generation);
    }

    pub fn set_region_name(&mut self, name: String, generation: u64) {
        self.edit(None, |scenario| {
            scenario.name.zh = name.clone();
            scenario.name.en = name;
        });
        self.recompute_if_changed(generation);
    }

    pub fn set_plan_name(&mut self, name: Option<String>) {
        self.name = name.filter(|n| !n.trim().is_empty());
    }

    pub fn add_target(&mut self, target: Target, generation: u64) {
        self.edit(None, |scenario| scenario.targets.push(target));
        self.recompute_if_changed(generation);
    }

    pub fn remove_target(&mut self, index: usize, generation: u64) {
        self.edit(None, |scenario| {
            if index < scenario.targets.len() {
                scenario.targets.remove(index);
            }
        });
        self.recompute_if_changed(generation);
    }

    /// Changes a target's metric, threshold or deadline; a changed target is the user's own,
    /// so it loses the source sentence it had.
    pub fn set_target(&mut self, index: usize, target: Target, generation: u64) {
        self.edit(None, |scenario| {
            if let Some(slot) = scenario.targets.get_mut(index) {
                *slot = target;
            }
        });
        self.recompute_if_changed(generation);
    }

    /// Brings back the baseline's targets (deleted or changed ones), keeping the user's own.
    pub fn restore_targets(&mut self, generation: u64) {
        let baseline = Rc::clone(&self.baseline);
        self.edit(None, |scenario| {
            let own: Vec<Target> = scenario
                .targets
                .iter()
                .filter(|t| t.source.is_none() && !baseline.targets.contains(t))
                .cloned()
                .collect();
            scenario.targets = baseline.targets.clone();
            scenario.targets.extend(own);
        });
        self.recompute_if_changed(generation);
    }

    /// Whether any of the baseline's targets is missing or changed.
    pub fn targets_differ_from_baseline(&self) -> bool {
        self.baseline
            .targets
            .iter()
            .any(|t| !self.scenario.targets.contains(t))
    }

    /// Replaces the plan's starting point (another preset, the blank template) as one
    /// undoable step.
    pub fn restart(&mut self, origin: Origin, baseline: Rc<Scenario>, generation: u64) {
        self.push_undo();
        let mut scenario = (*baseline).clone();
        scenario.sources.clear();
        self.origin = origin;
        self.opened_as = None;
        self.set_baseline(baseline);
        self.scenario = scenario;
        self.name = None;
        self.drafts.clear();
        self.recompute(generation);
    }

    pub fn undo(&mut self, generation: u64) {
        if let Some(snapshot) = self.undo.pop() {
            let current = self.snapshot();
            self.redo.push(current);
            self.restore(&snapshot, generation);
        }
    }

    pub fn redo(&mut self, generation: u64) {
        if let Some(snapshot) = self.redo.pop() {
            let current = self.snapshot();
            self.undo.push(current);
            self.restore(&snapshot, generation);
        }
    }

    /// Makes a change of several values at once (actual figures, fitted levers) as one undo
    /// step, and computes the result.
    pub fn change_together(&mut self, change: impl FnOnce(&mut Scenario), generation: u64) {
        self.edit(None, change);
        self.recompute_if_changed(generation);
    }

    /// A drag has ended: the next edit is a new undo step.
    pub fn end_drag(&mut self) {
        self.last_edit = None;
    }

    /// Records the state before an edit (one step per drag of the same control), applies it.
    /// Applies a change as an undo step (a drag's steps as one); a change that changes
    /// nothing (a value committed again) is no step.
    fn edit(&mut self, key: Option<&'static str>, change: impl FnOnce(&mut Scenario)) {
        let mut changed = self.scenario.clone();
        change(&mut changed);
        if changed == self.scenario {
            return;
        }
        let coalesce = key.is_some() && key == self.last_edit;
        if !coalesce {
            self.push_undo();
        }
        self.last_edit = key;
        self.scenario = changed;
    }

    fn push_undo(&mut self) {
        let snapshot = self.snapshot();
        self.undo.push(snapshot);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.last_edit = None;
    }

    /// Computes the plan with the current model reading (the plan line the expected path), as
    /// one undoable step; its origin is read the same way.
    pub fn use_current_model(&mut self, generation: u64) {
        if self.scenario.model == MODEL_VERSION {
            return;
        }
        self.push_undo();
        self.scenario.model = MODEL_VERSION;
        let baseline = Rc::new(read_as((*self.baseline).clone(), MODEL_VERSION));
        self.set_baseline(baseline);
        self.recompute(generation);
    }

    /// Changes the baseline, and what the model makes of it when it is another one.
    fn set_baseline(&mut self, baseline: Rc<Scenario>) {
        if !Rc::ptr_eq(&self.baseline, &baseline) && *self.baseline != *baseline {
            self.baseline_result = Computed::of(&baseline).ok().map(Rc::new);
        }
        self.baseline = baseline;
    }

    fn snapshot(&self) -> Rc<Snapshot> {
        Rc::new(Snapshot {
            origin: self.origin.clone(),
            opened_as: self.opened_as.clone(),
            name: self.name.clone(),
            baseline: Rc::clone(&self.baseline),
            scenario: self.scenario.clone(),
        })
    }

    fn restore(&mut self, snapshot: &Snapshot, generation: u64) {
        self.origin = snapshot.origin.clone();
        self.opened_as = snapshot.opened_as.clone();
        self.name = snapshot.name.clone();
        self.set_baseline(Rc::clone(&snapshot.baseline));
        self.scenario = snapshot.scenario.clone();
        self.drafts.clear();
        self.last_edit = None;
        self.recompute(generation);
    }

    /// Recomputes unless the scenario is the one on screen already (an edit that changed
    /// nothing must not restart the Monte Carlo).
    fn recompute_if_changed(&mut self, generation: u64) {
        if self.errors.is_none() && self.computed.scenario == self.scenario {
            return;
        }
        self.recompute(generation);
    }

    /// Validates and simulates the edited scenario; on success it becomes the result on screen.
    fn recompute(&mut self, generation: u64) {
        self.concerns = concerns(&self.scenario, &self.baseline, basis_of(&self.origin));
        match Computed::of(&self.scenario) {
            Ok(computed) if same_numbers(&computed.scenario, &self.computed.scenario) => {
                // Only the planner's sources or the actual figures differ: no new odds needed.
                self.errors = None;
                self.computed = Rc::new(computed);
            }
            Ok(computed) => {
                self.errors = None;
                if *self.computed != computed {
                    // The odds of the same targets over the same years stay on screen, greyed,
                    // until the new ones are in.
                    let comparable = computed.scenario.targets == self.computed.scenario.targets
                        && computed.scenario.base_year == self.computed.scenario.base_year
                        && computed.scenario.end_year == self.computed.scenario.end_year;
                    let previous = comparable
                        .then(|| self.uncertain.latest().cloned())
                        .flatten();
                    self.computed = Rc::new(computed);
                    self.generation = generation;
                    self.uncertain = Uncertain::Running { done: 0, previous };
                }
            }
            Err(errors) => self.errors = Some(errors),
        }
    }

    /// Restarts the Monte Carlo of the current result (new runs or seed).
    pub fn restart_uncertainty(&mut self, generation: u64) {
        self.generation = generation;
        self.uncertain = Uncertain::start();
    }

    /// The preset data version this plan is behind the current one by, if any.
    pub fn older_data(&self) -> Option<(u32, u32)> {
        match &self.origin {
            Origin::Preset { slug, data_version } => presets::by_slug(slug)
                .filter(|p| p.data_version > *data_version)
                .map(|p| (*data_version, p.data_version)),
            Origin::Custom => None,
        }
    }
}

/// The three certified stocks, which a certified total sets.
const CERTIFIED_LEVELS: [&str; 3] = ["certified_junior", "certified_mid", "certified_senior"];

/// A certified stock set on its own: the plan enters certified level by level from now on.
fn leave_total_for_level(scenario: &mut Scenario, key: &str) {
    if CERTIFIED_LEVELS.contains(&key) {
        scenario.certified_total = None;
    }
}

/// Whether two scenarios differ at most in the planner's sources, which change no number.
fn same_numbers(a: &Scenario, b: &Scenario) -> bool {
    // Actual figures are beside the plan, not in it: they change no figure the odds are of.
    let bare = |s: &Scenario| Scenario {
        planner_sources: BTreeMap::new(),
        actuals: Default::default(),
        ..s.clone()
    };
    (a.planner_sources != b.planner_sources || a.actuals != b.actuals) && bare(a) == bare(b)
}

/// What a plan's values are judged against: its preset's, or a new region's own size.
fn basis_of(origin: &Origin) -> Basis {
    match origin {
        Origin::Preset { .. } => Basis::Preset,
        Origin::Custom => Basis::NewRegion,
    }
}

/// A scenario computed with the model reading `model`.
fn read_as(mut scenario: Scenario, model: u32) -> Scenario {
    scenario.model = model;
    scenario
}

/// The scenario an origin stands for, with the sources of its numbers: the preset at that data
/// version (the current preset when the version is unknown), or the blank template.
pub fn baseline_of(origin: &Origin) -> Scenario {
    match origin {
        Origin::Preset { slug, data_version } => presets::history::scenario_at(slug, *data_version)
            .ok()
            .or_else(|| presets::by_slug(slug).map(|p| p.scenario.clone()))
            .unwrap_or_else(|| presets::default_preset().scenario.clone()),
        Origin::Custom => presets::blank().clone(),
    }
}
