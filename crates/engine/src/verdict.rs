//! Verdicts: what a trajectory makes of a target — met at the deadline, first year met, gap.

use serde::{Deserialize, Serialize};

use super::figures::Metric;
use super::simulate::Trajectory;
use super::targets::Target;

/// The verdict on one target for one trajectory.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub metric: Metric,
    pub threshold: f64,
    pub deadline: i32,
    /// Reached at the end of the deadline year.
    pub met: bool,
    /// The first year of the table in which the threshold is reached, if any.
    pub first_year_met: Option<i32>,
    /// How much is missing at the deadline (0 when met).
    pub gap: f64,
    /// The metric's value at the deadline.
    pub value_at_deadline: f64,
}

/// Evaluates a target against a trajectory. A deadline outside the table is rejected by
/// validation; here it reads as the nearest year so that evaluation never panics.
pub fn evaluate(target: &Target, trajectory: &Trajectory) -> Verdict {
    let value_at_deadline = trajectory
        .row(target.deadline)
        .or(trajectory.years.last())
        .map_or(0.0, |row| target.metric.value(row));
    let met = target.is_met_by(value_at_deadline);
    let first_year_met = trajectory
        .years
        .iter()
        .find(|row| target.is_met_by(target.metric.value(row)))
        .map(|row| row.year);
    Verdict {
        metric: target.metric,
        threshold: target.threshold,
        deadline: target.deadline,
        met,
        first_year_met,
        gap: target.gap(value_at_deadline),
        value_at_deadline,
    }
}

/// For a ceiling (the cumulative budget), the first year of the table in which the figure goes
/// over it, if any. A ceiling's `first_year_met` is the first year at or under it — the base
/// year, as a rule — which says nothing; this is the year a planner asks about. `None` for a
/// target that is not a ceiling.
pub fn first_year_over(target: &Target, trajectory: &Trajectory) -> Option<i32> {
    if target.goal() != super::figures::Goal::AtMost {
        return None;
    }
    trajectory
        .years
        .iter()
        .find(|row| !target.is_met_by(target.metric.value(row)))
        .map(|row| row.year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Metric, YearRow};

    fn trajectory(talent: &[f64]) -> Trajectory {
        Trajectory {
            years: talent
                .iter()
                .enumerate()
                .map(|(i, t)| YearRow {
                    year: 2020 + i as i32,
                    talent: *t,
                    ..YearRow::default()
                })
                .collect(),
            warnings: vec![],
        }
    }

    fn talent_target(threshold: f64, deadline: i32) -> Target {
        Target {
            metric: Metric::Talent,
            threshold,
            deadline,
            source: None,
        }
    }

    #[test]
    fn met_target_has_no_gap_and_its_first_year() {
        let v = evaluate(
            &talent_target(100.0, 2022),
            &trajectory(&[50.0, 100.0, 120.0]),
        );
        assert!(v.met);
        assert_eq!(v.first_year_met, Some(2021));
        assert_eq!(v.gap, 0.0);
    }

    #[test]
    fn missed_target_reports_gap_at_deadline_and_later_first_year() {
        let v = evaluate(
            &talent_target(100.0, 2021),
            &trajectory(&[50.0, 80.0, 120.0]),
        );
        assert!(!v.met);
        assert_eq!(v.gap, 20.0);
        assert_eq!(v.first_year_met, Some(2022));
    }

    #[test]
    fn never_reached_has_no_first_year() {
        let v = evaluate(&talent_target(1000.0, 2022), &trajectory(&[1.0, 2.0, 3.0]));
        assert_eq!(v.first_year_met, None);
    }

    #[test]
    fn a_budget_ceiling_is_met_while_spending_stays_below_it() {
        let target = Target {
            metric: Metric::BudgetCumulative,
            threshold: 100.0,
            deadline: 2022,
            source: None,
        };
        let rows = |spent: [f64; 3]| Trajectory {
            years: spent
                .iter()
                .enumerate()
                .map(|(i, b)| YearRow {
                    year: 2020 + i as i32,
                    budget_cumulative: *b,
                    ..YearRow::default()
                })
                .collect(),
            warnings: vec![],
        };
        let within = evaluate(&target, &rows([0.0, 50.0, 100.0]));
        assert!(within.met);
        assert_eq!(within.gap, 0.0);
        let over = evaluate(&target, &rows([0.0, 80.0, 130.0]));
        assert!(!over.met);
        assert_eq!(over.gap, 30.0);
    }

    #[test]
    fn a_ceiling_is_first_over_in_the_year_the_figure_passes_it() {
        let rows = |budget: &[f64]| Trajectory {
            years: budget
                .iter()
                .enumerate()
                .map(|(i, b)| YearRow {
                    year: 2020 + i as i32,
                    budget_cumulative: *b,
                    ..YearRow::default()
                })
                .collect(),
            warnings: vec![],
        };
        let ceiling = Target {
            metric: Metric::BudgetCumulative,
            threshold: 100.0,
            deadline: 2023,
            source: None,
        };
        assert_eq!(
            first_year_over(&ceiling, &rows(&[0.0, 60.0, 120.0, 180.0])),
            Some(2022)
        );
        assert_eq!(
            first_year_over(&ceiling, &rows(&[0.0, 60.0, 90.0, 99.0])),
            None
        );
        assert_eq!(
            first_year_over(&talent_target(1.0, 2021), &trajectory(&[0.0, 2.0])),
            None
        );
    }
}
