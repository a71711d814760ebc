//! `swplan optimise` and `swplan sensitivity`, run as a user would run them.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::cli::{json, stderr, swplan};

#[test]
fn the_cheapest_plan_for_ningxia_meets_every_target_as_planned() {
    let report = json(&["optimise", "ningxia", "--format", "json"]);
    assert_eq!(report["status"], "met");
    let targets = report["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 6);
    assert!(targets.iter().all(|t| t["met_as_planned"] == true));
    for lever in report["plan"].as_array().unwrap() {
        for value in lever["values"].as_array().unwrap() {
            assert_eq!(
                value.as_f64().unwrap().fract(),
                0.0,
                "whole people and units"
            );
        }
    }
    assert!(report["cost"]["total"].as_f64().unwrap() > 0.0);
    assert!(report["messages"]["status"]
        .as_str()
        .unwrap()
        .starts_with("Found the cheapest plan"));
}

#[test]
fn at_ninety_percent_the_odds_printed_are_the_measured_ones() {
    let report = json(&[
        "optimise",
        "ningxia",
        "--confidence",
        "0.9",
        "--format",
        "json",
    ]);
    let odds = &report["odds"];
    assert_eq!(odds["runs"], 10_000);
    let measured = odds["all_met"].as_f64().unwrap();
    let error = odds["standard_error"].as_f64().unwrap();
    assert!(measured >= 0.9 - 3.0 * error, "{measured} ± {error}");
    let sentence = report["messages"]["odds"].as_str().unwrap();
    assert!(sentence.contains("asked for was 90%"), "{sentence}");
    assert!(sentence.contains("10,000 fresh"), "{sentence}");
}

#[test]
fn the_link_of_the_cheapest_plan_opens_with_every_target_met() {
    let out = swplan(&["optimise", "ningxia", "--link"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let link = String::from_utf8(out.stdout).unwrap();
    assert!(link.starts_with("http://127.0.0.1:8080/?"), "{link}");
    let run = json(&["run", link.trim(), "--format", "json"]);
    for target in run["targets"].as_array().unwrap() {
        assert_eq!(target["met"], true, "{target}");
    }
}

#[test]
fn a_ceiling_too_low_names_the_target_and_the_nearest_plan() {
    let out = swplan(&[
        "optimise",
        "yunnan",
        "--levers",
        "hires",
        "--bound",
        "hires=0..15000",
        "--lang",
        "zh",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("在所给的范围内无法达成全部目标。下面是最接近的方案："),
        "{text}"
    );
    assert!(
        text.contains("2025年社会工作人才总量达到14万人：最接近的方案仍差"),
        "{text}"
    );
}

#[test]
fn bounds_the_wrong_way_round_are_refused_in_the_planner_s_words() {
    let out = swplan(&[
        "optimise",
        "ningxia",
        "--bound",
        "rooms_per_year@2024=900..100",
        "--lang",
        "zh",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "“每年新建社工室”在2024年的范围无效：每年最少和最多都须是不小于0的数字，且最少不能大于最多。"
    );
}

#[test]
fn a_lever_the_optimiser_cannot_move_or_a_malformed_bound_is_a_usage_error() {
    let out = swplan(&["optimise", "ningxia", "--levers", "hires,attrition"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("'attrition' is not a yearly lever the optimiser can move"));
    let out = swplan(&["optimise", "ningxia", "--bound", "hires=lots"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--bound 'hires=lots' should read key=min..max"));
    let out = swplan(&["optimise", "ningxia", "--budget", "1e308"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("The value '1e308' of --budget is not a valid number."));
}

#[test]
fn a_budget_in_planner_notation_caps_the_cost() {
    let report = json(&["optimise", "ningxia", "--budget", "5亿", "--format", "json"]);
    assert_eq!(report["problem"]["goal"]["least_shortfall"]["budget"], 5e8);
    assert!(report["cost"]["total"].as_f64().unwrap() <= 5e8 * (1.0 + 1e-9));
    assert_ne!(report["status"], "met");
}

#[test]
fn a_csv_of_the_cheapest_plan_opens_in_excel() {
    let out = swplan(&["optimise", "ningxia", "--format", "csv", "--lang", "zh"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("\u{feff}杠杆,,2023,"), "{text}");
    assert!(text.contains("\r\n每年新增人才,现方案,1500,"), "{text}");
}

#[test]
fn the_sensitivity_of_yunnan_s_talent_target_is_led_by_talent_hiring_or_attrition() {
    let report = json(&["sensitivity", "yunnan", "--format", "json"]);
    let tornado = &report["tornadoes"][0];
    assert_eq!(tornado["target"], 0);
    let first = tornado["bars"][0]["key"].as_str().unwrap();
    assert!(["talent", "attrition", "hires"].contains(&first), "{first}");
    let shares = &report["shares"][0]["value"];
    let attrition = shares
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source"] == "attrition")
        .unwrap();
    assert!(attrition["first_order"].as_f64().unwrap() > 0.2);
    let table = swplan(&["sensitivity", "yunnan", "--lang", "zh"]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(
        text.contains("2025年社会工作人才总量达到14万人：哪个因素影响最大"),
        "{text}"
    );
}
