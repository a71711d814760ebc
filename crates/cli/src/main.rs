//! `swplan`: the planner's model on the command line.
//!
//! ```text
//! swplan run  <source> [--set key=value ...] [--target metric=threshold@year ...] [--no-targets]
//!              [--runs N] [--seed S] [--format table|json|csv] [--lang zh|en]
//! swplan seek <source> --target <metric> --lever <key> [--confidence 0.8]
//!              [--runs N] [--seed S] [--set key=value ...] [--format table|json]
//! swplan link <source> [--set ...] [--target ...] [--no-targets] [--base-url URL]
//! swplan compare <source> <source> [<source> <source>] [--format table|json|csv]
//! swplan pool <file> [<saved plans> ...] [--count-identical] [--format table|json|csv]
//! swplan presets
//! ```
//!
//! A source is a scenario file (TOML or JSON), a saved-plans file, a preset slug, `new` (the
//! blank template of a new region), or a share link (full address or query string). One module
//! per command; `options` reads the arguments and opens sources for all of them.

mod compare;
mod link;
mod options;
mod pool;
mod run;
mod seek;

use std::process::ExitCode;

use swplan_plans::presets;
use swplan_words::Lang;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = language(&args);
    match dispatch(&args, lang) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(message)) => {
            eprintln!("{message}\n\n{}", usage(lang));
            ExitCode::from(2)
        }
        Err(Failure::Input(message)) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Why a command did not run.
pub enum Failure {
    /// The command line itself is wrong.
    Usage(String),
    /// The scenario, a file or an override is wrong.
    Input(String),
}

/// The language of messages: `--lang`, else the environment's `LANG`, else Chinese.
fn language(args: &[String]) -> Lang {
    args.iter()
        .position(|a| a == "--lang")
        .and_then(|i| args.get(i + 1))
        .and_then(|tag| Lang::from_tag(tag))
        .or_else(|| std::env::var("LANG").ok().and_then(|v| Lang::from_tag(&v)))
        .unwrap_or_default()
}

fn usage(lang: Lang) -> &'static str {
    lang.pick(
        "用法：\n  swplan run <来源> [--set 参数=值 ...] [--target 指标=目标值@年份 ...] [--no-targets] [--runs 次数] [--seed 种子] [--format table|json|csv] [--lang zh|en]\n  swplan seek <来源> --target <指标> --lever <杠杆> [--confidence 0.8] [--runs 次数] [--seed 种子] [--format table|json]\n  swplan link <来源> [--set ...] [--target ...] [--no-targets] [--base-url 网址]    生成分享链接\n  swplan compare <来源> <来源> [<来源> <来源>] [--format table|json|csv]    比较2–4个方案\n  swplan pool <文件> [<方案保存文件> ...] [--count-identical] [--format table|json|csv]    汇总工作坊学员的链接（--count-identical：相同方案分别计入）\n  swplan presets    列出内置预设\n\n来源：方案文件（TOML/JSON）、方案保存文件、预设名、new（新建地区的空白模板）或分享链接。\n覆盖率目标用小数（1 表示 100%），如 --target station_coverage=1@2025。\npool 的文件：每行一个链接，或粘贴的聊天记录；“-”表示标准输入。",
        "Usage:\n  swplan run <source> [--set key=value ...] [--target metric=threshold@year ...] [--no-targets] [--runs N] [--seed S] [--format table|json|csv] [--lang zh|en]\n  swplan seek <source> --target <metric> --lever <key> [--confidence 0.8] [--runs N] [--seed S] [--format table|json]\n  swplan link <source> [--set ...] [--target ...] [--no-targets] [--base-url URL]    print a share link\n  swplan compare <source> <source> [<source> <source>] [--format table|json|csv]    compare 2–4 plans\n  swplan pool <file> [<saved plans> ...] [--count-identical] [--format table|json|csv]    pool a workshop's links (--count-identical: identical plans each count)\n  swplan presets    list the built-in presets\n\nA source is a scenario file (TOML/JSON), a saved-plans file, a preset slug, new (the blank template of a new region) or a share link.\nCoverage targets are fractions (1 is 100 %), e.g. --target station_coverage=1@2025.\nThe file of pool holds links one per line, or a pasted chat; - reads standard input.",
    )
}

fn dispatch(args: &[String], lang: Lang) -> Result<String, Failure> {
    let rest = args.get(1..).unwrap_or_default();
    match args.first().map(String::as_str) {
        Some("run") => run::run_command(rest, lang),
        Some("seek") => seek::seek_command(rest, lang),
        Some("link") => link::link_command(rest, lang),
        Some("compare") => compare::compare_command(rest, lang),
        Some("pool") => pool::pool_command(rest, lang),
        Some("presets") => Ok(list_presets(lang)),
        Some("help" | "--help" | "-h") | None => Ok(format!("{}\n", usage(lang))),
        Some(other) => Err(Failure::Usage(match lang {
            Lang::Zh => format!("未知命令“{other}”。"),
            Lang::En => format!("Unknown command '{other}'."),
        })),
    }
}

/// A warning on stderr (link problems and notices): the command still runs.
pub fn warn(message: &str, lang: Lang) {
    eprintln!("{}{message}", lang.pick("警告：", "warning: "));
}

fn list_presets(lang: Lang) -> String {
    presets::all()
        .iter()
        .map(|p| {
            let s = &p.scenario;
            format!(
                "{:<10} {}  {}–{}\n",
                p.slug,
                lang.pick(&s.name.zh, &s.name.en),
                s.base_year,
                s.end_year
            )
        })
        .collect()
}
