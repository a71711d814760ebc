//! The levers calibration can fit, and where each one sits in a year's inputs.

use serde::{Deserialize, Serialize};

use crate::figures::Metric;
use crate::simulate::YearInputs;

/// A lever calibration can fit. Its value is one number for every year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lever {
    Hires,
    Attrition,
    StationsPerYear,
    StationCompletion,
    RoomsPerYear,
    RoomCompletion,
    PassJunior,
    PassMid,
    PassSenior,
}

impl Lever {
    pub const ALL: [Lever; 9] = [
        Lever::Hires,
        Lever::Attrition,
        Lever::StationsPerYear,
        Lever::StationCompletion,
        Lever::RoomsPerYear,
        Lever::RoomCompletion,
        Lever::PassJunior,
        Lever::PassMid,
        Lever::PassSenior,
    ];

    /// The parameter (registry key) a fitted value is applied to; also the name on the
    /// command line (`--fit hires,attrition`).
    pub fn key(self) -> &'static str {
        match self {
            Lever::Hires => "hires",
            Lever::Attrition => "attrition",
            Lever::StationsPerYear => "stations_per_year",
            Lever::StationCompletion => "station_completion",
            Lever::RoomsPerYear => "rooms_per_year",
            Lever::RoomCompletion => "room_completion",
            Lever::PassJunior => "pass_junior",
            Lever::PassMid => "pass_mid",
            Lever::PassSenior => "pass_senior",
        }
    }

    /// The lever with this key.
    pub fn from_key(key: &str) -> Option<Lever> {
        Lever::ALL.into_iter().find(|lever| lever.key() == key)
    }

    /// The levers that drive a figure, the ones its "calibrate" button fits.
    pub fn driving(metric: Metric) -> &'static [Lever] {
        match metric {
            Metric::Talent => &[Lever::Hires, Lever::Attrition],
            Metric::Stations => &[Lever::StationsPerYear, Lever::StationCompletion],
            Metric::Rooms => &[Lever::RoomsPerYear, Lever::RoomCompletion],
            Metric::Certified
            | Metric::CertifiedJunior
            | Metric::CertifiedMid
            | Metric::CertifiedSenior => &[Lever::PassJunior, Lever::PassMid, Lever::PassSenior],
            _ => &[],
        }
    }

    /// The stock whose actuals fit this lever (for pass rates: the certified levels, or the
    /// total when no level has actuals).
    pub fn stock(self) -> Metric {
        match self {
            Lever::Hires | Lever::Attrition => Metric::Talent,
            Lever::StationsPerYear | Lever::StationCompletion => Metric::Stations,
            Lever::RoomsPerYear | Lever::RoomCompletion => Metric::Rooms,
            Lever::PassJunior | Lever::PassMid | Lever::PassSenior => Metric::Certified,
        }
    }

    /// The values the lever can take: a rate between 0 and 1, a count from 0.
    pub fn range(self) -> (f64, f64) {
        match self {
            Lever::Hires | Lever::StationsPerYear | Lever::RoomsPerYear => (0.0, f64::INFINITY),
            _ => (0.0, 1.0),
        }
    }

    pub(super) fn is_rate(self) -> bool {
        self.range().1 == 1.0
    }

    /// The size of a typical value, which sets the scale of the lever's steps and of its
    /// sensitivity: its own size, or 1 % for a rate near zero, 1 for a count near zero.
    pub(super) fn typical(self, value: f64) -> f64 {
        value.abs().max(if self.is_rate() { 0.01 } else { 1.0 })
    }

    /// The lever's value in one year's inputs.
    pub(super) fn get(self, input: &YearInputs) -> f64 {
        let mut copy = *input;
        *self.slot(&mut copy)
    }

    pub(super) fn slot(self, input: &mut YearInputs) -> &mut f64 {
        match self {
            Lever::Hires => &mut input.hires,
            Lever::Attrition => &mut input.attrition,
            Lever::StationsPerYear => &mut input.stations_per_year,
            Lever::StationCompletion => &mut input.station_completion,
            Lever::RoomsPerYear => &mut input.rooms_per_year,
            Lever::RoomCompletion => &mut input.room_completion,
            Lever::PassJunior => &mut input.pass_junior,
            Lever::PassMid => &mut input.pass_mid,
            Lever::PassSenior => &mut input.pass_senior,
        }
    }
}

/// Sets each lever to its value in every year of `inputs`.
pub(super) fn set_levers(
    inputs: &mut [YearInputs],
    values: impl Iterator<Item = (Lever, f64)> + Clone,
) {
    for input in inputs {
        for (lever, value) in values.clone() {
            *lever.slot(input) = value;
        }
    }
}
