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
fn csv_opens_in_excel_with_labels_in_the_language() {
    let out = swplan(&["run", "seeds/lhasa.toml", "--format", "csv", "--lang", "zh"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("\u{feff}地区,拉萨市\r\n"), "{text}");
    assert!(
        text.contains("\r\n年份,社会工作人才总量（人）,持证社工（人）,"),
        "{text}"
    );
    assert!(text.contains("\r\n2022,2236,39,"));
    assert!(text.contains(
        "\r\n\r\n指标,要求,目标值,截止年份,是否达成,首次达到年份,差距,余量,单位（目标值、差距、余量）\r\n"
    ));
    assert!(text.contains("\r\n参数,取值,单位,相对预设,出处,来源说明\r\n"));
}

#[test]
fn csv_with_runs_adds_percentiles_and_probabilities() {
    let out = swplan(&["run", "yunnan", "--format", "csv", "--runs", "100"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let header = text.lines().find(|l| l.starts_with("Year,")).unwrap();
    assert!(
        header.contains(",Social-work talent P10 (people),Social-work talent P50 (people),"),
        "{header}"
    );
    assert!(text.contains(",Probability (fraction 0–1),Unit of threshold/gap/margin\r\n"));
    assert!(text.contains(
        "\r\nUnits,\"Every share (coverage, attrition, pass rates, probabilities) is a fraction 0–1"
    ));
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
fn a_file_with_text_for_a_lever_names_the_lever_and_its_line_in_the_users_language() {
    let dir = std::env::temp_dir().join(format!("swplan-cli-lever-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seeds/yunnan.toml"
    ))
    .unwrap();
    let path = dir.join("typo.toml");
    let start = text.find("\nhires = ").unwrap() + 1;
    let end = start + text[start..].find('\n').unwrap();
    std::fs::write(
        &path,
        format!("{}hires = \"很多\"{}", &text[..start], &text[end..]),
    )
    .unwrap();
    let out = swplan(&["run", path.to_str().unwrap(), "--lang", "zh"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("方案文件格式有误"), "{err}");
    assert!(err.contains("“每年新增人才”应为"), "{err}");
    assert!(
        !err.contains("untagged") && !err.contains("Yearly"),
        "{err}"
    );

    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"schema\": 1, \"region\": ").unwrap();
    let out = swplan(&["run", broken.to_str().unwrap(), "--lang", "en"]);
    let err = stderr(&out);
    assert!(err.contains("stops before its end"), "{err}");
    assert!(!err.contains("EOF"), "{err}");
}

#[test]
fn invalid_values_in_a_file_are_each_named() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seeds/yunnan.toml"
    ))
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
fn a_value_beyond_its_physical_bound_is_refused_in_both_languages() {
    let run = |lang| swplan(&["run", "yunnan", "--set", "hires=1e308", "--lang", lang]);
    let en = run("en");
    assert_eq!(en.status.code(), Some(1));
    assert!(en.stdout.is_empty(), "no table for a refused plan");
    assert!(
        stderr(&en).contains("New talent: cannot exceed 1,500,000,000 people"),
        "{}",
        stderr(&en)
    );
    let zh = run("zh");
    assert_eq!(zh.status.code(), Some(1));
    assert!(
        stderr(&zh).contains("每年新增人才：不能超过15亿人"),
        "{}",
        stderr(&zh)
    );
}

#[test]
fn a_file_with_a_value_beyond_its_physical_bound_is_refused_naming_the_field() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seeds/yunnan.toml"
    ))
    .unwrap()
    .replace("station_cost = 190606", "station_cost = 1e308");
    assert!(text.contains("1e308"), "the seed's station cost moved");
    let path = temp_file("bound.toml", &text);
    let out = swplan(&["run", &path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Build cost per station: cannot exceed 30,000,000,000,000 yuan"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_link_with_a_value_beyond_its_physical_bound_runs_with_the_preset_value() {
    let out = swplan(&["run", "?v=1&p=yunnan.2&h=1e308", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "'h' (New talent) makes the plan invalid (New talent: cannot exceed 1,500,000,000 people)"
        ),
        "{}",
        stderr(&out)
    );
    let from_link: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let preset = json(&["run", "v=1&p=yunnan.2", "--format", "json"]);
    assert_eq!(from_link["years"], preset["years"]);
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

#[test]
fn target_adds_a_target_and_no_targets_drops_the_presets() {
    let report = json(&[
        "run",
        "yunnan",
        "--no-targets",
        "--target",
        "institutions=500@2028",
        "--target",
        "station_coverage=1@2030",
        "--format",
        "json",
    ]);
    let targets = report["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 2);
    assert_eq!(targets[0]["metric"], "institutions");
    assert_eq!(targets[0]["threshold"], 500.0);
    assert_eq!(targets[0]["deadline"], 2028);
    assert_eq!(targets[1]["metric"], "station_coverage");
    let kept = json(&[
        "run",
        "yunnan",
        "--target",
        "rooms=100@2030",
        "--format",
        "json",
    ]);
    assert_eq!(
        kept["targets"].as_array().unwrap().len(),
        2,
        "added to the preset's"
    );
}

#[test]
fn a_target_that_cannot_be_read_is_named_in_the_users_language() {
    for (target, expected) in [
        ("nonsense=1@2025", "'nonsense' is not a target metric"),
        (
            "staff_needed=1@2025",
            "'staff_needed' is not a target metric",
        ),
        ("talent=many@2025", "the threshold 'many'"),
        ("talent=1000", "'@year' is missing"),
        ("talent=1000@soon", "'soon' is not a year"),
    ] {
        let out = swplan(&["run", "yunnan", "--target", target]);
        assert_eq!(out.status.code(), Some(1), "{target}");
        assert!(
            stderr(&out).contains(expected),
            "{target}: {}",
            stderr(&out)
        );
    }
    let out = swplan(&["run", "yunnan", "--target", "talent=x@2025", "--lang", "zh"]);
    assert!(stderr(&out).contains("不是数字"), "{}", stderr(&out));
}

#[test]
fn a_target_outside_the_table_or_above_full_coverage_is_invalid() {
    let out = swplan(&["run", "yunnan", "--target", "station_coverage=1.5@2025"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("must be between 0% and 100%"),
        "{}",
        stderr(&out)
    );
    let out = swplan(&["run", "yunnan", "--target", "talent=1@2050"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Deadline of target 2"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_target_without_threshold_is_a_usage_error_outside_seek() {
    assert_eq!(
        swplan(&["run", "yunnan", "--target", "talent"])
            .status
            .code(),
        Some(2)
    );
}

/// The link `swplan link` prints for these arguments.
fn link(args: &[&str]) -> String {
    let out = swplan(&[&["link"], args].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8(out.stdout)
        .unwrap()
        .trim_end()
        .to_string()
}

#[test]
fn link_prints_the_apps_address_with_only_the_changes() {
    let printed = link(&[
        "yunnan",
        "--set",
        "hires=15000",
        "--target",
        "institutions=500@2028",
    ]);
    assert!(
        printed.starts_with("http://127.0.0.1:8080/?v=2&c=") && printed.contains("&p=yunnan."),
        "{printed}"
    );
    assert!(
        printed.ends_with("&h=15000&t=tl-140000-2025_i-500-2028"),
        "{printed}"
    );
    let no_targets = link(&[
        "ningxia",
        "--no-targets",
        "--base-url",
        "https://plan.example.cn/sw/?x=1#top",
    ]);
    assert!(
        no_targets.starts_with("https://plan.example.cn/sw/?v=2&c=")
            && no_targets.contains("&p=ningxia."),
        "{no_targets}"
    );
    assert!(no_targets.ends_with("&t=none"), "{no_targets}");
}

#[test]
fn a_link_of_a_link_is_the_same_link() {
    let first = link(&["lhasa", "--set", "attrition=0.1", "--set", "hires=400"]);
    assert_eq!(link(&[&first]), first);
}

#[test]
fn running_a_link_gives_the_numbers_of_the_preset_with_the_same_changes() {
    let changes = [
        "--set",
        "hires=15000",
        "--set",
        "pass_junior=0.3",
        "--target",
        "institutions=500@2028",
    ];
    let printed = link(&[&["yunnan"], &changes[..]].concat());
    let from_link = json(&["run", &printed, "--format", "json"]);
    let from_preset = json(&[&["run", "yunnan"], &changes[..], &["--format", "json"]].concat());
    assert_eq!(from_link, from_preset);
    let query_only = printed.split_once('?').unwrap().1;
    assert_eq!(json(&["run", query_only, "--format", "json"]), from_preset);
}

#[test]
fn a_mangled_link_runs_and_warns_about_what_it_skipped() {
    let out = swplan(&[
        "run",
        "v=1&p=yunnan&h=lots&from=singlemessage",
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning: In the link, 'h' (New talent)"),
        "{}",
        stderr(&out)
    );
    let out = swplan(&["run", "v=1&p=yunnan&h=lots", "--lang", "zh"]);
    assert!(
        stderr(&out).contains("警告：链接中的“h”（每年新增人才）"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_new_region_starts_from_the_blank_template() {
    let report = json(&[
        "run",
        "new",
        "--set",
        "talent=2000",
        "--set",
        "hires=300",
        "--target",
        "talent=3000@2030",
        "--format",
        "json",
    ]);
    assert_eq!(report["base_year"], 2025);
    assert_eq!(report["years"][0]["talent"], 2000.0);
    assert_eq!(report["targets"][0]["metric"], "talent");
}

#[test]
fn a_saved_plans_file_runs_its_first_plan() {
    let dir = std::env::temp_dir().join(format!("swplan-cli-saves-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plans.json");
    let opened = swplan_plans::share::open::open_name("v=1&p=jinan&h=900").unwrap();
    let saved = swplan_plans::share::save::SavedPlan::new("a", opened.plans[0].clone(), "t0", "t1");
    std::fs::write(&path, swplan_plans::share::save::to_json(&[saved])).unwrap();
    let from_file = json(&["run", path.to_str().unwrap(), "--format", "json"]);
    let from_preset = json(&["run", "jinan", "--set", "hires=900", "--format", "json"]);
    assert_eq!(from_file, from_preset);
}

#[test]
fn compare_prints_what_differs_and_the_verdicts_side_by_side() {
    let out = swplan(&["compare", "yunnan", "guizhou"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Inputs that differ"), "{text}");
    assert!(
        text.contains("A Yunnan") && text.contains("B Guizhou"),
        "{text}"
    );
    assert!(text.contains("New talent"), "{text}");
    assert!(
        text.contains("Social-work talent ≥ 140,000 by end-2025"),
        "{text}"
    );
    assert!(text.contains("Cumulative budget"), "{text}");
    let zh = String::from_utf8(swplan(&["compare", "yunnan", "guizhou", "--lang", "zh"]).stdout)
        .unwrap();
    assert!(zh.contains("每年新增人才") && zh.contains("1.2万"), "{zh}");
}

#[test]
fn compare_of_a_plan_with_itself_says_nothing_differs() {
    let out = swplan(&["compare", "lhasa", "lhasa"]);
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("The plans' inputs are the same."));
    let report = json(&["compare", "lhasa", "lhasa", "--format", "json"]);
    assert_eq!(report["diff"]["rows"].as_array().unwrap().len(), 0);
    assert_eq!(report["plans"][1]["letter"], "B");
}

#[test]
fn compare_json_rows_carry_keys_years_and_numbers() {
    let changed = link(&["yunnan", "--set", "hires=15000"]);
    let report = json(&["compare", "yunnan", &changed, "--format", "json"]);
    let rows = report["diff"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["kind"], "param");
    assert_eq!(rows[0]["key"], "hires");
    assert_eq!(rows[0]["year"], serde_json::Value::Null);
    assert_eq!(rows[0]["values"], serde_json::json!([12000.0, 15000.0]));
    let target = &report["diff"]["targets"][0];
    assert_eq!(target["metric"], "talent");
    assert_eq!(target["verdicts"][0]["met"], false);
    assert!(report["diff"]["budgets"][1]["cumulative"].is_number());
}

#[test]
fn a_comparison_link_is_compared_on_its_own() {
    let comparison = "v=1&p=jinan&h=900&1.p=jinan&1.h=300";
    let report = json(&["compare", comparison, "--format", "json"]);
    assert_eq!(report["diff"]["plans"], 2);
    assert_eq!(report["diff"]["rows"][0]["key"], "hires");
}

#[test]
fn compare_csv_has_both_tables_for_excel() {
    let out = swplan(&[
        "compare", "ningxia", "jinan", "--format", "csv", "--lang", "zh",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("\u{feff}输入,A 宁夏回族自治区,B 济南市\r\n"),
        "{text}"
    );
    assert!(
        text.contains("\r\n\r\n目标,A 宁夏回族自治区,B 济南市\r\n"),
        "{text}"
    );
}

#[test]
fn compare_takes_two_to_four_plans_and_no_overrides() {
    for args in [
        &["compare", "yunnan"][..],
        &["compare", "yunnan", "lhasa", "jinan", "ningxia", "guangxi"],
        &["compare", "yunnan", "lhasa", "--set", "hires=1"],
    ] {
        let out = swplan(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    let out = swplan(&["compare", "yunnan", "seeds/nowhere.toml"]);
    assert_eq!(out.status.code(), Some(1));
}

/// A file in a fresh temporary folder.
fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("swplan-cli-pool-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn pool_prints_the_room_per_lever_and_target_and_what_it_skipped() {
    let links = [
        link(&["yunnan", "--set", "hires=15000"]),
        link(&["yunnan", "--set", "hires=20000", "--set", "attrition=0.06"]),
        link(&["yunnan", "--set", "hires=15000"]),
        link(&["guizhou"]),
        "http://127.0.0.1:8080/?v=1&p=yunnan&h=lots".to_string(),
        link(&["yunnan", "--set", "hires=30000"]),
    ];
    let chat = format!("张三 10:31\n{}\n好的\n", links.join("\n"));
    let path = temp_file("chat.txt", &chat);
    let out = swplan(&["pool", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Workshop preset: Yunnan"), "{text}");
    assert!(text.contains("Participants: 3; skipped: 3"), "{text}");
    assert!(text.contains("New talent"), "{text}");
    assert!(
        text.contains("Line 4 (张三): the same plan as line 2 (张三); skipped."),
        "{text}"
    );
    assert!(
        text.contains("Line 5 (张三): another preset: Guizhou"),
        "{text}"
    );
    assert!(
        text.contains("Line 6 (张三): the link has problems"),
        "{text}"
    );

    let report = json(&["pool", &path, "--format", "json"]);
    assert_eq!(report["participants"].as_array().unwrap().len(), 3);
    assert_eq!(report["levers"][1]["key"], "hires");
    assert_eq!(report["levers"][1]["spread"]["median"], 20000.0);
    assert_eq!(report["other_lines"], serde_json::json!([1, 8]));
    assert_eq!(report["targets"][0]["metric"], "talent");
    assert_eq!(
        report["lines"][0]["participants"].as_array().unwrap().len(),
        3
    );

    let csv = swplan(&["pool", &path, "--format", "csv", "--lang", "zh"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.starts_with("\u{feff}参数,改动人数,基准,最小,中位,最大,分布\r\n"),
        "{csv}"
    );

    // The same plan sent twice: counted each time when asked, and said so.
    let out = swplan(&["pool", &path, "--count-identical"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Participants: 4; skipped: 2"), "{text}");
    assert!(
        text.contains("Line 4 (张三): the same plan as line 2 (张三); counted as well."),
        "{text}"
    );
    let report = json(&["pool", &path, "--count-identical", "--format", "json"]);
    assert_eq!(report["participants"].as_array().unwrap().len(), 4);
    assert_eq!(report["repeats"][0]["source"]["line"], 4);
}

#[test]
fn pool_adds_the_plans_of_saved_files() {
    let opened = swplan_plans::share::open::open_name("v=1&p=jinan&h=900").unwrap();
    let saved = swplan_plans::share::save::SavedPlan::new("a", opened.plans[0].clone(), "t0", "t1");
    let saves = temp_file("saved.json", &swplan_plans::share::save::to_json(&[saved]));
    let links = temp_file("links.txt", &link(&["jinan", "--set", "hires=300"]));
    let report = json(&["pool", &links, &saves, "--format", "json"]);
    let participants = report["participants"].as_array().unwrap();
    assert_eq!(participants.len(), 2);
    assert_eq!(participants[1]["source"]["kind"], "plan");
    let two_texts = swplan(&["pool", &links, &links]);
    assert_eq!(two_texts.status.code(), Some(2));
    assert_eq!(swplan(&["pool", "nowhere.txt"]).status.code(), Some(1));
}

#[test]
fn a_budget_ceiling_reads_at_most_in_the_table_and_its_odds() {
    let out = swplan(&[
        "run",
        "ningxia",
        "--target",
        "budget_cumulative=320000000@2027",
        "--runs",
        "100",
        "--lang",
        "zh",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("累计预算 2027年底 ≤ 3.2亿元："), "{text}");
    assert!(!text.contains("≥ 3.2亿元"), "{text}");
}
