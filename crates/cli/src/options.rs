//! Opening the sources the command line names, with its changes (`--set`, `--target`,
//! `--no-targets`) applied.

use std::path::Path;

use swplan_engine::{params, validate, Metric, Target};
use swplan_plans::presets::{self, LoadError};
use swplan_plans::share::{open, Origin, PlanSpec};
use swplan_words::open_messages::{self, load_error_message};
use swplan_words::{messages, metric_label, Lang};

use crate::args::PlanArgs;
use crate::{warn, Failure};

/// The plan named on the command line with `--no-targets`, `--set` and `--target` applied and
/// validated, and the other plans of a comparison link.
pub struct Loaded {
    pub plan: PlanSpec,
    pub others: Vec<PlanSpec>,
}

/// Loads the one source (a file, a preset, `new` or a link) and applies the changes.
pub fn load(args: &PlanArgs, lang: Lang) -> Result<Loaded, Failure> {
    let mut plans = open_source(&args.source, lang)?.into_iter();
    // Never empty (see `open_source`); the default preset keeps a mistake from panicking.
    let mut plan = plans.next().unwrap_or_else(|| {
        open::plan_of(Origin::Custom, presets::default_preset().scenario.clone())
    });
    let scenario = &mut plan.scenario;
    if args.no_targets {
        scenario.targets.clear();
    }
    for assignment in &args.set {
        params::set_assignment(scenario, assignment)
            .map_err(|e| Failure::Input(messages::set_error_message(&e, lang)))?;
    }
    for text in args.added_targets() {
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
