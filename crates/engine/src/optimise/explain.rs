//! Why the plan is what it is: which targets and which bounds bind, what one more unit of each
//! costs or saves (the dual values), what relaxing each would save (re-solved on the same
//! linear model: a deadline a year later, a lever's bound moved by a step in every year), and
//! which levers sit at a bound.

use serde::{Deserialize, Serialize};

use super::lever::Lever;
use super::linear::Column;
use super::lp::Duals;

/// Which end of a lever's range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoundSide {
    Min,
    Max,
}

/// One selected target's part in the plan's cost.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetBinding {
    /// Index into the scenario's targets.
    pub target: usize,
    /// Whether the target binds: met with nothing to spare in some future the plan had to meet.
    pub binding: bool,
    /// 元 saved per unit less of the threshold (the dual value; 0 when the target binds but
    /// meeting it costs nothing); `None` if the duals were not available.
    pub saves_per_unit: Option<f64>,
    /// 元 saved if the deadline were a year later, re-solved; `None` when the deadline is the
    /// table's last year, the target does not bind, or the relaxed programme did not solve.
    pub a_year_later_saves: Option<f64>,
}

/// A lever whose bound holds the cost up, and what moving it would save.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverRelaxation {
    pub lever: Lever,
    pub side: BoundSide,
    /// The calendar years in which the bound binds.
    pub years: Vec<i32>,
    /// 元 saved per unit of room added in each of those years, summed (dual values).
    pub saves_per_unit: f64,
    /// The step the bound is moved by in every year for `saves` (about a tenth of it, whole).
    pub step: f64,
    /// 元 saved with the bound moved by `step` in every year, re-solved; `None` if the relaxed
    /// programme did not solve.
    pub saves: Option<f64>,
}

/// A decision at one end of its range.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverAtBound {
    pub lever: Lever,
    /// The calendar year.
    pub year: i32,
    pub side: BoundSide,
}

/// The explanation of an optimum. Empty for a plan that meets nothing (nearest plans explain
/// themselves through their shortfalls).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// Per selected target, in the problem's order.
    pub targets: Vec<TargetBinding>,
    /// Levers whose bound binds, largest marginal saving first.
    pub levers: Vec<LeverRelaxation>,
    /// Every free decision at its least or its most, lever by lever, year by year.
    pub at_bounds: Vec<LeverAtBound>,
}

/// Whether `amount` sits at `bound` (a whole unit's thousandth counts as at).
fn at(amount: f64, bound: f64) -> bool {
    bound.is_finite() && (amount - bound).abs() <= 1e-3 * (1.0 + bound.abs()).min(1.0)
}

/// The free decisions at a bound, in column order.
pub(crate) fn at_bounds(columns: &[Column], x: &[f64], base_year: i32) -> Vec<LeverAtBound> {
    columns
        .iter()
        .zip(x)
        .filter(|(column, _)| column.free && column.bounds.min < column.bounds.max)
        .filter_map(|(column, amount)| {
            let side = if at(*amount, column.bounds.min) {
                BoundSide::Min
            } else if at(*amount, column.bounds.max) {
                BoundSide::Max
            } else {
                return None;
            };
            Some(LeverAtBound {
                lever: column.lever,
                year: base_year + 1 + column.year_index as i32,
                side,
            })
        })
        .collect()
}

/// The levers whose bounds bind, with their summed dual values and a step to relax them by.
/// `saves` is left for the re-solves.
pub(crate) fn binding_bounds(
    columns: &[Column],
    duals: &Duals,
    base_year: i32,
    cost_scale: f64,
) -> Vec<LeverRelaxation> {
    // A dual below a millionth of a typical unit cost is rounding, not a binding bound.
    let negligible = 1e-6 * cost_scale.max(1.0);
    let mut found: Vec<LeverRelaxation> = Vec::new();
    for (j, column) in columns.iter().enumerate() {
        if !column.free {
            continue;
        }
        for (side, dual, bound) in [
            (BoundSide::Max, duals.at_max[j], column.bounds.max),
            (BoundSide::Min, duals.at_min[j], column.bounds.min),
        ] {
            // A least amount of zero is no bound a planner set: nothing can go below it.
            if dual <= negligible || (side == BoundSide::Min && bound <= 0.0) {
                continue;
            }
            let year = base_year + 1 + column.year_index as i32;
            match found
                .iter_mut()
                .find(|r| r.lever == column.lever && r.side == side)
            {
                Some(relaxation) => {
                    relaxation.years.push(year);
                    relaxation.saves_per_unit += dual;
                    relaxation.step = relaxation.step.max(step_for(bound));
                }
                None => found.push(LeverRelaxation {
                    lever: column.lever,
                    side,
                    years: vec![year],
                    saves_per_unit: dual,
                    step: step_for(bound),
                    saves: None,
                }),
            }
        }
    }
    // Largest marginal saving first; ties in lever order (the sort is stable).
    found.sort_by(|a, b| b.saves_per_unit.total_cmp(&a.saves_per_unit));
    found
}

/// About a tenth of a bound, whole and at least one.
fn step_for(bound: f64) -> f64 {
    (bound.abs() / 10.0).round().max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimise::lever::Bounds;

    fn column(year_index: usize, min: f64, max: f64) -> Column {
        Column {
            lever: Lever::Hires,
            year_index,
            bounds: Bounds { min, max },
            free: true,
            planned: 0.0,
        }
    }

    #[test]
    fn decisions_at_either_end_are_listed_with_their_year() {
        let columns = [
            column(0, 0.0, 10.0),
            column(1, 0.0, 10.0),
            column(2, 0.0, 10.0),
        ];
        let found = at_bounds(&columns, &[0.0, 5.0, 10.0], 2022);
        assert_eq!(
            found,
            vec![
                LeverAtBound {
                    lever: Lever::Hires,
                    year: 2023,
                    side: BoundSide::Min
                },
                LeverAtBound {
                    lever: Lever::Hires,
                    year: 2025,
                    side: BoundSide::Max
                },
            ]
        );
    }

    #[test]
    fn binding_bounds_of_a_lever_are_summed_over_its_years() {
        let columns = [column(0, 0.0, 1000.0), column(1, 0.0, 1000.0)];
        let duals = Duals {
            rows: vec![],
            at_min: vec![0.0, 0.0],
            at_max: vec![3.0, 4.0],
        };
        let found = binding_bounds(&columns, &duals, 2022, 1000.0);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].years, vec![2023, 2024]);
        assert_eq!(found[0].saves_per_unit, 7.0);
        assert_eq!(found[0].step, 100.0);
    }
}
