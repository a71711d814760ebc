//! What the optimiser answers: the plan, its cost beside the current plan's, every selected
//! target's verdict and measured odds, and the explanation. Data only: the wording layer words
//! it.

use serde::{Deserialize, Serialize};

use crate::scenario::Scenario;

use super::explain::Explanation;
use super::lever::Lever;
use super::scenario_count::ScenarioCount;

/// How the search ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The plan meets every selected target as planned (and in every sampled future at a
    /// confidence level). Least cost: the cheapest such plan. Budget goal: within the ceiling.
    Met,
    /// No plan within the bounds meets every target (least cost), or none within the budget
    /// (budget goal): the plan is the nearest one, and [`Outcome::shortfalls`] says by how much
    /// each target is missed.
    Infeasible,
    /// The budget ceiling is below the cost of every lever at its least: the plan is the
    /// cheapest there is.
    BudgetTooLow,
    /// The linear programme's plan, simulated, misses a target it should meet (the model bent
    /// at a ceiling beyond what re-linearising repaired): see [`Outcome::targets`].
    Unverified,
}

/// One lever's schedule in the plan found, beside the current one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverPlan {
    pub lever: Lever,
    /// Whole people or units per simulated year (index 0 is the year after the base year).
    pub values: Vec<f64>,
    /// The linear programme's amounts before rounding (the same as `values` in fixed years).
    pub exact: Vec<f64>,
    /// The current plan's amounts.
    pub current: Vec<f64>,
}

/// What a plan costs: the model's budget plus the problem's costs per hire and per candidate.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Cost {
    /// 元 per simulated year.
    pub per_year: Vec<f64>,
    /// 元 over the horizon.
    pub total: f64,
    /// 元 over the horizon, discounted at the problem's rate.
    pub discounted: f64,
}

/// One selected target under the plan found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetResult {
    /// Index into the scenario's targets.
    pub target: usize,
    /// The figure at the deadline in the plan run.
    pub value_at_deadline: f64,
    pub met_as_planned: bool,
    /// In how many of the sampled futures it is met (of [`Outcome::sampled`]'s count).
    pub sampled_met: usize,
    /// The share of the fresh futures in which it is met.
    pub odds: f64,
}

/// Measured odds of meeting every selected target at once, on fresh futures.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Odds {
    pub runs: usize,
    pub seed: u64,
    /// Share of the fresh futures meeting every selected target.
    pub all_met: f64,
    /// Its standard error, √(p(1−p)/runs).
    pub standard_error: f64,
}

/// How far a target is missed: in the target's units, at its deadline, in the worst future the
/// plan had to meet (the plan run as planned).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shortfall {
    /// Index into the scenario's targets.
    pub target: usize,
    pub shortfall: f64,
}

/// The optimiser's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub status: Status,
    /// One entry per lever the problem let move, in the problem's order.
    pub plan: Vec<LeverPlan>,
    pub cost: Cost,
    /// The current plan's cost, computed the same way.
    pub current_cost: Cost,
    /// Per selected target, in the problem's order.
    pub targets: Vec<TargetResult>,
    pub odds: Odds,
    /// The futures sampled for the confidence level (none as planned).
    pub sampled: Option<ScenarioCount>,
    /// Futures in which every selected target is met (of `sampled`).
    pub sampled_all_met: usize,
    /// Targets missed by the nearest plan (empty when every target is met).
    pub shortfalls: Vec<Shortfall>,
    /// How many times the model was linearised (1 unless a ceiling made it bend).
    pub linearisations: usize,
    /// Why this plan: binding targets and bounds, dual values, savings from relaxing each.
    pub explanation: Explanation,
}

impl Outcome {
    /// The scenario with the plan found in place of the current schedules.
    pub fn apply(&self, scenario: &Scenario) -> Scenario {
        let mut applied = scenario.clone();
        for lever in &self.plan {
            lever.lever.write(&mut applied, lever.values.clone());
        }
        applied
    }
}
