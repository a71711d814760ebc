//! Reading one plan of a link: its origin, then each key; `repair` then makes it valid, so a
//! decoded plan always validates.

use std::sync::OnceLock;

use super::base64url;
use super::codes::metric_by_code;
use super::problems::{Fallback, LinkNotice, LinkProblem, OlderData, ProblemKind, Reader};
use super::repair::{repair, Applied, Slot};
use super::sources;
use super::values::{parse_number, parse_whole, parse_yearly, read_certified_total};
use super::{LinkKey, Origin, PlanSpec};
use crate::presets::{self, history};
use swplan_engine::montecarlo::{Settings, RUNS_RANGE};
use swplan_engine::params::{self, Shape, ValueMut};
use swplan_engine::scenario::{FIRST_MODEL_VERSION, MODEL_VERSION};
use swplan_engine::{RegionName, Scenario, Target};

/// The scenario an origin stands for, without parameter sources (they belong to the origin,
/// not to a plan; targets keep theirs). A preset this app does not know reads as the default
/// preset; a data version it does not have, as the current data. Computed once per origin:
/// links are written on every edit.
pub fn baseline_of(origin: &Origin) -> &'static Scenario {
    static BASELINES: OnceLock<Vec<(&'static str, u32, Scenario)>> = OnceLock::new();
    static BLANK: OnceLock<Scenario> = OnceLock::new();
    let without_sources = |mut scenario: Scenario| {
        scenario.sources.clear();
        scenario
    };
    let baselines = BASELINES.get_or_init(|| {
        presets::all()
            .iter()
            .flat_map(|preset| {
                (1..=preset.data_version).map(move |version| {
                    let scenario = history::scenario_at(preset.slug, version)
                        .unwrap_or_else(|_| preset.scenario.clone());
                    (preset.slug, version, without_sources(scenario))
                })
            })
            .collect()
    });
    let find = |slug: &str, version: Option<u32>| {
        baselines
            .iter()
            .filter(|(s, v, _)| *s == slug && version.is_none_or(|version| *v == version))
            .map(|(_, _, scenario)| scenario)
            .next_back()
    };
    match origin {
        Origin::Preset { slug, data_version } => find(slug, Some(*data_version))
            .or_else(|| find(slug, None))
            .or_else(|| find(presets::DEFAULT_SLUG, None))
            .unwrap_or_else(|| BLANK.get_or_init(|| without_sources(presets::blank().clone()))),
        Origin::Custom => BLANK.get_or_init(|| without_sources(presets::blank().clone())),
    }
}

/// The default preset at its current data.
fn default_origin() -> Origin {
    let preset = presets::default_preset();
    Origin::Preset {
        slug: preset.slug.to_string(),
        data_version: preset.data_version,
    }
}

/// Reads the plan at `position` from its keys (prefix removed). `first_origin` is the origin of
/// the link's first plan, which a later plan without `p` falls back to.
pub fn read_plan(
    position: usize,
    pairs: &[(String, String)],
    first_origin: Option<&Origin>,
    problems: &mut Vec<LinkProblem>,
    notices: &mut Vec<LinkNotice>,
) -> PlanSpec {
    let mut reader = Reader {
        plan: position,
        problems,
    };
    let value_of = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let origin = read_origin(
        &mut reader,
        value_of(LinkKey::Origin.code()),
        first_origin,
        notices,
    );
    let baseline = baseline_of(&origin);
    let fallback = match origin {
        Origin::Custom => Fallback::TemplateValue,
        Origin::Preset { .. } => Fallback::PresetValue,
    };

    let mut scenario = baseline.clone();
    let mut certified_total = None;
    let mut name = None;
    let mut mc = Settings::default();
    let mut applied: Vec<Applied> = Vec::new();
    let mut actual_values: Option<(String, String)> = None;
    let mut actual_notes: Option<(String, String)> = None;
    for (key, text) in pairs {
        let mut apply = |slot| {
            applied.push(Applied {
                slot,
                key: key.clone(),
            })
        };
        match LinkKey::from_code(key) {
            Some(LinkKey::Origin) => {}
            Some(LinkKey::Name) => match read_text(text) {
                Some(text) => name = Some(text),
                None => reader.problem(key, ProblemKind::NotAName, Fallback::Dropped),
            },
            Some(LinkKey::RegionName) => match read_region_name(text) {
                Some(region_name) => scenario.name = region_name,
                None => reader.problem(key, ProblemKind::NotAName, fallback),
            },
            Some(which @ (LinkKey::BaseYear | LinkKey::EndYear)) => {
                match parse_whole::<i32>(text) {
                    Some(year) if which == LinkKey::BaseYear => {
                        scenario.base_year = year;
                        apply(Slot::BaseYear);
                    }
                    Some(year) => {
                        scenario.end_year = year;
                        apply(Slot::EndYear);
                    }
                    None => {
                        let kind = ProblemKind::NotAYear { text: text.clone() };
                        reader.problem(key, kind, fallback);
                    }
                }
            }
            Some(LinkKey::Targets) => {
                if let Some(targets) = read_targets(&mut reader, text, &baseline.targets, fallback)
                {
                    scenario.targets = targets;
                    apply(Slot::Targets);
                }
            }
            Some(LinkKey::Runs) => match parse_whole::<usize>(text) {
                Some(runs) if (RUNS_RANGE.0..=RUNS_RANGE.1).contains(&runs) => mc.runs = runs,
                Some(_) => {
                    let kind = ProblemKind::RunsOutOfRange {
                        text: text.clone(),
                        min: RUNS_RANGE.0,
                        max: RUNS_RANGE.1,
                    };
                    reader.problem(key, kind, Fallback::DefaultSetting);
                }
                None => {
                    let kind = ProblemKind::NotANumber { text: text.clone() };
                    reader.problem(key, kind, Fallback::DefaultSetting);
                }
            },
            Some(LinkKey::Model) => match parse_whole::<u32>(text) {
                Some(model) if (FIRST_MODEL_VERSION..=MODEL_VERSION).contains(&model) => {
                    scenario.model = model;
                }
                _ => {
                    let kind = ProblemKind::UnknownModel { text: text.clone() };
                    reader.problem(key, kind, Fallback::CurrentModel);
                }
            },
            Some(LinkKey::Seed) => match parse_whole::<u64>(text) {
                Some(seed) => mc.seed = seed,
                None => {
                    let kind = ProblemKind::NotANumber { text: text.clone() };
                    reader.problem(key, kind, Fallback::DefaultSetting);
                }
            },
            Some(LinkKey::CertifiedTotal) => match read_certified_total(text) {
                Some(total) => certified_total = Some((total, key.clone())),
                None => {
                    let kind = ProblemKind::NotANumber { text: text.clone() };
                    reader.problem(key, kind, fallback);
                }
            },
            Some(LinkKey::Actuals) => actual_values = Some((key.clone(), text.clone())),
            Some(LinkKey::ActualNotes) => actual_notes = Some((key.clone(), text.clone())),
            Some(LinkKey::Sources) => match sources::decode(text) {
                Some(sources) => scenario.planner_sources = sources,
                None => reader.problem(key, ProblemKind::NotAName, Fallback::Dropped),
            },
            // The link's own keys are sorted out before (see `decode`).
            Some(_) => {}
            None => {
                // Only known keys reach here (see `decode`); a miss is simply skipped.
                let Some(param) = params::param_by_code(key) else {
                    continue;
                };
                match (
                    params::value_mut(&mut scenario, param.key),
                    parse_yearly(text),
                ) {
                    (Some(ValueMut::Yearly(slot)), Some(yearly)) => {
                        *slot = yearly;
                        apply(Slot::Param(param.key));
                    }
                    (Some(ValueMut::Scalar(slot)), Some(swplan_engine::Yearly::Constant(v))) => {
                        *slot = v;
                        apply(Slot::Param(param.key));
                    }
                    (Some(ValueMut::Scalar(_)), Some(_)) => {
                        let kind = ProblemKind::OneNumberOnly { text: text.clone() };
                        reader.problem(key, kind, fallback);
                    }
                    _ => {
                        let kind = match param.shape {
                            Shape::Scalar => ProblemKind::NotANumber { text: text.clone() },
                            Shape::Yearly => ProblemKind::NotASchedule { text: text.clone() },
                        };
                        reader.problem(key, kind, fallback);
                    }
                }
            }
        }
    }

    // The total gives the three stocks, whatever else the link says of them.
    if let Some((total, key)) = certified_total {
        scenario.certified_total = Some(total);
        scenario.apply_certified_total();
        applied.push(Applied {
            slot: Slot::CertifiedTotal,
            key,
        });
    }
    repair(&mut reader, &mut scenario, baseline, applied, fallback);
    // Actuals last: whether one can be used depends on the plan's years and ceilings.
    scenario.actuals = read_actuals(&mut reader, &scenario, actual_values, actual_notes);
    PlanSpec {
        name,
        origin,
        scenario,
        mc,
    }
}

/// Reads `p`: `slug.version`, `slug` (the current data) or `new`.
fn read_origin(
    reader: &mut Reader,
    text: Option<&str>,
    first_origin: Option<&Origin>,
    notices: &mut Vec<LinkNotice>,
) -> Origin {
    let Some(text) = text else {
        return match first_origin {
            Some(origin) => {
                reader.problem(
                    LinkKey::Origin.code(),
                    ProblemKind::MissingOrigin,
                    Fallback::FirstPlanOrigin,
                );
                origin.clone()
            }
            None => {
                reader.problem(
                    LinkKey::Origin.code(),
                    ProblemKind::MissingOrigin,
                    Fallback::DefaultPreset,
                );
                default_origin()
            }
        };
    };
    if text == "new" {
        return Origin::Custom;
    }
    let (slug, version_text) = match text.rsplit_once('.') {
        Some((slug, version)) => (slug, Some(version)),
        None => (text, None),
    };
    let Some(preset) = presets::by_slug(slug) else {
        let kind = ProblemKind::UnknownPreset {
            slug: slug.to_string(),
        };
        reader.problem(LinkKey::Origin.code(), kind, Fallback::DefaultPreset);
        return default_origin();
    };
    let current = preset.data_version;
    let version = match version_text.map(parse_whole::<u32>) {
        None => current,
        Some(Some(version)) if (1..=current).contains(&version) => version,
        Some(_) => {
            let kind = ProblemKind::UnknownDataVersion {
                slug: slug.to_string(),
                version: version_text.unwrap_or_default().to_string(),
                current,
            };
            reader.problem(LinkKey::Origin.code(), kind, Fallback::CurrentData);
            current
        }
    };
    if version < current {
        notices.push(LinkNotice::OlderData(OlderData {
            plan: reader.plan,
            slug: slug.to_string(),
            made_with: version,
            current,
            corrections: history::changes_since(slug, version),
        }));
    }
    Origin::Preset {
        slug: slug.to_string(),
        data_version: version,
    }
}

/// UTF-8 text from base64url.
fn read_text(text: &str) -> Option<String> {
    base64url::decode(text).and_then(|bytes| String::from_utf8(bytes).ok())
}

/// A region name: one text for both languages, or Chinese `.` English.
fn read_region_name(text: &str) -> Option<RegionName> {
    match text.split_once('.') {
        Some((zh, en)) => Some(RegionName {
            zh: read_text(zh)?,
            en: read_text(en)?,
        }),
        None => {
            let name = read_text(text)?;
            Some(RegionName {
                zh: name.clone(),
                en: name,
            })
        }
    }
}

/// Reads `t`: `none`, or `metric-threshold-deadline` entries joined by `_`. Unreadable entries
/// are dropped; when none can be read the key is skipped and the origin's targets stay.
/// Targets equal to one of the origin's keep its source.
pub(super) fn read_targets(
    reader: &mut Reader,
    text: &str,
    baseline: &[Target],
    fallback: Fallback,
) -> Option<Vec<Target>> {
    if text == "none" {
        return Some(Vec::new());
    }
    let mut targets = Vec::new();
    let mut failures = Vec::new();
    for entry in text.split('_') {
        let parts: Vec<&str> = entry.split('-').collect();
        let [code, threshold, deadline] = parts.as_slice() else {
            failures.push(ProblemKind::NotATarget {
                entry: entry.to_string(),
            });
            continue;
        };
        let Some(metric) = metric_by_code(code) else {
            failures.push(ProblemKind::UnknownMetric {
                code: code.to_string(),
            });
            continue;
        };
        match (parse_number(threshold), parse_whole::<i32>(deadline)) {
            (Some(threshold), Some(deadline)) => {
                let mut target = Target {
                    metric,
                    threshold,
                    deadline,
                    source: None,
                };
                target.source = baseline
                    .iter()
                    .find(|b| history::same_target(b, &target))
                    .and_then(|b| b.source.clone());
                targets.push(target);
            }
            _ => failures.push(ProblemKind::NotATarget {
                entry: entry.to_string(),
            }),
        }
    }
    let kept = !targets.is_empty();
    for kind in failures {
        let fallback = if kept { Fallback::Dropped } else { fallback };
        reader.problem(LinkKey::Targets.code(), kind, fallback);
    }
    kept.then_some(targets)
}

/// Reads `ac` and `an` into the plan's actuals: a part that cannot be read, or an actual that
/// cannot be used in this plan (a year outside it, a part above its whole), is named and left
/// out, so every actual a link opens can be used. A note is kept only beside its value.
fn read_actuals(
    reader: &mut Reader,
    scenario: &Scenario,
    values: Option<(String, String)>,
    notes: Option<(String, String)>,
) -> swplan_engine::Actuals {
    let Some((key, text)) = values else {
        return swplan_engine::Actuals::default();
    };
    let decoded = super::actuals::decode_values(&text);
    for part in decoded.unreadable {
        reader.problem(
            &key,
            ProblemKind::NotAnActual { text: part },
            Fallback::Dropped,
        );
    }
    let mut actuals = decoded.actuals;
    if let Some((key, text)) = notes {
        match super::actuals::decode_notes(&text) {
            Some(notes) => {
                for (metric, year, note) in notes {
                    if let Some(value) = actuals.value(metric, year) {
                        let note = Some(note).filter(|n| !n.trim().is_empty());
                        actuals.insert(metric, year, swplan_engine::Actual { value, note });
                    }
                }
            }
            None => reader.problem(&key, ProblemKind::NotAName, Fallback::Dropped),
        }
    }
    // Each problem names a figure and year (or two, for a part above its whole): the later
    // figure of the pair goes, the rest is checked again.
    for _ in 0..64 {
        let problems = swplan_engine::deviation::check(&actuals, scenario);
        let Some(problem) = problems.first() else {
            break;
        };
        let gone = unusable(problem);
        for (metric, year) in &gone {
            actuals.remove(*metric, *year);
        }
        reader.problem(
            &key,
            ProblemKind::UnusableActual {
                problem: problem.clone(),
            },
            Fallback::Dropped,
        );
        if gone.is_empty() {
            break;
        }
    }
    actuals
}

/// The figures and years an actuals problem asks to leave out.
fn unusable(
    problem: &swplan_engine::deviation::ActualsProblem,
) -> Vec<(swplan_engine::Metric, i32)> {
    use swplan_engine::deviation::ActualsProblem as P;
    use swplan_engine::Metric;
    match problem {
        P::NotAStock { .. } => Vec::new(),
        P::YearOutsidePlan { metric, year, .. }
        | P::NotANumber { metric, year }
        | P::Negative { metric, year, .. }
        | P::AboveCeiling { metric, year, .. } => vec![(*metric, *year)],
        P::PartAboveWhole { year, part, .. } => match part {
            // The levels together: all three go.
            Metric::Certified => vec![
                (Metric::Certified, *year),
                (Metric::CertifiedJunior, *year),
                (Metric::CertifiedMid, *year),
                (Metric::CertifiedSenior, *year),
            ],
            part => vec![(*part, *year)],
        },
        P::LevelsDisagreeWithTotal { year, .. } => vec![
            (Metric::CertifiedJunior, *year),
            (Metric::CertifiedMid, *year),
            (Metric::CertifiedSenior, *year),
        ],
    }
}
