//! `swplan run`: the year table and verdicts of one plan, with Monte Carlo bands on request.

use serde::Serialize;
use swplan_engine::montecarlo::{self, Settings};
use swplan_engine::{evaluate, simulate, Verdict, YearRow};
use swplan_plans::life::ActualsView;
use swplan_plans::presets::LoadError;
use swplan_render::export::csv::{plan_csv, PlanContext};
use swplan_render::life_report::actuals_text;
use swplan_render::report::{self, Format};
use swplan_words::actuals::{actuals_problem_text, reprojection_note};
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
    let mut scenario = plan.scenario;
    let invalid = |e| Failure::Input(load_error_message(&LoadError::Invalid(e), lang));
    let plan_run = simulate(&scenario).map_err(invalid)?;
    let view = ActualsView::of(&scenario, &plan_run);
    // Re-projected: the run from the latest actual, judged on the targets it can still judge.
    let (trajectory, start) = match (args.reproject, view.as_ref()) {
        (false, _) => (plan_run, None),
        (
            true,
            Some(ActualsView {
                reprojection: Some(again),
                ..
            }),
        ) => {
            scenario.targets.retain(|t| t.deadline >= again.start.year);
            (again.trajectory.clone(), Some(again.start))
        }
        (true, view) => {
            return Err(Failure::Input(cannot_reproject(
                view.map(|v| v.problems.as_slice()).unwrap_or_default(),
                lang,
            )))
        }
    };
    let verdicts: Vec<Verdict> = scenario
        .targets
        .iter()
        .map(|t| evaluate(t, &trajectory))
        .collect();
    let summary = match monte_carlo.runs {
        Some(runs) => {
            let settings = Settings::clamped(runs, monte_carlo.seed.unwrap_or(plan.mc.seed));
            let start = start.unwrap_or_else(|| swplan_engine::simulate::Start::plan(&scenario));
            Some(montecarlo::simulate_many_from(&scenario, &start, settings).map_err(invalid)?)
        }
        None => None,
    };
    Ok(match args.format.unwrap_or(Format::Table) {
        Format::Table => {
            let mut text = String::new();
            if let Some(start) = &start {
                text += &format!("{}\n\n", reprojection_note(start.year, lang));
            }
            text += &report::table(&scenario, &trajectory, &verdicts, lang);
            if let Some(summary) = &summary {
                text += &report::odds_table(&scenario, &verdicts, summary, lang);
            }
            if let Some(view) = &view {
                text += &actuals_text(view, lang);
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
            let text = report::json(&scenario, years, targets, &trajectory, lang);
            let text = match &view {
                Some(view) => with_actuals(&text, view, start.map(|s| s.year)),
                None => text,
            };
            text + "\n"
        }
    })
}

/// Why `--reproject` cannot restart the plan: no actuals, or some that cannot be used.
fn cannot_reproject(problems: &[swplan_engine::deviation::ActualsProblem], lang: Lang) -> String {
    let head = swplan_words::actuals::cannot_reproject_head(lang);
    std::iter::once(head.to_string())
        .chain(problems.iter().map(|p| actuals_problem_text(p, lang)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The JSON report with the actuals: plan against actual per figure and year, each target's
/// outlook, and the year a re-projection starts from.
fn with_actuals(text: &str, view: &ActualsView, reprojected_from: Option<i32>) -> String {
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(text) else {
        return text.to_string();
    };
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "actuals".into(),
            serde_json::json!({
                "problems": view.problems,
                "deviations": view.deviations,
                "outlook": view.outlook,
                "reprojection_start": view.reprojection.as_ref().map(|r| r.start.year),
            }),
        );
        if let Some(year) = reprojected_from {
            object.insert("reprojected_from".into(), year.into());
        }
    }
    serde_json::to_string_pretty(&value).unwrap_or_else(|_| text.to_string())
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
