//! `swplan --help`, `swplan help [command|topic]` and the refusals of a wrong command line, in
//! Chinese and English, run as a user would run them.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::process::{Command, Output};

use common::cli::ROOT;
use swplan_engine::params::PARAMS;
use swplan_engine::Metric;
use swplan_plans::presets;

/// Runs `swplan` with the environment's `LANG` set to `lang_env`.
fn swplan_with_lang(lang_env: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_swplan"))
        .args(args)
        .current_dir(ROOT)
        .env("LANG", lang_env)
        .output()
        .expect("run swplan")
}

/// What `swplan` printed on stdout, expecting success.
fn stdout(args: &[&str]) -> String {
    let out = swplan_with_lang("C", args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `clap`'s own English, which must never reach a Chinese reader.
const CLAP_ENGLISH: &[&str] = &[
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Print help",
    "[possible values",
    "[default",
    "error:",
    "unexpected argument",
    "For more information",
    "tip:",
];

/// A command's options, and words its Chinese and its English help must hold.
type HelpHolds = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

/// Per command: its options, and words its Chinese and its English help must hold.
const COMMAND_HELP: &[HelpHolds] = &[
    (
        "run",
        &[
            "--set",
            "--target",
            "--no-targets",
            "--runs",
            "--seed",
            "--format",
            "--lang",
        ],
        &["参数", "目标", "蒙特卡洛", "<来源>"],
        &["override", "target", "Monte Carlo", "<source>"],
    ),
    (
        "seek",
        &[
            "--target",
            "--lever",
            "--confidence",
            "--set",
            "--runs",
            "--seed",
            "--format",
        ],
        &["杠杆", "概率", "<指标>"],
        &["lever", "probability", "<metric>"],
    ),
    (
        "link",
        &[
            "--set",
            "--target",
            "--no-targets",
            "--runs",
            "--seed",
            "--base-url",
        ],
        &["分享链接", "网址"],
        &["share link", "served"],
    ),
    (
        "compare",
        &["--format", "--lang"],
        &["比较", "2–4"],
        &["Compare", "differ"],
    ),
    (
        "pool",
        &["--count-identical", "--format"],
        &["工作坊", "相同的方案", "标准输入"],
        &["workshop", "identical", "standard input"],
    ),
    ("presets", &["--lang"], &["预设"], &["presets"]),
];

#[test]
fn each_commands_help_names_its_options_in_chinese_and_english() {
    for (command, options, zh_words, en_words) in COMMAND_HELP {
        let zh = stdout(&[command, "--help", "--lang", "zh"]);
        let en = stdout(&[command, "--help", "--lang", "en"]);
        for option in *options {
            assert!(zh.contains(option), "{command} zh lacks {option}:\n{zh}");
            assert!(en.contains(option), "{command} en lacks {option}:\n{en}");
        }
        for word in *zh_words {
            assert!(zh.contains(word), "{command} zh lacks {word}:\n{zh}");
        }
        for word in *en_words {
            assert!(en.contains(word), "{command} en lacks {word}:\n{en}");
        }
        for english in CLAP_ENGLISH {
            assert!(!zh.contains(english), "{command} zh holds {english}:\n{zh}");
        }
        assert!(zh.contains("用法：") && zh.contains("选项："), "{zh}");
    }
}

#[test]
fn help_of_a_command_is_its_help_flag() {
    for (command, ..) in COMMAND_HELP {
        assert_eq!(
            stdout(&["help", command]),
            stdout(&[command, "--help"]),
            "{command}"
        );
    }
}

#[test]
fn help_short_flag_gives_the_one_line_summary() {
    let short = stdout(&["run", "-h", "--lang", "en"]);
    let long = stdout(&["run", "--help", "--lang", "en"]);
    assert!(short.starts_with("Run one plan:"), "{short}");
    assert!(long.contains("Monte Carlo simulations"), "{long}");
    assert!(!short.contains("Monte Carlo simulations"), "{short}");
}

#[test]
fn help_language_is_lang_else_the_environment_else_chinese() {
    let in_chinese = |out: &Output| String::from_utf8_lossy(&out.stdout).contains("用法：");
    assert!(in_chinese(&swplan_with_lang("C", &["--help"])));
    assert!(in_chinese(&swplan_with_lang("zh_CN.UTF-8", &["--help"])));
    assert!(!in_chinese(&swplan_with_lang("en_US.UTF-8", &["--help"])));
    assert!(!in_chinese(&swplan_with_lang(
        "zh_CN.UTF-8",
        &["--help", "--lang=en"]
    )));
    assert!(in_chinese(&swplan_with_lang(
        "en_US.UTF-8",
        &["run", "--lang", "zh", "--help"]
    )));
}

#[test]
fn no_command_prints_the_commands_and_topics() {
    let out = swplan_with_lang("en_US.UTF-8", &[]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for word in [
        "run", "seek", "link", "compare", "pool", "presets", "sources", "keys", "targets", "links",
    ] {
        assert!(text.contains(&format!("  {word} ")), "{word}:\n{text}");
    }
}

#[test]
fn a_refused_command_line_in_chinese_holds_no_english_from_the_parser() {
    for (args, expected) in [
        (&["run", "yunnan", "--colour"][..], "未知选项“--colour”"),
        (&["run", "yunnan", "extra"], "多余的参数“extra”"),
        (&["run"], "缺少方案文件、预设名或链接"),
        (&["run", "yunnan", "--set"], "--set 后缺少取值"),
        (
            &["run", "yunnan", "--seed", "abc"],
            "--seed 的值“abc”不是有效数字",
        ),
        (&["run", "yunnan", "--format", "xml"], "未知输出格式“xml”"),
        (&["fly"], "未知命令“fly”"),
        (
            &["compare", "a", "b", "--set", "h=1"],
            "compare 不接受选项“--set”",
        ),
        (&["pool"], "缺少方案文件、预设名或链接"),
    ] {
        let out = swplan_with_lang("en_US.UTF-8", &[args, &["--lang", "zh"]].concat());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}:\n{err}");
        assert!(err.contains("用法："), "{args:?}:\n{err}");
        for english in CLAP_ENGLISH {
            assert!(!err.contains(english), "{args:?} holds {english}:\n{err}");
        }
    }
}

#[test]
fn a_refused_command_line_in_english_says_what_is_wrong() {
    let out = swplan_with_lang("en_US.UTF-8", &["seek", "yunnan", "--target", "talent"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("seek needs --lever."), "{err}");
    assert!(err.contains("Usage:\n  swplan run <source>"), "{err}");
}

#[test]
fn help_keys_lists_every_parameter_key_in_both_languages() {
    for lang in ["zh", "en"] {
        let text = stdout(&["help", "keys", "--lang", lang]);
        for param in PARAMS {
            assert!(
                text.lines()
                    .any(|l| l.split_whitespace().next() == Some(param.key)),
                "{lang}: {} missing:\n{text}",
                param.key
            );
        }
    }
    assert!(stdout(&["help", "keys", "--lang", "zh"]).contains("比例（0–1）"));
}

#[test]
fn help_targets_lists_every_target_metric_and_coverage_as_a_fraction() {
    for lang in ["zh", "en"] {
        let text = stdout(&["help", "targets", "--lang", lang]);
        for metric in Metric::targetable() {
            assert!(text.contains(metric.key()), "{lang}: {}", metric.key());
        }
        assert!(text.contains("station_coverage=1@2025"), "{text}");
    }
}

#[test]
fn help_sources_names_every_preset_and_new() {
    let text = stdout(&["help", "sources", "--lang", "en"]);
    for preset in presets::all() {
        assert!(text.contains(preset.slug), "{}:\n{text}", preset.slug);
    }
    assert!(text.contains("new "), "{text}");
}

#[test]
fn help_links_says_a_link_keeps_its_numbers() {
    assert!(stdout(&["help", "links", "--lang", "en"]).contains("same numbers for ever"));
    assert!(stdout(&["help", "links", "--lang", "zh"]).contains("永远打开同样的数字"));
}

#[test]
fn help_of_an_unknown_topic_is_a_usage_error_naming_the_topics() {
    for (lang, expected) in [
        ("zh", "没有“colours”这个帮助主题"),
        ("en", "No help topic 'colours'"),
    ] {
        let out = swplan_with_lang("C", &["help", "colours", "--lang", lang]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{err}");
        for topic in ["sources", "keys", "targets", "links"] {
            assert!(err.contains(topic), "{topic}: {err}");
        }
    }
}
