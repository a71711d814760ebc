//! Comparing plans: every input that differs, and each plan's verdicts and budget side by side.

use swplan_engine::params::{self, PARAMS};
use swplan_engine::{Metric, Scenario, Target, Yearly};
use swplan_plans::compare::{diff, diff_plans, CompareError, Row, TargetChange, TargetRow, Terms};
use swplan_plans::presets;
use swplan_plans::share::open::open_name;
use swplan_words::compare::{diff_table, verdicts_table};
use swplan_words::Lang;

fn preset(slug: &str) -> Scenario {
    presets::by_slug(slug).unwrap().scenario.clone()
}

/// A parameter row as (key, year, values).
type ParamRow = (&'static str, Option<i32>, Vec<Option<f64>>);

fn param_rows(rows: &[Row]) -> Vec<ParamRow> {
    rows.iter()
        .filter_map(|row| match row {
            Row::Param { key, year, values } => Some((*key, *year, values.clone())),
            _ => None,
        })
        .collect()
}

/// The target row on `metric`.
fn target_row(rows: &[Row], metric: Metric) -> &TargetRow {
    rows.iter()
        .find_map(|row| match row {
            Row::Target(t) if t.metric == metric => Some(t),
            _ => None,
        })
        .unwrap()
}

#[test]
fn a_plan_against_itself_differs_in_nothing() {
    let yunnan = preset("yunnan");
    let compared = diff(&[&yunnan, &yunnan]).unwrap();
    assert!(compared.is_empty(), "{:?}", compared.rows);
    assert_eq!(compared.budgets[0], compared.budgets[1]);
    assert_eq!(compared.common_budget, None);
    for target in &compared.targets {
        assert_eq!(target.verdicts[0], target.verdicts[1]);
        assert_eq!(target.in_plan, [true, true]);
    }
}

#[test]
fn two_presets_differ_in_region_years_parameters_and_targets() {
    let (yunnan, guizhou) = (preset("yunnan"), preset("guizhou"));
    let compared = diff(&[&yunnan, &guizhou]).unwrap();
    assert!(matches!(&compared.rows[0], Row::RegionName { values } if values[1].en == "Guizhou"));
    assert!(compared.rows.contains(&Row::BaseYear {
        values: vec![2020, 2021]
    }));
    let params = param_rows(&compared.rows);
    assert!(params.contains(&("hires", None, vec![Some(12_000.0), Some(8_000.0)])));
    // Every parameter row names a key of the registry, in registry order.
    let order: Vec<usize> = params
        .iter()
        .map(|(key, _, _)| PARAMS.iter().position(|p| p.key == *key).unwrap())
        .collect();
    assert!(order.windows(2).all(|pair| pair[0] <= pair[1]));
    // Yunnan's only target is on talent; Guizhou's are coverage, certified and talent.
    let talent = target_row(&compared.rows, Metric::Talent);
    assert_eq!(talent.change(1), TargetChange::Changed);
    let certified = target_row(&compared.rows, Metric::Certified);
    assert_eq!(certified.change(1), TargetChange::Added);
    assert_eq!(
        certified.terms[1],
        Some(Terms {
            threshold: 5000.0,
            deadline: 2025
        })
    );
}

#[test]
fn every_plan_is_judged_on_every_target_side_by_side() {
    let (yunnan, guizhou) = (preset("yunnan"), preset("guizhou"));
    let compared = diff(&[&yunnan, &guizhou]).unwrap();
    // Yunnan's talent target, then Guizhou's three.
    assert_eq!(compared.targets.len(), 4);
    let yunnan_talent = &compared.targets[0];
    assert_eq!(yunnan_talent.in_plan, [true, false]);
    let verdicts: Vec<bool> = yunnan_talent
        .verdicts
        .iter()
        .map(|v| v.as_ref().unwrap().met)
        .collect();
    assert_eq!(verdicts, [false, false]);
    assert_eq!(compared.budgets[0].end_year, 2030);
    assert!(compared.budgets.iter().all(|b| b.cumulative > 0.0));
}

#[test]
fn schedules_differing_in_one_year_give_one_row_for_that_year() {
    let yunnan = preset("yunnan");
    let mut more_in_2024 = yunnan.clone();
    more_in_2024.levers.hires =
        Yearly::List(vec![12_000.0, 12_000.0, 12_000.0, 15_000.0, 12_000.0]);
    let compared = diff(&[&yunnan, &more_in_2024]).unwrap();
    assert_eq!(
        param_rows(&compared.rows),
        [("hires", Some(2024), vec![Some(12_000.0), Some(15_000.0)])]
    );
}

#[test]
fn constant_schedules_that_differ_give_one_row_without_a_year() {
    let yunnan = preset("yunnan");
    let mut more = yunnan.clone();
    params::set(&mut more, "hires", 15_000.0).unwrap();
    let compared = diff(&[&yunnan, &more]).unwrap();
    assert_eq!(
        param_rows(&compared.rows),
        [("hires", None, vec![Some(12_000.0), Some(15_000.0)])]
    );
}

#[test]
fn different_horizons_show_the_last_year_and_budgets_by_a_common_year() {
    let yunnan = preset("yunnan");
    let mut shorter = yunnan.clone();
    shorter.end_year = 2027;
    let compared = diff(&[&yunnan, &shorter]).unwrap();
    assert_eq!(
        compared.rows,
        [Row::EndYear {
            values: vec![2030, 2027]
        }],
        "the years both plans simulate are alike; the rest is not a difference"
    );
    assert_eq!(compared.budgets[1].end_year, 2027);
    let common = compared.common_budget.unwrap();
    assert_eq!(common.year, 2027);
    assert_eq!(common.cumulative[0], common.cumulative[1]);
    assert_eq!(common.cumulative[1], Some(compared.budgets[1].cumulative));
}

#[test]
fn a_target_beyond_a_plans_years_has_no_verdict_for_it() {
    let yunnan = preset("yunnan");
    let mut later = yunnan.clone();
    later.targets.push(Target {
        metric: Metric::Institutions,
        threshold: 500.0,
        deadline: 2030,
        source: None,
    });
    let mut shorter = yunnan.clone();
    shorter.end_year = 2027;
    let compared = diff(&[&later, &shorter]).unwrap();
    let institutions = &compared.targets[1];
    assert!(institutions.verdicts[0].is_some());
    assert_eq!(institutions.verdicts[1], None);
    let removed = compared.rows.iter().find_map(|row| match row {
        Row::Target(t) => Some(t.change(1)),
        _ => None,
    });
    assert_eq!(removed, Some(TargetChange::Removed));
}

#[test]
fn monte_carlo_settings_differ_only_between_plans_that_carry_them() {
    let first = open_name("v=1&p=lhasa.1&ms=7").unwrap().plans.remove(0);
    let second = open_name("lhasa").unwrap().plans.remove(0);
    let compared = diff_plans(&[&first, &second]).unwrap();
    assert!(compared.rows.contains(&Row::Seed {
        values: vec![7, 2025]
    }));
    assert!(!compared.rows.iter().any(|r| matches!(r, Row::Runs { .. })));
}

#[test]
fn two_to_four_plans_can_be_compared_and_invalid_ones_are_named() {
    let yunnan = preset("yunnan");
    assert_eq!(
        diff(&[&yunnan]).unwrap_err(),
        CompareError::PlanCount { given: 1 }
    );
    assert_eq!(
        diff(&[&yunnan; 5]).unwrap_err(),
        CompareError::PlanCount { given: 5 }
    );
    assert!(diff(&[&yunnan; 4]).is_ok());
    let mut broken = yunnan.clone();
    broken.assumptions.attrition = 2.0;
    assert!(matches!(
        diff(&[&yunnan, &broken]),
        Err(CompareError::Invalid { plan: 1, .. })
    ));
}

#[test]
fn the_tables_name_rows_from_the_registries_in_either_language() {
    let yunnan = preset("yunnan");
    let mut more_in_2024 = yunnan.clone();
    more_in_2024.levers.hires =
        Yearly::List(vec![12_000.0, 12_000.0, 12_000.0, 15_000.0, 12_000.0]);
    more_in_2024.assumptions.attrition = 0.05;
    let compared = diff(&[&yunnan, &more_in_2024]).unwrap();
    let titles = ["A".to_string(), "B".to_string()];
    let zh = diff_table(&compared, &titles, Lang::Zh);
    assert_eq!(zh.rows.len(), compared.rows.len());
    assert_eq!(zh.rows[0], ["年流失率", "8%", "5%"]);
    assert_eq!(zh.rows[1], ["每年新增人才（2024年）", "1.2万", "1.5万"]);
    let en = diff_table(&compared, &titles, Lang::En);
    assert_eq!(en.rows[1], ["New talent (2024)", "12,000", "15,000"]);
    let verdicts = verdicts_table(&compared, &titles, Lang::En);
    assert_eq!(verdicts.header, ["Target", "A", "B"]);
    assert!(
        verdicts.rows[0][1].starts_with("✗ 106,830"),
        "{:?}",
        verdicts.rows[0]
    );
    assert!(verdicts.rows.last().unwrap()[0].starts_with("Cumulative budget"));
}
