//! Workshop pooling without a server: a trainer pastes the participants' links (one per line, or
//! a chat export with names, times and words around them) and loads their saved files; the
//! pool says who is in, what was skipped and why, and how the room's plans spread — per lever,
//! per target and year by year. Data only; the words are in `i18n::compare`.
//!
//! # Rules
//!
//! - Every link of the text is an entry; a line without a link is an entry only when it looks
//!   like one (a single word holding `=`, `?`, `&`, `://` or `www.`); other lines are chat text,
//!   listed in [`Pool::other_lines`]. An entry's sender is read from the chat export around it
//!   ([`crate::chat`]): the name before the message.
//! - A person's plan sent in a later message replaces their earlier one of the same name (or
//!   both unnamed): people send a corrected plan. Plans of different names from one person, or
//!   sent in one message (the lines under one name and time), are each a participant.
//! - An entry is skipped, with its reason, when it is not a share link (no `v` or `p` key),
//!   when decoding reported problems (they are kept), when an imported plan does not validate,
//!   when it is the same plan as an earlier entry (equal share links, so the plan's name
//!   counts: two unnamed plans left at the baseline are one) unless identical plans are counted
//!   (two people may send the same plan; one person may paste theirs twice: the trainer says
//!   which, and the pool lists the repeats either way) or both entries name different senders
//!   (then they are two people, counted and listed as repeats), or when it starts from another
//!   preset than the workshop's. A link of a comparison contributes its first plan.
//! - The workshop's preset is the one most distinct plans start from (ties: the first seen);
//!   plans on other data versions of that preset are kept.
//! - Statistics run over every participant. A yearly lever is summarised by its mean over the
//!   plan's simulated years. The median of an even count is the mean of the middle two.

mod stats;

use serde::Serialize;

pub use stats::{bins, spread, LeverStats, MetricLines, Spread, TargetStats};
use stats::{lever_stats, metric_lines, pooled_targets, target_stats, years_of};

use crate::share::{self, extract_links, query_part, LinkKey, LinkProblem, Origin, PlanSpec};
use swplan_engine::params::{self, PARAMS};
use swplan_engine::{evaluate, simulate, validate, Trajectory, ValidationErrors, Verdict};

/// The pooled plans of a workshop.
#[derive(Clone, Debug, PartialEq)]
pub struct Pool {
    /// The origin most participants start from; `None` when no entry was usable.
    pub workshop: Option<Origin>,
    /// Distinct usable plans per preset (or new region), most first: who was on which preset.
    pub origins: Vec<OriginCount>,
    pub participants: Vec<Participant>,
    /// Skipped entries, in input order.
    pub rejected: Vec<Rejected>,
    /// Line numbers (from 1) of the text that hold no link: chat names, times and words.
    pub other_lines: Vec<usize>,
    /// With identical plans counted: each participant whose plan repeats an earlier one, and
    /// that one (skipped entries say so in [`Pool::rejected`] instead).
    pub repeats: Vec<(Source, Source)>,
    /// Every parameter that some participant changed, in registry order.
    pub levers: Vec<LeverStats>,
    /// The workshop's targets, then any other target a participant set.
    pub targets: Vec<TargetStats>,
    /// The calendar years of [`MetricLines`], from the earliest base year to the latest end.
    pub years: Vec<i32>,
    /// Year by year, each target metric's value in every plan, for an overlay.
    pub lines: Vec<MetricLines>,
}

/// How many distinct usable plans start from a preset (at the most common of its data
/// versions), or from the blank template.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OriginCount {
    pub origin: Origin,
    pub plans: usize,
}

/// Where an entry came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// A link (or link-like word) on a line of the pasted text, counted from 1, and who sent
    /// it when the chat export says so.
    Line {
        line: usize,
        link: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        sender: Option<String>,
    },
    /// The plan at this index of the imported plans.
    Plan { index: usize },
}

/// One participant's plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Participant {
    pub source: Source,
    pub plan: PlanSpec,
    /// The plan's share link query: the same plan always gives the same text.
    pub link: String,
    pub trajectory: Trajectory,
    /// The parameters that differ from the baseline of the plan's own origin.
    pub changed: Vec<&'static str>,
    /// Each changed parameter's value (a yearly one's mean over the plan's years), in the order
    /// of `changed`.
    pub values: Vec<f64>,
    /// The participant's verdict on each of the pool's targets ([`Pool::targets`]); `None`
    /// where the deadline is outside the plan's years.
    pub verdicts: Vec<Option<Verdict>>,
}

/// An entry that is not a participant.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    pub source: Source,
    pub reason: Reason,
}

/// Why an entry is not a participant.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// Not a share link of this app.
    NotALink,
    /// The link was read with problems (what could not be used, and what was used instead).
    Problems(Vec<LinkProblem>),
    /// An imported plan with invalid values.
    Invalid(ValidationErrors),
    /// The same plan as an earlier entry.
    Duplicate { of: Source },
    /// The same person sent a later plan of the same name: it counts instead.
    Replaced { by: Source },
    /// Starts from another preset (or region) than the workshop's.
    OtherPreset { origin: Origin },
}

/// A usable entry before the workshop's preset is known.
struct Candidate {
    source: Source,
    plan: PlanSpec,
    link: String,
}

/// Pools the links in `text` and the `imported` plans (from saved files), in that order; a
/// plan identical to an earlier one is skipped.
pub fn pool(text: &str, imported: &[PlanSpec]) -> Pool {
    pool_with(text, imported, false)
}

/// As [`pool`]; with `count_identical`, a plan identical to an earlier one is a participant of
/// its own (listed in [`Pool::repeats`]).
pub fn pool_with(text: &str, imported: &[PlanSpec], count_identical: bool) -> Pool {
    let mut rejected = Vec::new();
    let mut other_lines = Vec::new();
    let mut usable: Vec<(Source, Result<PlanSpec, Reason>)> = Vec::new();
    let sent = crate::chat::read(text);
    for ((index, line), sent) in text.lines().enumerate().zip(&sent) {
        let sender = sent.as_ref().map(|s| s.sender.clone());
        let links = extract_links(line);
        let word = line.trim();
        let entries = if links.is_empty() && looks_like_a_link(word) {
            vec![word]
        } else {
            links
        };
        if entries.is_empty() && !word.is_empty() {
            other_lines.push(index + 1);
        }
        for link in entries {
            let source = Source::Line {
                line: index + 1,
                link: link.to_string(),
                sender: sender.clone(),
            };
            usable.push((source, read_link(link)));
        }
    }
    for (index, plan) in imported.iter().enumerate() {
        let checked = validate(&plan.scenario)
            .map(|()| plan.clone())
            .map_err(Reason::Invalid);
        usable.push((Source::Plan { index }, checked));
    }

    let replaced = replaced_by_later(&usable, &sent);
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut seen: Vec<(String, Source)> = Vec::new();
    let mut repeats = Vec::new();
    for ((source, read), replaced) in usable.into_iter().zip(replaced) {
        let plan = match (read, replaced) {
            (Err(reason), _) => {
                rejected.push(Rejected { source, reason });
                continue;
            }
            (Ok(_), Some(by)) => {
                let reason = Reason::Replaced { by };
                rejected.push(Rejected { source, reason });
                continue;
            }
            (Ok(plan), None) => plan,
        };
        let link = share::encode(std::slice::from_ref(&plan), None);
        if let Some((_, first)) = seen.iter().find(|(l, _)| *l == link) {
            let two_people = matches!(
                (source.sender(), first.sender()),
                (Some(a), Some(b)) if a != b
            );
            if count_identical || two_people {
                repeats.push((source.clone(), first.clone()));
            } else {
                let reason = Reason::Duplicate { of: first.clone() };
                rejected.push(Rejected { source, reason });
                continue;
            }
        } else {
            seen.push((link.clone(), source.clone()));
        }
        candidates.push(Candidate { source, plan, link });
    }

    let origins = count_origins(&candidates);
    let workshop = origins.first().map(|count| count.origin.clone());
    let mut participants = Vec::new();
    for candidate in candidates {
        let same_preset = workshop
            .as_ref()
            .is_some_and(|w| preset_of(w) == preset_of(&candidate.plan.origin));
        if !same_preset {
            let origin = candidate.plan.origin.clone();
            rejected.push(Rejected {
                source: candidate.source,
                reason: Reason::OtherPreset { origin },
            });
            continue;
        }
        match simulate(&candidate.plan.scenario) {
            Ok(trajectory) => participants.push(Participant {
                values: changed_keys(&candidate.plan)
                    .iter()
                    .map(|key| stats::summary_value(&candidate.plan.scenario, key))
                    .collect(),
                changed: changed_keys(&candidate.plan),
                verdicts: Vec::new(),
                source: candidate.source,
                link: candidate.link,
                plan: candidate.plan,
                trajectory,
            }),
            Err(errors) => rejected.push(Rejected {
                source: candidate.source,
                reason: Reason::Invalid(errors),
            }),
        }
    }
    rejected.sort_by_key(|r| source_order(&r.source));
    repeats.retain(|(source, _)| participants.iter().any(|p| p.source == *source));

    let baseline = workshop.as_ref().map(share::baseline);
    let baseline_trajectory = baseline.and_then(|b| simulate(b).ok());
    let targets = pooled_targets(baseline, &participants);
    for participant in &mut participants {
        participant.verdicts = targets
            .iter()
            .map(|t| {
                let evaluated = participant.trajectory.row(t.deadline).is_some();
                evaluated.then(|| evaluate(t, &participant.trajectory))
            })
            .collect();
    }
    let years = years_of(&participants);
    Pool {
        levers: baseline.map_or_else(Vec::new, |b| lever_stats(b, &participants)),
        lines: metric_lines(
            &targets,
            &years,
            &participants,
            baseline_trajectory.as_ref(),
        ),
        targets: target_stats(&targets, &participants),
        workshop,
        origins,
        participants,
        rejected,
        other_lines,
        repeats,
        years,
    }
}

impl Source {
    /// Who sent the entry, when the chat export says so.
    pub fn sender(&self) -> Option<&str> {
        match self {
            Source::Line { sender, .. } => sender.as_deref(),
            Source::Plan { .. } => None,
        }
    }
}

/// For each entry, the later entry that replaces it: a usable plan from the same sender with
/// the same plan name (or both unnamed), in a later message (links sent together all count).
fn replaced_by_later(
    entries: &[(Source, Result<PlanSpec, Reason>)],
    sent: &[Option<crate::chat::Sent>],
) -> Vec<Option<Source>> {
    let key = |(source, read): &(Source, Result<PlanSpec, Reason>)| {
        let plan = read.as_ref().ok()?;
        Some((source.sender()?.to_string(), plan.name.clone()))
    };
    let message = |source: &Source| match source {
        Source::Line { line, .. } => sent.get(line - 1)?.as_ref().map(|s| s.message),
        Source::Plan { .. } => None,
    };
    entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let mine = key(entry)?;
            entries[i + 1..]
                .iter()
                .rev()
                .find(|later| {
                    key(later).as_ref() == Some(&mine) && message(&later.0) > message(&entry.0)
                })
                .map(|(source, _)| source.clone())
        })
        .collect()
}

/// Whether a line without an address was meant as a link: one word with query characters
/// around a letter or digit (a chat export's rule of `====` is not one).
fn looks_like_a_link(word: &str) -> bool {
    !word.is_empty()
        && !word.contains(char::is_whitespace)
        && word.contains(|c: char| c.is_ascii_alphanumeric())
        && (word.contains(['=', '?', '&']) || word.contains("://") || word.contains("www."))
}

/// The first plan of a share link, or why it is not usable.
fn read_link(link: &str) -> Result<PlanSpec, Reason> {
    let names_a_plan = query_part(link).split('&').any(|pair| {
        let key = pair.split('=').next().unwrap_or("");
        key == LinkKey::Version.code() || key == LinkKey::Origin.code()
    });
    if !names_a_plan {
        return Err(Reason::NotALink);
    }
    let opened = share::decode(link);
    if !opened.problems.is_empty() {
        return Err(Reason::Problems(opened.problems));
    }
    // Never empty: a decoded link always holds at least one plan.
    opened.plans.into_iter().next().ok_or(Reason::NotALink)
}

/// The preset a plan starts from, whatever its data version (`None` for a new region).
fn preset_of(origin: &Origin) -> Option<&str> {
    match origin {
        Origin::Preset { slug, .. } => Some(slug),
        Origin::Custom => None,
    }
}

/// Distinct plans per preset, most first (ties keep the order first seen), each at the data
/// version most of its plans use.
fn count_origins(candidates: &[Candidate]) -> Vec<OriginCount> {
    let mut groups: Vec<Vec<&Origin>> = Vec::new();
    for origin in candidates.iter().map(|c| &c.plan.origin) {
        match groups
            .iter_mut()
            .find(|g| preset_of(g[0]) == preset_of(origin))
        {
            Some(group) => group.push(origin),
            None => groups.push(vec![origin]),
        }
    }
    let mut counts: Vec<OriginCount> = groups
        .iter()
        .map(|group| OriginCount {
            origin: most_common(group).clone(),
            plans: group.len(),
        })
        .collect();
    // A stable sort keeps the first seen first among equals.
    counts.sort_by_key(|count| std::cmp::Reverse(count.plans));
    counts
}

/// The most frequent item (ties: the first seen). `items` is never empty here.
fn most_common<'a>(items: &[&'a Origin]) -> &'a Origin {
    let count = |item: &Origin| items.iter().filter(|i| **i == item).count();
    let mut best = items[0];
    for item in items {
        if count(item) > count(best) {
            best = item;
        }
    }
    best
}

/// Where in the input an entry is: text lines first, then imported plans.
fn source_order(source: &Source) -> (usize, usize) {
    match source {
        Source::Line { line, .. } => (0, *line),
        Source::Plan { index } => (1, *index),
    }
}

/// The parameters whose values over the plan's years differ from its origin's baseline.
fn changed_keys(plan: &PlanSpec) -> Vec<&'static str> {
    let baseline = share::baseline(&plan.origin);
    let years = plan.scenario.horizon();
    PARAMS
        .iter()
        .filter(|p| {
            params::values(&plan.scenario, p.key, years) != params::values(baseline, p.key, years)
        })
        .map(|p| p.key)
        .collect()
}
