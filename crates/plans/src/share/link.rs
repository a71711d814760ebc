//! Share links: a list of plans to a query string and back (the format is documented in the
//! module `share`). Encoding writes only what differs from the plan's origin; decoding never
//! fails, migrates older formats through explicit steps, and lists what it could not read.

use std::borrow::Cow;
use std::collections::HashSet;

use super::actuals;
use super::base64url;
use super::codes::metric_code;
use super::extract::query_part;
use super::problems::{Fallback, LinkNotice, LinkProblem, ProblemKind};
use super::read_plan::{baseline_of, read_plan};
use super::sources;
use super::values::{
    certified_total_text, normalized_yearly, number_text, parse_whole, yearly_text,
};
use super::{LinkKey, OpenedLink, Origin, PlanSpec, StoryRef};
use crate::presets::history::same_target;
use crate::Lang;
use swplan_engine::montecarlo::Settings;
use swplan_engine::params::{self, Value, ValueMut, PARAMS};
use swplan_engine::{RegionName, Scenario};

/// The link format this app reads and writes. Every earlier version is read through
/// [`MIGRATIONS`]. A link that holds none of the keys a format introduced is written as the
/// format before it (see [`LinkKey::since_format`]).
pub const FORMAT_VERSION: u32 = 4;

/// The format a link is written in when it holds none of the keys a later format introduced:
/// the `v` of most links this app makes.
pub const PLAIN_FORMAT: u32 = 2;

/// How the query of a link this app makes begins — the format of most links, the checksum and
/// the plan's origin (`v=2&c=…&p=…`) — shown to people as what a link to paste holds.
pub fn query_example() -> String {
    format!(
        "{}={PLAIN_FORMAT}&{}=…&{}=…",
        LinkKey::Version.code(),
        LinkKey::Checksum.code(),
        LinkKey::Origin.code()
    )
}

/// The most plans a link carries (one, or a comparison of up to four).
pub const MAX_PLANS: usize = 4;

/// A short checksum of a link's plans, written right after `v` (`c=`), so a link cut short or
/// changed by hand — which would otherwise open as a different but valid plan — says so. It
/// covers the plans' keys only, in link order: the language, a story step and the keys chat
/// apps append do not change it. Links without `c` (older ones) are not checked.
pub(super) fn checksum<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for (key, value) in pairs {
        for byte in key.bytes().chain([b'=']).chain(value.bytes()).chain([b'&']) {
            hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
    }
    // Five base-36 digits: one chance in 60 million that damage goes unnoticed.
    let mut value = hash % 36u32.pow(5);
    let mut digits = [b'0'; 5];
    for digit in digits.iter_mut().rev() {
        *digit = b"0123456789abcdefghijklmnopqrstuvwxyz"[(value % 36) as usize];
        value /= 36;
    }
    String::from_utf8_lossy(&digits).into_owned()
}

/// Whether a key belongs to a plan (`p`, `h`, `1.t`…) and so to the checksum.
fn is_plan_key(key: &str) -> bool {
    let (_, bare) = split_plan_prefix(key);
    LinkKey::from_code(bare).is_some_and(LinkKey::is_plan_key)
        || params::param_by_code(bare).is_some()
}

/// Whether a key is one of the link's own (`v`, `lang`…) rather than a plan's.
fn is_global_key(bare: &str) -> bool {
    LinkKey::from_code(bare).is_some_and(|k| LinkKey::GLOBAL.contains(&k))
}

/// A link's query as (key, value) pairs, in order.
type Pairs = Vec<(String, String)>;

/// Step `i` turns a query of format version `i` into one of version `i + 1`.
const MIGRATIONS: [fn(Pairs) -> Pairs; FORMAT_VERSION as usize] = [
    version_0_to_1,
    version_1_to_2,
    version_2_to_3,
    version_3_to_4,
];

/// Version 0 is the first app's address: it only ever carried `lang` and always showed
/// Yunnan, whose data was then at version 1. Anything else in it meant nothing.
fn version_0_to_1(pairs: Pairs) -> Pairs {
    let mut migrated = vec![
        (LinkKey::Version.code().to_string(), "1".to_string()),
        (LinkKey::Origin.code().to_string(), "yunnan.1".to_string()),
    ];
    migrated.extend(
        pairs
            .into_iter()
            .filter(|(key, _)| key == LinkKey::Lang.code()),
    );
    migrated
}

/// Version 2 carries each plan's model reading (`m`) when it is not its origin's. Every plan of
/// a version-1 link was computed with the first reading (every scheduled build finished in its
/// year), so each keeps it: it opens with the numbers it was made with.
fn version_1_to_2(mut pairs: Pairs) -> Pairs {
    let model = LinkKey::Model.code();
    for plan in 0..MAX_PLANS {
        let prefix = if plan == 0 {
            String::new()
        } else {
            format!("{plan}.")
        };
        let present = pairs.iter().any(|(key, _)| {
            let (index, bare) = split_plan_prefix(key);
            index == plan && is_plan_key(bare)
        });
        if present || plan == 0 {
            pairs.push((
                format!("{prefix}{model}"),
                swplan_engine::scenario::FIRST_MODEL_VERSION.to_string(),
            ));
        }
    }
    pairs
}

/// Version 3 added keys that a plan without them does not write (`ct`, the certified total;
/// `q`, the planner's sources): a version-2 link reads the same.
fn version_2_to_3(pairs: Pairs) -> Pairs {
    pairs
}

/// Version 4 added keys that a plan without them does not write (`ac` and `an`, actual figures
/// and their notes; `ru`, a province rolled up from its cities): a version-3 link reads the same.
fn version_3_to_4(pairs: Pairs) -> Pairs {
    pairs
}

/// The format a link with these keys is written in: the earliest that knows all of them.
pub(super) fn format_of(pairs: &[(String, String)]) -> u32 {
    pairs
        .iter()
        .filter_map(|(key, _)| LinkKey::from_code(split_plan_prefix(key).1))
        .map(LinkKey::since_format)
        .fold(PLAIN_FORMAT, u32::max)
}

/// The link query (without `?`) for one plan, or several to compare (at most [`MAX_PLANS`];
/// the rest are left out), with the interface language when given.
pub fn encode(plans: &[PlanSpec], lang: Option<Lang>) -> String {
    let mut pairs = vec![(LinkKey::Version.code().to_string(), String::new())];
    for (index, plan) in plans.iter().take(MAX_PLANS).enumerate() {
        let prefix = if index == 0 {
            String::new()
        } else {
            format!("{index}.")
        };
        for (key, value) in plan_pairs(plan) {
            pairs.push((format!("{prefix}{key}"), value));
        }
    }
    pairs[0].1 = format_of(&pairs[1..]).to_string();
    let sum = checksum(pairs[1..].iter().map(|(k, v)| (k.as_str(), v.as_str())));
    pairs.insert(1, (LinkKey::Checksum.code().to_string(), sum));
    if let Some(lang) = lang {
        let code = match lang {
            Lang::Zh => "zh",
            Lang::En => "en",
        };
        pairs.push((LinkKey::Lang.code().to_string(), code.to_string()));
    }
    pairs
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// The origin as `p` writes it and the scenario the plan is compared with. A preset or data
/// version this app does not know is written as a custom region, so the numbers still travel.
fn origin_and_baseline(origin: &Origin) -> (String, &'static Scenario) {
    let known = match origin {
        Origin::Preset { slug, data_version } => crate::presets::by_slug(slug)
            .is_some_and(|p| (1..=p.data_version).contains(data_version))
            .then(|| format!("{slug}.{data_version}")),
        Origin::Custom => None,
    };
    match known {
        Some(text) => (text, baseline_of(origin)),
        None => ("new".to_string(), baseline_of(&Origin::Custom)),
    }
}

/// The keys of one plan, in a fixed order: origin, names, years, parameters, targets, Monte
/// Carlo settings.
pub(super) fn plan_pairs(plan: &PlanSpec) -> Vec<(String, String)> {
    let (origin, baseline) = origin_and_baseline(&plan.origin);
    let scenario = &plan.scenario;
    let mut pairs = vec![(LinkKey::Origin.code().to_string(), origin)];
    let mut push = |key: &str, value: String| pairs.push((key.to_string(), value));
    if let Some(name) = &plan.name {
        push(LinkKey::Name.code(), base64url::encode(name.as_bytes()));
    }
    if scenario.name != baseline.name {
        push(LinkKey::RegionName.code(), region_name_text(&scenario.name));
    }
    if scenario.base_year != baseline.base_year {
        push(LinkKey::BaseYear.code(), scenario.base_year.to_string());
    }
    if scenario.end_year != baseline.end_year {
        push(LinkKey::EndYear.code(), scenario.end_year.to_string());
    }
    for p in PARAMS {
        // A certified total carries its three stocks (`ct` below).
        if scenario.certified_total.is_some() && CERTIFIED_STOCKS.contains(&p.key) {
            continue;
        }
        match (
            params::value(scenario, p.key),
            params::value(baseline, p.key),
        ) {
            (Some(Value::Scalar(value)), Some(Value::Scalar(base))) if value != base => {
                push(p.code, number_text(*value));
            }
            (Some(Value::Yearly(value)), Some(Value::Yearly(base)))
                if normalized_yearly(value) != normalized_yearly(base) =>
            {
                push(p.code, yearly_text(value));
            }
            _ => {}
        }
    }
    if let Some(total) = &scenario.certified_total {
        push(LinkKey::CertifiedTotal.code(), certified_total_text(total));
    }
    let same_targets = scenario.targets.len() == baseline.targets.len()
        && scenario
            .targets
            .iter()
            .zip(&baseline.targets)
            .all(|(a, b)| same_target(a, b));
    if !same_targets {
        // A target on a figure without a link code is not a target the model offers; skip it.
        let entries: Vec<String> = scenario
            .targets
            .iter()
            .filter_map(|t| {
                metric_code(t.metric)
                    .map(|code| format!("{code}-{}-{}", number_text(t.threshold), t.deadline))
            })
            .collect();
        push(
            LinkKey::Targets.code(),
            if entries.is_empty() {
                "none".to_string()
            } else {
                entries.join("_")
            },
        );
    }
    if scenario.model != baseline.model {
        push(LinkKey::Model.code(), scenario.model.to_string());
    }
    let defaults = Settings::default();
    if plan.mc.runs != defaults.runs {
        push(LinkKey::Runs.code(), plan.mc.runs.to_string());
    }
    if plan.mc.seed != defaults.seed {
        push(LinkKey::Seed.code(), plan.mc.seed.to_string());
    }
    if let Some(text) = sources::encode(&sources::link_sources(scenario).carried) {
        push(LinkKey::Sources.code(), text);
    }
    if let Some(text) = actuals::encode_values(&scenario.actuals) {
        push(LinkKey::Actuals.code(), text);
    }
    if let Some(text) = actuals::encode_notes(&scenario.actuals) {
        push(LinkKey::ActualNotes.code(), text);
    }
    pairs
}

/// The three stocks a certified total gives, which a link with `ct` leaves out.
const CERTIFIED_STOCKS: [&str; 3] = ["certified_junior", "certified_mid", "certified_senior"];

/// A region's name: one base64url text when both languages agree, else Chinese `.` English.
fn region_name_text(name: &RegionName) -> String {
    let zh = base64url::encode(name.zh.as_bytes());
    if name.zh == name.en {
        zh
    } else {
        format!("{zh}.{}", base64url::encode(name.en.as_bytes()))
    }
}

/// The plan as a link carries it, so that `decode(encode(p))` equals `normalized(p)` for every
/// valid plan: the origin's sources cleared, the planner's sources that fit in the link
/// (cleaned as the link reads them back), schedules in their shortest form, the region slug of
/// the origin. Two plans with equal normalized forms give the same numbers and the same link.
pub fn normalized(plan: &PlanSpec) -> PlanSpec {
    let mut plan = plan.clone();
    let (origin_text, baseline) = origin_and_baseline(&plan.origin);
    if origin_text == "new" {
        plan.origin = Origin::Custom;
    }
    let scenario = &mut plan.scenario;
    scenario.sources.clear();
    scenario.planner_sources = sources::link_sources(scenario).carried;
    scenario.actuals = actuals::as_carried(&scenario.actuals);
    scenario.region = baseline.region.clone();
    for p in PARAMS {
        if let Some(ValueMut::Yearly(slot)) = params::value_mut(scenario, p.key) {
            *slot = normalized_yearly(slot);
        }
    }
    for target in &mut scenario.targets {
        target.source = baseline
            .targets
            .iter()
            .find(|b| same_target(b, target))
            .and_then(|b| b.source.clone());
    }
    plan
}

/// Whether two plans give the same numbers: the same origin, scenario and Monte Carlo settings
/// once both are written as a link writes them (a schedule's trailing repeats dropped, sources
/// aside). Their names are not compared. A plan and the plan its link opens are the same.
pub fn same_numbers(a: &PlanSpec, b: &PlanSpec) -> bool {
    // Most comparisons are of a plan with itself: equal as they are, no copies needed.
    if a.origin == b.origin && a.scenario == b.scenario && a.mc == b.mc {
        return true;
    }
    let (a, b) = (normalized(a), normalized(b));
    a.origin == b.origin && a.scenario == b.scenario && a.mc == b.mc
}

/// Whether two plans are the same plan: the same numbers and the same name.
pub fn same_plan(a: &PlanSpec, b: &PlanSpec) -> bool {
    a.name == b.name && same_numbers(a, b)
}

/// Opens a link: a full address, a query with or without `?`, or a chat message holding one.
/// Never fails: garbage opens the default preset, and every key that could not be used is
/// listed in `problems` with what was used instead.
pub fn decode(text: &str) -> OpenedLink {
    let mut pairs = parse_pairs(query_part(text));
    let mut problems = Vec::new();
    let mut notices = Vec::new();
    let mut problem = |plan, key: &str, kind, fallback| {
        problems.push(LinkProblem {
            plan,
            key: key.to_string(),
            kind,
            fallback,
        })
    };

    let has = |pairs: &Pairs, key: &str| pairs.iter().any(|(k, _)| k == key);
    // A roll-up carries more plans (the cities) than a comparison.
    let plan_limit = if has(&pairs, LinkKey::RollUp.code()) {
        crate::life::rollup::MAX_CITIES
    } else {
        MAX_PLANS
    };
    let format_version = match pairs.iter().find(|(key, _)| key == LinkKey::Version.code()) {
        None => 0,
        Some((_, text)) => parse_whole::<u32>(text).unwrap_or_else(|| {
            let kind = ProblemKind::NotAVersion { text: text.clone() };
            problem(0, LinkKey::Version.code(), kind, Fallback::CurrentFormat);
            FORMAT_VERSION
        }),
    };
    if format_version > FORMAT_VERSION {
        notices.push(LinkNotice::NewerFormat {
            found: format_version,
            supported: FORMAT_VERSION,
        });
    } else if let Some((_, written)) = pairs
        .iter()
        .find(|(key, _)| key == LinkKey::Checksum.code())
    {
        // A link cut short or changed: say so before reading what is left. A newer format may
        // sum keys this app does not know, so its checksum cannot be checked here.
        let found = checksum(
            pairs
                .iter()
                .filter(|(key, _)| is_plan_key(key) && split_plan_prefix(key).0 < plan_limit)
                .map(|(k, v)| (k.as_str(), v.as_str())),
        );
        if *written != found {
            problem(
                0,
                LinkKey::Checksum.code(),
                ProblemKind::Damaged,
                Fallback::Kept,
            );
        }
    }
    // The first app's links held `lang` only, never `p`: a `p` without `v` is a plan link that
    // lost its version (edited by hand), read as it is now, whatever its language.
    let (lang_key, origin_key) = (LinkKey::Lang.code(), LinkKey::Origin.code());
    if format_version == 0 && (!has(&pairs, lang_key) || has(&pairs, origin_key)) {
        if has(&pairs, origin_key) {
            let key = LinkKey::Version.code();
            problem(0, key, ProblemKind::MissingVersion, Fallback::CurrentFormat);
        } else {
            // Not a plan link: the app's plain address, or text without a link in it.
            let query = query_part(text);
            if !query.is_empty() && !query.contains('=') {
                problem(0, "", ProblemKind::NotALink, Fallback::DefaultPreset);
            }
            pairs.retain(|(key, _)| key == LinkKey::Story.code() || key == LinkKey::Step.code());
            pairs.push((
                origin_key.to_string(),
                crate::presets::DEFAULT_SLUG.to_string(),
            ));
        }
    } else {
        for migrate in MIGRATIONS.iter().skip(format_version as usize) {
            pairs = migrate(pairs);
        }
    }

    // Sort the pairs into the link's own keys and each plan's; the first of duplicates wins.
    let mut global_pairs: Vec<(String, String)> = Vec::new();
    let mut per_plan: Vec<Pairs> = vec![Pairs::new(); plan_limit];
    let mut seen: HashSet<String> = HashSet::new();
    for (key, value) in pairs {
        let (plan, bare) = split_plan_prefix(&key);
        let global = plan == 0 && is_global_key(bare);
        let known = global || (is_plan_key(bare) && plan < plan_limit);
        if !known {
            continue; // Unknown keys are ignored: chat apps append their own.
        }
        if !seen.insert(key.clone()) {
            problem(
                plan,
                bare,
                ProblemKind::Duplicate,
                Fallback::FirstOccurrence,
            );
            continue;
        }
        if global {
            global_pairs.push((bare.to_string(), value));
        } else {
            per_plan[plan].push((bare.to_string(), value));
        }
    }

    let mut plans: Vec<PlanSpec> = Vec::new();
    for (index, plan_pairs) in per_plan.iter().enumerate() {
        if index > 0 && plan_pairs.is_empty() {
            continue;
        }
        let first_origin = plans.first().map(|p| p.origin.clone());
        let position = plans.len();
        let plan = read_plan(
            position,
            plan_pairs,
            first_origin.as_ref(),
            &mut problems,
            &mut notices,
        );
        plans.push(plan);
    }

    let lookup = |key: LinkKey| {
        global_pairs
            .iter()
            .find(|(k, _)| k == key.code())
            .map(|(_, v)| v)
    };
    let lang = lookup(LinkKey::Lang).and_then(|text| {
        let lang = Lang::from_tag(text);
        if lang.is_none() {
            let kind = ProblemKind::UnknownLanguage { text: text.clone() };
            problems.push(problem_at(0, LinkKey::Lang.code(), kind, Fallback::Dropped));
        }
        lang
    });
    let story = lookup(LinkKey::Story).and_then(|id| {
        let readable = !id.is_empty()
            && id.len() <= 64
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !readable {
            let kind = ProblemKind::NotAStory { text: id.clone() };
            problems.push(problem_at(
                0,
                LinkKey::Story.code(),
                kind,
                Fallback::Dropped,
            ));
            return None;
        }
        let step = match lookup(LinkKey::Step) {
            None => 0,
            Some(text) => parse_whole::<usize>(text).unwrap_or_else(|| {
                let kind = ProblemKind::NotAStory { text: text.clone() };
                problems.push(problem_at(0, LinkKey::Step.code(), kind, Fallback::Dropped));
                0
            }),
        };
        Some(StoryRef {
            id: id.clone(),
            step,
        })
    });

    let rollup =
        lookup(LinkKey::RollUp).map(|text| super::rollup_key::read_rollup(text, &mut problems));
    OpenedLink {
        format_version,
        plans,
        rollup,
        lang,
        story,
        problems,
        notices,
    }
}

fn problem_at(plan: usize, key: &str, kind: ProblemKind, fallback: Fallback) -> LinkProblem {
    LinkProblem {
        plan,
        key: key.to_string(),
        kind,
        fallback,
    }
}

/// `1.h` → (1, `h`); `h` → (0, `h`). Plans 2–4 of a comparison (`1.`–`3.`) and the cities of a
/// roll-up (up to `15.`) have a prefix; the caller drops plans beyond what its link may hold.
fn split_plan_prefix(key: &str) -> (usize, &str) {
    match key.split_once('.') {
        Some((digits, rest))
            if (1..=2).contains(&digits.len())
                && !digits.starts_with('0')
                && digits.bytes().all(|b| b.is_ascii_digit()) =>
        {
            match digits.parse::<usize>() {
                Ok(plan) if plan < crate::life::rollup::MAX_CITIES => (plan, rest),
                _ => (0, key),
            }
        }
        _ => (0, key),
    }
}

/// The query's pairs in order. Percent-escapes are undone (some apps escape what needs no
/// escaping) and an HTML-escaped `&amp;` reads as `&`.
fn parse_pairs(query: &str) -> Pairs {
    query
        .split('&')
        .filter(|segment| !segment.is_empty())
        .map(|segment| {
            let (key, value) = segment.split_once('=').unwrap_or((segment, ""));
            let key = key.strip_prefix("amp;").unwrap_or(key);
            (
                percent_decode(key).into_owned(),
                percent_decode(value).into_owned(),
            )
        })
        .collect()
}

/// Undoes `%XX` escapes; anything malformed stays as written.
fn percent_decode(text: &str) -> Cow<'_, str> {
    if !text.contains('%') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| text.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

/// The scenario a plan's origin stands for, without parameter sources, for callers that
/// compare (the app's "changed levers" list, the report).
pub fn baseline(origin: &Origin) -> &'static Scenario {
    baseline_of(origin)
}

#[cfg(test)]
#[path = "link_tests.rs"]
mod tests;
