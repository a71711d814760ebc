//! A province rolled up from its cities (issue 21, part 3), as the page composes it.

use super::*;
use crate::life::rollup::{RollUpFileError, RollUpPlan, MAX_CITIES};
use crate::share::open::open_name;
use crate::share::rollup_link::encode_rollup;
use crate::state::rollup::{RollUpAction as R, RollUpRefusal};
use swplan_engine::Metric;

fn city(slug: &str) -> crate::share::PlanSpec {
    open_name(slug).unwrap().plans.remove(0)
}

fn three_cities() -> State {
    let mut state = yunnan();
    state.apply(Action::RollUp(R::AddCities(vec![
        city("jinan"),
        city("lanzhou"),
    ])));
    state.apply(Action::RollUp(R::AddCities(vec![city("nanchang")])));
    state
}

fn coverage_target() -> Target {
    Target {
        metric: Metric::StationCoverage,
        threshold: 1.0,
        deadline: 2025,
        source: None,
    }
}

#[test]
fn cities_are_summed_as_they_are_added() {
    let state = three_cities();
    let rollup = &state.session.rollup;
    let up = rollup.result.as_deref().unwrap().as_ref().unwrap();
    assert_eq!(up.cities.len(), 3);
    let year = up.total.years[0].year;
    let sum: f64 = up
        .cities
        .iter()
        .map(|c| c.trajectory.row(year).unwrap().stations)
        .sum();
    assert_eq!(up.total.years[0].stations, sum);
}

#[test]
fn province_targets_are_judged_on_the_sum_and_can_be_removed() {
    let mut state = three_cities();
    state.apply(Action::RollUp(R::AddTarget(coverage_target())));
    let up = state.session.rollup.result.clone().unwrap();
    assert_eq!(up.as_ref().as_ref().unwrap().verdicts.len(), 1);
    state.apply(Action::RollUp(R::RemoveTarget(0)));
    assert!(state.session.rollup.plan.targets.is_empty());
}

#[test]
fn the_plan_on_screen_can_be_a_city_and_cities_can_be_removed() {
    let mut state = yunnan();
    state.apply(Action::LoadPreset("lhasa"));
    state.apply(Action::RollUp(R::AddActivePlan));
    assert_eq!(state.session.rollup.plan.cities[0].scenario.region, "lhasa");
    state.apply(Action::RollUp(R::RemoveCity(0)));
    state.apply(Action::RollUp(R::RemoveCity(5)));
    assert!(state.session.rollup.plan.cities.is_empty());
    assert!(state.session.rollup.result.is_none());
}

#[test]
fn a_province_takes_a_name_and_a_figure_to_show() {
    let mut state = three_cities();
    state.apply(Action::RollUp(R::SetName(Some("  全省 ".into()))));
    assert_eq!(state.session.rollup.plan.name.as_deref(), Some("全省"));
    state.apply(Action::RollUp(R::SetName(Some(" ".into()))));
    assert_eq!(state.session.rollup.plan.name, None);
    state.apply(Action::RollUp(R::ShowFigure(Metric::Stations)));
    assert_eq!(state.session.rollup.figure, Metric::Stations);
}

#[test]
fn more_cities_than_a_rollup_holds_are_left_out_and_said() {
    let mut state = yunnan();
    state.apply(Action::RollUp(R::AddCities(vec![
        city("jinan");
        MAX_CITIES + 2
    ])));
    assert_eq!(state.session.rollup.plan.cities.len(), MAX_CITIES);
    assert_eq!(
        state.session.rollup.refusal,
        Some(RollUpRefusal::TooMany { left_out: 2 })
    );
}

#[test]
fn a_refused_file_is_said_and_clear_starts_over() {
    let mut state = three_cities();
    state.apply(Action::RollUp(R::Refused(RollUpRefusal::File(
        RollUpFileError::NotARollUp,
    ))));
    assert!(state.session.rollup.refusal.is_some());
    state.apply(Action::RollUp(R::Clear));
    assert_eq!(state.session.rollup, RollUpState::default());
}

#[test]
fn a_rollup_link_opens_its_cities_in_the_dialog_and_the_first_on_screen() {
    let mut state = three_cities();
    state.apply(Action::RollUp(R::AddTarget(coverage_target())));
    let query = encode_rollup(&state.session.rollup.plan, None);
    let opened = crate::share::decode(&query);
    let fresh = State::from_link(&opened, Lang::Zh);
    assert_eq!(fresh.plans.len(), 1);
    assert_eq!(fresh.plan().computed.scenario.region, "jinan");
    assert_eq!(fresh.session.dialog, Some(Dialog::RollUp));
    assert_eq!(fresh.session.rollup.plan.cities.len(), 3);
    assert_eq!(fresh.session.rollup.plan.targets.len(), 1);
    // Pasted into a page that is open.
    let mut other = yunnan();
    other.apply(Action::OpenLink {
        opened: Box::new(opened),
        now: "2026-11-23T10:00:00Z".into(),
    });
    assert_eq!(other.session.rollup.plan.cities.len(), 3);
}

#[test]
fn a_rollup_file_opens_whole() {
    let mut state = yunnan();
    let plan = RollUpPlan {
        name: Some("三市".into()),
        targets: vec![coverage_target()],
        cities: vec![city("jinan"), city("nanchang")],
    };
    state.apply(Action::RollUp(R::Open(plan.clone())));
    assert_eq!(state.session.rollup.plan, plan);
    assert!(state.session.rollup.result.is_some());
}
