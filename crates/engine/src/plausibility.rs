//! Plausibility: values that are valid but probably not what a planner meant — 99,999,999 hires a
//! year, 2000.7 people, more exam candidates than there are social workers. They stay possible
//! (a planner may explore extremes); the UI shows a caution beside the field. Data only: the
//! words are in `i18n`.

use super::params::{self, Kind, Shape, Unit, Value, PARAMS};
use super::scenario::Scenario;

/// Why a value looks implausible.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Doubt {
    /// People or units with a fractional part (2000.7 people).
    Fractional,
    /// A yearly flow of people larger than the whole talent stock at the start.
    ExceedsTalent { talent: f64 },
    /// Many times the reference value (the preset's, or the region's starting figure).
    FarAboveReference { reference: f64, times: f64 },
    /// A rate of 1 % or less where the reference is 5 % or more: most likely "0.3" typed for
    /// 30 % (the field takes percentages).
    RateTypedAsFraction { reference: f64 },
}

/// One doubtful value: the parameter, the year for one year of a schedule, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Concern {
    pub key: &'static str,
    /// The calendar year, for one year of a schedule.
    pub year: Option<i32>,
    pub doubt: Doubt,
}

/// How many times the reference value counts as far outside the plausible range.
pub const FAR_FACTOR: f64 = 10.0;

/// Yearly flows of people that cannot sensibly exceed the whole talent stock.
const PEOPLE_FLOWS: [&str; 4] = [
    "hires",
    "candidates_junior",
    "candidates_mid",
    "candidates_senior",
];

/// Concerns about `scenario`, judged against `reference` (the preset it came from, or the
/// blank template). At most one concern per parameter (the first year that raises it), in
/// registry order.
pub fn concerns(scenario: &Scenario, reference: &Scenario) -> Vec<Concern> {
    let years = scenario.horizon();
    let talent = scenario.assumptions.talent;
    let mut found = Vec::new();
    for p in PARAMS.iter().filter(|p| p.kind != Kind::Uncertainty) {
        let Some(values) = params::values(scenario, p.key, years.max(1)) else {
            continue;
        };
        let reference_value = reference_level(reference, p.key, years.max(1));
        let year_of = |i: usize| match p.shape {
            Shape::Yearly if !is_constant(scenario, p.key) => {
                Some(scenario.base_year.saturating_add(1 + i as i32))
            }
            _ => None,
        };
        let doubt = values.iter().enumerate().find_map(|(i, &v)| {
            let doubt = doubt_about(p.key, p.unit, v, talent, reference_value)?;
            Some((year_of(i), doubt))
        });
        if let Some((year, doubt)) = doubt {
            found.push(Concern {
                key: p.key,
                year,
                doubt,
            });
        }
    }
    found
}

fn is_constant(scenario: &Scenario, key: &str) -> bool {
    matches!(
        params::value(scenario, key),
        Some(Value::Yearly(super::scenario::Yearly::Constant(_)))
    )
}

/// The reference level of a parameter: the largest value it takes in the reference scenario.
fn reference_level(reference: &Scenario, key: &str, years: usize) -> f64 {
    params::values(reference, key, years)
        .map(|values| values.into_iter().fold(0.0, f64::max))
        .unwrap_or(0.0)
}

fn doubt_about(key: &str, unit: Unit, value: f64, talent: f64, reference: f64) -> Option<Doubt> {
    if !value.is_finite() || value < 0.0 {
        // Invalid, not implausible: validation explains it.
        return None;
    }
    if matches!(unit, Unit::People | Unit::Count) && value.fract() != 0.0 {
        return Some(Doubt::Fractional);
    }
    if PEOPLE_FLOWS.contains(&key) && talent > 0.0 && value > talent {
        return Some(Doubt::ExceedsTalent { talent });
    }
    if unit == Unit::Rate && value > 0.0 && value <= 0.01 && reference >= 0.05 {
        return Some(Doubt::RateTypedAsFraction { reference });
    }
    // Rates are bounded by validation; money and counts can run away.
    if unit != Unit::Rate && reference > 0.0 && value > FAR_FACTOR * reference {
        return Some(Doubt::FarAboveReference {
            reference,
            times: value / reference,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::set;
    use crate::test_presets as presets;
    use crate::Yearly;

    fn yunnan() -> Scenario {
        presets::default_preset().scenario.clone()
    }

    #[test]
    fn a_preset_raises_no_concern() {
        for preset in presets::all() {
            assert_eq!(
                concerns(&preset.scenario, &preset.scenario),
                vec![],
                "{}",
                preset.slug
            );
        }
    }

    #[test]
    fn fractional_people_are_doubted() {
        let mut s = yunnan();
        set(&mut s, "talent", 2000.7).unwrap();
        let found = concerns(&s, &yunnan());
        assert_eq!(found[0].key, "talent");
        assert_eq!(found[0].doubt, Doubt::Fractional);
    }

    #[test]
    fn more_yearly_hires_than_talent_is_doubted() {
        let mut s = yunnan();
        set(&mut s, "hires", 99_999_999.0).unwrap();
        let found = concerns(&s, &yunnan());
        assert_eq!(
            found[0].doubt,
            Doubt::ExceedsTalent {
                talent: s.assumptions.talent
            }
        );
    }

    #[test]
    fn far_above_the_preset_is_doubted_and_names_the_year() {
        let mut s = yunnan();
        s.levers.positions_per_year = Yearly::List(vec![500.0, 500.0, 50_000.0]);
        let found = concerns(&s, &yunnan());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].key, "positions_per_year");
        assert_eq!(found[0].year, Some(s.base_year + 3));
        assert!(matches!(
            found[0].doubt,
            Doubt::FarAboveReference { times, .. } if times == 100.0
        ));
    }

    #[test]
    fn a_rate_typed_as_a_fraction_is_doubted() {
        let mut s = yunnan();
        set(&mut s, "pass_junior", 0.003).unwrap();
        let found = concerns(&s, &yunnan());
        assert_eq!(found[0].key, "pass_junior");
        assert!(matches!(found[0].doubt, Doubt::RateTypedAsFraction { .. }));
    }

    #[test]
    fn an_implausible_value_within_its_bound_is_doubted_not_refused() {
        let mut s = yunnan();
        set(&mut s, "hires", 1e9).unwrap();
        set(&mut s, "station_cost", 1e12).unwrap();
        crate::validate(&s).unwrap();
        let doubted: Vec<&str> = concerns(&s, &yunnan()).iter().map(|c| c.key).collect();
        assert_eq!(doubted, ["hires", "station_cost"]);
    }

    #[test]
    fn invalid_values_are_left_to_validation() {
        let mut s = yunnan();
        set(&mut s, "hires", -5.0).unwrap();
        assert_eq!(concerns(&s, &yunnan()), vec![]);
    }
}
