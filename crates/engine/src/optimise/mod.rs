//! The cheapest plan that meets every selected target: a linear programme over the yearly
//! amounts of the levers a planner lets move, as planned or at a confidence level, explained.
//!
//! For fixed random draws every figure of the model is linear in the yearly amounts (hires,
//! exam candidates, builds) while no ceiling binds (certified ≤ talent, stations ≤ townships,
//! rooms ≤ villages). The optimiser never re-derives the model's equations: it measures each
//! figure's response to one more unit of each decision by running the model
//! ([`crate::simulate::run`] on [`crate::simulate::year_inputs`] and
//! [`crate::montecarlo::draw`]), solves the linear programme, then simulates the answer
//! and linearises again around it if a ceiling made the model bend.
//!
//! At a confidence level the scenario approach applies: N futures sampled from the Monte Carlo
//! (N from the Campi–Garatti bound for the confidence, the number of decisions and β), the plan
//! must meet the targets in every one of them, and its odds are then measured on 10,000 fresh
//! futures from another seed. The confidence asked for is never reported as achieved: the
//! measured hit rate is.
//!
//! The work runs in steps ([`Optimiser::step`]) so the browser's worker can report progress and
//! stop between them: sampling and linearising in chunks of futures, one solve, one check of the
//! answer, the fresh-sample check in chunks, one re-solve per explanation.

mod explain;
mod finish;
mod lever;
mod linear;
mod lp;
mod outcome;
mod programme;
mod relax;
mod scenario_count;
mod setup;
mod solve;
mod verify;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use explain::{BoundSide, Explanation, LeverAtBound, LeverRelaxation, TargetBinding};
pub use lever::{Bounds, Lever, LeverChoice};
pub use lp::{StandardLp, StandardRow};
pub use outcome::{Cost, LeverPlan, Odds, Outcome, Shortfall, Status, TargetResult};
pub use scenario_count::{scenario_count, ScenarioCount, DEFAULT_BETA, MAX_SCENARIOS};
pub use solve::{
    cheapest_plan_lps, optimise, CheapestPlanLps, Optimiser, Phase, Progress, MAX_LINEARISATIONS,
};

use super::validate::ValidationErrors;

/// The number of fresh futures the answer's odds are measured on.
pub const CHECK_RUNS: usize = 10_000;

/// What the planner asks of the optimiser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// The levers that may move, each with its bounds per year. Levers left out keep the plan's
    /// values; so do the chosen levers in the years after the last selected deadline, which no
    /// target can see (brought within their bounds).
    pub levers: Vec<LeverChoice>,
    /// The targets to meet, as indices into the scenario's targets.
    pub targets: Vec<usize>,
    /// Costs the model's budget does not hold, and the discount rate.
    pub costs: Costs,
    /// Least cost, or least shortfall under a budget ceiling.
    pub goal: Goal,
    /// `None`: the targets must be met as planned (every input at its planned value). `Some`:
    /// in every one of the futures the scenario approach samples.
    pub confidence: Option<Confidence>,
    /// Seed of the sampled futures; the fresh check draws from another stream derived from it
    /// ([`Problem::check_seed`]).
    pub seed: u64,
}

/// Costs of the levers on top of the model's budget (which already holds station and room
/// building and operating costs and certificate subsidies), in 元.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Costs {
    /// Recruiting and training one new social worker (元 per hire).
    pub per_hire: f64,
    /// Training one exam candidate, at any level (元 per candidate).
    pub per_candidate: f64,
    /// Yearly discount rate for the least-cost goal (0 for none): money of simulated year i
    /// counts 1/(1+rate)^i, the first simulated year at face value.
    pub discount_rate: f64,
}

/// What "best" means.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    /// The least total cost (discounted if a rate is given) that meets every selected target.
    LeastCost,
    /// Under a ceiling on the total (undiscounted) cost, the least weighted shortfall: each
    /// target's shortfall as a share of its threshold, times its weight; then the least cost.
    LeastShortfall {
        /// 元 over the whole horizon, the model's budget plus the problem's costs.
        budget: f64,
        /// One weight per selected target, in the order of [`Problem::targets`]; empty for 1 each.
        weights: Vec<f64>,
    },
}

/// Meet the targets in every sampled future, with N from the Campi–Garatti bound.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Confidence {
    /// The share of futures the plan should meet the targets in: 0.8, 0.9 or 0.95.
    pub level: f64,
    /// The probability that the sample misleads (see [`DEFAULT_BETA`]).
    pub beta: f64,
}

/// Why the optimiser cannot take the problem at all (an answer that misses a target is an
/// [`Outcome`] with [`Status::Infeasible`], not an error).
#[derive(Clone, Debug, PartialEq)]
pub enum OptimiseError {
    /// The scenario does not validate.
    Invalid(ValidationErrors),
    /// No lever may move.
    NoLevers,
    /// No target is selected.
    NoTargets,
    /// A selected target index is not one of the scenario's targets.
    UnknownTarget(usize),
    /// The same target is selected twice.
    DuplicateTarget(usize),
    /// A lever is listed twice.
    DuplicateLever(Lever),
    /// A lever's bounds in a year are not numbers, negative, or the least above the most.
    BadBounds { lever: Lever, year: i32 },
    /// A cost or the discount rate is negative or not a number.
    BadCosts,
    /// The weights are not one non-negative number per selected target, or the budget is not
    /// a non-negative number.
    BadGoal,
    /// A target's deadline is the base year: nothing done from now on can count.
    DeadlineAtBaseYear(usize),
    /// The confidence level or β is not strictly between 0 and 1.
    BadConfidence,
    /// The confidence needs more futures than [`MAX_SCENARIOS`] for this many decisions.
    TooManyScenarios { decisions: usize },
    /// The solver failed numerically (it did not prove the problem infeasible).
    SolverFailed,
}
