//! A province rolled up from its cities, as state: the composition (cities, the province's
//! targets and name), its sums computed whenever it changes (a few model runs), and which
//! figure the stacked chart and the table show. Cities come from presets, files, links and
//! saves: the page reads those and hands over the plans.

use std::rc::Rc;

use super::State;
use crate::life::rollup::{RollUpPlan, MAX_CITIES};
use crate::share::PlanSpec;
use swplan_engine::rollup::{RollUp, RollupError};
use swplan_engine::{Metric, Target};

/// What the planner does in the roll-up dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum RollUpAction {
    /// Add cities (a preset, a file's plans, a link's, a save); beyond [`MAX_CITIES`] the rest
    /// are left out and said.
    AddCities(Vec<PlanSpec>),
    /// Add the plan being edited.
    AddActivePlan,
    RemoveCity(usize),
    /// The province's targets, judged on the sum.
    AddTarget(Target),
    RemoveTarget(usize),
    SetName(Option<String>),
    /// The figure the stacked chart and the table show.
    ShowFigure(Metric),
    /// Open a composition whole (a roll-up link or file), in place of the one on screen.
    Open(RollUpPlan),
    /// A file or link handed over could not give a city (worded by the page).
    Refused(RollUpRefusal),
    Clear,
}

/// Why something handed over did not give cities.
#[derive(Clone, Debug, PartialEq)]
pub enum RollUpRefusal {
    /// A roll-up file that cannot be read.
    File(crate::life::rollup::RollUpFileError),
    /// A file that is neither a roll-up, a saved-plans file nor a scenario, by its name.
    NotAPlanFile { name: String },
    /// Text handed over as a link that holds none.
    NotALink,
    /// More cities than a roll-up holds: `left_out` were not added.
    TooMany { left_out: usize },
}

/// The roll-up on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct RollUpState {
    pub plan: RollUpPlan,
    /// The sums of the composition, when it has cities.
    pub result: Option<Rc<Result<RollUp, RollupError>>>,
    pub figure: Metric,
    /// What the last hand-over could not do.
    pub refusal: Option<RollUpRefusal>,
}

impl Default for RollUpState {
    fn default() -> RollUpState {
        RollUpState {
            plan: RollUpPlan::default(),
            result: None,
            figure: Metric::Talent,
            refusal: None,
        }
    }
}

impl RollUpState {
    fn recompute(&mut self) {
        self.result = (!self.plan.cities.is_empty()).then(|| Rc::new(self.plan.compute()));
    }

    fn add(&mut self, cities: Vec<PlanSpec>) {
        let room = MAX_CITIES - self.plan.cities.len().min(MAX_CITIES);
        let left_out = cities.len().saturating_sub(room);
        self.plan.cities.extend(cities.into_iter().take(room));
        self.refusal = (left_out > 0).then_some(RollUpRefusal::TooMany { left_out });
    }
}

impl State {
    /// Opens the province a roll-up link holds (its plans are the cities), in the roll-up
    /// dialog; a link without `ru` leaves the roll-up as it is.
    pub(super) fn open_rollup_link(&mut self, opened: &crate::share::OpenedLink) {
        let Some(province) = &opened.rollup else {
            return;
        };
        self.apply_rollup(RollUpAction::Open(RollUpPlan {
            name: province.name.clone(),
            targets: province.targets.clone(),
            cities: opened.plans.clone(),
        }));
        self.session.dialog = Some(super::Dialog::RollUp);
    }

    pub(super) fn apply_rollup(&mut self, action: RollUpAction) {
        let active = self.plan().to_spec(self.session.mc);
        let rollup = &mut self.session.rollup;
        match action {
            RollUpAction::AddCities(cities) => rollup.add(cities),
            RollUpAction::AddActivePlan => rollup.add(vec![active]),
            RollUpAction::RemoveCity(index) => {
                if index < rollup.plan.cities.len() {
                    rollup.plan.cities.remove(index);
                }
            }
            RollUpAction::AddTarget(target) => rollup.plan.targets.push(target),
            RollUpAction::RemoveTarget(index) => {
                if index < rollup.plan.targets.len() {
                    rollup.plan.targets.remove(index);
                }
            }
            RollUpAction::SetName(name) => {
                rollup.plan.name = name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty())
            }
            RollUpAction::ShowFigure(metric) => rollup.figure = metric,
            RollUpAction::Open(plan) => {
                rollup.plan = plan;
                rollup.plan.cities.truncate(MAX_CITIES);
                rollup.refusal = None;
            }
            RollUpAction::Refused(refusal) => rollup.refusal = Some(refusal),
            RollUpAction::Clear => *rollup = RollUpState::default(),
        }
        rollup.recompute();
    }
}
