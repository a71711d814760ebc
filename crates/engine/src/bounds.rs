//! Hard physical bounds: the largest value a parameter or a target can take, by what it counts.
//!
//! A bound is not a judgement of plausibility (99,999,999 hires a year is implausible for any
//! province, and `plausibility` says so beside the field), but of possibility: a number beyond
//! it cannot describe any region of China, so validation refuses it. Each bound is set well
//! above the national total it stands for, so no real plan, preset or share link comes near one.
//!
//! The bounds also keep every figure of the model finite. Over the longest horizon
//! ([`MAX_HORIZON_YEARS`] = 30 years) a stock grows at most by its bounded yearly flow each
//! year (talent ≤ 31 × [`MAX_PEOPLE`] ≈ 4.7 × 10¹⁰), a Monte Carlo draw at most doubles a flow,
//! and a year's budget is at most a bounded count times a bounded amount of money
//! (≈ 10⁷ × 3 × 10¹³ per term, ≈ 10²³ in all): far inside the range of `f64` (≈ 1.8 × 10³⁰⁸).
//!
//! Which parameter takes which bound is decided by its [`Unit`](crate::params::Unit) in the
//! registry (`Unit::max`), and a target's by its figure (`params::threshold_bound`).

use super::scenario::MAX_HORIZON_YEARS;

/// People (人): talent, certificate holders, hires and exam candidates, 1.5 × 10⁹.
///
/// China's population is about 1.41 × 10⁹ (2023); no region has, hires, trains or certifies
/// more people in a year than the whole country has.
pub const MAX_PEOPLE: f64 = 1.5e9;

/// Counts (个/家): townships, villages, stations, rooms, institutions, professional positions,
/// and the yearly builds and additions of each, 10⁷.
///
/// Ten million is beyond every national count these stand for: China has about 38,600
/// township-level divisions (乡镇/街道), about 610,000 villages and communities (村/社区,
/// about 490,000 village and 117,000 residents' committees), about 890,000 registered social
/// organisations of every kind (2022), and fewer civil servants (about 7 × 10⁶) than ten
/// million social-work posts would be.
pub const MAX_COUNT: f64 = 1e7;

/// Social workers per station or room (驻站社工), 10⁴.
///
/// A station is one office in one township or street, a room one in a village or community;
/// ten thousand social workers in a single one would be an eighth of 云南's entire social-work
/// talent (8.45万 at the end of 2020).
pub const MAX_STAFF_PER_UNIT: f64 = 1e4;

/// Money (元) for one item: building or running one station or room for a year, or one
/// certificate's subsidy, 3 × 10¹³.
///
/// China's national general public budget expenditure (全国一般公共预算支出) was about
/// 2.85 × 10¹³ 元 in 2024 (28.5万亿元), the largest so far: no single item can cost more than
/// everything the state spends in a year.
pub const MAX_YUAN: f64 = 3e13;

/// The cumulative budget (a target's ceiling), 9 × 10¹⁴: a whole state budget
/// ([`MAX_YUAN`]) in every year of the longest horizon.
pub const MAX_BUDGET_CUMULATIVE: f64 = MAX_YUAN * MAX_HORIZON_YEARS as f64;

/// Rates (fractions): 1, that is 100 %. Validation words this bound as a range
/// ("between 0% and 100%"), as it always has.
pub const MAX_RATE: f64 = 1.0;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::{self, threshold_bound, Unit, PARAMS};
    use crate::test_presets as presets;

    /// Bounds are for the impossible, never for a real region: every preset stays below a
    /// hundredth of every bound, in every year of the longest horizon.
    #[test]
    fn every_preset_lies_far_inside_every_bound() {
        let years = MAX_HORIZON_YEARS as usize;
        for preset in presets::all() {
            let s = &preset.scenario;
            for p in PARAMS.iter().filter(|p| p.unit != Unit::Rate) {
                let largest = params::values(s, p.key, years)
                    .unwrap()
                    .into_iter()
                    .fold(0.0, f64::max);
                assert!(
                    largest <= p.unit.max() / 100.0,
                    "{} {}: {largest}",
                    preset.slug,
                    p.key
                );
            }
            for target in &s.targets {
                let (unit, bound) = threshold_bound(target.metric);
                assert!(
                    unit == Unit::Rate || target.threshold <= bound / 100.0,
                    "{} {:?}: {}",
                    preset.slug,
                    target.metric,
                    target.threshold
                );
            }
        }
    }

    #[test]
    fn a_cumulative_budget_ceiling_allows_a_state_budget_in_every_year() {
        assert_eq!(MAX_BUDGET_CUMULATIVE, 9e14);
    }
}
