//! Presets are written in TOML for people (`seeds/*.toml`). The app embeds them as JSON, which
//! it parses with the serde_json it already carries, so no TOML parser ships in the WebAssembly.
//! Corrections to a preset's data (`seeds/history/<slug>.toml`) and guided stories
//! (`seeds/stories/<id>.toml`) are converted the same way, and `history_files.rs` and
//! `story_files.rs` list whichever exist, so adding one needs no change to the code.

use std::path::{Path, PathBuf};

/// The workspace's `seeds/` folder, two levels above this crate.
const SEEDS: &str = "../../seeds";

fn main() {
    println!("cargo:rerun-if-changed={SEEDS}");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for path in toml_files(Path::new(SEEDS)) {
        let (stem, json) = convert(&path);
        // The data version apart (`<stem>.version`, a number to `include!`), so the app parses
        // the rest straight into a scenario, without a JSON tree in between.
        let (version, json) = split_data_version(&json);
        write(&out.join(format!("{stem}.version")), &version.to_string());
        write(&out.join(format!("{stem}.json")), &json);
        write(&out.join(format!("{stem}.lean.json")), &lean(&json));
    }

    embed_folder(&out, "history", "history_files.rs");
    embed_folder(&out, "history", "history_files.lean.rs");
    embed_folder(&out, "stories", "story_files.rs");
}

/// Converts every `seeds/<folder>/*.toml` to `OUT_DIR/<folder>/<stem>.json`, and writes
/// `OUT_DIR/<listing_name>`: a Rust slice of (stem, text) to `include!`, so adding a file needs no
/// change to the code.
fn embed_folder(out: &Path, folder: &str, listing_name: &str) {
    let source = Path::new(SEEDS).join(folder);
    println!("cargo:rerun-if-changed={}", source.display());
    let target_dir = out.join(folder);
    std::fs::create_dir_all(&target_dir).expect("OUT_DIR is writable");
    let mut listing = String::from("&[\n");
    for path in toml_files(&source) {
        let (stem, mut json) = convert(&path);
        let mut file = format!("{stem}.json");
        if listing_name.ends_with(".lean.rs") {
            json = lean(&json);
            file = format!("{stem}.lean.json");
        }
        let target = target_dir.join(file);
        write(&target, &json);
        listing += &format!("    ({stem:?}, include_str!({:?})),\n", target.display());
    }
    listing += "]\n";
    write(&out.join(listing_name), &listing);
}

/// The `.toml` files directly in `dir`, sorted; none when the folder does not exist.
fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<_> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
            .collect(),
        Err(_) => Vec::new(),
    };
    entries.sort();
    entries
}

/// A TOML file's stem and its content as JSON.
fn convert(path: &Path) -> (String, String) {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path).expect("readable seed file");
    // A broken file is a build error with the file and the line, not a runtime surprise.
    let value: toml::Value =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json = serde_json::to_string(&value).expect("TOML values are JSON values");
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("UTF-8 file name")
        .to_string();
    (stem, json)
}

/// A seed's `data_version` (1 when absent) and the seed without it.
fn split_data_version(json: &str) -> (u64, String) {
    let mut value: serde_json::Value = serde_json::from_str(json).expect("JSON just written");
    let version = value
        .as_object_mut()
        .and_then(|object| object.remove("data_version"))
        .and_then(|v| v.as_u64())
        .unwrap_or(1);
    let json = serde_json::to_string(&value).expect("JSON values serialise");
    (version, json)
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("OUT_DIR is writable");
}

/// A seed file without its provenance and explanations (every `sources` and `source`; the
/// reasons of history corrections emptied): the same numbers, for the first view, which draws
/// charts and cites nothing (see `src/first_view.rs`).
fn lean(json: &str) -> String {
    fn strip(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(object) => {
                object.remove("sources");
                object.remove("source");
                for key in ["reason", "reason_en"] {
                    if let Some(text) = object.get_mut(key) {
                        *text = serde_json::Value::String(String::new());
                    }
                }
                object.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value: serde_json::Value = serde_json::from_str(json).expect("JSON just written");
    strip(&mut value);
    serde_json::to_string(&value).expect("JSON values serialise")
}
