//! The history of a preset's data. A preset's numbers may be corrected after links and saves
//! were made with them; the correction raises the preset's `data_version` and records in
//! `seeds/history/<slug>.toml` what the previous version had:
//!
//! ```toml
//! [[correction]]
//! version = 2                 # the data version this correction produced
//! date = "2026-11-23"
//! reason = "中文说明"
//! reason_en = "English explanation"
//! [correction.previous]       # what version 1 had, by parameter key
//! institutions = 372
//! hires = [12000, 13000]      # yearly values as in preset files: number, list, {start, growth}
//! # base_year / end_year when changed; targets = [{metric, threshold, deadline}] when changed
//! ```
//!
//! A link made on version 1 therefore reopens with version 1's numbers ([`scenario_at`]) and
//! can say which numbers have been corrected since, and why ([`changes_since`]).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::by_slug;
use swplan_engine::params::{self, ValueMut};
use swplan_engine::{Scenario, Target, Yearly};

/// One correction of a preset's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The data version this correction produced (2 for the first correction).
    pub version: u32,
    /// When it was made, as written in the file (`2026-11-23`).
    pub date: String,
    /// Why, in Chinese.
    pub reason: String,
    /// Why, in English.
    pub reason_en: String,
    /// What the version before this one had, for every value this correction changed.
    pub previous: Previous,
}

/// The values a correction replaced.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Previous {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_year: Option<i32>,
    /// The whole target list, when any target changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets: Option<Vec<Target>>,
    /// Parameter values by permanent key (a scalar parameter holds a plain number).
    #[serde(flatten)]
    pub values: BTreeMap<String, Yearly>,
}

impl Previous {
    /// The keys this correction changed: parameter keys in the registry's order, then
    /// `base_year`, `end_year`, `targets`.
    pub fn keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = params::PARAMS
            .iter()
            .map(|p| p.key)
            .filter(|key| self.values.contains_key(*key))
            .collect();
        for (key, changed) in [
            ("base_year", self.base_year.is_some()),
            ("end_year", self.end_year.is_some()),
            ("targets", self.targets.is_some()),
        ] {
            if changed {
                keys.push(key);
            }
        }
        keys
    }
}

/// Why a preset's data at some version cannot be given.
#[derive(Clone, Debug, PartialEq)]
pub enum HistoryError {
    /// No preset has this slug.
    UnknownPreset { slug: String },
    /// The version is 0 or later than the preset's current data version.
    UnknownVersion {
        slug: String,
        version: u32,
        current: u32,
    },
    /// The history file does not describe the preset's past (a build that skipped the tests).
    Corrupt { slug: String, detail: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HistoryFile {
    #[serde(default)]
    correction: Vec<Correction>,
}

/// `seeds/history/*.toml` as JSON, converted by `build.rs`: (slug, text) for each file present.
#[cfg(not(feature = "first-view"))]
const FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/history_files.rs"));
/// The same without the reasons, for the first view (see `build.rs`).
#[cfg(feature = "first-view")]
const FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/history_files.lean.rs"));

/// A preset's corrections in version order, or why its history file is broken.
type Parsed = (&'static str, Result<Vec<Correction>, String>);

/// Every history file, parsed once.
fn parsed() -> &'static [Parsed] {
    static PARSED: OnceLock<Vec<Parsed>> = OnceLock::new();
    PARSED.get_or_init(|| {
        FILES
            .iter()
            .map(|(slug, text)| {
                let corrections = serde_json::from_str::<HistoryFile>(text)
                    .map(|file| {
                        let mut corrections = file.correction;
                        corrections.sort_by_key(|c| c.version);
                        corrections
                    })
                    .map_err(|e| e.to_string());
                (*slug, corrections)
            })
            .collect()
    })
}

/// The slugs that have a history file.
pub fn slugs_with_history() -> impl Iterator<Item = &'static str> {
    parsed().iter().map(|(slug, _)| *slug)
}

/// Every correction of a preset, oldest first (none when the preset has no history file).
pub fn corrections(slug: &str) -> Result<&'static [Correction], HistoryError> {
    match parsed().iter().find(|(s, _)| *s == slug) {
        None => Ok(&[]),
        Some((_, Ok(corrections))) => Ok(corrections),
        Some((_, Err(detail))) => Err(HistoryError::Corrupt {
            slug: slug.to_string(),
            detail: detail.clone(),
        }),
    }
}

/// The corrections made after data version `version`, oldest first: what differs between a
/// link made on that version and the preset today, and why. Empty when nothing is known.
pub fn changes_since(slug: &str, version: u32) -> Vec<Correction> {
    corrections(slug)
        .unwrap_or_default()
        .iter()
        .filter(|c| c.version > version)
        .cloned()
        .collect()
}

/// The preset's scenario as it was at data version `version`: the current scenario with the
/// previous values of every later correction applied, newest first. Targets equal to current
/// ones keep their sources; the sources of corrected parameters are dropped, since they
/// describe the corrected numbers.
pub fn scenario_at(slug: &str, version: u32) -> Result<Scenario, HistoryError> {
    let preset = by_slug(slug).ok_or_else(|| HistoryError::UnknownPreset {
        slug: slug.to_string(),
    })?;
    if version == 0 || version > preset.data_version {
        return Err(HistoryError::UnknownVersion {
            slug: slug.to_string(),
            version,
            current: preset.data_version,
        });
    }
    rewind(&preset.scenario, corrections(slug)?, version).map_err(|detail| HistoryError::Corrupt {
        slug: slug.to_string(),
        detail,
    })
}

/// `current` with the previous values of every correction newer than `version` applied,
/// newest first.
pub fn rewind(
    current: &Scenario,
    corrections: &[Correction],
    version: u32,
) -> Result<Scenario, String> {
    let mut scenario = current.clone();
    let mut newer: Vec<&Correction> = corrections.iter().filter(|c| c.version > version).collect();
    newer.sort_by_key(|c| std::cmp::Reverse(c.version));
    for correction in newer {
        apply(&mut scenario, &correction.previous)?;
    }
    Ok(scenario)
}

/// Puts the previous values into `scenario`; says which key does not fit.
pub fn apply(scenario: &mut Scenario, previous: &Previous) -> Result<(), String> {
    for (key, value) in &previous.values {
        match (params::value_mut(scenario, key), value) {
            (Some(ValueMut::Yearly(slot)), _) => *slot = value.clone(),
            (Some(ValueMut::Scalar(slot)), Yearly::Constant(number)) => *slot = *number,
            (Some(ValueMut::Scalar(_)), _) => {
                return Err(format!("'{key}' takes one number, not a yearly schedule"))
            }
            (None, _) => return Err(format!("'{key}' is not a parameter key")),
        }
        scenario.sources.remove(key);
    }
    if let Some(year) = previous.base_year {
        scenario.base_year = year;
        scenario.sources.remove("base_year");
    }
    if let Some(year) = previous.end_year {
        scenario.end_year = year;
    }
    if let Some(targets) = &previous.targets {
        let current = std::mem::take(&mut scenario.targets);
        scenario.targets = targets
            .iter()
            .map(|target| {
                let mut target = target.clone();
                if target.source.is_none() {
                    target.source = current
                        .iter()
                        .find(|t| same_target(t, &target))
                        .and_then(|t| t.source.clone());
                }
                target
            })
            .collect();
    }
    Ok(())
}

/// Whether two targets ask for the same thing (their sources aside).
pub fn same_target(a: &Target, b: &Target) -> bool {
    a.metric == b.metric && a.threshold == b.threshold && a.deadline == b.deadline
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::{all, by_slug};
    use swplan_engine::params::{param, Shape};
    use swplan_engine::{validate, Metric};

    /// The first view reads links against these files without the reasons (feature
    /// `first-view`): the same corrections otherwise.
    #[test]
    fn the_first_views_history_has_the_same_values() {
        const LEAN: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/history_files.lean.rs"));
        assert_eq!(LEAN.len(), FILES.len());
        for ((slug, full), (lean_slug, lean)) in FILES.iter().zip(LEAN) {
            assert_eq!(slug, lean_slug);
            let full: HistoryFile = serde_json::from_str(full).expect("parses");
            let lean: HistoryFile = serde_json::from_str(lean).expect("parses");
            assert_eq!(full.correction.len(), lean.correction.len());
            for (mut f, l) in full.correction.into_iter().zip(lean.correction) {
                assert!(!f.reason.is_empty() && l.reason.is_empty() && l.reason_en.is_empty());
                (f.reason, f.reason_en) = (String::new(), String::new());
                assert_eq!(f, l, "{slug}");
            }
        }
    }

    fn correction(version: u32, previous: Previous) -> Correction {
        Correction {
            version,
            date: "2026-01-01".into(),
            reason: "测试".into(),
            reason_en: "test".into(),
            previous,
        }
    }

    #[test]
    fn applying_a_correction_restores_the_previous_values() {
        let mut scenario = by_slug("yunnan").unwrap().scenario.clone();
        let previous = Previous {
            end_year: Some(2028),
            values: BTreeMap::from([
                ("institutions".to_string(), Yearly::Constant(300.0)),
                ("hires".to_string(), Yearly::List(vec![10_000.0, 11_000.0])),
            ]),
            ..Previous::default()
        };
        apply(&mut scenario, &previous).unwrap();
        assert_eq!(scenario.assumptions.institutions, 300.0);
        assert_eq!(
            scenario.levers.hires,
            Yearly::List(vec![10_000.0, 11_000.0])
        );
        assert_eq!(scenario.end_year, 2028);
        assert!(
            !scenario.sources.contains_key("hires"),
            "the source described the new value"
        );
        assert!(
            scenario.sources.contains_key("talent"),
            "untouched values keep theirs"
        );
    }

    #[test]
    fn corrections_apply_newest_first_down_to_the_asked_version() {
        let institutions = |n: f64| Previous {
            values: BTreeMap::from([("institutions".to_string(), Yearly::Constant(n))]),
            ..Previous::default()
        };
        // Version 3 holds 500; version 2 had 400; version 1 had 300 (listed out of order).
        let history = [
            correction(3, institutions(400.0)),
            correction(2, institutions(300.0)),
        ];
        let mut current = by_slug("yunnan").unwrap().scenario.clone();
        current.assumptions.institutions = 500.0;
        let at = |version| {
            rewind(&current, &history, version)
                .unwrap()
                .assumptions
                .institutions
        };
        assert_eq!(at(3), 500.0);
        assert_eq!(at(2), 400.0);
        assert_eq!(at(1), 300.0);
    }

    #[test]
    fn a_target_equal_to_a_current_one_keeps_its_source() {
        let mut scenario = by_slug("yunnan").unwrap().scenario.clone();
        let kept = Target {
            source: None,
            ..scenario.targets[0].clone()
        };
        let added = Target {
            metric: Metric::Institutions,
            threshold: 400.0,
            deadline: 2025,
            source: None,
        };
        let previous = Previous {
            targets: Some(vec![kept, added]),
            ..Previous::default()
        };
        apply(&mut scenario, &previous).unwrap();
        assert!(scenario.targets[0].source.is_some());
        assert!(scenario.targets[1].source.is_none());
    }

    #[test]
    fn a_list_for_a_scalar_parameter_is_refused() {
        let mut scenario = by_slug("yunnan").unwrap().scenario.clone();
        let previous = Previous {
            values: BTreeMap::from([("talent".to_string(), Yearly::List(vec![1.0]))]),
            ..Previous::default()
        };
        assert!(apply(&mut scenario, &previous).is_err());
    }

    #[test]
    fn every_history_file_parses_and_names_only_known_keys() {
        for slug in slugs_with_history() {
            let preset =
                by_slug(slug).unwrap_or_else(|| panic!("history for unknown preset {slug}"));
            let corrections = corrections(slug).unwrap_or_else(|e| panic!("{slug}: {e:?}"));
            for c in corrections {
                for (key, value) in &c.previous.values {
                    let p = param(key)
                        .unwrap_or_else(|| panic!("{slug} v{}: unknown key {key}", c.version));
                    assert!(
                        p.shape == Shape::Yearly || matches!(value, Yearly::Constant(_)),
                        "{slug} v{}: {key} takes one number",
                        c.version
                    );
                }
                assert!(
                    !c.previous.keys().is_empty(),
                    "{slug} v{}: changes nothing",
                    c.version
                );
                assert!(!c.reason.trim().is_empty() && !c.reason_en.trim().is_empty());
                assert!(c.date.len() >= 4, "{slug} v{}: date", c.version);
            }
            let versions: Vec<u32> = corrections.iter().map(|c| c.version).collect();
            let expected: Vec<u32> = (2..=preset.data_version).collect();
            assert_eq!(
                versions, expected,
                "{slug}: one correction per version after the first"
            );
        }
    }

    #[test]
    fn a_preset_without_history_is_at_its_first_version() {
        for preset in all() {
            if corrections(preset.slug).unwrap().is_empty() {
                assert_eq!(
                    preset.data_version, 1,
                    "{}: version without history",
                    preset.slug
                );
            }
        }
    }

    #[test]
    fn the_current_version_is_the_current_preset() {
        for preset in all() {
            assert_eq!(
                scenario_at(preset.slug, preset.data_version).unwrap(),
                preset.scenario,
                "{}",
                preset.slug
            );
            assert!(changes_since(preset.slug, preset.data_version).is_empty());
        }
    }

    #[test]
    fn every_past_version_validates() {
        for preset in all() {
            for version in 1..=preset.data_version {
                let scenario = scenario_at(preset.slug, version).unwrap();
                validate(&scenario).unwrap_or_else(|e| panic!("{} v{version}: {e}", preset.slug));
            }
        }
    }

    #[test]
    fn unknown_presets_and_versions_are_errors() {
        assert!(matches!(
            scenario_at("atlantis", 1),
            Err(HistoryError::UnknownPreset { .. })
        ));
        let current = by_slug("yunnan").unwrap().data_version;
        for version in [0, current + 1] {
            assert!(matches!(
                scenario_at("yunnan", version),
                Err(HistoryError::UnknownVersion { .. })
            ));
        }
    }
}
