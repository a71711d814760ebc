//! `swplan compare A B [C D]`: what differs between two to four plans, and their verdicts and
//! budgets side by side.

use serde::Serialize;
use swplan_plans::compare::{diff_plans, CompareError, Diff};
use swplan_plans::share::{Origin, PlanSpec};
use swplan_render::report::Format;
use swplan_render::table;
use swplan_words::compare::{
    compare_error_message, diff_table, no_difference, origin_name, plan_letter, verdict_footnote,
    verdicts_table, TextTable,
};
use swplan_words::terminal::terminal_words;
use swplan_words::Lang;

use crate::args::CompareArgs;
use crate::options::open_source;
use crate::Failure;

pub fn compare_command(args: &CompareArgs, lang: Lang) -> Result<String, Failure> {
    // A comparison link or a saved-plans file may hold several plans: each counts.
    let mut plans: Vec<(String, PlanSpec)> = Vec::new();
    for source in &args.sources {
        for plan in open_source(source, lang)? {
            plans.push((source.clone(), plan));
        }
    }
    let specs: Vec<&PlanSpec> = plans.iter().map(|(_, plan)| plan).collect();
    let diff = diff_plans(&specs).map_err(|e| match e {
        CompareError::PlanCount { .. } => Failure::Usage(compare_error_message(&e, lang)),
        CompareError::Invalid { .. } => Failure::Input(compare_error_message(&e, lang)),
    })?;
    let titles: Vec<String> = plans
        .iter()
        .enumerate()
        .map(|(i, (_, plan))| format!("{} {}", plan_letter(i), plan_name(plan, lang)))
        .collect();
    Ok(match args.format.unwrap_or(Format::Table) {
        Format::Table => table(&plans, &diff, &titles, lang),
        Format::Csv => {
            let mut out = String::from("\u{feff}");
            out += &table::csv(&diff_table(&diff, &titles, lang));
            out += "\r\n";
            out += &table::csv(&verdicts_table(&diff, &titles, lang));
            out
        }
        Format::Json => {
            let plans = plans
                .iter()
                .enumerate()
                .map(|(i, (source, plan))| PlanJson {
                    letter: plan_letter(i),
                    source,
                    name: plan.name.as_deref(),
                    origin: &plan.origin,
                    region: &plan.scenario.region,
                })
                .collect();
            let report = CompareJson { plans, diff: &diff };
            // Cannot fail: plain numbers, strings and lists.
            serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
        }
    })
}

/// A plan's name, else its region's.
fn plan_name(plan: &PlanSpec, lang: Lang) -> String {
    plan.name.clone().unwrap_or_else(|| {
        let name = &plan.scenario.name;
        lang.pick(&name.zh, &name.en).to_string()
    })
}

fn table(plans: &[(String, PlanSpec)], diff: &Diff, titles: &[String], lang: Lang) -> String {
    let words = terminal_words(lang);
    let mut out = format!("{}\n", words.plans);
    for (i, (source, plan)) in plans.iter().enumerate() {
        let origin = origin_name(&plan.origin, lang);
        // A preset's region is in its origin already; a plan's own name or region is not.
        let name = match (&plan.name, &plan.origin) {
            (None, Origin::Preset { .. }) => origin,
            _ => format!("{} · {origin}", plan_name(plan, lang)),
        };
        out += &format!("  {}  {name}  ({source})\n", plan_letter(i));
    }
    out += &format!("\n{}\n", words.inputs_that_differ);
    if diff.is_empty() {
        out += &format!("  {}\n", no_difference(lang));
    } else {
        out += &indented(&diff_table(diff, titles, lang));
    }
    out += &format!("\n{}\n", words.targets_and_budget);
    let verdicts = verdicts_table(diff, titles, lang);
    out += &indented(&verdicts);
    let marked = verdicts
        .rows
        .iter()
        .flat_map(|row| row.iter().skip(1))
        .any(|cell| cell.ends_with(['*', '—']));
    if marked {
        out += &format!("  {}\n", verdict_footnote(lang));
    }
    out
}

fn indented(table: &TextTable) -> String {
    table::aligned(table)
        .lines()
        .map(|l| format!("  {l}\n"))
        .collect()
}

#[derive(Serialize)]
struct CompareJson<'a> {
    plans: Vec<PlanJson<'a>>,
    diff: &'a Diff,
}

#[derive(Serialize)]
struct PlanJson<'a> {
    letter: char,
    /// The command-line argument the plan came from.
    source: &'a str,
    name: Option<&'a str>,
    origin: &'a Origin,
    region: &'a str,
}
