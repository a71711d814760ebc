//! How uncertain the yearly inputs are, for Monte Carlo runs.
//!
//! Spreads are relative: a spread of 0.1 on hires draws each year's hires uniformly between
//! 90 % and 110 % of the planned value. Completion is the average share of planned builds that
//! is finished within its year; the rest slips into the next year.

use serde::{Deserialize, Serialize};

/// Uncertainty of the yearly inputs. The default is no uncertainty at all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Uncertainty {
    /// Relative spread of yearly hires.
    pub spread_hires: f64,
    /// Relative spread of the yearly attrition rate.
    pub spread_attrition: f64,
    /// Relative spread of exam candidates (all levels, drawn independently).
    pub spread_candidates: f64,
    /// Relative spread of pass rates (all levels, drawn independently; capped at 100 %).
    pub spread_pass: f64,
    /// Average share of planned station builds finished in their year.
    pub station_completion: f64,
    /// Average share of planned room set-ups finished in their year.
    pub room_completion: f64,
}

impl Default for Uncertainty {
    fn default() -> Self {
        Uncertainty {
            spread_hires: 0.0,
            spread_attrition: 0.0,
            spread_candidates: 0.0,
            spread_pass: 0.0,
            station_completion: 1.0,
            room_completion: 1.0,
        }
    }
}
