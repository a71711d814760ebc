//! The presets as the benchmarks read them: from `seeds/*.toml` (the embedded presets live in
//! the plans crate, a layer above the engine). Each benchmark uses what it needs of this.
#![allow(dead_code)]

use swplan_engine::Scenario;

/// Every preset, in the picker's order.
pub const SLUGS: [&str; 8] = [
    "yunnan", "guizhou", "ningxia", "guangxi", "lhasa", "nanchang", "jinan", "lanzhou",
];

/// `seeds/<slug>.toml` as a scenario.
pub fn preset(slug: &str) -> Scenario {
    let path = format!("{}/../../seeds/{slug}.toml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("seed file");
    let mut table: toml::Table = toml::from_str(&text).expect("seed TOML");
    table.remove("data_version");
    toml::Value::Table(table).try_into().expect("a scenario")
}
