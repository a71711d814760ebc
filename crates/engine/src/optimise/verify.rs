//! Checking a plan by running the model: does the linear model hold up, which futures meet
//! which targets, which whole-number plan to keep, and what a plan costs.

use crate::scenario::Scenario;
use crate::simulate::{Trajectory, YearInputs};

use super::linear::{future, with_decisions, Layout, Linear, Sampling};
use super::outcome::Cost;
use super::programme::Programme;
use super::setup::{lever_costs, unit_cost};
use super::Costs;

/// The cost of a plan as a linear function of the decisions, from the measured budget and the
/// problem's unit costs.
#[derive(Clone, Debug)]
pub(crate) struct Costing {
    /// Discounted cost per unit of each decision.
    pub discounted: Vec<f64>,
    /// Face-value cost per unit of each decision.
    pub nominal: Vec<f64>,
    /// Face-value cost with every decision at zero.
    pub nominal_constant: f64,
}

impl Costing {
    pub fn new(layout: &Layout, linear: &Linear, costs: &Costs, plan: &[YearInputs]) -> Costing {
        let n = layout.columns.len();
        let budget_discounted = linear.plan.row(layout.cost_discounted(), n);
        let budget_nominal = linear.plan.row(layout.cost_nominal(), n);
        let discounted = layout
            .columns
            .iter()
            .zip(budget_discounted)
            .map(|(c, g)| g + unit_cost(costs, c.lever) * layout.discount[c.year_index])
            .collect();
        let nominal: Vec<f64> = layout
            .columns
            .iter()
            .zip(budget_nominal)
            .map(|(c, g)| g + unit_cost(costs, c.lever))
            .collect();
        let zero = with_decisions(plan, &layout.columns, &vec![0.0; n]);
        let budget_at_zero = linear.plan.base[layout.cost_nominal()]
            - super::lp::dot(budget_nominal, &linear.reference);
        Costing {
            discounted,
            nominal,
            nominal_constant: budget_at_zero + lever_costs(costs, &zero).iter().sum::<f64>(),
        }
    }

    /// The programme's objective: the discounted cost, plus for a decision that costs nothing a
    /// nominal thousandth of the cheapest priced unit, so the cheapest plan never adds units
    /// (institutions, positions) for nothing.
    pub fn objective(&self) -> Vec<f64> {
        let cheapest = self
            .discounted
            .iter()
            .copied()
            .filter(|c| *c > 0.0)
            .fold(f64::INFINITY, f64::min);
        let nominal = if cheapest.is_finite() {
            cheapest * 1e-3
        } else {
            1.0
        };
        self.discounted
            .iter()
            .map(|c| if *c > 0.0 { *c } else { c + nominal })
            .collect()
    }

    /// The largest unit cost: what "negligible" is measured against.
    pub fn scale(&self) -> f64 {
        self.discounted.iter().fold(0.0_f64, |m, c| m.max(c.abs()))
    }
}

/// Whether each selected target is met at its deadline in a trajectory.
pub(crate) fn targets_met(layout: &Layout, trajectory: &Trajectory) -> Vec<bool> {
    layout
        .targets
        .iter()
        .map(|target| {
            let value = trajectory
                .row(target.deadline)
                .map_or(f64::NAN, |row| target.metric.value(row));
            target.is_met_by(value)
        })
        .collect()
}

/// The futures the plan must meet: the plan run, then the sampled ones.
fn futures(sampling: Option<Sampling>) -> impl Iterator<Item = Option<(u64, u64)>> {
    let samples = sampling.map_or(0, |s| s.runs as u64);
    let seed = sampling.map_or(0, |s| s.seed);
    std::iter::once(None).chain((0..samples).map(move |run| Some((seed, run))))
}

/// Per future (plan run first), whether each target is met with decisions `x`.
pub(crate) fn met(
    scenario: &Scenario,
    plan: &[YearInputs],
    layout: &Layout,
    sampling: Option<Sampling>,
    x: &[f64],
) -> Vec<Vec<bool>> {
    let inputs = with_decisions(plan, &layout.columns, x);
    futures(sampling)
        .map(|sample| targets_met(layout, &future(scenario, &inputs, sample)))
        .collect()
}

/// Whether some future misses a target with decisions `x` that the linear model says it meets:
/// the model bent at a ceiling.
pub(crate) fn bends(
    scenario: &Scenario,
    plan: &[YearInputs],
    layout: &Layout,
    programme: &Programme,
    sampling: Option<Sampling>,
    x: &[f64],
) -> bool {
    let measured = std::iter::once(&programme.linear.plan).chain(&programme.linear.samples);
    met(scenario, plan, layout, sampling, x)
        .iter()
        .zip(measured)
        .any(|(met, measured)| {
            met.iter()
                .enumerate()
                .any(|(k, met)| !met && programme.target_holds(k, measured, x))
        })
}

/// The whole-number plan to keep: to the nearest unit if that meets as many targets in as many
/// futures as any other rounding (and stays within the budget ceiling), else rounded up, else
/// down. Fixed decisions stay as they are.
pub(crate) fn round(
    scenario: &Scenario,
    plan: &[YearInputs],
    layout: &Layout,
    sampling: Option<Sampling>,
    costs: &Costs,
    budget: Option<f64>,
    exact: &[f64],
) -> Vec<f64> {
    let rounded = |f: fn(f64) -> f64| -> Vec<f64> {
        layout
            .columns
            .iter()
            .zip(exact)
            .map(|(column, x)| {
                if !column.free {
                    return *x;
                }
                let (low, high) = (column.bounds.min.ceil(), column.bounds.max.floor());
                if low > high {
                    *x
                } else {
                    f(*x).max(low).min(high)
                }
            })
            .collect()
    };
    let candidates = [rounded(f64::round), rounded(f64::ceil), rounded(f64::floor)];
    let score = |x: &Vec<f64>| {
        let met_count: usize = met(scenario, plan, layout, sampling, x)
            .iter()
            .map(|m| m.iter().filter(|m| **m).count())
            .sum();
        let within = budget.is_none_or(|ceiling| {
            let inputs = with_decisions(plan, &layout.columns, x);
            cost(scenario, costs, layout, &inputs).total <= ceiling * (1.0 + 1e-9)
        });
        (within, met_count)
    };
    let scores: Vec<_> = candidates.iter().map(score).collect();
    let best = scores.iter().max().copied();
    // The first candidate with the best score: nearest before up before down.
    let chosen = scores.iter().position(|s| Some(*s) == best).unwrap_or(0);
    candidates[chosen].clone()
}

/// A plan's cost: the model's budget and the problem's costs, year by year.
pub(crate) fn cost(
    scenario: &Scenario,
    costs: &Costs,
    layout: &Layout,
    inputs: &[YearInputs],
) -> Cost {
    let trajectory = future(scenario, inputs, None);
    let per_year: Vec<f64> = trajectory
        .years
        .iter()
        .skip(1)
        .zip(lever_costs(costs, inputs))
        .map(|(row, levers)| row.budget + levers)
        .collect();
    Cost {
        total: per_year.iter().sum(),
        discounted: per_year
            .iter()
            .zip(&layout.discount)
            .map(|(c, d)| c * d)
            .sum(),
        per_year,
    }
}
