//! Work that may take longer than a frame — the Monte Carlo of a plan, "what it takes" at a
//! confidence level — as jobs that advance a little at a time. The browser runs them in a Web
//! Worker, and on the page itself in short slices when no worker can start; both run this same
//! code (and the same slice-and-yield loop, `swplan_web::drive`). Jobs and outcomes are plain serde
//! values: they travel to and from the worker as JSON.

use serde::{Deserialize, Serialize};

use crate::analysis::{
    OptimiseRefusal, OptimiseRun, Sensitivity, SensitivityRun, OPTIMISE_PROGRESS_UNITS,
};
use swplan_engine::backtest::{backtest, Backtest, BacktestRefusal};
use swplan_engine::calibrate::{calibrate, Calibration, Lever, Refusal as FitRefusal};
use swplan_engine::montecarlo::{probabilities, Accumulator, Settings, Summary};
use swplan_engine::optimise::{Outcome as Optimised, Problem};
use swplan_engine::seek::{Answer, Question, Search, SeekError};
use swplan_engine::sensitivity::SobolSettings;
use swplan_engine::simulate::{year_inputs, Start, YearInputs};
use swplan_engine::{evaluate, simulate, validate, Scenario, Target};

/// A piece of work.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// Bands, odds and first-year distributions of a valid scenario.
    MonteCarlo {
        scenario: Scenario,
        settings: Settings,
    },
    /// The least value of `lever` that meets `target` (at `confidence`, or as planned).
    Seek {
        scenario: Scenario,
        target: Target,
        lever: String,
        confidence: Option<f64>,
        settings: Settings,
    },
    /// The cheapest plan that meets the problem's targets (`swplan_engine::optimise`).
    Optimise {
        scenario: Scenario,
        problem: Problem,
    },
    /// Tornadoes and variance shares of every target (`swplan_engine::sensitivity`).
    Sensitivity {
        scenario: Scenario,
        settings: SobolSettings,
    },
    /// Bands and odds of a re-projection: every run starts from `start`, the state at the
    /// latest actual figures (`swplan_engine::reproject`).
    MonteCarloFrom {
        scenario: Scenario,
        settings: Settings,
        start: Start,
    },
    /// The levers fitted to the plan's actual figures (least squares; a few milliseconds).
    Calibrate {
        scenario: Scenario,
        levers: Vec<Lever>,
    },
    /// A back-test: the plan based in `base_year`, fitted up to `cutoff`, projected after it.
    Backtest {
        scenario: Scenario,
        levers: Vec<Lever>,
        base_year: i32,
        cutoff: i32,
    },
}

/// What a job gives back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Summary(Summary),
    Answer(SeekAnswer),
    Optimised(Box<Optimised>),
    /// The optimiser refused the problem (worded by `swplan_words::optimiser`).
    OptimiseRefused(OptimiseRefusal),
    /// `None` when the scenario does not validate.
    Sensitivity(Option<Box<Sensitivity>>),
    /// Boxed, as the back-test: their reports are many times the size of the other outcomes.
    Calibration(Box<Result<Calibration, FitRefusal>>),
    Backtest(Box<Result<Backtest, BacktestRefusal>>),
    /// The job could not be started (an invalid scenario, an unknown lever): the caller checks
    /// these before asking, so this names a programming error, never a planner's; it is still
    /// worded for the planner (`swplan_words::messages::refusal_message`).
    Refused(Refusal),
}

/// Why a job could not start, as it travels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Refusal {
    /// The key is not a yearly policy lever.
    NotALever(String),
    /// The lever does not drive the target's figure.
    NotADriver {
        lever: String,
        metric: swplan_engine::Metric,
    },
    /// The target is a ceiling, which no lever is raised to keep.
    Ceiling(swplan_engine::Metric),
    /// The scenario has invalid values.
    InvalidScenario,
}

impl From<SeekError> for Refusal {
    fn from(error: SeekError) -> Refusal {
        match error {
            SeekError::NotALever(key) => Refusal::NotALever(key),
            SeekError::NotADriver { lever, metric } => Refusal::NotADriver {
                lever: lever.to_string(),
                metric,
            },
            SeekError::Ceiling(metric) => Refusal::Ceiling(metric),
            SeekError::Invalid(_) => Refusal::InvalidScenario,
        }
    }
}

/// What applying a proposed value does to one target of the plan, as planned, and for an
/// answer at a confidence its odds.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Effect {
    pub metric: swplan_engine::Metric,
    pub deadline: i32,
    pub met_before: bool,
    pub met_after: bool,
    /// The odds of meeting the target before and after, when the answer is at a confidence.
    #[serde(default)]
    pub odds: Option<Odds>,
}

/// The share of Monte Carlo trajectories that meet a target, before and after a change.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Odds {
    pub before: f64,
    pub after: f64,
}

/// Every target's verdict before and after setting `lever` to `value` (a schedule becomes that
/// value every year), as planned, and with `odds` (the Monte Carlo settings) their odds too;
/// empty when the plan with that value is not valid.
pub fn effects(
    scenario: &Scenario,
    lever: &str,
    value: f64,
    odds: Option<Settings>,
) -> Vec<Effect> {
    let Ok(before) = simulate(scenario) else {
        return Vec::new();
    };
    let mut trial = scenario.clone();
    if swplan_engine::params::set(&mut trial, lever, value).is_err() {
        return Vec::new();
    }
    let Ok(after) = simulate(&trial) else {
        return Vec::new();
    };
    let odds: Vec<Option<Odds>> = match odds {
        Some(settings) => {
            let before = probabilities(scenario, &scenario.targets, settings);
            let after = probabilities(&trial, &scenario.targets, settings);
            before
                .into_iter()
                .zip(after)
                .map(|(before, after)| Some(Odds { before, after }))
                .collect()
        }
        None => vec![None; scenario.targets.len()],
    };
    scenario
        .targets
        .iter()
        .zip(odds)
        .map(|(target, odds)| Effect {
            metric: target.metric,
            deadline: target.deadline,
            met_before: evaluate(target, &before).met,
            met_after: evaluate(target, &after).met,
            odds,
        })
        .collect()
}

/// A "what it takes" answer as it travels: the lever by its key (the model's `Answer` borrows
/// the registry's `&'static str`, which JSON cannot give back).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeekAnswer {
    pub target: swplan_engine::Metric,
    pub threshold: f64,
    pub deadline: i32,
    pub lever: String,
    pub value: Option<f64>,
    pub current: f64,
    pub feasible: bool,
    pub confidence: Option<f64>,
    pub reason: Option<swplan_engine::seek::Infeasible>,
    /// What the value found does to every target of the plan, as planned (none when no value
    /// was found).
    pub effects: Vec<Effect>,
}

impl SeekAnswer {
    /// The answer to a question about `scenario`, with the value's effect on every target (and
    /// for an answer at a confidence, on its odds, with the search's `settings`).
    pub fn of(a: Answer, scenario: &Scenario, settings: Option<Settings>) -> SeekAnswer {
        let odds = settings.filter(|_| a.confidence.is_some());
        let effects = a
            .value
            .map(|value| effects(scenario, a.lever, value, odds))
            .unwrap_or_default();
        SeekAnswer {
            target: a.target,
            threshold: a.threshold,
            deadline: a.deadline,
            lever: a.lever.to_string(),
            value: a.value,
            current: a.current,
            feasible: a.feasible,
            confidence: a.confidence,
            reason: a.reason,
            effects,
        }
    }

    /// The model's answer again; `None` for a lever this build does not know.
    pub fn answer(&self) -> Option<Answer> {
        Some(Answer {
            target: self.target,
            threshold: self.threshold,
            deadline: self.deadline,
            lever: swplan_engine::params::param(&self.lever)?.key,
            value: self.value,
            current: self.current,
            feasible: self.feasible,
            confidence: self.confidence,
            reason: self.reason,
        })
    }
}

/// An outcome that can travel as JSON: a fit refused because its scenario is invalid (which
/// carries the model's validation errors, not sent) becomes the refusal of an invalid scenario.
fn travelling(outcome: Outcome) -> Outcome {
    match &outcome {
        Outcome::Calibration(fit) if matches!(**fit, Err(FitRefusal::Invalid(_))) => {
            Outcome::Refused(Refusal::InvalidScenario)
        }
        Outcome::Backtest(test)
            if matches!(**test, Err(BacktestRefusal::Fit(FitRefusal::Invalid(_)))) =>
        {
            Outcome::Refused(Refusal::InvalidScenario)
        }
        _ => outcome,
    }
}

/// How far a job is.
#[derive(Clone, Debug, PartialEq)]
pub enum Progress {
    /// `done` of `total` units (trajectories, or model runs of a search).
    Working {
        done: usize,
        total: usize,
    },
    Done(Outcome),
}

/// A job under way.
pub struct Runner {
    kind: Kind,
}

enum Kind {
    MonteCarlo {
        scenario: Box<Scenario>,
        plan: Vec<YearInputs>,
        accumulator: Accumulator,
        total: usize,
    },
    Seek {
        search: Box<Search>,
        scenario: Box<Scenario>,
        /// The Monte Carlo settings, for the odds in an answer at a confidence.
        settings: Settings,
        steps: usize,
    },
    Optimise(Box<OptimiseRun>),
    Sensitivity(Box<SensitivityRun>),
    Finished(Option<Outcome>),
}

/// Trajectories per unit of Monte Carlo work.
const TRAJECTORIES_PER_UNIT: usize = 25;

impl Runner {
    pub fn start(job: Job) -> Runner {
        let kind = match job {
            Job::MonteCarlo { scenario, settings } => {
                let plan = year_inputs(&scenario);
                let accumulator = Accumulator::new(&scenario, settings);
                Kind::MonteCarlo {
                    scenario: Box::new(scenario),
                    plan,
                    accumulator,
                    total: settings.runs,
                }
            }
            Job::Seek {
                scenario,
                target,
                lever,
                confidence,
                settings,
            } => {
                let lever = swplan_engine::params::param(&lever).map_or("", |p| p.key);
                let question = Question {
                    target: &target,
                    lever,
                    confidence: confidence.map(|c| (c, settings)),
                };
                match Search::new(&scenario, &question) {
                    Ok(search) => Kind::Seek {
                        search: Box::new(search),
                        scenario: Box::new(scenario.clone()),
                        settings,
                        steps: 0,
                    },
                    Err(error) => Kind::Finished(Some(Outcome::Refused(error.into()))),
                }
            }
            Job::Optimise { scenario, problem } => match OptimiseRun::new(&scenario, &problem) {
                Ok(run) => Kind::Optimise(Box::new(run)),
                Err(refusal) => Kind::Finished(Some(Outcome::OptimiseRefused(refusal))),
            },
            Job::Sensitivity { scenario, settings } => {
                match SensitivityRun::new(&scenario, settings) {
                    Some(run) => Kind::Sensitivity(Box::new(run)),
                    None => Kind::Finished(Some(Outcome::Sensitivity(None))),
                }
            }
            Job::MonteCarloFrom {
                scenario,
                settings,
                start,
            } => match validate(&scenario) {
                Ok(()) => Kind::MonteCarlo {
                    plan: year_inputs(&scenario),
                    accumulator: Accumulator::from_start(&scenario, settings, start),
                    scenario: Box::new(scenario),
                    total: settings.runs,
                },
                Err(_) => Kind::Finished(Some(Outcome::Refused(Refusal::InvalidScenario))),
            },
            // A fit is a few hundred model runs at most: done in one go.
            Job::Calibrate { scenario, levers } => {
                Kind::Finished(Some(match validate(&scenario) {
                    Ok(()) => travelling(Outcome::Calibration(Box::new(calibrate(
                        &scenario,
                        &scenario.actuals,
                        &levers,
                    )))),
                    Err(_) => Outcome::Refused(Refusal::InvalidScenario),
                }))
            }
            Job::Backtest {
                scenario,
                levers,
                base_year,
                cutoff,
            } => Kind::Finished(Some(match validate(&scenario) {
                Ok(()) => travelling(Outcome::Backtest(Box::new(backtest(
                    &scenario,
                    &scenario.actuals,
                    &levers,
                    base_year,
                    cutoff,
                )))),
                Err(_) => Outcome::Refused(Refusal::InvalidScenario),
            })),
        };
        Runner { kind }
    }

    /// Does up to `units` of work (a unit is a few trajectories, or one model run of a search).
    pub fn advance(&mut self, units: usize) -> Progress {
        match &mut self.kind {
            Kind::MonteCarlo {
                scenario,
                plan,
                accumulator,
                total,
            } => {
                accumulator.advance(scenario, plan, units * TRAJECTORIES_PER_UNIT);
                if accumulator.is_complete() {
                    let total = *total;
                    let done = std::mem::replace(&mut self.kind, Kind::Finished(None));
                    if let Kind::MonteCarlo { accumulator, .. } = done {
                        return Progress::Done(Outcome::Summary(accumulator.summary()));
                    }
                    return Progress::Working { done: total, total };
                }
                Progress::Working {
                    done: accumulator.done(),
                    total: *total,
                }
            }
            Kind::Seek {
                search,
                scenario,
                settings,
                steps,
            } => {
                for _ in 0..units.max(1) {
                    *steps += 1;
                    if let Some(answer) = search.step() {
                        let answer = SeekAnswer::of(answer, scenario, Some(*settings));
                        self.kind = Kind::Finished(None);
                        return Progress::Done(Outcome::Answer(answer));
                    }
                }
                // A search runs some twenty to forty models; say how far it is by its steps.
                Progress::Working {
                    done: *steps,
                    total: (*steps + 1).max(30),
                }
            }
            Kind::Optimise(run) => {
                // One unit is one step of the optimiser: a chunk of futures, one solve, a
                // thousand fresh checks or one re-solve.
                for _ in 0..units.max(1) {
                    match run.step() {
                        Ok(None) => {}
                        Ok(Some(found)) => {
                            self.kind = Kind::Finished(None);
                            return Progress::Done(Outcome::Optimised(Box::new(found)));
                        }
                        Err(refusal) => {
                            self.kind = Kind::Finished(None);
                            return Progress::Done(Outcome::OptimiseRefused(refusal));
                        }
                    }
                }
                Progress::Working {
                    done: run.progress(),
                    total: OPTIMISE_PROGRESS_UNITS,
                }
            }
            Kind::Sensitivity(run) => match run.step(units) {
                Some(found) => {
                    self.kind = Kind::Finished(None);
                    Progress::Done(Outcome::Sensitivity(Some(Box::new(found))))
                }
                None => {
                    let (done, total) = run.progress();
                    Progress::Working { done, total }
                }
            },
            Kind::Finished(outcome) => match outcome.take() {
                Some(outcome) => Progress::Done(outcome),
                None => Progress::Working { done: 0, total: 0 },
            },
        }
    }

    /// Runs the job to its end at once (tests, the command line).
    pub fn finish(mut self) -> Outcome {
        loop {
            if let Progress::Done(outcome) = self.advance(64) {
                return outcome;
            }
        }
    }
}

/// A request to the worker: a job under an id, or the cancellation of one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    Run { id: u64, job: Box<Job> },
    Cancel { id: u64 },
}

/// A message from the worker about a job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The worker has started and listens: messages sent before this are lost, so the page
    /// holds its requests until it hears it.
    Ready,
    Progress {
        id: u64,
        done: usize,
        total: usize,
    },
    Done {
        id: u64,
        outcome: Outcome,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;
    use swplan_engine::montecarlo::simulate_many;
    use swplan_engine::seek::seek;
    use swplan_engine::Metric;

    fn yunnan() -> Scenario {
        presets::default_preset().scenario.clone()
    }

    #[test]
    fn a_monte_carlo_job_equals_the_direct_run() {
        let settings = Settings::clamped(300, 9);
        let job = Job::MonteCarlo {
            scenario: yunnan(),
            settings,
        };
        let expected = simulate_many(&yunnan(), settings).unwrap();
        assert_eq!(Runner::start(job).finish(), Outcome::Summary(expected));
    }

    #[test]
    fn progress_grows_to_the_total() {
        let mut runner = Runner::start(Job::MonteCarlo {
            scenario: yunnan(),
            settings: Settings::clamped(200, 1),
        });
        let mut last = 0;
        while let Progress::Working { done, total } = runner.advance(1) {
            assert!(done > last && total == 200, "{done}/{total}");
            last = done;
        }
        assert_eq!(last, 175, "the last report before the end");
    }

    #[test]
    fn a_seek_job_equals_the_direct_search() {
        let s = yunnan();
        let settings = Settings::clamped(200, 3);
        let job = Job::Seek {
            scenario: s.clone(),
            target: s.targets[0].clone(),
            lever: "hires".into(),
            confidence: Some(0.8),
            settings,
        };
        let question = Question {
            target: &s.targets[0],
            lever: "hires",
            confidence: Some((0.8, settings)),
        };
        assert_eq!(
            Runner::start(job).finish(),
            Outcome::Answer(SeekAnswer::of(
                seek(&s, &question).unwrap(),
                &s,
                Some(settings)
            ))
        );
    }

    #[test]
    fn a_job_that_cannot_start_is_refused_not_a_panic() {
        let s = yunnan();
        let job = Job::Seek {
            scenario: s.clone(),
            target: s.targets[0].clone(),
            lever: "attrition".into(),
            confidence: None,
            settings: Settings::default(),
        };
        assert_eq!(
            Runner::start(job).finish(),
            Outcome::Refused(Refusal::NotALever("attrition".into()))
        );
    }

    #[test]
    fn an_answer_says_what_its_value_does_to_every_target() {
        let s = crate::presets::by_slug("ningxia").unwrap().scenario.clone();
        let effects = effects(&s, "hires", 20_000.0, None);
        assert_eq!(effects.len(), s.targets.len());
        let talent = effects.iter().find(|e| e.metric == Metric::Talent).unwrap();
        assert!(!talent.met_before && talent.met_after, "{talent:?}");
        // Rooms do not depend on hiring.
        let rooms = effects.iter().find(|e| e.metric == Metric::Rooms).unwrap();
        assert_eq!(rooms.met_before, rooms.met_after);
    }

    fn ningxia_problem() -> (Scenario, Problem) {
        use swplan_engine::optimise::{Costs, Goal, Lever, LeverChoice};
        let s = crate::presets::by_slug("ningxia").unwrap().scenario.clone();
        let problem = Problem {
            levers: vec![LeverChoice::every_year(Lever::Hires, 0.0, 5_000.0)],
            targets: vec![0],
            costs: Costs {
                per_hire: 3_000.0,
                per_candidate: 1_350.0,
                discount_rate: 0.0,
            },
            goal: Goal::LeastCost,
            confidence: None,
            seed: 1,
        };
        (s, problem)
    }

    #[test]
    fn an_optimise_job_equals_the_direct_optimisation() {
        let (s, problem) = ningxia_problem();
        let expected = swplan_engine::optimise::optimise(&s, &problem).unwrap();
        let job = Job::Optimise {
            scenario: s,
            problem,
        };
        assert_eq!(
            Runner::start(job).finish(),
            Outcome::Optimised(Box::new(expected))
        );
    }

    #[test]
    fn optimiser_progress_only_grows() {
        let (s, problem) = ningxia_problem();
        let mut runner = Runner::start(Job::Optimise {
            scenario: s,
            problem,
        });
        let mut last = 0;
        while let Progress::Working { done, total } = runner.advance(1) {
            assert!(done >= last && done < total, "{done}/{total}");
            last = done;
        }
        assert!(last > 0);
    }

    #[test]
    fn a_problem_the_optimiser_refuses_is_refused_not_a_panic() {
        let (s, mut problem) = ningxia_problem();
        problem.levers[0].bounds[0].min = 9_000.0;
        let outcome = Runner::start(Job::Optimise {
            scenario: s.clone(),
            problem,
        })
        .finish();
        assert_eq!(
            outcome,
            Outcome::OptimiseRefused(OptimiseRefusal::BadBounds {
                lever: swplan_engine::optimise::Lever::Hires,
                year: s.base_year + 1
            })
        );
    }

    #[test]
    fn a_sensitivity_job_equals_the_direct_analysis() {
        let s = yunnan();
        let settings = SobolSettings {
            points: 32,
            seed: 5,
        };
        let expected = crate::analysis::sensitivity(&s, settings).unwrap();
        let job = Job::Sensitivity {
            scenario: s,
            settings,
        };
        let outcome = Runner::start(job).finish();
        assert_eq!(outcome, Outcome::Sensitivity(Some(Box::new(expected))));
        let text = serde_json::to_string(&outcome).unwrap();
        assert_eq!(serde_json::from_str::<Outcome>(&text).unwrap(), outcome);
    }

    #[test]
    fn an_answer_at_a_confidence_says_how_the_odds_of_every_target_change() {
        // Ningxia building 1,000 rooms a year; 578 a year gives the rooms target 90 % odds but
        // leaves the coverage target at even odds: the list says so, beside "as planned".
        let mut s = crate::presets::by_slug("ningxia").unwrap().scenario.clone();
        s.levers.rooms_per_year = swplan_engine::Yearly::Constant(1000.0);
        let settings = Settings::default();
        let effects = effects(&s, "rooms_per_year", 578.0, Some(settings));
        let cover = effects
            .iter()
            .find(|e| e.metric == Metric::RoomCoverage)
            .unwrap();
        let odds = cover.odds.unwrap();
        assert!(odds.before >= 0.9 && odds.after < 0.6, "{odds:?}");
        // As planned only, no odds are given.
        assert!(effects_as_planned(&s).iter().all(|e| e.odds.is_none()));
        // And the answer the worker sends carries them.
        let target = s
            .targets
            .iter()
            .find(|t| t.metric == Metric::Rooms)
            .unwrap();
        let question = Question {
            target,
            lever: "rooms_per_year",
            confidence: Some((0.9, settings)),
        };
        let answer = SeekAnswer::of(seek(&s, &question).unwrap(), &s, Some(settings));
        assert!(answer.effects.iter().all(|e| e.odds.is_some()));
        assert!(answer
            .effects
            .iter()
            .all(|e| e.odds.unwrap().after >= 0.9 || e.odds.unwrap().before < 0.9));
    }

    fn effects_as_planned(s: &Scenario) -> Vec<Effect> {
        effects(s, "rooms_per_year", 578.0, None)
    }

    #[test]
    fn requests_and_replies_travel_as_json() {
        let request = Request::Run {
            id: 7,
            job: Box::new(Job::MonteCarlo {
                scenario: yunnan(),
                settings: Settings::clamped(100, 2),
            }),
        };
        let text = serde_json::to_string(&request).unwrap();
        assert_eq!(serde_json::from_str::<Request>(&text).unwrap(), request);
        let outcome = Runner::start(Job::MonteCarlo {
            scenario: yunnan(),
            settings: Settings::clamped(100, 2),
        })
        .finish();
        let reply = Reply::Done { id: 7, outcome };
        let text = serde_json::to_string(&reply).unwrap();
        assert_eq!(serde_json::from_str::<Reply>(&text).unwrap(), reply);
    }
}
