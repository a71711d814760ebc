//! Checking a problem and laying out its decisions, measures and costs.

use crate::scenario::Scenario;
use crate::simulate::YearInputs;

use super::lever::Lever;
use super::linear::{discount_factors, Column, Guard, Layout};
use super::{Costs, Goal, OptimiseError, Problem};

/// Checks the problem against the scenario (which must already validate).
pub(crate) fn check(scenario: &Scenario, problem: &Problem) -> Result<(), OptimiseError> {
    if problem.levers.is_empty() {
        return Err(OptimiseError::NoLevers);
    }
    if problem.targets.is_empty() {
        return Err(OptimiseError::NoTargets);
    }
    for (i, choice) in problem.levers.iter().enumerate() {
        if problem.levers[..i].iter().any(|c| c.lever == choice.lever) {
            return Err(OptimiseError::DuplicateLever(choice.lever));
        }
        for (index, year) in scenario.years().skip(1).enumerate() {
            let b = choice.bounds_in(index);
            let sound = b.min.is_finite() && b.min >= 0.0 && !b.max.is_nan() && b.min <= b.max;
            if !sound {
                return Err(OptimiseError::BadBounds {
                    lever: choice.lever,
                    year,
                });
            }
        }
    }
    for (i, &index) in problem.targets.iter().enumerate() {
        let target = scenario
            .targets
            .get(index)
            .ok_or(OptimiseError::UnknownTarget(index))?;
        if problem.targets[..i].contains(&index) {
            return Err(OptimiseError::DuplicateTarget(index));
        }
        if target.deadline <= scenario.base_year {
            return Err(OptimiseError::DeadlineAtBaseYear(index));
        }
    }
    let Costs {
        per_hire,
        per_candidate,
        discount_rate,
    } = problem.costs;
    if ![per_hire, per_candidate, discount_rate]
        .iter()
        .all(|c| c.is_finite() && *c >= 0.0)
    {
        return Err(OptimiseError::BadCosts);
    }
    if let Goal::LeastShortfall { budget, weights } = &problem.goal {
        let weights_fit = weights.is_empty() || weights.len() == problem.targets.len();
        let sound = |v: &f64| v.is_finite() && *v >= 0.0;
        if !sound(budget) || !weights_fit || !weights.iter().all(sound) {
            return Err(OptimiseError::BadGoal);
        }
    }
    if let Some(c) = problem.confidence {
        let open = |p: f64| p > 0.0 && p < 1.0;
        if !open(c.level) || !open(c.beta) {
            return Err(OptimiseError::BadConfidence);
        }
    }
    Ok(())
}

/// The plan's inputs with every chosen lever brought within its bounds in every year.
pub(crate) fn within_bounds(plan: &[YearInputs], problem: &Problem) -> Vec<YearInputs> {
    let mut inputs = plan.to_vec();
    for choice in &problem.levers {
        for (index, input) in inputs.iter_mut().enumerate() {
            let amount = choice.bounds_in(index).clamp(choice.lever.amount(input));
            choice.lever.set_amount(input, amount);
        }
    }
    inputs
}

/// The decisions (each chosen lever in each year up to the last deadline, and the year after
/// it fixed), the measures and the discount factors.
pub(crate) fn layout(scenario: &Scenario, problem: &Problem, plan: &[YearInputs]) -> Layout {
    let targets: Vec<_> = problem
        .targets
        .iter()
        .map(|&i| scenario.targets[i].clone())
        .collect();
    let last_deadline = targets
        .iter()
        .map(|t| t.deadline)
        .max()
        .unwrap_or(scenario.end_year);
    let decision_years = (last_deadline - scenario.base_year).max(0) as usize;
    let measured_years = (decision_years + 1).min(scenario.horizon());
    let columns = problem
        .levers
        .iter()
        .flat_map(|choice| {
            (0..measured_years).map(move |year_index| {
                let bounds = choice.bounds_in(year_index);
                Column {
                    lever: choice.lever,
                    year_index,
                    bounds,
                    free: year_index < decision_years,
                    planned: bounds.clamp(choice.lever.amount(&plan[year_index])),
                }
            })
        })
        .collect();
    let moves = |levers: &[Lever]| problem.levers.iter().any(|c| levers.contains(&c.lever));
    let guard_kinds = [
        (
            Guard::Certification,
            moves(&[
                Lever::Hires,
                Lever::CandidatesJunior,
                Lever::CandidatesMid,
                Lever::CandidatesSenior,
            ]),
        ),
        (Guard::Stations, moves(&[Lever::StationsPerYear])),
        (Guard::Rooms, moves(&[Lever::RoomsPerYear])),
        (
            Guard::Demo,
            moves(&[Lever::DemoPerYear, Lever::StationsPerYear]),
        ),
    ];
    let guards = (1..=decision_years as i32)
        .flat_map(|offset| {
            guard_kinds
                .iter()
                .filter(|(_, used)| *used)
                .map(move |(guard, _)| (*guard, scenario.base_year + offset))
        })
        .collect();
    let later_years = targets
        .iter()
        .map(|t| (t.deadline + 1).min(scenario.end_year))
        .collect();
    Layout {
        columns,
        targets,
        later_years,
        guards,
        discount: discount_factors(problem.costs.discount_rate, scenario.horizon()),
    }
}

/// The problem's own costs (per hire, per candidate) of some inputs: per year, at face value.
pub(crate) fn lever_costs(costs: &Costs, inputs: &[YearInputs]) -> Vec<f64> {
    inputs
        .iter()
        .map(|input| {
            costs.per_hire * Lever::Hires.amount(input)
                + costs.per_candidate
                    * (Lever::CandidatesJunior.amount(input)
                        + Lever::CandidatesMid.amount(input)
                        + Lever::CandidatesSenior.amount(input))
        })
        .collect()
}

/// The problem's own cost of one unit of a lever.
pub(crate) fn unit_cost(costs: &Costs, lever: Lever) -> f64 {
    if lever == Lever::Hires {
        costs.per_hire
    } else if lever.is_candidates() {
        costs.per_candidate
    } else {
        0.0
    }
}
