//! Regression snapshots: every preset's year table as CSV, committed under `tests/snapshots/`,
//! so that any change to the model shows up in review as a diff of numbers.
//! After an intended model change: `UPDATE_SNAPSHOTS=1 cargo test --test preset_snapshots`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use swplan_engine::{evaluate, simulate, Trajectory, YearRow};
use swplan_plans::presets;

/// The year table as plain machine CSV with the figures' permanent keys as header, so that a
/// snapshot diff reads as numbers (the CSV for people is `export::csv`).
fn machine_csv(trajectory: &Trajectory) -> String {
    let mut out = format!("year,{}\n", YearRow::FIELDS.join(","));
    for row in &trajectory.years {
        let cells: Vec<String> = [f64::from(row.year)]
            .into_iter()
            .chain(row.fields())
            .map(|v| {
                // Whole numbers stay whole; others keep enough digits to be checked.
                if v.fract() == 0.0 {
                    format!("{v:.0}")
                } else {
                    format!("{}", (v * 1e4).round() / 1e4)
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn snapshot_text(slug: &str) -> String {
    let scenario = &presets::by_slug(slug).expect("preset").scenario;
    let trajectory = simulate(scenario).expect("presets validate");
    let mut text = machine_csv(&trajectory);
    for target in &scenario.targets {
        let v = evaluate(target, &trajectory);
        text += &format!(
            "# target {} >= {} by {}: met={} first_year_met={:?} gap={:.4}\n",
            v.metric.key(),
            v.threshold,
            v.deadline,
            v.met,
            v.first_year_met,
            v.gap
        );
    }
    text
}

#[test]
fn every_preset_matches_its_snapshot() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut mismatches = Vec::new();
    for preset in presets::all() {
        let path = dir.join(format!("{}.csv", preset.slug));
        let actual = snapshot_text(preset.slug);
        if update {
            std::fs::write(&path, &actual).expect("write snapshot");
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != actual {
            mismatches.push(format!(
                "{}:\n--- expected\n{expected}\n+++ actual\n{actual}",
                preset.slug
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "snapshots differ (UPDATE_SNAPSHOTS=1 to accept):\n{}",
        mismatches.join("\n")
    );
}
