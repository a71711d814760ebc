//! Where a back-test can stand on the actuals (issue 21, part 2): the years it may be based
//! in and cut off at, a sensible choice when the planner has made none (or one the actuals no
//! longer support), and why the actuals cannot support a back-test at all. A back-test needs,
//! for each figure its levers drive, an actual in the base year (its starting stock), as many
//! actuals after it up to the cut-off as levers to fit from them, and one later actual to test
//! the projection against.

use swplan_engine::actuals::CERTIFIED_LEVELS;
use swplan_engine::calibrate::Lever;
use swplan_engine::{Metric, Scenario};

/// The years a back-test may use, and the ones it will.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BacktestYears {
    /// The years it may be based in, earliest first.
    pub base_years: Vec<i32>,
    /// The cut-offs it may take from `base_year`, earliest first.
    pub cutoffs: Vec<i32>,
    pub base_year: i32,
    pub cutoff: i32,
}

/// Why the actuals cannot support a back-test of the chosen levers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BacktestShortfall {
    /// No lever is chosen to fit.
    NoLevers,
    /// `figure` has actuals in `have` years, and the levers it drives need `need`: a base
    /// year, the years to fit them on, and one year to test the projection against.
    TooFewYears {
        figure: Metric,
        have: usize,
        need: usize,
        /// How many of the chosen levers the figure drives.
        levers: usize,
    },
    /// Each figure has years enough, but no year has an actual of every fitted figure with
    /// enough of them after it to fit and test.
    NoCommonBase,
}

/// A fitted figure's actual years, and how many of them its levers need after the base year
/// (up to the cut-off) to be fitted.
struct Stock {
    figure: Metric,
    years: Vec<i32>,
    levers: usize,
    fit_years: usize,
}

impl Stock {
    fn after(&self, year: i32) -> usize {
        self.years.iter().filter(|y| **y > year).count()
    }

    fn between(&self, after: i32, until: i32) -> usize {
        self.years
            .iter()
            .filter(|y| **y > after && **y <= until)
            .count()
    }
}

/// The figures the levers are fitted to, with their actual years. Certified counts its levels
/// too: a year with the actuals of two levels gives two points to fit the pass rates on.
fn stocks(scenario: &Scenario, levers: &[Lever]) -> Vec<Stock> {
    let mut figures: Vec<Metric> = levers.iter().map(|l| l.stock()).collect();
    figures.sort();
    figures.dedup();
    figures
        .into_iter()
        .map(|figure| {
            let parts: Vec<Metric> = if figure == Metric::Certified {
                std::iter::once(Metric::Certified)
                    .chain(CERTIFIED_LEVELS)
                    .collect()
            } else {
                vec![figure]
            };
            let mut years: Vec<i32> = parts
                .iter()
                .flat_map(|m| scenario.actuals.series(*m).map(|(y, _)| y))
                .collect();
            years.sort_unstable();
            years.dedup();
            let levels = CERTIFIED_LEVELS
                .iter()
                .filter(|m| scenario.actuals.series(**m).next().is_some())
                .count();
            let per_year = if figure == Metric::Certified {
                levels.max(1)
            } else {
                1
            };
            let levers = levers.iter().filter(|l| l.stock() == figure).count();
            Stock {
                figure,
                years,
                levers,
                fit_years: levers.div_ceil(per_year),
            }
        })
        .collect()
}

/// The back-test's years for the chosen levers: the planner's `chosen` base year and cut-off
/// where the actuals support them, else the first base year that leaves years to fit and test,
/// cut off as late as still leaves a later actual to test against (the most years to fit on).
pub fn backtest_years(
    scenario: &Scenario,
    levers: &[Lever],
    chosen: Option<(i32, i32)>,
) -> Result<BacktestYears, BacktestShortfall> {
    if levers.is_empty() {
        return Err(BacktestShortfall::NoLevers);
    }
    let stocks = stocks(scenario, levers);
    if let Some(short) = stocks.iter().find(|s| s.years.len() < s.fit_years + 2) {
        return Err(BacktestShortfall::TooFewYears {
            figure: short.figure,
            have: short.years.len(),
            need: short.fit_years + 2,
            levers: short.levers,
        });
    }
    let cutoffs_from = |base: i32| -> Vec<i32> {
        let mut years: Vec<i32> = stocks
            .iter()
            .flat_map(|s| s.years.iter().copied())
            .filter(|y| *y > base)
            .collect();
        years.sort_unstable();
        years.dedup();
        years
            .into_iter()
            .filter(|cutoff| {
                stocks
                    .iter()
                    .all(|s| s.between(base, *cutoff) >= s.fit_years)
                    && stocks.iter().any(|s| s.after(*cutoff) > 0)
            })
            .collect()
    };
    let base_years: Vec<i32> = stocks[0]
        .years
        .iter()
        .copied()
        .filter(|year| stocks.iter().all(|s| s.years.contains(year)))
        .filter(|year| !cutoffs_from(*year).is_empty())
        .collect();
    let base_year = chosen
        .map(|(base, _)| base)
        .filter(|base| base_years.contains(base))
        .or_else(|| base_years.first().copied())
        .ok_or(BacktestShortfall::NoCommonBase)?;
    let cutoffs = cutoffs_from(base_year);
    let cutoff = chosen
        .map(|(_, cutoff)| cutoff)
        .filter(|cutoff| cutoffs.contains(cutoff))
        .or_else(|| cutoffs.last().copied())
        .ok_or(BacktestShortfall::NoCommonBase)?;
    Ok(BacktestYears {
        base_years,
        cutoffs,
        base_year,
        cutoff,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::actuals::Actual;

    fn with_talent(years: &[i32]) -> Scenario {
        let mut s = crate::presets::by_slug("yunnan").unwrap().scenario.clone();
        for (i, year) in years.iter().enumerate() {
            s.actuals.insert(
                Metric::Talent,
                *year,
                Actual::new(84_500.0 + 5_000.0 * i as f64),
            );
        }
        s
    }

    const TALENT: [Lever; 2] = [Lever::Hires, Lever::Attrition];

    #[test]
    fn the_default_is_based_in_the_first_actual_and_cut_off_before_the_last() {
        let s = with_talent(&[2021, 2022, 2023, 2024, 2025]);
        let years = backtest_years(&s, &TALENT, None).unwrap();
        assert_eq!((years.base_year, years.cutoff), (2021, 2024));
        assert!(years.base_year < years.cutoff, "something to fit");
        assert_eq!(years.base_years, [2021, 2022]);
        // Two levers need two years to fit on: 2023 at the earliest.
        assert_eq!(years.cutoffs, [2023, 2024]);
    }

    #[test]
    fn the_planners_choice_stands_where_the_actuals_support_it() {
        let s = with_talent(&[2021, 2022, 2023, 2024, 2025]);
        let years = backtest_years(&s, &TALENT, Some((2021, 2023))).unwrap();
        assert_eq!((years.base_year, years.cutoff), (2021, 2023));
        // A cut-off equal to the base year, or with nothing after it, is not taken.
        for chosen in [(2021, 2021), (2021, 2025)] {
            let years = backtest_years(&s, &TALENT, Some(chosen)).unwrap();
            assert_eq!((years.base_year, years.cutoff), (2021, 2024), "{chosen:?}");
        }
        // A base year whose cut-off no longer fits keeps the base and moves the cut-off.
        let years = backtest_years(&s, &TALENT, Some((2022, 2023))).unwrap();
        assert_eq!((years.base_year, years.cutoff), (2022, 2024));
    }

    #[test]
    fn too_few_years_are_said_with_how_many_it_takes() {
        let s = with_talent(&[2021, 2022, 2023]);
        assert_eq!(
            backtest_years(&s, &TALENT, None),
            Err(BacktestShortfall::TooFewYears {
                figure: Metric::Talent,
                have: 3,
                need: 4,
                levers: 2,
            })
        );
        // One lever to fit: three years are enough (a base, one to fit, one to test).
        let years = backtest_years(&s, &[Lever::Hires], None).unwrap();
        assert_eq!((years.base_year, years.cutoff), (2021, 2022));
        assert_eq!(
            backtest_years(&s, &[], None),
            Err(BacktestShortfall::NoLevers)
        );
    }

    #[test]
    fn figures_without_a_common_base_year_are_said() {
        let mut s = with_talent(&[2021, 2022, 2023, 2024]);
        for year in [2022, 2023, 2024, 2025] {
            s.actuals
                .insert(Metric::Stations, year, Actual::new(1_400.0 + year as f64));
        }
        let levers = [Lever::Hires, Lever::StationsPerYear];
        // 2022 has both; after it talent has 2023 to fit and 2024 to test, stations the same.
        let years = backtest_years(&s, &levers, None).unwrap();
        assert_eq!((years.base_year, years.cutoff), (2022, 2024));
        s.actuals.remove(Metric::Talent, 2023);
        s.actuals.remove(Metric::Talent, 2024);
        s.actuals
            .insert(Metric::Talent, 2020, Actual::new(80_000.0));
        assert_eq!(
            backtest_years(&s, &levers, None),
            Err(BacktestShortfall::NoCommonBase)
        );
    }

    #[test]
    fn certificate_levels_give_a_point_each_to_fit_the_pass_rates_on() {
        let mut s = crate::presets::by_slug("yunnan").unwrap().scenario.clone();
        for (i, year) in [2021, 2022, 2023].into_iter().enumerate() {
            for (level, value) in CERTIFIED_LEVELS.into_iter().zip([2_000.0, 800.0, 40.0]) {
                s.actuals
                    .insert(level, year, Actual::new(value + 100.0 * i as f64));
            }
        }
        let pass = [Lever::PassJunior, Lever::PassMid, Lever::PassSenior];
        let years = backtest_years(&s, &pass, None).unwrap();
        assert_eq!((years.base_year, years.cutoff), (2021, 2022));
    }
}
