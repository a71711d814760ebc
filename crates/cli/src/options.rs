//! Opening the sources the command line names, with its changes (`--set`, `--target`,
//! `--no-targets`) applied.

use std::path::Path;

use swplan_engine::{params, validate, Metric, Target};
use swplan_plans::presets::{self, LoadError};
use swplan_plans::share::{open, Origin, PlanSpec};
use swplan_words::open_messages::{self, load_error_message};
use swplan_words::terminal::{target_text_message, TargetTextError};
use swplan_words::{messages, Lang};

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
    // Actuals last: whether one can be taken depends on the plan's years and ceilings.
    for text in &args.actual {
        add_actual(scenario, text, lang)?;
    }
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

/// Reads `--actual metric@year=value` (a value as a planner types it: `90000`, `9万`,
/// `12,000`) and adds it to the plan's actuals, refused when the plan cannot take it.
fn add_actual(
    scenario: &mut swplan_engine::Scenario,
    text: &str,
    lang: Lang,
) -> Result<(), Failure> {
    use swplan_words::actuals::{actual_text_message, ActualTextError as E};
    let bad = |error: E| Failure::Input(actual_text_message(text, &error, lang));
    let (head, value) = text.split_once('=').ok_or_else(|| bad(E::Malformed))?;
    let (key, year) = head.split_once('@').ok_or_else(|| bad(E::Malformed))?;
    let metric = Metric::from_key(key.trim())
        .filter(|m| swplan_engine::actuals::is_actual_figure(*m))
        .ok_or_else(|| {
            bad(E::UnknownFigure {
                key: key.trim().into(),
            })
        })?;
    let year: i32 = year
        .trim()
        .parse()
        .map_err(|_| bad(E::NotAYear { year: year.into() }))?;
    let value = swplan_words::inputs::parse_typed(value).map_err(|_| {
        bad(E::NotANumber {
            value: value.into(),
        })
    })?;
    let problems = swplan_plans::life::entry_problems(scenario, metric, year, value);
    if !problems.is_empty() {
        return Err(bad(E::Refused(problems)));
    }
    let note = scenario
        .actuals
        .get(metric, year)
        .and_then(|a| a.note.clone());
    scenario
        .actuals
        .insert(metric, year, swplan_engine::Actual { value, note });
    Ok(())
}

/// Reads `--target metric=threshold@year`, with the keys of files and links.
pub fn parse_target(text: &str, lang: Lang) -> Result<Target, Failure> {
    let bad = |error: TargetTextError| Failure::Input(target_text_message(text, &error, lang));
    let (key, rest) = text.split_once('=').unwrap_or((text, ""));
    let key = key.trim();
    let metric = Metric::from_key(key)
        .filter(|m| m.goal().is_some())
        .ok_or_else(|| bad(TargetTextError::UnknownMetric { key: key.into() }))?;
    let (threshold, year) = rest
        .split_once('@')
        .ok_or_else(|| bad(TargetTextError::MissingYear))?;
    let threshold: f64 = threshold
        .trim()
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| {
            bad(TargetTextError::NotANumber {
                metric,
                threshold: threshold.into(),
            })
        })?;
    let deadline: i32 = year
        .trim()
        .parse()
        .map_err(|_| bad(TargetTextError::NotAYear { year: year.into() }))?;
    Ok(Target {
        metric,
        threshold,
        deadline,
        source: None,
    })
}
