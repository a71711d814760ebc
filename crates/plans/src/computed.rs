//! A valid scenario and what the model makes of it, kept together: what a plan's results on
//! screen, a story step and a chart show.

use std::rc::Rc;

use crate::life::ActualsView;
use swplan_engine::schedule::{schedule, Schedule};
use swplan_engine::{evaluate, simulate, Scenario, Trajectory, ValidationErrors, Verdict};

/// A valid scenario and what the model makes of it: what the results on screen show.
#[derive(Clone, Debug, PartialEq)]
pub struct Computed {
    pub scenario: Scenario,
    pub trajectory: Trajectory,
    pub verdicts: Vec<Verdict>,
    /// Per target, for stations and rooms whose builds partly slip a year: scheduled against
    /// built, and what more to schedule.
    pub schedules: Vec<Option<Schedule>>,
    /// What the actual figures say against this result (deviation, re-projection, outlook),
    /// when the plan has any.
    pub actuals: Option<Rc<ActualsView>>,
}

impl Computed {
    /// Simulates a scenario; `Err` when it is invalid (the model never runs on invalid input).
    pub fn of(scenario: &Scenario) -> Result<Computed, ValidationErrors> {
        let trajectory = simulate(scenario)?;
        let verdicts = scenario
            .targets
            .iter()
            .map(|t| evaluate(t, &trajectory))
            .collect();
        let schedules = scenario
            .targets
            .iter()
            .map(|t| schedule(scenario, &trajectory, t))
            .collect();
        let actuals = ActualsView::of(scenario, &trajectory).map(Rc::new);
        Ok(Computed {
            actuals,
            scenario: scenario.clone(),
            trajectory,
            verdicts,
            schedules,
        })
    }
}
