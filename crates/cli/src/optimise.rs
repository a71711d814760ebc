//! `swplan optimise`: the cheapest plan that meets every target, as planned or at a confidence,
//! with its cost, its measured odds and why; or its share link.

use serde::Serialize;
use swplan_engine::optimise::{optimise, BoundSide, Lever, Optimiser, Outcome, Problem};
use swplan_engine::Scenario;
use swplan_plans::analysis::OptimiseRefusal;
use swplan_plans::share;
use swplan_plans::state::optimiser::{default_levers, problem_of, set_bound, GoalChoice};
use swplan_plans::state::LeverSetting;
use swplan_render::report::Format;
use swplan_render::table;
use swplan_words::cli_help::UsageError;
use swplan_words::inputs::parse_typed;
use swplan_words::optimiser::{
    cost_text, dearer_text, explanation_texts, odds_text, plan_heading, plan_table, refusal_text,
    shortfall_text, status_text, targets_table,
};
use swplan_words::optimiser_ui::optimiser_ui;
use swplan_words::Lang;

use crate::args::OptimiseArgs;
use crate::link::DEFAULT_BASE_URL;
use crate::options::{load, Loaded};
use crate::{usage_failure, warn, Failure};

pub fn optimise_command(
    args: &OptimiseArgs,
    lang_given: bool,
    lang: Lang,
) -> Result<String, Failure> {
    args.plan.refuse_seek_target(lang)?;
    if args.confidence.is_some_and(|c| !(c > 0.0 && c < 1.0)) {
        return Err(usage_failure(UsageError::ConfidenceOutOfRange, lang));
    }
    let goal = match &args.budget {
        None => GoalChoice::LeastCost,
        Some(text) => GoalChoice::UnderBudget(parse_typed(text).map_err(|_| {
            usage_failure(
                UsageError::NotANumber {
                    option: "--budget".into(),
                    text: text.clone(),
                },
                lang,
            )
        })?),
    };
    let Loaded { mut plan, .. } = load(&args.plan, lang)?;
    let scenario = plan.scenario.clone();
    let levers = lever_settings(args, &scenario, lang)?;
    let seed = args.seed.unwrap_or(plan.mc.seed);
    let problem = problem_of(
        &scenario,
        &levers,
        args.confidence,
        goal,
        args.discount.unwrap_or(0.0),
        seed,
    );
    let refused =
        |e| Failure::Input(refusal_text(&OptimiseRefusal::from(e), &scenario, lang) + "\n");
    Optimiser::new(&scenario, &problem).map_err(refused)?;
    let outcome = optimise(&scenario, &problem).map_err(refused)?;

    if args.link {
        if !outcome.shortfalls.is_empty() {
            warn(&status_text(&outcome, &problem, lang), lang);
        }
        plan.scenario = outcome.apply(&scenario);
        let query = share::encode(&[plan], lang_given.then_some(lang));
        return Ok(format!("{DEFAULT_BASE_URL}?{query}\n"));
    }
    Ok(match args.format.unwrap_or(Format::Table) {
        Format::Table => report(&scenario, &problem, &outcome, lang),
        Format::Csv => {
            let mut out = String::from("\u{feff}");
            out += &table::csv(&plan_table(&outcome, &problem, &scenario, lang));
            out += "\r\n";
            out += &table::csv(&targets_table(&outcome, &scenario, lang));
            out
        }
        Format::Json => {
            #[derive(Serialize)]
            struct Messages {
                status: String,
                shortfalls: Vec<String>,
                cost: String,
                odds: String,
                why: Vec<String>,
            }
            #[derive(Serialize)]
            struct OptimiseJson<'a> {
                region: &'a str,
                base_year: i32,
                problem: &'a Problem,
                #[serde(flatten)]
                outcome: &'a Outcome,
                messages: Messages,
            }
            let json = OptimiseJson {
                region: &scenario.region,
                base_year: scenario.base_year,
                problem: &problem,
                outcome: &outcome,
                messages: Messages {
                    status: status_text(&outcome, &problem, lang),
                    shortfalls: outcome
                        .shortfalls
                        .iter()
                        .map(|s| shortfall_text(s, &scenario, lang))
                        .collect(),
                    cost: cost_text(&outcome, &problem, lang),
                    odds: odds_text(&outcome, &problem, lang),
                    why: explanation_texts(&outcome, &problem, &scenario, lang),
                },
            };
            // Cannot fail: plain numbers, strings and lists (no ceiling is written as null).
            serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
        }
    })
}

/// The levers as the options set them: the defaults (those that drive the plan's targets),
/// `--levers` in their place, each `--bound` on its lever (which frees it).
fn lever_settings(
    args: &OptimiseArgs,
    scenario: &Scenario,
    lang: Lang,
) -> Result<Vec<LeverSetting>, Failure> {
    let mut levers = default_levers(scenario);
    let known = |key: &str| {
        Lever::from_key(key.trim()).ok_or_else(|| {
            usage_failure(
                UsageError::NotAnOptimiserLever {
                    lever: key.trim().to_string(),
                },
                lang,
            )
        })
    };
    if let Some(list) = &args.levers {
        let chosen: Vec<Lever> = list
            .split(',')
            .filter(|k| !k.trim().is_empty())
            .map(known)
            .collect::<Result<_, _>>()?;
        for setting in &mut levers {
            setting.chosen = chosen.contains(&setting.lever);
        }
    }
    let horizon = scenario.horizon().max(1);
    for text in &args.bound {
        let malformed = || usage_failure(UsageError::MalformedBound { text: text.clone() }, lang);
        let (name, range) = text.split_once('=').ok_or_else(malformed)?;
        let (key, year) = match name.split_once('@') {
            Some((key, year)) => (
                key,
                Some(year.trim().parse::<i32>().map_err(|_| malformed())?),
            ),
            None => (name, None),
        };
        let lever = known(key)?;
        let index = match year {
            None => None,
            Some(year) => {
                let index = year - scenario.base_year - 1;
                if index < 0 || index as usize >= horizon {
                    return Err(malformed());
                }
                Some(index as usize)
            }
        };
        let (min, max) = range.split_once("..").ok_or_else(malformed)?;
        let number = |side: &str| -> Result<Option<f64>, Failure> {
            match side.trim() {
                "" => Ok(None),
                side => parse_typed(side).map(Some).map_err(|_| malformed()),
            }
        };
        let setting = levers
            .iter_mut()
            .find(|l| l.lever == lever)
            .ok_or_else(malformed)?;
        setting.chosen = true;
        for (side, value) in [
            (BoundSide::Min, number(min)?),
            (BoundSide::Max, number(max)?),
        ] {
            if let Some(value) = value {
                set_bound(&mut setting.bounds, horizon, index, side, value);
            }
        }
    }
    Ok(levers)
}

/// The answer as text for a terminal.
fn report(scenario: &Scenario, problem: &Problem, outcome: &Outcome, lang: Lang) -> String {
    let ui = optimiser_ui(lang);
    let name = lang.pick(&scenario.name.zh, &scenario.name.en);
    let mut out = format!("{name}  {}\n\n", ui.title);
    out += &status_text(outcome, problem, lang);
    out += "\n";
    for shortfall in &outcome.shortfalls {
        out += &format!("  {}\n", shortfall_text(shortfall, scenario, lang));
    }
    out += &format!(
        "\n{}\n  {}\n",
        ui.cost_heading,
        cost_text(outcome, problem, lang)
    );
    let missed = swplan_plans::state::optimiser::missed_as_planned(scenario, problem);
    if let Some(dearer) = dearer_text(outcome, &missed, scenario, lang) {
        out += &format!(
            "  {dearer}
"
        );
    }
    out += &format!(
        "\n{}\n  {}\n",
        ui.odds_heading,
        odds_text(outcome, problem, lang)
    );
    out += &format!("\n{}\n", ui.targets_heading);
    out += &indent(&table::aligned(&targets_table(outcome, scenario, lang)));
    out += &format!("\n{}\n", plan_heading(outcome.status, &problem.goal, lang));
    out += &indent(&table::aligned(&plan_table(
        outcome, problem, scenario, lang,
    )));
    let why = explanation_texts(outcome, problem, scenario, lang);
    if !why.is_empty() {
        out += &format!("\n{}\n", ui.why_heading);
        for line in why {
            out += &format!("  {line}\n");
        }
    }
    out
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}
