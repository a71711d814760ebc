//! Monte Carlo: many trajectories under uncertain inputs, summarised as P10 / P50 / P90 bands
//! per year, the probability of meeting each target, and when each target is first met.
//!
//! Every run draws its own stream from a seed (Xoshiro256++, seeded per run), and every draw is
//! one sample of a `rand` [`Uniform`] over `f64`: one 64-bit word from the stream turned into a
//! value with only `+ − ×` (IEEE 754, no fused multiply-add, no library maths). So the same seed
//! gives the same numbers natively and in WebAssembly, and runs can be computed in any order or
//! in chunks. Every year of a run takes exactly ten draws, whatever the spreads and lever values,
//! so the same run sees the same luck in every plan compared (common random numbers).
//!
//! `rand` promises the same samples only within a minor version (0.10.x): a newer `rand` may
//! change every number, and `YUNNAN_CHECKSUM` in the tests says so.

use rand::distr::{Distribution, Uniform};
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;
use serde::{Deserialize, Serialize};

use super::scenario::Scenario;
use super::simulate::{run_from, year_inputs, Start, Trajectory, YearInputs, YearRow};
use super::targets::{Metric, Target};
use super::uncertainty::Uncertainty;
use super::validate::{validate, ValidationErrors};

/// The fewest and most trajectories a Monte Carlo run accepts.
pub const RUNS_RANGE: (usize, usize) = (100, 10_000);
/// The number of trajectories when nobody says otherwise.
pub const DEFAULT_RUNS: usize = 1_000;
/// The seed when nobody says otherwise.
pub const DEFAULT_SEED: u64 = 2025;

/// How many trajectories to draw and from which seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub runs: usize,
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            runs: DEFAULT_RUNS,
            seed: DEFAULT_SEED,
        }
    }
}

impl Settings {
    /// Settings with `runs` brought into [`RUNS_RANGE`].
    pub fn clamped(runs: usize, seed: u64) -> Settings {
        Settings {
            runs: runs.clamp(RUNS_RANGE.0, RUNS_RANGE.1),
            seed,
        }
    }
}

/// The summary of a Monte Carlo run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub settings: Settings,
    /// Per year, the 10th, 50th and 90th percentile of every figure of the year table.
    pub p10: Vec<YearRow>,
    pub p50: Vec<YearRow>,
    pub p90: Vec<YearRow>,
    /// Per year, the mean of every figure.
    pub mean: Vec<YearRow>,
    /// Per target, in the scenario's order.
    pub targets: Vec<TargetOdds>,
}

/// How likely a target is to be met, and when it is first met.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetOdds {
    /// Share of trajectories that meet the target at its deadline.
    pub probability: f64,
    /// Share of trajectories that first reach the threshold in each year of the table.
    pub first_year_distribution: Vec<YearShare>,
    /// Share of trajectories that never reach it within the table.
    pub never_met: f64,
}

impl TargetOdds {
    /// The year by which half of the trajectories have reached the threshold, if half do.
    pub fn median_first_year(&self) -> Option<i32> {
        let mut reached = 0.0;
        self.first_year_distribution.iter().find_map(|share| {
            reached += share.share;
            (reached >= 0.5).then_some(share.year)
        })
    }
}

/// When the plan and the odds disagree: the plan (every build in its year, every input at its
/// planned value) says one thing and most simulated futures say the other.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Contrast {
    /// Met as planned, but in fewer than half of the simulations.
    MetButUnlikely { cause: Cause },
    /// Missed as planned, but met in at least half of the simulations.
    MissedButLikely { cause: Cause },
}

/// The uncertainty that most plausibly explains a contrast.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cause {
    /// A share of planned rooms slips a year (`slipping` = 1 − completion).
    RoomDelays { slipping: f64 },
    /// A share of planned stations slips a year.
    StationDelays { slipping: f64 },
    /// Yearly inputs vary around their planned values.
    Variation,
}

/// The contrast between a plan's verdict and its odds, if they disagree.
pub fn contrast(
    met_as_planned: bool,
    metric: Metric,
    odds: &TargetOdds,
    uncertainty: &Uncertainty,
) -> Option<Contrast> {
    let likely = odds.probability >= 0.5;
    if met_as_planned == likely {
        return None;
    }
    let cause = match metric {
        Metric::Rooms | Metric::RoomCoverage if uncertainty.room_completion < 1.0 => {
            Cause::RoomDelays {
                slipping: 1.0 - uncertainty.room_completion,
            }
        }
        Metric::Stations | Metric::StationCoverage | Metric::DemoStations
            if uncertainty.station_completion < 1.0 =>
        {
            Cause::StationDelays {
                slipping: 1.0 - uncertainty.station_completion,
            }
        }
        _ => Cause::Variation,
    };
    Some(if met_as_planned {
        Contrast::MetButUnlikely { cause }
    } else {
        Contrast::MissedButLikely { cause }
    })
}

/// A share of trajectories attached to a year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearShare {
    pub year: i32,
    pub share: f64,
}

/// Draws the inputs of run number `run` from `plan`. The scenario's uncertainty must be valid
/// (spreads and completions between 0 and 1).
pub fn draw(
    plan: &[YearInputs],
    uncertainty: &Uncertainty,
    seed: u64,
    run: u64,
) -> Vec<YearInputs> {
    let distributions = YearDistributions::new(uncertainty);
    let mut rng = run_rng(seed, run);
    plan.iter()
        .map(|planned| distributions.draw_year(planned, &mut rng))
        .collect()
}

/// The number of uniform draws each simulated year takes, in this order: hires, attrition,
/// candidates (junior, mid, senior), pass rates (junior, mid, senior), station completion,
/// room completion.
pub const DRAWS_PER_YEAR: usize = 10;

/// The inputs of a run drawn at given points instead of from a seed (quasi-random designs such
/// as the sensitivity analysis's Sobol points): `uniforms[year * DRAWS_PER_YEAR + k]`, in
/// [0, 1], takes the place of the year's k-th draw and is mapped linearly onto the same range.
/// The uncertainty must be valid, and `uniforms` hold `DRAWS_PER_YEAR` values per year.
pub fn draw_at(
    plan: &[YearInputs],
    uncertainty: &Uncertainty,
    uniforms: &[f64],
) -> Vec<YearInputs> {
    let distributions = YearDistributions::new(uncertainty);
    plan.iter()
        .zip(uniforms.chunks_exact(DRAWS_PER_YEAR))
        .map(|(planned, points)| {
            let mut drawn = [0.0; DRAWS_PER_YEAR];
            for ((slot, (low, high)), u) in drawn.iter_mut().zip(distributions.ranges).zip(points) {
                *slot = low + (high - low) * u;
            }
            assemble(planned, drawn)
        })
        .collect()
}

/// The distributions of one year's uncertain inputs. They are the same every year, so a run
/// builds them once. A spread `s` draws a factor uniformly between 1 − s and 1 + s that
/// multiplies the planned value, so a rising lever rises in every run (and a zero spread gives
/// exactly the plan).
struct YearDistributions {
    draws: [Uniform<f64>; DRAWS_PER_YEAR],
    ranges: [(f64, f64); DRAWS_PER_YEAR],
}

impl YearDistributions {
    fn new(uncertainty: &Uncertainty) -> YearDistributions {
        let factor = |spread: f64| (1.0 - spread, 1.0 + spread);
        let ranges = [
            factor(uncertainty.spread_hires),
            factor(uncertainty.spread_attrition),
            factor(uncertainty.spread_candidates),
            factor(uncertainty.spread_candidates),
            factor(uncertainty.spread_candidates),
            factor(uncertainty.spread_pass),
            factor(uncertainty.spread_pass),
            factor(uncertainty.spread_pass),
            completion_bounds(uncertainty.station_completion),
            completion_bounds(uncertainty.room_completion),
        ];
        YearDistributions {
            draws: ranges.map(|(low, high)| {
                Uniform::new_inclusive(low, high)
                    .expect("a valid spread or completion lies between 0 and 1")
            }),
            ranges,
        }
    }

    /// One year's inputs. Always ten draws in this order, whatever the spreads, so that a run's
    /// luck does not depend on the settings (common random numbers).
    fn draw_year(&self, planned: &YearInputs, rng: &mut Xoshiro256PlusPlus) -> YearInputs {
        let mut drawn = [0.0; DRAWS_PER_YEAR];
        for (slot, distribution) in drawn.iter_mut().zip(&self.draws) {
            *slot = distribution.sample(rng);
        }
        assemble(planned, drawn)
    }
}

/// A year's inputs from its ten draws: factors on the planned values (rates capped at 100 %)
/// and the completion shares.
fn assemble(planned: &YearInputs, drawn: [f64; DRAWS_PER_YEAR]) -> YearInputs {
    let [hires, attrition, junior, mid, senior, pass_junior, pass_mid, pass_senior, station, room] =
        drawn;
    YearInputs {
        hires: planned.hires * hires,
        attrition: (planned.attrition * attrition).min(1.0),
        candidates_junior: planned.candidates_junior * junior,
        candidates_mid: planned.candidates_mid * mid,
        candidates_senior: planned.candidates_senior * senior,
        pass_junior: (planned.pass_junior * pass_junior).min(1.0),
        pass_mid: (planned.pass_mid * pass_mid).min(1.0),
        pass_senior: (planned.pass_senior * pass_senior).min(1.0),
        station_completion: station,
        room_completion: room,
        ..*planned
    }
}

/// The range of the share finished within the year, uniform with mean `p`: between 2p−1 and 1
/// when p ≥ ½, between 0 and 2p otherwise. At p = 1 it is exactly 1.
pub fn completion_bounds(p: f64) -> (f64, f64) {
    if p >= 0.5 {
        (2.0 * p - 1.0, 1.0)
    } else {
        (0.0, 2.0 * p)
    }
}

fn run_rng(seed: u64, run: u64) -> Xoshiro256PlusPlus {
    // Spread run numbers over the seed space; seed_from_u64 mixes the result further.
    Xoshiro256PlusPlus::seed_from_u64(seed ^ run.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// The trajectory of run number `run` (0-based) of a valid scenario with its planned inputs.
pub fn trajectory(
    scenario: &Scenario,
    plan: &[YearInputs],
    seed: u64,
    run_index: u64,
) -> Trajectory {
    trajectory_from(scenario, &Start::plan(scenario), plan, seed, run_index)
}

/// The trajectory of run number `run` started at `start` (a re-projection from actual figures):
/// `plan` holds the inputs of every year after the base year, and the run uses the draws of
/// the years after the start. Each year sees the same luck as in the run from the base year
/// (common random numbers), so the two sets of bands differ only by where they start.
pub fn trajectory_from(
    scenario: &Scenario,
    start: &Start,
    plan: &[YearInputs],
    seed: u64,
    run_index: u64,
) -> Trajectory {
    let drawn = draw(plan, &scenario.uncertainty, seed, run_index);
    run_from(
        scenario,
        start,
        &drawn[years_before(scenario, start, plan.len())..],
    )
}

/// How many simulated years lie between the base year and `start` (at most `years`).
fn years_before(scenario: &Scenario, start: &Start, years: usize) -> usize {
    usize::try_from(start.year.saturating_sub(scenario.base_year))
        .unwrap_or(0)
        .min(years)
}

/// Collects trajectories run by run, so that a caller can compute in chunks (the browser does,
/// to keep the page responsive) and still get the same summary.
pub struct Accumulator {
    settings: Settings,
    /// Where every run starts: the base year, or the year of a re-projection's start.
    start: Start,
    years: usize,
    /// values[field][year] holds one value per finished run.
    values: Vec<Vec<Vec<f64>>>,
    targets: Vec<TargetTally>,
    done: usize,
}

struct TargetTally {
    target: Target,
    met: usize,
    first_year: Vec<usize>,
    never: usize,
}

impl Accumulator {
    /// Runs from the plan's start, the base year.
    pub fn new(scenario: &Scenario, settings: Settings) -> Accumulator {
        Accumulator::from_start(scenario, settings, Start::plan(scenario))
    }

    /// Runs from `start` (a re-projection): the bands begin at the start year, and the odds
    /// count the years from it. A target whose deadline is before the start has no row to be
    /// judged on here and counts as not met: the actual figures judge it.
    pub fn from_start(scenario: &Scenario, settings: Settings, start: Start) -> Accumulator {
        let years = scenario.horizon() + 1 - years_before(scenario, &start, scenario.horizon());
        Accumulator {
            settings,
            start,
            years,
            values: vec![vec![Vec::with_capacity(settings.runs); years]; YearRow::FIELDS.len()],
            targets: scenario
                .targets
                .iter()
                .map(|t| TargetTally {
                    target: t.clone(),
                    met: 0,
                    first_year: vec![0; years],
                    never: 0,
                })
                .collect(),
            done: 0,
        }
    }

    /// How many runs are collected.
    pub fn done(&self) -> usize {
        self.done
    }

    /// Whether every run is collected.
    pub fn is_complete(&self) -> bool {
        self.done >= self.settings.runs
    }

    /// Runs and collects up to `count` more trajectories.
    pub fn advance(&mut self, scenario: &Scenario, plan: &[YearInputs], count: usize) {
        let end = (self.done + count).min(self.settings.runs);
        for run_index in self.done..end {
            let t = trajectory_from(
                scenario,
                &self.start,
                plan,
                self.settings.seed,
                run_index as u64,
            );
            self.add(&t);
        }
        self.done = end;
    }

    fn add(&mut self, t: &Trajectory) {
        for (year_index, row) in t.years.iter().enumerate().take(self.years) {
            for (field, value) in row.fields().into_iter().enumerate() {
                self.values[field][year_index].push(value);
            }
        }
        for tally in &mut self.targets {
            let metric = tally.target.metric;
            if let Some(row) = t.row(tally.target.deadline) {
                if tally.target.is_met_by(metric.value(row)) {
                    tally.met += 1;
                }
            }
            match t
                .years
                .iter()
                .position(|row| tally.target.is_met_by(metric.value(row)))
            {
                Some(i) => tally.first_year[i] += 1,
                None => tally.never += 1,
            }
        }
    }

    /// The summary of the runs collected so far.
    pub fn summary(mut self) -> Summary {
        let n = self.done.max(1) as f64;
        let first_year = self.start.year;
        let year_of = |i: usize| first_year + i as i32;
        let mut rows = |q: Option<f64>| -> Vec<YearRow> {
            (0..self.years)
                .map(|y| {
                    let mut fields = [0.0; YearRow::FIELDS.len()];
                    for (f, slot) in fields.iter_mut().enumerate() {
                        let values = &mut self.values[f][y];
                        *slot = match q {
                            Some(q) => percentile(values, q),
                            None => values.iter().sum::<f64>() / n,
                        };
                    }
                    YearRow::from_fields(year_of(y), fields)
                })
                .collect()
        };
        // The mean first, summed in the order of the runs (the percentiles reorder values).
        let mean = rows(None);
        let (p10, p50, p90) = (rows(Some(0.1)), rows(Some(0.5)), rows(Some(0.9)));
        let targets = self
            .targets
            .iter()
            .map(|tally| TargetOdds {
                probability: tally.met as f64 / n,
                first_year_distribution: tally
                    .first_year
                    .iter()
                    .enumerate()
                    .filter(|(_, count)| **count > 0)
                    .map(|(i, count)| YearShare {
                        year: year_of(i),
                        share: *count as f64 / n,
                    })
                    .collect(),
                never_met: tally.never as f64 / n,
            })
            .collect();
        Summary {
            settings: self.settings,
            p10,
            p50,
            p90,
            mean,
            targets,
        }
    }
}

/// The `q`-quantile by linear interpolation between order statistics. Selects rather than
/// sorts (linear time: sorting was most of a Monte Carlo's cost); reorders `values`.
fn percentile(values: &mut [f64], q: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let position = q * (values.len() - 1) as f64;
    let below = position.floor() as usize;
    let weight = position - below as f64;
    let (_, low, higher) = values.select_nth_unstable_by(below, f64::total_cmp);
    let low = *low;
    // The next order statistic is the least of those above.
    let high = higher.iter().copied().min_by(f64::total_cmp).unwrap_or(low);
    low + (high - low) * weight
}

/// Runs a whole Monte Carlo of a scenario after validating it.
pub fn simulate_many(scenario: &Scenario, settings: Settings) -> Result<Summary, ValidationErrors> {
    simulate_many_from(scenario, &Start::plan(scenario), settings)
}

/// Runs a whole Monte Carlo of a scenario from `start` (a re-projection) after validating it.
pub fn simulate_many_from(
    scenario: &Scenario,
    start: &Start,
    settings: Settings,
) -> Result<Summary, ValidationErrors> {
    validate(scenario)?;
    let plan = year_inputs(scenario);
    let mut acc = Accumulator::from_start(scenario, settings, *start);
    acc.advance(scenario, &plan, settings.runs);
    Ok(acc.summary())
}

/// The probability that `target` is met at its deadline, over `settings.runs` trajectories.
/// Cheaper than a full summary: nothing is stored. The scenario must be valid.
pub fn probability(scenario: &Scenario, target: &Target, settings: Settings) -> f64 {
    probabilities(scenario, std::slice::from_ref(target), settings)[0]
}

/// The probability of each target, from the same trajectories: several targets cost what one
/// does (a trajectory is drawn once and read at every deadline). The scenario must be valid.
pub fn probabilities(scenario: &Scenario, targets: &[Target], settings: Settings) -> Vec<f64> {
    let plan = year_inputs(scenario);
    let mut met = vec![0usize; targets.len()];
    for i in 0..settings.runs as u64 {
        let trajectory = trajectory(scenario, &plan, settings.seed, i);
        for (count, target) in met.iter_mut().zip(targets) {
            if trajectory
                .row(target.deadline)
                .is_some_and(|row| target.is_met_by(target.metric.value(row)))
            {
                *count += 1;
            }
        }
    }
    let runs = settings.runs.max(1) as f64;
    met.into_iter().map(|count| count as f64 / runs).collect()
}

/// A checksum of a summary's numbers, to compare native and WebAssembly results bit for bit.
pub fn checksum(summary: &Summary) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |value: f64| {
        for byte in value.to_bits().to_le_bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for rows in [&summary.p10, &summary.p50, &summary.p90, &summary.mean] {
        for row in rows {
            row.fields().into_iter().for_each(&mut mix);
        }
    }
    for odds in &summary.targets {
        mix(odds.probability);
        mix(odds.never_met);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_presets as presets;
    use crate::{params::set, simulate};
    use rand::Rng;

    fn yunnan() -> Scenario {
        presets::default_preset().scenario.clone()
    }

    /// Ningxia's rooms target, its verdict as planned and its odds, at a model reading.
    fn ningxia_rooms(model: u32) -> (bool, TargetOdds, Scenario) {
        let mut s = crate::test_presets::by_slug("ningxia")
            .unwrap()
            .scenario
            .clone();
        s.model = model;
        let summary = simulate_many(&s, Settings::clamped(300, 7)).unwrap();
        let plan = crate::simulate(&s).unwrap();
        let index = s
            .targets
            .iter()
            .position(|t| t.metric == Metric::Rooms)
            .expect("Ningxia has a rooms target");
        let met = crate::evaluate(&s.targets[index], &plan).met;
        (met, summary.targets[index].clone(), s)
    }

    #[test]
    fn under_the_first_reading_ningxias_rooms_are_met_as_planned_but_unlikely() {
        let (met, odds, s) = ningxia_rooms(crate::scenario::FIRST_MODEL_VERSION);
        assert!(met, "every room built in its year");
        assert!(odds.probability < 0.5);
        assert_eq!(
            contrast(met, Metric::Rooms, &odds, &s.uncertainty),
            Some(Contrast::MetButUnlikely {
                cause: Cause::RoomDelays {
                    slipping: 1.0 - s.uncertainty.room_completion
                }
            })
        );
    }

    #[test]
    fn the_plan_as_the_expected_path_agrees_with_its_odds() {
        // The plan applies the expected completion: plan and odds tell the same story.
        let (met, odds, s) = ningxia_rooms(crate::scenario::MODEL_VERSION);
        assert!(!met, "about 15 % of the rooms finish a year late");
        assert!(odds.probability < 0.5);
        assert_eq!(contrast(met, Metric::Rooms, &odds, &s.uncertainty), None);
    }

    #[test]
    fn the_plan_line_lies_inside_its_band_for_every_preset() {
        for preset in crate::test_presets::all() {
            let s = &preset.scenario;
            let plan = crate::simulate(s).unwrap();
            let summary = simulate_many(s, Settings::clamped(1_000, 3)).unwrap();
            for (i, row) in plan.years.iter().enumerate() {
                let (low, high) = (summary.p10[i].fields(), summary.p90[i].fields());
                for (k, value) in row.fields().iter().enumerate() {
                    let slack = 1e-6 * high[k].abs().max(1.0);
                    assert!(
                        *value >= low[k] - slack && *value <= high[k] + slack,
                        "{} {} {}: {value} outside {}–{}",
                        preset.slug,
                        row.year,
                        YearRow::FIELDS[k],
                        low[k],
                        high[k]
                    );
                }
            }
        }
    }

    #[test]
    fn agreeing_plan_and_odds_need_no_explanation() {
        let s = yunnan();
        let odds = TargetOdds {
            probability: 0.0,
            first_year_distribution: vec![],
            never_met: 1.0,
        };
        assert_eq!(contrast(false, Metric::Talent, &odds, &s.uncertainty), None);
        let likely = TargetOdds {
            probability: 0.7,
            ..odds
        };
        assert_eq!(
            contrast(false, Metric::Talent, &likely, &s.uncertainty),
            Some(Contrast::MissedButLikely {
                cause: Cause::Variation
            })
        );
    }

    #[test]
    fn zero_spread_gives_exactly_the_deterministic_run() {
        let mut s = yunnan();
        s.uncertainty = Uncertainty::default();
        let plan = simulate(&s).unwrap();
        let summary = simulate_many(&s, Settings::clamped(100, 7)).unwrap();
        for rows in [&summary.p10, &summary.p50, &summary.p90] {
            assert_eq!(rows, &plan.years);
        }
        let met = crate::evaluate(&s.targets[0], &plan).met;
        assert_eq!(summary.targets[0].probability, if met { 1.0 } else { 0.0 });
    }

    #[test]
    fn bands_are_ordered() {
        let summary = simulate_many(&yunnan(), Settings::default()).unwrap();
        for ((lo, mid), hi) in summary.p10.iter().zip(&summary.p50).zip(&summary.p90) {
            for ((a, b), c) in lo.fields().iter().zip(mid.fields()).zip(hi.fields()) {
                assert!(*a <= b && b <= c, "{}", lo.year);
            }
        }
    }

    #[test]
    fn uncertainty_widens_the_band() {
        let summary = simulate_many(&yunnan(), Settings::default()).unwrap();
        let last = summary.p10.len() - 1;
        assert!(summary.p90[last].talent > summary.p10[last].talent + 1000.0);
    }

    #[test]
    fn the_mean_approaches_the_deterministic_run_as_runs_grow() {
        // Talent is linear in hires and in each year's (1 − attrition), drawn independently with
        // mean equal to the plan, so its expectation is the deterministic run.
        let s = yunnan();
        let plan = simulate(&s).unwrap();
        let deterministic = plan.years.last().unwrap().talent;
        let mean_error = |runs| {
            let seeds = 0..8u64;
            let total: f64 = seeds
                .clone()
                .map(|seed| {
                    let summary = simulate_many(&s, Settings::clamped(runs, seed)).unwrap();
                    (summary.mean.last().unwrap().talent - deterministic).abs()
                })
                .sum();
            total / seeds.count() as f64 / deterministic
        };
        let (small, large) = (mean_error(100), mean_error(10_000));
        assert!(large < 0.001, "relative error at 10 000 runs: {large}");
        assert!(large < small / 3.0, "{large} vs {small}");
    }

    #[test]
    fn same_seed_same_numbers_and_other_seed_other_numbers() {
        let s = yunnan();
        let a = simulate_many(&s, Settings::clamped(200, 5)).unwrap();
        let b = simulate_many(&s, Settings::clamped(200, 5)).unwrap();
        let c = simulate_many(&s, Settings::clamped(200, 6)).unwrap();
        assert_eq!(checksum(&a), checksum(&b));
        assert_ne!(checksum(&a), checksum(&c));
    }

    #[test]
    fn chunked_collection_equals_one_pass() {
        let s = yunnan();
        let settings = Settings::clamped(300, 3);
        let plan = year_inputs(&s);
        let mut chunked = Accumulator::new(&s, settings);
        while !chunked.is_complete() {
            chunked.advance(&s, &plan, 77);
        }
        assert_eq!(
            chunked.summary(),
            simulate_many(&s, settings).unwrap(),
            "chunks of 77 give the same summary as one pass"
        );
    }

    #[test]
    fn probability_never_falls_when_hiring_rises() {
        let mut s = yunnan();
        let settings = Settings::clamped(300, 9);
        let mut last = 0.0;
        for hires in (14_000..=26_000).step_by(1_000) {
            set(&mut s, "hires", f64::from(hires)).unwrap();
            let p = probability(&s, &s.targets[0], settings);
            assert!(p >= last, "hires {hires}: {p} < {last}");
            last = p;
        }
        assert!(last > 0.99, "ample hiring makes the target near certain");
    }

    #[test]
    fn probability_agrees_with_the_summary() {
        let s = yunnan();
        let settings = Settings::clamped(400, 4);
        let summary = simulate_many(&s, settings).unwrap();
        assert_eq!(
            probability(&s, &s.targets[0], settings),
            summary.targets[0].probability
        );
    }

    #[test]
    fn first_year_shares_and_never_add_up_to_one() {
        let mut s = yunnan();
        set(&mut s, "hires", 20_000.0).unwrap();
        let summary = simulate_many(&s, Settings::default()).unwrap();
        let odds = &summary.targets[0];
        let total: f64 = odds
            .first_year_distribution
            .iter()
            .map(|y| y.share)
            .sum::<f64>()
            + odds.never_met;
        assert!((total - 1.0).abs() < 1e-9);
    }

    #[test]
    fn median_first_year_is_where_half_have_arrived() {
        let odds = TargetOdds {
            probability: 0.7,
            first_year_distribution: vec![
                YearShare {
                    year: 2024,
                    share: 0.2,
                },
                YearShare {
                    year: 2025,
                    share: 0.3,
                },
                YearShare {
                    year: 2026,
                    share: 0.2,
                },
            ],
            never_met: 0.3,
        };
        assert_eq!(odds.median_first_year(), Some(2025));
        let rarely = TargetOdds {
            first_year_distribution: vec![YearShare {
                year: 2030,
                share: 0.4,
            }],
            never_met: 0.6,
            ..odds
        };
        assert_eq!(rarely.median_first_year(), None);
    }

    #[test]
    fn percentiles_by_selection_equal_those_of_the_sorted_values() {
        // The definition: interpolate between neighbours in the sorted values.
        fn sorted(values: &[f64], q: f64) -> f64 {
            let mut v = values.to_vec();
            v.sort_by(f64::total_cmp);
            let position = q * (v.len() - 1) as f64;
            let below = position.floor() as usize;
            let above = (below + 1).min(v.len() - 1);
            v[below] + (v[above] - v[below]) * (position - below as f64)
        }
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(9);
        for len in [1, 2, 3, 10, 11, 999, 1000] {
            // Ties too: values drawn from few distinct numbers half the time.
            let values: Vec<f64> = (0..len)
                .map(|i| {
                    let word = rng.next_u64();
                    if i % 2 == 0 {
                        (word % 7) as f64
                    } else {
                        (word >> 11) as f64 / 3.0
                    }
                })
                .collect();
            let mut work = values.clone();
            for q in [0.0, 0.1, 0.5, 0.9, 1.0] {
                assert_eq!(
                    percentile(&mut work, q).to_bits(),
                    sorted(&values, q).to_bits(),
                    "{len} {q}"
                );
            }
        }
        assert_eq!(percentile(&mut [], 0.5), 0.0);
    }

    #[test]
    fn completion_has_the_requested_mean_and_stays_in_range() {
        for (p, expected) in [
            (0.0, (0.0, 0.0)),
            (0.3, (0.0, 0.6)),
            (0.5, (0.0, 1.0)),
            (0.9, (0.8, 1.0)),
            (1.0, (1.0, 1.0)),
        ] {
            let (low, high) = completion_bounds(p);
            assert!((low - expected.0).abs() < 1e-12, "{p}: low {low}");
            assert!((high - expected.1).abs() < 1e-12, "{p}: high {high}");
            assert!(((low + high) / 2.0 - p).abs() < 1e-12, "{p}: mean");
        }
    }

    #[test]
    fn every_year_takes_ten_draws_whatever_the_spreads() {
        let plan = year_inputs(&yunnan());
        let wide = Uncertainty {
            spread_hires: 1.0,
            spread_attrition: 0.5,
            spread_candidates: 0.2,
            spread_pass: 0.3,
            station_completion: 0.4,
            room_completion: 0.9,
        };
        for uncertainty in [Uncertainty::default(), yunnan().uncertainty, wide] {
            let distributions = YearDistributions::new(&uncertainty);
            let mut drawn = run_rng(11, 3);
            distributions.draw_year(&plan[0], &mut drawn);
            let mut counted = run_rng(11, 3);
            for _ in 0..10 {
                counted.next_u64();
            }
            assert_eq!(drawn.next_u64(), counted.next_u64(), "{uncertainty:?}");
        }
    }

    #[test]
    fn draws_stay_within_their_spread() {
        let s = yunnan();
        let plan = year_inputs(&s);
        let spread = s.uncertainty.spread_hires;
        assert!(spread > 0.0, "Yunnan's hires are uncertain");
        let (mut lowest, mut highest) = (f64::INFINITY, 0.0_f64);
        for run_index in 0..500 {
            for (drawn, planned) in draw(&plan, &s.uncertainty, 5, run_index).iter().zip(&plan) {
                let factor = drawn.hires / planned.hires;
                lowest = lowest.min(factor);
                highest = highest.max(factor);
            }
        }
        assert!(lowest >= 1.0 - spread && highest <= 1.0 + spread);
        // Thousands of draws come close to both ends of the range.
        assert!(lowest < 1.0 - 0.95 * spread && highest > 1.0 + 0.95 * spread);
    }

    #[test]
    fn drawn_rates_are_capped_at_one() {
        let plan = year_inputs(&yunnan());
        let planned = YearInputs {
            attrition: 0.95,
            pass_senior: 0.95,
            ..plan[0]
        };
        let distributions = YearDistributions::new(&Uncertainty {
            spread_attrition: 0.15,
            spread_pass: 0.15,
            ..Uncertainty::default()
        });
        let mut rng = run_rng(8, 0);
        let drawn: Vec<YearInputs> = (0..1000)
            .map(|_| distributions.draw_year(&planned, &mut rng))
            .collect();
        for rate in [|y: &YearInputs| y.attrition, |y: &YearInputs| y.pass_senior] {
            assert!(drawn.iter().all(|y| rate(y) <= 1.0));
            // Uncapped, 95 % × (1 ± 15 %) passes 100 % in a third of the draws.
            let capped = drawn.iter().filter(|y| rate(y) == 1.0).count();
            assert!((270..380).contains(&capped), "{capped} of 1000 at 100 %");
        }
    }

    #[test]
    fn points_at_the_ends_of_the_cube_draw_the_ends_of_the_ranges() {
        let s = yunnan();
        let plan = year_inputs(&s);
        let u = &s.uncertainty;
        let at = |point: f64| draw_at(&plan, u, &vec![point; plan.len() * DRAWS_PER_YEAR]);
        let (low, high) = (at(0.0), at(1.0));
        assert_eq!(low[0].hires, plan[0].hires * (1.0 - u.spread_hires));
        assert_eq!(high[0].hires, plan[0].hires * (1.0 + u.spread_hires));
        let (least, most) = completion_bounds(u.room_completion);
        assert_eq!(
            (low[3].room_completion, high[3].room_completion),
            (least, most)
        );
        // Every seeded draw lies between the two.
        for run_index in 0..200 {
            let drawn = draw(&plan, u, 3, run_index);
            for ((d, l), h) in drawn.iter().zip(&low).zip(&high) {
                assert!(l.hires <= d.hires && d.hires <= h.hires);
                assert!(l.attrition <= d.attrition && d.attrition <= h.attrition);
                assert!(l.station_completion <= d.station_completion);
            }
        }
    }

    #[test]
    fn runs_are_clamped_to_the_supported_range() {
        assert_eq!(Settings::clamped(5, 0).runs, RUNS_RANGE.0);
        assert_eq!(Settings::clamped(1_000_000, 0).runs, RUNS_RANGE.1);
    }
}
