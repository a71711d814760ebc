//! Roll-up (汇总): a province from its cities' plans. Stocks and money are summed per year;
//! coverage is the summed stations over the summed townships (rooms over villages), never an
//! average of the cities' percentages; the province's targets are checked on the sum, and each
//! city's own targets still on the city. Data only; the words and the stacked chart are
//! elsewhere.

use serde::{Deserialize, Serialize};

use super::figures::{Metric, YearRow, FIGURE_COUNT};
use super::scenario::Scenario;
use super::simulate::{share, simulate, Trajectory};
use super::targets::Target;
use super::validate::ValidationErrors;
use super::verdict::{evaluate, Verdict};

/// Why cities cannot be rolled up.
#[derive(Clone, Debug, PartialEq)]
pub enum RollupError {
    NoCities,
    /// The plan of the city at `city` (its index) is invalid.
    InvalidCity {
        city: usize,
        errors: ValidationErrors,
    },
    /// The cities' plans have no year in common.
    NoCommonYears,
    /// A province target on a figure that cannot be a target (the yearly budget).
    NotATargetMetric {
        target: usize,
        metric: Metric,
    },
    /// A province target whose deadline is outside the years every city covers.
    DeadlineOutsideYears {
        target: usize,
        deadline: i32,
        first_year: i32,
        last_year: i32,
    },
}

/// One city in a roll-up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CityPart {
    /// The city's slug, as its plan names it.
    pub region: String,
    /// The city's year table over the roll-up's years.
    pub trajectory: Trajectory,
    /// The city's own targets, judged on the city's whole plan.
    pub verdicts: Vec<Verdict>,
}

/// A province rolled up from its cities.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RollUp {
    /// The province's year table over the years every city covers. Its warnings are empty:
    /// warnings belong to the cities (talent does not move between them).
    pub total: Trajectory,
    /// Summed townships and villages, the ceilings of the province's coverage.
    pub townships: f64,
    pub villages: f64,
    /// The province's targets, judged on the sum, in the given order.
    pub verdicts: Vec<Verdict>,
    /// The cities, in the given order.
    pub cities: Vec<CityPart>,
}

/// A city's part of a province figure in one year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    /// What the city adds to the province figure: its own value for a count or money; for
    /// coverage, its stations (rooms) over the province's townships (villages), so that the
    /// cities' contributions add up to the province's coverage.
    pub value: f64,
    /// The city's share of the province figure (0.25 is a quarter); `None` when it is 0.
    pub share: Option<f64>,
}

impl RollUp {
    /// City number `city`'s contribution to `metric` in `year`.
    pub fn contribution(&self, city: usize, metric: Metric, year: i32) -> Option<Contribution> {
        let own = self.cities.get(city)?.trajectory.row(year)?;
        let total = self.total.row(year)?;
        let value = match metric {
            Metric::StationCoverage => share(own.stations, self.townships),
            Metric::RoomCoverage => share(own.rooms, self.villages),
            _ => metric.value(own),
        };
        let whole = metric.value(total);
        Some(Contribution {
            value,
            share: (whole != 0.0).then(|| value / whole),
        })
    }
}

/// Rolls `cities` up into a province and judges `targets` on the sum.
pub fn rollup(cities: &[Scenario], targets: &[Target]) -> Result<RollUp, RollupError> {
    if cities.is_empty() {
        return Err(RollupError::NoCities);
    }
    let runs: Vec<Trajectory> = cities
        .iter()
        .enumerate()
        .map(|(city, s)| simulate(s).map_err(|errors| RollupError::InvalidCity { city, errors }))
        .collect::<Result<_, _>>()?;
    let first_year = cities.iter().map(|s| s.base_year).max().unwrap_or(0);
    let last_year = cities.iter().map(|s| s.end_year).min().unwrap_or(0);
    if first_year > last_year {
        return Err(RollupError::NoCommonYears);
    }
    for (index, target) in targets.iter().enumerate() {
        if target.metric.goal().is_none() {
            return Err(RollupError::NotATargetMetric {
                target: index,
                metric: target.metric,
            });
        }
        if !(first_year..=last_year).contains(&target.deadline) {
            return Err(RollupError::DeadlineOutsideYears {
                target: index,
                deadline: target.deadline,
                first_year,
                last_year,
            });
        }
    }

    let townships: f64 = cities.iter().map(|s| s.assumptions.townships).sum();
    let villages: f64 = cities.iter().map(|s| s.assumptions.villages).sum();
    let parts: Vec<CityPart> = cities
        .iter()
        .zip(&runs)
        .map(|(s, run)| CityPart {
            region: s.region.clone(),
            trajectory: Trajectory {
                years: run
                    .years
                    .iter()
                    .filter(|row| (first_year..=last_year).contains(&row.year))
                    .cloned()
                    .collect(),
                warnings: run
                    .warnings
                    .iter()
                    .filter(|w| w.last_year >= first_year && w.first_year <= last_year)
                    .cloned()
                    .collect(),
            },
            verdicts: s.targets.iter().map(|t| evaluate(t, run)).collect(),
        })
        .collect();
    let total = Trajectory {
        years: (first_year..=last_year)
            .map(|year| sum_row(year, &parts, townships, villages))
            .collect(),
        warnings: Vec::new(),
    };
    Ok(RollUp {
        verdicts: targets.iter().map(|t| evaluate(t, &total)).collect(),
        total,
        townships,
        villages,
        cities: parts,
    })
}

/// The province's row of `year`: every figure summed, coverage recomputed from the sums.
fn sum_row(year: i32, parts: &[CityPart], townships: f64, villages: f64) -> YearRow {
    let mut sums = [0.0; FIGURE_COUNT];
    for row in parts.iter().filter_map(|p| p.trajectory.row(year)) {
        for (sum, value) in sums.iter_mut().zip(row.fields()) {
            *sum += value;
        }
    }
    let mut row = YearRow::from_fields(year, sums);
    row.station_coverage = share(row.stations, townships);
    row.room_coverage = share(row.rooms, villages);
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preset(slug: &str) -> Scenario {
        crate::test_presets::by_slug(slug).unwrap().scenario.clone()
    }

    fn three_cities() -> Vec<Scenario> {
        ["jinan", "lanzhou", "nanchang"].map(preset).to_vec()
    }

    #[test]
    fn stocks_and_money_are_summed_over_the_common_years() {
        let cities = three_cities();
        let up = rollup(&cities, &[]).unwrap();
        let runs: Vec<Trajectory> = cities.iter().map(|s| simulate(s).unwrap()).collect();
        // Jinan and Lanzhou start in 2021, Nanchang in 2022: the province starts in 2022.
        assert_eq!(up.total.years.first().unwrap().year, 2022);
        assert_eq!(up.total.years.last().unwrap().year, 2030);
        for row in &up.total.years {
            for metric in [
                Metric::Talent,
                Metric::Certified,
                Metric::Stations,
                Metric::Rooms,
                Metric::BudgetCumulative,
                Metric::StaffNeeded,
            ] {
                let sum: f64 = runs
                    .iter()
                    .map(|t| metric.value(t.row(row.year).unwrap()))
                    .sum();
                assert!((metric.value(row) - sum).abs() <= 1e-9 * sum.abs().max(1.0));
            }
        }
    }

    #[test]
    fn coverage_is_summed_stations_over_summed_townships() {
        let mut cities = three_cities();
        // A small city fully covered and a large one barely: the average of percentages
        // would say 50 %, the province has 5 %.
        cities[0].assumptions.townships = 10.0;
        cities[0].assumptions.stations = 10.0;
        cities[1].assumptions.townships = 190.0;
        cities[1].assumptions.stations = 0.0;
        cities.truncate(2);
        for s in &mut cities {
            crate::params::set(s, "stations_per_year", 0.0).unwrap();
        }
        let up = rollup(&cities, &[]).unwrap();
        for row in &up.total.years {
            assert_eq!(row.station_coverage, 10.0 / 200.0);
        }
        let runs: Vec<Trajectory> = cities.iter().map(|s| simulate(s).unwrap()).collect();
        let year = up.total.years[3].year;
        let stations: f64 = runs.iter().map(|t| t.row(year).unwrap().stations).sum();
        let townships: f64 = cities.iter().map(|s| s.assumptions.townships).sum();
        assert_eq!(
            up.total.row(year).unwrap().station_coverage,
            stations / townships
        );
        let rooms: f64 = runs.iter().map(|t| t.row(year).unwrap().rooms).sum();
        let villages: f64 = cities.iter().map(|s| s.assumptions.villages).sum();
        assert_eq!(up.total.row(year).unwrap().room_coverage, rooms / villages);
    }

    #[test]
    fn contributions_add_up_to_the_province_figure() {
        let up = rollup(&three_cities(), &[]).unwrap();
        for metric in [
            Metric::Talent,
            Metric::StationCoverage,
            Metric::RoomCoverage,
        ] {
            for row in &up.total.years {
                let parts: Vec<Contribution> = (0..3)
                    .map(|city| up.contribution(city, metric, row.year).unwrap())
                    .collect();
                let value: f64 = parts.iter().map(|c| c.value).sum();
                let whole = metric.value(row);
                assert!(
                    (value - whole).abs() <= 1e-12 * whole.max(1.0),
                    "{metric:?}"
                );
                if whole > 0.0 {
                    let shares: f64 = parts.iter().map(|c| c.share.unwrap()).sum();
                    assert!((shares - 1.0).abs() < 1e-12);
                }
            }
        }
        assert_eq!(up.contribution(3, Metric::Talent, 2025), None);
        assert_eq!(up.contribution(0, Metric::Talent, 2021), None);
    }

    #[test]
    fn province_targets_are_judged_on_the_sum_and_city_targets_on_the_city() {
        let cities = three_cities();
        let up = rollup(&cities, &[]).unwrap();
        let talent_2027 = up.total.row(2027).unwrap().talent;
        let target = |threshold| Target {
            metric: Metric::Talent,
            threshold,
            deadline: 2027,
            source: None,
        };
        let up = rollup(&cities, &[target(talent_2027), target(talent_2027 + 1.0)]).unwrap();
        assert!(up.verdicts[0].met);
        assert!(!up.verdicts[1].met);
        assert!((up.verdicts[1].gap - 1.0).abs() < 1e-6);
        for (part, city) in up.cities.iter().zip(&cities) {
            let own = simulate(city).unwrap();
            let expected: Vec<Verdict> = city.targets.iter().map(|t| evaluate(t, &own)).collect();
            assert_eq!(part.verdicts, expected);
            assert_eq!(part.region, city.region);
        }
    }

    #[test]
    fn unusable_inputs_are_refused() {
        assert_eq!(rollup(&[], &[]), Err(RollupError::NoCities));
        let mut apart = three_cities();
        apart[0].base_year = 2031;
        apart[0].end_year = 2035;
        apart[0].targets.clear();
        assert_eq!(rollup(&apart, &[]), Err(RollupError::NoCommonYears));
        let mut invalid = three_cities();
        invalid[1].assumptions.talent = f64::NAN;
        assert!(matches!(
            rollup(&invalid, &[]),
            Err(RollupError::InvalidCity { city: 1, .. })
        ));
        let early = Target {
            metric: Metric::Talent,
            threshold: 1.0,
            deadline: 2021,
            source: None,
        };
        assert_eq!(
            rollup(&three_cities(), std::slice::from_ref(&early)),
            Err(RollupError::DeadlineOutsideYears {
                target: 0,
                deadline: 2021,
                first_year: 2022,
                last_year: 2030
            })
        );
        let yearly = Target {
            metric: Metric::Budget,
            deadline: 2025,
            ..early
        };
        assert_eq!(
            rollup(&three_cities(), &[yearly]),
            Err(RollupError::NotATargetMetric {
                target: 0,
                metric: Metric::Budget
            })
        );
    }
}
