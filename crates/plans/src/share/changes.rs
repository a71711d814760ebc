//! Changes between two scenarios of one region, written in share-link keys: what a guided
//! story's step does to the plan (`h=15000&a=0.05`), and what a recorded step captures.
//!
//! The grammar is the one of share links, format version 1 (see the module `share`): a
//! parameter by its link code with the value grammar of links (`12000`, `12000_13000`,
//! `12000g0.05`), `by` and `ey` for the years, `t` for the whole target list and `rn` for the
//! region's name, joined by `&`. Unlike a link, a list of changes is strict: it is written by
//! a person or by [`encode_changes`], so an unknown key or an unreadable value is an error that
//! is named, never skipped; and the scenario it produces must validate.

use super::base64url;
use super::codes::{metric_by_code, metric_code};
use super::values::{normalized_yearly, number_text, parse_number, parse_whole, parse_yearly};
use super::LinkKey;
use crate::presets::history::same_target;
use swplan_engine::params::{self, Shape, Value, ValueMut, PARAMS};
use swplan_engine::{validate, RegionName, Scenario, Target, ValidationError, Yearly};

/// Why a list of changes cannot be applied. Every problem of a list is reported, each naming
/// the key or the text it is about; `i18n::story` words them in both languages.
#[derive(Clone, Debug, PartialEq)]
pub enum ChangeProblem {
    /// A segment without `=` (`h15000`).
    NotAPair { segment: String },
    /// A key that is neither a parameter's link code nor `by`, `ey`, `t`, `rn`.
    UnknownKey { key: String },
    /// The key appears more than once.
    Duplicate { key: String },
    /// A parameter that takes one number was given something else.
    NotANumber { key: String, text: String },
    /// A yearly parameter that is neither a number, a list (`1_2`) nor growth (`1g0.05`).
    NotASchedule { key: String, text: String },
    /// A list or growth given for a parameter that takes one number.
    OneNumberOnly { key: String, text: String },
    /// `by` or `ey` that is not a whole number.
    NotAYear { key: String, text: String },
    /// `rn` that is not base64url of UTF-8 text (or two joined by `.`).
    NotAName { key: String },
    /// A target entry that is not `metric-threshold-deadline`.
    NotATarget { entry: String },
    /// A target entry naming a metric code that does not exist.
    UnknownMetric { code: String },
    /// The changes were read, but the scenario they make is invalid.
    Invalid { error: ValidationError },
}

/// The changes that turn `from` into `to`, as link keys joined by `&`; empty when nothing
/// differs. Only what the link grammar carries is compared: the region's name, the years,
/// every parameter and the targets (not the region's slug, nor sources). Schedules are written
/// in their shortest form, so a schedule whose every year is equal is not a change.
pub fn encode_changes(from: &Scenario, to: &Scenario) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if to.name != from.name {
        pairs.push((LinkKey::RegionName.code(), region_name_text(&to.name)));
    }
    if to.base_year != from.base_year {
        pairs.push((LinkKey::BaseYear.code(), to.base_year.to_string()));
    }
    if to.end_year != from.end_year {
        pairs.push((LinkKey::EndYear.code(), to.end_year.to_string()));
    }
    for p in PARAMS {
        match (params::value(to, p.key), params::value(from, p.key)) {
            (Some(Value::Scalar(value)), Some(Value::Scalar(base))) if value != base => {
                pairs.push((p.code, number_text(*value)));
            }
            (Some(Value::Yearly(value)), Some(Value::Yearly(base)))
                if normalized_yearly(value) != normalized_yearly(base) =>
            {
                pairs.push((p.code, super::values::yearly_text(value)));
            }
            _ => {}
        }
    }
    let same_targets = to.targets.len() == from.targets.len()
        && to
            .targets
            .iter()
            .zip(&from.targets)
            .all(|(a, b)| same_target(a, b));
    if !same_targets {
        pairs.push((LinkKey::Targets.code(), targets_text(&to.targets)));
    }
    pairs
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// `scenario` with `changes` applied. What a change replaces loses its source (the sentence
/// described the old number); a target equal to one of `scenario`'s keeps that one's source.
/// Every unreadable key and every validation error of the result is returned, never a panic;
/// a returned scenario always validates.
pub fn apply_changes(scenario: &Scenario, changes: &str) -> Result<Scenario, Vec<ChangeProblem>> {
    let mut result = scenario.clone();
    let mut problems = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for segment in changes.split('&').filter(|s| !s.is_empty()) {
        let Some((key, text)) = segment.split_once('=') else {
            problems.push(ChangeProblem::NotAPair {
                segment: segment.to_string(),
            });
            continue;
        };
        if seen.contains(&key) {
            problems.push(ChangeProblem::Duplicate {
                key: key.to_string(),
            });
            continue;
        }
        seen.push(key);
        if let Err(problem) = apply_one(&mut result, scenario, key, text) {
            problems.extend(problem);
        }
    }
    if let Err(errors) = validate(&result) {
        problems.extend(
            errors
                .0
                .into_iter()
                .map(|error| ChangeProblem::Invalid { error }),
        );
    }
    if problems.is_empty() {
        Ok(result)
    } else {
        Err(problems)
    }
}

/// Applies one `key=text` to `result`; `original` is the scenario before any change.
fn apply_one(
    result: &mut Scenario,
    original: &Scenario,
    key: &str,
    text: &str,
) -> Result<(), Vec<ChangeProblem>> {
    let owned = |s: &str| s.to_string();
    match LinkKey::from_code(key) {
        Some(LinkKey::RegionName) => {
            result.name = read_region_name(text)
                .ok_or_else(|| vec![ChangeProblem::NotAName { key: owned(key) }])?;
        }
        Some(which @ (LinkKey::BaseYear | LinkKey::EndYear)) => {
            let year = parse_whole::<i32>(text).ok_or_else(|| {
                vec![ChangeProblem::NotAYear {
                    key: owned(key),
                    text: owned(text),
                }]
            })?;
            if which == LinkKey::BaseYear {
                result.base_year = year;
                result.sources.remove("base_year");
            } else {
                result.end_year = year;
            }
        }
        Some(LinkKey::Targets) => result.targets = read_targets(text, &original.targets)?,
        // A story's changes are a plan's parameters, names, years and targets only.
        Some(_) | None => {
            let Some(param) = params::param_by_code(key) else {
                return Err(vec![ChangeProblem::UnknownKey { key: owned(key) }]);
            };
            let (key, text) = (owned(key), owned(text));
            match (params::value_mut(result, param.key), parse_yearly(&text)) {
                (Some(ValueMut::Yearly(slot)), Some(yearly)) => *slot = yearly,
                (Some(ValueMut::Scalar(slot)), Some(Yearly::Constant(value))) => *slot = value,
                (Some(ValueMut::Scalar(_)), Some(_)) => {
                    return Err(vec![ChangeProblem::OneNumberOnly { key, text }])
                }
                _ => {
                    return Err(vec![match param.shape {
                        Shape::Scalar => ChangeProblem::NotANumber { key, text },
                        Shape::Yearly => ChangeProblem::NotASchedule { key, text },
                    }])
                }
            }
            result.sources.remove(param.key);
        }
    }
    Ok(())
}

/// The target list as `t` writes it: `none`, or `metric-threshold-deadline` joined by `_`.
/// (The same text as `link`'s `t`, which keeps its writer private.)
fn targets_text(targets: &[Target]) -> String {
    // Validation refuses targets on figures without a link code; there is nothing to write.
    let entries: Vec<String> = targets
        .iter()
        .filter_map(|t| {
            metric_code(t.metric)
                .map(|code| format!("{code}-{}-{}", number_text(t.threshold), t.deadline))
        })
        .collect();
    if entries.is_empty() {
        "none".to_string()
    } else {
        entries.join("_")
    }
}

/// Reads `t` strictly: every entry must be readable. Entries equal to one of `original`'s
/// targets keep its source.
fn read_targets(text: &str, original: &[Target]) -> Result<Vec<Target>, Vec<ChangeProblem>> {
    if text == "none" {
        return Ok(Vec::new());
    }
    let mut targets = Vec::new();
    let mut problems = Vec::new();
    for entry in text.split('_') {
        let not_a_target = || ChangeProblem::NotATarget {
            entry: entry.to_string(),
        };
        let [code, threshold, deadline] = entry.split('-').collect::<Vec<_>>()[..] else {
            problems.push(not_a_target());
            continue;
        };
        let Some(metric) = metric_by_code(code) else {
            problems.push(ChangeProblem::UnknownMetric {
                code: code.to_string(),
            });
            continue;
        };
        let (Some(threshold), Some(deadline)) = (parse_number(threshold), parse_whole(deadline))
        else {
            problems.push(not_a_target());
            continue;
        };
        let mut target = Target {
            metric,
            threshold,
            deadline,
            source: None,
        };
        target.source = original
            .iter()
            .find(|o| same_target(o, &target))
            .and_then(|o| o.source.clone());
        targets.push(target);
    }
    if problems.is_empty() {
        Ok(targets)
    } else {
        Err(problems)
    }
}

/// `rn`: one base64url text when both languages agree, else Chinese `.` English.
fn region_name_text(name: &RegionName) -> String {
    let text = |s: &str| base64url::encode(s.as_bytes());
    if name.zh == name.en {
        text(&name.zh)
    } else {
        format!("{}.{}", text(&name.zh), text(&name.en))
    }
}

fn read_region_name(text: &str) -> Option<RegionName> {
    let read = |part: &str| String::from_utf8(base64url::decode(part)?).ok();
    let (zh, en) = match text.split_once('.') {
        Some((zh, en)) => (read(zh)?, read(en)?),
        None => (read(text)?, read(text)?),
    };
    Some(RegionName { zh, en })
}

/// Base64url without padding, for the compact form of recorded stories in links (the codec is
/// private to `share`; this is its one door out).
pub(crate) fn base64url_encode(bytes: &[u8]) -> String {
    base64url::encode(bytes)
}

/// Reads base64url; `None` for anything a writer could not have produced.
pub(crate) fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    base64url::decode(text)
}

#[cfg(test)]
mod tests {
    //! Changes as specifications; the property `apply(a, encode(a, b)) == b` for random valid
    //! pairs is in `tests/stories.rs`.

    use super::*;
    use crate::presets;

    fn preset_scenario(slug: &str) -> Scenario {
        presets::by_slug(slug).unwrap().scenario.clone()
    }

    #[test]
    fn no_changes_is_the_same_scenario_and_writes_nothing() {
        let yunnan = preset_scenario("yunnan");
        assert_eq!(encode_changes(&yunnan, &yunnan), "");
        assert_eq!(apply_changes(&yunnan, "").unwrap(), yunnan);
    }

    #[test]
    fn changes_are_written_in_link_keys_in_a_fixed_order() {
        let from = preset_scenario("yunnan");
        let mut to = from.clone();
        to.levers.hires = Yearly::List(vec![12000.0, 15000.0, 15000.0]);
        to.assumptions.attrition = 0.05;
        to.end_year = 2035;
        to.targets[0].threshold = 150_000.0;
        assert_eq!(
            encode_changes(&from, &to),
            "ey=2035&a=0.05&h=12000_15000&t=tl-150000-2025"
        );
    }

    #[test]
    fn a_changed_value_loses_its_source_and_an_unchanged_target_keeps_its_own() {
        let yunnan = preset_scenario("yunnan");
        let changed = apply_changes(&yunnan, "h=15000&t=tl-140000-2025_r-100-2027").unwrap();
        assert!(!changed.sources.contains_key("hires"));
        assert!(changed.sources.contains_key("talent"));
        assert_eq!(changed.targets[0].source, yunnan.targets[0].source);
        assert_eq!(changed.targets[1].source, None);
    }

    #[test]
    fn every_problem_of_a_list_of_changes_is_named() {
        let yunnan = preset_scenario("yunnan");
        let problems = apply_changes(
            &yunnan,
            "h=lots&zz=1&a=0.05&a=0.06&sj=1_2&by=soon&t=x-1-2&rn=!&q",
        )
        .unwrap_err();
        assert_eq!(
            problems,
            vec![
                ChangeProblem::NotASchedule {
                    key: "h".into(),
                    text: "lots".into()
                },
                ChangeProblem::UnknownKey { key: "zz".into() },
                ChangeProblem::Duplicate { key: "a".into() },
                ChangeProblem::OneNumberOnly {
                    key: "sj".into(),
                    text: "1_2".into()
                },
                ChangeProblem::NotAYear {
                    key: "by".into(),
                    text: "soon".into()
                },
                ChangeProblem::UnknownMetric { code: "x".into() },
                ChangeProblem::NotAName { key: "rn".into() },
                ChangeProblem::NotAPair {
                    segment: "q".into()
                },
            ]
        );
    }

    #[test]
    fn changes_that_make_the_plan_invalid_are_refused_with_the_validation_error() {
        let yunnan = preset_scenario("yunnan");
        let problems = apply_changes(&yunnan, "a=1.5").unwrap_err();
        assert!(
            matches!(problems[..], [ChangeProblem::Invalid { .. }]),
            "{problems:?}"
        );
    }

    #[test]
    fn a_schedule_written_longer_than_it_needs_is_no_change() {
        let from = preset_scenario("ningxia");
        let mut to = from.clone();
        to.levers.hires = Yearly::List(vec![1500.0, 1500.0]);
        assert_eq!(encode_changes(&from, &to), "");
    }
}
