//! The levers the optimiser may move, and the bounds a planner puts on them year by year.

use serde::{Deserialize, Serialize};

use crate::params::{self, ValueMut};
use crate::scenario::{Scenario, Yearly};
use crate::simulate::YearInputs;

/// A yearly lever that counts people or units, so the optimiser can choose its amount each year.
/// Pass rates are levers too, but a rate has no unit cost and is not "bought": they stay as
/// planned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lever {
    /// 新增人才: hires, graduates and conversions per year.
    Hires,
    /// 助理社会工作师 exam candidates per year.
    CandidatesJunior,
    /// 社会工作师 exam candidates per year.
    CandidatesMid,
    /// 高级社会工作师 candidates per year.
    CandidatesSenior,
    /// Net new service institutions per year.
    InstitutionsPerYear,
    /// Township stations built per year.
    StationsPerYear,
    /// Stations upgraded to demonstration stations per year.
    DemoPerYear,
    /// Village/community rooms set up per year.
    RoomsPerYear,
    /// New professional positions per year.
    PositionsPerYear,
}

impl Lever {
    /// Every lever the optimiser can move, in the order the registry lists them.
    pub const ALL: [Lever; 9] = [
        Lever::Hires,
        Lever::CandidatesJunior,
        Lever::CandidatesMid,
        Lever::CandidatesSenior,
        Lever::InstitutionsPerYear,
        Lever::StationsPerYear,
        Lever::DemoPerYear,
        Lever::RoomsPerYear,
        Lever::PositionsPerYear,
    ];

    /// The lever's permanent key in the parameter registry (`hires`, `rooms_per_year`…).
    pub fn key(self) -> &'static str {
        match self {
            Lever::Hires => "hires",
            Lever::CandidatesJunior => "candidates_junior",
            Lever::CandidatesMid => "candidates_mid",
            Lever::CandidatesSenior => "candidates_senior",
            Lever::InstitutionsPerYear => "institutions_per_year",
            Lever::StationsPerYear => "stations_per_year",
            Lever::DemoPerYear => "demo_per_year",
            Lever::RoomsPerYear => "rooms_per_year",
            Lever::PositionsPerYear => "positions_per_year",
        }
    }

    /// The lever with this registry key, if the optimiser can move it.
    pub fn from_key(key: &str) -> Option<Lever> {
        Lever::ALL.into_iter().find(|lever| lever.key() == key)
    }

    /// Whether the problem's cost per exam candidate applies to this lever.
    pub fn is_candidates(self) -> bool {
        matches!(
            self,
            Lever::CandidatesJunior | Lever::CandidatesMid | Lever::CandidatesSenior
        )
    }

    /// The lever's planned amount in one year's inputs.
    pub(crate) fn amount(self, input: &YearInputs) -> f64 {
        match self {
            Lever::Hires => input.hires,
            Lever::CandidatesJunior => input.candidates_junior,
            Lever::CandidatesMid => input.candidates_mid,
            Lever::CandidatesSenior => input.candidates_senior,
            Lever::InstitutionsPerYear => input.institutions_per_year,
            Lever::StationsPerYear => input.stations_per_year,
            Lever::DemoPerYear => input.demo_per_year,
            Lever::RoomsPerYear => input.rooms_per_year,
            Lever::PositionsPerYear => input.positions_per_year,
        }
    }

    /// Sets the lever's planned amount in one year's inputs.
    pub(crate) fn set_amount(self, input: &mut YearInputs, amount: f64) {
        let slot = match self {
            Lever::Hires => &mut input.hires,
            Lever::CandidatesJunior => &mut input.candidates_junior,
            Lever::CandidatesMid => &mut input.candidates_mid,
            Lever::CandidatesSenior => &mut input.candidates_senior,
            Lever::InstitutionsPerYear => &mut input.institutions_per_year,
            Lever::StationsPerYear => &mut input.stations_per_year,
            Lever::DemoPerYear => &mut input.demo_per_year,
            Lever::RoomsPerYear => &mut input.rooms_per_year,
            Lever::PositionsPerYear => &mut input.positions_per_year,
        };
        *slot = amount;
    }

    /// Writes a schedule (one amount per simulated year) into the scenario.
    pub(crate) fn write(self, scenario: &mut Scenario, amounts: Vec<f64>) {
        // Cannot miss: every lever's key is a yearly lever of the registry (tested).
        if let Some(ValueMut::Yearly(slot)) = params::value_mut(scenario, self.key()) {
            *slot = Yearly::List(amounts);
        }
    }
}

/// The least and the most of a lever in one year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bounds {
    /// At least 0.
    pub min: f64,
    /// `f64::INFINITY` for no ceiling (written as `null` in JSON, which has no infinity, so a
    /// problem travels to the browser's worker and back unchanged).
    #[serde(with = "no_ceiling_as_null")]
    pub max: f64,
}

/// `f64::INFINITY` as `null`, every other number as itself.
mod no_ceiling_as_null {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(max: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        let written = (*max != f64::INFINITY).then_some(*max);
        written.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(deserializer)?.unwrap_or(f64::INFINITY))
    }
}

impl Bounds {
    /// Whether `amount` lies within the bounds.
    pub fn contains(&self, amount: f64) -> bool {
        self.min <= amount && amount <= self.max
    }

    /// `amount` brought within the bounds.
    pub fn clamp(&self, amount: f64) -> f64 {
        amount.max(self.min).min(self.max)
    }
}

/// A lever the optimiser may move, with its bounds per simulated year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverChoice {
    pub lever: Lever,
    /// Bounds for the first simulated years in order; past the list's end its last entry holds
    /// (as in a yearly schedule), so one entry bounds every year.
    pub bounds: Vec<Bounds>,
}

impl LeverChoice {
    /// The same bounds in every year.
    pub fn every_year(lever: Lever, min: f64, max: f64) -> LeverChoice {
        LeverChoice {
            lever,
            bounds: vec![Bounds { min, max }],
        }
    }

    /// The bounds in simulated year `index` (0 is the year after the base year).
    pub fn bounds_in(&self, index: usize) -> Bounds {
        self.bounds
            .get(index)
            .or(self.bounds.last())
            .copied()
            .unwrap_or(Bounds {
                min: 0.0,
                max: f64::INFINITY,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::{param, Kind, Shape};

    #[test]
    fn every_lever_is_a_yearly_lever_of_the_registry() {
        for lever in Lever::ALL {
            let p = param(lever.key()).expect("registered");
            assert_eq!((p.kind, p.shape), (Kind::Lever, Shape::Yearly), "{lever:?}");
            assert_eq!(Lever::from_key(lever.key()), Some(lever));
        }
    }

    #[test]
    fn a_lever_reads_back_what_it_sets() {
        let mut input = YearInputs::default();
        for (i, lever) in Lever::ALL.into_iter().enumerate() {
            lever.set_amount(&mut input, i as f64 + 1.0);
        }
        for (i, lever) in Lever::ALL.into_iter().enumerate() {
            assert_eq!(lever.amount(&input), i as f64 + 1.0, "{lever:?}");
        }
    }

    #[test]
    fn no_ceiling_travels_as_json() {
        let bounds = Bounds {
            min: 0.0,
            max: f64::INFINITY,
        };
        let text = serde_json::to_string(&bounds).unwrap();
        assert_eq!(text, r#"{"min":0.0,"max":null}"#);
        assert_eq!(serde_json::from_str::<Bounds>(&text).unwrap(), bounds);
    }

    #[test]
    fn the_last_bounds_hold_past_the_list() {
        let choice = LeverChoice {
            lever: Lever::Hires,
            bounds: vec![Bounds { min: 0.0, max: 5.0 }, Bounds { min: 1.0, max: 9.0 }],
        };
        assert_eq!(choice.bounds_in(0).max, 5.0);
        assert_eq!(choice.bounds_in(7).max, 9.0);
    }
}
