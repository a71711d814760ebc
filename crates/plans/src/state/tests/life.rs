//! A plan through its life (issue 21): actual figures typed, pasted and imported, the
//! re-projection and its odds, calibration applied as one undo step, the back-test.

use super::*;
use crate::compute::{Job, Outcome, Runner};
use crate::life::block::{read_block, ReadBlock};
use crate::life::{fitted_years, EntryProblem};
use crate::share::{decode, encode};
use crate::state::life::{BlockFrom, DraftProblem, LifeAction as L};
use swplan_engine::calibrate::Lever;
use swplan_engine::deviation::ActualsProblem;
use swplan_engine::Metric;

fn typed(state: &mut State, metric: Metric, year: i32, text: &str) {
    let value = text.replace(',', "").parse::<f64>().ok();
    state.apply(Action::Life(L::EnterActual {
        metric,
        year,
        text: text.into(),
        value,
    }));
}

/// Yunnan with talent actuals that run below the plan, from its base year on: hires of
/// 15,000 a year at 9 % attrition.
fn yunnan_with_actuals() -> State {
    let mut state = yunnan();
    let mut talent: f64 = 84_500.0;
    for year in 2020..=2023 {
        typed(&mut state, Metric::Talent, year, &format!("{talent}"));
        talent = talent * (1.0 - 0.09) + 15_000.0;
    }
    state
}

/// Runs the worker's job as the page would, and hands back the outcome.
fn run_fit(state: &mut State) {
    let request = state.session.life.fit_request.clone().unwrap();
    let outcome = Runner::start(Job::Calibrate {
        scenario: (*request.scenario).clone(),
        levers: request.levers.clone(),
    })
    .finish();
    let Outcome::Calibration(outcome) = outcome else {
        panic!("{outcome:?}");
    };
    state.apply(Action::Life(L::CalibrationDone {
        token: request.token,
        outcome: *outcome,
    }));
}

#[test]
fn a_typed_actual_is_kept_in_the_plan_and_undone_as_one_step() {
    let mut state = yunnan();
    typed(&mut state, Metric::Talent, 2022, "95000");
    assert_eq!(
        state.plan().scenario.actuals.value(Metric::Talent, 2022),
        Some(95_000.0)
    );
    let view = state.plan().computed.actuals.clone().unwrap();
    assert_eq!(view.deviations[0].rows[0].actual, 95_000.0);
    assert!(state.plan().is_edited());
    state.apply(Action::Undo);
    assert!(state.plan().scenario.actuals.is_empty());
    assert!(state.plan().computed.actuals.is_none());
}

#[test]
fn an_actual_changes_no_odds() {
    let mut state = yunnan();
    let generation = state.plan().generation;
    typed(&mut state, Metric::Talent, 2022, "95000");
    assert_eq!(state.plan().generation, generation);
}

#[test]
fn a_value_that_is_not_a_number_or_impossible_stays_in_its_field_with_why() {
    let mut state = yunnan();
    typed(&mut state, Metric::Talent, 2022, "abc");
    let draft = &state.session.life.drafts[&(Metric::Talent, 2022)];
    assert_eq!(draft.problem, DraftProblem::NotANumber);
    typed(&mut state, Metric::Talent, 2022, "-5");
    let draft = &state.session.life.drafts[&(Metric::Talent, 2022)];
    assert!(matches!(
        &draft.problem,
        DraftProblem::Refused(p) if matches!(p[..], [EntryProblem::Actual(ActualsProblem::Negative { .. })])
    ));
    state.apply(Action::Life(L::EnterActual {
        metric: Metric::Talent,
        year: 2022,
        text: "1e308".into(),
        value: Some(1e308),
    }));
    assert!(matches!(
        &state.session.life.drafts[&(Metric::Talent, 2022)].problem,
        DraftProblem::Refused(p) if matches!(p[..], [EntryProblem::TooLarge { .. }])
    ));
    assert!(state.plan().scenario.actuals.is_empty());
    state.apply(Action::Life(L::ClearActualDraft {
        metric: Metric::Talent,
        year: 2022,
    }));
    assert!(state.session.life.drafts.is_empty());
}

#[test]
fn a_note_and_a_removal_are_edits_of_the_plan() {
    let mut state = yunnan();
    typed(&mut state, Metric::Certified, 2022, "4100");
    state.apply(Action::Life(L::SetActualNote {
        metric: Metric::Certified,
        year: 2022,
        note: " 2022年民政统计公报 ".into(),
    }));
    let actual = state
        .plan()
        .scenario
        .actuals
        .get(Metric::Certified, 2022)
        .cloned()
        .unwrap();
    assert_eq!(actual.note.as_deref(), Some("2022年民政统计公报"));
    // The note travels with the value.
    typed(&mut state, Metric::Certified, 2022, "4200");
    let actuals = &state.plan().scenario.actuals;
    assert_eq!(
        actuals
            .get(Metric::Certified, 2022)
            .unwrap()
            .note
            .as_deref(),
        Some("2022年民政统计公报")
    );
    state.apply(Action::Life(L::RemoveActual {
        metric: Metric::Certified,
        year: 2022,
    }));
    assert!(state.plan().scenario.actuals.is_empty());
    state.apply(Action::Undo);
    assert_eq!(
        state.plan().scenario.actuals.value(Metric::Certified, 2022),
        Some(4200.0)
    );
}

fn pasted(text: &str) -> ReadBlock {
    let names = [
        ("社会工作人才总量", Metric::Talent),
        ("持证社工", Metric::Certified),
    ];
    read_block(text, &names, &|t| t.replace(',', "").parse().ok(), None)
}

#[test]
fn a_pasted_block_is_shown_then_entered_as_one_step_saying_what_it_refused() {
    let mut state = yunnan();
    typed(&mut state, Metric::Talent, 2021, "80000");
    let read = pasted(
        "指标\t2021\t2022\t2023\n社会工作人才总量\t86,000\t90000\t\n持证社工\t3000\t-4\tx\n",
    );
    state.apply(Action::Life(L::ReadBlock {
        from: BlockFrom::Paste,
        read,
    }));
    assert!(state.session.life.block.is_some());
    assert_eq!(state.plan().scenario.actuals.entries().count(), 1);
    state.apply(Action::Life(L::ApplyBlock));
    let actuals = &state.plan().scenario.actuals;
    assert_eq!(actuals.value(Metric::Talent, 2021), Some(86_000.0));
    assert_eq!(actuals.value(Metric::Talent, 2022), Some(90_000.0));
    assert_eq!(actuals.value(Metric::Certified, 2021), Some(3000.0));
    let report = state.session.life.report.clone().unwrap();
    assert_eq!((report.added, report.replaced), (2, 1));
    assert_eq!(report.refused.len(), 1, "the negative value");
    assert_eq!(report.unread.len(), 1, "the cell that is not a number");
    assert!(state.session.life.block.is_none());
    state.apply(Action::Undo);
    assert_eq!(state.plan().scenario.actuals.entries().count(), 1);
}

#[test]
fn a_block_can_be_discarded() {
    let mut state = yunnan();
    state.apply(Action::Life(L::ReadBlock {
        from: BlockFrom::File("统计.csv".into()),
        read: pasted("指标,2021\n持证社工,3000\n"),
    }));
    state.apply(Action::Life(L::DiscardBlock));
    assert!(state.session.life.block.is_none());
    assert!(state.plan().scenario.actuals.is_empty());
}

#[test]
fn actuals_travel_in_links_and_reopen_the_same() {
    let mut state = yunnan_with_actuals();
    state.apply(Action::Life(L::SetActualNote {
        metric: Metric::Talent,
        year: 2023,
        note: "公报".into(),
    }));
    let spec = state.plan().to_spec(state.session.mc);
    let query = encode(std::slice::from_ref(&spec), None);
    assert!(query.contains("&ac=tl-2020-84500-"), "{query}");
    assert!(query.starts_with("v=4&"));
    let opened = decode(&query);
    assert!(opened.problems.is_empty());
    assert_eq!(opened.plans[0].scenario.actuals, spec.scenario.actuals);
}

#[test]
fn the_reprojection_is_shown_with_its_own_odds() {
    let mut state = yunnan_with_actuals();
    state.apply(Action::Life(L::ShowReprojection(true)));
    assert!(state.session.life.show_reprojection);
    let plan = state.plan();
    let reprojection = plan
        .computed
        .actuals
        .as_ref()
        .and_then(|v| v.reprojection.clone())
        .unwrap();
    assert_eq!(reprojection.start.year, 2023);
    let outcome = Runner::start(Job::MonteCarloFrom {
        scenario: plan.computed.scenario.clone(),
        settings: swplan_engine::montecarlo::Settings::clamped(100, 1),
        start: reprojection.start,
    })
    .finish();
    let Outcome::Summary(summary) = outcome else {
        panic!()
    };
    assert_eq!(summary.p50[0].year, 2023);
    let (id, generation) = (plan.id, plan.generation);
    state.apply(Action::Life(L::ReprojectedOdds {
        plan: id,
        generation,
        start: reprojection.start,
        summary: Rc::new(summary),
    }));
    assert!(state.reprojected_odds().is_some());
    // Another actual moves the start: the odds are no longer of it.
    typed(&mut state, Metric::Talent, 2023, "99000");
    assert!(state.reprojected_odds().is_none());
    state.apply(Action::Undo);
    assert!(state.reprojected_odds().is_some());
    // Odds of another result are not this plan's.
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    assert!(state.reprojected_odds().is_none());
    state.apply(Action::Life(L::ShowReprojection(false)));
    assert!(!state.session.life.show_reprojection);
}

#[test]
fn calibration_is_fitted_in_the_worker_and_applied_as_one_undo_step_with_its_provenance() {
    let mut state = yunnan_with_actuals();
    assert_eq!(state.session.life.levers, [Lever::Hires, Lever::Attrition]);
    state.apply(Action::Life(L::Calibrate));
    run_fit(&mut state);
    assert!(state.session.life.fit_request.is_none());
    let fit = state.session.life.fit.clone().unwrap();
    let calibration = fit.outcome.as_ref().unwrap();
    assert!((calibration.value(Lever::Hires).unwrap() - 15_000.0).abs() < 1.0);
    assert!((calibration.value(Lever::Attrition).unwrap() - 0.09).abs() < 1e-4);
    state.apply(Action::Life(L::ApplyCalibration));
    assert!(state.session.life.fit_applied);
    let scenario = &state.plan().scenario;
    let hires = swplan_engine::params::values(scenario, "hires", 1).unwrap()[0];
    assert!((hires - 15_000.0).abs() < 1.0);
    let source = &scenario.planner_sources["attrition"];
    assert_eq!(fitted_years(source), Some((2021, 2023)));
    // One undo step takes both levers and their sources back.
    state.apply(Action::Undo);
    let scenario = &state.plan().scenario;
    assert!(scenario.planner_sources.is_empty());
    assert_ne!(
        swplan_engine::params::values(scenario, "hires", 1).unwrap()[0].round(),
        15_000.0
    );
    assert_eq!(scenario.actuals.entries().count(), 4);
}

#[test]
fn a_fit_the_data_cannot_support_is_refused_and_cannot_be_applied() {
    let mut state = yunnan();
    typed(&mut state, Metric::Talent, 2021, "90000");
    state.apply(Action::Life(L::ChooseLever {
        lever: Lever::Attrition,
        chosen: false,
    }));
    state.apply(Action::Life(L::ChooseLever {
        lever: Lever::Attrition,
        chosen: true,
    }));
    state.apply(Action::Life(L::Calibrate));
    run_fit(&mut state);
    let fit = state.session.life.fit.clone().unwrap();
    assert!(matches!(
        fit.outcome,
        Err(swplan_engine::calibrate::Refusal::TooFewPoints { .. })
    ));
    let before = state.plan().scenario.clone();
    state.apply(Action::Life(L::ApplyCalibration));
    assert_eq!(state.plan().scenario, before);
}

#[test]
fn a_late_or_failed_job_is_dropped() {
    let mut state = yunnan_with_actuals();
    state.apply(Action::Life(L::Calibrate));
    let old = state.session.life.fit_request.clone().unwrap().token;
    state.apply(Action::Life(L::Calibrate));
    state.apply(Action::Life(L::CalibrationDone {
        token: old,
        outcome: Err(swplan_engine::calibrate::Refusal::NoLevers),
    }));
    assert!(state.session.life.fit.is_none());
    let token = state.session.life.fit_request.clone().unwrap().token;
    state.apply(Action::Life(L::JobFailed { token }));
    assert!(state.session.life.fit_request.is_none());
}

#[test]
fn an_unchosen_backtest_is_based_in_the_first_actual_and_leaves_a_later_one_to_test() {
    let mut state = yunnan_with_actuals();
    state.apply(Action::Life(L::Backtest));
    let request = state.session.life.backtest_request.clone().unwrap();
    // Actuals 2020–2023: based in 2020, fitted on 2021–2022, tested on 2023.
    assert_eq!((request.base_year, request.cutoff), (2020, 2022));
    assert!(request.base_year < request.cutoff);
}

#[test]
fn no_backtest_is_asked_of_actuals_that_cannot_support_one() {
    let mut state = yunnan();
    for (year, talent) in [(2021, "90000"), (2022, "95000"), (2023, "99000")] {
        typed(&mut state, Metric::Talent, year, talent);
    }
    // Three years, two levers: nothing to test once a base year and two years to fit are taken.
    state.apply(Action::Life(L::Backtest));
    assert!(state.session.life.backtest_request.is_none());
    // With one lever the same years will do.
    state.apply(Action::Life(L::ChooseLever {
        lever: Lever::Attrition,
        chosen: false,
    }));
    state.apply(Action::Life(L::Backtest));
    let request = state.session.life.backtest_request.clone().unwrap();
    assert_eq!((request.base_year, request.cutoff), (2021, 2022));
}

#[test]
fn the_backtest_runs_on_the_chosen_years() {
    let mut state = yunnan_with_actuals();
    state.apply(Action::Life(L::ShowFigure(Metric::Talent)));
    state.apply(Action::Life(L::SetBacktestYears {
        base_year: 2020,
        cutoff: 2022,
    }));
    state.apply(Action::Life(L::Backtest));
    let request = state.session.life.backtest_request.clone().unwrap();
    assert_eq!((request.base_year, request.cutoff), (2020, 2022));
    let Outcome::Backtest(outcome) = Runner::start(Job::Backtest {
        scenario: (*request.scenario).clone(),
        levers: request.levers.clone(),
        base_year: request.base_year,
        cutoff: request.cutoff,
    })
    .finish() else {
        panic!()
    };
    state.apply(Action::Life(L::BacktestDone {
        token: request.token,
        outcome: *outcome,
    }));
    let backtest = state.session.life.backtest.clone().unwrap();
    let result = backtest.outcome.as_ref().unwrap();
    assert_eq!(result.cutoff, 2022);
    assert!(result.largest_miss.residual.abs() < 50.0, "{result:?}");
}

#[test]
fn every_life_and_rollup_action_has_a_test() {
    let declared = |source: &str, name: &str| -> Vec<String> {
        let body = source
            .split_once(&format!("pub enum {name} {{\n"))
            .and_then(|(_, rest)| rest.split_once("\n}\n"))
            .map_or("", |(body, _)| body);
        body.lines()
            .filter_map(|line| line.strip_prefix("    "))
            .filter(|line| line.starts_with(|c: char| c.is_ascii_uppercase()))
            .map(|line| {
                line.chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect()
            })
            .collect()
    };
    let tests = [include_str!("life.rs"), include_str!("rollup.rs")].concat();
    for (source, name, prefix) in [
        (include_str!("../life.rs"), "LifeAction", "L::"),
        (include_str!("../rollup.rs"), "RollUpAction", "R::"),
    ] {
        let variants = declared(source, name);
        assert!(variants.len() > 5, "{name}");
        for variant in variants {
            assert!(
                tests.contains(&format!("{prefix}{variant} "))
                    || tests.contains(&format!("{prefix}{variant}("))
                    || tests.contains(&format!("{prefix}{variant})"))
                    || tests.contains(&format!("{prefix}{variant},")),
                "no test applies {name}::{variant}"
            );
        }
    }
}
