//! The optimiser as a sequence of steps: sample and linearise, solve, check, explain.

use serde::{Deserialize, Serialize};

use crate::scenario::Scenario;
use crate::simulate::{year_inputs, YearInputs};
use crate::validate::validate;

use super::explain::{self, Explanation};
use super::lever::Lever;
use super::linear::{Layout, Linear, Linearising, Sampling};
use super::lp::{self, Failure, Frame, Row, RowSource, StandardLp};
use super::outcome::{Outcome, Shortfall, Status};
use super::programme::{Budget, Programme, TargetRows};
use super::scenario_count::{scenario_count, ScenarioCount};
use super::setup;
use super::verify::{self, Costing};
use super::{Goal, OptimiseError, Problem, CHECK_RUNS};

/// One re-solve of the explanation.
#[derive(Clone, Copy, Debug)]
pub(super) enum Relaxation {
    /// The target (by position in the problem) read a year after its deadline.
    TargetLater(usize),
    /// The lever bound of the explanation's entry (by position) moved by its step.
    Lever(usize),
}

/// Futures linearised per step (each costs one model run per decision).
const FUTURES_PER_STEP: usize = 16;
/// Fresh futures checked per step.
pub(super) const CHECKS_PER_STEP: usize = 1_000;
/// Linearisations before the optimiser settles for what it has (the model is linear away from
/// its ceilings, so a second one is rare and a third rarer).
pub const MAX_LINEARISATIONS: usize = 3;

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
    pub(super) scenario: Scenario,
    pub(super) problem: Problem,
    pub(super) layout: Layout,
    /// The scenario's inputs as planned.
    pub(super) current: Vec<YearInputs>,
    /// The same with the chosen levers brought within their bounds.
    pub(super) plan: Vec<YearInputs>,
    pub(super) sampling: Option<Sampling>,
    pub(super) count: Option<ScenarioCount>,
    pub(super) linearisations: usize,
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
pub(super) struct Found {
    pub(super) linear: Linear,
    pub(super) status: Status,
    /// The programme's amounts per column, and the whole amounts.
    pub(super) exact: Vec<f64>,
    pub(super) whole: Vec<f64>,
    pub(super) costing: Costing,
    pub(super) bounds: Vec<(f64, f64)>,
    /// The least-cost objective's value at `exact` (for the savings of relaxations).
    pub(super) cost_at_optimum: f64,
    /// The sampled futures' target rows the solve ended with: the re-solves start from them.
    pub(super) working: Vec<Row>,
    pub(super) explanation: Explanation,
    pub(super) shortfalls: Vec<Shortfall>,
    /// Per target, sampled futures meeting it; and futures meeting all.
    pub(super) sampled_met: Vec<usize>,
    pub(super) sampled_all_met: usize,
    /// Fresh futures checked, meeting each target, meeting all.
    pub(super) checked: usize,
    pub(super) checked_met: Vec<usize>,
    pub(super) checked_all_met: usize,
    /// Relaxations still to re-solve: targets (by position) then levers (by position in the
    /// explanation).
    pub(super) pending: Vec<Relaxation>,
    pub(super) relaxations: usize,
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

    pub(super) fn programme<'a>(
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
            working: solved
                .rows
                .iter()
                .filter(|row| row.label < self.layout.targets.len())
                .cloned()
                .collect(),
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
}

/// The least-cost goal's linear programmes as the engine solves them, in a plain form for
/// measuring other solvers on them (issue 22).
#[derive(Clone, Debug, PartialEq)]
pub struct CheapestPlanLps {
    /// Each column's lever and simulated year (0 is the year after the base year).
    pub columns: Vec<(Lever, usize)>,
    /// The programme the simplex solved last in the constraint-generation loop (of the last
    /// linearisation): the plan run's rows and the sampled futures' rows it added.
    pub last: StandardLp,
    /// Every row at once: the plan run's and every sampled future's (as planned, the same rows
    /// as `last`). Its optimum is `last`'s: that is what the constraint generation guarantees.
    pub full: StandardLp,
    /// The engine's optimum, in the units of `last.objective`.
    pub optimum: f64,
}

/// The programmes of [`CheapestPlanLps`]: the optimiser run up to its solve, re-linearising as
/// it does, and stopped before its checks. `Ok(None)` for the budget goal or when no plan meets
/// every target (the engine then solves other programmes).
pub fn cheapest_plan_lps(
    scenario: &Scenario,
    problem: &Problem,
) -> Result<Option<CheapestPlanLps>, OptimiseError> {
    if problem.goal != Goal::LeastCost {
        return Ok(None);
    }
    let mut optimiser = Optimiser::new(scenario, problem)?;
    let mut lps = None;
    loop {
        if let State::Solving(linear) = &optimiser.state {
            lps = optimiser.lps(linear);
        }
        optimiser.step()?;
        if !matches!(optimiser.state, State::Linearising(_) | State::Solving(_)) {
            return Ok(lps);
        }
    }
}

impl Optimiser {
    /// The least-cost programmes of `linear`, solved as [`Optimiser::solve`] solves them.
    fn lps(&self, linear: &Linear) -> Option<CheapestPlanLps> {
        let costing = Costing::new(&self.layout, linear, &self.problem.costs, &self.plan);
        let programme = self.programme(linear, false, None, self.bounds());
        let frame = programme.frame(&costing.objective(), &[]);
        if programme.breaks_without_decisions() {
            return None;
        }
        let fixed = programme.plan_rows().ok()?.len();
        let solved = programme.solve(&frame, vec![]).ok()?;
        // The generation starts from the plan run's rows; the sampled rows follow.
        let sampled = |rows: &[Row], i: usize| (i >= fixed).then_some(rows[i].label);
        let last = StandardLp::new(&frame, &solved.rows, |i| sampled(&solved.rows, i));
        let mut every = programme.plan_rows().ok()?;
        every.extend((0..programme.families()).flat_map(|k| programme.sampled_rows(k)));
        let full = StandardLp::new(&frame, &every, |i| sampled(&every, i));
        Some(CheapestPlanLps {
            columns: (self.layout.columns.iter())
                .map(|c| (c.lever, c.year_index))
                .collect(),
            optimum: last.value(&solved.x),
            last,
            full,
        })
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
