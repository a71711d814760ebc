//! The optimiser as a sequence of steps: sample and linearise, solve, check, explain.

use serde::{Deserialize, Serialize};

use crate::model::scenario::Scenario;
use crate::model::simulate::{year_inputs, YearInputs};
use crate::model::validate::validate;

use super::explain::{self, Explanation};
use super::linear::{future, with_decisions, Layout, Linear, Linearising, Sampling};
use super::lp::{self, Failure, Frame, Row};
use super::outcome::{Odds, Outcome, Shortfall, Status, TargetResult};
use super::programme::{shortfall_unit, Budget, Programme, TargetRows};
use super::scenario_count::{scenario_count, ScenarioCount};
use super::setup;
use super::verify::{self, Costing};
use super::{Goal, OptimiseError, Problem, CHECK_RUNS};

/// Futures linearised per step (each costs one model run per decision).
const FUTURES_PER_STEP: usize = 16;
/// Fresh futures checked per step.
const CHECKS_PER_STEP: usize = 1_000;
/// Linearisations before the optimiser settles for what it has (the model is linear away from
/// its ceilings, so a second one is rare and a third rarer).
const MAX_LINEARISATIONS: usize = 3;

/// Where the optimiser is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Sampling futures and measuring each decision's effect in them.
    Sampling,
    /// Solving the linear programme and checking its plan in the sampled futures.
    Solving,
    /// Measuring the plan's odds on fresh futures.
    Checking,
    /// Re-solving with one target or bound relaxed at a time.
    Explaining,
    Done,
}

/// How far the optimiser has come: `done` of `total` units of the current phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub phase: Phase,
    pub done: usize,
    pub total: usize,
    /// 1 for the first linearisation, 2 if the model bent and was linearised again…
    pub linearisation: usize,
}

/// An optimisation in progress. Each [`Optimiser::step`] does a bounded piece of work.
pub struct Optimiser {
    scenario: Scenario,
    problem: Problem,
    layout: Layout,
    /// The scenario's inputs as planned.
    current: Vec<YearInputs>,
    /// The same with the chosen levers brought within their bounds.
    plan: Vec<YearInputs>,
    sampling: Option<Sampling>,
    count: Option<ScenarioCount>,
    linearisations: usize,
    state: State,
}

enum State {
    Linearising(Linearising),
    Solving(Box<Linear>),
    Checking(Box<Found>),
    Explaining(Box<Found>),
    Done(Box<Outcome>),
    Failed(OptimiseError),
}

/// A plan found, on its way to the outcome.
struct Found {
    linear: Linear,
    status: Status,
    /// The programme's amounts per column, and the whole amounts.
    exact: Vec<f64>,
    whole: Vec<f64>,
    costing: Costing,
    bounds: Vec<(f64, f64)>,
    /// The least-cost objective's value at `exact` (for the savings of relaxations).
    cost_at_optimum: f64,
    explanation: Explanation,
    shortfalls: Vec<Shortfall>,
    /// Per target, sampled futures meeting it; and futures meeting all.
    sampled_met: Vec<usize>,
    sampled_all_met: usize,
    /// Fresh futures checked, meeting each target, meeting all.
    checked: usize,
    checked_met: Vec<usize>,
    checked_all_met: usize,
    /// Relaxations still to re-solve: targets (by position) then levers (by position in the
    /// explanation).
    pending: Vec<Relaxation>,
    relaxations: usize,
}

#[derive(Clone, Copy, Debug)]
enum Relaxation {
    TargetLater(usize),
    Lever(usize),
}

impl Optimiser {
    /// Checks the scenario and the problem and lays the problem out; no model run yet.
    pub fn new(scenario: &Scenario, problem: &Problem) -> Result<Optimiser, OptimiseError> {
        validate(scenario).map_err(OptimiseError::Invalid)?;
        setup::check(scenario, problem)?;
        let current = year_inputs(scenario);
        let plan = setup::within_bounds(&current, problem);
        let layout = setup::layout(scenario, problem, &plan);
        let decisions = layout
            .columns
            .iter()
            .filter(|c| c.free && c.bounds.min < c.bounds.max)
            .count()
            + match problem.goal {
                Goal::LeastCost => 0,
                Goal::LeastShortfall { .. } => layout.targets.len(),
            };
        let count = match problem.confidence {
            None => None,
            Some(c) => Some(
                scenario_count(decisions, 1.0 - c.level, c.beta)
                    .ok_or(OptimiseError::TooManyScenarios { decisions })?,
            ),
        };
        let sampling = count.map(|count| Sampling {
            seed: problem.seed,
            runs: count.scenarios,
        });
        let reference = layout
            .columns
            .iter()
            .map(|c| if c.free { c.bounds.min } else { c.planned })
            .collect();
        let state = State::Linearising(Linearising::new(&layout, &plan, reference, sampling));
        Ok(Optimiser {
            scenario: scenario.clone(),
            problem: problem.clone(),
            layout,
            current,
            plan,
            sampling,
            count,
            linearisations: 1,
            state,
        })
    }

    /// Where the optimiser is.
    pub fn progress(&self) -> Progress {
        let (phase, done, total) = match &self.state {
            State::Linearising(l) => {
                let (done, total) = l.progress();
                (Phase::Sampling, done, total)
            }
            State::Solving(_) => (Phase::Solving, 0, 1),
            State::Checking(found) => (Phase::Checking, found.checked, CHECK_RUNS),
            State::Explaining(found) => (
                Phase::Explaining,
                found.relaxations - found.pending.len(),
                found.relaxations,
            ),
            State::Done(_) | State::Failed(_) => (Phase::Done, 1, 1),
        };
        Progress {
            phase,
            done,
            total,
            linearisation: self.linearisations,
        }
    }

    /// Does one bounded piece of work; `Ok(Some(outcome))` once the answer is there.
    pub fn step(&mut self) -> Result<Option<Outcome>, OptimiseError> {
        let state = std::mem::replace(&mut self.state, State::Failed(OptimiseError::SolverFailed));
        self.state = match state {
            State::Linearising(mut l) => {
                l.advance(&self.scenario, &self.layout, FUTURES_PER_STEP);
                if l.is_complete() {
                    match l.finish() {
                        Some(linear) => State::Solving(Box::new(linear)),
                        None => State::Failed(OptimiseError::SolverFailed),
                    }
                } else {
                    State::Linearising(l)
                }
            }
            State::Solving(linear) => self.solve(*linear),
            State::Checking(mut found) => {
                self.check(&mut found);
                if found.checked >= CHECK_RUNS {
                    State::Explaining(found)
                } else {
                    State::Checking(found)
                }
            }
            State::Explaining(mut found) => match found.pending.pop() {
                Some(relaxation) => {
                    self.relax(&mut found, relaxation);
                    State::Explaining(found)
                }
                None => State::Done(Box::new(self.outcome(*found))),
            },
            State::Done(outcome) => State::Done(outcome),
            State::Failed(error) => State::Failed(error),
        };
        match &self.state {
            State::Done(outcome) => Ok(Some((**outcome).clone())),
            State::Failed(error) => Err(error.clone()),
            _ => Ok(None),
        }
    }

    fn bounds(&self) -> Vec<(f64, f64)> {
        self.layout
            .columns
            .iter()
            .map(|c| {
                if c.free {
                    (c.bounds.min, c.bounds.max)
                } else {
                    (c.planned, c.planned)
                }
            })
            .collect()
    }

    fn programme<'a>(
        &'a self,
        linear: &'a Linear,
        shortfall: bool,
        budget: Option<Budget>,
        bounds: Vec<(f64, f64)>,
    ) -> Programme<'a> {
        Programme {
            layout: &self.layout,
            linear,
            targets: vec![
                TargetRows {
                    later: false,
                    dropped: false
                };
                self.layout.targets.len()
            ],
            shortfall,
            budget,
            bounds,
            samples: self.sampling.is_some(),
        }
    }

    fn weights(&self) -> Vec<f64> {
        match &self.problem.goal {
            Goal::LeastShortfall { weights, .. } if !weights.is_empty() => weights.clone(),
            _ => vec![1.0; self.layout.targets.len()],
        }
    }

    /// Solves the programme of `linear`, checks the plan by simulation, rounds it.
    fn solve(&mut self, linear: Linear) -> State {
        let costing = Costing::new(&self.layout, &linear, &self.problem.costs, &self.plan);
        let objective = costing.objective();
        let bounds = self.bounds();
        let answer = match &self.problem.goal {
            Goal::LeastCost => {
                let programme = self.programme(&linear, false, None, bounds.clone());
                let frame = programme.frame(&objective, &[]);
                let solved = if programme.breaks_without_decisions() {
                    Err(Failure::Infeasible)
                } else {
                    programme
                        .plan_rows()
                        .and_then(|_| programme.solve(&frame, vec![]))
                };
                match solved {
                    Ok(solved) => Ok((Status::Met, solved, frame)),
                    Err(Failure::Infeasible) => self
                        .least_shortfall(&linear, &objective, None, bounds.clone())
                        .map(|(solved, frame)| (Status::Infeasible, solved, frame)),
                    Err(Failure::Solver) => Err(Failure::Solver),
                }
            }
            Goal::LeastShortfall { budget, .. } => {
                let ceiling = Budget {
                    coefficients: costing.nominal.clone(),
                    constant: costing.nominal_constant,
                    ceiling: *budget,
                };
                match self.least_shortfall(&linear, &objective, Some(ceiling), bounds.clone()) {
                    Ok((solved, frame)) => Ok((Status::Met, solved, frame)),
                    // Only the ceiling can make a shortfall programme infeasible.
                    Err(Failure::Infeasible) => {
                        let frame = Frame {
                            objective: objective.clone(),
                            bounds: bounds.clone(),
                        };
                        lp::solve_rows(&frame, &[])
                            .map(|x| (Status::BudgetTooLow, lp::Solved { x, rows: vec![] }, frame))
                    }
                    Err(Failure::Solver) => Err(Failure::Solver),
                }
            }
        };
        let Ok((status, solved, frame)) = answer else {
            return State::Failed(OptimiseError::SolverFailed);
        };
        let columns = self.layout.columns.len();
        let exact: Vec<f64> = solved.x[..columns].to_vec();

        // The model bends at its ceilings: simulate the plan and linearise again around it if
        // a future misses a target the linear model says it meets.
        let programme = self.programme(&linear, false, None, bounds.clone());
        let bent = verify::bends(
            &self.scenario,
            &self.plan,
            &self.layout,
            &programme,
            self.sampling,
            &exact,
        );
        if bent && self.linearisations < MAX_LINEARISATIONS {
            self.linearisations += 1;
            let reference = exact
                .iter()
                .zip(&bounds)
                .map(|(x, (min, max))| x.max(*min).min(*max))
                .collect();
            return State::Linearising(Linearising::new(
                &self.layout,
                &self.plan,
                reference,
                self.sampling,
            ));
        }

        let budget_ceiling = match &self.problem.goal {
            Goal::LeastShortfall { budget, .. } => Some(*budget),
            Goal::LeastCost => None,
        };
        let whole = verify::round(
            &self.scenario,
            &self.plan,
            &self.layout,
            self.sampling,
            &self.problem.costs,
            budget_ceiling,
            &exact,
        );
        let met = verify::met(
            &self.scenario,
            &self.plan,
            &self.layout,
            self.sampling,
            &whole,
        );
        let sampled = &met[1..];
        let sampled_met = (0..self.layout.targets.len())
            .map(|k| sampled.iter().filter(|m| m[k]).count())
            .collect();
        let sampled_all_met = sampled.iter().filter(|m| m.iter().all(|x| *x)).count();
        let shortfalls = self.shortfalls(&whole);
        let wanted_all = status == Status::Met && matches!(self.problem.goal, Goal::LeastCost);
        let status = if wanted_all && met.iter().any(|m| m.iter().any(|x| !x)) {
            Status::Unverified
        } else if status == Status::Met && !shortfalls.is_empty() {
            // The budget goal's plan is short of a target: the budget cannot meet them all.
            Status::Infeasible
        } else {
            status
        };

        let cost_at_optimum = lp::dot(&costing.discounted, &exact);
        let mut found = Found {
            status,
            exact,
            whole,
            bounds,
            cost_at_optimum,
            explanation: Explanation::default(),
            shortfalls,
            sampled_met,
            sampled_all_met,
            checked: 0,
            checked_met: vec![0; self.layout.targets.len()],
            checked_all_met: 0,
            pending: Vec::new(),
            relaxations: 0,
            costing,
            linear,
        };
        if found.status == Status::Met && self.problem.goal == Goal::LeastCost {
            self.explain(&mut found, &solved, &frame);
        }
        found.explanation.at_bounds =
            explain::at_bounds(&self.layout.columns, &found.exact, self.scenario.base_year);
        State::Checking(Box::new(found))
    }

    /// Least weighted shortfall, then least cost at that shortfall.
    fn least_shortfall(
        &self,
        linear: &Linear,
        objective: &[f64],
        budget: Option<Budget>,
        bounds: Vec<(f64, f64)>,
    ) -> Result<(lp::Solved, Frame), Failure> {
        let programme = self.programme(linear, true, budget, bounds);
        programme.plan_rows()?;
        let weights = self.weights();
        let columns = self.layout.columns.len();
        let first = programme.frame(&vec![0.0; columns], &weights);
        let solved = programme.solve(&first, vec![])?;
        let least = lp::dot(&weights, &solved.x[columns..]);
        let mut coefficients = vec![0.0; columns];
        coefficients.extend(weights.iter().map(|w| -w));
        let keep =
            Row::new(coefficients, -(least + 1e-9 * (1.0 + least))).map_err(|_| Failure::Solver)?;
        let second = programme.frame(objective, &vec![0.0; weights.len()]);
        let mut rows = solved.rows;
        rows.push(keep);
        programme.solve(&second, rows).map(|s| (s, second))
    }

    /// The targets the plan misses as planned, by how much.
    fn shortfalls(&self, whole: &[f64]) -> Vec<Shortfall> {
        let inputs = with_decisions(&self.plan, &self.layout.columns, whole);
        let trajectory = future(&self.scenario, &inputs, None);
        self.layout
            .targets
            .iter()
            .zip(&self.problem.targets)
            .filter_map(|(target, &index)| {
                let value = crate::model::targets::evaluate(target, &trajectory).value_at_deadline;
                (!target.is_met_by(value)).then(|| Shortfall {
                    target: index,
                    shortfall: target.gap(value),
                })
            })
            .collect()
    }

    /// Binding targets and bounds from the dual values; relaxations queued for re-solving.
    fn explain(&self, found: &mut Found, solved: &lp::Solved, frame: &Frame) {
        // Duals of the real cost, without the nominal cost that breaks ties: the plan is optimal
        // for it too (the tie-break only chooses among equally cheap plans).
        let real = Frame {
            objective: found.costing.discounted.clone(),
            bounds: frame.bounds.clone(),
        };
        let duals = lp::duals(&real, &solved.rows, lp::dot(&real.objective, &solved.x))
            .or_else(|| lp::duals(frame, &solved.rows, lp::dot(&frame.objective, &solved.x)));
        let scale = found.costing.scale();
        let negligible = 1e-6 * scale.max(1.0);
        let programme = self.programme(&found.linear, false, None, found.bounds.clone());
        let futures: Vec<_> = std::iter::once(&found.linear.plan)
            .chain(&found.linear.samples)
            .collect();
        for (k, &index) in self.problem.targets.iter().enumerate() {
            let target = &self.layout.targets[k];
            let per_unit = duals.as_ref().map(|d| {
                solved
                    .rows
                    .iter()
                    .zip(&d.rows)
                    .filter(|(row, _)| row.label == k)
                    .map(|(_, y)| y)
                    .sum::<f64>()
            });
            let tight = futures.iter().any(|f| {
                let value = programme.target_value(k, f, &solved.x);
                (value - target.threshold).abs() <= 1e-6 * shortfall_unit(target.threshold)
            });
            let binding = tight || per_unit.is_some_and(|dual| dual > negligible);
            found.explanation.targets.push(explain::TargetBinding {
                target: index,
                binding,
                saves_per_unit: per_unit,
                a_year_later_saves: None,
            });
            let later = self.layout.later_years[k] > target.deadline;
            if binding && later {
                found.pending.push(Relaxation::TargetLater(k));
            }
        }
        if let Some(d) = &duals {
            found.explanation.levers =
                explain::binding_bounds(&self.layout.columns, d, self.scenario.base_year, scale);
            found
                .pending
                .extend((0..found.explanation.levers.len()).map(Relaxation::Lever));
        }
        // Popped from the end: reverse so targets come first, in order.
        found.pending.reverse();
        found.relaxations = found.pending.len();
    }

    /// Re-solves with one target a year later or one lever's bound moved.
    fn relax(&self, found: &mut Found, relaxation: Relaxation) {
        let mut bounds = found.bounds.clone();
        let mut targets = vec![
            TargetRows {
                later: false,
                dropped: false
            };
            self.layout.targets.len()
        ];
        match relaxation {
            Relaxation::TargetLater(k) => {
                targets[k].later = true;
                // The year after the last deadline becomes a decision if the new deadline sees it.
                let new_deadline = self.layout.later_years[k];
                for (column, b) in self.layout.columns.iter().zip(bounds.iter_mut()) {
                    let year = self.scenario.base_year + 1 + column.year_index as i32;
                    // Only upward from the plan's amount: the base plan keeps that year as
                    // planned, so cutting it would count a saving the delay did not make.
                    if !column.free && year <= new_deadline {
                        *b = (column.planned, column.bounds.max);
                    }
                }
            }
            Relaxation::Lever(i) => {
                let relaxation = &found.explanation.levers[i];
                for (column, b) in self.layout.columns.iter().zip(bounds.iter_mut()) {
                    if column.free && column.lever == relaxation.lever {
                        match relaxation.side {
                            explain::BoundSide::Max => b.1 += relaxation.step,
                            explain::BoundSide::Min => b.0 = (b.0 - relaxation.step).max(0.0),
                        }
                    }
                }
            }
        }
        let mut programme = self.programme(&found.linear, false, None, bounds);
        programme.targets = targets;
        let objective = found.costing.objective();
        let frame = programme.frame(&objective, &[]);
        let saves = programme.solve(&frame, vec![]).ok().map(|solved| {
            let cost = lp::dot(&found.costing.discounted, &solved.x);
            (found.cost_at_optimum - cost).max(0.0)
        });
        match relaxation {
            Relaxation::TargetLater(k) => found.explanation.targets[k].a_year_later_saves = saves,
            Relaxation::Lever(i) => found.explanation.levers[i].saves = saves,
        }
    }

    /// Runs a chunk of fresh futures with the whole plan.
    fn check(&self, found: &mut Found) {
        let seed = self.check_seed();
        let inputs = with_decisions(&self.plan, &self.layout.columns, &found.whole);
        let end = (found.checked + CHECKS_PER_STEP).min(CHECK_RUNS);
        for run_index in found.checked..end {
            let trajectory = future(&self.scenario, &inputs, Some((seed, run_index as u64)));
            let met = verify::targets_met(&self.layout, &trajectory);
            for (count, m) in found.checked_met.iter_mut().zip(&met) {
                *count += usize::from(*m);
            }
            found.checked_all_met += usize::from(met.iter().all(|m| *m));
        }
        found.checked = end;
    }

    fn check_seed(&self) -> u64 {
        self.problem.check_seed()
    }

    fn outcome(&self, found: Found) -> Outcome {
        let whole_inputs = with_decisions(&self.plan, &self.layout.columns, &found.whole);
        let trajectory = future(&self.scenario, &whole_inputs, None);
        let runs = found.checked.max(1) as f64;
        let all_met = found.checked_all_met as f64 / runs;
        let targets = self
            .layout
            .targets
            .iter()
            .zip(&self.problem.targets)
            .enumerate()
            .map(|(k, (target, &index))| {
                let verdict = crate::model::targets::evaluate(target, &trajectory);
                TargetResult {
                    target: index,
                    value_at_deadline: verdict.value_at_deadline,
                    met_as_planned: verdict.met,
                    sampled_met: found.sampled_met[k],
                    odds: found.checked_met[k] as f64 / runs,
                }
            })
            .collect();
        let plan = self
            .problem
            .levers
            .iter()
            .map(|choice| {
                let amounts = |inputs: &[YearInputs]| -> Vec<f64> {
                    inputs.iter().map(|i| choice.lever.amount(i)).collect()
                };
                let exact_inputs = with_decisions(&self.plan, &self.layout.columns, &found.exact);
                super::outcome::LeverPlan {
                    lever: choice.lever,
                    values: amounts(&whole_inputs),
                    exact: amounts(&exact_inputs),
                    current: amounts(&self.current),
                }
            })
            .collect();
        Outcome {
            status: found.status,
            plan,
            cost: verify::cost(
                &self.scenario,
                &self.problem.costs,
                &self.layout,
                &whole_inputs,
            ),
            current_cost: verify::cost(
                &self.scenario,
                &self.problem.costs,
                &self.layout,
                &self.current,
            ),
            targets,
            odds: Odds {
                runs: found.checked,
                seed: self.check_seed(),
                all_met,
                standard_error: (all_met * (1.0 - all_met) / runs).sqrt(),
            },
            sampled: self.count,
            sampled_all_met: found.sampled_all_met,
            shortfalls: found.shortfalls,
            linearisations: self.linearisations,
            explanation: found.explanation,
        }
    }
}

impl Problem {
    /// The seed of the fresh futures the answer is checked on: another stream than the
    /// sampled futures'.
    pub fn check_seed(&self) -> u64 {
        self.seed ^ 0xC3A5_C85C_97CB_3127
    }
}

/// Runs an optimisation to its end.
pub fn optimise(scenario: &Scenario, problem: &Problem) -> Result<Outcome, OptimiseError> {
    let mut optimiser = Optimiser::new(scenario, problem)?;
    loop {
        if let Some(outcome) = optimiser.step()? {
            return Ok(outcome);
        }
    }
}
