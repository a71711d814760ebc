//! The registry of every assumption, lever and uncertainty setting: its stable key, its group,
//! its unit and its name. The command line (`--set`), the UI controls and share links all find a
//! parameter here, so a key means the same thing everywhere.

use super::scenario::{Scenario, Yearly};
use crate::i18n::Lang;

/// Whether a parameter is a fact/estimate about the region, a policy choice, or uncertainty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Assumption,
    Lever,
    Uncertainty,
}

/// The control group a parameter belongs to (人才 / 持证 / 站点与社工室 / 机构 / 预算).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Group::Talent, Lang::Zh) => "人才",
            (Group::Talent, Lang::En) => "Talent",
            (Group::Certification, Lang::Zh) => "持证",
            (Group::Certification, Lang::En) => "Certification",
            (Group::Stations, Lang::Zh) => "站点与社工室",
            (Group::Stations, Lang::En) => "Stations and rooms",
            (Group::Institutions, Lang::Zh) => "机构与岗位",
            (Group::Institutions, Lang::En) => "Institutions and positions",
            (Group::Budget, Lang::Zh) => "预算",
            (Group::Budget, Lang::En) => "Budget",
            (Group::Uncertainty, Lang::Zh) => "不确定性",
            (Group::Uncertainty, Lang::En) => "Uncertainty",
        }
    }
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

/// Whether a parameter holds one number or a yearly schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Scalar,
    Yearly,
}

/// One parameter of the scenario.
#[derive(Clone, Copy, Debug)]
pub struct Param {
    pub key: &'static str,
    pub kind: Kind,
    pub group: Group,
    pub unit: Unit,
    pub shape: Shape,
    label_zh: &'static str,
    label_en: &'static str,
}

impl Param {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.label_zh,
            Lang::En => self.label_en,
        }
    }
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
    ($($section:ident . $key:ident : $kind:ident $group:ident $unit:ident $shape:ident $zh:literal $en:literal;)*) => {
        /// Every parameter, in the order the UI lists them.
        pub const PARAMS: &[Param] = &[$(Param {
            key: stringify!($key),
            kind: Kind::$kind,
            group: Group::$group,
            unit: Unit::$unit,
            shape: Shape::$shape,
            label_zh: $zh,
            label_en: $en,
        },)*];

        /// The value of the parameter `key` in `scenario`.
        pub fn value<'a>(scenario: &'a Scenario, key: &str) -> Option<Value<'a>> {
            match key {
                $(stringify!($key) => Some(Value::$shape(&scenario.$section.$key)),)*
                _ => None,
            }
        }

        /// The value of the parameter `key` in `scenario`, to change it.
        pub fn value_mut<'a>(scenario: &'a mut Scenario, key: &str) -> Option<ValueMut<'a>> {
            match key {
                $(stringify!($key) => Some(ValueMut::$shape(&mut scenario.$section.$key)),)*
                _ => None,
            }
        }
    };
}

params! {
    assumptions.talent: Assumption Talent People Scalar "起点人才总量" "Talent at start";
    assumptions.attrition: Assumption Talent Rate Scalar "年流失率" "Yearly attrition";
    levers.hires: Lever Talent People Yearly "每年新增人才" "New talent";
    assumptions.certified_junior: Assumption Certification People Scalar "起点助理社会工作师" "Junior certified at start";
    assumptions.certified_mid: Assumption Certification People Scalar "起点社会工作师" "Mid-level certified at start";
    assumptions.certified_senior: Assumption Certification People Scalar "起点高级社会工作师" "Senior certified at start";
    assumptions.mid_from_junior: Assumption Certification Rate Scalar "中级通过者中已持初级证比例" "Mid passes already holding junior";
    levers.candidates_junior: Lever Certification People Yearly "初级报考人数" "Junior exam candidates";
    levers.pass_junior: Lever Certification Rate Yearly "初级通过率" "Junior pass rate";
    levers.candidates_mid: Lever Certification People Yearly "中级报考人数" "Mid-level exam candidates";
    levers.pass_mid: Lever Certification Rate Yearly "中级通过率" "Mid-level pass rate";
    levers.candidates_senior: Lever Certification People Yearly "高级报考人数" "Senior candidates";
    levers.pass_senior: Lever Certification Rate Yearly "高级通过率" "Senior pass rate";
    assumptions.townships: Assumption Stations Count Scalar "乡镇（街道）数" "Townships and streets";
    assumptions.stations: Assumption Stations Count Scalar "起点已建社工站" "Stations at start";
    levers.stations_per_year: Lever Stations Count Yearly "每年新建社工站" "Stations built";
    assumptions.demo_stations: Assumption Stations Count Scalar "起点示范站" "Demonstration stations at start";
    levers.demo_per_year: Lever Stations Count Yearly "每年新增示范站" "New demonstration stations";
    assumptions.villages: Assumption Stations Count Scalar "村（社区）数" "Villages and communities";
    assumptions.rooms: Assumption Stations Count Scalar "起点已建社工室" "Rooms at start";
    levers.rooms_per_year: Lever Stations Count Yearly "每年新建社工室" "Rooms set up";
    assumptions.staff_per_station: Assumption Stations PerUnit Scalar "每站社工配备" "Social workers per station";
    assumptions.staff_per_room: Assumption Stations PerUnit Scalar "每室社工配备" "Social workers per room";
    assumptions.institutions: Assumption Institutions Count Scalar "起点服务机构" "Institutions at start";
    levers.institutions_per_year: Lever Institutions Count Yearly "每年净增服务机构" "Net new institutions";
    assumptions.positions: Assumption Institutions Count Scalar "起点专业岗位" "Positions at start";
    levers.positions_per_year: Lever Institutions Count Yearly "每年新开发岗位" "New positions";
    assumptions.station_cost: Assumption Budget Yuan Scalar "每站建设成本" "Build cost per station";
    assumptions.station_operating_cost: Assumption Budget Yuan Scalar "每站年运营经费" "Yearly operating cost per station";
    assumptions.room_cost: Assumption Budget Yuan Scalar "每室建设成本" "Set-up cost per room";
    assumptions.room_operating_cost: Assumption Budget Yuan Scalar "每室年运营经费" "Yearly operating cost per room";
    levers.subsidy_junior: Lever Budget Yuan Scalar "初级证书一次性奖补" "One-off subsidy, junior certificate";
    levers.subsidy_mid: Lever Budget Yuan Scalar "中级证书一次性奖补" "One-off subsidy, mid-level certificate";
    levers.subsidy_senior: Lever Budget Yuan Scalar "高级证书一次性奖补" "One-off subsidy, senior certificate";
    uncertainty.spread_hires: Uncertainty Uncertainty Rate Scalar "新增人才波动幅度" "Spread of new talent";
    uncertainty.spread_attrition: Uncertainty Uncertainty Rate Scalar "流失率波动幅度" "Spread of attrition";
    uncertainty.spread_candidates: Uncertainty Uncertainty Rate Scalar "报考人数波动幅度" "Spread of exam candidates";
    uncertainty.spread_pass: Uncertainty Uncertainty Rate Scalar "通过率波动幅度" "Spread of pass rates";
    uncertainty.station_completion: Uncertainty Uncertainty Rate Scalar "社工站当年完工率" "Stations finished on schedule";
    uncertainty.room_completion: Uncertainty Uncertainty Rate Scalar "社工室当年完工率" "Rooms finished on schedule";
}

/// The parameter with this key, if any.
pub fn param(key: &str) -> Option<&'static Param> {
    PARAMS.iter().find(|p| p.key == key)
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

impl SetError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SetError::UnknownKey { key, suggestion }, Lang::Zh) => match suggestion {
                Some(s) => format!("未知参数“{key}”。是否想输入“{s}”？"),
                None => format!("未知参数“{key}”。"),
            },
            (SetError::UnknownKey { key, suggestion }, Lang::En) => match suggestion {
                Some(s) => format!("Unknown parameter '{key}'. Did you mean '{s}'?"),
                None => format!("Unknown parameter '{key}'."),
            },
            (SetError::NotANumber { key, text }, Lang::Zh) => {
                format!("参数“{key}”的值“{text}”不是数字。")
            }
            (SetError::NotANumber { key, text }, Lang::En) => {
                format!("The value '{text}' for '{key}' is not a number.")
            }
        }
    }
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
    use crate::presets;

    #[test]
    fn keys_are_unique() {
        for (i, p) in PARAMS.iter().enumerate() {
            assert!(PARAMS[i + 1..].iter().all(|q| q.key != p.key), "{}", p.key);
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
        assert!(err.message(Lang::Zh).contains("hires"));
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
