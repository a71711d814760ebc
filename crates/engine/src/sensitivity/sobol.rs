//! How much of the spread of each target's deadline value (and of whether it is met) each
//! source of uncertainty explains: first-order and total Sobol indices, estimated with
//! Saltelli's design on scrambled Sobol points.
//!
//! Two independent point sets A and B fill the unit cube of the Monte Carlo's draws (ten per
//! year, [`DRAWS_PER_YEAR`]); for each source i, AB_i is A with source i's draws taken from B.
//! With f the target's value, V its variance over A and B:
//!
//! - first order  S_i  = mean(f(B)·(f(AB_i) − f(A))) / V   (Saltelli et al., 2010)
//! - total        ST_i = mean((f(A) − f(AB_i))²) / (2V)     (Jansen, 1999)
//!
//! S_i is the share of the variance that source i causes on its own; ST_i adds its
//! interactions with the others. Estimates are clamped to [0, 1]: sampling noise can push a
//! source that explains nothing slightly below zero.

use serde::{Deserialize, Serialize};

use crate::montecarlo::{draw_at, DRAWS_PER_YEAR};
use crate::scenario::Scenario;
use crate::simulate::{run, year_inputs, Trajectory, YearInputs};
use crate::uncertainty::Uncertainty;
use crate::validate::{validate, ValidationErrors};

/// A source of uncertainty: the Monte Carlo draws of one kind, over every year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Hires,
    Attrition,
    /// Exam candidates at every level.
    Candidates,
    /// Pass rates at every level.
    PassRates,
    StationCompletion,
    RoomCompletion,
}

impl Source {
    /// Every source, in the order of the Monte Carlo's draws.
    pub const ALL: [Source; 6] = [
        Source::Hires,
        Source::Attrition,
        Source::Candidates,
        Source::PassRates,
        Source::StationCompletion,
        Source::RoomCompletion,
    ];

    /// The source's draws within a year, in [`DRAWS_PER_YEAR`]'s order.
    fn draws(self) -> std::ops::Range<usize> {
        match self {
            Source::Hires => 0..1,
            Source::Attrition => 1..2,
            Source::Candidates => 2..5,
            Source::PassRates => 5..8,
            Source::StationCompletion => 8..9,
            Source::RoomCompletion => 9..10,
        }
    }

    /// Whether the scenario makes this source uncertain at all.
    fn is_uncertain(self, u: &Uncertainty) -> bool {
        match self {
            Source::Hires => u.spread_hires > 0.0,
            Source::Attrition => u.spread_attrition > 0.0,
            Source::Candidates => u.spread_candidates > 0.0,
            Source::PassRates => u.spread_pass > 0.0,
            Source::StationCompletion => u.station_completion < 1.0,
            Source::RoomCompletion => u.room_completion < 1.0,
        }
    }
}

/// One source's shares of a variance.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Share {
    pub source: Source,
    /// The share it explains on its own (first-order index).
    pub first_order: f64,
    /// The share it explains with its interactions (total index).
    pub total: f64,
}

/// The variance shares of one target, largest first-order share first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetShares {
    /// Index into the scenario's targets.
    pub target: usize,
    /// The variance of the target's deadline value over the points (0: nothing varies it).
    pub variance: f64,
    /// Shares of the variance of the deadline value.
    pub value: Vec<Share>,
    /// Shares of the variance of "met at the deadline" (1 or 0): what drives the odds.
    pub odds: Vec<Share>,
}

/// How many base points (each costs 2 + one per uncertain source model runs) and which
/// scramble.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SobolSettings {
    /// A power of two, at most 2¹⁵.
    pub points: usize,
    pub seed: u32,
}

impl Default for SobolSettings {
    fn default() -> Self {
        SobolSettings {
            points: 1024,
            seed: 2025,
        }
    }
}

/// The largest number of base points the Sobol sequence offers here (its index is 16 bits).
pub const MAX_POINTS: usize = 1 << 15;

/// Running sums for one quantity of one target, shifted by the plan run's value so the
/// variance does not cancel catastrophically.
#[derive(Clone, Debug, Default)]
struct Sums {
    a: f64,
    a2: f64,
    b: f64,
    b2: f64,
    /// Per uncertain source: Σ f(B)(f(AB) − f(A)) and Σ (f(A) − f(AB))².
    first: Vec<f64>,
    total: Vec<f64>,
}

/// A Saltelli estimation in progress, point by point, so the worker can report progress.
pub struct Estimation {
    scenario: Scenario,
    plan: Vec<YearInputs>,
    settings: SobolSettings,
    sources: Vec<Source>,
    /// Per target: the shift, the sums of the value, the sums of "met".
    shift: Vec<f64>,
    value: Vec<Sums>,
    met: Vec<Sums>,
    done: usize,
}

impl Estimation {
    /// Checks the scenario; `points` is brought to a power of two within [2, `MAX_POINTS`].
    pub fn new(
        scenario: &Scenario,
        settings: SobolSettings,
    ) -> Result<Estimation, ValidationErrors> {
        validate(scenario)?;
        let points = settings
            .points
            .clamp(2, MAX_POINTS)
            .next_power_of_two()
            .min(MAX_POINTS);
        let plan = year_inputs(scenario);
        let planned = run(scenario, &plan);
        let sources: Vec<Source> = Source::ALL
            .into_iter()
            .filter(|s| s.is_uncertain(&scenario.uncertainty))
            .collect();
        let sums = Sums {
            first: vec![0.0; sources.len()],
            total: vec![0.0; sources.len()],
            ..Sums::default()
        };
        Ok(Estimation {
            shift: scenario
                .targets
                .iter()
                .map(|t| {
                    planned
                        .row(t.deadline)
                        .map_or(0.0, |row| t.metric.value(row))
                })
                .collect(),
            value: vec![sums.clone(); scenario.targets.len()],
            met: vec![sums; scenario.targets.len()],
            scenario: scenario.clone(),
            plan,
            settings: SobolSettings { points, ..settings },
            sources,
            done: 0,
        })
    }

    /// Points done and in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.settings.points)
    }

    pub fn is_complete(&self) -> bool {
        self.done >= self.settings.points
    }

    /// Evaluates up to `count` more base points.
    pub fn advance(&mut self, count: usize) {
        let end = (self.done + count).min(self.settings.points);
        for index in self.done..end {
            self.add_point(index);
        }
        self.done = end;
    }

    /// The points of A (`set` 0) or B (`set` 1) at `index`: independent scrambles of one
    /// Sobol sequence. Dimensions past the sequence's reuse it under further scrambles.
    fn point(&self, set: u32, index: usize) -> Vec<f64> {
        let dimensions = self.plan.len() * DRAWS_PER_YEAR;
        let available = sobol_burley::NUM_DIMENSIONS as usize;
        (0..dimensions)
            .map(|d| {
                let block = (d / available) as u32;
                let scramble = self
                    .settings
                    .seed
                    .wrapping_mul(0x9E37_79B9)
                    .wrapping_add(2 * block + set);
                f64::from(sobol_burley::sample(
                    index as u32,
                    (d % available) as u32,
                    scramble,
                ))
            })
            .collect()
    }

    fn trajectory(&self, point: &[f64]) -> Trajectory {
        run(
            &self.scenario,
            &draw_at(&self.plan, &self.scenario.uncertainty, point),
        )
    }

    /// Per target: (value − shift, met as 0/1).
    fn read(&self, t: &Trajectory) -> Vec<(f64, f64)> {
        self.scenario
            .targets
            .iter()
            .zip(&self.shift)
            .map(|(target, shift)| {
                let value = t
                    .row(target.deadline)
                    .map_or(*shift, |row| target.metric.value(row));
                (value - shift, f64::from(u8::from(target.is_met_by(value))))
            })
            .collect()
    }

    fn add_point(&mut self, index: usize) {
        let a = self.point(0, index);
        let b = self.point(1, index);
        let fa = self.read(&self.trajectory(&a));
        let fb = self.read(&self.trajectory(&b));
        let mixed: Vec<Vec<(f64, f64)>> = self
            .sources
            .iter()
            .map(|source| {
                let mut ab = a.clone();
                for year in 0..self.plan.len() {
                    for k in source.draws() {
                        let d = year * DRAWS_PER_YEAR + k;
                        ab[d] = b[d];
                    }
                }
                self.read(&self.trajectory(&ab))
            })
            .collect();
        for k in 0..self.scenario.targets.len() {
            for (sums, pick) in [(&mut self.value[k], 0usize), (&mut self.met[k], 1usize)] {
                let get = |pair: (f64, f64)| if pick == 0 { pair.0 } else { pair.1 };
                let (va, vb) = (get(fa[k]), get(fb[k]));
                sums.a += va;
                sums.a2 += va * va;
                sums.b += vb;
                sums.b2 += vb * vb;
                for (i, ab) in mixed.iter().enumerate() {
                    let vab = get(ab[k]);
                    sums.first[i] += vb * (vab - va);
                    sums.total[i] += (va - vab) * (va - vab);
                }
            }
        }
    }

    /// The shares from the points evaluated so far, per target in the scenario's order.
    pub fn shares(&self) -> Vec<TargetShares> {
        let n = self.done.max(1) as f64;
        let estimate = |sums: &Sums| -> (f64, Vec<Share>) {
            let mean = (sums.a + sums.b) / (2.0 * n);
            let variance = ((sums.a2 + sums.b2) / (2.0 * n) - mean * mean).max(0.0);
            let mut shares: Vec<Share> = Source::ALL
                .into_iter()
                .map(|source| {
                    let position = self.sources.iter().position(|s| *s == source);
                    let (first_order, total) = match position {
                        Some(i) if variance > 0.0 => (
                            (sums.first[i] / n / variance).clamp(0.0, 1.0),
                            (sums.total[i] / (2.0 * n) / variance).clamp(0.0, 1.0),
                        ),
                        _ => (0.0, 0.0),
                    };
                    Share {
                        source,
                        first_order,
                        total,
                    }
                })
                .collect();
            // Largest first; equal shares keep the sources' order (the sort is stable).
            shares.sort_by(|a, b| b.first_order.total_cmp(&a.first_order));
            (variance, shares)
        };
        (0..self.scenario.targets.len())
            .map(|k| {
                let (variance, value) = estimate(&self.value[k]);
                let (_, odds) = estimate(&self.met[k]);
                TargetShares {
                    target: k,
                    variance,
                    value,
                    odds,
                }
            })
            .collect()
    }
}

/// Runs a whole estimation.
pub fn variance_shares(
    scenario: &Scenario,
    settings: SobolSettings,
) -> Result<Vec<TargetShares>, ValidationErrors> {
    let mut estimation = Estimation::new(scenario, settings)?;
    estimation.advance(usize::MAX);
    Ok(estimation.shares())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::targets::Metric;

    fn preset(slug: &str) -> Scenario {
        crate::test_presets::by_slug(slug).unwrap().scenario.clone()
    }

    fn share(shares: &[Share], source: Source) -> Share {
        *shares.iter().find(|s| s.source == source).unwrap()
    }

    #[test]
    fn a_target_driven_by_one_source_gets_all_of_its_variance() {
        // Only hiring is uncertain: all of talent's variance is hiring's.
        let mut s = preset("yunnan");
        s.uncertainty = Uncertainty {
            spread_hires: 0.15,
            ..Uncertainty::default()
        };
        let shares = &variance_shares(&s, SobolSettings::default()).unwrap()[0];
        assert!(shares.variance > 0.0);
        let hires = share(&shares.value, Source::Hires);
        assert!(hires.first_order > 0.98, "{hires:?}");
        assert!(hires.total > 0.98, "{hires:?}");
        assert_eq!(shares.value[0].source, Source::Hires);
        assert_eq!(share(&shares.value, Source::Attrition).first_order, 0.0);
    }

    #[test]
    fn rooms_at_their_deadline_vary_with_room_completion_only() {
        // Ningxia's rooms in 2025 are what was planned up to then, less what slips out of 2025.
        let s = preset("ningxia");
        let index = s
            .targets
            .iter()
            .position(|t| t.metric == Metric::Rooms)
            .unwrap();
        let shares = &variance_shares(&s, SobolSettings::default()).unwrap()[index];
        let rooms = share(&shares.value, Source::RoomCompletion);
        assert!(rooms.first_order > 0.95, "{shares:?}");
        assert!(share(&shares.value, Source::Hires).total < 0.01);
    }

    #[test]
    fn talent_s_variance_is_split_between_hiring_and_attrition() {
        let s = preset("yunnan");
        let shares = &variance_shares(&s, SobolSettings::default()).unwrap()[0];
        let (hires, attrition) = (
            share(&shares.value, Source::Hires),
            share(&shares.value, Source::Attrition),
        );
        assert!(
            hires.first_order > 0.05 && attrition.first_order > 0.05,
            "{shares:?}"
        );
        // Talent is nearly additive in the two: the first-order shares nearly add up to one.
        let sum: f64 = shares.value.iter().map(|s| s.first_order).sum();
        assert!((0.9..=1.1).contains(&sum), "{sum}");
        for s in shares.value.iter().chain(&shares.odds) {
            assert!(s.first_order.is_finite() && s.total.is_finite());
            assert!(s.first_order <= s.total + 0.05, "{s:?}");
        }
        for pair in shares.value.windows(2) {
            assert!(pair[0].first_order >= pair[1].first_order);
        }
    }

    #[test]
    fn the_odds_of_a_target_met_half_the_time_vary_with_what_drives_it() {
        // Hiring set so that Yunnan's talent target is met in some futures and missed in others.
        let mut s = preset("yunnan");
        s.levers.hires = crate::Yearly::Constant(19_800.0);
        let shares = &variance_shares(&s, SobolSettings::default()).unwrap()[0];
        let driving: f64 = [Source::Hires, Source::Attrition]
            .iter()
            .map(|source| share(&shares.odds, *source).total)
            .sum();
        assert!(driving > 0.9, "{shares:?}");
        assert_eq!(share(&shares.odds, Source::Candidates).total, 0.0);
        assert!(shares
            .odds
            .iter()
            .all(|s| (0.0..=1.0).contains(&s.first_order)));
    }

    #[test]
    fn chunked_estimation_equals_one_pass_and_the_seed_is_honoured() {
        let s = preset("ningxia");
        let settings = SobolSettings {
            points: 64,
            seed: 3,
        };
        let mut chunked = Estimation::new(&s, settings).unwrap();
        while !chunked.is_complete() {
            chunked.advance(10);
        }
        assert_eq!(chunked.shares(), variance_shares(&s, settings).unwrap());
        let other = variance_shares(
            &s,
            SobolSettings {
                seed: 4,
                ..settings
            },
        )
        .unwrap();
        assert_ne!(other, chunked.shares());
    }
}
