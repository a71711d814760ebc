//! The `swplan` command line, run as a user would run it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::cli::{json, stderr, swplan};

#[test]
fn yunnan_json_starts_at_84500_in_2020_with_the_140000_target() {
    let report = json(&["run", "seeds/yunnan.toml", "--format", "json"]);
    let first = &report["years"][0];
    assert_eq!(first["year"], 2020);
    assert_eq!(first["talent"], 84500.0);
    for key in [
        "certified",
        "certified_junior",
        "certified_mid",
        "certified_senior",
        "institutions",
        "stations",
        "demo_stations",
        "rooms",
        "positions",
        "budget",
        "budget_cumulative",
    ] {
        assert!(first[key].is_number(), "{key}");
    }
    let target = &report["targets"][0];
    assert_eq!(target["metric"], "talent");
    assert_eq!(target["threshold"], 140000.0);
    assert_eq!(target["deadline"], 2025);
    assert!(target["met"].is_boolean());
    assert!(target["gap"].is_number());
    assert!(report["warnings"].is_array());
}

#[test]
fn more_hiring_turns_the_yunnan_verdict_to_met() {
    let base = json(&["run", "seeds/yunnan.toml", "--format", "json"]);
    assert_eq!(base["targets"][0]["met"], false);
    assert!(base["targets"][0]["gap"].as_f64().unwrap() > 0.0);
    let more = json(&[
        "run",
        "seeds/yunnan.toml",
        "--set",
        "hires=25000",
        "--format",
        "json",
    ]);
    assert_eq!(more["targets"][0]["met"], true);
    assert_eq!(more["targets"][0]["gap"], 0.0);
    let less = json(&[
        "run",
        "seeds/yunnan.toml",
        "--set",
        "hires=1000",
        "--format",
        "json",
    ]);
    assert!(
        less["targets"][0]["gap"].as_f64().unwrap() > base["targets"][0]["gap"].as_f64().unwrap()
    );
}

#[test]
fn every_preset_runs_in_every_format() {
    for slug in [
        "yunnan", "guizhou", "ningxia", "guangxi", "lhasa", "nanchang", "jinan", "lanzhou",
    ] {
        let path = format!("seeds/{slug}.toml");
        for format in ["table", "json", "csv"] {
            let out = swplan(&["run", &path, "--format", format]);
            assert!(out.status.success(), "{slug} {format}: {}", stderr(&out));
            assert!(!out.stdout.is_empty());
        }
    }
}

#[test]
fn a_preset_can_be_named_by_its_slug() {
    let report = json(&["run", "ningxia", "--format", "json"]);
    assert_eq!(report["region"], "ningxia");
}

#[test]
fn csv_header_uses_the_json_names() {
    let out = swplan(&["run", "seeds/lhasa.toml", "--format", "csv"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("year,talent,certified,certified_junior,"));
    assert!(text.lines().nth(1).unwrap().starts_with("2022,2236,39,"));
}

#[test]
fn chinese_table_shows_wan_style_verdicts() {
    let out = swplan(&["run", "seeds/yunnan.toml", "--lang", "zh"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("14万"), "{text}");
    assert!(text.contains("未达成"));
}

#[test]
fn missing_file_fails_with_a_message_and_no_backtrace() {
    let out = swplan(&["run", "seeds/nowhere.toml"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("nowhere.toml"), "{err}");
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"));
}

#[test]
fn malformed_file_fails_with_a_message() {
    let dir = std::env::temp_dir().join(format!("swplan-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("broken.toml");
    std::fs::write(&path, "schema = 1\nregion = \"x\"\n[levers\nhires = 3").unwrap();
    let out = swplan(&["run", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("malformed"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn invalid_values_in_a_file_are_each_named() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/yunnan.toml"))
        .unwrap()
        .replace("hires = 12000", "hires = -12000")
        .replace("attrition = 0.08", "attrition = 8");
    let dir = std::env::temp_dir().join(format!("swplan-cli-invalid-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("invalid.toml");
    std::fs::write(&path, text).unwrap();
    let out = swplan(&["run", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("New talent: cannot be negative"), "{err}");
    assert!(
        err.contains("Yearly attrition: must be between 0% and 100%"),
        "{err}"
    );
}

#[test]
fn invalid_override_is_reported_in_chinese_when_asked() {
    let out = swplan(&[
        "run",
        "seeds/yunnan.toml",
        "--set",
        "pass_junior=1.5",
        "--lang",
        "zh",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("初级通过率：必须在 0% 到 100% 之间"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unknown_set_key_fails_and_suggests_the_right_one() {
    let out = swplan(&["run", "seeds/yunnan.toml", "--set", "hire=3000"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Did you mean 'hires'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unknown_option_and_format_are_usage_errors() {
    assert_eq!(
        swplan(&["run", "seeds/yunnan.toml", "--colour"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        swplan(&["run", "seeds/yunnan.toml", "--format", "xml"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(swplan(&["fly"]).status.code(), Some(2));
    assert_eq!(swplan(&["run"]).status.code(), Some(2));
}
