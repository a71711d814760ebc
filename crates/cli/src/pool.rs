//! `swplan pool FILE`: a workshop's links (one per line, or a pasted chat) pooled into the
//! spread of levers and targets, with every skipped entry and why. Saved-plans files given as
//! further arguments add their plans.

use serde::Serialize;
use swplan_plans::pool::{
    pool_with, LeverStats, MetricLines, OriginCount, Pool, Source, TargetStats,
};
use swplan_plans::share::save::{self, FORMAT_TAG};
use swplan_plans::share::{Origin, PlanSpec};
use swplan_render::report::Format;
use swplan_render::table;
use swplan_words::cli_help::UsageError;
use swplan_words::compare::{
    lever_table, participant_name, participant_table, pool_summary, pool_target_table,
    rejected_message, repeat_message, source_label,
};
use swplan_words::save_messages;
use swplan_words::terminal::terminal_words;
use swplan_words::Lang;

use crate::args::PoolArgs;
use crate::options::read_file;
use crate::{usage_failure, warn, Failure};

pub fn pool_command(args: &PoolArgs, lang: Lang) -> Result<String, Failure> {
    let mut text: Option<String> = None;
    let mut imported: Vec<PlanSpec> = Vec::new();
    for source in &args.files {
        let content = if source == "-" {
            std::io::read_to_string(std::io::stdin()).map_err(|e| Failure::Input(e.to_string()))?
        } else {
            read_file(source, lang)?
        };
        if content.contains(FORMAT_TAG) {
            let file = save::from_json(&content)
                .map_err(|e| Failure::Input(save_messages::save_error_message(&e, lang)))?;
            for rejected in &file.rejected {
                warn(&save_messages::rejected_plan_message(rejected, lang), lang);
            }
            imported.extend(file.plans.iter().map(save::SavedPlan::plan));
        } else if text.is_some() {
            // Line numbers name the skipped links: they must belong to one text.
            return Err(usage_failure(UsageError::OneFileOfLinks, lang));
        } else {
            text = Some(content);
        }
    }
    let pooled = pool_with(
        text.as_deref().unwrap_or(""),
        &imported,
        args.count_identical,
    );
    Ok(match args.format.unwrap_or(Format::Table) {
        Format::Table => table(&pooled, lang),
        Format::Csv => {
            let mut out = String::from("\u{feff}");
            out += &table::csv(&lever_table(&pooled, false, lang));
            out += "\r\n";
            out += &table::csv(&pool_target_table(&pooled, lang));
            out
        }
        Format::Json => json(&pooled, lang),
    })
}

fn table(pool: &Pool, lang: Lang) -> String {
    let words = terminal_words(lang);
    let mut out = pool_summary(pool, lang) + "\n";
    if pool.origins.len() > 1 {
        let counts: Vec<String> = pool
            .origins
            .iter()
            .map(|c| {
                format!(
                    "{} {}",
                    swplan_words::compare::origin_name(&c.origin, lang),
                    c.plans
                )
            })
            .collect();
        out += &format!("  {}{}\n", words.by_preset, counts.join(", "));
    }
    if !pool.participants.is_empty() {
        out += &format!("\n{}\n", words.levers);
        if pool.levers.is_empty() {
            out += &format!("  {}\n", words.no_lever_changed);
        } else {
            out += &indented(&table::aligned(&lever_table(pool, true, lang)));
        }
        if !pool.targets.is_empty() {
            out += &format!("\n{}\n", words.targets);
            out += &indented(&table::aligned(&pool_target_table(pool, lang)));
        }
        out += &format!(
            "\n{}\n",
            swplan_words::pool_ui::participants_summary(pool.participants.len(), lang)
        );
        out += &indented(&table::aligned(&participant_table(pool, lang)));
    }
    if !pool.repeats.is_empty() {
        out += &format!("\n{}\n", words.identical_plans);
        for (repeat, first) in &pool.repeats {
            out += &format!("  {}\n", repeat_message(repeat, first, lang));
        }
    }
    if !pool.rejected.is_empty() {
        out += &format!("\n{}\n", words.skipped);
        for rejected in &pool.rejected {
            out += &format!(
                "  {}\n",
                rejected_message(rejected, pool.workshop.as_ref(), lang)
            );
        }
    }
    out
}

fn indented(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}

#[derive(Serialize)]
struct PoolJson<'a> {
    workshop: Option<&'a Origin>,
    origins: &'a [OriginCount],
    participants: Vec<ParticipantJson<'a>>,
    rejected: Vec<RejectedJson<'a>>,
    /// With `--count-identical`: participants whose plan repeats an earlier one.
    repeats: Vec<RejectedJson<'a>>,
    other_lines: &'a [usize],
    levers: &'a [LeverStats],
    targets: &'a [TargetStats],
    years: &'a [i32],
    lines: &'a [MetricLines],
}

#[derive(Serialize)]
struct ParticipantJson<'a> {
    source: &'a Source,
    label: String,
    /// The sender's name when the chat says so, else the plan's name.
    participant: String,
    name: Option<&'a str>,
    link: &'a str,
    changed: &'a [&'static str],
}

#[derive(Serialize)]
struct RejectedJson<'a> {
    source: &'a Source,
    message: String,
}

fn json(pool: &Pool, lang: Lang) -> String {
    let report = PoolJson {
        workshop: pool.workshop.as_ref(),
        origins: &pool.origins,
        participants: pool
            .participants
            .iter()
            .map(|p| ParticipantJson {
                source: &p.source,
                label: source_label(&p.source, lang),
                participant: participant_name(p, lang),
                name: p.plan.name.as_deref(),
                link: &p.link,
                changed: &p.changed,
            })
            .collect(),
        rejected: pool
            .rejected
            .iter()
            .map(|r| RejectedJson {
                source: &r.source,
                message: rejected_message(r, pool.workshop.as_ref(), lang),
            })
            .collect(),
        repeats: pool
            .repeats
            .iter()
            .map(|(repeat, first)| RejectedJson {
                source: repeat,
                message: repeat_message(repeat, first, lang),
            })
            .collect(),
        other_lines: &pool.other_lines,
        levers: &pool.levers,
        targets: &pool.targets,
        years: &pool.years,
        lines: &pool.lines,
    };
    // Cannot fail: plain numbers, strings and lists.
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}
