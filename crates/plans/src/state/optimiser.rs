//! The cheapest plan ("最省钱方案") and which lever matters most, as state: the optimiser's form
//! (the levers it may move, their bounds per year, the confidence, the goal, the discount
//! rate), the run under way with its progress, and the last answer with the plan it was found
//! for, so it can be applied as one undo step or pinned into the comparison. The work itself
//! runs in the worker (`crate::analysis`); the page sends its progress and outcome back here.

use std::rc::Rc;

use swplan_engine::optimise::{
    BoundSide, Bounds, Confidence, Costs, Goal, Lever, LeverChoice, Outcome as Optimised, Problem,
    DEFAULT_BETA,
};
use swplan_engine::params::{self, Value};
use swplan_engine::seek::drivers;
use swplan_engine::sensitivity::SobolSettings;
use swplan_engine::Scenario;

use crate::analysis::{OptimiseRefusal, Sensitivity};

/// The confidence levels a planner can ask for; `None` is "as planned".
pub const CONFIDENCE_LEVELS: [Option<f64>; 4] = [None, Some(0.8), Some(0.9), Some(0.95)];

/// One lever in the optimiser's form.
#[derive(Clone, Debug, PartialEq)]
pub struct LeverSetting {
    pub lever: Lever,
    /// Whether the optimiser may move it (else it keeps the plan's values).
    pub chosen: bool,
    /// Bounds per simulated year; past the list's end its last entry holds (one entry bounds
    /// every year).
    pub bounds: Vec<Bounds>,
}

/// What "best" means in the form.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GoalChoice {
    /// The least cost that meets every target.
    LeastCost,
    /// The plan that meets the most (the least shortfall) within a ceiling on the total cost
    /// (元 over the horizon, the model's budget and the optimiser's costs).
    UnderBudget(f64),
}

/// A run of the optimiser or of the sensitivity analysis, under way in the worker.
#[derive(Clone, Debug, PartialEq)]
pub struct Running<J> {
    /// Which run this is: progress and outcomes of an older one are dropped.
    pub ticket: u64,
    /// The plan (by id) it runs for.
    pub plan: u64,
    /// What the worker is given.
    pub job: Rc<J>,
    pub done: usize,
    pub total: usize,
}

/// The optimiser's job: the plan's scenario and the problem made from the form.
#[derive(Clone, Debug, PartialEq)]
pub struct OptimiseJob {
    pub scenario: Scenario,
    pub problem: Problem,
}

/// The last answer of the optimiser, with what it was asked.
#[derive(Clone, Debug, PartialEq)]
pub struct Optimisation {
    pub plan: u64,
    pub scenario: Scenario,
    pub problem: Problem,
    pub answer: Result<Optimised, OptimiseRefusal>,
    /// The selected targets (indices into the scenario's) the plan as it was misses as
    /// planned: why an answer that meets them all can cost more than the plan.
    pub current_missed: Vec<usize>,
}

/// The selected targets `scenario` misses as planned.
pub fn missed_as_planned(scenario: &Scenario, problem: &Problem) -> Vec<usize> {
    let Ok(computed) = crate::computed::Computed::of(scenario) else {
        return Vec::new();
    };
    problem
        .targets
        .iter()
        .copied()
        .filter(|i| computed.verdicts.get(*i).is_some_and(|v| !v.met))
        .collect()
}

/// The last sensitivity analysis, with the scenario it was made of (`None`: the scenario did
/// not validate).
#[derive(Clone, Debug, PartialEq)]
pub struct SensitivityResult {
    pub plan: u64,
    pub scenario: Scenario,
    pub sensitivity: Option<Sensitivity>,
}

/// The optimiser's panel.
#[derive(Clone, Debug, PartialEq)]
pub struct OptimiserPanel {
    /// The region (`slug`, base and last year) the lever settings were made for: another
    /// region's bounds are no bounds for this one, so its defaults are used instead.
    pub made_for: Option<(String, i32, i32)>,
    /// The levers as set; empty until the planner changes one (the defaults apply).
    pub levers: Vec<LeverSetting>,
    pub confidence: Option<f64>,
    pub goal: GoalChoice,
    /// Yearly discount rate of the least-cost goal (0 for none).
    pub discount_rate: f64,
    pub running: Option<Running<OptimiseJob>>,
    /// The last run was cancelled by the planner (until the next run starts).
    pub cancelled: bool,
    pub result: Option<Rc<Optimisation>>,
}

impl Default for OptimiserPanel {
    fn default() -> Self {
        OptimiserPanel {
            made_for: None,
            levers: Vec::new(),
            confidence: Some(0.9),
            goal: GoalChoice::LeastCost,
            discount_rate: 0.0,
            running: None,
            cancelled: false,
            result: None,
        }
    }
}

/// The sensitivity panel: the run under way and the last analysis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SensitivityPanel {
    pub running: Option<Running<Scenario>>,
    /// The last run was cancelled by the planner (until the next run starts).
    pub cancelled: bool,
    pub result: Option<Rc<SensitivityResult>>,
}

/// What the planner (or the worker, reporting) does in the optimiser's panel.
#[derive(Clone, Debug, PartialEq)]
pub enum OptimiserAction {
    /// Let the optimiser move a lever, or keep it as planned.
    ChooseLever {
        lever: Lever,
        chosen: bool,
    },
    /// A lever's least or most amount, in every year (`year: None`) or in one simulated year
    /// (0 is the year after the base year). `f64::INFINITY` as the most is "no ceiling".
    SetBound {
        lever: Lever,
        year: Option<usize>,
        side: BoundSide,
        value: f64,
    },
    /// Every lever back to its default bounds and choice.
    ResetLevers,
    SetConfidence(Option<f64>),
    SetGoal(GoalChoice),
    SetDiscountRate(f64),
    /// Start the optimiser on the plan on screen (a run under way is replaced).
    Run,
    Progress {
        ticket: u64,
        done: usize,
        total: usize,
    },
    Done {
        ticket: u64,
        answer: Result<Box<Optimised>, OptimiseRefusal>,
    },
    Cancel,
    /// Put the plan found in place of the plan's schedules, as one undo step.
    Apply,
    /// Add the plan found to the comparison, under a name (worded by the page).
    Pin {
        name: String,
    },
}

/// What the planner (or the worker) does in the sensitivity panel.
#[derive(Clone, Debug, PartialEq)]
pub enum SensitivityAction {
    Run,
    Progress {
        ticket: u64,
        done: usize,
        total: usize,
    },
    Done {
        ticket: u64,
        sensitivity: Option<Box<Sensitivity>>,
    },
    Cancel,
}

/// The Sobol points of the variance shares: enough for shares to two digits, a second or so.
pub const SENSITIVITY_SETTINGS: SobolSettings = SobolSettings {
    points: 1024,
    seed: 2025,
};

/// Whether `lever` drives one of the scenario's targets.
fn drives_a_target(scenario: &Scenario, lever: Lever) -> bool {
    scenario
        .targets
        .iter()
        .any(|t| drivers(t.metric).contains(&lever.key()))
}

/// `value` rounded up to two significant digits (28,000, 3,400, 56).
fn round_up(value: f64) -> f64 {
    if value <= 0.0 || !value.is_finite() {
        return value.max(0.0);
    }
    // By repeated multiplication, not `log10`: the same bounds natively and in the browser.
    let mut magnitude = 1.0;
    while value / magnitude >= 100.0 {
        magnitude *= 10.0;
    }
    (value / magnitude).ceil() * magnitude
}

/// The default most of a lever: twice its largest planned amount (rounded up), or what is left
/// to build for stations, rooms and demonstration stations when that is more; no ceiling for a
/// lever planned at nothing that has no such limit.
pub fn default_max(scenario: &Scenario, lever: Lever) -> f64 {
    let planned = match params::value(scenario, lever.key()) {
        Some(Value::Yearly(y)) => y
            .expand(scenario.horizon().max(1))
            .into_iter()
            .fold(0.0, f64::max),
        _ => 0.0,
    };
    let a = &scenario.assumptions;
    let left = match lever {
        Lever::StationsPerYear => Some(a.townships - a.stations),
        Lever::RoomsPerYear => Some(a.villages - a.rooms),
        Lever::DemoPerYear => Some(a.townships - a.demo_stations),
        _ => None,
    };
    let twice = round_up(2.0 * planned);
    match left {
        Some(left) => twice.max(left.max(0.0)),
        None if planned > 0.0 => twice,
        None => f64::INFINITY,
    }
}

/// The form's levers for a scenario before the planner changes any: the levers that drive its
/// targets chosen, each between nothing and [`default_max`].
pub fn default_levers(scenario: &Scenario) -> Vec<LeverSetting> {
    Lever::ALL
        .into_iter()
        .map(|lever| LeverSetting {
            lever,
            chosen: drives_a_target(scenario, lever),
            bounds: vec![Bounds {
                min: 0.0,
                max: default_max(scenario, lever),
            }],
        })
        .collect()
}

fn made_for(scenario: &Scenario) -> (String, i32, i32) {
    (
        scenario.region.clone(),
        scenario.base_year,
        scenario.end_year,
    )
}

impl OptimiserPanel {
    /// The lever settings for this scenario: the planner's own if made for its region and
    /// years, else the defaults.
    pub fn levers_for(&self, scenario: &Scenario) -> Vec<LeverSetting> {
        if !self.levers.is_empty() && self.made_for.as_ref() == Some(&made_for(scenario)) {
            self.levers.clone()
        } else {
            default_levers(scenario)
        }
    }

    /// The problem the form makes for a scenario (see [`problem_of`]).
    pub fn problem(&self, scenario: &Scenario, seed: u64) -> Problem {
        problem_of(
            scenario,
            &self.levers_for(scenario),
            self.confidence,
            self.goal,
            self.discount_rate,
            seed,
        )
    }

    /// Changes the lever settings of `scenario` (starting from its defaults if the form was
    /// made for another region).
    fn edit_levers(&mut self, scenario: &Scenario, change: impl FnOnce(&mut Vec<LeverSetting>)) {
        let mut levers = self.levers_for(scenario);
        change(&mut levers);
        self.levers = levers;
        self.made_for = Some(made_for(scenario));
    }

    /// Applies a change of the form (not a run, an answer, applying or pinning: the state
    /// does those, as they touch the plans).
    pub(super) fn edit(&mut self, scenario: &Scenario, action: &OptimiserAction) {
        match action {
            OptimiserAction::ChooseLever { lever, chosen } => self.edit_levers(scenario, |ls| {
                if let Some(l) = ls.iter_mut().find(|l| l.lever == *lever) {
                    l.chosen = *chosen;
                }
            }),
            OptimiserAction::SetBound {
                lever,
                year,
                side,
                value,
            } => {
                let horizon = scenario.horizon().max(1);
                self.edit_levers(scenario, |ls| {
                    if let Some(l) = ls.iter_mut().find(|l| l.lever == *lever) {
                        set_bound(&mut l.bounds, horizon, *year, *side, *value);
                    }
                })
            }
            OptimiserAction::ResetLevers => {
                self.levers.clear();
                self.made_for = None;
            }
            OptimiserAction::SetConfidence(level) => self.confidence = *level,
            OptimiserAction::SetGoal(goal) => self.goal = *goal,
            OptimiserAction::SetDiscountRate(rate) => self.discount_rate = *rate,
            _ => {}
        }
    }

    /// Whether the plan on screen is the last answer applied to the plan it was found for.
    pub fn applied(&self, plan: u64, scenario: &Scenario) -> bool {
        self.result.as_ref().is_some_and(|result| {
            result.plan == plan
                && result
                    .answer
                    .as_ref()
                    .is_ok_and(|found| same_inputs(&found.apply(&result.scenario), scenario))
        })
    }

    /// The last answer, if it was found for this plan as it now is (an edit since makes it
    /// an answer to another question).
    pub fn current_answer(&self, plan: u64, scenario: &Scenario) -> Option<&Optimised> {
        let result = self.result.as_ref()?;
        let fresh = result.plan == plan && same_inputs(&result.scenario, scenario);
        match (&result.answer, fresh) {
            (Ok(answer), true) => Some(answer),
            _ => None,
        }
    }
}

/// The problem of a form: the chosen levers within their bounds, every target with a deadline
/// in the table's years, the scenario's own costs per hire and per candidate.
pub fn problem_of(
    scenario: &Scenario,
    levers: &[LeverSetting],
    confidence: Option<f64>,
    goal: GoalChoice,
    discount_rate: f64,
    seed: u64,
) -> Problem {
    let levers = levers
        .iter()
        .filter(|l| l.chosen)
        .map(|l| LeverChoice {
            lever: l.lever,
            bounds: l.bounds.clone(),
        })
        .collect();
    let targets = scenario
        .targets
        .iter()
        .enumerate()
        .filter(|(_, t)| t.deadline > scenario.base_year && t.deadline <= scenario.end_year)
        .map(|(i, _)| i)
        .collect();
    Problem {
        levers,
        targets,
        costs: Costs {
            per_hire: scenario.assumptions.hire_cost,
            per_candidate: scenario.assumptions.candidate_cost,
            discount_rate,
        },
        goal: match goal {
            GoalChoice::LeastCost => Goal::LeastCost,
            GoalChoice::UnderBudget(budget) => Goal::LeastShortfall {
                budget,
                weights: Vec::new(),
            },
        },
        confidence: confidence.map(|level| Confidence {
            level,
            beta: DEFAULT_BETA,
        }),
        seed,
    }
}

/// Sets one side of a lever's bounds in one year or every year.
pub fn set_bound(
    bounds: &mut Vec<Bounds>,
    horizon: usize,
    year: Option<usize>,
    side: BoundSide,
    value: f64,
) {
    let set = |b: &mut Bounds| match side {
        BoundSide::Min => b.min = value,
        BoundSide::Max => b.max = value,
    };
    match year {
        None => {
            // One value for every year: the yearly list becomes one entry if all years agree.
            for b in bounds.iter_mut() {
                set(b);
            }
            if bounds.iter().all(|b| *b == bounds[0]) {
                bounds.truncate(1);
            }
        }
        Some(index) if index < horizon => {
            let fallback = Bounds {
                min: 0.0,
                max: f64::INFINITY,
            };
            let last = bounds.last().copied().unwrap_or(fallback);
            bounds.resize(horizon.max(bounds.len()), last);
            set(&mut bounds[index]);
        }
        Some(_) => {}
    }
}

/// Whether two scenarios ask the same of the model (the planner's sources aside, which change
/// no number).
pub fn same_inputs(a: &Scenario, b: &Scenario) -> bool {
    if a.planner_sources == b.planner_sources {
        return a == b;
    }
    let strip = |s: &Scenario| Scenario {
        planner_sources: Default::default(),
        ..s.clone()
    };
    strip(a) == strip(b)
}

impl SensitivityPanel {
    /// The last analysis, if it was made of this plan as it now is.
    pub fn current(&self, plan: u64, scenario: &Scenario) -> Option<&SensitivityResult> {
        self.result
            .as_deref()
            .filter(|r| r.plan == plan && same_inputs(&r.scenario, scenario))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    fn ningxia() -> Scenario {
        presets::by_slug("ningxia").unwrap().scenario.clone()
    }

    #[test]
    fn the_default_levers_are_those_that_drive_the_targets() {
        let chosen: Vec<&str> = default_levers(&ningxia())
            .iter()
            .filter(|l| l.chosen)
            .map(|l| l.lever.key())
            .collect();
        assert_eq!(
            chosen,
            vec![
                "hires",
                "candidates_junior",
                "candidates_mid",
                "institutions_per_year",
                "demo_per_year",
                "rooms_per_year"
            ]
        );
    }

    #[test]
    fn a_default_ceiling_is_twice_the_plan_or_what_is_left_to_build() {
        let s = ningxia();
        assert_eq!(default_max(&s, Lever::Hires), 3_000.0);
        // 2,800 villages, none with a room yet.
        assert_eq!(default_max(&s, Lever::RoomsPerYear), 2_800.0);
        // Every township has a station: nothing left to build, nothing planned.
        assert_eq!(default_max(&s, Lever::StationsPerYear), 0.0);
        assert_eq!(round_up(2.0 * 1_234.0), 2_500.0);
        assert_eq!(round_up(56.0), 56.0);
    }

    #[test]
    fn a_bound_set_for_one_year_leaves_the_others() {
        let mut bounds = vec![Bounds {
            min: 0.0,
            max: 10.0,
        }];
        set_bound(&mut bounds, 4, Some(2), BoundSide::Max, 3.0);
        assert_eq!(bounds.len(), 4);
        assert_eq!(bounds[2].max, 3.0);
        assert_eq!(bounds[3].max, 10.0);
        set_bound(&mut bounds, 4, None, BoundSide::Max, 7.0);
        assert_eq!(bounds, vec![Bounds { min: 0.0, max: 7.0 }]);
        // A year past the table is no year.
        set_bound(&mut bounds, 4, Some(9), BoundSide::Min, 1.0);
        assert_eq!(bounds, vec![Bounds { min: 0.0, max: 7.0 }]);
    }

    #[test]
    fn the_problem_takes_the_scenario_s_costs_and_every_target_in_its_years() {
        let s = ningxia();
        let panel = OptimiserPanel {
            discount_rate: 0.03,
            ..OptimiserPanel::default()
        };
        let problem = panel.problem(&s, 7);
        assert_eq!(problem.costs.per_hire, s.assumptions.hire_cost);
        assert_eq!(problem.costs.per_candidate, s.assumptions.candidate_cost);
        assert_eq!(problem.costs.discount_rate, 0.03);
        assert_eq!(problem.targets, (0..s.targets.len()).collect::<Vec<_>>());
        assert_eq!(problem.confidence.map(|c| c.level), Some(0.9));
        assert_eq!(problem.seed, 7);
    }
}
