//! The optimiser's linear programme, written from the measured linear model: one row per
//! selected target per future, the plan run's guards, and the budget ceiling when there is one.

use crate::targets::Goal as Direction;

use super::linear::{Layout, Linear, Measured};
use super::lp::{self, ConstantRow, Failure, Frame, Row, RowSource};

/// How a selected target enters the programme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct TargetRows {
    /// Read at the deadline, or a year later (for "what a year's delay saves").
    pub later: bool,
    /// Skip the target (its rows are not written).
    pub dropped: bool,
}

/// A programme over the decisions (and one shortfall per target in shortfall mode).
pub(crate) struct Programme<'a> {
    pub layout: &'a Layout,
    pub linear: &'a Linear,
    pub targets: Vec<TargetRows>,
    /// Shortfall mode: each target may fall short by σ·|threshold| (σ ≥ 0 a variable).
    pub shortfall: bool,
    /// Ceiling on the nominal cost, with the nominal cost's coefficients and constant.
    pub budget: Option<Budget>,
    /// The bounds of the decisions (the sampled futures are read only when `samples`).
    pub bounds: Vec<(f64, f64)>,
    pub samples: bool,
}

/// The nominal cost as a linear function of the decisions, and its ceiling.
#[derive(Clone, Debug)]
pub(crate) struct Budget {
    pub coefficients: Vec<f64>,
    pub constant: f64,
    pub ceiling: f64,
}

/// Scale of a target's shortfall variable: its threshold (1 for a zero threshold).
pub(crate) fn shortfall_unit(threshold: f64) -> f64 {
    threshold.abs().max(1.0)
}

impl Programme<'_> {
    /// Columns: the decisions, then one shortfall per target in shortfall mode.
    pub fn width(&self) -> usize {
        self.layout.columns.len()
            + if self.shortfall {
                self.targets.len()
            } else {
                0
            }
    }

    /// The frame for an objective over the decisions (and a weight per shortfall).
    pub fn frame(&self, decisions: &[f64], shortfall_weights: &[f64]) -> Frame {
        let mut objective = decisions.to_vec();
        let mut bounds = self.bounds.clone();
        if self.shortfall {
            objective.extend(shortfall_weights);
            bounds.extend(self.targets.iter().map(|_| (0.0, f64::INFINITY)));
        }
        Frame { objective, bounds }
    }

    fn measure(&self, k: usize) -> usize {
        if self.targets[k].later {
            self.layout.target_later(k)
        } else {
            self.layout.target(k)
        }
    }

    /// The row "target k is met in this future", if it has any decision in it.
    fn target_row(&self, k: usize, future: &Measured) -> Result<Row, ConstantRow> {
        let n = self.layout.columns.len();
        let measure = self.measure(k);
        let gradient = future.row(measure, n);
        let constant = future.base[measure] - lp::dot(gradient, &self.linear.reference);
        let target = &self.layout.targets[k];
        let sign = match target.goal() {
            Direction::AtLeast => 1.0,
            Direction::AtMost => -1.0,
        };
        let mut coefficients: Vec<f64> = gradient.iter().map(|g| sign * g).collect();
        if self.shortfall {
            coefficients.extend((0..self.targets.len()).map(|i| {
                if i == k {
                    shortfall_unit(target.threshold)
                } else {
                    0.0
                }
            }));
        }
        Row::new(coefficients, sign * (target.threshold - constant)).map(|row| row.labelled(k))
    }

    fn guard_row(&self, g: usize) -> Result<Row, ConstantRow> {
        let n = self.layout.columns.len();
        let measure = self.layout.guard(g);
        let gradient = self.linear.plan.row(measure, n);
        let constant = self.linear.plan.base[measure] - lp::dot(gradient, &self.linear.reference);
        let mut coefficients = gradient.to_vec();
        coefficients.resize(self.width(), 0.0);
        Row::new(coefficients, -constant)
    }

    fn budget_row(&self, budget: &Budget) -> Result<Row, ConstantRow> {
        let mut coefficients: Vec<f64> = budget.coefficients.iter().map(|c| -c).collect();
        coefficients.resize(self.width(), 0.0);
        Row::new(coefficients, budget.constant - budget.ceiling)
    }

    /// The plan run's rows; `Err` when a row without decisions breaks (nothing can meet it).
    pub fn plan_rows(&self) -> Result<Vec<Row>, Failure> {
        let mut rows = Vec::new();
        let mut keep = |row: Result<Row, ConstantRow>| match row {
            Ok(row) => {
                rows.push(row);
                Ok(())
            }
            Err(ConstantRow::Holds) => Ok(()),
            Err(ConstantRow::Breaks) => Err(Failure::Infeasible),
        };
        for k in 0..self.targets.len() {
            if !self.targets[k].dropped {
                keep(self.target_row(k, &self.linear.plan))?;
            }
        }
        for g in 0..self.layout.guards.len() {
            keep(self.guard_row(g))?;
        }
        if let Some(budget) = &self.budget {
            keep(self.budget_row(budget))?;
        }
        Ok(rows)
    }

    /// Whether some future misses a target that no decision moves: then no plan can meet it.
    pub fn breaks_without_decisions(&self) -> bool {
        let futures = std::iter::once(&self.linear.plan)
            .chain(self.linear.samples.iter().filter(|_| self.samples));
        futures.into_iter().any(|future| {
            (0..self.targets.len()).any(|k| {
                !self.targets[k].dropped && self.target_row(k, future) == Err(ConstantRow::Breaks)
            })
        })
    }

    /// Whether target k holds in a future at decisions `x` by the linear model (with tolerance).
    pub fn target_holds(&self, k: usize, future: &Measured, x: &[f64]) -> bool {
        match self.target_row(k, future) {
            Ok(row) => row.holds(x),
            Err(constant) => constant == ConstantRow::Holds,
        }
    }

    /// Target k's value in a future at decisions `x`, by the linear model.
    pub fn target_value(&self, k: usize, future: &Measured, x: &[f64]) -> f64 {
        let n = self.layout.columns.len();
        future.value(self.measure(k), &x[..n], &self.linear.reference)
    }

    /// Target k's rows in every sampled future that a decision moves: the candidates the
    /// constraint generation picks broken rows from, all at once.
    pub fn sampled_rows(&self, k: usize) -> Vec<Row> {
        (self.linear.samples.iter())
            .filter_map(|future| self.target_row(k, future).ok())
            .collect()
    }

    /// Solves the programme for an objective, generating the sampled futures' rows.
    pub fn solve(&self, frame: &Frame, extra: Vec<Row>) -> Result<lp::Solved, Failure> {
        lp::solve_generated(frame, self, extra)
    }
}

impl RowSource for Programme<'_> {
    fn fixed_rows(&self) -> Vec<Row> {
        // A constant row that breaks makes the programme infeasible; `plan_rows` is called
        // first by every solve, so here the rows are known to be writable.
        self.plan_rows().unwrap_or_default()
    }

    fn families(&self) -> usize {
        if self.samples {
            self.targets.len()
        } else {
            0
        }
    }

    fn broken(&self, k: usize, x: &[f64], limit: usize) -> Vec<Row> {
        if self.targets[k].dropped {
            return Vec::new();
        }
        let mut broken: Vec<(f64, Row)> = Vec::new();
        for future in &self.linear.samples {
            match self.target_row(k, future) {
                Ok(row) if !row.holds(x) => broken.push((row.shortfall(x), row)),
                // A sampled future whose figure no decision moves and that misses the target:
                // the plan run's rows cannot show it, so it is reported by the verification.
                _ => {}
            }
        }
        // Most broken first; the sort is stable, so ties keep the futures' order.
        broken.sort_by(|a, b| b.0.total_cmp(&a.0));
        broken.into_iter().take(limit).map(|(_, row)| row).collect()
    }
}
