//! Inverse planning: the least value of one lever that meets a target by its deadline, for the
//! plan itself or at a chosen confidence under uncertainty.
//!
//! The lever is set to a constant for every year (as `--set` does) and searched on a grid: whole
//! people or units for counts, 0.1 % for rates. The answer is the least grid value that meets
//! the target, so one step below it does not.

use serde::{Deserialize, Serialize};

use super::montecarlo::{probabilities, Settings};
use super::params::{self, Kind, Shape, Unit};
use super::scenario::Scenario;
use super::simulate::simulate;
use super::targets::{Goal, Metric, Target};
use super::validate::ValidationErrors;
use super::verdict::evaluate;

/// The largest yearly count the search tries before it calls a target out of reach.
const COUNT_LIMIT: f64 = 10_000_000.0;
/// Grid step of rate levers (0.1 %).
const RATE_STEP: f64 = 0.001;

/// The question: which lever, for which target, at what confidence (none for the plan itself).
#[derive(Clone, Debug)]
pub struct Question<'a> {
    pub target: &'a Target,
    pub lever: &'static str,
    /// `Some((confidence, settings))` to ask for the value that meets the target in at least
    /// that share of Monte Carlo trajectories.
    pub confidence: Option<(f64, Settings)>,
}

/// The answer, as `swplan seek --format json` prints it (and the worker sends it back).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Answer {
    pub target: Metric,
    pub threshold: f64,
    pub deadline: i32,
    pub lever: &'static str,
    /// The least lever value that meets the target; `None` when no value does.
    pub value: Option<f64>,
    /// The lever's current value (its first-year value for a schedule).
    pub current: f64,
    pub feasible: bool,
    /// The confidence asked for, if any.
    pub confidence: Option<f64>,
    /// Why no value works, when none does.
    pub reason: Option<Infeasible>,
}

/// Why no value of the lever meets the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Infeasible {
    /// The deadline is the base year: nothing done from now on can count.
    DeadlineAtBaseYear,
    /// Even a 100 % rate is not enough.
    RateWouldExceedFull,
    /// No value up to a very large one is enough: the lever does not drive this target, or the
    /// target lies beyond a ceiling (e.g. coverage of more townships than exist).
    OutOfReach,
}

/// Why the question cannot be asked at all.
#[derive(Clone, Debug, PartialEq)]
pub enum SeekError {
    /// The key is not a yearly policy lever.
    NotALever(String),
    /// The lever does not drive the target's figure (hiring does not build rooms): any value
    /// would "meet" it or none would, which answers nothing.
    NotADriver {
        lever: &'static str,
        metric: Metric,
    },
    /// The target is a ceiling (the budget): no lever is raised to stay under it.
    Ceiling(Metric),
    Invalid(ValidationErrors),
}

/// The levers a planner can solve for: the yearly policy levers.
pub fn seekable_levers() -> Vec<&'static str> {
    params::PARAMS
        .iter()
        .filter(|p| p.kind == Kind::Lever && p.shape == Shape::Yearly)
        .map(|p| p.key)
        .collect()
}

/// The yearly levers that drive a figure, the natural one first: what "what it takes" offers.
/// A lever that moves the figure only through a cap (hiring lifts certification only when
/// the cap binds) is not a driver.
pub fn drivers(metric: Metric) -> &'static [&'static str] {
    match metric {
        Metric::Talent => &["hires"],
        Metric::Certified => &[
            "candidates_junior",
            "pass_junior",
            "candidates_mid",
            "pass_mid",
        ],
        Metric::CertifiedJunior => &["candidates_junior", "pass_junior"],
        Metric::CertifiedMid => &["candidates_mid", "pass_mid"],
        Metric::CertifiedSenior => &["candidates_senior", "pass_senior"],
        Metric::Institutions => &["institutions_per_year"],
        Metric::Stations | Metric::StationCoverage => &["stations_per_year"],
        Metric::DemoStations => &["demo_per_year"],
        Metric::Rooms | Metric::RoomCoverage => &["rooms_per_year"],
        Metric::Positions => &["positions_per_year"],
        // Spending is a ceiling, not something a lever is raised to reach.
        Metric::Budget | Metric::BudgetCumulative | Metric::StaffNeeded => &[],
    }
}

/// The lever a planner would reach for first to move a metric, if any lever drives it.
pub fn natural_lever(metric: Metric) -> Option<&'static str> {
    drivers(metric).first().copied()
}

/// Solves for the least lever value that meets the target.
pub fn seek(scenario: &Scenario, question: &Question) -> Result<Answer, SeekError> {
    let mut search = Search::new(scenario, question)?;
    loop {
        if let Some(answer) = search.step() {
            return Ok(answer);
        }
    }
}

/// A search in progress. Each [`Search::step`] runs the model at one lever value (one Monte
/// Carlo at a confidence level), so the browser can yield between steps and stay responsive.
pub struct Search {
    scenario: Scenario,
    target: Target,
    /// Other targets met now, which the value found must keep met (as planned).
    keep: Vec<Target>,
    /// At a confidence: the other targets whose odds reach it now, which the value found must
    /// keep at that confidence (a lower value that keeps them met only as planned could leave
    /// them at even odds).
    keep_sure: Vec<Target>,
    lever: &'static str,
    confidence: Option<(f64, Settings)>,
    /// Grid step: one person/unit, or 0.1 % for rates.
    grid: f64,
    current: f64,
    phase: Phase,
}

/// Where the search is. Values are grid indices: k people/units or k tenths of a percent.
enum Phase {
    /// Is the target met even at zero?
    Zero,
    /// Rates: is it met at 100 %?
    Full {
        high: u64,
    },
    /// Counts: double until met (or out of reach).
    Expand {
        high: u64,
    },
    /// Met at `high`, not at `low`: halve the gap.
    Bisect {
        low: u64,
        high: u64,
    },
    Done(Answer),
}

impl Search {
    /// Checks the question and the scenario; no model run yet.
    pub fn new(scenario: &Scenario, question: &Question) -> Result<Search, SeekError> {
        let param = params::param(question.lever)
            .filter(|p| p.kind == Kind::Lever && p.shape == Shape::Yearly)
            .ok_or_else(|| SeekError::NotALever(question.lever.to_string()))?;
        if question.target.goal() == Goal::AtMost {
            return Err(SeekError::Ceiling(question.target.metric));
        }
        if !drivers(question.target.metric).contains(&param.key) {
            return Err(SeekError::NotADriver {
                lever: param.key,
                metric: question.target.metric,
            });
        }
        let plan = simulate(scenario).map_err(SeekError::Invalid)?;
        // The targets met now that a lower value must not give up (hiring less can leave too
        // few people to certify): every other "at least" target met as planned.
        let keep = scenario
            .targets
            .iter()
            .filter(|t| *t != question.target && t.goal() == Goal::AtLeast)
            .filter(|t| evaluate(t, &plan).met)
            .cloned()
            .collect();
        let keep_sure = match question.confidence {
            None => Vec::new(),
            Some((confidence, settings)) => {
                let others: Vec<Target> = scenario
                    .targets
                    .iter()
                    .filter(|t| *t != question.target && t.goal() == Goal::AtLeast)
                    .cloned()
                    .collect();
                let odds = probabilities(scenario, &others, settings);
                others
                    .into_iter()
                    .zip(odds)
                    .filter(|(_, odds)| *odds >= confidence)
                    .map(|(target, _)| target)
                    .collect()
            }
        };
        let current = match params::value(scenario, param.key) {
            Some(params::Value::Yearly(y)) => y.first(),
            Some(params::Value::Scalar(v)) => *v,
            None => 0.0,
        };
        Ok(Search {
            scenario: scenario.clone(),
            target: question.target.clone(),
            keep,
            keep_sure,
            lever: param.key,
            confidence: question.confidence,
            grid: if param.unit == Unit::Rate {
                RATE_STEP
            } else {
                1.0
            },
            current,
            phase: Phase::Zero,
        })
    }

    /// Advances the search by at most one model run; returns the answer once there is one.
    pub fn step(&mut self) -> Option<Answer> {
        let next = match self.phase {
            Phase::Done(ref answer) => return Some(answer.clone()),
            Phase::Zero => {
                if self.meets(0) {
                    Phase::Done(self.answer(Some(0.0), None))
                } else if self.target.deadline <= self.scenario.base_year {
                    Phase::Done(self.answer(None, Some(Infeasible::DeadlineAtBaseYear)))
                } else if self.grid < 1.0 {
                    Phase::Full {
                        high: (1.0 / self.grid).round() as u64,
                    }
                } else {
                    // Start from the closed form where the model has one, else the current value.
                    let guess = closed_form(&self.scenario, &self.target, self.lever)
                        .unwrap_or(self.current)
                        .max(1.0);
                    Phase::Expand {
                        high: guess.ceil() as u64,
                    }
                }
            }
            Phase::Full { high } => {
                if self.meets(high) {
                    Phase::Bisect { low: 0, high }
                } else if self.has_no_effect(1.0) {
                    Phase::Done(self.answer(None, Some(Infeasible::OutOfReach)))
                } else {
                    Phase::Done(self.answer(None, Some(Infeasible::RateWouldExceedFull)))
                }
            }
            Phase::Expand { high } => {
                if self.meets(high) {
                    Phase::Bisect { low: 0, high }
                } else if self.at(high.saturating_mul(2)) > COUNT_LIMIT {
                    Phase::Done(self.answer(None, Some(Infeasible::OutOfReach)))
                } else {
                    Phase::Expand {
                        high: high.saturating_mul(2),
                    }
                }
            }
            Phase::Bisect { low, high } if high - low <= 1 => {
                Phase::Done(self.answer(Some(self.at(high)), None))
            }
            Phase::Bisect { low, high } => {
                let middle = low + (high - low) / 2;
                if self.meets(middle) {
                    Phase::Bisect { low, high: middle }
                } else {
                    Phase::Bisect { low: middle, high }
                }
            }
        };
        self.phase = next;
        match &self.phase {
            Phase::Done(answer) => Some(answer.clone()),
            _ => None,
        }
    }

    fn at(&self, k: u64) -> f64 {
        k as f64 * self.grid
    }

    /// The scenario with the lever at `value` in every year.
    fn trial(&self, value: f64) -> Scenario {
        let mut trial = self.scenario.clone();
        // Cannot fail: `lever` is a known key.
        let _ = params::set(&mut trial, self.lever, value);
        trial
    }

    /// Whether the lever at grid value `k` meets the target (as planned or at the confidence
    /// asked) and keeps every target met now met as planned, and at a confidence every target
    /// that reaches it now at it (all read from the same trajectories).
    fn meets(&self, k: u64) -> bool {
        let trial = self.trial(self.at(k));
        let Ok(plan) = simulate(&trial) else {
            return false;
        };
        if !self.keep.iter().all(|t| evaluate(t, &plan).met) {
            return false;
        }
        match self.confidence {
            None => evaluate(&self.target, &plan).met,
            Some((confidence, settings)) => {
                let targets: Vec<Target> = std::iter::once(&self.target)
                    .chain(&self.keep_sure)
                    .cloned()
                    .collect();
                probabilities(&trial, &targets, settings)
                    .into_iter()
                    .all(|odds| odds >= confidence)
            }
        }
    }

    /// Whether the plan's figure at the deadline is the same at `value` as at zero: the lever
    /// does not drive this target at all (as opposed to "not enough").
    fn has_no_effect(&self, value: f64) -> bool {
        let at_deadline = |v: f64| {
            simulate(&self.trial(v))
                .map_or(f64::NAN, |t| evaluate(&self.target, &t).value_at_deadline)
        };
        at_deadline(value) == at_deadline(0.0)
    }

    fn answer(&self, value: Option<f64>, reason: Option<Infeasible>) -> Answer {
        Answer {
            target: self.target.metric,
            threshold: self.target.threshold,
            deadline: self.target.deadline,
            lever: self.lever,
            value,
            current: self.current,
            feasible: value.is_some(),
            confidence: self.confidence.map(|(c, _)| c),
            reason,
        }
    }
}

/// Closed form for talent under constant hiring: the least H with
/// T0·(1−a)ⁿ + H·(1−(1−a)ⁿ)/a ≥ X. A first guess only; the search confirms it.
fn closed_form(scenario: &Scenario, target: &Target, lever: &str) -> Option<f64> {
    if lever != "hires" || target.metric != Metric::Talent {
        return None;
    }
    let n = target.deadline.checked_sub(scenario.base_year)?;
    let a = scenario.assumptions.attrition;
    let t0 = scenario.assumptions.talent;
    let stay = (1.0 - a).powi(n);
    let per_hire = if a > 0.0 {
        (1.0 - stay) / a
    } else {
        f64::from(n)
    };
    (per_hire > 0.0).then(|| ((target.threshold - t0 * stay) / per_hire).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::montecarlo::{probability, Settings};
    use crate::test_presets as presets;

    fn yunnan() -> Scenario {
        presets::default_preset().scenario.clone()
    }

    fn ask(s: &Scenario, target: usize, lever: &'static str, confidence: Option<f64>) -> Answer {
        let question = Question {
            target: &s.targets[target],
            lever,
            confidence: confidence.map(|c| (c, Settings::clamped(300, 1))),
        };
        seek(s, &question).unwrap()
    }

    #[test]
    fn hiring_for_yunnan_matches_the_closed_form() {
        let s = yunnan();
        let answer = ask(&s, 0, "hires", None);
        let exact = closed_form(&s, &s.targets[0], "hires").unwrap();
        assert_eq!(answer.value, Some(exact.ceil()));
        assert_eq!(answer.current, 12_000.0);
        assert!(answer.feasible);
    }

    #[test]
    fn a_search_can_be_stepped_and_agrees_with_seek() {
        let s = yunnan();
        let question = Question {
            target: &s.targets[0],
            lever: "hires",
            confidence: None,
        };
        let mut search = Search::new(&s, &question).unwrap();
        let mut steps = 0;
        let answer = loop {
            steps += 1;
            if let Some(answer) = search.step() {
                break answer;
            }
        };
        assert!(steps > 3, "one model run per step ({steps} steps)");
        assert_eq!(answer, seek(&s, &question).unwrap());
        assert_eq!(
            search.step(),
            Some(answer),
            "a finished search keeps its answer"
        );
    }

    #[test]
    fn confidence_asks_for_more_than_the_plan() {
        let s = yunnan();
        let plan = ask(&s, 0, "hires", None).value.unwrap();
        let sure = ask(&s, 0, "hires", Some(0.8)).value.unwrap();
        assert!(sure > plan, "{sure} > {plan}");
    }

    #[test]
    fn a_pass_rate_that_would_need_to_exceed_full_is_infeasible() {
        let s = yunnan();
        let mut s = s;
        s.targets[0].metric = Metric::Certified;
        s.targets[0].threshold = 1_000_000.0;
        let answer = ask(&s, 0, "pass_junior", None);
        assert_eq!(answer.reason, Some(Infeasible::RateWouldExceedFull));
        assert!(!answer.feasible);
    }

    #[test]
    fn a_lever_that_does_not_drive_the_target_is_refused() {
        let s = yunnan();
        for lever in ["rooms_per_year", "pass_junior"] {
            let question = Question {
                target: &s.targets[0],
                lever,
                confidence: None,
            };
            assert!(
                matches!(
                    Search::new(&s, &question),
                    Err(SeekError::NotADriver { .. })
                ),
                "{lever}"
            );
        }
    }

    #[test]
    fn the_least_value_keeps_every_target_met_now() {
        // Ningxia with more junior candidates than uncertified talent: every hire is soon
        // certified, so the certified target (9,000) needs more hires than talent's (8,000).
        let mut s = presets::by_slug("ningxia").unwrap().scenario.clone();
        s.levers.candidates_junior = crate::Yearly::Constant(20_000.0);
        s.levers.hires = crate::Yearly::Constant(1500.0);
        let target = |metric, threshold| Target {
            metric,
            threshold,
            deadline: 2027,
            source: None,
        };
        s.targets = vec![
            target(Metric::Talent, 8_000.0),
            target(Metric::Certified, 9_000.0),
        ];
        let with = |v: f64| {
            let mut trial = s.clone();
            params::set(&mut trial, "hires", v).unwrap();
            let t = simulate(&trial).unwrap();
            (
                evaluate(&s.targets[0], &t).met,
                evaluate(&s.targets[1], &t).met,
            )
        };
        assert_eq!(with(1500.0), (true, true), "both met now");
        let value = ask(&s, 0, "hires", None).value.unwrap();
        assert_eq!(with(value), (true, true));
        // Just below, talent alone would still be met, but the certified target would fail.
        assert_eq!(with(value - 1.0), (true, false));
    }

    #[test]
    fn a_deadline_at_the_base_year_is_too_near() {
        let mut s = yunnan();
        s.targets[0].deadline = s.base_year;
        let answer = ask(&s, 0, "hires", None);
        assert_eq!(answer.reason, Some(Infeasible::DeadlineAtBaseYear));
    }

    #[test]
    fn an_already_met_target_needs_nothing() {
        let mut s = yunnan();
        s.targets[0].threshold = 1000.0;
        assert_eq!(ask(&s, 0, "hires", None).value, Some(0.0));
    }

    #[test]
    fn every_driver_moves_its_figure() {
        // Yunnan with room to build stations (it starts at full coverage).
        let mut s = yunnan();
        s.assumptions.stations = 100.0;
        let base = simulate(&s).unwrap();
        let end = s.end_year;
        for metric in Metric::targetable() {
            for lever in drivers(metric) {
                let mut raised = s.clone();
                let current = match params::value(&s, lever) {
                    Some(params::Value::Yearly(y)) => y.first(),
                    _ => unreachable!("drivers are yearly levers"),
                };
                let unit = params::param(lever).map(|p| p.unit);
                let higher = if unit == Some(Unit::Rate) {
                    (current + 0.2).min(1.0)
                } else {
                    current * 2.0 + 100.0
                };
                params::set(&mut raised, lever, higher).unwrap();
                let moved = simulate(&raised).unwrap();
                let at = |t: &crate::Trajectory| metric.value(t.row(end).unwrap());
                assert!(
                    at(&moved) > at(&base),
                    "{lever} should raise {} ({} → {})",
                    metric.key(),
                    at(&base),
                    at(&moved)
                );
            }
        }
    }

    #[test]
    fn a_budget_ceiling_is_not_sought() {
        let mut s = yunnan();
        s.targets[0].metric = Metric::BudgetCumulative;
        let question = Question {
            target: &s.targets[0],
            lever: "hires",
            confidence: None,
        };
        assert_eq!(
            seek(&s, &question).unwrap_err(),
            SeekError::Ceiling(Metric::BudgetCumulative)
        );
    }

    #[test]
    fn non_levers_are_refused_with_the_list_of_levers() {
        let s = yunnan();
        let question = Question {
            target: &s.targets[0],
            lever: "attrition",
            confidence: None,
        };
        let err = seek(&s, &question).unwrap_err();
        assert_eq!(err, SeekError::NotALever("attrition".into()));
    }

    #[test]
    fn at_a_confidence_the_other_targets_met_now_keep_that_confidence() {
        // Ningxia building 1,000 rooms every year: both room targets are sure now. The least
        // yearly rooms that gives the rooms target 90 % odds alone (578) would leave the
        // coverage target at even odds; the answer keeps it at 90 % too.
        let mut s = presets::by_slug("ningxia").unwrap().scenario.clone();
        s.levers.rooms_per_year = crate::Yearly::Constant(1000.0);
        let settings = Settings::default();
        let index = |metric| s.targets.iter().position(|t| t.metric == metric).unwrap();
        let (rooms, cover) = (index(Metric::Rooms), index(Metric::RoomCoverage));
        let odds = |value: f64, target: usize| {
            let mut trial = s.clone();
            params::set(&mut trial, "rooms_per_year", value).unwrap();
            probability(&trial, &s.targets[target], settings)
        };
        assert!(odds(1000.0, cover) >= 0.9, "sure now");
        let question = Question {
            target: &s.targets[rooms],
            lever: "rooms_per_year",
            confidence: Some((0.9, settings)),
        };
        let value = seek(&s, &question).unwrap().value.unwrap();
        assert!(value >= 593.0, "{value}");
        assert!(odds(value, rooms) >= 0.9 && odds(value, cover) >= 0.9);
        assert!(odds(value - 1.0, cover) < 0.9, "the least such value");
    }
}
