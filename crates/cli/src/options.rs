//! Reading the command line's options, and opening the sources they name.

use std::path::Path;

use swplan_engine::montecarlo;
use swplan_engine::{params, validate, Metric, Target};
use swplan_plans::presets::{self, LoadError};
use swplan_plans::share::{open, Origin, PlanSpec};
use swplan_render::report::Format;
use swplan_words::open_messages::{self, load_error_message};
use swplan_words::{messages, metric_label, Lang};

use crate::{warn, Failure};

/// Options shared by the commands.
pub struct Options {
    /// The positional arguments: sources (or, for `pool`, files), in order.
    pub sources: Vec<String>,
    pub sets: Vec<String>,
    pub format: Format,
    /// Monte Carlo runs, when asked for with `--runs`.
    pub runs: Option<usize>,
    /// `--seed`, when given (else the plan's own seed).
    pub seed: Option<u64>,
    /// `--target metric` without `=`: the target `seek` answers for.
    pub seek_metric: Option<String>,
    /// `--target metric=threshold@year`: targets to add.
    pub added_targets: Vec<String>,
    pub no_targets: bool,
    /// `pool --count-identical`: identical plans are participants of their own.
    pub count_identical: bool,
    pub lever: Option<String>,
    pub confidence: Option<f64>,
    pub base_url: Option<String>,
    /// Whether `--lang` was given (a link then carries the language).
    pub lang_given: bool,
    /// Every flag given, to refuse those a command does not take.
    flags: Vec<String>,
}

impl Options {
    /// The one source of `run`, `seek` and `link`.
    pub fn single_source(&self, lang: Lang) -> Result<&str, Failure> {
        match self.sources.as_slice() {
            [source] => Ok(source),
            [] => Err(missing_source(lang)),
            [_, extra, ..] => Err(unexpected(extra, lang)),
        }
    }

    /// Refuses every flag but `allowed` (`--format` and `--lang` for `compare` and `pool`).
    pub fn only(&self, allowed: &[&str], command: &str, lang: Lang) -> Result<(), Failure> {
        match self.flags.iter().find(|f| !allowed.contains(&f.as_str())) {
            Some(flag) => Err(Failure::Usage(match lang {
                Lang::Zh => format!("{command} 不接受选项“{flag}”。"),
                Lang::En => format!("{command} does not take '{flag}'."),
            })),
            None => Ok(()),
        }
    }
}

fn missing_source(lang: Lang) -> Failure {
    Failure::Usage(
        lang.pick(
            "缺少方案文件、预设名或链接。",
            "Missing the scenario file, preset or link.",
        )
        .into(),
    )
}

fn unexpected(extra: &str, lang: Lang) -> Failure {
    Failure::Usage(match lang {
        Lang::Zh => format!("多余的参数“{extra}”。"),
        Lang::En => format!("Unexpected argument '{extra}'."),
    })
}

pub fn parse_options(args: &[String], lang: Lang) -> Result<Options, Failure> {
    let mut options = Options {
        sources: Vec::new(),
        sets: Vec::new(),
        format: Format::Table,
        runs: None,
        seed: None,
        seek_metric: None,
        added_targets: Vec::new(),
        no_targets: false,
        count_identical: false,
        lever: None,
        confidence: None,
        base_url: None,
        lang_given: false,
        flags: Vec::new(),
    };
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
        if arg.starts_with("--") {
            options.flags.push(arg.clone());
        }
        match arg.as_str() {
            "--set" => options.sets.push(value("--set")?),
            "--format" => {
                let name = value("--format")?;
                options.format = Format::from_name(&name).ok_or_else(|| {
                    Failure::Usage(match lang {
                        Lang::Zh => format!("未知输出格式“{name}”（可选 table、json、csv）。"),
                        Lang::En => format!("Unknown format '{name}' (table, json or csv)."),
                    })
                })?;
            }
            "--lang" => {
                value("--lang")?;
                options.lang_given = true;
            }
            "--runs" => options.runs = Some(number(&value("--runs")?, "--runs", lang)?),
            "--seed" => options.seed = Some(number(&value("--seed")?, "--seed", lang)?),
            "--target" => {
                let text = value("--target")?;
                if text.contains('=') {
                    options.added_targets.push(text);
                } else {
                    options.seek_metric = Some(text);
                }
            }
            "--no-targets" => options.no_targets = true,
            "--count-identical" => options.count_identical = true,
            "--base-url" => options.base_url = Some(value("--base-url")?),
            "--lever" => options.lever = Some(value("--lever")?),
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
                options.confidence = Some(c);
            }
            flag if flag.starts_with("--") => {
                return Err(Failure::Usage(match lang {
                    Lang::Zh => format!("未知选项“{flag}”。"),
                    Lang::En => format!("Unknown option '{flag}'."),
                }))
            }
            _ => options.sources.push(arg.clone()),
        }
    }
    if options.sources.is_empty() {
        return Err(missing_source(lang));
    }
    if let Some(n) = options.runs {
        let (min, max) = montecarlo::RUNS_RANGE;
        if !(min..=max).contains(&n) {
            return Err(Failure::Usage(match lang {
                Lang::Zh => format!("--runs 必须在 {min} 到 {max} 之间。"),
                Lang::En => format!("--runs must be between {min} and {max}."),
            }));
        }
    }
    Ok(options)
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
pub struct Loaded {
    pub plan: PlanSpec,
    pub others: Vec<PlanSpec>,
}

/// Loads the one source (a file, a preset, `new` or a link) and applies the overrides.
pub fn load(options: &Options, lang: Lang) -> Result<Loaded, Failure> {
    let mut plans = open_source(options.single_source(lang)?, lang)?.into_iter();
    // Never empty (see `open_source`); the default preset keeps a mistake from panicking.
    let mut plan = plans.next().unwrap_or_else(|| {
        open::plan_of(Origin::Custom, presets::default_preset().scenario.clone())
    });
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
    validate(scenario)
        .map_err(|e| Failure::Input(load_error_message(&LoadError::Invalid(e), lang)))?;
    Ok(Loaded {
        plan,
        others: plans.collect(),
    })
}

/// The plans a source names, never none: a file, else a preset, `new` or a link. Warnings
/// (link problems, plans a file could not keep) go to stderr. Overrides may repair an invalid
/// file, so files are parsed here and validated by the caller.
pub fn open_source(source: &str, lang: Lang) -> Result<Vec<PlanSpec>, Failure> {
    let path = Path::new(source);
    let opened = if path.is_file() {
        open::open_file_text(&read_file(source, lang)?)
    } else {
        open::open_name(source)
    }
    .map_err(|e| Failure::Input(open_messages::error_message(&e, lang)))?;
    for warning in &opened.warnings {
        warn(&open_messages::warning_message(warning, lang), lang);
    }
    Ok(opened.plans)
}

/// A file's text, or a message naming it.
pub fn read_file(path: &str, lang: Lang) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| {
        Failure::Input(load_error_message(
            &LoadError::Io {
                path: path.to_string(),
                reason: e.to_string(),
            },
            lang,
        ))
    })
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
pub fn refuse_seek_target(options: &Options, lang: Lang) -> Result<(), Failure> {
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
