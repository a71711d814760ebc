//! Every setting of a plan with its value and where it comes from, as the printed report's
//! appendix and the CSV list them: the origin's document or assumption for a value as the
//! origin has it, the planner's source for a value they cited, "set by the planner" for one
//! they changed without; and, when certified social workers were entered as a total, the total,
//! its split and the three stocks it gives.

use super::inputs::{display_text, yearly_text};
use super::provenance::{
    from_total_note, provenance_words, split_origin, split_text, value_origin, OriginKind,
};
use super::strings::param_unit;
use super::{param_label, Lang};
use swplan_engine::certified::{self, CertifiedTotal};
use swplan_engine::params::{self, Unit, Value};
use swplan_engine::Scenario;
use swplan_plans::share::sources::source_keys;

/// One row of the settings table.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingRow {
    /// The parameter's key, `certified_total`, or `certified_share_junior` for the split.
    pub key: &'static str,
    pub label: &'static str,
    /// The value without its unit (a schedule year by year).
    pub value: String,
    pub unit: String,
    /// Whether it differs from the plan's origin; `None` without an origin to compare with.
    pub changed: Option<bool>,
    pub origin: Option<(OriginKind, String)>,
}

impl SettingRow {
    /// The value with its unit, as a sentence reads it ("1 person", never "1 people").
    pub fn value_with_unit(&self, lang: Lang) -> String {
        match self.unit.as_str() {
            "%" => format!("{}%", self.value),
            unit => super::format::quantity(&self.value, unit, lang),
        }
    }
}

/// How a schedule's years are written: `(colon, separator)`, e.g. `(": ", ", ")`.
pub type Separators<'a> = (&'a str, &'a str);

/// How rates are written: as percentages for people (the report), or as the fractions they
/// are (the CSV, where every share is a fraction 0–1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rates {
    Percent,
    Fraction,
}

/// A parameter's value as text, without its unit.
fn value_text(scenario: &Scenario, key: &str, separators: Separators, rates: Rates) -> String {
    let Some(param) = params::param(key) else {
        return String::new();
    };
    let one = |v: f64| match (param.unit, rates) {
        (Unit::Rate, Rates::Fraction) => super::format::trim_decimals(v, 6),
        _ => display_text(param.unit, v),
    };
    match params::value(scenario, key) {
        Some(Value::Scalar(v)) => one(*v),
        Some(Value::Yearly(y)) => match (param.unit, rates) {
            (Unit::Rate, Rates::Fraction) => {
                let values = y.expand(scenario.horizon().max(1));
                match values.first() {
                    Some(first) if values.iter().all(|v| v == first) => one(*first),
                    _ => values
                        .iter()
                        .enumerate()
                        .map(|(i, v)| {
                            format!(
                                "{}{}{}",
                                scenario.base_year + 1 + i as i32,
                                separators.0,
                                one(*v)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(separators.1),
                }
            }
            _ => yearly_text(
                param.unit,
                &y.expand(scenario.horizon().max(1)),
                scenario.base_year,
                separators.0,
                separators.1,
            ),
        },
        None => String::new(),
    }
}

/// A parameter's unit as the table writes it.
fn unit_text(param: &params::Param, rates: Rates, lang: Lang) -> String {
    match (param.unit, rates) {
        (Unit::Rate, Rates::Fraction) => {
            super::export::unit_name(swplan_engine::FigureUnit::Share, false, lang).to_string()
        }
        _ => param_unit(param, lang),
    }
}

/// The rows of every setting of `scenario`, against `baseline` (its origin, with the sources of
/// its numbers) when there is one.
pub fn setting_rows(
    scenario: &Scenario,
    baseline: Option<&Scenario>,
    separators: Separators,
    rates: Rates,
    lang: Lang,
) -> Vec<SettingRow> {
    let own = |key: &str| scenario.planner_sources.get(key);
    let mut rows = Vec::new();
    for key in source_keys() {
        if key == certified::TOTAL_KEY {
            if let Some(total) = &scenario.certified_total {
                rows.extend(total_rows(scenario, total, baseline, lang));
            }
            continue;
        }
        let Some(param) = params::param(key) else {
            continue;
        };
        let value = value_text(scenario, key, separators, rates);
        let unit = unit_text(param, rates, lang);
        let changed = baseline.map(|b| params::value(b, key) != params::value(scenario, key));
        let was = baseline.filter(|_| changed == Some(true)).map(|b| {
            SettingRow {
                key,
                label: "",
                value: value_text(b, key, separators, rates),
                unit: unit.clone(),
                changed: None,
                origin: None,
            }
            .value_with_unit(lang)
        });
        let from_total = scenario
            .certified_total
            .as_ref()
            .filter(|_| key.starts_with("certified_") && own(key).is_none());
        let origin = match from_total {
            Some(total) => {
                let kind = match own(certified::TOTAL_KEY) {
                    Some(_) => OriginKind::PlannerSource,
                    None => OriginKind::SetByPlanner,
                };
                Some((kind, from_total_note(total, lang)))
            }
            None => value_origin(
                own(key),
                was.as_deref(),
                baseline.and_then(|b| b.sources.get(key)),
                lang,
            ),
        };
        rows.push(SettingRow {
            key,
            label: param_label(param.key, lang),
            value,
            unit,
            changed,
            origin,
        });
    }
    rows
}

/// The certified total and its split, the planner's entries.
fn total_rows(
    scenario: &Scenario,
    total: &CertifiedTotal,
    baseline: Option<&Scenario>,
    lang: Lang,
) -> [SettingRow; 2] {
    let people = super::strings::unit_label(Unit::People, lang).to_string();
    let before = baseline.map(|b| b.certified_levels().iter().sum::<f64>());
    let changed = baseline.map(|b| b.certified_total.as_ref() != Some(total));
    // What the origin's levels added up to, when the planner changed it.
    let was = before
        .filter(|_| changed == Some(true))
        .map(|before| format!("{} {people}", display_text(Unit::People, before)));
    let origin = value_origin(
        scenario.planner_sources.get(certified::TOTAL_KEY),
        was.as_deref(),
        None,
        lang,
    );
    let (split_kind, split_note) = split_origin(total, lang);
    [
        SettingRow {
            key: certified::TOTAL_KEY,
            label: param_label(certified::TOTAL_KEY, lang),
            value: display_text(Unit::People, total.total),
            unit: people,
            changed,
            origin,
        },
        SettingRow {
            key: certified::JUNIOR_SHARE_KEY,
            label: provenance_words(lang).split_row,
            value: split_text(total, lang),
            unit: String::new(),
            changed,
            origin: Some((split_kind, split_note.to_string())),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::PlannerSource;
    use swplan_plans::presets;

    const SEPARATORS: Separators = (": ", ", ");

    fn row<'a>(rows: &'a [SettingRow], key: &str) -> &'a SettingRow {
        rows.iter().find(|r| r.key == key).unwrap()
    }

    #[test]
    fn a_value_the_planner_cited_shows_their_source_not_the_templates_assumption() {
        let blank = presets::blank();
        let mut plan = blank.clone();
        plan.sources.clear();
        plan.assumptions.talent = 2_400.0;
        plan.planner_sources.insert(
            "talent".into(),
            PlannerSource {
                document: "《2023年某市民政事业发展统计公报》".into(),
                date: "2024-03".into(),
                quote: "全市社会工作专业人才2400人".into(),
            },
        );
        plan.assumptions.villages = 2_100.0;
        let rows = setting_rows(&plan, Some(blank), SEPARATORS, Rates::Percent, Lang::Zh);
        let (kind, detail) = row(&rows, "talent").origin.clone().unwrap();
        assert_eq!(kind, OriginKind::PlannerSource);
        assert!(detail.contains("全市社会工作专业人才2400人"), "{detail}");
        assert!(!detail.contains("空白模板"), "{detail}");
        let (kind, detail) = row(&rows, "villages").origin.clone().unwrap();
        assert_eq!(kind, OriginKind::SetByPlanner);
        assert!(detail.contains("原值 1 个"), "{detail}");
        let (kind, _) = row(&rows, "attrition").origin.clone().unwrap();
        assert_eq!(kind, OriginKind::Assumption, "unchanged: the template's");
    }

    #[test]
    fn a_certified_total_lists_itself_its_split_and_the_stocks_it_gives() {
        let blank = presets::blank();
        let mut plan = blank.clone();
        plan.assumptions.talent = 5_000.0;
        plan.certified_total = Some(CertifiedTotal::with_default_split(658.0));
        plan.apply_certified_total();
        let rows = setting_rows(&plan, Some(blank), SEPARATORS, Rates::Percent, Lang::En);
        let keys: Vec<&str> = rows.iter().map(|r| r.key).collect();
        let at = keys
            .iter()
            .position(|k| *k == certified::TOTAL_KEY)
            .unwrap();
        assert_eq!(
            keys[at..at + 5],
            [
                certified::TOTAL_KEY,
                certified::JUNIOR_SHARE_KEY,
                "certified_junior",
                "certified_mid",
                "certified_senior"
            ]
        );
        assert_eq!(rows[at].value_with_unit(Lang::En), "658 people");
        assert_eq!(
            rows[at].origin.as_ref().unwrap().0,
            OriginKind::SetByPlanner
        );
        assert_eq!(
            rows[at + 1].origin.as_ref().unwrap().0,
            OriginKind::Assumption,
            "the default split is an assumption"
        );
        let (_, note) = rows[at + 2].origin.clone().unwrap();
        assert!(
            note.starts_with("From the certified total of 658"),
            "{note}"
        );
    }
}
