//! A plan through its life on the command line (issue 21): `--actual`, `[actuals]` in files,
//! plan against actual, `--reproject`, `calibrate` and `rollup`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::cli::{json, stderr, swplan, ROOT};

fn stdout(args: &[&str]) -> String {
    let out = swplan(args);
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Talent from 84,500 in 2020 with 15,000 a year joining and 9 % leaving, as a bulletin counts
/// it, in a scenario file of the planner's.
fn file_with_actuals() -> std::path::PathBuf {
    let yunnan = std::fs::read_to_string(format!("{ROOT}/seeds/yunnan.toml")).unwrap();
    let mut talent: f64 = 84_500.0;
    let mut table = String::from("\n[actuals.talent]\n");
    for year in 2020..=2024 {
        table += &format!("{year} = {talent}\n");
        talent = talent * 0.91 + 15_000.0;
    }
    table += "\n[actuals.certified]\n2024 = { value = 9000, note = \"2024年民政统计公报\" }\n";
    let path = std::env::temp_dir().join(format!("swplan-life-{}.toml", std::process::id()));
    std::fs::write(&path, yunnan + &table).unwrap();
    path
}

#[test]
fn run_shows_plan_against_actual_and_the_outlook() {
    let text = stdout(&[
        "run",
        "yunnan",
        "--actual",
        "talent@2021=88000",
        "--actual",
        "talent@2022=9.2万",
        "--lang",
        "en",
    ]);
    assert!(text.contains("Plan against actual"), "{text}");
    assert!(text.contains("Social-work talent  2022"), "{text}");
    assert!(
        text.contains("Re-projected from the 2022 actuals"),
        "{text}"
    );
}

#[test]
fn actuals_in_a_file_are_read_and_go_into_the_json() {
    let path = file_with_actuals();
    let report = json(&["run", path.to_str().unwrap(), "--format", "json"]);
    let deviations = report["actuals"]["deviations"].as_array().unwrap();
    assert_eq!(deviations[0]["metric"], "talent");
    assert_eq!(deviations[0]["rows"].as_array().unwrap().len(), 5);
    assert_eq!(report["actuals"]["reprojection_start"], 2024);
    let csv = stdout(&[
        "run",
        path.to_str().unwrap(),
        "--format",
        "csv",
        "--lang",
        "zh",
    ]);
    assert!(csv.contains("\r\n实际值与偏差\r\n"), "{csv}");
    assert!(csv.contains("2024年民政统计公报"), "{csv}");
}

#[test]
fn reproject_restarts_from_the_latest_actual() {
    let report = json(&[
        "run",
        "yunnan",
        "--actual",
        "talent@2022=92000",
        "--reproject",
        "--runs",
        "200",
        "--format",
        "json",
    ]);
    assert_eq!(report["reprojected_from"], 2022);
    assert_eq!(report["years"][0]["year"], 2022);
    assert_eq!(report["years"][0]["talent"], 92000.0);
    assert_eq!(report["years"][0]["p50"]["year"], 2022);
    let out = swplan(&["run", "yunnan", "--reproject"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Cannot re-project"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn calibrate_recovers_the_levers_behind_the_actuals() {
    let path = file_with_actuals();
    let report = json(&[
        "calibrate",
        path.to_str().unwrap(),
        "--fit",
        "hires,attrition",
        "--format",
        "json",
    ]);
    let hires = report["levers"][0]["value"].as_f64().unwrap();
    let attrition = report["levers"][1]["value"].as_f64().unwrap();
    assert!((hires - 15_000.0).abs() < 1e-3, "{hires}");
    assert!((attrition - 0.09).abs() < 1e-8, "{attrition}");
    assert_eq!(report["years"], serde_json::json!([2021, 2024]));
    let table = stdout(&["calibrate", path.to_str().unwrap(), "--lang", "zh"]);
    assert!(table.contains("每年新增人才：1.5万"), "{table}");
    let csv = stdout(&["calibrate", path.to_str().unwrap(), "--format", "csv"]);
    assert!(csv.starts_with("\u{feff}Lever,Fitted,"), "{csv}");
}

#[test]
fn calibrate_refuses_in_the_planners_words() {
    let out = swplan(&[
        "calibrate",
        "yunnan",
        "--actual",
        "talent@2021=90000",
        "--fit",
        "hires,attrition",
    ]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("needs actuals of social-work talent in at least 2 years"));
    let out = swplan(&[
        "calibrate",
        "yunnan",
        "--actual",
        "talent@2021=90000",
        "--fit",
        "wages",
    ]);
    assert!(
        stderr(&out).contains("'wages' is not a lever"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_bad_actual_is_named_and_refused() {
    for (text, expected) in [
        ("talent@2021=-5", "cannot be negative"),
        ("talent@2021=1e308", "is not a number"),
        ("talent@2021", "not metric@year=value"),
        ("station_coverage@2021=0.5", "takes no actuals"),
        ("talent@1999=5", "outside the plan's years"),
        ("stations@2021=99999", "more than the plan's townships"),
    ] {
        let out = swplan(&["run", "yunnan", "--actual", text]);
        assert_eq!(out.status.code(), Some(1), "{text}");
        assert!(stderr(&out).contains(expected), "{text}: {}", stderr(&out));
    }
}

#[test]
fn a_link_carries_the_actuals() {
    let link = stdout(&["link", "yunnan", "--actual", "talent@2021=88000"]);
    assert!(link.contains("&ac=tl-2021-88000"), "{link}");
    let report = json(&["run", link.trim(), "--format", "json"]);
    assert_eq!(
        report["actuals"]["deviations"][0]["rows"][0]["actual"],
        88000.0
    );
}

#[test]
fn rollup_sums_three_cities_and_judges_the_province() {
    let text = stdout(&[
        "rollup",
        "jinan",
        "lanzhou",
        "nanchang",
        "--target",
        "station_coverage=1@2025",
    ]);
    assert!(text.contains("Jinan + Lanzhou + Nanchang"), "{text}");
    assert!(
        text.contains("Station coverage ≥ 100% by 2025: missed"),
        "{text}"
    );
    let report = json(&["rollup", "jinan", "lanzhou", "nanchang", "--format", "json"]);
    let stations = |i: usize| {
        report["cities"][i]["years"][0]["stations"]
            .as_f64()
            .unwrap()
    };
    assert_eq!(
        report["years"][0]["stations"].as_f64().unwrap(),
        stations(0) + stations(1) + stations(2)
    );
    let csv = stdout(&["rollup", "jinan", "lanzhou", "nanchang", "--format", "csv"]);
    assert!(csv.starts_with("\u{feff}Year,Figure,Jinan,Lanzhou,Nanchang,Total\r\n"));
}

#[test]
fn rollup_says_why_cities_cannot_be_summed() {
    let out = swplan(&["rollup", "jinan", "yunnan", "--target", "talent=1@2040"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("outside the years every city covers"));
}
