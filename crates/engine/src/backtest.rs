//! Back-test (回测): would the calibrated model have foreseen what happened? The plan is based in
//! an earlier year, its levers are fitted on the actuals up to a cut-off, and the projection from
//! the cut-off is set beside the later actuals: how far it lands, and which lever changed after
//! the cut-off in a way the fit could not see (the one whose refit on the later years alone
//! explains most of the miss).

use serde::{Deserialize, Serialize};

use super::actuals::Actuals;
use super::calibrate::{calibrate, fit_from, Calibration, FitPoint, Lever, Refusal};
use super::figures::Metric;
use super::reproject::anchor_with;
use super::scenario::{Scenario, MAX_HORIZON_YEARS};
use super::simulate::{run_from, Trajectory};

/// Why a back-test cannot be run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum BacktestRefusal {
    /// The cut-off must be at or after the base year.
    CutoffBeforeBase { base_year: i32, cutoff: i32 },
    /// A fitted figure has no actual in the base year, which the back-test starts from.
    NoActualAtBase { metric: Metric },
    /// No actual of the fitted figures after the cut-off to test the projection against.
    NoLaterActuals,
    /// The fit on the years up to the cut-off was refused.
    Fit(Refusal),
}

/// A fitted lever refitted alone on the years after the cut-off, the others held.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverShift {
    pub lever: Lever,
    /// Fitted on the years up to the cut-off.
    pub before: f64,
    /// Refitted on the later years alone; `None` when they cannot pin it down by themselves.
    pub after: Option<f64>,
    /// The share of the later years' squared miss (on the figures this lever drives) that the
    /// refit removes, from 0 (none) to 1 (all).
    pub explained: f64,
}

/// A back-test: the early fit, the projection and how it compares with the later actuals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backtest {
    pub base_year: i32,
    pub cutoff: i32,
    /// The fit on the actuals from the base year to the cut-off.
    pub fit: Calibration,
    /// The projection from the cut-off (its actuals applied) with the fitted levers, to the
    /// last year with actuals (or the plan's end year, if later).
    pub projection: Trajectory,
    /// The later actuals of the fitted figures beside the projection (`fitted` is projected).
    pub misses: Vec<FitPoint>,
    /// The later actual missed by most, relative to its value.
    pub largest_miss: FitPoint,
    /// Per fitted lever, in the fit's order.
    pub shifts: Vec<LeverShift>,
    /// The lever whose change after the cut-off the fit could not see: its refit explains at
    /// least half of a miss larger than the fit's own scatter. `None` when nothing changed
    /// beyond that scatter, or no single lever explains it.
    pub unseen: Option<Lever>,
}

/// The share of the miss a lever's refit must explain to be named as the unseen change.
const EXPLAINS: f64 = 0.5;

/// Back-tests `levers` on `actuals`: the plan based in `base_year`, fitted on the years up to
/// `cutoff`, projected from there.
///
/// The rebased plan takes the base year's actuals as its starting stocks (the fitted figures
/// must have one) and keeps the other starting stocks and every schedule as they are; a yearly
/// list then starts in the year after the new base year.
pub fn backtest(
    scenario: &Scenario,
    actuals: &Actuals,
    levers: &[Lever],
    base_year: i32,
    cutoff: i32,
) -> Result<Backtest, BacktestRefusal> {
    if cutoff < base_year {
        return Err(BacktestRefusal::CutoffBeforeBase { base_year, cutoff });
    }
    let rebased = rebase(scenario, actuals, base_year);
    let has_actual = |stock: Metric, years: &dyn Fn(i32) -> bool| {
        let figures: &[Metric] = if stock == Metric::Certified {
            &[
                Metric::Certified,
                Metric::CertifiedJunior,
                Metric::CertifiedMid,
                Metric::CertifiedSenior,
            ]
        } else {
            std::slice::from_ref(&stock)
        };
        figures
            .iter()
            .any(|figure| actuals.series(*figure).any(|(year, _)| years(year)))
    };
    let stocks = fitted_stocks(levers);
    if let Some(&metric) = stocks
        .iter()
        .find(|m| !has_actual(**m, &|y| y == base_year))
    {
        return Err(BacktestRefusal::NoActualAtBase { metric });
    }
    if !stocks
        .iter()
        .any(|m| has_actual(*m, &|y| y > cutoff && y <= rebased.end_year))
    {
        return Err(BacktestRefusal::NoLaterActuals);
    }
    let fit = calibrate(&rebased, &actuals.up_to(cutoff), levers).map_err(BacktestRefusal::Fit)?;
    let fitted_metrics: Vec<Metric> = fit.series.iter().map(|s| s.metric).collect();
    let later: Vec<(Metric, i32, f64)> = actuals
        .after(cutoff)
        .entries()
        .filter(|(metric, year, _)| fitted_metrics.contains(metric) && *year <= rebased.end_year)
        .map(|(metric, year, actual)| (metric, year, actual.value))
        .collect();
    if later.is_empty() {
        // Later actuals of other certificate levels than those fitted.
        return Err(BacktestRefusal::NoLaterActuals);
    }

    let inputs = fit.year_inputs(&rebased);
    let offset = (cutoff - base_year) as usize;
    let start = anchor_with(&rebased, &inputs, &actuals.up_to(cutoff), cutoff).start;
    let projection = run_from(&rebased, &start, &inputs[offset..]);
    let misses: Vec<FitPoint> = later
        .iter()
        .filter_map(|(metric, year, actual)| {
            let projected = metric.value(projection.row(*year)?);
            Some(FitPoint {
                metric: *metric,
                year: *year,
                actual: *actual,
                fitted: projected,
                residual: actual - projected,
            })
        })
        .collect();
    let largest_miss = *misses
        .iter()
        .max_by(|a, b| relative_size(a).total_cmp(&relative_size(b)))
        .unwrap_or(&misses[0]);

    let later_actuals = actuals.after(cutoff);
    let shifts: Vec<LeverShift> = fit
        .levers
        .iter()
        .map(|fitted| {
            let refit = fit_from(
                &rebased,
                &start,
                inputs[offset..].to_vec(),
                &later_actuals,
                &[fitted.lever],
            );
            let after = refit.as_ref().ok().and_then(|c| c.value(fitted.lever));
            let explained = refit.map_or(0.0, |c| {
                let points: Vec<FitPoint> =
                    c.series.iter().flat_map(|s| s.points.clone()).collect();
                let before: f64 = points
                    .iter()
                    .filter_map(|p| {
                        misses
                            .iter()
                            .find(|m| (m.metric, m.year) == (p.metric, p.year))
                    })
                    .map(|m| m.residual.powi(2))
                    .sum();
                let remaining: f64 = points.iter().map(|p| p.residual.powi(2)).sum();
                if before > 0.0 {
                    (1.0 - remaining / before).clamp(0.0, 1.0)
                } else {
                    0.0
                }
            });
            LeverShift {
                lever: fitted.lever,
                before: fitted.value,
                after,
                explained,
            }
        })
        .collect();

    // A miss counts when it is larger than the fit's own scatter (and than rounding).
    let scatter = fit
        .series
        .iter()
        .flat_map(|s| s.points.iter())
        .map(relative_size)
        .fold(0.0, f64::max);
    let real_miss = relative_size(&largest_miss) > (3.0 * scatter).max(1e-9);
    let unseen = shifts
        .iter()
        .filter(|shift| real_miss && shift.explained >= EXPLAINS)
        .max_by(|a, b| a.explained.total_cmp(&b.explained))
        .map(|shift| shift.lever);
    Ok(Backtest {
        base_year,
        cutoff,
        fit,
        projection,
        misses,
        largest_miss,
        shifts,
        unseen,
    })
}

/// A point's miss relative to its actual (its absolute miss when the actual is 0).
fn relative_size(point: &FitPoint) -> f64 {
    point.relative().unwrap_or(point.residual).abs()
}

/// The stocks the levers are fitted to (certified for the pass rates, whichever levels).
fn fitted_stocks(levers: &[Lever]) -> Vec<Metric> {
    let mut stocks: Vec<Metric> = levers.iter().map(|lever| lever.stock()).collect();
    stocks.sort();
    stocks.dedup();
    stocks
}

/// The plan based in `base_year`, running to its end year or the last year with actuals,
/// whichever is later (within the longest horizon); without targets, which a back-test does
/// not judge.
fn rebase(scenario: &Scenario, actuals: &Actuals, base_year: i32) -> Scenario {
    let mut rebased = scenario.clone();
    let last = actuals.latest_year().unwrap_or(scenario.end_year);
    rebased.base_year = base_year;
    rebased.end_year = scenario
        .end_year
        .max(last)
        .min(base_year.saturating_add(MAX_HORIZON_YEARS));
    rebased.targets.clear();
    rebased.actuals = Actuals::default();
    rebased
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actuals::Actual;
    use crate::params::set;
    use crate::{simulate, Yearly};

    fn preset(slug: &str) -> Scenario {
        crate::test_presets::by_slug(slug).unwrap().scenario.clone()
    }

    /// Talent from 2012 to 2025 with attrition 7 %, hiring 10 000 a year up to 2019 and
    /// `later_hires` from 2020 on, as actuals of every year.
    fn history(later_hires: f64) -> Actuals {
        let mut s = preset("yunnan");
        s.base_year = 2012;
        s.end_year = 2025;
        s.targets.clear();
        s.assumptions.talent = 84_500.0;
        set(&mut s, "attrition", 0.07).unwrap();
        let years = (s.end_year - s.base_year) as usize;
        s.levers.hires = Yearly::List(
            (1..=years)
                .map(|i| if i <= 7 { 10_000.0 } else { later_hires })
                .collect(),
        );
        let t = simulate(&s).unwrap();
        let mut actuals = Actuals::default();
        for row in &t.years {
            actuals.insert(Metric::Talent, row.year, Actual::new(row.talent));
        }
        actuals
    }

    const TALENT: [Lever; 2] = [Lever::Hires, Lever::Attrition];

    #[test]
    fn a_change_of_hiring_after_the_cutoff_is_missed_and_named() {
        let plan = preset("yunnan");
        let test = backtest(&plan, &history(14_000.0), &TALENT, 2012, 2019).unwrap();
        assert!((test.fit.value(Lever::Hires).unwrap() - 10_000.0).abs() < 1e-5);
        assert!((test.fit.value(Lever::Attrition).unwrap() - 0.07).abs() < 1e-9);
        // 4 000 more hires a year: the first later year is missed by 4 000, the last by
        // 4 000·(1 − 0.93⁶)/0.07.
        assert_eq!(test.misses.len(), 6);
        assert!((test.misses[0].residual - 4_000.0).abs() < 1e-5);
        let last = 4_000.0 * (1.0 - 0.93f64.powi(6)) / 0.07;
        assert_eq!(test.largest_miss.year, 2025);
        assert!((test.largest_miss.residual - last).abs() < 1e-4);
        assert_eq!(test.unseen, Some(Lever::Hires));
        let hires = test
            .shifts
            .iter()
            .find(|s| s.lever == Lever::Hires)
            .unwrap();
        assert!((hires.after.unwrap() - 14_000.0).abs() < 1e-4);
        assert!(hires.explained > 0.999_999);
        let attrition = test
            .shifts
            .iter()
            .find(|s| s.lever == Lever::Attrition)
            .unwrap();
        assert!(attrition.explained < hires.explained);
    }

    #[test]
    fn an_unchanged_history_is_foreseen_and_no_lever_is_named() {
        let test = backtest(&preset("yunnan"), &history(10_000.0), &TALENT, 2012, 2019).unwrap();
        assert!(test.largest_miss.residual.abs() < 1e-6);
        assert_eq!(test.unseen, None);
    }

    #[test]
    fn the_projection_starts_from_the_actual_at_the_cutoff() {
        let mut actuals = history(10_000.0);
        actuals.insert(Metric::Talent, 2019, Actual::new(100_000.0));
        let test = backtest(&preset("yunnan"), &actuals, &[Lever::Hires], 2012, 2019);
        let projection = test.unwrap().projection;
        assert_eq!(projection.years[0].year, 2019);
        assert_eq!(projection.years[0].talent, 100_000.0);
    }

    #[test]
    fn a_backtest_needs_a_base_actual_and_later_actuals() {
        let plan = preset("yunnan");
        let actuals = history(14_000.0);
        assert_eq!(
            backtest(&plan, &actuals, &TALENT, 2011, 2019),
            Err(BacktestRefusal::NoActualAtBase {
                metric: Metric::Talent
            })
        );
        assert_eq!(
            backtest(&plan, &actuals, &TALENT, 2012, 2025),
            Err(BacktestRefusal::NoLaterActuals)
        );
        assert_eq!(
            backtest(&plan, &actuals, &TALENT, 2019, 2012),
            Err(BacktestRefusal::CutoffBeforeBase {
                base_year: 2019,
                cutoff: 2012
            })
        );
        assert!(matches!(
            backtest(&plan, &actuals, &TALENT, 2012, 2012),
            Err(BacktestRefusal::Fit(Refusal::TooFewPoints { .. }))
        ));
    }
}
