//! The registry of every assumption, lever and uncertainty setting: its permanent key, its
//! short link code, its group and its unit (which gives its hard bound). The command line
//! (`--set`), scenario files, saves, share links and the UI controls all find a parameter here,
//! so a key means the same thing everywhere and forever. Names for people live in `i18n`, not
//! here.

use super::bounds::{
    MAX_BUDGET_CUMULATIVE, MAX_COUNT, MAX_PEOPLE, MAX_RATE, MAX_STAFF_PER_UNIT, MAX_YUAN,
};
use super::figures::{FigureUnit, Metric};
use super::scenario::{Scenario, Yearly};

/// Whether a parameter is a fact/estimate about the region, a policy choice, or uncertainty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Assumption,
    Lever,
    Uncertainty,
}

/// The control group a parameter belongs to (人才 / 持证 / 站点与社工室 / 机构 / 预算).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    Talent,
    Certification,
    Stations,
    Institutions,
    Budget,
    Uncertainty,
}

impl Group {
    pub const ALL: [Group; 6] = [
        Group::Talent,
        Group::Certification,
        Group::Stations,
        Group::Institutions,
        Group::Budget,
        Group::Uncertainty,
    ];
}

/// What a number counts, which decides its valid range and how it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// People (人).
    People,
    /// Stations, rooms, institutions, positions, townships (个/家).
    Count,
    /// A fraction between 0 and 1, shown as a percentage.
    Rate,
    /// Money in 元.
    Yuan,
    /// Social workers per station or room.
    PerUnit,
}

impl Unit {
    /// The hard physical bound of a parameter of this unit: a larger value cannot describe any
    /// region of China and is refused (the reasons are in [`crate::bounds`]). Every parameter's
    /// bound is its unit's, so the registry states each bound once.
    pub const fn max(self) -> f64 {
        match self {
            Unit::People => MAX_PEOPLE,
            Unit::Count => MAX_COUNT,
            Unit::Rate => MAX_RATE,
            Unit::Yuan => MAX_YUAN,
            Unit::PerUnit => MAX_STAFF_PER_UNIT,
        }
    }
}

/// What a target's threshold counts and its hard bound: a target on a figure is bounded like
/// the parameters that count the same thing (people, units, a share), and a ceiling on the
/// cumulative budget by a whole state budget in every year of the longest horizon.
pub fn threshold_bound(metric: Metric) -> (Unit, f64) {
    let unit = match metric.unit() {
        FigureUnit::Share => Unit::Rate,
        FigureUnit::Yuan => Unit::Yuan,
        FigureUnit::Count if metric.counts_people() => Unit::People,
        FigureUnit::Count => Unit::Count,
    };
    match metric {
        Metric::BudgetCumulative => (unit, MAX_BUDGET_CUMULATIVE),
        _ => (unit, unit.max()),
    }
}

/// Whether a parameter holds one number or a yearly schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Scalar,
    Yearly,
}

/// One parameter of the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    /// The permanent key: files, saves, `--set` and the JSON report use it. Never renamed.
    pub key: &'static str,
    /// The permanent short code used in share links (`h` for hires), so links stay short.
    pub code: &'static str,
    pub kind: Kind,
    pub group: Group,
    /// What the number counts: how it is shown, and its hard bound ([`Unit::max`]).
    pub unit: Unit,
    pub shape: Shape,
}

/// A parameter's value in a scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'a> {
    Scalar(&'a f64),
    Yearly(&'a Yearly),
}

/// A parameter's value, to change it in place.
#[derive(Debug, PartialEq)]
pub enum ValueMut<'a> {
    Scalar(&'a mut f64),
    Yearly(&'a mut Yearly),
}

macro_rules! params {
    ($($section:ident . $field:ident = $key:literal / $code:literal : $kind:ident $group:ident $unit:ident $shape:ident;)*) => {
        /// Every parameter, in the order the UI lists them.
        pub const PARAMS: &[Param] = &[$(Param {
            key: $key,
            code: $code,
            kind: Kind::$kind,
            group: Group::$group,
            unit: Unit::$unit,
            shape: Shape::$shape,
        },)*];

        /// The value of the parameter `key` in `scenario`.
        pub fn value<'a>(scenario: &'a Scenario, key: &str) -> Option<Value<'a>> {
            match key {
                $($key => Some(Value::$shape(&scenario.$section.$field)),)*
                _ => None,
            }
        }

        /// The value of the parameter `key` in `scenario`, to change it.
        pub fn value_mut<'a>(scenario: &'a mut Scenario, key: &str) -> Option<ValueMut<'a>> {
            match key {
                $($key => Some(ValueMut::$shape(&mut scenario.$section.$field)),)*
                _ => None,
            }
        }
    };
}

params! {
    assumptions.talent = "talent" / "t0": Assumption Talent People Scalar;
    assumptions.attrition = "attrition" / "a": Assumption Talent Rate Scalar;
    levers.hires = "hires" / "h": Lever Talent People Yearly;
    assumptions.certified_junior = "certified_junior" / "cj0": Assumption Certification People Scalar;
    assumptions.certified_mid = "certified_mid" / "cm0": Assumption Certification People Scalar;
    assumptions.certified_senior = "certified_senior" / "cs0": Assumption Certification People Scalar;
    assumptions.mid_from_junior = "mid_from_junior" / "mj": Assumption Certification Rate Scalar;
    levers.candidates_junior = "candidates_junior" / "cj": Lever Certification People Yearly;
    levers.pass_junior = "pass_junior" / "pj": Lever Certification Rate Yearly;
    levers.candidates_mid = "candidates_mid" / "cm": Lever Certification People Yearly;
    levers.pass_mid = "pass_mid" / "pm": Lever Certification Rate Yearly;
    levers.candidates_senior = "candidates_senior" / "cs": Lever Certification People Yearly;
    levers.pass_senior = "pass_senior" / "ps": Lever Certification Rate Yearly;
    assumptions.townships = "townships" / "tw": Assumption Stations Count Scalar;
    assumptions.stations = "stations" / "s0": Assumption Stations Count Scalar;
    levers.stations_per_year = "stations_per_year" / "s": Lever Stations Count Yearly;
    assumptions.demo_stations = "demo_stations" / "d0": Assumption Stations Count Scalar;
    levers.demo_per_year = "demo_per_year" / "d": Lever Stations Count Yearly;
    assumptions.villages = "villages" / "vi": Assumption Stations Count Scalar;
    assumptions.rooms = "rooms" / "r0": Assumption Stations Count Scalar;
    levers.rooms_per_year = "rooms_per_year" / "r": Lever Stations Count Yearly;
    assumptions.staff_per_station = "staff_per_station" / "ks": Assumption Stations PerUnit Scalar;
    assumptions.staff_per_room = "staff_per_room" / "kr": Assumption Stations PerUnit Scalar;
    assumptions.institutions = "institutions" / "i0": Assumption Institutions Count Scalar;
    levers.institutions_per_year = "institutions_per_year" / "i": Lever Institutions Count Yearly;
    assumptions.positions = "positions" / "po0": Assumption Institutions Count Scalar;
    levers.positions_per_year = "positions_per_year" / "po": Lever Institutions Count Yearly;
    assumptions.station_cost = "station_cost" / "sc": Assumption Budget Yuan Scalar;
    assumptions.station_operating_cost = "station_operating_cost" / "so": Assumption Budget Yuan Scalar;
    assumptions.room_cost = "room_cost" / "rc": Assumption Budget Yuan Scalar;
    assumptions.room_operating_cost = "room_operating_cost" / "ro": Assumption Budget Yuan Scalar;
    assumptions.hire_cost = "hire_cost" / "hc": Assumption Budget Yuan Scalar;
    assumptions.candidate_cost = "candidate_cost" / "cc": Assumption Budget Yuan Scalar;
    levers.subsidy_junior = "subsidy_junior" / "sj": Lever Budget Yuan Scalar;
    levers.subsidy_mid = "subsidy_mid" / "sm": Lever Budget Yuan Scalar;
    levers.subsidy_senior = "subsidy_senior" / "ss": Lever Budget Yuan Scalar;
    uncertainty.spread_hires = "spread_hires" / "uh": Uncertainty Uncertainty Rate Scalar;
    uncertainty.spread_attrition = "spread_attrition" / "ua": Uncertainty Uncertainty Rate Scalar;
    uncertainty.spread_candidates = "spread_candidates" / "uc": Uncertainty Uncertainty Rate Scalar;
    uncertainty.spread_pass = "spread_pass" / "up": Uncertainty Uncertainty Rate Scalar;
    uncertainty.station_completion = "station_completion" / "us": Uncertainty Uncertainty Rate Scalar;
    uncertainty.room_completion = "room_completion" / "ur": Uncertainty Uncertainty Rate Scalar;
}

/// The parameter with this key, if any.
/// The parameters that state where the region stands in the base year (its stocks) and how
/// big it is (townships, villages): facts counted and cited, not levers a plan moves nor
/// assumptions about the future. A sensitivity analysis of "what matters" leaves them out.
pub const STARTING_STATE: [&str; 11] = [
    "talent",
    "certified_junior",
    "certified_mid",
    "certified_senior",
    "townships",
    "stations",
    "demo_stations",
    "villages",
    "rooms",
    "institutions",
    "positions",
];

pub fn param(key: &str) -> Option<&'static Param> {
    PARAMS.iter().find(|p| p.key == key)
}

/// The parameter with this link code, if any.
pub fn param_by_code(code: &str) -> Option<&'static Param> {
    PARAMS.iter().find(|p| p.code == code)
}

/// A parameter's value as a schedule over `years` simulated years: a scalar repeats.
pub fn values(scenario: &Scenario, key: &str, years: usize) -> Option<Vec<f64>> {
    match value(scenario, key)? {
        Value::Scalar(v) => Some(vec![*v; years]),
        Value::Yearly(y) => Some(y.expand(years)),
    }
}

/// The number a parameter's slider should not pass, where the model has one: stations cannot
/// outnumber townships, demonstration stations the stations, rooms the villages.
pub fn slider_ceiling(scenario: &Scenario, key: &str) -> Option<f64> {
    let a = &scenario.assumptions;
    match key {
        "stations" | "stations_per_year" | "demo_per_year" => Some(a.townships),
        "demo_stations" => Some(a.stations),
        "rooms" | "rooms_per_year" => Some(a.villages),
        _ => None,
    }
}

/// Why a value could not be set.
#[derive(Clone, Debug, PartialEq)]
pub enum SetError {
    /// No parameter has this key; `suggestion` is the closest known key.
    UnknownKey {
        key: String,
        suggestion: Option<&'static str>,
    },
    /// The text after `=` is not a number.
    NotANumber { key: String, text: String },
}

/// Sets parameter `key` to `value`; a yearly input becomes that constant for every year.
/// The scenario is not validated here: the caller validates before simulating.
pub fn set(scenario: &mut Scenario, key: &str, value: f64) -> Result<(), SetError> {
    match value_mut(scenario, key) {
        Some(ValueMut::Scalar(slot)) => *slot = value,
        Some(ValueMut::Yearly(slot)) => *slot = Yearly::Constant(value),
        None => {
            return Err(SetError::UnknownKey {
                key: key.to_string(),
                suggestion: closest_key(key),
            })
        }
    }
    Ok(())
}

/// Applies a `key=value` assignment as typed on the command line.
pub fn set_assignment(scenario: &mut Scenario, assignment: &str) -> Result<(), SetError> {
    let (key, text) = assignment.split_once('=').unwrap_or((assignment, ""));
    let key = key.trim();
    if param(key).is_none() {
        return Err(SetError::UnknownKey {
            key: key.to_string(),
            suggestion: closest_key(key),
        });
    }
    let value: f64 = text.trim().parse().map_err(|_| SetError::NotANumber {
        key: key.to_string(),
        text: text.to_string(),
    })?;
    set(scenario, key, value)
}

/// The known key with the smallest edit distance, when it is close enough to be a typo.
fn closest_key(key: &str) -> Option<&'static str> {
    PARAMS
        .iter()
        .map(|p| (edit_distance(key, p.key), p.key))
        .min()
        .filter(|(distance, _)| *distance <= 3)
        .map(|(_, key)| key)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_presets as presets;

    #[test]
    fn keys_and_link_codes_are_unique() {
        for (i, p) in PARAMS.iter().enumerate() {
            assert!(PARAMS[i + 1..].iter().all(|q| q.key != p.key), "{}", p.key);
            assert!(
                PARAMS[i + 1..].iter().all(|q| q.code != p.code),
                "{}",
                p.code
            );
        }
    }

    #[test]
    fn link_codes_are_short_and_url_safe() {
        for p in PARAMS {
            assert!(p.code.len() <= 3, "{}", p.code);
            assert!(
                p.code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()),
                "{}",
                p.code
            );
            assert_eq!(param_by_code(p.code), Some(p));
        }
    }

    #[test]
    fn every_key_reads_and_writes_the_scenario() {
        let mut scenario = presets::default_preset().scenario.clone();
        for p in PARAMS {
            assert!(value(&scenario, p.key).is_some(), "{}", p.key);
            set(&mut scenario, p.key, 0.5).unwrap();
            let read = match value(&scenario, p.key) {
                Some(Value::Scalar(v)) => *v,
                Some(Value::Yearly(y)) => y.first(),
                None => unreachable!("checked above"),
            };
            assert_eq!(read, 0.5, "{}", p.key);
        }
    }

    #[test]
    fn setting_a_yearly_input_makes_it_constant() {
        let mut scenario = presets::default_preset().scenario.clone();
        set_assignment(&mut scenario, "hires=2500").unwrap();
        assert_eq!(scenario.levers.hires, Yearly::Constant(2500.0));
    }

    #[test]
    fn unknown_key_suggests_the_closest_one() {
        let mut scenario = presets::default_preset().scenario.clone();
        let err = set_assignment(&mut scenario, "hirse=1").unwrap_err();
        assert_eq!(
            err,
            SetError::UnknownKey {
                key: "hirse".into(),
                suggestion: Some("hires")
            }
        );
    }

    #[test]
    fn non_numeric_value_is_an_error() {
        let mut scenario = presets::default_preset().scenario.clone();
        assert!(matches!(
            set_assignment(&mut scenario, "hires=lots"),
            Err(SetError::NotANumber { .. })
        ));
        assert!(matches!(
            set_assignment(&mut scenario, "hires"),
            Err(SetError::NotANumber { .. })
        ));
    }
}
