//! Saved plans as JSON: the autosave, named saves and exported files share one format,
//!
//! ```json
//! {"format":"swplan-plans","version":1,"plans":[
//!   {"id":"…","name":"方案B","origin":{"kind":"preset","slug":"yunnan","data_version":1},
//!    "scenario":{…},"mc":{"runs":1000,"seed":2025},"created":"…","modified":"…"}]}
//! ```
//!
//! A file of an older version is brought up to date through the explicit steps of
//! [`MIGRATIONS`]; a later version is refused with a message saying so. Reading keeps every
//! valid plan and names each invalid one and why. Pure: no storage, no clock (timestamps are
//! strings from the caller).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::problems::OlderData;
use super::{settings_serde, Origin, PlanSpec};
use crate::data_problem::{self, DataProblem};
use crate::presets::{self, history};
use swplan_engine::montecarlo::{Settings, RUNS_RANGE};
use swplan_engine::{validate, Scenario, ValidationErrors};

/// The `format` tag of every file this app writes.
pub const FORMAT_TAG: &str = "swplan-plans";

/// The version this app writes.
pub const SAVE_VERSION: u32 = 2;

/// One saved plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedPlan {
    /// The caller's identifier, unique among saves.
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    pub origin: Origin,
    pub scenario: Scenario,
    #[serde(with = "settings_serde::SettingsDef")]
    pub mc: Settings,
    /// When it was first saved and last changed, as the caller wrote them (ISO 8601).
    pub created: String,
    pub modified: String,
}

impl SavedPlan {
    /// A plan to save under `id` with the caller's timestamps.
    pub fn new(id: &str, plan: PlanSpec, created: &str, modified: &str) -> SavedPlan {
        SavedPlan {
            id: id.to_string(),
            name: plan.name,
            origin: plan.origin,
            scenario: plan.scenario,
            mc: plan.mc,
            created: created.to_string(),
            modified: modified.to_string(),
        }
    }

    /// The name a list shows: the planner's name for it, else its region's.
    pub fn title(&self, lang: crate::Lang) -> String {
        self.name.clone().unwrap_or_else(|| {
            lang.pick(&self.scenario.name.zh, &self.scenario.name.en)
                .to_string()
        })
    }

    /// The plan to open.
    pub fn plan(&self) -> PlanSpec {
        PlanSpec {
            name: self.name.clone(),
            origin: self.origin.clone(),
            scenario: self.scenario.clone(),
            mc: self.mc,
        }
    }
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    plans: &'a [SavedPlan],
}

/// The file for one plan or many.
pub fn to_json(plans: &[SavedPlan]) -> String {
    let file = FileOut {
        format: FORMAT_TAG,
        version: SAVE_VERSION,
        plans,
    };
    // Cannot fail: strings, numbers and lists only (no maps with non-string keys).
    serde_json::to_string(&file).unwrap_or_default()
}

/// What a file gave.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// Every valid plan, in file order.
    pub plans: Vec<SavedPlan>,
    /// Every plan that could not be kept, and why.
    pub rejected: Vec<RejectedPlan>,
    /// The version the file was written in, when it was migrated from an older one.
    pub migrated_from: Option<u32>,
    /// Plans made on older preset data (`plan` is the index in `plans`): they keep their
    /// numbers, and the app can offer the corrections since.
    pub older_data: Vec<OlderData>,
}

/// A plan of the file that was not kept.
#[derive(Clone, Debug, PartialEq)]
pub struct RejectedPlan {
    /// Its position in the file (0 for the first).
    pub index: usize,
    /// Its name or id, when they could be read, so the message can name it.
    pub name: Option<String>,
    pub problem: PlanProblem,
}

/// Why a plan was not kept.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanProblem {
    /// The entry is not a JSON object.
    NotAnObject,
    /// A field is missing, unknown or of the wrong type, at its place in the plan.
    Malformed(DataProblem),
    /// The scenario has invalid values.
    Invalid(ValidationErrors),
    /// The Monte Carlo runs are outside the accepted range.
    RunsOutOfRange { runs: usize },
}

/// Why a file could not be read at all.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// Not JSON: empty, cut short, damaged, or another kind of file.
    NotJson(DataProblem),
    /// JSON, but not this app's: no or another `format` tag.
    Foreign { found: Option<String> },
    /// The `version` is missing or not a whole number.
    NoVersion,
    /// Written by a newer app.
    NewerVersion { found: u64, supported: u32 },
    /// An older version this app cannot migrate.
    Migration { from: u64, detail: String },
    /// `plans` is missing or not a list.
    NoPlans,
    /// The browser could not read the file at all (removed, or no permission).
    Unreadable,
}

/// One step of migration: turns a file of version `from` into one of version `from + 1`.
#[derive(Clone, Copy)]
pub struct Migration {
    pub from: u32,
    pub step: fn(Value) -> Result<Value, String>,
}

/// The steps from every older version, so files of every version keep opening with their
/// numbers.
pub const MIGRATIONS: &[Migration] = &[Migration {
    from: 1,
    step: version_1_to_2,
}];

/// Version 2 records each scenario's model reading (`model`). Every plan of a version-1 file
/// was computed with the first reading (every scheduled build finished in its year), so it
/// keeps it; the app offers the current one.
fn version_1_to_2(mut file: Value) -> Result<Value, String> {
    if let Some(plans) = file.get_mut("plans").and_then(Value::as_array_mut) {
        for plan in plans {
            if let Some(scenario) = plan.get_mut("scenario").and_then(Value::as_object_mut) {
                scenario
                    .entry("model")
                    .or_insert(Value::from(swplan_engine::scenario::FIRST_MODEL_VERSION));
            }
        }
    }
    Ok(file)
}

/// Reads a file: checks its tag, migrates older versions, keeps every valid plan.
pub fn from_json(text: &str) -> Result<Imported, SaveError> {
    from_json_with(text, MIGRATIONS)
}

/// [`from_json`] with the given migration steps (tests exercise the mechanism with their own).
pub fn from_json_with(text: &str, migrations: &[Migration]) -> Result<Imported, SaveError> {
    let mut file = data_problem::json_value(text).map_err(SaveError::NotJson)?;
    match file.get("format") {
        Some(Value::String(tag)) if tag == FORMAT_TAG => {}
        Some(Value::String(tag)) => {
            return Err(SaveError::Foreign {
                found: Some(tag.clone()),
            })
        }
        _ => return Err(SaveError::Foreign { found: None }),
    }
    let found = file
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(SaveError::NoVersion)?;
    if found > u64::from(SAVE_VERSION) {
        return Err(SaveError::NewerVersion {
            found,
            supported: SAVE_VERSION,
        });
    }
    let mut version = found;
    while version < u64::from(SAVE_VERSION) {
        let step = migrations
            .iter()
            .find(|m| u64::from(m.from) == version)
            .ok_or_else(|| SaveError::Migration {
                from: version,
                detail: "no migration step".into(),
            })?;
        file = (step.step)(file).map_err(|detail| SaveError::Migration {
            from: version,
            detail,
        })?;
        version += 1;
    }

    let entries = match file.get_mut("plans").map(Value::take) {
        Some(Value::Array(entries)) => entries,
        _ => return Err(SaveError::NoPlans),
    };
    let mut imported = Imported {
        plans: Vec::new(),
        rejected: Vec::new(),
        migrated_from: (found < u64::from(SAVE_VERSION)).then_some(found as u32),
        older_data: Vec::new(),
    };
    for (index, entry) in entries.into_iter().enumerate() {
        match read_plan(entry) {
            Ok(plan) => {
                if let Some(older) = older_data(&plan, imported.plans.len()) {
                    imported.older_data.push(older);
                }
                imported.plans.push(plan);
            }
            Err((name, problem)) => imported.rejected.push(RejectedPlan {
                index,
                name,
                problem,
            }),
        }
    }
    Ok(imported)
}

/// One entry of `plans`, or its name and why it cannot be kept.
fn read_plan(entry: Value) -> Result<SavedPlan, (Option<String>, PlanProblem)> {
    if !entry.is_object() {
        return Err((None, PlanProblem::NotAnObject));
    }
    let name = ["name", "id"]
        .iter()
        .find_map(|key| entry.get(key).and_then(Value::as_str))
        .map(str::to_string);
    let plan: SavedPlan = data_problem::from_value(entry)
        .map_err(|problem| (name.clone(), PlanProblem::Malformed(problem)))?;
    validate(&plan.scenario).map_err(|e| (name.clone(), PlanProblem::Invalid(e)))?;
    if !(RUNS_RANGE.0..=RUNS_RANGE.1).contains(&plan.mc.runs) {
        let runs = plan.mc.runs;
        return Err((name, PlanProblem::RunsOutOfRange { runs }));
    }
    Ok(plan)
}

/// A notice when a plan was made on older data of a preset.
fn older_data(plan: &SavedPlan, position: usize) -> Option<OlderData> {
    let Origin::Preset { slug, data_version } = &plan.origin else {
        return None;
    };
    let current = presets::by_slug(slug)?.data_version;
    (*data_version < current).then(|| OlderData {
        plan: position,
        slug: slug.clone(),
        made_with: *data_version,
        current,
        corrections: history::changes_since(slug, *data_version),
    })
}

#[cfg(test)]
#[path = "save_tests.rs"]
mod tests;
