//! The cheapest plan and the sensitivity analysis as background jobs: what travels to and from
//! the worker (plain serde values), the problem a planner's choices make, and the runners that
//! step the engine's work so the worker can report progress and stop between steps.
//!
//! The model's own types travel as they are where they can (`optimise::Outcome`,
//! `sensitivity::TargetShares`); where they cannot (an error holding validation errors, a
//! tornado naming its parameters by `&'static str`), a travelling copy stands in.

use serde::{Deserialize, Serialize};

use swplan_engine::optimise::{
    Lever, OptimiseError, Optimiser, Outcome as Optimised, Phase, Problem,
};
use swplan_engine::sensitivity::{
    tornadoes, Estimation, SobolSettings, SwingRange, TargetShares, Tornado,
};
use swplan_engine::Scenario;

/// Why the optimiser could not take the problem, as it travels ([`OptimiseError`] without the
/// validation errors, which the page shows beside their fields already).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OptimiseRefusal {
    InvalidScenario,
    NoLevers,
    NoTargets,
    UnknownTarget(usize),
    DuplicateTarget(usize),
    DuplicateLever(Lever),
    BadBounds { lever: Lever, year: i32 },
    BadCosts,
    BadGoal,
    DeadlineAtBaseYear(usize),
    BadConfidence,
    TooManyScenarios { decisions: usize },
    SolverFailed,
}

impl From<OptimiseError> for OptimiseRefusal {
    fn from(error: OptimiseError) -> OptimiseRefusal {
        use OptimiseError as E;
        use OptimiseRefusal as R;
        match error {
            E::Invalid(_) => R::InvalidScenario,
            E::NoLevers => R::NoLevers,
            E::NoTargets => R::NoTargets,
            E::UnknownTarget(i) => R::UnknownTarget(i),
            E::DuplicateTarget(i) => R::DuplicateTarget(i),
            E::DuplicateLever(lever) => R::DuplicateLever(lever),
            E::BadBounds { lever, year } => R::BadBounds { lever, year },
            E::BadCosts => R::BadCosts,
            E::BadGoal => R::BadGoal,
            E::DeadlineAtBaseYear(i) => R::DeadlineAtBaseYear(i),
            E::BadConfidence => R::BadConfidence,
            E::TooManyScenarios { decisions } => R::TooManyScenarios { decisions },
            E::SolverFailed => R::SolverFailed,
        }
    }
}

/// One bar of a tornado, as it travels: the parameter by its key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TornadoBar {
    /// The parameter's registry key (`hires`, `attrition`, `room_completion`…).
    pub key: String,
    pub range: SwingRange,
    pub value_at_low: Option<f64>,
    pub value_at_high: Option<f64>,
    pub swing: f64,
}

/// The tornado of one target, widest swing first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetTornado {
    /// Index into the scenario's targets.
    pub target: usize,
    /// The target's value at its deadline in the plan run (`None` past the table's years).
    pub base: Option<f64>,
    pub bars: Vec<TornadoBar>,
}

impl From<Tornado> for TargetTornado {
    fn from(t: Tornado) -> TargetTornado {
        TargetTornado {
            target: t.target,
            base: t.base.is_finite().then_some(t.base),
            bars: t
                .bars
                .into_iter()
                .map(|b| TornadoBar {
                    key: b.key.to_string(),
                    range: b.range,
                    value_at_low: b.value_at_low,
                    value_at_high: b.value_at_high,
                    swing: b.swing,
                })
                .collect(),
        }
    }
}

impl TargetTornado {
    /// The bars that move the target at all (a factor that cannot move it is no answer to
    /// "which matters most").
    pub fn moving_bars(&self) -> impl Iterator<Item = &TornadoBar> {
        self.bars.iter().filter(|b| b.swing > 0.0)
    }
}

/// Which lever and assumption matters most, per target of the scenario, in its order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sensitivity {
    pub tornadoes: Vec<TargetTornado>,
    /// First-order and total variance shares of each source of uncertainty.
    pub shares: Vec<TargetShares>,
    /// The Sobol points the shares were estimated on.
    pub points: usize,
}

/// The sensitivity analysis of one scenario.
pub fn sensitivity(scenario: &Scenario, settings: SobolSettings) -> Option<Sensitivity> {
    let mut run = SensitivityRun::new(scenario, settings)?;
    loop {
        if let Some(done) = run.step(usize::MAX) {
            return Some(done);
        }
    }
}

/// Units of work the optimiser's progress is reported in, over all its phases.
pub const OPTIMISE_PROGRESS_UNITS: usize = 1_000;

/// An optimisation under way, stepped by the worker.
pub struct OptimiseRun {
    optimiser: Optimiser,
    /// The furthest progress reported: a second linearisation starts sampling again, but the
    /// bar never goes back.
    reported: usize,
}

impl OptimiseRun {
    pub fn new(scenario: &Scenario, problem: &Problem) -> Result<OptimiseRun, OptimiseRefusal> {
        let optimiser = Optimiser::new(scenario, problem)?;
        Ok(OptimiseRun {
            optimiser,
            reported: 0,
        })
    }

    /// One step of the optimiser: the outcome when done, an error if it failed.
    pub fn step(&mut self) -> Result<Option<Optimised>, OptimiseRefusal> {
        self.optimiser.step().map_err(OptimiseRefusal::from)
    }

    /// Progress in [`OPTIMISE_PROGRESS_UNITS`]: sampling 0–40 %, solving to 50 %, measuring
    /// the odds to 80 %, explaining to 100 %.
    pub fn progress(&mut self) -> usize {
        let p = self.optimiser.progress();
        let share = |done: usize, total: usize| {
            if total == 0 {
                1.0
            } else {
                (done as f64 / total as f64).min(1.0)
            }
        };
        let (start, width) = match p.phase {
            Phase::Sampling => (0.0, 0.4),
            Phase::Solving => (0.4, 0.1),
            Phase::Checking => (0.5, 0.3),
            Phase::Explaining => (0.8, 0.2),
            Phase::Done => (1.0, 0.0),
        };
        let units = ((start + width * share(p.done, p.total)) * OPTIMISE_PROGRESS_UNITS as f64)
            .floor() as usize;
        self.reported = self.reported.max(units.min(OPTIMISE_PROGRESS_UNITS - 1));
        self.reported
    }
}

/// Sobol points per unit of sensitivity work.
const POINTS_PER_UNIT: usize = 16;

/// A sensitivity analysis under way: the tornadoes first (one unit), then the variance shares
/// point by point.
pub struct SensitivityRun {
    scenario: Scenario,
    tornadoes: Option<Vec<TargetTornado>>,
    estimation: Estimation,
}

impl SensitivityRun {
    /// `None` when the scenario does not validate.
    pub fn new(scenario: &Scenario, settings: SobolSettings) -> Option<SensitivityRun> {
        let estimation = Estimation::new(scenario, settings).ok()?;
        Some(SensitivityRun {
            scenario: scenario.clone(),
            tornadoes: None,
            estimation,
        })
    }

    /// Does up to `units` of work; the analysis when complete.
    pub fn step(&mut self, units: usize) -> Option<Sensitivity> {
        let mut units = units.max(1);
        if self.tornadoes.is_none() {
            let found = tornadoes(&self.scenario).unwrap_or_default();
            self.tornadoes = Some(found.into_iter().map(TargetTornado::from).collect());
            units -= 1;
        }
        let points = units.saturating_mul(POINTS_PER_UNIT);
        if points > 0 {
            self.estimation.advance(points);
        }
        if !self.estimation.is_complete() {
            return None;
        }
        Some(Sensitivity {
            tornadoes: self.tornadoes.clone().unwrap_or_default(),
            shares: self.estimation.shares(),
            points: self.estimation.progress().1,
        })
    }

    /// Units done and in all.
    pub fn progress(&self) -> (usize, usize) {
        let (done, points) = self.estimation.progress();
        let first = usize::from(self.tornadoes.is_some());
        (
            first + done / POINTS_PER_UNIT,
            1 + points.div_ceil(POINTS_PER_UNIT),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;
    use swplan_engine::sensitivity::variance_shares;

    fn scenario(slug: &str) -> Scenario {
        presets::by_slug(slug).unwrap().scenario.clone()
    }

    #[test]
    fn the_stepped_sensitivity_equals_the_model_s_in_one_go() {
        let s = scenario("yunnan");
        let settings = SobolSettings {
            points: 64,
            seed: 3,
        };
        let found = sensitivity(&s, settings).unwrap();
        let expected: Vec<TargetTornado> = tornadoes(&s)
            .unwrap()
            .into_iter()
            .map(TargetTornado::from)
            .collect();
        assert_eq!(found.tornadoes, expected);
        assert_eq!(found.shares, variance_shares(&s, settings).unwrap());
        assert_eq!(found.points, 64);
    }

    #[test]
    fn sensitivity_progress_grows_to_its_total() {
        let s = scenario("ningxia");
        let settings = SobolSettings {
            points: 64,
            seed: 1,
        };
        let mut run = SensitivityRun::new(&s, settings).unwrap();
        let (_, total) = run.progress();
        let mut last = 0;
        while run.step(1).is_none() {
            let (done, t) = run.progress();
            assert!(done > last && t == total, "{done}/{t}");
            last = done;
        }
        assert_eq!(total, 1 + 64 / POINTS_PER_UNIT);
    }

    #[test]
    fn a_refusal_travels_as_json() {
        let refusal = OptimiseRefusal::BadBounds {
            lever: Lever::Hires,
            year: 2024,
        };
        let text = serde_json::to_string(&refusal).unwrap();
        assert_eq!(
            serde_json::from_str::<OptimiseRefusal>(&text).unwrap(),
            refusal
        );
    }

    #[test]
    fn only_moving_bars_answer_which_matters() {
        let s = scenario("yunnan");
        let t = TargetTornado::from(tornadoes(&s).unwrap().remove(0));
        assert!(t.moving_bars().all(|b| b.swing > 0.0));
        assert!(t.moving_bars().count() < t.bars.len());
        assert!(t.moving_bars().any(|b| b.key == "hires"));
    }
}
