//! Re-projection from the latest actual (从最新实际值重新推算): the plan restarts from where the
//! region really stands. Every year with actual figures sets those stocks to the actuals; the
//! other stocks follow the model from the year before (so an actual of 2023 still counts in a
//! re-projection from 2024). The run from the last such year is the plan's own model, started
//! there (as Vensim's Resume and PySD's `initial_condition`), and its Monte Carlo starts there
//! too ([`crate::montecarlo::Accumulator::from_start`]).

use serde::{Deserialize, Serialize};

use super::actuals::{Actuals, CERTIFIED_LEVELS};
use super::deviation::{actual_figure, check, ActualsProblem};
use super::figures::Metric;
use super::scenario::Scenario;
use super::simulate::{advance, run_from, year_inputs, Start, State, Trajectory, YearInputs};
use super::validate::{validate, ValidationErrors};
use super::verdict::{evaluate, Verdict};

/// Why a plan cannot be re-projected.
#[derive(Clone, Debug, PartialEq)]
pub enum ReprojectError {
    /// The scenario itself is invalid.
    Invalid(ValidationErrors),
    /// Some actual figures cannot be used (see [`check`]).
    Actuals(Vec<ActualsProblem>),
    /// No actual figure is entered: there is nothing to restart from.
    NoActuals,
}

/// A modelled stock changed to stay consistent with an actual one: demonstration stations cut
/// to the actual stations, talent raised to the actual certified, and so on.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Adjustment {
    pub year: i32,
    /// The stock the model had to change.
    pub metric: Metric,
    pub modelled: f64,
    pub used: f64,
    /// The actual figure that forced the change.
    pub because_of: Metric,
}

/// The state at the end of a year with the actuals of every year up to it applied.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Anchored {
    pub start: Start,
    pub adjustments: Vec<Adjustment>,
}

/// A re-projection: where it starts, what the actuals changed, and the run from there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reprojection {
    /// The last year with actuals, its stocks set from them.
    pub start: Start,
    pub adjustments: Vec<Adjustment>,
    /// The year table from the start year (its first row) to the plan's end year.
    pub trajectory: Trajectory,
}

/// Re-projects a plan from the last year of `actuals`.
pub fn reproject(scenario: &Scenario, actuals: &Actuals) -> Result<Reprojection, ReprojectError> {
    validate(scenario).map_err(ReprojectError::Invalid)?;
    let problems = check(actuals, scenario);
    if !problems.is_empty() {
        return Err(ReprojectError::Actuals(problems));
    }
    let year = actuals.latest_year().ok_or(ReprojectError::NoActuals)?;
    let Anchored { start, adjustments } = anchor(scenario, actuals, year);
    let offset = (year - scenario.base_year) as usize;
    let trajectory = run_from(scenario, &start, &year_inputs(scenario)[offset..]);
    Ok(Reprojection {
        start,
        adjustments,
        trajectory,
    })
}

/// The state at the end of `year` (between the base and end years) of a valid scenario, with
/// the actuals of every year up to it applied, the years between run by the model with the
/// scenario's levers. The actuals must have passed [`check`].
pub fn anchor(scenario: &Scenario, actuals: &Actuals, year: i32) -> Anchored {
    anchor_with(scenario, &year_inputs(scenario), actuals, year)
}

/// [`anchor`] with given yearly inputs (one per year after the base year), such as a
/// calibration's.
pub fn anchor_with(
    scenario: &Scenario,
    inputs: &[YearInputs],
    actuals: &Actuals,
    year: i32,
) -> Anchored {
    let mut start = Start::plan(scenario);
    let mut adjustments = Vec::new();
    apply(scenario, actuals, &mut start, &mut adjustments);
    for input in inputs
        .iter()
        .take((year - scenario.base_year).max(0) as usize)
    {
        start = advance(scenario, &start, std::slice::from_ref(input));
        apply(scenario, actuals, &mut start, &mut adjustments);
    }
    Anchored { start, adjustments }
}

/// Sets the stocks of `start` that have actuals in its year, and keeps the others consistent
/// with them (certified within talent, demonstration stations within stations).
fn apply(
    scenario: &Scenario,
    actuals: &Actuals,
    start: &mut Start,
    adjustments: &mut Vec<Adjustment>,
) {
    let year = start.year;
    let actual = |metric| actuals.value(metric, year);
    let state = &mut start.state;
    let mut adjust = |metric, modelled: f64, used: f64, because_of| {
        if used != modelled {
            adjustments.push(Adjustment {
                year,
                metric,
                modelled,
                used,
                because_of,
            });
        }
    };

    for (metric, slot) in [
        (Metric::Talent, &mut state.talent),
        (Metric::Institutions, &mut state.institutions),
        (Metric::Stations, &mut state.stations),
        (Metric::DemoStations, &mut state.demo_stations),
        (Metric::Rooms, &mut state.rooms),
        (Metric::Positions, &mut state.positions),
    ] {
        if let Some(value) = actual(metric) {
            *slot = value;
        }
    }
    if let Some(value) = actual(Metric::BudgetCumulative) {
        start.budget_cumulative = value;
    }
    set_certified(state, actual, actual(Metric::Certified));

    // Demonstration stations are stations: the modelled one of the pair gives way.
    if state.demo_stations > state.stations {
        if actual(Metric::DemoStations).is_some() {
            let raised = state.demo_stations.min(scenario.assumptions.townships);
            adjust(
                Metric::Stations,
                state.stations,
                raised,
                Metric::DemoStations,
            );
            state.stations = raised;
        }
        let cut = state.demo_stations.min(state.stations);
        adjust(
            Metric::DemoStations,
            state.demo_stations,
            cut,
            Metric::Stations,
        );
        state.demo_stations = cut;
    }

    // Certified people are talent: the modelled side gives way.
    let certified = state.junior + state.mid + state.senior;
    if certified > state.talent {
        if actual(Metric::Talent).is_some() {
            let before = certified;
            cut_modelled_levels(state, |level| actual(level).is_some());
            adjust(
                Metric::Certified,
                before,
                state.junior + state.mid + state.senior,
                Metric::Talent,
            );
        } else {
            adjust(Metric::Talent, state.talent, certified, Metric::Certified);
            state.talent = certified;
        }
    }
}

/// Sets the certificate levels from their actuals; a certified total without all three levels
/// is shared among the levels without an actual in the model's proportions (all to the lowest
/// of them when the model has none).
fn set_certified(
    state: &mut State,
    level_actual: impl Fn(Metric) -> Option<f64>,
    total: Option<f64>,
) {
    let mut levels = [state.junior, state.mid, state.senior];
    let entered = CERTIFIED_LEVELS.map(&level_actual);
    for (slot, value) in levels.iter_mut().zip(entered) {
        if let Some(value) = value {
            *slot = value;
        }
    }
    if let Some(total) = total {
        let free: Vec<usize> = (0..3).filter(|i| entered[*i].is_none()).collect();
        if let Some(&lowest) = free.first() {
            let fixed: f64 = entered.iter().flatten().sum();
            let remaining = (total - fixed).max(0.0);
            let modelled: f64 = free.iter().map(|i| levels[*i]).sum();
            if modelled > 0.0 {
                for i in &free {
                    levels[*i] *= remaining / modelled;
                }
            } else {
                levels[lowest] = remaining;
            }
        }
    }
    [state.junior, state.mid, state.senior] = levels;
}

/// Takes the excess of certified over talent off the levels without an actual, lowest first.
fn cut_modelled_levels(state: &mut State, has_actual: impl Fn(Metric) -> bool) {
    let mut levels = [state.junior, state.mid, state.senior];
    for (i, level) in CERTIFIED_LEVELS.iter().enumerate() {
        let excess = levels.iter().sum::<f64>() - state.talent;
        if excess <= 0.0 {
            break;
        }
        if !has_actual(*level) {
            levels[i] = (levels[i] - excess).max(0.0);
        }
    }
    [state.junior, state.mid, state.senior] = levels;
}

/// Where a target stands given the latest actual figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outlook {
    /// The target's index in the scenario's list.
    pub target: usize,
    pub metric: Metric,
    pub threshold: f64,
    pub deadline: i32,
    /// The year the re-projection starts from (按该年实际值推算).
    pub from_year: i32,
    /// The latest actual of the target's figure (entered, or following from entered ones, as
    /// coverage from stations): its year and value.
    pub latest_actual: Option<(i32, f64)>,
    pub status: OutlookStatus,
    /// The verdict on the re-projection, when the deadline is not before its start.
    pub reprojected: Option<Verdict>,
}

/// A target's standing given the actual figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutlookStatus {
    /// The deadline year has an actual figure, and it meets the target: met, for good.
    MetByActual,
    /// The deadline year has an actual figure, and it misses the target.
    MissedByActual,
    /// Re-projected from the latest actuals, the target is met at its deadline.
    OnTrack,
    /// Re-projected from the latest actuals, the target is missed at its deadline.
    OffTrack,
    /// The deadline is before the latest actuals and has no actual of its own figure.
    Unjudged,
}

/// Where each target of `scenario` stands given `actuals` and their re-projection.
pub fn outlook(
    scenario: &Scenario,
    actuals: &Actuals,
    reprojection: &Reprojection,
) -> Vec<Outlook> {
    let from_year = reprojection.start.year;
    scenario
        .targets
        .iter()
        .enumerate()
        .map(|(index, target)| {
            let figure = |year| actual_figure(actuals, target.metric, year, scenario);
            let latest_actual = (scenario.base_year..=scenario.end_year)
                .rev()
                .find_map(|year| figure(year).map(|value| (year, value)));
            let reprojected =
                (target.deadline >= from_year).then(|| evaluate(target, &reprojection.trajectory));
            let status = match (figure(target.deadline), &reprojected) {
                (Some(value), _) if target.is_met_by(value) => OutlookStatus::MetByActual,
                (Some(_), _) => OutlookStatus::MissedByActual,
                (None, Some(verdict)) if verdict.met => OutlookStatus::OnTrack,
                (None, Some(_)) => OutlookStatus::OffTrack,
                (None, None) => OutlookStatus::Unjudged,
            };
            Outlook {
                target: index,
                metric: target.metric,
                threshold: target.threshold,
                deadline: target.deadline,
                from_year,
                latest_actual,
                status,
                reprojected,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actuals::Actual;
    use crate::montecarlo::{simulate_many_from, Settings};
    use crate::params::set;
    use crate::simulate;

    fn preset(slug: &str) -> Scenario {
        crate::test_presets::by_slug(slug).unwrap().scenario.clone()
    }

    /// Every stock of the plan's row of `year` as an actual.
    fn plan_as_actuals(s: &Scenario, year: i32) -> Actuals {
        let plan = simulate(s).unwrap();
        let row = plan.row(year).unwrap();
        let mut a = Actuals::default();
        for metric in crate::actuals::ACTUAL_FIGURES {
            a.insert(metric, year, Actual::new(metric.value(row)));
        }
        a
    }

    #[test]
    fn actuals_equal_to_the_plan_change_nothing() {
        for slug in ["yunnan", "ningxia", "guizhou"] {
            let s = preset(slug);
            let plan = simulate(&s).unwrap();
            for year in [s.base_year, s.base_year + 2, s.end_year] {
                let again = reproject(&s, &plan_as_actuals(&s, year)).unwrap();
                assert!(again.adjustments.is_empty(), "{slug} {year}");
                assert_eq!(again.trajectory.years[0].year, year);
                for row in &again.trajectory.years {
                    let planned = plan.row(row.year).unwrap();
                    for (got, want) in row.fields().iter().zip(planned.fields()) {
                        assert!(
                            (got - want).abs() <= 1e-9 * want.abs().max(1.0),
                            "{slug} from {year}, row {}: {got} vs {want}",
                            row.year
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn talent_moves_by_the_closed_form_from_the_actual() {
        // T' = T·(1−a) + H: a gap of d at the start is d·(1−a)^n after n years.
        let mut s = preset("yunnan");
        let (h, a) = (12_000.0, 0.08);
        set(&mut s, "hires", h).unwrap();
        set(&mut s, "attrition", a).unwrap();
        let plan = simulate(&s).unwrap();
        let from = s.base_year + 2;
        let actual = plan.row(from).unwrap().talent - 5_000.0;
        let again = reproject(&s, &Actuals::from_iter([(Metric::Talent, from, actual)])).unwrap();
        let mut expected = actual;
        for (n, row) in again.trajectory.years.iter().enumerate() {
            if n > 0 {
                expected = expected * (1.0 - a) + h;
            }
            assert!((row.talent - expected).abs() < 1e-6, "{}", row.year);
            let gap = plan.row(row.year).unwrap().talent - row.talent;
            assert!((gap - 5_000.0 * (1.0 - a).powi(n as i32)).abs() < 1e-6);
        }
    }

    #[test]
    fn an_earlier_actual_still_counts_in_a_later_restart() {
        let mut s = preset("yunnan");
        set(&mut s, "attrition", 0.1).unwrap();
        let plan = simulate(&s).unwrap();
        let y = s.base_year + 1;
        let low = plan.row(y).unwrap().talent - 1_000.0;
        let a = Actuals::from_iter([(Metric::Talent, y, low), (Metric::Institutions, y + 1, 5.0)]);
        let again = reproject(&s, &a).unwrap();
        assert_eq!(again.start.year, y + 1);
        let planned = plan.row(y + 1).unwrap().talent;
        assert!((again.start.state.talent - (planned - 900.0)).abs() < 1e-6);
        assert_eq!(again.start.state.institutions, 5.0);
    }

    #[test]
    fn a_certified_total_is_shared_among_levels_in_the_models_proportions() {
        let s = preset("yunnan");
        let plan = simulate(&s).unwrap();
        let y = s.base_year + 1;
        let row = plan.row(y).unwrap();
        let again = reproject(
            &s,
            &Actuals::from_iter([(Metric::Certified, y, row.certified * 0.5)]),
        )
        .unwrap();
        let first = &again.trajectory.years[0];
        assert!((first.certified - row.certified * 0.5).abs() < 1e-6);
        assert!((first.certified_mid - row.certified_mid * 0.5).abs() < 1e-6);
    }

    #[test]
    fn modelled_stocks_give_way_to_actual_ones_and_say_so() {
        let mut s = preset("yunnan");
        s.assumptions.demo_stations = 50.0;
        let y = s.base_year + 1;
        let again = reproject(
            &s,
            &Actuals::from_iter([(Metric::Talent, y, 10.0), (Metric::Stations, y, 3.0)]),
        )
        .unwrap();
        let first = &again.trajectory.years[0];
        assert!(first.certified <= 10.0);
        assert!(first.demo_stations <= 3.0);
        let changed: Vec<(Metric, Metric)> = again
            .adjustments
            .iter()
            .map(|a| (a.metric, a.because_of))
            .collect();
        assert!(changed.contains(&(Metric::Certified, Metric::Talent)));
        assert!(changed.contains(&(Metric::DemoStations, Metric::Stations)));
        let raised = reproject(&s, &Actuals::from_iter([(Metric::Certified, y, 1e7)])).unwrap();
        assert_eq!(raised.trajectory.years[0].talent, 1e7);
    }

    #[test]
    fn nothing_to_restart_from_and_unusable_actuals_are_refused() {
        let s = preset("yunnan");
        assert_eq!(
            reproject(&s, &Actuals::default()),
            Err(ReprojectError::NoActuals)
        );
        let bad = Actuals::from_iter([(Metric::Talent, s.base_year - 1, 1.0)]);
        assert!(matches!(
            reproject(&s, &bad),
            Err(ReprojectError::Actuals(_))
        ));
    }

    #[test]
    fn monte_carlo_bands_start_at_the_actuals() {
        let s = preset("ningxia");
        let settings = Settings::clamped(200, 3);
        let year = s.base_year + 2;
        let mut a = plan_as_actuals(&s, year);
        a.insert(Metric::Rooms, year, Actual::new(0.0));
        let again = reproject(&s, &a).unwrap();
        let bands = simulate_many_from(&s, &again.start, settings).unwrap();
        assert_eq!(bands.p50[0].year, year);
        assert_eq!(bands.p50.len(), s.horizon() + 1 - 2);
        // The start is known: no spread in its year, and the rooms start from the actual.
        assert_eq!(bands.p10[0], bands.p90[0]);
        assert_eq!(bands.p10[0].rooms, 0.0);
        assert!(bands.p90[1].talent > bands.p10[1].talent);
    }

    #[test]
    fn without_uncertainty_the_bands_are_the_reprojection() {
        let mut s = preset("ningxia");
        s.uncertainty = crate::Uncertainty::default();
        let year = s.base_year + 1;
        let a = Actuals::from_iter([(Metric::Talent, year, 5_000.0)]);
        let again = reproject(&s, &a).unwrap();
        let bands = simulate_many_from(&s, &again.start, Settings::clamped(100, 1)).unwrap();
        assert_eq!(bands.p50, again.trajectory.years);
        assert_eq!(bands.p10, again.trajectory.years);
    }

    #[test]
    fn the_odds_start_from_the_actuals() {
        let s = preset("yunnan");
        let settings = Settings::clamped(300, 5);
        let target = s.targets[0].clone();
        let y = s.base_year + 1;
        let far_ahead = Actuals::from_iter([(target.metric, y, target.threshold * 2.0)]);
        let again = reproject(&s, &far_ahead).unwrap();
        let odds = simulate_many_from(&s, &again.start, settings).unwrap();
        assert_eq!(odds.targets[0].probability, 1.0);
        let far_behind = Actuals::from_iter([(target.metric, y, 0.0)]);
        let again = reproject(&s, &far_behind).unwrap();
        let odds = simulate_many_from(&s, &again.start, settings).unwrap();
        assert_eq!(odds.targets[0].probability, 0.0);
    }

    #[test]
    fn targets_are_judged_by_the_actual_at_their_deadline_or_the_reprojection() {
        let mut s = preset("yunnan");
        let target = s.targets[0].clone();
        let deadline = target.deadline;
        s.targets.push(crate::Target {
            deadline: s.base_year + 1,
            ..target.clone()
        });
        let plan = simulate(&s).unwrap();
        let y = s.base_year + 2;
        let behind = Actuals::from_iter([
            (target.metric, s.base_year + 1, target.threshold),
            (
                target.metric,
                y,
                target.metric.value(plan.row(y).unwrap()) * 0.5,
            ),
        ]);
        let again = reproject(&s, &behind).unwrap();
        let standing = outlook(&s, &behind, &again);
        assert_eq!(standing[0].status, OutlookStatus::OffTrack);
        assert_eq!(standing[0].from_year, y);
        assert_eq!(standing[0].reprojected.as_ref().unwrap().deadline, deadline);
        assert_eq!(standing[1].status, OutlookStatus::MetByActual);
        assert_eq!(standing[1].reprojected, None);
        assert_eq!(standing[0].latest_actual.map(|(year, _)| year), Some(y));
        let ahead = Actuals::from_iter([(target.metric, y, target.threshold * 3.0)]);
        let again = reproject(&s, &ahead).unwrap();
        let standing = outlook(&s, &ahead, &again);
        assert_eq!(standing[0].status, OutlookStatus::OnTrack);
        assert_eq!(standing[1].status, OutlookStatus::Unjudged);
    }
}
