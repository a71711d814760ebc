//! Scenario presets from `seeds/`, embedded at build time so that the browser app and the
//! command line carry them without any file access; and loading of scenario files.

pub mod history;

use std::sync::OnceLock;

use swplan_engine::{validate, Scenario, ValidationErrors};

/// A preset: a region's scenario as derived from the source documents.
#[derive(Clone, Debug)]
pub struct Preset {
    pub slug: &'static str,
    /// The version of this preset's data. A correction to a preset's numbers raises it (and
    /// records the previous values under `seeds/history/`), so a link made on older data can
    /// reopen with the numbers it was made with and say what has been corrected since.
    pub data_version: u32,
    pub scenario: Scenario,
}

/// The slug of the preset the app opens on.
pub const DEFAULT_SLUG: &str = "yunnan";

/// A seed file converted by `build.rs` (see there why): `seeds/<stem>.toml` as JSON, or for the
/// first view (feature `first-view`) the same without its provenance.
#[cfg(not(feature = "first-view"))]
macro_rules! seed_file {
    ($stem:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $stem, ".json"))
    };
}
#[cfg(feature = "first-view")]
macro_rules! seed_file {
    ($stem:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $stem, ".lean.json"))
    };
}

/// A seed file's data version, split off by `build.rs`.
macro_rules! seed_version {
    ($stem:literal) => {
        include!(concat!(env!("OUT_DIR"), "/", $stem, ".version"))
    };
}

/// One embedded preset: slug, data version and scenario as JSON.
macro_rules! seed {
    ($stem:literal) => {
        ($stem, seed_version!($stem), seed_file!($stem))
    };
}

/// Embedded presets, in the order the picker lists them.
const FILES: [(&str, u32, &str); 8] = [
    seed!("yunnan"),
    seed!("guizhou"),
    seed!("ningxia"),
    seed!("guangxi"),
    seed!("lhasa"),
    seed!("nanchang"),
    seed!("jinan"),
    seed!("lanzhou"),
];

/// The embedded source documents, by number, so provenance can be checked and shown.
pub const SOURCE_DOCUMENTS: [(&str, &str); 5] = [
    (
        "000",
        include_str!("../../../../seeds/sources/000_83e35d380ba95719.txt"),
    ),
    (
        "001",
        include_str!("../../../../seeds/sources/001_7184215c1214e4d5.txt"),
    ),
    (
        "002",
        include_str!("../../../../seeds/sources/002_3d0bec08e7945936.txt"),
    ),
    (
        "003",
        include_str!("../../../../seeds/sources/003_22680c95858fb0a9.txt"),
    ),
    (
        "004",
        include_str!("../../../../seeds/sources/004_1ec64d216b28063d.txt"),
    ),
];

/// A source document as planners cite it (from `seeds/documents.toml`).
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The number the presets cite, e.g. `004`.
    pub id: String,
    /// The file under `seeds/sources/`.
    pub file: String,
    pub title: String,
    pub title_en: String,
    pub publisher: String,
    pub publisher_en: String,
    /// Publication date, as precise as the page tells (`2022-12-06` or `2022`).
    pub date: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentFile {
    document: Vec<Document>,
}

/// The source documents, in number order.
pub fn documents() -> &'static [Document] {
    static DOCUMENTS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCUMENTS.get_or_init(|| {
        // Cannot fail at run time: `every_document_is_described` checks the file.
        serde_json::from_str::<DocumentFile>(include_str!(concat!(
            env!("OUT_DIR"),
            "/documents.json"
        )))
        .map(|file| file.document)
        .unwrap_or_default()
    })
}

/// The source document with this number, if any.
pub fn document(id: &str) -> Option<&'static Document> {
    documents().iter().find(|d| d.id == id)
}

/// All presets, parsed once.
pub fn all() -> &'static [Preset] {
    static PRESETS: OnceLock<Vec<Preset>> = OnceLock::new();
    PRESETS.get_or_init(|| {
        FILES
            .iter()
            .map(|&(slug, data_version, text)| {
                // Cannot fail at run time: `every_preset_parses_and_validates` checks each file.
                let scenario =
                    parse_embedded(text).unwrap_or_else(|e| panic!("preset {slug}: {e:?}"));
                Preset {
                    slug,
                    data_version,
                    scenario,
                }
            })
            .collect()
    })
}

/// The preset with this slug.
pub fn by_slug(slug: &str) -> Option<&'static Preset> {
    all().iter().find(|p| p.slug == slug)
}

/// The preset the app opens on (Yunnan).
pub fn default_preset() -> &'static Preset {
    // Cannot fail: DEFAULT_SLUG is one of FILES, checked by `default_preset_exists`.
    by_slug(DEFAULT_SLUG).unwrap_or(&all()[0])
}

/// The blank template a new region starts from (`seeds/blank.toml`): every stock 0, neutral
/// labelled assumptions, no targets. Not listed among the presets. Share links of custom
/// regions (`p=new`) are read against it, so its numbers never change.
pub fn blank() -> &'static Scenario {
    static BLANK: OnceLock<Scenario> = OnceLock::new();
    BLANK.get_or_init(|| {
        // Cannot fail at run time: `the_blank_template_validates` checks the file.
        parse_embedded(seed_file!("blank")).unwrap_or_else(|e| panic!("blank template: {e:?}"))
    })
}

/// Why a scenario could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read.
    Io { path: String, reason: String },
    /// The text is not a well-formed scenario (TOML or JSON).
    Syntax { detail: String },
    /// The scenario is well-formed but has invalid values.
    Invalid(ValidationErrors),
}

/// Parses an embedded seed (JSON from `build.rs`, its data version split off) straight into a
/// scenario.
fn parse_embedded(text: &str) -> Result<Scenario, serde_json::Error> {
    serde_json::from_str(text)
}

/// Parses a scenario in JSON: its `data_version` (1 when absent; a copy of a preset file carries
/// one) and its scenario.
fn parse_preset(text: &str) -> Result<(u32, Scenario), LoadError> {
    let syntax = |e: serde_json::Error| LoadError::Syntax {
        detail: e.to_string(),
    };
    let mut value: serde_json::Value = serde_json::from_str(text).map_err(syntax)?;
    let data_version = value
        .as_object_mut()
        .and_then(|object| object.remove("data_version"))
        .and_then(|v| v.as_u64())
        .and_then(|v| u32::try_from(v).ok())
        .unwrap_or(1);
    let scenario = serde_json::from_value(value).map_err(syntax)?;
    Ok((data_version, scenario))
}

/// Parses a scenario from TOML, or from JSON when the text starts with `{`. Does not validate.
pub fn parse(text: &str) -> Result<Scenario, LoadError> {
    if text.trim_start().starts_with('{') {
        parse_preset(text).map(|(_, scenario)| scenario)
    } else {
        parse_toml(text)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_toml(text: &str) -> Result<Scenario, LoadError> {
    let syntax = |e: toml::de::Error| LoadError::Syntax {
        detail: e.to_string().trim_end().to_string(),
    };
    // A copy of a preset file carries its `data_version`, which is not part of a scenario.
    let mut table: toml::Table = toml::from_str(text).map_err(syntax)?;
    table.remove("data_version");
    toml::Value::Table(table).try_into().map_err(syntax)
}

/// The browser carries no TOML parser (see `build.rs`); it reads scenarios as JSON.
#[cfg(target_arch = "wasm32")]
fn parse_toml(_text: &str) -> Result<Scenario, LoadError> {
    Err(LoadError::Syntax {
        detail: "TOML scenarios are read by the command line; the app reads JSON".into(),
    })
}

/// Parses and validates a scenario.
pub fn parse_valid(text: &str) -> Result<Scenario, LoadError> {
    let scenario = parse(text)?;
    validate(&scenario).map_err(LoadError::Invalid)?;
    Ok(scenario)
}

/// Loads and validates a scenario file (TOML or JSON). Native only: the browser has no paths.
#[cfg(not(target_arch = "wasm32"))]
pub fn load_path(path: &std::path::Path) -> Result<Scenario, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|e| LoadError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    parse_valid(&text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::params::PARAMS;
    use swplan_engine::Provenance;

    /// The first view's presets (feature `first-view`) are these without their provenance: the
    /// same numbers, so the first view and the app show the same plan.
    #[test]
    fn the_first_views_presets_have_the_same_numbers() {
        macro_rules! full_and_lean {
            ($($stem:literal),*) => {
                [$((
                    include_str!(concat!(env!("OUT_DIR"), "/", $stem, ".json")),
                    include_str!(concat!(env!("OUT_DIR"), "/", $stem, ".lean.json")),
                )),*]
            };
        }
        let pairs = full_and_lean!(
            "yunnan", "guizhou", "ningxia", "guangxi", "lhasa", "nanchang", "jinan", "lanzhou",
            "blank"
        );
        assert_eq!(
            pairs.len(),
            FILES.len() + 1,
            "every preset and the blank template"
        );
        for (full_text, lean_text) in pairs {
            let mut scenario = parse_embedded(full_text).expect("parses");
            let lean = parse_embedded(lean_text).expect("the lean file parses");
            assert!(lean.sources.is_empty() && lean.targets.iter().all(|t| t.source.is_none()));
            assert!(
                !scenario.sources.is_empty(),
                "{}: has provenance",
                scenario.region
            );
            assert!(lean_text.len() < full_text.len() / 2, "{}", scenario.region);
            scenario.sources.clear();
            scenario.targets.iter_mut().for_each(|t| t.source = None);
            assert_eq!(lean, scenario);
        }
    }

    #[test]
    fn every_preset_parses_and_validates() {
        for (slug, _, text) in FILES {
            let scenario = parse_embedded(text).unwrap_or_else(|e| panic!("{slug}: {e:?}"));
            validate(&scenario).unwrap_or_else(|e| panic!("{slug}: {e:?}"));
            assert_eq!(scenario.region, slug, "file stem and region slug agree");
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // Files and TOML are native only.
    fn embedded_presets_equal_their_toml_files() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        for preset in all() {
            let from_file = load_path(&dir.join(format!("{}.toml", preset.slug))).unwrap();
            assert_eq!(from_file, preset.scenario, "{}", preset.slug);
        }
    }

    #[test]
    fn the_blank_template_validates_and_is_not_a_preset() {
        let template = blank();
        validate(template).unwrap();
        assert!(template.targets.is_empty());
        assert!(all().iter().all(|p| p.scenario.region != template.region));
        assert_eq!((template.base_year, template.end_year), (2025, 2030));
        for p in PARAMS {
            match template.sources.get(p.key) {
                Some(Provenance::Assumption { .. }) => {}
                other => panic!(
                    "blank template: {} needs an assumption, has {other:?}",
                    p.key
                ),
            }
        }
    }

    #[test]
    fn default_preset_exists() {
        assert_eq!(default_preset().slug, DEFAULT_SLUG);
    }

    #[test]
    fn presets_have_the_required_slugs() {
        let slugs: Vec<_> = all().iter().map(|p| p.slug).collect();
        for slug in [
            "yunnan", "guizhou", "ningxia", "guangxi", "lhasa", "nanchang", "jinan", "lanzhou",
        ] {
            assert!(slugs.contains(&slug), "{slug}");
        }
    }

    #[test]
    fn every_number_carries_its_provenance() {
        for preset in all() {
            let sources = &preset.scenario.sources;
            assert!(sources.contains_key("base_year"), "{}", preset.slug);
            for p in PARAMS {
                assert!(sources.contains_key(p.key), "{}: {}", preset.slug, p.key);
            }
            for target in &preset.scenario.targets {
                assert!(target.source.is_some(), "{}: target", preset.slug);
            }
        }
    }

    #[test]
    fn every_quote_appears_in_its_source_document() {
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        for preset in all() {
            let target_sources = preset
                .scenario
                .targets
                .iter()
                .filter_map(|t| t.source.as_ref());
            for provenance in preset.scenario.sources.values().chain(target_sources) {
                if let Provenance::Source { doc, quote, .. } = provenance {
                    let (_, text) = SOURCE_DOCUMENTS
                        .iter()
                        .find(|(number, _)| number == doc)
                        .unwrap_or_else(|| panic!("{}: unknown document {doc}", preset.slug));
                    assert!(
                        squeeze(text).contains(&squeeze(quote)),
                        "{}: quote not found in {doc}: {quote}",
                        preset.slug
                    );
                }
            }
        }
    }

    #[test]
    fn every_document_is_described() {
        let ids: Vec<_> = documents().iter().map(|d| d.id.as_str()).collect();
        let embedded: Vec<_> = SOURCE_DOCUMENTS.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, embedded);
        for d in documents() {
            for text in [
                &d.title,
                &d.title_en,
                &d.publisher,
                &d.publisher_en,
                &d.date,
            ] {
                assert!(!text.trim().is_empty(), "{}", d.id);
            }
            assert!(d.file.starts_with(&d.id), "{}", d.id);
        }
    }

    #[test]
    fn every_note_exists_in_both_languages() {
        for preset in all() {
            let target_sources = preset
                .scenario
                .targets
                .iter()
                .filter_map(|t| t.source.as_ref().map(|s| ("target", s)));
            let sources = preset
                .scenario
                .sources
                .iter()
                .map(|(k, s)| (k.as_str(), s))
                .chain(target_sources);
            for (key, provenance) in sources {
                // Percentages read as the app writes them ("8%"), not "8 %".
                let english = match provenance {
                    Provenance::Source { note_en, .. } => note_en.clone().unwrap_or_default(),
                    Provenance::Assumption { assumption_en, .. } => assumption_en.clone(),
                };
                let spaced = english
                    .as_bytes()
                    .windows(3)
                    .any(|w| w[0].is_ascii_digit() && w[1] == b' ' && w[2] == b'%');
                assert!(!spaced, "{}: {key}: write 8%, not 8 %", preset.slug);
                match provenance {
                    Provenance::Source { note, note_en, .. } => assert_eq!(
                        note.is_some(),
                        note_en.is_some(),
                        "{}: {key}: a note in one language only",
                        preset.slug
                    ),
                    Provenance::Assumption {
                        assumption,
                        assumption_en,
                    } => assert!(
                        !assumption.trim().is_empty() && !assumption_en.trim().is_empty(),
                        "{}: {key}",
                        preset.slug
                    ),
                }
            }
        }
    }

    #[test]
    fn sources_name_only_known_keys() {
        for preset in all() {
            for key in preset.scenario.sources.keys() {
                assert!(
                    key == "base_year" || PARAMS.iter().any(|p| p.key == key),
                    "{}: {key}",
                    preset.slug
                );
            }
        }
    }

    #[test]
    fn malformed_text_is_a_syntax_error_not_a_panic() {
        for text in [
            "",
            "schema = ",
            "{",
            "schema = 1\nregion = 3",
            "[levers]\nhires = \"x\"",
        ] {
            assert!(
                matches!(parse(text), Err(LoadError::Syntax { .. })),
                "{text:?}"
            );
        }
    }

    #[test]
    fn json_round_trip_keeps_the_scenario() {
        let scenario = &default_preset().scenario;
        let json = serde_json::to_string(scenario).unwrap();
        assert_eq!(&parse(&json).unwrap(), scenario);
    }
}
