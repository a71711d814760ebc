//! Every refusal the plans crate can give is worded in both languages, naming what a planner
//! needs: the plan, the field, the range. (The refusals themselves are tested where they are
//! made, in `swplan-plans`.)

use swplan_engine::montecarlo::Settings;
use swplan_plans::presets;
use swplan_plans::share::changes::{apply_changes, ChangeProblem};
use swplan_plans::share::save::{from_json, to_json, SaveError, SavedPlan};
use swplan_plans::share::{Origin, PlanSpec};
use swplan_plans::story::{RecordError, StoryError};
use swplan_words::save_messages::{rejected_plan_message, save_error_message};
use swplan_words::story::{change_problem_message, record_error_message, story_error_message};
use swplan_words::Lang;

fn saved(id: &str, slug: &str) -> SavedPlan {
    let preset = presets::by_slug(slug).unwrap();
    let mut scenario = preset.scenario.clone();
    scenario.sources.clear();
    let plan = PlanSpec {
        name: Some(format!("{slug} 方案")),
        origin: Origin::Preset {
            slug: slug.into(),
            data_version: preset.data_version,
        },
        scenario,
        mc: Settings::default(),
    };
    SavedPlan::new(id, plan, "2026-01-01T08:00:00Z", "2026-01-02T09:30:00Z")
}

/// Both languages say something, and not the same thing.
fn worded_in_both(zh: String, en: String) {
    assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{zh} / {en}");
}

#[test]
fn an_invalid_plan_in_a_file_is_named_with_its_field() {
    let mut bad = serde_json::to_value(saved("bad", "jinan")).unwrap();
    bad["scenario"]["assumptions"]["attrition"] = serde_json::json!(3.0);
    let text = serde_json::json!({"format": "swplan-plans", "version": 1, "plans": [
        serde_json::to_value(saved("good", "yunnan")).unwrap(), bad]})
    .to_string();
    let imported = from_json(&text).unwrap();
    let zh = rejected_plan_message(&imported.rejected[0], Lang::Zh);
    assert!(
        zh.contains("第2个方案“jinan 方案”") && zh.contains("年流失率"),
        "{zh}"
    );
}

#[test]
fn a_plan_in_a_file_beyond_a_physical_bound_names_the_field_and_the_bound() {
    let mut bad = serde_json::to_value(saved("huge", "yunnan")).unwrap();
    bad["scenario"]["levers"]["hires"] = serde_json::json!(1e308);
    let text =
        serde_json::json!({"format": "swplan-plans", "version": 1, "plans": [bad]}).to_string();
    let imported = from_json(&text).unwrap();
    let zh = rejected_plan_message(&imported.rejected[0], Lang::Zh);
    assert!(
        zh.starts_with("第1个方案“yunnan 方案”含有无效数值")
            && zh.ends_with("每年新增人才：不能超过15亿人"),
        "{zh}"
    );
    let en = rejected_plan_message(&imported.rejected[0], Lang::En);
    assert!(
        en.ends_with("New talent: cannot exceed 1,500,000,000 people"),
        "{en}"
    );
}

#[test]
fn a_plan_missing_a_field_says_which() {
    let mut plan = serde_json::to_value(saved("x", "yunnan")).unwrap();
    plan.as_object_mut().unwrap().remove("mc");
    let text =
        serde_json::json!({"format": "swplan-plans", "version": 1, "plans": [plan]}).to_string();
    let imported = from_json(&text).unwrap();
    let message = rejected_plan_message(&imported.rejected[0], Lang::En);
    assert_eq!(
        message,
        "Plan 1 ('yunnan 方案') is malformed and was not imported: “the simulation settings” is missing."
    );
}

#[test]
fn a_refused_file_says_why_in_both_languages() {
    let text = to_json(&[saved("a", "yunnan")]);
    let truncated = from_json(&text[..text.len() / 2]).unwrap_err();
    assert!(save_error_message(&truncated, Lang::Zh).contains("截断"));
    assert!(
        save_error_message(&SaveError::Foreign { found: None }, Lang::En).contains("swplan-plans")
    );
    let newer = from_json(r#"{"format":"swplan-plans","version":9,"plans":[]}"#).unwrap_err();
    assert!(save_error_message(&newer, Lang::Zh).contains("更新版本"));
    let old = from_json(r#"{"format":"swplan-plans","version":0,"saves":[]}"#).unwrap_err();
    worded_in_both(
        save_error_message(&old, Lang::Zh),
        save_error_message(&old, Lang::En),
    );
}

#[test]
fn every_change_problem_is_worded() {
    let problems = [
        ChangeProblem::NotAYear {
            key: "by".into(),
            text: "soon".into(),
        },
        ChangeProblem::UnknownMetric { code: "x".into() },
        ChangeProblem::NotAName { key: "rn".into() },
        ChangeProblem::NotAPair {
            segment: "q".into(),
        },
    ];
    for problem in &problems {
        worded_in_both(
            change_problem_message(problem, Lang::Zh),
            change_problem_message(problem, Lang::En),
        );
    }
    let yunnan = &presets::by_slug("yunnan").unwrap().scenario;
    let invalid = apply_changes(yunnan, "a=1.5").unwrap_err();
    let zh = change_problem_message(&invalid[0], Lang::Zh);
    assert!(zh.contains("年流失率"), "{zh}");
}

#[test]
fn every_story_and_recording_error_is_worded() {
    let story_errors = [
        StoryError::NoSteps,
        StoryError::DamagedLink,
        StoryError::NoSuchStep { step: 6, steps: 6 },
    ];
    for error in &story_errors {
        worded_in_both(
            story_error_message(error, Lang::Zh),
            story_error_message(error, Lang::En),
        );
    }
    let record_errors = [
        RecordError::NoCaption,
        RecordError::UnknownHighlight {
            text: "chart-pie".into(),
        },
    ];
    for error in &record_errors {
        worded_in_both(
            record_error_message(error, Lang::Zh),
            record_error_message(error, Lang::En),
        );
    }
}
