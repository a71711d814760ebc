//! A province composed of its cities' plans (汇总), as it is kept and travels: the cities (each a
//! plan from a preset, a file, a link or a save), the province's own targets, and its name.
//! The sums are the engine's (`swplan_engine::rollup`). A roll-up travels as a link (the
//! cities as the plans of a comparison do, `ru` for the province: [`crate::share::rollup_link`])
//! and as a file of its own format, versioned like the saved-plans files.

use serde::{Deserialize, Serialize};

use crate::share::PlanSpec;
use swplan_engine::rollup::{rollup, RollUp, RollupError};
use swplan_engine::{validate, Scenario, Target};

/// The most cities a roll-up holds (and a link carries): a province's prefecture-level cities.
pub const MAX_CITIES: usize = 16;

/// A province composed of cities.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RollUpPlan {
    /// The province's name, as the planner calls it ("全省"), if given.
    #[serde(default)]
    pub name: Option<String>,
    /// The province's targets, judged on the sum of the cities.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// The cities, in the order the planner added them.
    pub cities: Vec<PlanSpec>,
}

impl RollUpPlan {
    /// The cities' scenarios.
    pub fn scenarios(&self) -> Vec<Scenario> {
        self.cities.iter().map(|c| c.scenario.clone()).collect()
    }

    /// Sums the cities and judges the targets.
    pub fn compute(&self) -> Result<RollUp, RollupError> {
        rollup(&self.scenarios(), &self.targets)
    }
}

/// The `format` tag of a roll-up file.
pub const FILE_TAG: &str = "swplan-rollup";
/// The version this app writes.
pub const FILE_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RollUpFile {
    format: String,
    version: u32,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    targets: Vec<Target>,
    cities: Vec<PlanSpec>,
}

/// Why a roll-up file cannot be read.
#[derive(Clone, Debug, PartialEq)]
pub enum RollUpFileError {
    /// Not a roll-up file (no format tag).
    NotARollUp,
    /// Written by a newer app.
    Newer { version: u32 },
    /// Malformed: the problem as the data reader names it.
    Malformed(crate::data_problem::DataProblem),
    /// No city, or more than [`MAX_CITIES`].
    CityCount { count: usize },
    /// The city at this place (from 0) is not a valid plan.
    InvalidCity { city: usize },
}

/// A roll-up as a file.
pub fn to_json(plan: &RollUpPlan) -> String {
    let file = RollUpFile {
        format: FILE_TAG.to_string(),
        version: FILE_VERSION,
        name: plan.name.clone(),
        targets: plan.targets.clone(),
        cities: plan.cities.clone(),
    };
    // Cannot fail: every field is plain data with string keys.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Whether a file's text is a roll-up (so a reader tries it before other formats).
pub fn is_rollup_file(text: &str) -> bool {
    text.contains(FILE_TAG)
}

/// Reads a roll-up file: every city must be a valid plan.
pub fn from_json(text: &str) -> Result<RollUpPlan, RollUpFileError> {
    let value = crate::data_problem::json_value(text).map_err(RollUpFileError::Malformed)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FILE_TAG) {
        return Err(RollUpFileError::NotARollUp);
    }
    if let Some(version) = value.get("version").and_then(|v| v.as_u64()) {
        if version > u64::from(FILE_VERSION) {
            return Err(RollUpFileError::Newer {
                version: version as u32,
            });
        }
    }
    let file: RollUpFile =
        crate::data_problem::from_value(value).map_err(RollUpFileError::Malformed)?;
    let plan = RollUpPlan {
        name: file.name,
        targets: file.targets,
        cities: file.cities,
    };
    if plan.cities.is_empty() || plan.cities.len() > MAX_CITIES {
        return Err(RollUpFileError::CityCount {
            count: plan.cities.len(),
        });
    }
    if let Some(city) = plan
        .cities
        .iter()
        .position(|c| validate(&c.scenario).is_err())
    {
        return Err(RollUpFileError::InvalidCity { city });
    }
    Ok(plan)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::presets;
    use crate::share::open::plan_of;
    use crate::share::Origin;
    use swplan_engine::Metric;

    pub(crate) fn three_cities() -> RollUpPlan {
        let city = |slug: &str| {
            let preset = presets::by_slug(slug).unwrap();
            plan_of(
                Origin::Preset {
                    slug: slug.into(),
                    data_version: preset.data_version,
                },
                preset.scenario.clone(),
            )
        };
        RollUpPlan {
            name: Some("三市".into()),
            targets: vec![Target {
                metric: Metric::StationCoverage,
                threshold: 1.0,
                deadline: 2025,
                source: None,
            }],
            cities: vec![city("jinan"), city("lanzhou"), city("nanchang")],
        }
    }

    #[test]
    fn a_rollup_file_reads_back_the_same() {
        let plan = three_cities();
        let text = to_json(&plan);
        assert!(is_rollup_file(&text));
        assert_eq!(from_json(&text), Ok(plan));
    }

    #[test]
    fn a_rollup_sums_its_cities_and_judges_the_province() {
        let up = three_cities().compute().unwrap();
        assert_eq!(up.cities.len(), 3);
        assert_eq!(up.verdicts.len(), 1);
    }

    #[test]
    fn broken_rollup_files_say_why() {
        assert!(matches!(from_json("{"), Err(RollUpFileError::Malformed(_))));
        assert_eq!(from_json("{}"), Err(RollUpFileError::NotARollUp));
        let newer = to_json(&three_cities()).replace("\"version\": 1", "\"version\": 9");
        assert_eq!(
            from_json(&newer),
            Err(RollUpFileError::Newer { version: 9 })
        );
        let mut none = three_cities();
        none.cities.clear();
        assert_eq!(
            from_json(&to_json(&none)),
            Err(RollUpFileError::CityCount { count: 0 })
        );
        let mut bad = three_cities();
        bad.cities[1].scenario.assumptions.talent = -5.0;
        assert_eq!(
            from_json(&to_json(&bad)),
            Err(RollUpFileError::InvalidCity { city: 1 })
        );
    }
}
