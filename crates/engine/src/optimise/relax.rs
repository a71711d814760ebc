//! The explanation's re-solves: each binding target a year later, each binding lever bound
//! moved by a step, solved again on the same linear model (no new simulation), one per step.

use super::explain::{self, BoundSide};
use super::lp::{self, Frame};
use super::programme::{shortfall_unit, TargetRows};
use super::solve::{Found, Optimiser, Relaxation};

impl Optimiser {
    /// Binding targets and bounds from the dual values; relaxations queued for re-solving.
    pub(super) fn explain(&self, found: &mut Found, solved: &lp::Solved, frame: &Frame) {
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
    pub(super) fn relax(&self, found: &mut Found, relaxation: Relaxation) {
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
                            BoundSide::Max => b.1 += relaxation.step,
                            BoundSide::Min => b.0 = (b.0 - relaxation.step).max(0.0),
                        }
                    }
                }
            }
        }
        let mut programme = self.programme(&found.linear, false, None, bounds);
        programme.targets = targets;
        let objective = found.costing.objective();
        let frame = programme.frame(&objective, &[]);
        // Start from the rows that bound the optimum, except the relaxed target's own.
        let later = match relaxation {
            Relaxation::TargetLater(k) => Some(k),
            Relaxation::Lever(_) => None,
        };
        let start = found
            .working
            .iter()
            .filter(|row| Some(row.label) != later)
            .cloned()
            .collect();
        let saves = programme.solve(&frame, start).ok().map(|solved| {
            let cost = lp::dot(&found.costing.discounted, &solved.x);
            (found.cost_at_optimum - cost).max(0.0)
        });
        match relaxation {
            Relaxation::TargetLater(k) => found.explanation.targets[k].a_year_later_saves = saves,
            Relaxation::Lever(i) => found.explanation.levers[i].saves = saves,
        }
    }
}
