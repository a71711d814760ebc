//! Comparing two to four plans: every input that differs between them, each plan's verdict on
//! every target any of them sets, and each plan's budget. Rows carry parameter keys, metrics and
//! numbers from the registries; the words for a table are in `i18n::compare`.

use serde::Serialize;

use crate::presets::history::same_target as same;
use crate::share::PlanSpec;
use swplan_engine::params::{self, Value, PARAMS};
use swplan_engine::{
    evaluate, simulate, Metric, RegionName, Scenario, Target, Trajectory, ValidationErrors, Verdict,
};

/// The fewest plans a comparison holds.
pub const MIN_PLANS: usize = 2;

/// The most plans a comparison holds: as many as one share link carries.
pub const MAX_PLANS: usize = crate::share::MAX_PLANS;

/// What differs between plans, and how each fares. Every list of values is in plan order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diff {
    /// How many plans were compared.
    pub plans: usize,
    /// Every input that differs, in a fixed order: region name, base year, last year, the
    /// parameters in registry order, the targets, the Monte Carlo settings. Empty when the
    /// plans are the same.
    pub rows: Vec<Row>,
    /// Every target any plan sets, each plan's verdict on it.
    pub targets: Vec<TargetVerdicts>,
    /// Each plan's cumulative budget at its own last year.
    pub budgets: Vec<Budget>,
    /// When the plans end in different years: each one's cumulative budget by the earliest of
    /// their last years, to read budgets like for like.
    pub common_budget: Option<CommonBudget>,
}

impl Diff {
    /// Whether no input differs.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// One input that differs between the plans.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Row {
    RegionName {
        values: Vec<RegionName>,
    },
    BaseYear {
        values: Vec<i32>,
    },
    EndYear {
        values: Vec<i32>,
    },
    /// A parameter of the registry (`key`). `year` is `None` for a single number, and for a
    /// yearly schedule that every plan keeps constant; otherwise it is the one year this row is
    /// about. A value is `None` when the plan does not simulate that year.
    Param {
        key: &'static str,
        year: Option<i32>,
        values: Vec<Option<f64>>,
    },
    Target(TargetRow),
    /// Monte Carlo runs (only when comparing [`PlanSpec`]s).
    Runs {
        values: Vec<usize>,
    },
    /// Monte Carlo seed (only when comparing [`PlanSpec`]s).
    Seed {
        values: Vec<u64>,
    },
}

/// A target that differs: each plan's `n`-th target on `metric`, or `None` when it has fewer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetRow {
    pub metric: Metric,
    pub terms: Vec<Option<Terms>>,
}

/// What a target asks for.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Terms {
    pub threshold: f64,
    pub deadline: i32,
}

/// How a plan's target differs from the first plan's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetChange {
    /// Both have it, with the same terms (always so for the first plan itself).
    Same,
    /// Only this plan has it.
    Added,
    /// Only the first plan has it.
    Removed,
    /// Both have it, with other terms.
    Changed,
    /// Neither has it.
    Absent,
}

impl TargetRow {
    /// How plan `plan`'s target differs from the first plan's.
    pub fn change(&self, plan: usize) -> TargetChange {
        let first = self.terms.first().copied().flatten();
        match (first, self.terms.get(plan).copied().flatten()) {
            (Some(a), Some(b)) if a == b => TargetChange::Same,
            (Some(_), Some(_)) => TargetChange::Changed,
            (None, Some(_)) => TargetChange::Added,
            (Some(_), None) => TargetChange::Removed,
            (None, None) => TargetChange::Absent,
        }
    }
}

/// One target (of any plan) and each plan's verdict on it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetVerdicts {
    pub metric: Metric,
    pub threshold: f64,
    pub deadline: i32,
    /// Whether the target is among the plan's own.
    pub in_plan: Vec<bool>,
    /// The plan's verdict; `None` when the deadline lies outside the plan's years.
    pub verdicts: Vec<Option<Verdict>>,
}

/// A plan's spending over its whole horizon.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Budget {
    pub end_year: i32,
    /// Cumulative budget at the end of `end_year` (元).
    pub cumulative: f64,
}

/// Each plan's cumulative budget by the same year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CommonBudget {
    pub year: i32,
    /// `None` when the plan starts after that year.
    pub cumulative: Vec<Option<f64>>,
}

/// Why plans cannot be compared.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareError {
    /// Fewer than [`MIN_PLANS`] or more than [`MAX_PLANS`] plans.
    PlanCount { given: usize },
    /// A plan has invalid values (`plan` counts from 0).
    Invalid {
        plan: usize,
        errors: ValidationErrors,
    },
}

/// Compares two to four scenarios: what differs, each plan's verdicts and budget.
pub fn diff(plans: &[&Scenario]) -> Result<Diff, CompareError> {
    if !(MIN_PLANS..=MAX_PLANS).contains(&plans.len()) {
        return Err(CompareError::PlanCount { given: plans.len() });
    }
    let trajectories = plans
        .iter()
        .enumerate()
        .map(|(plan, scenario)| {
            simulate(scenario).map_err(|errors| CompareError::Invalid { plan, errors })
        })
        .collect::<Result<Vec<Trajectory>, CompareError>>()?;

    let mut rows = Vec::new();
    if !all_equal(plans.iter().map(|s| &s.name)) {
        let values = plans.iter().map(|s| s.name.clone()).collect();
        rows.push(Row::RegionName { values });
    }
    let base_years: Vec<i32> = plans.iter().map(|s| s.base_year).collect();
    if !all_equal(base_years.iter()) {
        rows.push(Row::BaseYear { values: base_years });
    }
    let end_years: Vec<i32> = plans.iter().map(|s| s.end_year).collect();
    if !all_equal(end_years.iter()) {
        rows.push(Row::EndYear {
            values: end_years.clone(),
        });
    }
    for param in PARAMS {
        rows.extend(param_rows(param.key, plans));
    }
    rows.extend(target_rows(plans).into_iter().map(Row::Target));

    let budgets: Vec<Budget> = plans
        .iter()
        .zip(&trajectories)
        .map(|(scenario, trajectory)| Budget {
            end_year: scenario.end_year,
            cumulative: trajectory
                .years
                .last()
                .map_or(0.0, |row| row.budget_cumulative),
        })
        .collect();
    let common_budget = (!all_equal(end_years.iter())).then(|| {
        let year = end_years.iter().copied().min().unwrap_or_default();
        CommonBudget {
            year,
            cumulative: trajectories
                .iter()
                .map(|t| t.row(year).map(|row| row.budget_cumulative))
                .collect(),
        }
    });

    Ok(Diff {
        plans: plans.len(),
        rows,
        targets: side_by_side(plans, &trajectories),
        budgets,
        common_budget,
    })
}

/// Compares two to four plans as links and saves carry them: [`diff`] of their scenarios, and
/// their Monte Carlo settings when those differ.
pub fn diff_plans(plans: &[&PlanSpec]) -> Result<Diff, CompareError> {
    let scenarios: Vec<&Scenario> = plans.iter().map(|p| &p.scenario).collect();
    let mut diff = diff(&scenarios)?;
    let runs: Vec<usize> = plans.iter().map(|p| p.mc.runs).collect();
    if !all_equal(runs.iter()) {
        diff.rows.push(Row::Runs { values: runs });
    }
    let seeds: Vec<u64> = plans.iter().map(|p| p.mc.seed).collect();
    if !all_equal(seeds.iter()) {
        diff.rows.push(Row::Seed { values: seeds });
    }
    Ok(diff)
}

fn all_equal<T: PartialEq>(mut values: impl Iterator<Item = T>) -> bool {
    match values.next() {
        Some(first) => values.all(|v| v == first),
        None => true,
    }
}

/// The rows of one parameter: one for a single number or for schedules that are constant in
/// every plan; else one per calendar year in which the plans that simulate it disagree.
fn param_rows(key: &'static str, plans: &[&Scenario]) -> Vec<Row> {
    let schedules: Vec<Schedule> = plans.iter().map(|s| Schedule::of(s, key)).collect();
    let constants: Option<Vec<f64>> = schedules.iter().map(Schedule::constant).collect();
    if let Some(constants) = constants {
        if all_equal(constants.iter()) {
            return Vec::new();
        }
        return vec![Row::Param {
            key,
            year: None,
            values: constants.into_iter().map(Some).collect(),
        }];
    }
    let first_year = schedules.iter().map(|s| s.first_year).min();
    let last_year = schedules.iter().map(Schedule::last_year).max();
    let (Some(first_year), Some(last_year)) = (first_year, last_year) else {
        return Vec::new();
    };
    (first_year..=last_year)
        .filter_map(|year| {
            let values: Vec<Option<f64>> = schedules.iter().map(|s| s.at(year)).collect();
            let present: Vec<f64> = values.iter().flatten().copied().collect();
            (present.len() >= 2 && !all_equal(present.iter())).then_some(Row::Param {
                key,
                year: Some(year),
                values,
            })
        })
        .collect()
}

/// A parameter's values in one plan, by calendar year.
struct Schedule {
    /// The year of `values[0]`: the year after the base year for a yearly input.
    first_year: i32,
    values: Vec<f64>,
    /// A single number rather than a yearly schedule.
    scalar: bool,
}

impl Schedule {
    fn of(scenario: &Scenario, key: &str) -> Schedule {
        let first_year = scenario.base_year.saturating_add(1);
        match params::value(scenario, key) {
            Some(Value::Scalar(value)) => Schedule {
                first_year,
                values: vec![*value],
                scalar: true,
            },
            Some(Value::Yearly(yearly)) => Schedule {
                first_year,
                values: yearly.expand(scenario.horizon()),
                scalar: false,
            },
            // Every key of the registry has a value; an unknown one has nothing to compare.
            None => Schedule {
                first_year,
                values: Vec::new(),
                scalar: true,
            },
        }
    }

    /// The one value of a single number or of a schedule that never changes.
    fn constant(&self) -> Option<f64> {
        let first = *self.values.first()?;
        (self.scalar || self.values.iter().all(|v| *v == first)).then_some(first)
    }

    fn last_year(&self) -> i32 {
        self.first_year
            .saturating_add(self.values.len() as i32)
            .saturating_sub(1)
    }

    fn at(&self, year: i32) -> Option<f64> {
        let index = usize::try_from(year.checked_sub(self.first_year)?).ok()?;
        self.values.get(index).copied()
    }
}

/// Targets that differ: each plan's first, second… target on a metric, matched in that order.
fn target_rows(plans: &[&Scenario]) -> Vec<TargetRow> {
    let mut keys: Vec<(Metric, usize)> = Vec::new();
    for scenario in plans {
        for (index, target) in scenario.targets.iter().enumerate() {
            let key = (target.metric, occurrence(&scenario.targets, index));
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys.into_iter()
        .filter_map(|(metric, nth)| {
            let terms: Vec<Option<Terms>> = plans
                .iter()
                .map(|s| {
                    s.targets
                        .iter()
                        .filter(|t| t.metric == metric)
                        .nth(nth)
                        .map(|t| Terms {
                            threshold: t.threshold,
                            deadline: t.deadline,
                        })
                })
                .collect();
            (!all_equal(terms.iter())).then_some(TargetRow { metric, terms })
        })
        .collect()
}

/// How many targets before `index` are on the same metric.
fn occurrence(targets: &[Target], index: usize) -> usize {
    let metric = targets[index].metric;
    targets[..index]
        .iter()
        .filter(|t| t.metric == metric)
        .count()
}

/// Every distinct target of any plan (first plan's first), with each plan's verdict on it.
fn side_by_side(plans: &[&Scenario], trajectories: &[Trajectory]) -> Vec<TargetVerdicts> {
    let mut targets: Vec<&Target> = Vec::new();
    for target in plans.iter().flat_map(|s| &s.targets) {
        if !targets.iter().any(|t| same(t, target)) {
            targets.push(target);
        }
    }
    targets
        .into_iter()
        .map(|target| TargetVerdicts {
            metric: target.metric,
            threshold: target.threshold,
            deadline: target.deadline,
            in_plan: plans
                .iter()
                .map(|s| s.targets.iter().any(|t| same(t, target)))
                .collect(),
            verdicts: trajectories
                .iter()
                .map(|trajectory| {
                    trajectory
                        .row(target.deadline)
                        .map(|_| evaluate(target, trajectory))
                })
                .collect(),
        })
        .collect()
}
