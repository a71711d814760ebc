//! `swplan`: the planner's model on the command line.
//!
//! ```text
//! swplan run  <scenario file | preset> [--set key=value ...] [--runs N] [--seed S]
//!              [--format table|json|csv] [--lang zh|en]
//! swplan seek <scenario file | preset> --target <metric> --lever <key> [--confidence 0.8]
//!              [--runs N] [--seed S] [--set key=value ...] [--format table|json]
//! swplan presets
//! ```

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;
use swplan::i18n::Lang;
use swplan::model::montecarlo::{self, Settings};
use swplan::model::seek::{self, Question};
use swplan::model::{evaluate, params, simulate, validate, Metric, Scenario, Verdict, YearRow};
use swplan::presets::{self, LoadError};
use swplan::report::{self, Format};

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
        "用法：\n  swplan run <方案文件或预设名> [--set 参数=值 ...] [--runs 次数] [--seed 种子] [--format table|json|csv] [--lang zh|en]\n  swplan seek <方案文件或预设名> --target <指标> --lever <杠杆> [--confidence 0.8] [--runs 次数] [--seed 种子] [--format table|json]\n  swplan presets    列出内置预设",
        "Usage:\n  swplan run <scenario file or preset> [--set key=value ...] [--runs N] [--seed S] [--format table|json|csv] [--lang zh|en]\n  swplan seek <scenario file or preset> --target <metric> --lever <key> [--confidence 0.8] [--runs N] [--seed S] [--format table|json]\n  swplan presets    list the built-in presets",
    )
}

fn dispatch(args: &[String], lang: Lang) -> Result<String, Failure> {
    match args.first().map(String::as_str) {
        Some("run") => run(&args[1..], lang),
        Some("seek") => seek_command(&args[1..], lang),
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
    seed: u64,
    target: Option<String>,
    lever: Option<String>,
    confidence: Option<f64>,
}

fn parse_options(args: &[String], lang: Lang) -> Result<Options, Failure> {
    let mut source = None;
    let mut sets = Vec::new();
    let mut format = Format::Table;
    let (mut runs, mut seed, mut target, mut lever, mut confidence) =
        (None, montecarlo::DEFAULT_SEED, None, None, None);
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
            }
            "--runs" => runs = Some(number(&value("--runs")?, "--runs", lang)?),
            "--seed" => seed = number(&value("--seed")?, "--seed", lang)?,
            "--target" => target = Some(value("--target")?),
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
            lang.pick("缺少方案文件。", "Missing the scenario file.")
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
        target,
        lever,
        confidence,
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

/// Loads the scenario named on the command line (a file, else a preset slug) and applies `--set`.
fn load(options: &Options, lang: Lang) -> Result<Scenario, Failure> {
    let path = Path::new(&options.source);
    let mut scenario = if path.exists() {
        // Overrides may repair an invalid file, so parse here and validate after `--set`.
        let text = std::fs::read_to_string(path).map_err(|e| {
            Failure::Input(
                LoadError::Io {
                    path: options.source.clone(),
                    reason: e.to_string(),
                }
                .message(lang),
            )
        })?;
        presets::parse(&text).map_err(|e| Failure::Input(e.message(lang)))?
    } else if let Some(preset) = presets::by_slug(&options.source) {
        preset.scenario.clone()
    } else {
        return Err(Failure::Input(match lang {
            Lang::Zh => format!(
                "找不到方案文件或预设“{}”。内置预设：{}",
                options.source,
                slugs()
            ),
            Lang::En => format!(
                "No scenario file or preset named '{}'. Presets: {}",
                options.source,
                slugs()
            ),
        }));
    };
    for assignment in &options.sets {
        params::set_assignment(&mut scenario, assignment)
            .map_err(|e| Failure::Input(e.message(lang)))?;
    }
    validate(&scenario).map_err(|e| Failure::Input(LoadError::Invalid(e).message(lang)))?;
    Ok(scenario)
}

fn slugs() -> String {
    presets::all()
        .iter()
        .map(|p| p.slug)
        .collect::<Vec<_>>()
        .join(", ")
}

fn run(args: &[String], lang: Lang) -> Result<String, Failure> {
    let options = parse_options(args, lang)?;
    let scenario = load(&options, lang)?;
    let trajectory =
        simulate(&scenario).map_err(|e| Failure::Input(LoadError::Invalid(e).message(lang)))?;
    let verdicts: Vec<Verdict> = scenario
        .targets
        .iter()
        .map(|t| evaluate(t, &trajectory))
        .collect();
    let summary = match options.runs {
        Some(runs) => Some(
            montecarlo::simulate_many(&scenario, Settings::clamped(runs, options.seed))
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
        Format::Csv => report::csv(&trajectory),
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
    let scenario = load(&options, lang)?;
    let missing = |flag: &str| {
        Failure::Usage(match lang {
            Lang::Zh => format!("seek 需要 {flag}。"),
            Lang::En => format!("seek needs {flag}."),
        })
    };
    let metric_key = options
        .target
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
        options.runs.unwrap_or(montecarlo::DEFAULT_RUNS),
        options.seed,
    );
    let question = Question {
        target,
        lever: if lever.is_empty() { "?" } else { lever },
        confidence: options.confidence.map(|c| (c, settings)),
    };
    let answer = seek::seek(&scenario, &question).map_err(|e| {
        Failure::Input(match e {
            seek::SeekError::NotALever(_) => {
                seek::SeekError::NotALever(lever_key.to_string()).message(lang)
            }
            other => other.message(lang),
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
                message: answer.sentence(lang),
            };
            // Cannot fail: plain numbers and strings.
            serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
        }
        _ => answer.sentence(lang) + "\n",
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
