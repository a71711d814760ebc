//! `swplan run`: the year table and verdicts of one plan, with Monte Carlo bands on request.

use serde::Serialize;
use swplan_engine::montecarlo::{self, Settings};
use swplan_engine::{evaluate, simulate, Verdict, YearRow};
use swplan_plans::presets::LoadError;
use swplan_render::export::csv::{plan_csv, PlanContext};
use swplan_render::report::{self, Format};
use swplan_words::open_messages::load_error_message;
use swplan_words::terminal::only_first_plan_run;
use swplan_words::Lang;

use crate::args::RunArgs;
use crate::options::{load, Loaded};
use crate::{warn, Failure};

pub fn run_command(args: &RunArgs, lang: Lang) -> Result<String, Failure> {
    let monte_carlo = args.monte_carlo.checked(lang)?;
    args.plan.refuse_seek_target(lang)?;
    let Loaded { plan, others } = load(&args.plan, lang)?;
    if !others.is_empty() {
        warn(&only_first_plan_run(others.len() + 1, lang), lang);
    }
    // The link and the baseline, so the CSV says what produced it (as the app's does).
    let link = swplan_plans::share::encode(std::slice::from_ref(&plan), None);
    let baseline = swplan_plans::state::plan::baseline_of(&plan.origin);
    let name = plan.name.clone();
    let scenario = plan.scenario;
    let invalid = |e| Failure::Input(load_error_message(&LoadError::Invalid(e), lang));
    let trajectory = simulate(&scenario).map_err(invalid)?;
    let verdicts: Vec<Verdict> = scenario
        .targets
        .iter()
        .map(|t| evaluate(t, &trajectory))
        .collect();
    let summary = match monte_carlo.runs {
        Some(runs) => Some(
            montecarlo::simulate_many(
                &scenario,
                Settings::clamped(runs, monte_carlo.seed.unwrap_or(plan.mc.seed)),
            )
            .map_err(invalid)?,
        ),
        None => None,
    };
    Ok(match args.format.unwrap_or(Format::Table) {
        Format::Table => {
            let mut text = report::table(&scenario, &trajectory, &verdicts, lang);
            if let Some(summary) = &summary {
                text += &report::odds_table(&scenario, &verdicts, summary, lang);
            }
            text
        }
        Format::Csv => {
            let context = PlanContext {
                scenario: &scenario,
                name: name.as_deref(),
                link: Some(&format!("?{link}")),
                baseline: Some(&baseline),
            };
            plan_csv(&context, &trajectory, &verdicts, summary.as_ref(), lang)
        }
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
