//! Monte Carlo and inverse planning across every preset, and through the command line.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::cli::{json, swplan};

use swplan_engine::montecarlo::{self, checksum, probability, Settings};
use swplan_engine::params::{self, Unit};
use swplan_engine::seek::{drivers, natural_lever, seek, Question};
use swplan_engine::simulate::year_inputs;
use swplan_engine::{evaluate, simulate, Goal, Scenario, Target};
use swplan_plans::presets;

/// Whether the lever at `value` meets `target` and keeps every other target met now met: what
/// "what it takes" answers.
fn met_keeping(scenario: &Scenario, target: &Target, lever: &str, value: f64) -> bool {
    let now = simulate(scenario).unwrap();
    let kept = scenario
        .targets
        .iter()
        .filter(|t| *t != target && t.goal() == Goal::AtLeast && evaluate(t, &now).met);
    let mut trial = scenario.clone();
    params::set(&mut trial, lever, value).unwrap();
    simulate(&trial)
        .is_ok_and(|t| evaluate(target, &t).met && kept.clone().all(|k| evaluate(k, &t).met))
}

fn step(lever: &str) -> f64 {
    match params::param(lever).unwrap().unit {
        Unit::Rate => 0.001,
        _ => 1.0,
    }
}

#[test]
fn every_deterministic_seek_answer_is_met_at_the_value_and_not_just_below() {
    let mut answered = 0;
    for preset in presets::all() {
        let s = &preset.scenario;
        for target in &s.targets {
            for &lever in drivers(target.metric) {
                let question = Question {
                    target,
                    lever,
                    confidence: None,
                };
                let answer = seek(s, &question).unwrap();
                let Some(value) = answer.value else {
                    // No value works: then the largest value tried must indeed fail.
                    let largest = if step(lever) < 1.0 { 1.0 } else { 1e7 };
                    assert!(
                        !met_keeping(s, target, lever, largest),
                        "{} {lever}",
                        preset.slug
                    );
                    continue;
                };
                answered += 1;
                assert!(
                    met_keeping(s, target, lever, value),
                    "{} {:?} {lever}={value}",
                    preset.slug,
                    target.metric
                );
                if value > 0.0 {
                    assert!(
                        !met_keeping(s, target, lever, value - step(lever)),
                        "{} {:?} {lever}: {value} is not the least",
                        preset.slug,
                        target.metric
                    );
                }
            }
        }
    }
    assert!(answered > 10, "most questions have an answer ({answered})");
}

#[test]
fn every_confident_seek_answer_reaches_the_confidence_and_one_step_less_does_not() {
    let settings = Settings::clamped(200, 17);
    let confidence = 0.8;
    for preset in presets::all() {
        let s = &preset.scenario;
        for target in &s.targets {
            let Some(lever) = natural_lever(target.metric) else {
                continue;
            };
            let question = Question {
                target,
                lever,
                confidence: Some((confidence, settings)),
            };
            let answer = seek(s, &question).unwrap();
            let Some(value) = answer.value else { continue };
            let odds = |v: f64| {
                let mut trial = s.clone();
                params::set(&mut trial, lever, v).unwrap();
                probability(&trial, target, settings)
            };
            assert!(odds(value) >= confidence, "{} {lever}={value}", preset.slug);
            if value > 0.0 {
                assert!(
                    odds(value - step(lever)) < confidence,
                    "{} {lever}={value}",
                    preset.slug
                );
            }
            // Under uncertainty it takes at least what the plan takes.
            let plan = seek(
                s,
                &Question {
                    confidence: None,
                    ..question.clone()
                },
            )
            .unwrap();
            assert!(
                value >= plan.value.unwrap_or(0.0),
                "{} {lever}",
                preset.slug
            );
        }
    }
}

/// Every preset's odds are the shares of its runs, counted one trajectory at a time with
/// `evaluate`: met at the deadline, first met in each year, never met. Each target is moved to
/// the median of its figure at the deadline, so that its odds are neither certain nor hopeless.
#[test]
fn every_presets_odds_are_the_shares_of_its_runs_that_meet_each_target() {
    let settings = Settings::clamped(100, 1);
    let share = |count: usize| count as f64 / settings.runs as f64;
    let mut uncertain_odds = 0;
    for preset in presets::all() {
        let mut scenario = preset.scenario.clone();
        let medians = montecarlo::simulate_many(&scenario, settings).unwrap();
        for target in &mut scenario.targets {
            let deadline = (target.deadline - scenario.base_year) as usize;
            target.threshold = target.metric.value(&medians.p50[deadline]);
        }
        let scenario = &scenario;
        let summary = montecarlo::simulate_many(scenario, settings).unwrap();
        assert_eq!(summary.p50.len(), scenario.horizon() + 1);
        assert_eq!(summary.targets.len(), scenario.targets.len());
        let plan = year_inputs(scenario);
        let runs: Vec<_> = (0..settings.runs as u64)
            .map(|run| montecarlo::trajectory(scenario, &plan, settings.seed, run))
            .collect();
        for (target, odds) in scenario.targets.iter().zip(&summary.targets) {
            let what = format!("{} {}", preset.slug, target.metric.key());
            let verdicts: Vec<_> = runs.iter().map(|run| evaluate(target, run)).collect();
            let met = verdicts.iter().filter(|v| v.met).count();
            assert_eq!(odds.probability, share(met), "{what}");
            let never = verdicts
                .iter()
                .filter(|v| v.first_year_met.is_none())
                .count();
            assert_eq!(odds.never_met, share(never), "{what}");
            let mut first_years: Vec<i32> =
                verdicts.iter().filter_map(|v| v.first_year_met).collect();
            first_years.sort_unstable();
            first_years.dedup();
            let counted: Vec<(i32, f64)> = first_years
                .iter()
                .map(|&year| {
                    let count = verdicts
                        .iter()
                        .filter(|v| v.first_year_met == Some(year))
                        .count();
                    (year, share(count))
                })
                .collect();
            let reported: Vec<(i32, f64)> = odds
                .first_year_distribution
                .iter()
                .map(|y| (y.year, y.share))
                .collect();
            assert_eq!(reported, counted, "{what}");
            if met > 0 && met < runs.len() {
                uncertain_odds += 1;
            }
        }
    }
    assert!(
        uncertain_odds > 0,
        "some preset target is neither certain nor hopeless, or this test checks little"
    );
}

#[test]
fn the_cross_platform_checksum_is_the_one_the_browser_test_expects() {
    let summary = common::checksum_summary();
    assert_eq!(
        checksum(&summary),
        common::YUNNAN_CHECKSUM,
        "update tests/common/mod.rs if the model changed on purpose"
    );
}

#[test]
fn run_with_runs_adds_bands_and_probabilities() {
    let args = [
        "run",
        "seeds/yunnan.toml",
        "--runs",
        "500",
        "--seed",
        "3",
        "--set",
        "hires=19500",
        "--format",
        "json",
    ];
    let report = json(&args);
    let year = &report["years"][5];
    let (p10, p50, p90) = (
        year["p10"]["talent"].as_f64().unwrap(),
        year["p50"]["talent"].as_f64().unwrap(),
        year["p90"]["talent"].as_f64().unwrap(),
    );
    assert!(p10 < p50 && p50 < p90);
    // The odds are those of the library for the same plan, runs and seed.
    let mut scenario = presets::by_slug("yunnan").unwrap().scenario.clone();
    params::set(&mut scenario, "hires", 19_500.0).unwrap();
    let odds = &montecarlo::simulate_many(&scenario, Settings::clamped(500, 3))
        .unwrap()
        .targets[0];
    assert!(
        0.0 < odds.probability && odds.probability < 1.0,
        "a plan with uncertain odds"
    );
    let target = &report["targets"][0];
    let close = |value: &serde_json::Value, expected: f64| {
        (value.as_f64().unwrap() - expected).abs() < 1e-9
    };
    assert!(close(&target["probability"], odds.probability), "{target}");
    assert!(close(&target["never_met"], odds.never_met), "{target}");
    let years = target["first_year_distribution"].as_array().unwrap();
    assert_eq!(years.len(), odds.first_year_distribution.len(), "{target}");
    for (written, share) in years.iter().zip(&odds.first_year_distribution) {
        assert_eq!(written["year"].as_i64(), Some(i64::from(share.year)));
        assert!(close(&written["share"], share.share), "{target}");
    }
    assert_eq!(report, json(&args), "the same seed gives the same output");
}

#[test]
fn run_without_runs_has_no_bands() {
    let report = json(&["run", "seeds/yunnan.toml", "--format", "json"]);
    assert!(report["years"][0].get("p10").is_none());
    assert!(report["targets"][0].get("probability").is_none());
}

#[test]
fn seek_prints_the_public_json_fields() {
    let seek_hires = [
        "seek",
        "seeds/yunnan.toml",
        "--target",
        "talent",
        "--lever",
        "hires",
        "--format",
        "json",
    ];
    let answer = json(&[&seek_hires[..], &["--confidence", "0.8"]].concat());
    for key in [
        "target",
        "lever",
        "value",
        "current",
        "feasible",
        "confidence",
    ] {
        assert!(answer.get(key).is_some(), "{key}");
    }
    assert_eq!(answer["target"], "talent");
    assert_eq!(answer["lever"], "hires");
    assert_eq!(answer["confidence"], 0.8);
    assert_eq!(answer["current"], 12000.0);
    assert_eq!(answer["feasible"], true);
    // Check the answer with the run command: met at the value, not one below.
    let value = answer["value"].as_f64().unwrap();
    let plan = json(&seek_hires);
    let plan_value = plan["value"].as_f64().unwrap();
    assert!(value > plan_value);
    let at = |v: f64| {
        json(&[
            "run",
            "seeds/yunnan.toml",
            "--set",
            &format!("hires={v}"),
            "--format",
            "json",
        ])["targets"][0]["met"]
            .clone()
    };
    assert_eq!(at(plan_value), true);
    assert_eq!(at(plan_value - 1.0), false);
}

#[test]
fn infeasible_seek_says_why_in_words() {
    // Ten junior candidates a year: no pass rate certifies 7,000 by 2027.
    let answer = json(&[
        "seek",
        "ningxia",
        "--target",
        "certified",
        "--lever",
        "pass_junior",
        "--set",
        "candidates_junior=10",
        "--set",
        "candidates_mid=10",
        "--format",
        "json",
    ]);
    assert_eq!(answer["feasible"], false);
    assert!(answer["value"].is_null());
    assert_eq!(answer["reason"], "rate_would_exceed_full");
    assert!(answer["message"].as_str().unwrap().contains("cannot"));
}

#[test]
fn a_lever_that_does_not_drive_the_target_is_refused_with_the_levers_that_do() {
    // Hiring builds no rooms: "at least 0" would answer nothing.
    let out = swplan(&["seek", "ningxia", "--target", "rooms", "--lever", "hires"]);
    assert_eq!(out.status.code(), Some(1));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message.contains("does not move") && message.contains("Rooms set up"),
        "{message}"
    );
}

#[test]
fn seek_refuses_unknown_targets_and_levers_with_a_message() {
    let out = swplan(&["seek", "yunnan", "--target", "rooms", "--lever", "hires"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no target on 'rooms'"));
    let out = swplan(&[
        "seek",
        "yunnan",
        "--target",
        "talent",
        "--lever",
        "attrition",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("'attrition' is not a yearly policy lever")
    );
    assert_eq!(
        swplan(&["seek", "yunnan", "--target", "talent"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        swplan(&[
            "seek",
            "yunnan",
            "--target",
            "talent",
            "--lever",
            "hires",
            "--confidence",
            "1.5"
        ])
        .status
        .code(),
        Some(2)
    );
    assert_eq!(
        swplan(&["run", "yunnan", "--runs", "5"]).status.code(),
        Some(2)
    );
    assert_eq!(
        swplan(&["run", "yunnan", "--seed", "abc"]).status.code(),
        Some(2)
    );
}
