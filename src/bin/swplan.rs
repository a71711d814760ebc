//! `swplan`: the planner's model on the command line.
//!
//! ```text
//! swplan run  <source> [--set key=value ...] [--target metric=threshold@year ...] [--no-targets]
//!              [--runs N] [--seed S] [--format table|json|csv] [--lang zh|en]
//! swplan seek <source> --target <metric> --lever <key> [--confidence 0.8]
//!              [--runs N] [--seed S] [--set key=value ...] [--format table|json]
//! swplan link <source> [--set ...] [--target ...] [--no-targets] [--base-url URL]
//! swplan presets
//! ```
//!
//! A source is a scenario file (TOML or JSON), a saved-plans file, a preset slug, `new` (the
//! blank template of a new region), or a share link (full address or query string).

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;
use swplan::export::csv::year_table_csv;
use swplan::i18n::{messages, metric_label, Lang};
use swplan::model::montecarlo::{self, Settings};
use swplan::model::seek::{self, Question};
use swplan::model::{evaluate, params, simulate, validate, Metric, Target, Verdict, YearRow};
use swplan::presets::{self, LoadError};
use swplan::report::{self, Format};
use swplan::share::{self, open, Origin, PlanSpec};

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

enum Failure {
    /// The command line itself is wrong.
    Usage(String),
    /// The scenario or an override is wrong.
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
        "用法：\n  swplan run <来源> [--set 参数=值 ...] [--target 指标=目标值@年份 ...] [--no-targets] [--runs 次数] [--seed 种子] [--format table|json|csv] [--lang zh|en]\n  swplan seek <来源> --target <指标> --lever <杠杆> [--confidence 0.8] [--runs 次数] [--seed 种子] [--format table|json]\n  swplan link <来源> [--set ...] [--target ...] [--no-targets] [--base-url 网址]    生成分享链接\n  swplan presets    列出内置预设\n\n来源：方案文件（TOML/JSON）、方案保存文件、预设名、new（新建地区的空白模板）或分享链接。\n覆盖率目标用小数（1 表示 100%），如 --target station_coverage=1@2025。",
        "Usage:\n  swplan run <source> [--set key=value ...] [--target metric=threshold@year ...] [--no-targets] [--runs N] [--seed S] [--format table|json|csv] [--lang zh|en]\n  swplan seek <source> --target <metric> --lever <key> [--confidence 0.8] [--runs N] [--seed S] [--format table|json]\n  swplan link <source> [--set ...] [--target ...] [--no-targets] [--base-url URL]    print a share link\n  swplan presets    list the built-in presets\n\nA source is a scenario file (TOML/JSON), a saved-plans file, a preset slug, new (the blank template of a new region) or a share link.\nCoverage targets are fractions (1 is 100 %), e.g. --target station_coverage=1@2025.",
    )
}

fn dispatch(args: &[String], lang: Lang) -> Result<String, Failure> {
    match args.first().map(String::as_str) {
        Some("run") => run(&args[1..], lang),
        Some("seek") => seek_command(&args[1..], lang),
        Some("link") => link_command(&args[1..], lang),
        Some("presets") => Ok(list_presets(lang)),
        Some("help" | "--help" | "-h") | None => Ok(format!("{}\n", usage(lang))),
        Some(other) => Err(Failure::Usage(match lang {
            Lang::Zh => format!("未知命令“{other}”。"),
            Lang::En => format!("Unknown command '{other}'."),
        })),
    }
}

/// Options shared by the commands that read a scenario.
struct Options {
    source: String,
    sets: Vec<String>,
    format: Format,
    /// Monte Carlo runs, when asked for with `--runs`.
    runs: Option<usize>,
    /// `--seed`, when given (else the plan's own seed).
    seed: Option<u64>,
    /// `--target metric` without `=`: the target `seek` answers for.
    seek_metric: Option<String>,
    /// `--target metric=threshold@year`: targets to add.
    added_targets: Vec<String>,
    no_targets: bool,
    lever: Option<String>,
    confidence: Option<f64>,
    base_url: Option<String>,
    /// Whether `--lang` was given (a link then carries the language).
    lang_given: bool,
}

fn parse_options(args: &[String], lang: Lang) -> Result<Options, Failure> {
    let mut source = None;
    let mut sets = Vec::new();
    let mut format = Format::Table;
    let (mut runs, mut seed, mut seek_metric, mut lever, mut confidence) =
        (None, None, None, None, None);
    let (mut added_targets, mut no_targets, mut base_url, mut lang_given) =
        (Vec::new(), false, None, false);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |flag: &str| {
            rest.next().cloned().ok_or_else(|| {
                Failure::Usage(match lang {
                    Lang::Zh => format!("{flag} 后缺少取值。"),
                    Lang::En => format!("{flag} needs a value."),
                })
            })
        };
        match arg.as_str() {
            "--set" => sets.push(value("--set")?),
            "--format" => {
                let name = value("--format")?;
                format = Format::from_name(&name).ok_or_else(|| {
                    Failure::Usage(match lang {
                        Lang::Zh => format!("未知输出格式“{name}”（可选 table、json、csv）。"),
                        Lang::En => format!("Unknown format '{name}' (table, json or csv)."),
                    })
                })?;
            }
            "--lang" => {
                value("--lang")?;
                lang_given = true;
            }
            "--runs" => runs = Some(number(&value("--runs")?, "--runs", lang)?),
            "--seed" => seed = Some(number(&value("--seed")?, "--seed", lang)?),
            "--target" => {
                let text = value("--target")?;
                if text.contains('=') {
                    added_targets.push(text);
                } else {
                    seek_metric = Some(text);
                }
            }
            "--no-targets" => no_targets = true,
            "--base-url" => base_url = Some(value("--base-url")?),
            "--lever" => lever = Some(value("--lever")?),
            "--confidence" => {
                let c: f64 = number(&value("--confidence")?, "--confidence", lang)?;
                if !(c > 0.0 && c < 1.0) {
                    return Err(Failure::Usage(
                        lang.pick(
                            "--confidence 必须在 0 与 1 之间（如 0.8 表示 80%）。",
                            "--confidence must lie between 0 and 1 (0.8 is 80 %).",
                        )
                        .into(),
                    ));
                }
                confidence = Some(c);
            }
            flag if flag.starts_with("--") => {
                return Err(Failure::Usage(match lang {
                    Lang::Zh => format!("未知选项“{flag}”。"),
                    Lang::En => format!("Unknown option '{flag}'."),
                }))
            }
            _ if source.is_none() => source = Some(arg.clone()),
            extra => {
                return Err(Failure::Usage(match lang {
                    Lang::Zh => format!("多余的参数“{extra}”。"),
                    Lang::En => format!("Unexpected argument '{extra}'."),
                }))
            }
        }
    }
    let source = source.ok_or_else(|| {
        Failure::Usage(
            lang.pick(
                "缺少方案文件、预设名或链接。",
                "Missing the scenario file, preset or link.",
            )
            .into(),
        )
    })?;
    if let Some(n) = runs {
        let (min, max) = montecarlo::RUNS_RANGE;
        if !(min..=max).contains(&n) {
            return Err(Failure::Usage(match lang {
                Lang::Zh => format!("--runs 必须在 {min} 到 {max} 之间。"),
                Lang::En => format!("--runs must be between {min} and {max}."),
            }));
        }
    }
    Ok(Options {
        source,
        sets,
        format,
        runs,
        seed,
        seek_metric,
        added_targets,
        no_targets,
        lever,
        confidence,
        base_url,
        lang_given,
    })
}

/// Parses a flag's number, or says which flag is wrong.
fn number<T: std::str::FromStr>(text: &str, flag: &str, lang: Lang) -> Result<T, Failure> {
    text.trim().parse().map_err(|_| {
        Failure::Usage(match lang {
            Lang::Zh => format!("{flag} 的值“{text}”不是有效数字。"),
            Lang::En => format!("The value '{text}' of {flag} is not a valid number."),
        })
    })
}

/// The plan named on the command line with `--no-targets`, `--set` and `--target` applied and
/// validated, and the other plans of a comparison link.
struct Loaded {
    plan: PlanSpec,
    others: Vec<PlanSpec>,
}

/// Loads the source (a file, a preset, `new` or a link) and applies the overrides.
fn load(options: &Options, lang: Lang) -> Result<Loaded, Failure> {
    let (mut plan, others) = open_source(&options.source, lang)?;
    let scenario = &mut plan.scenario;
    if options.no_targets {
        scenario.targets.clear();
    }
    for assignment in &options.sets {
        params::set_assignment(scenario, assignment)
            .map_err(|e| Failure::Input(messages::set_error_message(&e, lang)))?;
    }
    for text in &options.added_targets {
        scenario.targets.push(parse_target(text, lang)?);
    }
    validate(scenario).map_err(|e| Failure::Input(LoadError::Invalid(e).message(lang)))?;
    Ok(Loaded { plan, others })
}

/// The plan(s) a source names: a file, else a preset, `new` or a link. Overrides may repair an
/// invalid file, so files are parsed here and validated after `--set`.
fn open_source(source: &str, lang: Lang) -> Result<(PlanSpec, Vec<PlanSpec>), Failure> {
    let path = Path::new(source);
    let opened = if path.is_file() {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Failure::Input(
                LoadError::Io {
                    path: source.to_string(),
                    reason: e.to_string(),
                }
                .message(lang),
            )
        })?;
        open::open_file_text(&text)
    } else {
        open::open_name(source)
    }
    .map_err(|e| Failure::Input(open::error_message(&e, lang)))?;
    for warning in &opened.warnings {
        warn(&open::warning_message(warning, lang), lang);
    }
    let mut plans = opened.plans.into_iter();
    // Never empty (see `Opened`); the default preset keeps a mistake from panicking.
    let first = plans.next().unwrap_or_else(|| {
        open::plan_of(Origin::Custom, presets::default_preset().scenario.clone())
    });
    Ok((first, plans.collect()))
}

/// A warning on stderr (link problems and notices): the command still runs.
fn warn(message: &str, lang: Lang) {
    eprintln!("{}{message}", lang.pick("警告：", "warning: "));
}

/// Reads `--target metric=threshold@year`, with the keys of files and links.
fn parse_target(text: &str, lang: Lang) -> Result<Target, Failure> {
    let bad = |why: String| {
        Failure::Input(match lang {
            Lang::Zh => format!("--target “{text}”有误：{why}（格式：指标=目标值@年份，如 talent=140000@2025）"),
            Lang::En => format!("--target '{text}' is wrong: {why} (expected metric=threshold@year, e.g. talent=140000@2025)"),
        })
    };
    let (key, rest) = text.split_once('=').unwrap_or((text, ""));
    let key = key.trim();
    let targetable: Vec<&str> = Metric::targetable().map(Metric::key).collect();
    let metric = Metric::from_key(key)
        .filter(|m| m.goal().is_some())
        .ok_or_else(|| {
            bad(match lang {
                Lang::Zh => format!("未知的目标指标“{key}”，可选：{}", targetable.join("、")),
                Lang::En => format!(
                    "'{key}' is not a target metric; choose from {}",
                    targetable.join(", ")
                ),
            })
        })?;
    let (threshold, year) = rest
        .split_once('@')
        .ok_or_else(|| bad(lang.pick("缺少“@年份”", "the '@year' is missing").into()))?;
    let threshold: f64 = threshold
        .trim()
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| {
            bad(match lang {
                Lang::Zh => format!(
                    "{}的目标值“{threshold}”不是数字",
                    metric_label(metric, lang)
                ),
                Lang::En => format!(
                    "the threshold '{threshold}' of {} is not a number",
                    metric_label(metric, lang)
                ),
            })
        })?;
    let deadline: i32 = year.trim().parse().map_err(|_| {
        bad(match lang {
            Lang::Zh => format!("“{year}”不是年份"),
            Lang::En => format!("'{year}' is not a year"),
        })
    })?;
    Ok(Target {
        metric,
        threshold,
        deadline,
        source: None,
    })
}

/// The `--target metric` of `seek` is a question, not a target to add: other commands refuse it.
fn refuse_seek_target(options: &Options, lang: Lang) -> Result<(), Failure> {
    match &options.seek_metric {
        Some(text) => Err(Failure::Usage(match lang {
            Lang::Zh => format!("--target “{text}”缺少“=目标值@年份”（如 talent=140000@2025）。"),
            Lang::En => {
                format!("--target '{text}' lacks '=threshold@year' (e.g. talent=140000@2025).")
            }
        })),
        None => Ok(()),
    }
}

fn link_command(args: &[String], lang: Lang) -> Result<String, Failure> {
    let options = parse_options(args, lang)?;
    refuse_seek_target(&options, lang)?;
    let Loaded { mut plan, others } = load(&options, lang)?;
    if let Some(runs) = options.runs {
        plan.mc.runs = runs;
    }
    if let Some(seed) = options.seed {
        plan.mc.seed = seed;
    }
    let plans: Vec<PlanSpec> = std::iter::once(plan).chain(others).collect();
    let query = share::encode(&plans, options.lang_given.then_some(lang));
    let base = options.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL);
    // A base that already holds a query or fragment loses them: the link is the whole query.
    let base = base.split(['?', '#']).next().unwrap_or(base);
    Ok(format!("{base}?{query}\n"))
}

/// Where the app is served by `trunk serve` (scripts/serve.sh).
const DEFAULT_BASE_URL: &str = "http://127.0.0.1:8080/";

fn run(args: &[String], lang: Lang) -> Result<String, Failure> {
    let options = parse_options(args, lang)?;
    refuse_seek_target(&options, lang)?;
    let Loaded { plan, others } = load(&options, lang)?;
    if !others.is_empty() {
        warn(
            &match lang {
                Lang::Zh => format!("链接中有{}个方案，只运行第一个。", others.len() + 1),
                Lang::En => format!(
                    "The link holds {} plans; only the first is run.",
                    others.len() + 1
                ),
            },
            lang,
        );
    }
    let scenario = plan.scenario;
    let trajectory =
        simulate(&scenario).map_err(|e| Failure::Input(LoadError::Invalid(e).message(lang)))?;
    let verdicts: Vec<Verdict> = scenario
        .targets
        .iter()
        .map(|t| evaluate(t, &trajectory))
        .collect();
    let summary = match options.runs {
        Some(runs) => Some(
            montecarlo::simulate_many(
                &scenario,
                Settings::clamped(runs, options.seed.unwrap_or(plan.mc.seed)),
            )
            .map_err(|e| Failure::Input(LoadError::Invalid(e).message(lang)))?,
        ),
        None => None,
    };
    Ok(match options.format {
        Format::Table => {
            let mut text = report::table(&scenario, &trajectory, &verdicts, lang);
            if let Some(summary) = &summary {
                text += &report::odds_table(&scenario, &verdicts, summary, lang);
            }
            text
        }
        Format::Csv => year_table_csv(&trajectory, &verdicts, summary.as_ref(), lang),
        Format::Json => {
            let band = |i: usize| {
                summary.as_ref().map(|s| Band {
                    p10: &s.p10[i],
                    p50: &s.p50[i],
                    p90: &s.p90[i],
                })
            };
            let years = trajectory
                .years
                .iter()
                .enumerate()
                .map(|(i, row)| YearJson { row, band: band(i) })
                .collect();
            let targets = verdicts
                .iter()
                .enumerate()
                .map(|(i, verdict)| TargetJson {
                    verdict,
                    odds: summary.as_ref().map(|s| &s.targets[i]),
                })
                .collect();
            report::json(&scenario, years, targets, &trajectory, lang) + "\n"
        }
    })
}

/// A year row with its Monte Carlo percentiles, when there are any.
#[derive(Serialize)]
struct YearJson<'a> {
    #[serde(flatten)]
    row: &'a YearRow,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    band: Option<Band<'a>>,
}

#[derive(Serialize)]
struct Band<'a> {
    p10: &'a YearRow,
    p50: &'a YearRow,
    p90: &'a YearRow,
}

/// A target verdict with its probability, when Monte Carlo ran.
#[derive(Serialize)]
struct TargetJson<'a> {
    #[serde(flatten)]
    verdict: &'a Verdict,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    odds: Option<&'a montecarlo::TargetOdds>,
}

fn seek_command(args: &[String], lang: Lang) -> Result<String, Failure> {
    let options = parse_options(args, lang)?;
    let Loaded { plan, .. } = load(&options, lang)?;
    let scenario = plan.scenario;
    let missing = |flag: &str| {
        Failure::Usage(match lang {
            Lang::Zh => format!("seek 需要 {flag}。"),
            Lang::En => format!("seek needs {flag}."),
        })
    };
    let metric_key = options
        .seek_metric
        .as_deref()
        .ok_or_else(|| missing("--target"))?;
    let lever_key = options.lever.as_deref().ok_or_else(|| missing("--lever"))?;
    let target = Metric::from_key(metric_key)
        .and_then(|m| scenario.targets.iter().find(|t| t.metric == m))
        .ok_or_else(|| {
            let known: Vec<&str> = scenario.targets.iter().map(|t| t.metric.key()).collect();
            Failure::Input(match lang {
                Lang::Zh => format!(
                    "该方案没有指标为“{metric_key}”的目标。现有目标：{}",
                    known.join("、")
                ),
                Lang::En => format!(
                    "The scenario has no target on '{metric_key}'. Its targets: {}",
                    known.join(", ")
                ),
            })
        })?;
    let lever = params::param(lever_key).map_or("", |p| p.key);
    let settings = Settings::clamped(
        options.runs.unwrap_or(plan.mc.runs),
        options.seed.unwrap_or(plan.mc.seed),
    );
    let question = Question {
        target,
        lever: if lever.is_empty() { "?" } else { lever },
        confidence: options.confidence.map(|c| (c, settings)),
    };
    let answer = seek::seek(&scenario, &question).map_err(|e| {
        Failure::Input(match e {
            seek::SeekError::NotALever(_) => messages::seek_error_message(
                &seek::SeekError::NotALever(lever_key.to_string()),
                lang,
            ),
            other => messages::seek_error_message(&other, lang),
        })
    })?;
    Ok(match options.format {
        Format::Json => {
            #[derive(Serialize)]
            struct SeekJson<'a> {
                #[serde(flatten)]
                answer: &'a seek::Answer,
                message: String,
            }
            let json = SeekJson {
                answer: &answer,
                message: messages::seek_sentence(&answer, lang),
            };
            // Cannot fail: plain numbers and strings.
            serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
        }
        _ => messages::seek_sentence(&answer, lang) + "\n",
    })
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
