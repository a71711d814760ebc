//! Opening whatever a planner hands over: a file's text (a saved-plans file, or a scenario in
//! TOML or JSON), a preset's slug, `new` for a new region, or a share link — the command line's
//! sources and the app's "open / paste" box alike. What could not be used comes back as
//! warnings (worded by `swplan-words`); the plans that could be, always at least one, come back to open.

use super::problems::{LinkNotice, LinkProblem, OlderData};
use super::save::{self, RejectedPlan, SaveError};
use super::{decode, Origin, PlanSpec};
use crate::presets::{self, LoadError};
use swplan_engine::montecarlo::Settings;
use swplan_engine::Scenario;

/// Plans to open, first the one to show, and what the planner should be told.
#[derive(Debug)]
pub struct Opened {
    /// Never empty.
    pub plans: Vec<PlanSpec>,
    pub warnings: Vec<OpenWarning>,
}

/// Something that did not stop the opening.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenWarning {
    LinkProblem(LinkProblem),
    LinkNotice(LinkNotice),
    Rejected(RejectedPlan),
    OlderData(OlderData),
}

/// Why nothing could be opened.
#[derive(Debug)]
pub enum OpenError {
    /// A scenario file that cannot be parsed.
    Scenario(LoadError),
    /// A saved-plans file that cannot be read.
    Save(SaveError),
    /// A saved-plans file in which no plan is valid.
    NoUsablePlan { rejected: Vec<RejectedPlan> },
    /// Neither a preset, `new`, nor a link.
    UnknownName { name: String },
}

/// Opens a file's text: a saved-plans file when it carries the format tag, else a scenario.
/// A scenario of a preset's region travels as changes to that preset; any other as custom.
pub fn open_file_text(text: &str) -> Result<Opened, OpenError> {
    if text.contains(save::FORMAT_TAG) {
        let imported = save::from_json(text).map_err(OpenError::Save)?;
        let mut warnings: Vec<OpenWarning> = Vec::new();
        warnings.extend(imported.rejected.iter().cloned().map(OpenWarning::Rejected));
        warnings.extend(imported.older_data.into_iter().map(OpenWarning::OlderData));
        if imported.plans.is_empty() {
            return Err(OpenError::NoUsablePlan {
                rejected: imported.rejected,
            });
        }
        let plans = imported.plans.iter().map(save::SavedPlan::plan).collect();
        return Ok(Opened { plans, warnings });
    }
    let scenario = presets::parse(text).map_err(OpenError::Scenario)?;
    let origin = match presets::by_slug(&scenario.region) {
        Some(preset) => Origin::Preset {
            slug: preset.slug.to_string(),
            data_version: preset.data_version,
        },
        None => Origin::Custom,
    };
    Ok(one(plan_of(origin, scenario)))
}

/// Opens a name: a preset's slug (its current data), `new` (the blank template), or a link.
pub fn open_name(name: &str) -> Result<Opened, OpenError> {
    if let Some(preset) = presets::by_slug(name) {
        let origin = Origin::Preset {
            slug: preset.slug.to_string(),
            data_version: preset.data_version,
        };
        return Ok(one(plan_of(origin, preset.scenario.clone())));
    }
    if name == "new" {
        return Ok(one(plan_of(Origin::Custom, presets::blank().clone())));
    }
    if name.contains('=') || name.contains('?') {
        let opened = decode(name);
        let mut warnings: Vec<OpenWarning> = Vec::new();
        warnings.extend(opened.problems.into_iter().map(OpenWarning::LinkProblem));
        warnings.extend(opened.notices.into_iter().map(OpenWarning::LinkNotice));
        return Ok(Opened {
            plans: opened.plans,
            warnings,
        });
    }
    Err(OpenError::UnknownName {
        name: name.to_string(),
    })
}

fn one(plan: PlanSpec) -> Opened {
    Opened {
        plans: vec![plan],
        warnings: Vec::new(),
    }
}

/// A plan of a scenario, its sources cleared (they belong to the origin).
pub fn plan_of(origin: Origin, mut scenario: Scenario) -> PlanSpec {
    scenario.sources.clear();
    PlanSpec {
        name: None,
        origin,
        scenario,
        mc: Settings::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_opens_the_preset_at_its_current_data() {
        let opened = open_name("lhasa").unwrap();
        let preset = presets::by_slug("lhasa").unwrap();
        assert_eq!(
            opened.plans[0].origin,
            Origin::Preset {
                slug: "lhasa".into(),
                data_version: preset.data_version
            }
        );
        assert!(opened.plans[0].scenario.sources.is_empty());
    }

    #[test]
    fn new_opens_the_blank_template_as_a_custom_region() {
        let opened = open_name("new").unwrap();
        assert_eq!(opened.plans[0].origin, Origin::Custom);
        assert_eq!(opened.plans[0].scenario.region, presets::blank().region);
    }

    #[test]
    fn a_link_opens_with_its_problems_as_warnings() {
        let opened = open_name("v=1&p=yunnan&h=x").unwrap();
        assert!(matches!(opened.warnings[..], [OpenWarning::LinkProblem(_)]));
    }

    #[test]
    fn a_copy_of_a_preset_file_keeps_the_preset_as_origin() {
        let text = serde_json::to_string(&presets::by_slug("jinan").unwrap().scenario).unwrap();
        let opened = open_file_text(&text).unwrap();
        assert!(matches!(&opened.plans[0].origin, Origin::Preset { slug, .. } if slug == "jinan"));
    }

    #[test]
    fn an_unknown_name_is_named() {
        let error = open_name("atlantis").unwrap_err();
        assert!(matches!(error, OpenError::UnknownName { name } if name == "atlantis"));
    }
}
