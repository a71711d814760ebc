//! Validation: every bad value is found and named, in words a planner understands, before the
//! model runs. The model never runs on a scenario that fails here.

use std::fmt;

use super::certified::{self, CertifiedTotal};
use super::params::{self, Unit, Value, PARAMS};
use super::scenario::{
    Scenario, Yearly, FIRST_MODEL_VERSION, MAX_HORIZON_YEARS, MODEL_VERSION, SCHEMA_VERSION,
};
use super::targets::Metric;

/// The earliest and latest base years the model accepts.
pub const YEAR_RANGE: (i32, i32) = (1990, 2100);

/// Which part of the scenario an error is about.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    Schema,
    /// The model's reading (`model`).
    Model,
    BaseYear,
    EndYear,
    /// A parameter from the registry, by key; `year` is set for one year of a schedule.
    Param {
        key: &'static str,
        year: Option<i32>,
    },
    /// The threshold or deadline of the target at `index` (0-based).
    Target {
        index: usize,
        metric: Metric,
        part: TargetPart,
    },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TargetPart {
    Threshold,
    Deadline,
}

impl Field {
    /// A stable machine name, e.g. `hires`, `targets.0.deadline`.
    pub fn key(&self) -> String {
        match self {
            Field::Schema => "schema".into(),
            Field::Model => "model".into(),
            Field::BaseYear => "base_year".into(),
            Field::EndYear => "end_year".into(),
            Field::Param { key, .. } => (*key).into(),
            Field::Target { index, part, .. } => format!(
                "targets.{index}.{}",
                match part {
                    TargetPart::Threshold => "threshold",
                    TargetPart::Deadline => "deadline",
                }
            ),
        }
    }
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    NotANumber,
    Negative,
    NotAFraction,
    GrowthOutOfRange,
    EmptySchedule,
    AtLeastOne,
    /// A model reading this app does not know (a file from a newer app).
    UnknownModel {
        found: u32,
    },
    UnsupportedSchema {
        found: u32,
    },
    YearOutOfRange,
    EndNotAfterBase,
    HorizonTooLong {
        years: i32,
    },
    DeadlineOutsideTable {
        base_year: i32,
        end_year: i32,
    },
    /// A target on a figure that cannot be one (the yearly budget, staff needed).
    NotATargetMetric,
    /// The value exceeds the field named here (e.g. stations above townships).
    AboveCeiling {
        ceiling: &'static str,
    },
    /// The value exceeds the hard physical bound of what it counts (`unit`), which no region
    /// can reach: more people than China has, a cost above a whole state budget
    /// ([`crate::bounds`]). Rates have their own problem, [`Problem::NotAFraction`].
    AboveBound {
        bound: f64,
        unit: Unit,
    },
    /// A yearly list holds more values than the longest horizon has years
    /// ([`MAX_HORIZON_YEARS`]), so some could never be used.
    ScheduleTooLong {
        values: usize,
    },
    /// The junior and senior shares of the certified total add up to more than all of it.
    SharesAboveWhole,
    /// A certified stock is not what the certified total and its split give (a file edited by
    /// hand): the total is what the planner entered, so the stocks must follow it.
    NotFromTotal,
}

/// One invalid value: where it is and what is wrong with it.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidationError {
    pub field: Field,
    pub problem: Problem,
}

/// All errors of one scenario (never empty when returned as `Err`).
#[derive(Clone, Debug, PartialEq)]
pub struct ValidationErrors(pub Vec<ValidationError>);

/// For logs and developers: field keys and problem codes. Users read `i18n::messages`.
impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{}: {:?}", e.field.key(), e.problem)?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

/// Checks every field of a scenario and returns every problem found.
pub fn validate(scenario: &Scenario) -> Result<(), ValidationErrors> {
    let mut errors = Vec::new();
    let mut report =
        |field: Field, problem: Problem| errors.push(ValidationError { field, problem });

    if scenario.schema != SCHEMA_VERSION {
        report(
            Field::Schema,
            Problem::UnsupportedSchema {
                found: scenario.schema,
            },
        );
    }
    if !(FIRST_MODEL_VERSION..=MODEL_VERSION).contains(&scenario.model) {
        report(
            Field::Model,
            Problem::UnknownModel {
                found: scenario.model,
            },
        );
    }
    let (base, end) = (scenario.base_year, scenario.end_year);
    let years_ok = (YEAR_RANGE.0..=YEAR_RANGE.1).contains(&base);
    if !years_ok {
        report(Field::BaseYear, Problem::YearOutOfRange);
    }
    // Checked arithmetic: a mangled file can hold any i32.
    let horizon = end.checked_sub(base);
    match horizon {
        Some(h) if h <= 0 => report(Field::EndYear, Problem::EndNotAfterBase),
        Some(h) if h > MAX_HORIZON_YEARS => {
            report(Field::EndYear, Problem::HorizonTooLong { years: h })
        }
        None => report(Field::EndYear, Problem::YearOutOfRange),
        Some(_) => {}
    }

    for p in PARAMS {
        match params::value(scenario, p.key) {
            Some(Value::Scalar(v)) => {
                if let Some(problem) = check_number(*v, p.unit) {
                    report(
                        Field::Param {
                            key: p.key,
                            year: None,
                        },
                        problem,
                    );
                }
            }
            Some(Value::Yearly(yearly)) => {
                for (field, problem) in check_yearly(p.key, p.unit, yearly, scenario) {
                    report(field, problem);
                }
            }
            None => {}
        }
    }

    let a = &scenario.assumptions;
    for key in ["townships", "villages"] {
        if let Some(Value::Scalar(v)) = params::value(scenario, key) {
            if v.is_finite() && *v < 1.0 && *v >= 0.0 {
                report(Field::Param { key, year: None }, Problem::AtLeastOne);
            }
        }
    }
    let ceilings = [
        ("stations", a.stations, "townships", a.townships),
        ("demo_stations", a.demo_stations, "stations", a.stations),
        ("rooms", a.rooms, "villages", a.villages),
    ];
    for (key, value, ceiling, ceiling_value) in ceilings {
        if value > ceiling_value {
            report(
                Field::Param { key, year: None },
                Problem::AboveCeiling { ceiling },
            );
        }
    }
    let certified = a.certified_junior + a.certified_mid + a.certified_senior;
    if certified > a.talent {
        report(
            Field::Param {
                key: "certified_junior",
                year: None,
            },
            Problem::AboveCeiling { ceiling: "talent" },
        );
    }

    if let Some(split) = &scenario.certified_total {
        check_certified_total(scenario, split, &mut report);
    }

    for (index, target) in scenario.targets.iter().enumerate() {
        let field = |part| Field::Target {
            index,
            metric: target.metric,
            part,
        };
        let (unit, bound) = params::threshold_bound(target.metric);
        if target.metric.goal().is_none() {
            report(field(TargetPart::Threshold), Problem::NotATargetMetric);
        } else if let Some(problem) = check_within(target.threshold, unit, bound) {
            report(field(TargetPart::Threshold), problem);
        }
        if years_ok && !(base..=end).contains(&target.deadline) {
            report(
                field(TargetPart::Deadline),
                Problem::DeadlineOutsideTable {
                    base_year: base,
                    end_year: end,
                },
            );
        }
    }

    if errors.is_empty() {
        Ok(())
    } else {
        Err(ValidationErrors(errors))
    }
}

/// The certified total and its split: a count of people, two shares that leave room for the
/// mid-level, and the three stocks it gives.
fn check_certified_total(
    scenario: &Scenario,
    split: &CertifiedTotal,
    report: &mut impl FnMut(Field, Problem),
) {
    let field = |key| Field::Param { key, year: None };
    let mut valid = true;
    for (key, value, unit) in [
        (certified::TOTAL_KEY, split.total, Unit::People),
        (certified::JUNIOR_SHARE_KEY, split.junior_share, Unit::Rate),
        (certified::SENIOR_SHARE_KEY, split.senior_share, Unit::Rate),
    ] {
        if let Some(problem) = check_number(value, unit) {
            report(field(key), problem);
            valid = false;
        }
    }
    if !valid {
        return;
    }
    if split.junior_share + split.senior_share > 1.0 {
        report(
            field(certified::SENIOR_SHARE_KEY),
            Problem::SharesAboveWhole,
        );
    } else if scenario.certified_levels() != split.levels() {
        report(field("certified_junior"), Problem::NotFromTotal);
    }
}

/// The problem with one number of the given unit, if any: not finite, negative, or beyond the
/// unit's hard bound ([`Unit::max`]).
///
/// −0 is zero and a subnormal number (1e-320) is a tiny non-negative number: both are accepted,
/// and neither can make a figure non-finite, since the model divides only by counts that must
/// be at least 1 (townships, villages) or by a number larger than the one divided.
pub fn check_number(value: f64, unit: Unit) -> Option<Problem> {
    check_within(value, unit, unit.max())
}

/// [`check_number`] against a given bound (a target's threshold is bounded by its figure).
fn check_within(value: f64, unit: Unit, bound: f64) -> Option<Problem> {
    if !value.is_finite() {
        Some(Problem::NotANumber)
    } else if value < 0.0 {
        Some(Problem::Negative)
    } else if unit == Unit::Rate && value > 1.0 {
        Some(Problem::NotAFraction)
    } else if value > bound {
        Some(Problem::AboveBound { bound, unit })
    } else {
        None
    }
}

/// Checks a schedule's form and every value it takes within the scenario's horizon.
///
/// A list longer than the longest horizon is refused: before, the values past it were silently
/// ignored. A list longer than this scenario's horizon (at most [`MAX_HORIZON_YEARS`]) is kept
/// whole, and the values past its last year are checked once the last year moves later, when
/// they come into use. A growing schedule is checked as it expands, year by year, so a start
/// within the bound that grows past it is refused in the first year beyond it.
fn check_yearly(
    key: &'static str,
    unit: Unit,
    yearly: &Yearly,
    scenario: &Scenario,
) -> Vec<(Field, Problem)> {
    let whole = Field::Param { key, year: None };
    match yearly {
        Yearly::List(values) if values.is_empty() => return vec![(whole, Problem::EmptySchedule)],
        Yearly::List(values) if values.len() > MAX_HORIZON_YEARS as usize => {
            let values = values.len();
            return vec![(whole, Problem::ScheduleTooLong { values })];
        }
        Yearly::Growth { growth, .. } if !growth.is_finite() => {
            return vec![(whole, Problem::NotANumber)]
        }
        Yearly::Growth { growth, .. } if !(-1.0..=1.0).contains(growth) => {
            return vec![(whole, Problem::GrowthOutOfRange)]
        }
        // A start beyond the bound would grow into infinity too: one message, for the start.
        Yearly::Growth { start, .. } => {
            if let Some(problem) = check_number(*start, unit) {
                return vec![(whole, problem)];
            }
        }
        _ => {}
    }
    let mut problems = Vec::new();
    for (i, value) in yearly.expand(scenario.horizon()).into_iter().enumerate() {
        if let Some(problem) = check_number(value, unit) {
            let year = scenario.base_year.saturating_add(1 + i as i32);
            let field = match yearly {
                Yearly::Constant(_) => whole.clone(),
                _ => Field::Param {
                    key,
                    year: Some(year),
                },
            };
            // One message per field and problem is enough; the first bad year says where.
            if !problems.iter().any(|(_, p)| *p == problem) {
                problems.push((field, problem));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::set;
    use crate::targets::Target;
    use crate::test_presets as presets;

    fn yunnan() -> Scenario {
        presets::default_preset().scenario.clone()
    }

    fn errors_of(scenario: &Scenario) -> Vec<ValidationError> {
        validate(scenario).err().map(|e| e.0).unwrap_or_default()
    }

    /// Yunnan with its certified entered as a total (the default split).
    fn yunnan_with_total(total: f64) -> Scenario {
        let mut s = yunnan();
        s.certified_total = Some(CertifiedTotal::with_default_split(total));
        s.apply_certified_total();
        s
    }

    #[test]
    fn a_certified_total_with_the_stocks_it_gives_is_valid() {
        validate(&yunnan_with_total(5900.0)).unwrap();
    }

    #[test]
    fn shares_of_the_certified_total_above_all_of_it_are_named() {
        let mut s = yunnan_with_total(5900.0);
        s.certified_total = Some(CertifiedTotal {
            total: 5900.0,
            junior_share: 0.8,
            senior_share: 0.3,
        });
        let errors = errors_of(&s);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field.key(), certified::SENIOR_SHARE_KEY);
        assert_eq!(errors[0].problem, Problem::SharesAboveWhole);
        s.certified_total = Some(CertifiedTotal {
            total: -1.0,
            junior_share: 1.5,
            senior_share: 0.0,
        });
        let keys: Vec<String> = errors_of(&s).iter().map(|e| e.field.key()).collect();
        assert_eq!(keys, [certified::TOTAL_KEY, certified::JUNIOR_SHARE_KEY]);
    }

    #[test]
    fn stocks_that_do_not_follow_the_certified_total_are_named() {
        let mut s = yunnan_with_total(5900.0);
        s.assumptions.certified_mid += 1.0;
        let errors = errors_of(&s);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field.key(), "certified_junior");
        assert_eq!(errors[0].problem, Problem::NotFromTotal);
    }

    #[test]
    fn a_certified_total_above_talent_is_above_its_ceiling() {
        let s = yunnan_with_total(200_000.0);
        assert!(errors_of(&s)
            .iter()
            .any(|e| e.problem == Problem::AboveCeiling { ceiling: "talent" }));
    }

    #[test]
    fn negative_hiring_is_named() {
        let mut s = yunnan();
        set(&mut s, "hires", -5.0).unwrap();
        let errors = errors_of(&s);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field.key(), "hires");
        assert_eq!(errors[0].problem, Problem::Negative);
    }

    #[test]
    fn rate_above_one_is_out_of_range() {
        let mut s = yunnan();
        set(&mut s, "pass_mid", 1.2).unwrap();
        assert_eq!(errors_of(&s)[0].problem, Problem::NotAFraction);
    }

    #[test]
    fn nan_and_infinity_are_rejected() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let mut s = yunnan();
            set(&mut s, "attrition", bad).unwrap();
            assert_eq!(errors_of(&s)[0].problem, Problem::NotANumber);
        }
    }

    #[test]
    fn bad_year_in_a_list_names_the_year() {
        let mut s = yunnan();
        s.levers.hires = Yearly::List(vec![100.0, -1.0]);
        let errors = errors_of(&s);
        assert_eq!(
            errors[0].field,
            Field::Param {
                key: "hires",
                year: Some(s.base_year + 2)
            }
        );
    }

    #[test]
    fn growth_that_pushes_a_rate_past_one_is_caught() {
        let mut s = yunnan();
        s.levers.pass_junior = Yearly::Growth {
            start: 0.5,
            growth: 0.5,
        };
        assert_eq!(errors_of(&s)[0].problem, Problem::NotAFraction);
    }

    #[test]
    fn deadline_before_base_year_is_rejected() {
        let mut s = yunnan();
        s.targets.push(Target {
            metric: Metric::Talent,
            threshold: 1.0,
            deadline: s.base_year - 1,
            source: None,
        });
        let errors = errors_of(&s);
        assert!(matches!(
            errors[0].problem,
            Problem::DeadlineOutsideTable { .. }
        ));
    }

    #[test]
    fn horizon_longer_than_thirty_years_is_rejected() {
        let mut s = yunnan();
        s.end_year = s.base_year + 31;
        assert_eq!(
            errors_of(&s)[0].problem,
            Problem::HorizonTooLong { years: 31 }
        );
    }

    #[test]
    fn end_year_at_base_year_is_rejected() {
        let mut s = yunnan();
        s.end_year = s.base_year;
        assert!(errors_of(&s)
            .iter()
            .any(|e| e.problem == Problem::EndNotAfterBase));
    }

    #[test]
    fn extreme_years_do_not_overflow() {
        let mut s = yunnan();
        s.base_year = i32::MIN;
        s.end_year = i32::MAX;
        assert!(!errors_of(&s).is_empty());
    }

    #[test]
    fn stations_above_townships_are_rejected() {
        let mut s = yunnan();
        s.assumptions.stations = s.assumptions.townships + 1.0;
        let errors = errors_of(&s);
        assert_eq!(errors[0].field.key(), "stations");
        assert_eq!(
            errors[0].problem,
            Problem::AboveCeiling {
                ceiling: "townships"
            }
        );
    }

    #[test]
    fn certified_above_talent_is_rejected() {
        let mut s = yunnan();
        s.assumptions.certified_junior = s.assumptions.talent + 1.0;
        assert!(errors_of(&s)
            .iter()
            .any(|e| e.problem == Problem::AboveCeiling { ceiling: "talent" }));
    }

    #[test]
    fn coverage_target_above_full_is_rejected() {
        let mut s = yunnan();
        s.targets.push(Target {
            metric: Metric::StationCoverage,
            threshold: 1.5,
            deadline: s.base_year + 1,
            source: None,
        });
        assert_eq!(errors_of(&s)[0].problem, Problem::NotAFraction);
    }

    #[test]
    fn a_target_on_a_figure_that_cannot_be_one_is_rejected() {
        let mut s = yunnan();
        s.targets.push(Target {
            metric: Metric::StaffNeeded,
            threshold: 10.0,
            deadline: s.base_year + 1,
            source: None,
        });
        assert_eq!(errors_of(&s)[0].problem, Problem::NotATargetMetric);
    }

    #[test]
    fn hiring_more_people_than_china_has_is_refused_with_the_bound() {
        let mut s = yunnan();
        set(&mut s, "hires", 1e308).unwrap();
        let errors = errors_of(&s);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field.key(), "hires");
        assert_eq!(
            errors[0].problem,
            Problem::AboveBound {
                bound: crate::bounds::MAX_PEOPLE,
                unit: Unit::People
            }
        );
    }

    #[test]
    fn every_parameter_is_accepted_at_its_bound_and_refused_just_above() {
        let bounded = |s: &Scenario, key: &str| {
            errors_of(s)
                .into_iter()
                .any(|e| e.field.key() == key && matches!(e.problem, Problem::AboveBound { .. }))
        };
        for p in PARAMS.iter().filter(|p| p.unit != Unit::Rate) {
            let mut s = yunnan();
            set(&mut s, p.key, p.unit.max()).unwrap();
            assert!(!bounded(&s, p.key), "{} at its bound", p.key);
            set(&mut s, p.key, p.unit.max().next_up()).unwrap();
            assert!(bounded(&s, p.key), "{} above its bound", p.key);
        }
    }

    #[test]
    fn a_schedule_growing_past_the_bound_names_the_first_year_beyond_it() {
        let mut s = yunnan();
        s.levers.hires = Yearly::Growth {
            start: 1e9,
            growth: 1.0,
        };
        let errors = errors_of(&s);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            errors[0].field,
            Field::Param {
                key: "hires",
                year: Some(s.base_year + 2)
            }
        );
        assert!(matches!(errors[0].problem, Problem::AboveBound { .. }));
    }

    #[test]
    fn a_growth_start_beyond_the_bound_is_one_message_for_the_start() {
        let mut s = yunnan();
        s.levers.hires = Yearly::Growth {
            start: 1e308,
            growth: 1.0,
        };
        let errors = errors_of(&s);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field.key(), "hires");
        assert!(matches!(errors[0].problem, Problem::AboveBound { .. }));
    }

    #[test]
    fn a_list_longer_than_the_longest_horizon_is_refused() {
        let longest = MAX_HORIZON_YEARS as usize;
        let mut s = yunnan();
        s.levers.hires = Yearly::List(vec![12_000.0; longest]);
        assert_eq!(errors_of(&s), vec![]);
        s.levers.hires = Yearly::List(vec![12_000.0; longest + 1]);
        assert_eq!(
            errors_of(&s)[0].problem,
            Problem::ScheduleTooLong {
                values: longest + 1
            }
        );
    }

    #[test]
    fn a_target_beyond_the_bound_of_its_figure_is_refused() {
        let mut s = yunnan();
        let target = |metric, threshold| Target {
            metric,
            threshold,
            deadline: s.base_year + 1,
            source: None,
        };
        s.targets = vec![
            target(Metric::Talent, 2e9),
            target(Metric::Rooms, 1e8),
            target(Metric::BudgetCumulative, 9e14),
            target(Metric::BudgetCumulative, 1e15),
        ];
        let problems: Vec<(usize, Problem)> = errors_of(&s)
            .into_iter()
            .map(|e| match e.field {
                Field::Target { index, .. } => (index, e.problem),
                other => panic!("{other:?}"),
            })
            .collect();
        use crate::bounds::{MAX_BUDGET_CUMULATIVE, MAX_COUNT, MAX_PEOPLE};
        assert_eq!(
            problems,
            vec![
                (
                    0,
                    Problem::AboveBound {
                        bound: MAX_PEOPLE,
                        unit: Unit::People
                    }
                ),
                (
                    1,
                    Problem::AboveBound {
                        bound: MAX_COUNT,
                        unit: Unit::Count
                    }
                ),
                (
                    3,
                    Problem::AboveBound {
                        bound: MAX_BUDGET_CUMULATIVE,
                        unit: Unit::Yuan
                    }
                ),
            ]
        );
    }

    #[test]
    fn negative_zero_and_subnormal_numbers_are_accepted_as_zero_and_tiny() {
        for tiny in [-0.0, 1e-320, f64::MIN_POSITIVE / 4.0] {
            let mut s = yunnan();
            for p in PARAMS {
                set(&mut s, p.key, tiny).unwrap();
            }
            // Townships and villages must be at least 1, and certified (three tiny levels)
            // cannot exceed talent (one tiny value): the rest may be as tiny as it likes.
            for key in ["townships", "villages", "talent"] {
                set(&mut s, key, 1.0).unwrap();
            }
            assert_eq!(errors_of(&s), vec![], "{tiny:e}");
            let trajectory = crate::simulate(&s).unwrap();
            for row in &trajectory.years {
                assert!(row.fields().iter().all(|v| v.is_finite()), "{row:?}");
            }
        }
    }

    #[test]
    fn every_error_is_reported_not_just_the_first() {
        let mut s = yunnan();
        set(&mut s, "hires", -1.0).unwrap();
        set(&mut s, "attrition", 2.0).unwrap();
        s.schema = 99;
        assert_eq!(errors_of(&s).len(), 3);
    }
}
