//! `swplan seek`: the least value of a lever that meets a target, as planned or with a
//! confidence.

use serde::Serialize;
use swplan_engine::montecarlo::Settings;
use swplan_engine::seek::{self, Question};
use swplan_engine::{params, Metric};
use swplan_render::report::Format;
use swplan_words::cli_help::UsageError;
use swplan_words::terminal::no_target_on;
use swplan_words::{messages, Lang};

use crate::args::SeekArgs;
use crate::options::{load, Loaded};
use crate::{usage_failure, Failure};

pub fn seek_command(args: &SeekArgs, lang: Lang) -> Result<String, Failure> {
    let monte_carlo = args.monte_carlo.checked(lang)?;
    if args.confidence.is_some_and(|c| !(c > 0.0 && c < 1.0)) {
        return Err(usage_failure(UsageError::ConfidenceOutOfRange, lang));
    }
    let Loaded { plan, .. } = load(&args.plan, lang)?;
    let scenario = plan.scenario;
    let missing = |option: &str| {
        usage_failure(
            UsageError::SeekNeeds {
                option: option.into(),
            },
            lang,
        )
    };
    let metric_key = args.plan.seek_metric().ok_or_else(|| missing("--target"))?;
    let lever_key = args.lever.as_deref().ok_or_else(|| missing("--lever"))?;
    let target = Metric::from_key(metric_key)
        .and_then(|m| scenario.targets.iter().find(|t| t.metric == m))
        .ok_or_else(|| {
            let known: Vec<&str> = scenario.targets.iter().map(|t| t.metric.key()).collect();
            Failure::Input(no_target_on(metric_key, &known, lang))
        })?;
    let lever = params::param(lever_key).map_or("", |p| p.key);
    let settings = Settings::clamped(
        monte_carlo.runs.unwrap_or(plan.mc.runs),
        monte_carlo.seed.unwrap_or(plan.mc.seed),
    );
    let question = Question {
        target,
        lever: if lever.is_empty() { "?" } else { lever },
        confidence: args.confidence.map(|c| (c, settings)),
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
    Ok(match args.format.unwrap_or(Format::Table) {
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
