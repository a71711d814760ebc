//! The presets as the engine's own tests see them: read from `seeds/*.toml` (the embedded
//! presets live in the plans crate, a layer above, which the engine must not import).

use std::sync::OnceLock;

use crate::Scenario;

/// A preset as the tests need it: its slug and its scenario.
pub struct Preset {
    pub slug: &'static str,
    pub scenario: Scenario,
}

/// Every preset, in the picker's order (Yunnan, the app's default, first).
const SLUGS: [&str; 8] = [
    "yunnan", "guizhou", "ningxia", "guangxi", "lhasa", "nanchang", "jinan", "lanzhou",
];

/// Reads `seeds/<stem>.toml` as a scenario (its `data_version` is not part of one).
pub fn read_seed(stem: &str) -> Scenario {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds/");
    let text = std::fs::read_to_string(format!("{path}{stem}.toml"))
        .unwrap_or_else(|e| panic!("seeds/{stem}.toml: {e}"));
    let mut table: toml::Table =
        toml::from_str(&text).unwrap_or_else(|e| panic!("seeds/{stem}.toml: {e}"));
    table.remove("data_version");
    toml::Value::Table(table)
        .try_into()
        .unwrap_or_else(|e| panic!("seeds/{stem}.toml: {e}"))
}

pub fn all() -> &'static [Preset] {
    static PRESETS: OnceLock<Vec<Preset>> = OnceLock::new();
    PRESETS.get_or_init(|| {
        SLUGS
            .iter()
            .map(|slug| Preset {
                slug,
                scenario: read_seed(slug),
            })
            .collect()
    })
}

pub fn by_slug(slug: &str) -> Option<&'static Preset> {
    all().iter().find(|p| p.slug == slug)
}

pub fn default_preset() -> &'static Preset {
    &all()[0]
}
