//! What a calibration reports: the fitted levers with their standard errors, the fit per year,
//! R², the largest miss.

use serde::{Deserialize, Serialize};

use super::lever::{set_levers, Lever};
use crate::figures::Metric;
use crate::params;
use crate::scenario::Scenario;
use crate::simulate::{year_inputs, Start, Trajectory, YearInputs};

/// One fitted lever.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FittedLever {
    pub lever: Lever,
    pub value: f64,
    /// The standard error from σ²·(JᵀJ)⁻¹; `None` when there are no more actuals than levers.
    pub standard_error: Option<f64>,
    /// The plan's value before the fit (its first year after the start).
    pub planned: f64,
}

/// One actual figure beside the fit.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FitPoint {
    pub metric: Metric,
    pub year: i32,
    pub actual: f64,
    pub fitted: f64,
    /// `actual − fitted`.
    pub residual: f64,
}

impl FitPoint {
    /// The residual as a fraction of the actual (`None` when the actual is 0).
    pub fn relative(&self) -> Option<f64> {
        (self.actual != 0.0).then(|| self.residual / self.actual)
    }
}

/// The fit of one figure's series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FittedSeries {
    pub metric: Metric,
    pub points: Vec<FitPoint>,
    /// 1 − (sum of squared residuals) / (sum of squares around the mean); `None` when the
    /// actuals do not vary.
    pub r_squared: Option<f64>,
}

/// A calibration: the fitted levers and how well they explain the actuals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    pub levers: Vec<FittedLever>,
    /// The year the fitted runs start from (the base year, its actuals applied).
    pub start_year: i32,
    /// The first and last years of the actuals fitted ("fitted to actuals 2019–2024").
    pub years: (i32, i32),
    pub series: Vec<FittedSeries>,
    /// The point missed by most, relative to the size of its series.
    pub largest_miss: FitPoint,
    /// The condition number of the column-normalised JᵀJ (1 is ideal; see [`MAX_CONDITION`]).
    pub condition: f64,
    /// Model runs of the search (Jacobians not counted).
    pub evaluations: usize,
    /// The run with the fitted levers, from the start year to the plan's end year.
    pub trajectory: Trajectory,
}

impl Calibration {
    /// The fitted value of `lever`, if it was fitted.
    pub fn value(&self, lever: Lever) -> Option<f64> {
        self.levers
            .iter()
            .find(|fitted| fitted.lever == lever)
            .map(|fitted| fitted.value)
    }

    /// The scenario's yearly inputs (from the base year) with the fitted levers in every
    /// year: what the fitted runs use, completion shares included, which the scenario's own
    /// plan run may not apply.
    pub fn year_inputs(&self, scenario: &Scenario) -> Vec<YearInputs> {
        let mut inputs = year_inputs(scenario);
        set_levers(&mut inputs, self.levers.iter().map(|f| (f.lever, f.value)));
        inputs
    }

    /// Sets the fitted levers in `scenario`, each as one value for every year.
    pub fn apply(&self, scenario: &mut Scenario) {
        for fitted in &self.levers {
            // Cannot fail: every lever's key is a parameter (`every_lever_is_a_parameter`).
            let _ = params::set(scenario, fitted.lever.key(), fitted.value);
        }
    }
}

/// The fitted figures' actuals after the start year, per figure.
pub(super) type Series = Vec<(Metric, Vec<(i32, f64)>)>;

/// The report of a fit at `x`.
#[allow(clippy::too_many_arguments)]
pub(super) fn build(
    levers: &[Lever],
    x: &[f64],
    errors: Option<Vec<f64>>,
    planned: &[f64],
    series: &Series,
    scales: &[f64],
    start: &Start,
    trajectory: Trajectory,
    evaluations: usize,
    condition: f64,
) -> Calibration {
    let fitted_levers = levers
        .iter()
        .enumerate()
        .map(|(i, lever)| FittedLever {
            lever: *lever,
            value: x[i],
            standard_error: errors.as_ref().map(|e| e[i]),
            planned: planned[i],
        })
        .collect();
    let fitted_series: Vec<FittedSeries> = series
        .iter()
        .map(|(metric, pts)| {
            let points: Vec<FitPoint> = pts
                .iter()
                .map(|(year, actual)| {
                    let fitted = trajectory.row(*year).map_or(f64::NAN, |r| metric.value(r));
                    FitPoint {
                        metric: *metric,
                        year: *year,
                        actual: *actual,
                        fitted,
                        residual: actual - fitted,
                    }
                })
                .collect();
            let mean = points.iter().map(|p| p.actual).sum::<f64>() / points.len().max(1) as f64;
            let total: f64 = points.iter().map(|p| (p.actual - mean).powi(2)).sum();
            let missed: f64 = points.iter().map(|p| p.residual.powi(2)).sum();
            FittedSeries {
                metric: *metric,
                points,
                r_squared: (total > 0.0).then(|| 1.0 - missed / total),
            }
        })
        .collect();
    let all: Vec<FitPoint> = fitted_series
        .iter()
        .flat_map(|s| s.points.iter().copied())
        .collect();
    // Points and scales come in the same order (series by series, year by year).
    let largest_miss = all
        .iter()
        .zip(scales)
        .max_by(|(a, sa), (b, sb)| (a.residual.abs() / **sa).total_cmp(&(b.residual.abs() / **sb)))
        .map(|(point, _)| *point)
        .unwrap_or(FitPoint {
            metric: Metric::Talent,
            year: start.year,
            actual: 0.0,
            fitted: 0.0,
            residual: 0.0,
        });
    let years = all.iter().fold((i32::MAX, i32::MIN), |(lo, hi), p| {
        (lo.min(p.year), hi.max(p.year))
    });
    Calibration {
        levers: fitted_levers,
        start_year: start.year,
        years,
        series: fitted_series,
        largest_miss,
        condition,
        evaluations,
        trajectory,
    }
}
