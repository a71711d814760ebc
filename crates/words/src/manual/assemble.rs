//! The manual from its sources: the Markdown written by hand (`guide.zh.md`, `model.en.md`…)
//! with what is generated from the engine's own tables put in its place, so that the manual
//! cannot drift from the code:
//!
//! - `@params GROUP` — an entry for every parameter of the group, in the registry's order
//!   (`params::PARAMS`: its label, key, kind, shape, unit and link code), with its text from
//!   [`super::entries`];
//! - `@figures` — an entry for every output figure (`Metric::READING_ORDER`);
//! - `@equation ID` — an equation of [`super::equations`], in words and in symbols;
//! - `@cite FILE FUNCTION…` — the engine's function that computes what the text says: shown to
//!   no reader (planners do not read code), checked by a test to exist;
//! - `@table NAME` — a table read from the engine (which levers "what it takes" offers per
//!   target, which levers calibration fits, the optimiser's levers, the figures that take
//!   actual values, the hard bounds);
//! - `{{NAME}}` in running text — a constant of the engine (runs, seeds, bounds, limits), or a
//!   setting's or figure's name as the screen shows it, from the same label functions:
//!   `{{param:KEY}}` and `{{figure:KEY}}` a link to its entry, `{{label:KEY}}` and
//!   `{{figure-label:KEY}}` the name alone, `{{group:NAME}}` a link to a group of settings.
//!
//! Only the command line and the tests assemble the manual; the app reads the Markdown of
//! `docs/` (written from this by a test), so none of this text is in the app's code.

use crate::format::trim_decimals;
use swplan_engine::actuals::ACTUAL_FIGURES;
use swplan_engine::bounds::{
    MAX_BUDGET_CUMULATIVE, MAX_COUNT, MAX_PEOPLE, MAX_STAFF_PER_UNIT, MAX_YUAN,
};
use swplan_engine::calibrate::{Lever as CalibrationLever, MAX_CONDITION};
use swplan_engine::certified::{DEFAULT_JUNIOR_SHARE, DEFAULT_SENIOR_SHARE};
use swplan_engine::montecarlo::{DEFAULT_RUNS, DEFAULT_SEED, DRAWS_PER_YEAR, RUNS_RANGE};
use swplan_engine::optimise::{
    Lever as OptimiserLever, CHECK_RUNS, DEFAULT_BETA, MAX_LINEARISATIONS, MAX_SCENARIOS,
};
use swplan_engine::params::{Group, Kind, Shape, Unit, PARAMS};
use swplan_engine::scenario::{MAX_HORIZON_YEARS, MODEL_VERSION};
use swplan_engine::seek::{drivers, COUNT_LIMIT, RATE_STEP};
use swplan_engine::sensitivity::sobol::SobolSettings;
use swplan_engine::sensitivity::DEFAULT_SWING;
use swplan_engine::{Goal, Metric};

use super::doc::Document;
use super::entries::{AWAITING_PARAMS, FIGURE_ENTRIES, PARAM_ENTRIES};
use super::equations::equation;
use super::parse::parse;
use crate::cli_help::topics::{metric_unit, param_unit};
use crate::format::{format_percent, format_whole};
use crate::{group_label, metric_label, param_label, Lang};

const GUIDE_ZH: &str = include_str!("guide.zh.md");
const GUIDE_EN: &str = include_str!("guide.en.md");
const MODEL_ZH: &str = include_str!("model.zh.md");
const MODEL_EN: &str = include_str!("model.en.md");

/// The whole manual in a language, both parts.
pub fn manual(lang: Lang) -> Document {
    let text = source(lang).unwrap_or_else(|problem| panic!("{problem}"));
    let sections = parse(&text).unwrap_or_else(|e| panic!("the manual's sources: {e:?}"));
    Document { sections }
}

/// The manual's Markdown in a language with everything generated in place, or what in the
/// sources could not be expanded (the tests check there is nothing).
pub fn source(lang: Lang) -> Result<String, String> {
    let (guide, model) = match lang {
        Lang::Zh => (GUIDE_ZH, MODEL_ZH),
        Lang::En => (GUIDE_EN, MODEL_EN),
    };
    Ok(format!(
        "{}\n{}",
        expand(guide, lang)?,
        expand(model, lang)?
    ))
}

fn expand(source: &str, lang: Lang) -> Result<String, String> {
    let mut out = String::with_capacity(source.len() * 2);
    for (index, line) in source.lines().enumerate() {
        let at = |problem: String| format!("line {}: {problem}", index + 1);
        let expanded = match line.strip_prefix('@') {
            Some(directive) => directive_text(directive.trim(), lang).map_err(at)?,
            None => line.to_string(),
        };
        // What a directive writes holds names too (the entries, the equations in words).
        let expanded = constants(&expanded, lang).map_err(at)?;
        out.push_str(&expanded);
        out.push('\n');
    }
    Ok(out)
}

fn directive_text(directive: &str, lang: Lang) -> Result<String, String> {
    let (name, argument) = directive.split_once(' ').unwrap_or((directive, ""));
    match name {
        "params" => {
            let group = Group::ALL
                .into_iter()
                .find(|g| format!("{g:?}").eq_ignore_ascii_case(argument))
                .ok_or_else(|| format!("no group '{argument}'"))?;
            Ok(params_text(group, lang))
        }
        "figures" => Ok(figures_text(lang)),
        "equation" => equation_text(argument, lang),
        // For the maintainers and the test of citations only: a planner reads no code.
        "cite" => match argument.split_whitespace().count() {
            0 | 1 => Err("@cite without a file and a function".to_string()),
            _ => Ok(String::new()),
        },
        "table" => table_text(argument, lang),
        _ => Err(format!("unknown directive '@{name}'")),
    }
}

/// The entry text of a parameter: its own, or one waiting for its parameter to be merged.
pub(super) fn param_entry(key: &str, lang: Lang) -> Option<&'static str> {
    PARAM_ENTRIES
        .iter()
        .chain(AWAITING_PARAMS)
        .find(|(k, _, _)| *k == key)
        .map(|(_, zh, en)| lang.pick(zh, en))
}

/// The entry text of a figure.
pub(super) fn figure_entry(key: &str, lang: Lang) -> Option<&'static str> {
    FIGURE_ENTRIES
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, zh, en)| lang.pick(zh, en))
}

fn params_text(group: Group, lang: Lang) -> String {
    let mut out = String::new();
    for param in PARAMS.iter().filter(|p| p.group == group) {
        let kind = match param.kind {
            Kind::Assumption => lang.pick("起点或假设", "Starting point or assumption"),
            Kind::Lever => lang.pick("政策杠杆", "Policy lever"),
            Kind::Uncertainty => lang.pick("不确定性", "Uncertainty"),
        };
        let shape = match param.shape {
            Shape::Yearly => lang.pick("可逐年设置", "may differ by year"),
            Shape::Scalar => lang.pick("一个数值", "one number"),
        };
        let group_link = format!(
            "[{}](#{})",
            group_label(group, lang),
            swplan_plans::help::group_slug(group)
        );
        let meta = match lang {
            Lang::Zh => format!(
                "**{kind}** · {shape} · 单位：{} · 分组：{group_link}",
                unit_on_screen(param, lang),
            ),
            Lang::En => format!(
                "**{kind}** · {shape} · unit: {} · group: {group_link}",
                unit_on_screen(param, lang),
            ),
        };
        out.push_str(&format!(
            "<a id=\"param-{key}\"></a>\n\n#### {}\n\n{meta}\n\n{}\n\n",
            param_label(param.key, lang),
            param_entry(param.key, lang).unwrap_or_default(),
            key = param.key,
        ));
    }
    out
}

/// A parameter's unit as the app's field takes it: a rate in percent (the command line's
/// fractions are for `swplan help keys`).
fn unit_on_screen(param: &swplan_engine::params::Param, lang: Lang) -> String {
    match param.unit {
        Unit::Rate => lang.pick("百分数（%）", "percentage (%)").to_string(),
        _ => param_unit(param, lang),
    }
}

/// A figure's unit as the app shows it: a share in percent.
fn figure_unit_on_screen(metric: Metric, lang: Lang) -> &'static str {
    match metric.unit() {
        swplan_engine::FigureUnit::Share => lang.pick("百分数（%）", "percentage (%)"),
        _ => metric_unit(metric, lang),
    }
}

fn figures_text(lang: Lang) -> String {
    let mut out = String::new();
    for metric in Metric::READING_ORDER {
        let target = match metric.goal() {
            Some(Goal::AtLeast) => lang.pick("可设目标：至少达到", "a target: at least"),
            Some(Goal::AtMost) => {
                lang.pick("可设目标：不超过（上限）", "a target: at most (a ceiling)")
            }
            None => lang.pick("不能设为目标", "not a target"),
        };
        let unit = match lang {
            Lang::Zh => format!("单位：{}", figure_unit_on_screen(metric, lang)),
            Lang::En => format!("unit: {}", figure_unit_on_screen(metric, lang)),
        };
        out.push_str(&format!(
            "<a id=\"figure-{key}\"></a>\n\n### {}\n\n{unit} · {target}\n\n{}\n\n",
            metric_label(metric, lang),
            figure_entry(metric.key(), lang).unwrap_or_default(),
            key = metric.key(),
        ));
    }
    out
}

fn equation_text(id: &str, lang: Lang) -> Result<String, String> {
    let equation = equation(id).ok_or_else(|| format!("no equation '{id}'"))?;
    let words = match lang {
        Lang::Zh => equation.zh,
        Lang::En => equation.en,
    };
    let mut lines: Vec<&str> = words.to_vec();
    if !lines.is_empty() {
        lines.push("");
    }
    lines.extend(equation.lines);
    Ok(format!("```text\n{}\n```", lines.join("\n")))
}

/// Every function the manual cites in a language, as (file under `crates/engine/src/`,
/// function): the equations' and those of `@cite` lines, for the test that each exists.
pub fn citations(lang: Lang) -> Vec<(String, String)> {
    let (guide, model) = match lang {
        Lang::Zh => (GUIDE_ZH, MODEL_ZH),
        Lang::En => (GUIDE_EN, MODEL_EN),
    };
    let mut found = Vec::new();
    for line in guide.lines().chain(model.lines()) {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("@cite ") {
            let mut words = rest.split_whitespace();
            if let Some(file) = words.next() {
                found.extend(words.map(|f| (file.to_string(), f.to_string())));
            }
        }
        if let Some(id) = line.strip_prefix("@equation ") {
            if let Some(e) = equation(id.trim()) {
                found.extend(
                    e.functions
                        .iter()
                        .map(|f| (e.file.to_string(), f.to_string())),
                );
            }
        }
    }
    found
}

fn table_text(name: &str, lang: Lang) -> Result<String, String> {
    let rows: Vec<[String; 2]> = match name {
        "drivers" => Metric::targetable()
            .map(|metric| {
                let levers = drivers(metric);
                let cell = if levers.is_empty() {
                    lang.pick("无：这是上限，不靠加大杠杆来达成", "none: it is a ceiling, not reached by raising a lever").to_string()
                } else {
                    levers.iter().map(|k| param_link(k, lang)).collect::<Vec<_>>().join(lang.pick("、", ", "))
                };
                [figure_link(metric, lang), cell]
            })
            .collect(),
        "calibration" => [Metric::Talent, Metric::Stations, Metric::Rooms, Metric::Certified]
            .into_iter()
            .map(|metric| {
                let levers: Vec<String> = CalibrationLever::driving(metric)
                    .iter()
                    .map(|l| param_link(l.key(), lang))
                    .collect();
                [figure_link(metric, lang), levers.join(lang.pick("、", ", "))]
            })
            .collect(),
        "optimiser-levers" => OptimiserLever::ALL
            .into_iter()
            .map(|lever| {
                let cost = if lever == OptimiserLever::Hires {
                    lang.pick("模型预算中的费用，加每名新增人才的招聘培训费", "its cost in the model's budget, plus recruiting and training per new talent")
                } else if lever.is_candidates() {
                    lang.pick("模型预算中的持证奖补，加每名报考者的培训费", "the certificate subsidies in the model's budget, plus training per candidate")
                } else {
                    lang.pick("模型预算中的建设与运营费用（机构、示范站、岗位不计费用）", "building and running costs in the model's budget (institutions, demonstration stations and positions cost nothing there)")
                };
                [param_link(lever.key(), lang), cost.to_string()]
            })
            .collect(),
        "actual-figures" => ACTUAL_FIGURES
            .into_iter()
            .map(|metric| [figure_link(metric, lang), metric_unit(metric, lang).to_string()])
            .collect(),
        "bounds" => [Unit::People, Unit::Count, Unit::PerUnit, Unit::Yuan]
            .into_iter()
            .map(|unit| {
                let params: Vec<&str> = PARAMS
                    .iter()
                    .filter(|p| p.unit == unit)
                    .map(|p| param_label(p.key, lang))
                    .collect();
                [scientific(unit.max()), params.join(lang.pick("、", ", "))]
            })
            .chain(std::iter::once([
                scientific(MAX_BUDGET_CUMULATIVE),
                metric_label(Metric::BudgetCumulative, lang).to_string(),
            ]))
            .collect(),
        _ => return Err(format!("no table '{name}'")),
    };
    let head = match (name, lang) {
        ("drivers", Lang::Zh) => ["目标指标", "“需要多少”可求的杠杆（首选在前）"],
        ("drivers", Lang::En) => [
            "Target figure",
            "Levers \"what it takes\" solves for (the first is offered first)",
        ],
        ("calibration", Lang::Zh) => ["有实际值的指标", "可拟合的杠杆"],
        ("calibration", Lang::En) => ["Figure with actuals", "Levers it can fit"],
        ("optimiser-levers", Lang::Zh) => ["杠杆", "每单位的费用"],
        ("optimiser-levers", Lang::En) => ["Lever", "Cost of one unit"],
        ("actual-figures", Lang::Zh) => ["指标", "单位"],
        ("actual-figures", Lang::En) => ["Figure", "Unit"],
        (_, Lang::Zh) => ["上限", "适用的参数（及同类目标）"],
        (_, Lang::En) => [
            "Bound",
            "Parameters it applies to (and targets of the same kind)",
        ],
    };
    let mut out = format!("| {} | {} |\n| --- | --- |\n", head[0], head[1]);
    for [a, b] in rows {
        out.push_str(&format!("| {a} | {b} |\n"));
    }
    Ok(out)
}

fn param_link(key: &str, lang: Lang) -> String {
    format!("[{}](#param-{key})", param_label(key, lang))
}

fn figure_link(metric: Metric, lang: Lang) -> String {
    format!("[{}](#figure-{})", metric_label(metric, lang), metric.key())
}

/// `{{NAME}}` in a line replaced by the engine's constant of that name.
fn constants(line: &str, lang: Lang) -> Result<String, String> {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .ok_or_else(|| "'{{' without '}}'".to_string())?;
        out.push_str(&constant(&after[..end], lang)?);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

fn constant(name: &str, lang: Lang) -> Result<String, String> {
    let whole = |n: f64| format_whole(n, lang);
    Ok(match name {
        "runs_default" => whole(DEFAULT_RUNS as f64),
        "runs_min" => whole(RUNS_RANGE.0 as f64),
        "runs_max" => whole(RUNS_RANGE.1 as f64),
        "seed_default" => DEFAULT_SEED.to_string(),
        "draws_per_year" => DRAWS_PER_YEAR.to_string(),
        "max_horizon" => MAX_HORIZON_YEARS.to_string(),
        "model_version" => MODEL_VERSION.to_string(),
        "check_runs" => whole(CHECK_RUNS as f64),
        "beta" => scientific(DEFAULT_BETA),
        "max_scenarios" => whole(MAX_SCENARIOS as f64),
        "max_linearisations" => MAX_LINEARISATIONS.to_string(),
        "max_condition" => scientific(MAX_CONDITION),
        "default_swing" => format_percent(DEFAULT_SWING, lang),
        "rate_step" => format_percent(RATE_STEP, lang),
        "count_limit" => scientific(COUNT_LIMIT),
        "junior_share" => format_percent(DEFAULT_JUNIOR_SHARE, lang),
        // Two decimals: the senior share is 0.05 %, which one decimal would round to 0.1 %.
        "senior_share" => format!("{}%", trim_decimals(DEFAULT_SENIOR_SHARE * 100.0, 2)),
        "mid_share" => format!(
            "{}%",
            trim_decimals(
                (1.0 - DEFAULT_JUNIOR_SHARE - DEFAULT_SENIOR_SHARE) * 100.0,
                2
            )
        ),
        "sobol_points" => whole(SobolSettings::default().points as f64),
        "max_people" => scientific(MAX_PEOPLE),
        "max_count" => scientific(MAX_COUNT),
        "max_staff" => scientific(MAX_STAFF_PER_UNIT),
        "max_yuan" => scientific(MAX_YUAN),
        "max_budget_cumulative" => scientific(MAX_BUDGET_CUMULATIVE),
        _ => {
            if let Some(group) = Group::ALL
                .into_iter()
                .find(|g| format!("group_{g:?}").eq_ignore_ascii_case(name))
            {
                return Ok(group_label(group, lang).to_string());
            }
            return name_of(name, lang).ok_or_else(|| format!("no constant '{name}'"));
        }
    })
}

/// A setting's, figure's or group's name as the screen shows it, alone or as a link to its
/// entry: `param:KEY`, `label:KEY`, `figure:KEY`, `figure-label:KEY`, `group:NAME`.
fn name_of(name: &str, lang: Lang) -> Option<String> {
    let (kind, key) = name.split_once(':')?;
    let param = || PARAMS.iter().find(|p| p.key == key).map(|p| p.key);
    let metric = || Metric::from_key(key);
    Some(match kind {
        "param" => param_link(param()?, lang),
        "label" => param_label(param()?, lang).to_string(),
        "figure" => figure_link(metric()?, lang),
        "figure-label" => metric_label(metric()?, lang).to_string(),
        "group" => {
            let group = Group::ALL
                .into_iter()
                .find(|g| format!("{g:?}").eq_ignore_ascii_case(key))?;
            format!(
                "[{}](#{})",
                group_label(group, lang),
                swplan_plans::help::group_slug(group)
            )
        }
        _ => return None,
    })
}

/// A number as a power of ten, with a mantissa when it is not one: 10⁷, 1.5 × 10⁹, 10⁻⁶; the
/// spaces do not break, so a narrow column or a printed page keeps the number on one line.
pub(super) fn scientific(value: f64) -> String {
    if value == 0.0 || !value.is_finite() {
        return value.to_string();
    }
    let mut exponent = value.abs().log10().floor() as i32;
    let mut mantissa = value / 10f64.powi(exponent);
    // 9.999… from rounding is the next power.
    if (mantissa - 10.0).abs() < 1e-9 {
        mantissa = 1.0;
        exponent += 1;
    }
    let mantissa = (mantissa * 100.0).round() / 100.0;
    let power = format!("10{}", superscript(exponent));
    if (mantissa - 1.0).abs() < 1e-12 {
        power
    } else {
        format!("{mantissa}\u{a0}×\u{a0}{power}")
    }
}

fn superscript(n: i32) -> String {
    let digits = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut out = String::new();
    if n < 0 {
        out.push('⁻');
    }
    for c in n.unsigned_abs().to_string().chars() {
        out.push(digits[c.to_digit(10).unwrap_or(0) as usize]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powers_of_ten_read_as_people_write_them() {
        assert_eq!(scientific(1e7), "10⁷");
        assert_eq!(scientific(1.5e9), "1.5\u{a0}×\u{a0}10⁹");
        assert_eq!(scientific(1e-6), "10⁻⁶");
        assert_eq!(scientific(9e14), "9\u{a0}×\u{a0}10¹⁴");
    }

    #[test]
    fn constants_are_put_in_place_and_unknown_ones_refused() {
        assert_eq!(
            constants("{{runs_default}} runs from seed {{seed_default}}", Lang::En).unwrap(),
            format!("1,000 runs from seed {DEFAULT_SEED}")
        );
        assert!(constants("{{nonsense}}", Lang::En).is_err());
        assert!(directive_text("nonsense", Lang::En).is_err());
    }
}
