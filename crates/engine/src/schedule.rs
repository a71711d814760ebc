//! Scheduled and built: a station or room target is reached by what is *built*, and of what a
//! year schedules only the expected share is finished in that year (the rest a year later).
//! So a planner reading a room target wants both numbers, and how much more to schedule.

use serde::{Deserialize, Serialize};

use super::figures::Metric;
use super::scenario::{Scenario, FIRST_MODEL_VERSION};
use super::simulate::{year_inputs, Trajectory};
use super::targets::Target;

/// What a station or room target asks of the schedule.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    /// Stations (or rooms) at the base year plus every one scheduled up to the deadline year.
    pub scheduled: f64,
    /// Those built by the end of the deadline year (the plan's value).
    pub built: f64,
    /// The expected share of a year's schedule finished in that year.
    pub completion: f64,
    /// How many more must be built to reach the target (0 when it is reached).
    pub short: f64,
    /// How many more to schedule in the deadline year itself to build `short` in time (only the
    /// completion share of it is finished that year); scheduled a year earlier, `short` is
    /// enough.
    pub extra_in_deadline_year: f64,
}

/// The schedule behind a target on stations or rooms (counts or coverage), when some of a
/// year's schedule slips to the next: `None` for other figures, a plan of the first model
/// reading (every build in its year) or full completion.
pub fn schedule(scenario: &Scenario, trajectory: &Trajectory, target: &Target) -> Option<Schedule> {
    let a = &scenario.assumptions;
    let (start, ceiling, completion, built_of): (f64, f64, f64, fn(&super::YearRow) -> f64) =
        match target.metric {
            Metric::Stations | Metric::StationCoverage => (
                a.stations,
                a.townships,
                scenario.uncertainty.station_completion,
                |row| row.stations,
            ),
            Metric::Rooms | Metric::RoomCoverage => (
                a.rooms,
                a.villages,
                scenario.uncertainty.room_completion,
                |row| row.rooms,
            ),
            _ => return None,
        };
    if scenario.model == FIRST_MODEL_VERSION || completion >= 1.0 || completion <= 0.0 {
        return None;
    }
    let row = trajectory.row(target.deadline)?;
    let years = usize::try_from(target.deadline - scenario.base_year).ok()?;
    let planned: f64 = year_inputs(scenario)
        .iter()
        .take(years)
        .map(|input| match target.metric {
            Metric::Stations | Metric::StationCoverage => input.stations_per_year,
            _ => input.rooms_per_year,
        })
        .sum();
    let wanted = match target.metric {
        Metric::StationCoverage | Metric::RoomCoverage => target.threshold * ceiling,
        _ => target.threshold,
    };
    let built = built_of(row);
    let short = (wanted.min(ceiling) - built).max(0.0);
    // Rounding noise is no shortfall: 999.9999999 rooms are 1,000.
    let short = if short < 1e-6 * wanted.abs().max(1.0) {
        0.0
    } else {
        short
    };
    Some(Schedule {
        scheduled: start + planned,
        built,
        completion,
        short,
        extra_in_deadline_year: short / completion,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simulate;

    fn ningxia() -> Scenario {
        crate::test_presets::by_slug("ningxia")
            .unwrap()
            .scenario
            .clone()
    }

    fn rooms_target(s: &Scenario) -> Target {
        s.targets
            .iter()
            .find(|t| t.metric == Metric::Rooms)
            .unwrap()
            .clone()
    }

    #[test]
    fn ningxias_rooms_scheduled_to_2025_are_1000_of_which_about_950_stand() {
        let s = ningxia();
        let t = simulate(&s).unwrap();
        let schedule = schedule(&s, &t, &rooms_target(&s)).unwrap();
        assert_eq!(schedule.scheduled, 1000.0);
        assert!((schedule.built - 950.05).abs() < 1e-9, "{schedule:?}");
        assert!((schedule.short - 49.95).abs() < 1e-9);
        assert!((schedule.extra_in_deadline_year - 49.95 / 0.85).abs() < 1e-9);
    }

    #[test]
    fn scheduling_the_shortfall_in_the_deadline_year_reaches_the_target_exactly() {
        let mut s = ningxia();
        let t = simulate(&s).unwrap();
        let target = rooms_target(&s);
        let before = schedule(&s, &t, &target).unwrap();
        // Rooms are scheduled from 2023: 2025 is the third year.
        s.levers.rooms_per_year = crate::Yearly::List(vec![
            334.0,
            333.0,
            333.0 + before.extra_in_deadline_year,
            900.0,
            900.0,
            0.0,
        ]);
        let after = simulate(&s).unwrap();
        assert!((after.row(2025).unwrap().rooms - 1000.0).abs() < 1e-6);
        assert_eq!(schedule(&s, &after, &target).unwrap().short, 0.0);
    }

    #[test]
    fn other_figures_and_the_first_reading_have_no_schedule() {
        let mut s = ningxia();
        let t = simulate(&s).unwrap();
        let talent = s.targets[0].clone();
        assert_eq!(schedule(&s, &t, &talent), None);
        s.model = FIRST_MODEL_VERSION;
        let t = simulate(&s).unwrap();
        assert_eq!(schedule(&s, &t, &rooms_target(&s)), None);
    }
}
