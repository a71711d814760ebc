//! Official targets: a metric, a threshold and a deadline, and what it means to reach one.
//! Their verdicts on a trajectory are in [`crate::verdict`].

use serde::{Deserialize, Serialize};

pub use super::figures::{Goal, Metric};
use super::provenance::Provenance;

/// An official target: reach at least `threshold` of `metric` by the end of `deadline` (or, for
/// a ceiling such as the cumulative budget, stay at or below it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub metric: Metric,
    /// A count, or a fraction for coverage metrics (1.0 is full coverage).
    pub threshold: f64,
    /// The year by whose end the threshold must be reached.
    pub deadline: i32,
    /// The sentence that sets this target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Provenance>,
}

/// Tolerance for "reached": stocks are real numbers, and 13999.9999999 people is 14000.
const REACHED_EPSILON: f64 = 1e-6;

/// Whether `value` reaches `threshold`.
pub fn reaches(value: f64, threshold: f64) -> bool {
    value >= threshold - REACHED_EPSILON * threshold.abs().max(1.0)
}

impl Target {
    /// Which way the target points (a ceiling for the cumulative budget).
    pub fn goal(&self) -> Goal {
        self.metric.goal().unwrap_or(Goal::AtLeast)
    }

    /// Whether a value of the metric satisfies the target.
    pub fn is_met_by(&self, value: f64) -> bool {
        match self.goal() {
            Goal::AtLeast => reaches(value, self.threshold),
            Goal::AtMost => reaches(self.threshold, value),
        }
    }

    /// How far a value is from satisfying the target (0 when it does).
    pub fn gap(&self, value: f64) -> f64 {
        if self.is_met_by(value) {
            0.0
        } else {
            (self.threshold - value).abs()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_noise_still_counts_as_reached() {
        assert!(reaches(13_999.999_999_9, 14_000.0));
        assert!(!reaches(13_999.0, 14_000.0));
    }
}
