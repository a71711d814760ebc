//! 持证社工总数: certified social workers entered as one total, as most reports give them
//! ("持证社工达3658人"), split into the model's three stocks (助理社会工作师, 社会工作师,
//! 高级社会工作师) by shares that are an explicit, editable assumption.
//!
//! The model keeps its three stocks: a plan with a total holds both the total and the stocks it
//! gives, and validation checks that they agree. A plan without a total is read exactly as
//! before, from its three stocks.

use serde::{Deserialize, Serialize};

/// The key of the total, for validation messages, the planner's sources and the controls.
pub const TOTAL_KEY: &str = "certified_total";
/// The key of the junior share of the total.
pub const JUNIOR_SHARE_KEY: &str = "certified_share_junior";
/// The key of the senior share of the total.
pub const SENIOR_SHARE_KEY: &str = "certified_share_senior";

/// The junior share the split starts with: the national structure the presets assume, about
/// three in four holders junior (the Ministry of Civil Affairs reported 332,000 junior and
/// 107,000 mid-level holders in July 2019, about 76 % and 24 %).
pub const DEFAULT_JUNIOR_SHARE: f64 = 0.75;

/// The senior share the split starts with: very few (Hubei Daily, 22 February 2022: 12 seniors
/// among Hubei's 25,855 holders, about 0.05 %). The mid-level share is the rest.
pub const DEFAULT_SENIOR_SHARE: f64 = 0.0005;

/// Certified social workers at the end of the base year as one total, and how it splits.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertifiedTotal {
    /// 持证社工总数: every holder of a certificate, of any level (people).
    pub total: f64,
    /// The share of the total holding the junior certificate only (fraction).
    pub junior_share: f64,
    /// The share holding the senior certificate (fraction). The mid-level share is the rest.
    pub senior_share: f64,
}

impl CertifiedTotal {
    /// A total split by the default shares ([`DEFAULT_JUNIOR_SHARE`], [`DEFAULT_SENIOR_SHARE`]).
    pub fn with_default_split(total: f64) -> CertifiedTotal {
        CertifiedTotal {
            total,
            junior_share: DEFAULT_JUNIOR_SHARE,
            senior_share: DEFAULT_SENIOR_SHARE,
        }
    }

    /// Whether the split is the default one (an assumption of the app, not the planner's).
    pub fn has_default_split(&self) -> bool {
        self.junior_share == DEFAULT_JUNIOR_SHARE && self.senior_share == DEFAULT_SENIOR_SHARE
    }

    /// The mid-level share: what the junior and senior shares leave.
    pub fn mid_share(&self) -> f64 {
        (1.0 - self.junior_share - self.senior_share).max(0.0)
    }

    /// The three stocks `[junior, mid, senior]` the total gives: junior and senior rounded to
    /// whole people, mid-level the rest, so that the three add up to the total.
    pub fn levels(&self) -> [f64; 3] {
        let junior = (self.total * self.junior_share).round().min(self.total);
        let senior = (self.total * self.senior_share)
            .round()
            .min(self.total - junior)
            .max(0.0);
        let mid = (self.total - junior - senior).max(0.0);
        [junior, mid, senior]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_levels_add_up_to_the_total_in_whole_people() {
        // Guizhou's 3,658 (002) by the default split.
        let levels = CertifiedTotal::with_default_split(3658.0).levels();
        assert_eq!(levels, [2744.0, 912.0, 2.0]);
        assert_eq!(levels.iter().sum::<f64>(), 3658.0);
    }

    #[test]
    fn a_small_total_has_no_senior_by_default() {
        // Lhasa's 39 (000): 0.05 % of 39 rounds to nobody.
        assert_eq!(
            CertifiedTotal::with_default_split(39.0).levels(),
            [29.0, 10.0, 0.0]
        );
    }

    #[test]
    fn shares_that_take_everything_leave_no_mid_level_and_never_a_negative_one() {
        let all_junior = CertifiedTotal {
            total: 7.0,
            junior_share: 1.0,
            senior_share: 0.0,
        };
        assert_eq!(all_junior.levels(), [7.0, 0.0, 0.0]);
        let rounded_up = CertifiedTotal {
            total: 3.0,
            junior_share: 0.5,
            senior_share: 0.5,
        };
        let levels = rounded_up.levels();
        assert!(levels.iter().all(|l| *l >= 0.0), "{levels:?}");
        assert_eq!(levels.iter().sum::<f64>(), 3.0);
    }

    #[test]
    fn the_default_split_is_labelled_as_such() {
        let mut total = CertifiedTotal::with_default_split(100.0);
        assert!(total.has_default_split());
        assert!((total.mid_share() - 0.2495).abs() < 1e-12);
        total.junior_share = 0.6;
        assert!(!total.has_default_split());
    }
}
