//! The room's statistics: per lever, per target and year by year, over every participant.

use std::collections::HashSet;

use serde::Serialize;

use super::Participant;
use crate::presets::history::same_target;
use swplan_engine::params::{self, Value, PARAMS};
use swplan_engine::{evaluate, Metric, Scenario, Target, Trajectory, Verdict};

/// The spread of one lever across participants.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LeverStats {
    pub key: &'static str,
    /// How many participants changed it.
    pub changed: usize,
    /// Its value in the workshop's baseline.
    pub baseline: f64,
    pub spread: Spread,
    /// Counts per equal-width bin from `spread.min` to `spread.max` (the last bin holds the
    /// maximum); one bin when every value is equal. Between 5 and 8 bins otherwise.
    pub bins: Vec<usize>,
}

/// Smallest, median and largest of a set of numbers.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Spread {
    pub min: f64,
    pub median: f64,
    pub max: f64,
}

/// How the room fares on one target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetStats {
    pub metric: Metric,
    pub threshold: f64,
    pub deadline: i32,
    /// Participants whose years include the deadline.
    pub evaluated: usize,
    /// Of those, how many meet it at the deadline as planned.
    pub met: usize,
    /// `met / evaluated` (0 when none was evaluated).
    pub share_met: f64,
    /// The first years met of those who reach it within their years.
    pub first_year: Option<Spread>,
    /// How many reach it within their years but after the deadline (not for a ceiling).
    pub late: usize,
    /// How many never reach it within their years.
    pub never: usize,
}

/// One metric year by year: every participant's line, their median, and the baseline's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MetricLines {
    pub metric: Metric,
    /// One line per participant (in participant order), aligned with [`Pool::years`];
    /// `None` where the plan does not simulate the year.
    pub participants: Vec<Vec<Option<f64>>>,
    /// The median over the participants that simulate the year.
    pub median: Vec<Option<f64>>,
    /// The workshop's baseline ("no new decisions").
    pub baseline: Vec<Option<f64>>,
}

/// A parameter as one number: its value, or a schedule's mean over the plan's years.
pub(super) fn summary_value(scenario: &Scenario, key: &str) -> f64 {
    match params::value(scenario, key) {
        Some(Value::Scalar(value)) => *value,
        Some(Value::Yearly(yearly)) => {
            let values = yearly.expand(scenario.horizon().max(1));
            values.iter().sum::<f64>() / values.len() as f64
        }
        None => f64::NAN,
    }
}

pub(super) fn lever_stats(baseline: &Scenario, participants: &[Participant]) -> Vec<LeverStats> {
    PARAMS
        .iter()
        .filter_map(|p| {
            let changed = participants
                .iter()
                .filter(|x| x.changed.contains(&p.key))
                .count();
            if changed == 0 {
                return None;
            }
            let values: Vec<f64> = participants
                .iter()
                .map(|x| summary_value(&x.plan.scenario, p.key))
                .collect();
            let spread = spread(&values)?;
            Some(LeverStats {
                key: p.key,
                changed,
                baseline: summary_value(baseline, p.key),
                bins: bins(&values, spread),
                spread,
            })
        })
        .collect()
}

/// Min, median and max; `None` for no numbers. NaN never occurs: plans validate.
pub fn spread(values: &[f64]) -> Option<Spread> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let (min, max) = (*sorted.first()?, *sorted.last()?);
    let middle = sorted.len() / 2;
    let median = if sorted.len() % 2 == 1 {
        sorted[middle]
    } else {
        (sorted[middle - 1] + sorted[middle]) / 2.0
    };
    Some(Spread { min, median, max })
}

/// Counts in equal-width bins over the spread: Sturges' number (⌈log₂ n⌉ + 1) kept within 5–8.
pub fn bins(values: &[f64], spread: Spread) -> Vec<usize> {
    let width = spread.max - spread.min;
    if width <= 0.0 {
        return vec![values.len()];
    }
    let sturges = (values.len() as f64).log2().ceil() as usize + 1;
    let count = sturges.clamp(5, 8);
    let mut counts = vec![0; count];
    for value in values {
        let bin = ((value - spread.min) / width * count as f64) as usize;
        counts[bin.min(count - 1)] += 1;
    }
    counts
}

/// The workshop's targets, then every other target a participant set, each once.
pub(super) fn pooled_targets(
    baseline: Option<&Scenario>,
    participants: &[Participant],
) -> Vec<Target> {
    let mut targets: Vec<Target> = Vec::new();
    let all = baseline
        .into_iter()
        .flat_map(|b| &b.targets)
        .chain(participants.iter().flat_map(|p| &p.plan.scenario.targets));
    for target in all {
        if !targets.iter().any(|t| same_target(t, target)) {
            targets.push(target.clone());
        }
    }
    targets
}

pub(super) fn target_stats(targets: &[Target], participants: &[Participant]) -> Vec<TargetStats> {
    targets
        .iter()
        .map(|target| {
            let verdicts: Vec<Verdict> = participants
                .iter()
                .filter(|p| p.trajectory.row(target.deadline).is_some())
                .map(|p| evaluate(target, &p.trajectory))
                .collect();
            let met = verdicts.iter().filter(|v| v.met).count();
            let first_years: Vec<f64> = verdicts
                .iter()
                .filter_map(|v| v.first_year_met.map(f64::from))
                .collect();
            TargetStats {
                metric: target.metric,
                threshold: target.threshold,
                deadline: target.deadline,
                evaluated: verdicts.len(),
                met,
                share_met: if verdicts.is_empty() {
                    0.0
                } else {
                    met as f64 / verdicts.len() as f64
                },
                first_year: spread(&first_years),
                late: verdicts
                    .iter()
                    .filter(|v| !v.met && v.first_year_met.is_some_and(|y| y > target.deadline))
                    .count(),
                never: verdicts.len() - first_years.len(),
            }
        })
        .collect()
}

pub(super) fn years_of(participants: &[Participant]) -> Vec<i32> {
    let years = participants.iter().flat_map(|p| &p.trajectory.years);
    let first = years.clone().map(|row| row.year).min();
    let last = years.map(|row| row.year).max();
    match (first, last) {
        (Some(first), Some(last)) => (first..=last).collect(),
        _ => Vec::new(),
    }
}

pub(super) fn metric_lines(
    targets: &[Target],
    years: &[i32],
    participants: &[Participant],
    baseline: Option<&Trajectory>,
) -> Vec<MetricLines> {
    let mut metrics: Vec<Metric> = Vec::new();
    let mut seen = HashSet::new();
    for target in targets {
        if seen.insert(target.metric) {
            metrics.push(target.metric);
        }
    }
    let line = |metric: Metric, trajectory: &Trajectory| -> Vec<Option<f64>> {
        years
            .iter()
            .map(|year| trajectory.row(*year).map(|row| metric.value(row)))
            .collect()
    };
    metrics
        .into_iter()
        .map(|metric| {
            let lines: Vec<Vec<Option<f64>>> = participants
                .iter()
                .map(|p| line(metric, &p.trajectory))
                .collect();
            let median = (0..years.len())
                .map(|i| {
                    let values: Vec<f64> = lines.iter().filter_map(|l| l[i]).collect();
                    spread(&values).map(|s| s.median)
                })
                .collect();
            MetricLines {
                metric,
                participants: lines,
                median,
                baseline: baseline.map_or_else(|| vec![None; years.len()], |b| line(metric, b)),
            }
        })
        .collect()
}
