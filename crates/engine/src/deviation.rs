//! What actual figures say: whether they can be used as entered (a figure that is not a
//! stock, a year outside the plan, a part above its whole), and how far the plan deviates from
//! them, year by year.

use serde::{Deserialize, Serialize};

use super::actuals::{is_actual_figure, Actuals, CERTIFIED_LEVELS};
use super::figures::Metric;
use super::scenario::Scenario;
use super::simulate::Trajectory;

/// The actual value of `metric` in `year`, entered or following from entered figures:
/// the certified total from its three levels, coverage from stations over townships (rooms
/// over villages) of `scenario`.
pub fn actual_figure(
    actuals: &Actuals,
    metric: Metric,
    year: i32,
    scenario: &Scenario,
) -> Option<f64> {
    let a = &scenario.assumptions;
    let share = |part: Option<f64>, whole: f64| part.filter(|_| whole > 0.0).map(|p| p / whole);
    match metric {
        Metric::Certified => actuals.value(metric, year).or_else(|| {
            CERTIFIED_LEVELS
                .iter()
                .map(|level| actuals.value(*level, year))
                .sum::<Option<f64>>()
        }),
        Metric::StationCoverage => share(actuals.value(Metric::Stations, year), a.townships),
        Metric::RoomCoverage => share(actuals.value(Metric::Rooms, year), a.villages),
        _ => actuals.value(metric, year),
    }
}

/// Why actual figures cannot be used as entered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum ActualsProblem {
    /// A figure that follows from others (coverage, yearly budget, staff needed): enter the
    /// stations, rooms or cumulative budget instead.
    NotAStock { metric: Metric },
    /// A year before the plan's base year or after its end year.
    YearOutsidePlan {
        metric: Metric,
        year: i32,
        base_year: i32,
        end_year: i32,
    },
    /// Not a finite number.
    NotANumber { metric: Metric, year: i32 },
    /// Below zero.
    Negative {
        metric: Metric,
        year: i32,
        value: f64,
    },
    /// More stations than townships (or rooms than villages) in the plan's assumptions.
    AboveCeiling {
        metric: Metric,
        year: i32,
        value: f64,
        ceiling: f64,
    },
    /// A part above its whole in the same year: demonstration stations above stations,
    /// certified above talent, a certificate level above the certified total.
    PartAboveWhole {
        year: i32,
        part: Metric,
        part_value: f64,
        whole: Metric,
        whole_value: f64,
    },
    /// The certified total and the entered levels disagree: all three levels are entered and do
    /// not add up to the total, or the entered levels alone exceed it.
    LevelsDisagreeWithTotal { year: i32, levels: f64, total: f64 },
}

/// Relative tolerance for sums that must agree (levels and total): published figures are
/// whole people, so agreement is to rounding, not to the last person.
const AGREEMENT: f64 = 1e-9;

fn exceeds(value: f64, limit: f64) -> bool {
    value > limit + AGREEMENT * limit.abs().max(1.0)
}

/// Every problem of `actuals` against `scenario`, in figure then year order (empty when they
/// can all be used).
pub fn check(actuals: &Actuals, scenario: &Scenario) -> Vec<ActualsProblem> {
    let mut problems = Vec::new();
    let a = &scenario.assumptions;
    for (metric, year, actual) in actuals.entries() {
        let value = actual.value;
        if !is_actual_figure(metric) {
            problems.push(ActualsProblem::NotAStock { metric });
        } else if year < scenario.base_year || year > scenario.end_year {
            problems.push(ActualsProblem::YearOutsidePlan {
                metric,
                year,
                base_year: scenario.base_year,
                end_year: scenario.end_year,
            });
        } else if !value.is_finite() {
            problems.push(ActualsProblem::NotANumber { metric, year });
        } else if value < 0.0 {
            problems.push(ActualsProblem::Negative {
                metric,
                year,
                value,
            });
        } else {
            let ceiling = match metric {
                Metric::Stations | Metric::DemoStations => Some(a.townships),
                Metric::Rooms => Some(a.villages),
                _ => None,
            };
            if let Some(ceiling) = ceiling.filter(|c| exceeds(value, *c)) {
                problems.push(ActualsProblem::AboveCeiling {
                    metric,
                    year,
                    value,
                    ceiling,
                });
            }
        }
    }
    let years: std::collections::BTreeSet<i32> =
        actuals.entries().map(|(_, year, _)| year).collect();
    for year in years {
        check_parts(actuals, year, &mut problems);
    }
    problems
}

/// The part-whole problems of one year's actuals.
fn check_parts(actuals: &Actuals, year: i32, problems: &mut Vec<ActualsProblem>) {
    let value = |metric| {
        actuals
            .value(metric, year)
            .filter(|v| v.is_finite() && *v >= 0.0)
    };
    let mut part_above_whole = |part, whole| {
        if let (Some(part_value), Some(whole_value)) = (value(part), value(whole)) {
            if exceeds(part_value, whole_value) {
                problems.push(ActualsProblem::PartAboveWhole {
                    year,
                    part,
                    part_value,
                    whole,
                    whole_value,
                });
            }
        }
    };
    part_above_whole(Metric::DemoStations, Metric::Stations);
    part_above_whole(Metric::Certified, Metric::Talent);
    let levels: Vec<f64> = CERTIFIED_LEVELS.iter().filter_map(|l| value(*l)).collect();
    let entered: f64 = levels.iter().sum();
    if let Some(total) = value(Metric::Certified) {
        let all_levels = levels.len() == CERTIFIED_LEVELS.len();
        let disagree = if all_levels {
            exceeds(entered, total) || exceeds(total, entered)
        } else {
            exceeds(entered, total)
        };
        if disagree {
            problems.push(ActualsProblem::LevelsDisagreeWithTotal {
                year,
                levels: entered,
                total,
            });
        }
    } else if let Some(talent) = value(Metric::Talent) {
        // Without a total, the entered levels are certified people all the same.
        if !levels.is_empty() && exceeds(entered, talent) {
            problems.push(ActualsProblem::PartAboveWhole {
                year,
                part: Metric::Certified,
                part_value: entered,
                whole: Metric::Talent,
                whole_value: talent,
            });
        }
    }
}

/// One year of a figure: the plan's value, the actual, and how far apart they are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deviation {
    pub year: i32,
    pub plan: f64,
    pub actual: f64,
    /// `actual − plan`: positive when the region is ahead of its plan.
    pub difference: f64,
    /// `difference / plan`, a fraction (0.05 is 5 % above the plan); `None` when the plan's
    /// value is 0.
    pub relative: Option<f64>,
}

/// The deviation table of one figure, earliest year first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeviationSeries {
    pub metric: Metric,
    pub rows: Vec<Deviation>,
}

/// Plan against actual, per figure with actuals (in table order) and year. Years outside the
/// plan's table are left out.
pub fn deviations(plan: &Trajectory, actuals: &Actuals) -> Vec<DeviationSeries> {
    actuals
        .metrics()
        .map(|metric| DeviationSeries {
            metric,
            rows: actuals
                .series(metric)
                .filter_map(|(year, actual)| {
                    let planned = metric.value(plan.row(year)?);
                    let difference = actual.value - planned;
                    Some(Deviation {
                        year,
                        plan: planned,
                        actual: actual.value,
                        difference,
                        relative: (planned != 0.0).then(|| difference / planned),
                    })
                })
                .collect(),
        })
        .filter(|series| !series.rows.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actuals::Actual;
    use crate::simulate;

    fn preset(slug: &str) -> Scenario {
        crate::test_presets::by_slug(slug).unwrap().scenario.clone()
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // TOML is read natively only.
    fn actuals_read_from_toml_with_and_without_notes() {
        #[derive(Deserialize)]
        struct Holder {
            actuals: Actuals,
        }
        let text = "[actuals.talent]\n2023 = 90000\n2024 = { value = 95000, note = \"公报\" }\n\
                    [actuals.certified]\n2024 = 4100\n";
        let parsed: Holder = toml::from_str(text).unwrap();
        let a = parsed.actuals;
        assert_eq!(a.value(Metric::Talent, 2023), Some(90_000.0));
        assert_eq!(
            a.get(Metric::Talent, 2024).unwrap().note.as_deref(),
            Some("公报")
        );
        assert_eq!(a.latest(Metric::Certified).map(|(y, _)| y), Some(2024));
        assert_eq!(a.latest_year(), Some(2024));
    }

    #[test]
    fn actuals_round_trip_through_json_as_numbers_unless_noted() {
        let mut a = Actuals::from_iter([(Metric::Stations, 2023, 430.0)]);
        a.insert(
            Metric::Rooms,
            2024,
            Actual {
                value: 12.0,
                note: Some("统计".into()),
            },
        );
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(
            json,
            r#"{"stations":{"2023":430.0},"rooms":{"2024":{"value":12.0,"note":"统计"}}}"#
        );
        assert_eq!(serde_json::from_str::<Actuals>(&json).unwrap(), a);
    }

    #[test]
    fn removing_the_last_actual_of_a_figure_leaves_no_empty_series() {
        let mut a = Actuals::from_iter([(Metric::Talent, 2023, 1.0)]);
        assert_eq!(a.remove(Metric::Talent, 2023), Some(Actual::new(1.0)));
        assert!(a.is_empty());
        assert_eq!(a, Actuals::default());
    }

    #[test]
    fn the_certified_total_and_coverage_follow_from_entered_figures() {
        let s = preset("yunnan");
        let a = Actuals::from_iter([
            (Metric::CertifiedJunior, 2022, 100.0),
            (Metric::CertifiedMid, 2022, 50.0),
            (Metric::CertifiedSenior, 2022, 5.0),
            (Metric::Stations, 2022, s.assumptions.townships / 2.0),
        ]);
        assert_eq!(actual_figure(&a, Metric::Certified, 2022, &s), Some(155.0));
        assert_eq!(
            actual_figure(&a, Metric::StationCoverage, 2022, &s),
            Some(0.5)
        );
        assert_eq!(actual_figure(&a, Metric::RoomCoverage, 2022, &s), None);
    }

    #[test]
    fn actuals_that_fit_the_plan_have_no_problem() {
        let s = preset("yunnan");
        let year = s.base_year + 1;
        let a = Actuals::from_iter([
            (Metric::Talent, year, 90_000.0),
            (Metric::Certified, year, 20_000.0),
            (Metric::CertifiedJunior, year, 15_000.0),
            (Metric::Stations, year, 1_000.0),
            (Metric::DemoStations, year, 100.0),
            (Metric::BudgetCumulative, year, 1e8),
        ]);
        assert_eq!(check(&a, &s), vec![]);
    }

    #[test]
    fn each_unusable_actual_is_named() {
        let s = preset("yunnan");
        let (base, end) = (s.base_year, s.end_year);
        let townships = s.assumptions.townships;
        let a = Actuals::from_iter([
            (Metric::StationCoverage, base + 1, 0.5),
            (Metric::Talent, base - 1, 80_000.0),
            (Metric::Talent, end + 1, 80_000.0),
            (Metric::Institutions, base + 1, f64::NAN),
            (Metric::Positions, base + 1, -3.0),
            (Metric::Stations, base + 2, townships + 1.0),
        ]);
        assert_eq!(
            check(&a, &s),
            vec![
                ActualsProblem::YearOutsidePlan {
                    metric: Metric::Talent,
                    year: base - 1,
                    base_year: base,
                    end_year: end
                },
                ActualsProblem::YearOutsidePlan {
                    metric: Metric::Talent,
                    year: end + 1,
                    base_year: base,
                    end_year: end
                },
                ActualsProblem::NotANumber {
                    metric: Metric::Institutions,
                    year: base + 1
                },
                ActualsProblem::AboveCeiling {
                    metric: Metric::Stations,
                    year: base + 2,
                    value: townships + 1.0,
                    ceiling: townships
                },
                ActualsProblem::Negative {
                    metric: Metric::Positions,
                    year: base + 1,
                    value: -3.0
                },
                ActualsProblem::NotAStock {
                    metric: Metric::StationCoverage
                },
            ]
        );
    }

    #[test]
    fn parts_above_their_whole_are_refused() {
        let s = preset("yunnan");
        let y = s.base_year + 1;
        let a = Actuals::from_iter([
            (Metric::Stations, y, 10.0),
            (Metric::DemoStations, y, 11.0),
            (Metric::Talent, y, 100.0),
            (Metric::CertifiedJunior, y, 80.0),
            (Metric::CertifiedMid, y, 30.0),
        ]);
        assert_eq!(
            check(&a, &s),
            vec![
                ActualsProblem::PartAboveWhole {
                    year: y,
                    part: Metric::DemoStations,
                    part_value: 11.0,
                    whole: Metric::Stations,
                    whole_value: 10.0
                },
                ActualsProblem::PartAboveWhole {
                    year: y,
                    part: Metric::Certified,
                    part_value: 110.0,
                    whole: Metric::Talent,
                    whole_value: 100.0
                },
            ]
        );
    }

    #[test]
    fn levels_must_add_up_to_the_certified_total() {
        let s = preset("yunnan");
        let y = s.base_year;
        let all_three = Actuals::from_iter([
            (Metric::Certified, y, 100.0),
            (Metric::CertifiedJunior, y, 60.0),
            (Metric::CertifiedMid, y, 30.0),
            (Metric::CertifiedSenior, y, 5.0),
        ]);
        assert_eq!(
            check(&all_three, &s),
            vec![ActualsProblem::LevelsDisagreeWithTotal {
                year: y,
                levels: 95.0,
                total: 100.0
            }]
        );
        let two_below_total = Actuals::from_iter([
            (Metric::Certified, y, 100.0),
            (Metric::CertifiedJunior, y, 60.0),
            (Metric::CertifiedMid, y, 30.0),
        ]);
        assert_eq!(check(&two_below_total, &s), vec![]);
    }

    #[test]
    fn deviations_give_plan_actual_difference_and_share_per_year() {
        let s = preset("yunnan");
        let plan = simulate(&s).unwrap();
        let y = s.base_year + 2;
        let planned = plan.row(y).unwrap().talent;
        let a = Actuals::from_iter([
            (Metric::Talent, y, planned * 0.9),
            (Metric::Talent, s.end_year + 5, 1.0),
        ]);
        let table = deviations(&plan, &a);
        assert_eq!(table.len(), 1);
        assert_eq!(table[0].metric, Metric::Talent);
        let [row] = table[0].rows.as_slice() else {
            panic!("one row within the plan's years: {:?}", table[0].rows)
        };
        assert_eq!(
            (row.year, row.plan, row.actual),
            (y, planned, planned * 0.9)
        );
        assert!((row.difference + planned * 0.1).abs() < 1e-6);
        assert!((row.relative.unwrap() + 0.1).abs() < 1e-12);
    }

    #[test]
    fn a_deviation_from_a_zero_plan_has_no_share() {
        let mut s = preset("yunnan");
        s.assumptions.positions = 0.0;
        crate::params::set(&mut s, "positions_per_year", 0.0).unwrap();
        let plan = simulate(&s).unwrap();
        let a = Actuals::from_iter([(Metric::Positions, s.base_year + 1, 30.0)]);
        let row = &deviations(&plan, &a)[0].rows[0];
        assert_eq!((row.difference, row.relative), (30.0, None));
    }

    #[test]
    fn up_to_and_after_split_the_years() {
        let a = Actuals::from_iter([
            (Metric::Talent, 2020, 1.0),
            (Metric::Talent, 2021, 2.0),
            (Metric::Rooms, 2022, 3.0),
        ]);
        assert_eq!(a.up_to(2021).latest_year(), Some(2021));
        assert_eq!(a.after(2021).metrics().collect::<Vec<_>>(), [Metric::Rooms]);
    }
}
