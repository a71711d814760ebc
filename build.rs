//! Presets are written in TOML for people (`seeds/*.toml`). The app embeds them as JSON, which
//! it parses with the serde_json it already carries, so no TOML parser ships in the WebAssembly.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=seeds");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut entries: Vec<_> = std::fs::read_dir("seeds")
        .expect("seeds/ exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    entries.sort();
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("readable preset");
        // A broken preset is a build error with the file and the line, not a runtime surprise.
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json = serde_json::to_string(&value).expect("TOML values are JSON values");
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 file name");
        std::fs::write(Path::new(&out).join(format!("{stem}.json")), json)
            .expect("OUT_DIR is writable");
    }
}
