//! Monte Carlo and inverse planning across every preset, and through the command line.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::cli::{json, swplan};

use swplan::model::montecarlo::{self, checksum, probability, Settings};
use swplan::model::params::{self, Unit};
use swplan::model::seek::{natural_lever, seek, seekable_levers, Question};
use swplan::model::{evaluate, simulate, Scenario, Target};
use swplan::presets;

fn met_with(scenario: &Scenario, target: &Target, lever: &str, value: f64) -> bool {
    let mut trial = scenario.clone();
    params::set(&mut trial, lever, value).unwrap();
    simulate(&trial).is_ok_and(|t| evaluate(target, &t).met)
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
            for lever in seekable_levers() {
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
                        !met_with(s, target, lever, largest),
                        "{} {lever}",
                        preset.slug
                    );
                    continue;
                };
                answered += 1;
                assert!(
                    met_with(s, target, lever, value),
                    "{} {:?} {lever}={value}",
                    preset.slug,
                    target.metric
                );
                if value > 0.0 {
                    assert!(
                        !met_with(s, target, lever, value - step(lever)),
                        "{} {:?} {lever}: {value} is not the least",
                        preset.slug,
                        target.metric
                    );
                }
            }
        }
    }
    assert!(answered > 20, "most questions have an answer ({answered})");
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

#[test]
fn every_preset_runs_a_monte_carlo() {
    for preset in presets::all() {
        let summary =
            montecarlo::simulate_many(&preset.scenario, Settings::clamped(100, 1)).unwrap();
        assert_eq!(summary.p50.len(), preset.scenario.horizon() + 1);
        assert_eq!(summary.targets.len(), preset.scenario.targets.len());
        for odds in &summary.targets {
            assert!((0.0..=1.0).contains(&odds.probability));
        }
    }
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
    let target = &report["targets"][0];
    assert!(target["probability"].as_f64().unwrap() <= 1.0);
    assert!(target["first_year_distribution"].is_array());
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
    let answer = json(&[
        "seek",
        "seeds/guizhou.toml",
        "--target",
        "talent",
        "--lever",
        "pass_mid",
        "--format",
        "json",
    ]);
    assert_eq!(answer["feasible"], false);
    assert!(answer["value"].is_null());
    assert_eq!(answer["reason"], "out_of_reach");
    assert!(answer["message"].as_str().unwrap().contains("cannot"));
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
