//! Saved files as specifications: what is kept, what is refused, and what the planner is told.

use serde_json::json;

use super::*;
use crate::data_problem::DataPath;

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

fn file_with(plans: Vec<Value>) -> String {
    json!({"format": FORMAT_TAG, "version": SAVE_VERSION, "plans": plans}).to_string()
}

#[test]
fn plans_round_trip_through_a_file() {
    let plans = vec![saved("a", "yunnan"), saved("b", "ningxia")];
    let imported = from_json(&to_json(&plans)).unwrap();
    assert_eq!(imported.plans, plans);
    assert!(imported.rejected.is_empty());
    assert_eq!(imported.migrated_from, None);
}

#[test]
fn the_file_names_its_format_and_version() {
    let text = to_json(&[saved("a", "lhasa")]);
    assert!(text.starts_with(r#"{"format":"swplan-plans","version":2,"plans":[{"id":"a""#));
}

#[test]
fn an_invalid_plan_is_named_and_the_valid_ones_kept() {
    let good = serde_json::to_value(saved("good", "yunnan")).unwrap();
    let mut bad = serde_json::to_value(saved("bad", "jinan")).unwrap();
    bad["scenario"]["assumptions"]["attrition"] = json!(3.0);
    let imported = from_json(&file_with(vec![good, bad, json!(42)])).unwrap();
    assert_eq!(imported.plans.len(), 1);
    assert_eq!(imported.rejected.len(), 2);
    assert!(matches!(
        imported.rejected[0].problem,
        PlanProblem::Invalid(_)
    ));
    assert_eq!(imported.rejected[0].index, 1);
    assert_eq!(imported.rejected[0].name.as_deref(), Some("jinan 方案"));
    assert_eq!(imported.rejected[1].problem, PlanProblem::NotAnObject);
}

#[test]
fn a_plan_with_a_value_beyond_its_physical_bound_is_rejected_with_the_field_named() {
    let mut bad = serde_json::to_value(saved("huge", "yunnan")).unwrap();
    bad["scenario"]["levers"]["hires"] = json!(1e308);
    let imported = from_json(&file_with(vec![bad])).unwrap();
    assert!(imported.plans.is_empty());
    let PlanProblem::Invalid(errors) = &imported.rejected[0].problem else {
        panic!("{:?}", imported.rejected);
    };
    assert_eq!(errors.0.len(), 1, "{errors:?}");
    assert_eq!(errors.0[0].field.key(), "hires");
    assert!(matches!(
        errors.0[0].problem,
        swplan_engine::validate::Problem::AboveBound { .. }
    ));
}

#[test]
fn a_plan_missing_a_field_says_which() {
    let mut plan = serde_json::to_value(saved("x", "yunnan")).unwrap();
    plan.as_object_mut().unwrap().remove("mc");
    let imported = from_json(&file_with(vec![plan])).unwrap();
    assert_eq!(
        imported.rejected[0].problem,
        PlanProblem::Malformed(DataProblem::Missing(DataPath::fields(&["mc"])))
    );
}

#[test]
fn a_truncated_file_is_not_json() {
    let text = to_json(&[saved("a", "yunnan")]);
    let error = from_json(&text[..text.len() / 2]).unwrap_err();
    assert_eq!(error, SaveError::NotJson(DataProblem::Truncated));
}

#[test]
fn a_foreign_file_is_refused_with_its_type() {
    let error = from_json(r#"{"format":"other-app","version":1}"#).unwrap_err();
    assert_eq!(
        error,
        SaveError::Foreign {
            found: Some("other-app".into())
        }
    );
    let scenario = serde_json::to_string(&presets::default_preset().scenario).unwrap();
    assert_eq!(
        from_json(&scenario).unwrap_err(),
        SaveError::Foreign { found: None }
    );
}

#[test]
fn a_file_from_a_newer_app_says_so() {
    let text = r#"{"format":"swplan-plans","version":9,"plans":[]}"#;
    let error = from_json(text).unwrap_err();
    assert_eq!(
        error,
        SaveError::NewerVersion {
            found: 9,
            supported: 2
        }
    );
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let text = format!("\u{feff}{}", to_json(&[saved("a", "yunnan")]));
    assert_eq!(from_json(&text).unwrap().plans.len(), 1);
}

#[test]
fn an_empty_list_is_a_valid_file() {
    let imported = from_json(&to_json(&[])).unwrap();
    assert!(imported.plans.is_empty() && imported.rejected.is_empty());
}

/// A synthetic version 0, to prove the mechanism: plans were called `saves`, the name was
/// `title`, and Monte Carlo settings were not stored.
fn version_0_to_1(mut file: Value) -> Result<Value, String> {
    let object = file.as_object_mut().ok_or("not an object")?;
    let saves = object.remove("saves").ok_or("no saves")?;
    let Value::Array(saves) = saves else {
        return Err("saves is not a list".into());
    };
    let plans = saves
        .into_iter()
        .map(|mut save| {
            if let Some(save) = save.as_object_mut() {
                if let Some(title) = save.remove("title") {
                    save.insert("name".into(), title);
                }
                save.insert("mc".into(), json!({"runs": 1000, "seed": 2025}));
            }
            save
        })
        .collect();
    object.insert("plans".into(), Value::Array(plans));
    object.insert("version".into(), json!(1));
    Ok(file)
}

#[test]
fn an_older_file_is_migrated_step_by_step() {
    let mut plan = serde_json::to_value(saved("old", "guangxi")).unwrap();
    let object = plan.as_object_mut().unwrap();
    object.remove("mc");
    let name = object.remove("name").unwrap();
    object.insert("title".into(), name);
    let version_0 = json!({"format": FORMAT_TAG, "version": 0, "saves": [plan]}).to_string();

    let steps = [
        Migration {
            from: 0,
            step: version_0_to_1,
        },
        MIGRATIONS[0],
    ];
    let imported = from_json_with(&version_0, &steps).unwrap();
    assert_eq!(imported.migrated_from, Some(0));
    assert_eq!(imported.plans, vec![saved("old", "guangxi")]);
}

#[test]
fn a_version_1_file_opens_with_the_first_model_reading() {
    // Written before model readings: its scenarios have no `model`, and were computed with the
    // first reading (every scheduled build finished in its year).
    let mut plan = serde_json::to_value(saved("a", "ningxia")).unwrap();
    plan["scenario"].as_object_mut().unwrap().remove("model");
    let version_1 = json!({"format": FORMAT_TAG, "version": 1, "plans": [plan]}).to_string();
    let imported = from_json(&version_1).unwrap();
    assert_eq!(imported.migrated_from, Some(1));
    assert_eq!(
        imported.plans[0].scenario.model,
        swplan_engine::scenario::FIRST_MODEL_VERSION
    );
    // Saved again, it says so, and opens the same.
    let again = from_json(&to_json(&imported.plans)).unwrap();
    assert_eq!(again.plans, imported.plans);
}

#[test]
fn an_older_file_without_a_migration_step_is_refused_with_a_message() {
    let text = r#"{"format":"swplan-plans","version":0,"saves":[]}"#;
    let error = from_json(text).unwrap_err();
    assert!(matches!(error, SaveError::Migration { from: 0, .. }));
}

#[test]
fn a_plan_on_older_preset_data_keeps_its_numbers_and_is_noted() {
    for preset in presets::all().iter().filter(|p| p.data_version > 1) {
        let mut plan = saved("old", preset.slug);
        plan.origin = Origin::Preset {
            slug: preset.slug.into(),
            data_version: 1,
        };
        plan.scenario = history::scenario_at(preset.slug, 1).unwrap();
        let imported = from_json(&to_json(&[plan.clone()])).unwrap();
        assert_eq!(imported.plans, vec![plan]);
        assert_eq!(imported.older_data.len(), 1, "{}", preset.slug);
        assert_eq!(imported.older_data[0].made_with, 1);
    }
}

#[test]
fn runs_outside_the_range_are_refused() {
    let mut plan = saved("x", "yunnan");
    plan.mc.runs = 5;
    let imported = from_json(&to_json(&[plan])).unwrap();
    assert_eq!(
        imported.rejected[0].problem,
        PlanProblem::RunsOutOfRange { runs: 5 }
    );
}

#[test]
fn awkward_decimals_reopen_bit_for_bit() {
    // A saved file must reopen with exactly the numbers it was saved with: values such as
    // 0.1 + 0.2 or a growth-compounded rate need every bit of their decimal form.
    let mut plan = saved("a", "yunnan");
    plan.scenario.assumptions.attrition = 0.1 + 0.2 - 0.2000000000000001;
    plan.scenario.levers.hires =
        swplan_engine::Yearly::List(vec![12_345.678_901_234_567, 1.0 / 3.0]);
    plan.scenario.assumptions.station_cost = 190_606.060_606_060_6;
    let text = to_json(std::slice::from_ref(&plan));
    let back = from_json(&text).unwrap().plans.remove(0);
    assert_eq!(
        back.scenario.assumptions.attrition.to_bits(),
        plan.scenario.assumptions.attrition.to_bits()
    );
    assert_eq!(back.scenario, plan.scenario);
}
