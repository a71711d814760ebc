//! How many sampled futures the scenario approach needs (Campi & Garatti, 2008).
//!
//! A plan that meets the targets in each of N independently sampled futures, found by a convex
//! programme with d decision variables, misses them with probability at most ε — except with
//! probability at most β over the sampling — when
//!
//!   Σ_{i=0}^{d−1} C(N, i) · εⁱ · (1−ε)^{N−i} ≤ β.
//!
//! The sum is the tail of a binomial distribution; it falls as N grows, so the least N is found
//! by bisection. Every term is computed with `+ − × ÷` only (no `ln`, `exp` or `powf`), keeping
//! a separate power-of-two exponent so nothing underflows, so the count is the same on every
//! platform.

use serde::{Deserialize, Serialize};

/// The probability β that the sampled futures are unrepresentative: the guarantee is stated
/// "with confidence 1 − β". One in a million, a common choice in the scenario literature.
pub const DEFAULT_BETA: f64 = 1e-6;

/// The most sampled futures the optimiser accepts, to bound memory and time in the browser.
pub const MAX_SCENARIOS: usize = 20_000;

/// The number of futures to sample and the figures it was derived from.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioCount {
    /// Sampled futures the plan must meet the targets in.
    pub scenarios: usize,
    /// Decision variables of the programme (d).
    pub decisions: usize,
    /// Allowed probability of missing (ε = 1 − confidence).
    pub epsilon: f64,
    /// Probability that the guarantee fails because of unlucky sampling (β).
    pub beta: f64,
}

/// The least N for `decisions` variables, a miss probability `epsilon` and confidence 1 − `beta`,
/// or `None` when it exceeds [`MAX_SCENARIOS`] or the inputs are outside (0, 1).
pub fn scenario_count(decisions: usize, epsilon: f64, beta: f64) -> Option<ScenarioCount> {
    let open_unit = |p: f64| p > 0.0 && p < 1.0;
    if !open_unit(epsilon) || !open_unit(beta) {
        return None;
    }
    let count = |scenarios| ScenarioCount {
        scenarios,
        decisions,
        epsilon,
        beta,
    };
    if decisions == 0 {
        // Nothing to choose: one future already shows whether the plan meets the targets.
        return Some(count(1));
    }
    let enough = |n: usize| binomial_tail(n, decisions, epsilon) <= beta;
    if !enough(MAX_SCENARIOS) {
        return None;
    }
    // Fewer futures than variables never suffice (the tail is 1).
    let (mut low, mut high) = (decisions, MAX_SCENARIOS);
    while high - low > 1 {
        let middle = low + (high - low) / 2;
        if enough(middle) {
            high = middle;
        } else {
            low = middle;
        }
    }
    Some(count(high))
}

/// A number written as `mantissa · 2^exponent`, so long products never underflow.
#[derive(Clone, Copy)]
struct Scaled {
    mantissa: f64,
    exponent: i32,
}

/// 2^±256, exact in binary floating point.
const STEP: f64 = 1.157_920_892_373_162e77;
const STEP_EXPONENT: i32 = 256;

impl Scaled {
    fn times(self, factor: f64) -> Scaled {
        let mut scaled = Scaled {
            mantissa: self.mantissa * factor,
            exponent: self.exponent,
        };
        while scaled.mantissa != 0.0 && scaled.mantissa < 1.0 / STEP {
            scaled.mantissa *= STEP;
            scaled.exponent -= STEP_EXPONENT;
        }
        scaled
    }

    /// The plain value; what lies below the smallest double becomes 0.
    fn value(self) -> f64 {
        let mut value = self.mantissa;
        let mut exponent = self.exponent;
        while exponent < 0 && value != 0.0 {
            let step = exponent.max(-STEP_EXPONENT);
            value *= two_to(step);
            exponent -= step;
        }
        value
    }
}

/// 2^k for −256 ≤ k ≤ 0, by halving (exact).
fn two_to(k: i32) -> f64 {
    let mut value = 1.0;
    for _ in 0..-k {
        value *= 0.5;
    }
    value
}

/// P(Binomial(n, ε) ≤ d − 1).
fn binomial_tail(n: usize, d: usize, epsilon: f64) -> f64 {
    if n < d {
        return 1.0;
    }
    let stay = 1.0 - epsilon;
    let mut term = Scaled {
        mantissa: 1.0,
        exponent: 0,
    };
    for _ in 0..n {
        term = term.times(stay);
    }
    let ratio = epsilon / stay;
    let mut sum = term.value();
    for i in 0..d - 1 {
        term = term.times((n - i) as f64 / (i + 1) as f64 * ratio);
        sum += term.value();
    }
    sum.min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_power_of_two_step_is_exact() {
        assert_eq!(STEP, 2f64.powi(256));
        assert_eq!(two_to(-256), 1.0 / STEP);
    }

    #[test]
    fn the_tail_matches_a_direct_sum_for_small_counts() {
        // d = 3, N = 20, ε = 0.1: Σ_{i<3} C(20,i) 0.1^i 0.9^(20−i).
        let direct =
            0.9f64.powi(20) + 20.0 * 0.1 * 0.9f64.powi(19) + 190.0 * 0.01 * 0.9f64.powi(18);
        assert!((binomial_tail(20, 3, 0.1) - direct).abs() < 1e-14);
    }

    #[test]
    fn the_count_is_the_least_that_meets_the_bound() {
        let count = scenario_count(60, 0.1, DEFAULT_BETA).unwrap();
        let n = count.scenarios;
        assert!(binomial_tail(n, 60, 0.1) <= DEFAULT_BETA);
        assert!(binomial_tail(n - 1, 60, 0.1) > DEFAULT_BETA);
        // The well-known sufficient bound 2/ε·(ln 1/β + d) is larger than the exact count.
        assert!((n as f64) < 2.0 / 0.1 * ((1e6f64).ln() + 60.0));
        assert!(n > 600, "at least d/ε futures: {n}");
    }

    #[test]
    fn more_confidence_or_more_decisions_need_more_futures() {
        let at = |d, eps| scenario_count(d, eps, DEFAULT_BETA).unwrap().scenarios;
        assert!(at(60, 0.05) > at(60, 0.1));
        assert!(at(60, 0.1) > at(60, 0.2));
        assert!(at(66, 0.1) > at(60, 0.1));
    }

    #[test]
    fn nonsense_inputs_and_huge_counts_are_refused() {
        assert_eq!(scenario_count(10, 0.0, DEFAULT_BETA), None);
        assert_eq!(scenario_count(10, 0.1, 1.0), None);
        assert_eq!(scenario_count(5_000, 0.05, DEFAULT_BETA), None);
        assert_eq!(scenario_count(0, 0.1, DEFAULT_BETA).unwrap().scenarios, 1);
    }
}
