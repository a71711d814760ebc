//! Plausibility: values that are valid but probably not what a planner meant — 99,999,999 hires a
//! year, 2000.7 people, more exam candidates than there are social workers. They stay possible
//! (a planner may explore extremes); the UI shows a caution beside the field. Data only: the
//! words are in `swplan-words`.
//!
//! Two kinds of check. The region's own size: yearly flows against its talent, yearly builds
//! against its townships and villages, institutions against its talent — sound for any region.
//! And a reference: a preset's own (sourced) values, or, for a new region, the blank template's
//! shared planning values (rates, staffing, costs) — never its placeholders (0 talent, 1
//! township), which say nothing about a region's size.

use super::params::{self, Kind, Shape, Unit, Value, PARAMS};
use super::scenario::Scenario;

/// What a plan's values are compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// A preset: each value against the preset's own.
    Preset,
    /// The blank template of a new region: counts and stocks only against the region's own
    /// size, rates, staffing and costs against the template's planning values.
    NewRegion,
}

/// Why a value looks implausible.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Doubt {
    /// People or units with a fractional part (2000.7 people).
    Fractional,
    /// A yearly flow of people larger than the whole talent stock at the start.
    ExceedsTalent { talent: f64 },
    /// New talent each year of at least [`LARGE_INTAKE_SHARE`] of the talent at the start
    /// (`share` is the value over the talent).
    LargeShareOfTalent { talent: f64, share: f64 },
    /// More than the region has of what it is built in or drawn from: stations built in a year
    /// than townships, rooms than villages, institutions than social workers (`of` is the key
    /// of the region's figure, `count` its value).
    MoreThanRegion { of: &'static str, count: f64 },
    /// Fewer villages and communities than townships and streets (each has several).
    FewerThanRegion { of: &'static str, count: f64 },
    /// Many times the reference value (the preset's, or the template's planning value).
    FarAboveReference { reference: f64, times: f64 },
    /// A small fraction of the reference value: money typed in 万元 where the field takes 元.
    FarBelowReference { reference: f64, times: f64 },
    /// A rate of 1 % or less where the reference is 5 % or more: most likely "0.3" typed for
    /// 30 % (the field takes percentages).
    RateTypedAsFraction { reference: f64 },
}

/// One doubtful value: the parameter, the year for one year of a schedule, why, and what its
/// reference is (the words differ: "the preset's value", "the template's planning value").
#[derive(Clone, Debug, PartialEq)]
pub struct Concern {
    pub key: &'static str,
    /// The calendar year, for one year of a schedule.
    pub year: Option<i32>,
    pub doubt: Doubt,
    pub basis: Basis,
}

/// How many times the reference value counts as far outside the plausible range.
pub const FAR_FACTOR: f64 = 10.0;

/// The share of the starting talent that new talent in one year can reach before it is doubted:
/// half. The presets plan 13–20 % a year and their stories at most 35 %.
pub const LARGE_INTAKE_SHARE: f64 = 0.5;

/// Yearly flows of people that cannot sensibly exceed the whole talent stock.
const PEOPLE_FLOWS: [&str; 4] = [
    "hires",
    "candidates_junior",
    "candidates_mid",
    "candidates_senior",
];

/// What a parameter cannot sensibly exceed in the region: (key, the figure's key).
const REGION_CEILINGS: [(&str, &str); 4] = [
    ("stations_per_year", "townships"),
    ("demo_per_year", "townships"),
    ("rooms_per_year", "villages"),
    ("institutions", "talent"),
];

/// Concerns about `scenario`, judged against `reference` (the preset it came from, or the
/// blank template, as `basis` says). At most one concern per parameter (the first year that
/// raises it), in registry order.
pub fn concerns(scenario: &Scenario, reference: &Scenario, basis: Basis) -> Vec<Concern> {
    let years = scenario.horizon();
    let mut found = Vec::new();
    for p in PARAMS.iter().filter(|p| p.kind != Kind::Uncertainty) {
        let Some(values) = params::values(scenario, p.key, years.max(1)) else {
            continue;
        };
        // A new region's counts and stocks in the template are placeholders, not a reference.
        let placeholder = basis == Basis::NewRegion && matches!(p.unit, Unit::People | Unit::Count);
        let reference_value = match placeholder {
            true => 0.0,
            false => reference_level(reference, p.key, years.max(1)),
        };
        let year_of = |i: usize| match p.shape {
            Shape::Yearly if !is_constant(scenario, p.key) => {
                Some(scenario.base_year.saturating_add(1 + i as i32))
            }
            _ => None,
        };
        let doubt = values.iter().enumerate().find_map(|(i, &v)| {
            let doubt = doubt_about(p.key, p.unit, v, scenario, reference_value)?;
            Some((year_of(i), doubt))
        });
        if let Some((year, doubt)) = doubt {
            found.push(Concern {
                key: p.key,
                year,
                doubt,
                basis,
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

/// A figure of the region at the start (talent, townships, villages), by key.
fn region_figure(scenario: &Scenario, key: &str) -> f64 {
    match params::value(scenario, key) {
        Some(Value::Scalar(v)) => *v,
        _ => 0.0,
    }
}

fn doubt_about(
    key: &str,
    unit: Unit,
    value: f64,
    scenario: &Scenario,
    reference: f64,
) -> Option<Doubt> {
    if !value.is_finite() || value < 0.0 {
        // Invalid, not implausible: validation explains it.
        return None;
    }
    if matches!(unit, Unit::People | Unit::Count) && value.fract() != 0.0 {
        return Some(Doubt::Fractional);
    }
    let talent = scenario.assumptions.talent;
    if PEOPLE_FLOWS.contains(&key) && talent > 0.0 && value > talent {
        return Some(Doubt::ExceedsTalent { talent });
    }
    if key == "hires" && talent > 0.0 && value >= LARGE_INTAKE_SHARE * talent {
        return Some(Doubt::LargeShareOfTalent {
            talent,
            share: value / talent,
        });
    }
    if let Some((_, of)) = REGION_CEILINGS.iter().find(|(k, _)| *k == key) {
        let count = region_figure(scenario, of);
        // A talent of 0 is a region not filled in yet, not one without social workers.
        if count > 0.0 && value > count {
            return Some(Doubt::MoreThanRegion { of, count });
        }
    }
    if key == "villages" {
        let count = scenario.assumptions.townships;
        if value < count {
            return Some(Doubt::FewerThanRegion {
                of: "townships",
                count,
            });
        }
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
    // Money a tenth of its reference or less: most likely typed in 万元 (the field takes 元).
    if unit == Unit::Yuan && value > 0.0 && reference > 0.0 && value * FAR_FACTOR < reference {
        return Some(Doubt::FarBelowReference {
            reference,
            times: reference / value,
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
                concerns(&preset.scenario, &preset.scenario, Basis::Preset),
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
        let found = concerns(&s, &yunnan(), Basis::Preset);
        assert_eq!(found[0].key, "talent");
        assert_eq!(found[0].doubt, Doubt::Fractional);
    }

    #[test]
    fn more_yearly_hires_than_talent_is_doubted() {
        let mut s = yunnan();
        set(&mut s, "hires", 99_999_999.0).unwrap();
        let found = concerns(&s, &yunnan(), Basis::Preset);
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
        let found = concerns(&s, &yunnan(), Basis::Preset);
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
        let found = concerns(&s, &yunnan(), Basis::Preset);
        assert_eq!(found[0].key, "pass_junior");
        assert!(matches!(found[0].doubt, Doubt::RateTypedAsFraction { .. }));
    }

    #[test]
    fn an_implausible_value_within_its_bound_is_doubted_not_refused() {
        let mut s = yunnan();
        set(&mut s, "hires", 1e9).unwrap();
        set(&mut s, "station_cost", 1e12).unwrap();
        crate::validate(&s).unwrap();
        let doubted: Vec<&str> = concerns(&s, &yunnan(), Basis::Preset)
            .iter()
            .map(|c| c.key)
            .collect();
        assert_eq!(doubted, ["hires", "station_cost"]);
    }

    #[test]
    fn invalid_values_are_left_to_validation() {
        let mut s = yunnan();
        set(&mut s, "hires", -5.0).unwrap();
        assert_eq!(concerns(&s, &yunnan(), Basis::Preset), vec![]);
    }

    fn blank() -> Scenario {
        toml::from_str(include_str!("../../../seeds/blank.toml")).unwrap()
    }

    /// A new region, as a planner fills it in from a 2023 report.
    fn new_region() -> Scenario {
        let mut s = blank();
        for (key, value) in [
            ("talent", 2_400.0),
            ("townships", 163.0),
            ("villages", 2_100.0),
            ("institutions", 35.0),
            ("positions", 420.0),
            ("hires", 300.0),
            ("stations_per_year", 40.0),
            ("rooms_per_year", 400.0),
            ("candidates_junior", 600.0),
        ] {
            set(&mut s, key, value).unwrap();
        }
        s
    }

    #[test]
    fn a_new_regions_own_size_is_not_compared_with_the_templates_placeholders() {
        // The template holds 1 township and 1 village so that coverage can be computed: 163
        // townships are not "163 times the preset value".
        let s = new_region();
        assert_eq!(concerns(&s, &blank(), Basis::NewRegion), vec![]);
    }

    #[test]
    fn a_new_region_is_doubted_against_its_own_size() {
        let mut s = new_region();
        set(&mut s, "stations_per_year", 500.0).unwrap();
        set(&mut s, "rooms_per_year", 2_500.0).unwrap();
        set(&mut s, "hires", 1_500.0).unwrap();
        let found = concerns(&s, &blank(), Basis::NewRegion);
        let doubts: Vec<(&str, Doubt)> = found.iter().map(|c| (c.key, c.doubt)).collect();
        assert_eq!(
            doubts,
            [
                (
                    "hires",
                    Doubt::LargeShareOfTalent {
                        talent: 2_400.0,
                        share: 0.625
                    }
                ),
                (
                    "stations_per_year",
                    Doubt::MoreThanRegion {
                        of: "townships",
                        count: 163.0
                    }
                ),
                (
                    "rooms_per_year",
                    Doubt::MoreThanRegion {
                        of: "villages",
                        count: 2_100.0
                    }
                ),
            ]
        );
        assert!(found.iter().all(|c| c.basis == Basis::NewRegion));
    }

    #[test]
    fn fewer_villages_than_townships_is_doubted() {
        let mut s = new_region();
        set(&mut s, "villages", 16.0).unwrap();
        set(&mut s, "rooms_per_year", 4.0).unwrap();
        let found = concerns(&s, &blank(), Basis::NewRegion);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].doubt,
            Doubt::FewerThanRegion {
                of: "townships",
                count: 163.0
            }
        );
    }

    #[test]
    fn a_new_regions_costs_are_compared_with_the_templates_planning_values() {
        let mut s = new_region();
        // 19万 typed as 19 (the field takes 元), and a room cost ten times too high.
        set(&mut s, "station_cost", 19.0).unwrap();
        set(&mut s, "room_cost", 3_000_000.0).unwrap();
        let found = concerns(&s, &blank(), Basis::NewRegion);
        assert!(matches!(
            found[0].doubt,
            Doubt::FarBelowReference { reference, .. } if reference == 190_606.0
        ));
        assert!(matches!(
            found[1].doubt,
            Doubt::FarAboveReference { reference, times } if reference == 30_000.0 && times == 100.0
        ));
    }
}
