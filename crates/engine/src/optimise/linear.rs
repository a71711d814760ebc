//! The linear model of a problem, measured by running the model: for every future (the plan run
//! and each sampled one) the figures the targets read, their response to one more unit of each
//! decision, and — in the plan run — the cost and the "guards" that keep the model linear
//! (certified ≤ talent, stations ≤ townships, rooms ≤ villages, demonstration ≤ stations).

use crate::montecarlo::draw;
use crate::scenario::Scenario;
use crate::simulate::{run, Trajectory, YearInputs};
use crate::targets::Target;

use super::lever::{Bounds, Lever};

/// One decision: a lever's amount in one simulated year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Column {
    pub lever: Lever,
    /// 0 is the year after the base year.
    pub year_index: usize,
    pub bounds: Bounds,
    /// Whether the base problem may move it. The year after the last deadline is measured too
    /// (so "a year later" can be asked), but stays fixed at the plan's amount otherwise.
    pub free: bool,
    /// The amount when fixed: the plan's, brought within the bounds.
    pub planned: f64,
}

/// A margin that must stay non-negative for the model to stay linear, in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Guard {
    /// Uncertified talent: talent − certified.
    Certification,
    /// Townships without a station.
    Stations,
    /// Villages without a room.
    Rooms,
    /// Stations that are not demonstration stations.
    Demo,
}

impl Guard {
    fn margin(self, scenario: &Scenario, trajectory: &Trajectory, year: i32) -> f64 {
        let Some(row) = trajectory.row(year) else {
            return 0.0;
        };
        let a = &scenario.assumptions;
        match self {
            Guard::Certification => row.talent - row.certified,
            Guard::Stations => a.townships - row.stations,
            Guard::Rooms => a.villages - row.rooms,
            Guard::Demo => row.stations - row.demo_stations,
        }
    }
}

/// What is read from each trajectory, in the order of the measured vector.
#[derive(Clone, Debug)]
pub(crate) struct Layout {
    pub columns: Vec<Column>,
    /// The selected targets, in the problem's order.
    pub targets: Vec<Target>,
    /// The year each target is also read in for "a year later" (its deadline when it is the
    /// table's last year).
    pub later_years: Vec<i32>,
    /// Guards and the calendar year they are read in (plan run only).
    pub guards: Vec<(Guard, i32)>,
    /// Discount factor of each simulated year.
    pub discount: Vec<f64>,
}

/// Index of a measure in a measured vector. Every future has the targets at their deadlines,
/// then the targets a year later; the plan run adds the guards and the two costs.
impl Layout {
    pub fn target(&self, k: usize) -> usize {
        k
    }

    pub fn target_later(&self, k: usize) -> usize {
        self.targets.len() + k
    }

    pub fn guard(&self, g: usize) -> usize {
        2 * self.targets.len() + g
    }

    /// The model's budget over the horizon, discounted.
    pub fn cost_discounted(&self) -> usize {
        2 * self.targets.len() + self.guards.len()
    }

    /// The model's budget over the horizon, at face value.
    pub fn cost_nominal(&self) -> usize {
        self.cost_discounted() + 1
    }

    fn plan_measures(&self) -> usize {
        self.cost_nominal() + 1
    }

    /// The measured vector of one trajectory (`plan` adds guards and costs).
    fn measure(&self, scenario: &Scenario, t: &Trajectory, plan: bool) -> Vec<f64> {
        let at =
            |target: &Target, year: i32| t.row(year).map_or(0.0, |row| target.metric.value(row));
        let mut out = Vec::with_capacity(self.plan_measures());
        out.extend(
            self.targets
                .iter()
                .map(|target| at(target, target.deadline)),
        );
        out.extend(
            self.targets
                .iter()
                .zip(&self.later_years)
                .map(|(target, year)| at(target, *year)),
        );
        if plan {
            out.extend(
                self.guards
                    .iter()
                    .map(|(guard, year)| guard.margin(scenario, t, *year)),
            );
            let budgets = t.years.iter().skip(1).map(|row| row.budget);
            let discounted = budgets
                .clone()
                .zip(&self.discount)
                .map(|(budget, factor)| budget * factor)
                .sum::<f64>();
            out.push(discounted);
            out.push(budgets.sum::<f64>());
        }
        out
    }
}

/// One future's figures at the reference decisions and their response to each decision.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Measured {
    pub base: Vec<f64>,
    /// Row-major: `gradient[measure * columns + column]`.
    pub gradient: Vec<f64>,
}

impl Measured {
    /// The linear model's value of `measure` at decisions `x` (reference `reference`).
    pub fn value(&self, measure: usize, x: &[f64], reference: &[f64]) -> f64 {
        let n = x.len();
        let row = &self.gradient[measure * n..(measure + 1) * n];
        let mut value = self.base[measure];
        for ((g, xj), rj) in row.iter().zip(x).zip(reference) {
            value += g * (xj - rj);
        }
        value
    }

    pub fn row(&self, measure: usize, columns: usize) -> &[f64] {
        &self.gradient[measure * columns..(measure + 1) * columns]
    }
}

/// The linear model: the plan run and the sampled futures, linearised around `reference`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Linear {
    pub reference: Vec<f64>,
    pub plan: Measured,
    pub samples: Vec<Measured>,
}

/// Where sampled futures come from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Sampling {
    pub seed: u64,
    pub runs: usize,
}

/// The size of a step in the direction of one decision: one person or unit.
const STEP: f64 = 1.0;

/// A linearisation in progress, future by future, so a caller can spread it over steps.
pub(crate) struct Linearising {
    reference: Vec<f64>,
    /// Per column: +STEP or −STEP.
    steps: Vec<f64>,
    /// The plan's inputs with the reference decisions in place.
    inputs: Vec<YearInputs>,
    sampling: Option<Sampling>,
    plan: Option<Measured>,
    samples: Vec<Measured>,
}

impl Linearising {
    /// Starts a linearisation around `reference` (one amount per column). Steps go up from a
    /// decision at its least and down otherwise, so a ceiling reached exactly at `reference`
    /// (stations at full coverage) does not hide the decision's effect.
    pub fn new(
        layout: &Layout,
        plan_inputs: &[YearInputs],
        reference: Vec<f64>,
        sampling: Option<Sampling>,
    ) -> Linearising {
        let steps = layout
            .columns
            .iter()
            .zip(&reference)
            .map(|(c, x)| {
                if *x - STEP < c.bounds.min {
                    STEP
                } else {
                    -STEP
                }
            })
            .collect();
        let inputs = with_decisions(plan_inputs, &layout.columns, &reference);
        Linearising {
            reference,
            steps,
            inputs,
            sampling,
            plan: None,
            samples: Vec::new(),
        }
    }

    /// Futures measured so far (the plan run counts as one) and in all.
    pub fn progress(&self) -> (usize, usize) {
        let total = 1 + self.sampling.map_or(0, |s| s.runs);
        (usize::from(self.plan.is_some()) + self.samples.len(), total)
    }

    pub fn is_complete(&self) -> bool {
        let (done, total) = self.progress();
        done >= total
    }

    /// Measures up to `count` more futures.
    pub fn advance(&mut self, scenario: &Scenario, layout: &Layout, count: usize) {
        for _ in 0..count {
            if self.is_complete() {
                return;
            }
            if self.plan.is_none() {
                self.plan = Some(self.measure_future(scenario, layout, None));
            } else if let Some(sampling) = self.sampling {
                let run_index = self.samples.len() as u64;
                let measured =
                    self.measure_future(scenario, layout, Some((sampling.seed, run_index)));
                self.samples.push(measured);
            }
        }
    }

    /// The finished linear model.
    pub fn finish(self) -> Option<Linear> {
        let complete = self.is_complete();
        let plan = self.plan?;
        complete.then_some(Linear {
            reference: self.reference,
            plan,
            samples: self.samples,
        })
    }

    /// One future's measures at the reference and after one step in each decision.
    fn measure_future(
        &self,
        scenario: &Scenario,
        layout: &Layout,
        sample: Option<(u64, u64)>,
    ) -> Measured {
        let is_plan = sample.is_none();
        let trajectory = |inputs: &[YearInputs]| future(scenario, inputs, sample);
        let base = layout.measure(scenario, &trajectory(&self.inputs), is_plan);
        let columns = layout.columns.len();
        let mut gradient = vec![0.0; base.len() * columns];
        let mut inputs = self.inputs.clone();
        for (j, column) in layout.columns.iter().enumerate() {
            let slot = &mut inputs[column.year_index];
            let before = column.lever.amount(slot);
            column.lever.set_amount(slot, before + self.steps[j]);
            let moved = layout.measure(scenario, &trajectory(&inputs), is_plan);
            column
                .lever
                .set_amount(&mut inputs[column.year_index], before);
            for (m, (after, at)) in moved.iter().zip(&base).enumerate() {
                gradient[m * columns + j] = (after - at) / self.steps[j];
            }
        }
        Measured { base, gradient }
    }
}

/// The plan's inputs with the decisions `x` in place of the columns' amounts.
pub(crate) fn with_decisions(
    plan: &[YearInputs],
    columns: &[Column],
    x: &[f64],
) -> Vec<YearInputs> {
    let mut inputs = plan.to_vec();
    for (column, amount) in columns.iter().zip(x) {
        column
            .lever
            .set_amount(&mut inputs[column.year_index], *amount);
    }
    inputs
}

/// The trajectory of the plan run or of sampled future `run_index`, with decisions `x`.
pub(crate) fn future(
    scenario: &Scenario,
    inputs: &[YearInputs],
    sample: Option<(u64, u64)>,
) -> Trajectory {
    match sample {
        None => run(scenario, inputs),
        Some((seed, run_index)) => run(
            scenario,
            &draw(inputs, &scenario.uncertainty, seed, run_index),
        ),
    }
}

/// Discount factors 1/(1+rate)^i for `years` simulated years, by repeated division (the same
/// bits on every platform).
pub(crate) fn discount_factors(rate: f64, years: usize) -> Vec<f64> {
    let mut factor = 1.0;
    (0..years)
        .map(|_| {
            let this_year = factor;
            factor /= 1.0 + rate;
            this_year
        })
        .collect()
}
