//! Sentences for users about what the model reports as data: validation problems, warnings,
//! "what it takes" answers, and refused `--set` assignments. The model never writes a sentence;
//! it returns codes and numbers, and this module words them in both languages.

use super::format::{
    format_count, format_percent, format_whole, format_yuan, format_yuan_in, trim_decimals,
    YuanScale,
};
use super::labels::{metric_label, param_label};
use super::Lang;
use swplan_engine::asof::AsOf;
use swplan_engine::params::{SetError, Unit};
use swplan_engine::plausibility::{Basis, Concern, Doubt};
use swplan_engine::scenario::{
    FIRST_MODEL_VERSION, MAX_HORIZON_YEARS, MODEL_VERSION, SCHEMA_VERSION,
};
use swplan_engine::schedule::Schedule;
use swplan_engine::seek::{seekable_levers, Answer, Infeasible, SeekError};
use swplan_engine::validate::{
    Field, Problem, TargetPart, ValidationError, ValidationErrors, YEAR_RANGE,
};
use swplan_engine::{FigureUnit, Metric, Verdict, Warning, WarningCode};
use swplan_plans::compute::Refusal;

/// A field as a planner would name it, e.g. "每年新增人才（2023年）".
pub fn field_label(field: &Field, lang: Lang) -> String {
    match (field, lang) {
        (Field::Schema, Lang::Zh) => "方案版本".into(),
        (Field::Schema, Lang::En) => "Scenario version".into(),
        (Field::Model, Lang::Zh) => "计算口径".into(),
        (Field::Model, Lang::En) => "Model reading".into(),
        (Field::BaseYear, Lang::Zh) => "基准年".into(),
        (Field::BaseYear, Lang::En) => "Base year".into(),
        (Field::EndYear, Lang::Zh) => "规划末年".into(),
        (Field::EndYear, Lang::En) => "Last year".into(),
        (Field::Param { key, year }, _) => {
            let name = param_label(key, lang);
            match (year, lang) {
                (None, _) => name.to_string(),
                (Some(y), Lang::Zh) => format!("{name}（{y}年）"),
                (Some(y), Lang::En) => format!("{name} ({y})"),
            }
        }
        (
            Field::Target {
                index,
                metric,
                part,
            },
            Lang::Zh,
        ) => format!(
            "目标{}（{}）的{}",
            index + 1,
            metric_label(*metric, lang),
            match part {
                TargetPart::Threshold => "目标值",
                TargetPart::Deadline => "截止年份",
            }
        ),
        (
            Field::Target {
                index,
                metric,
                part,
            },
            Lang::En,
        ) => format!(
            "{} of target {} ({})",
            match part {
                TargetPart::Threshold => "Threshold",
                TargetPart::Deadline => "Deadline",
            },
            index + 1,
            metric_label(*metric, lang)
        ),
    }
}

/// What is wrong, e.g. "不能为负数".
pub fn problem_text(problem: &Problem, lang: Lang) -> String {
    let ceiling_label = |key: &'static str| param_label(key, lang);
    match (problem, lang) {
        (Problem::NotANumber, Lang::Zh) => "必须是有限数字".into(),
        (Problem::NotANumber, Lang::En) => "must be a finite number".into(),
        (Problem::Negative, Lang::Zh) => "不能为负数".into(),
        (Problem::Negative, Lang::En) => "cannot be negative".into(),
        (Problem::NotAFraction, Lang::Zh) => "必须在 0% 到 100% 之间".into(),
        (Problem::NotAFraction, Lang::En) => "must be between 0% and 100%".into(),
        (Problem::GrowthOutOfRange, Lang::Zh) => "年增长率必须在 -100% 到 +100% 之间".into(),
        (Problem::GrowthOutOfRange, Lang::En) => {
            "yearly growth must be between -100% and +100%".into()
        }
        (Problem::EmptySchedule, Lang::Zh) => "逐年数值不能为空".into(),
        (Problem::EmptySchedule, Lang::En) => "the yearly list cannot be empty".into(),
        (Problem::AtLeastOne, Lang::Zh) => "至少为 1".into(),
        (Problem::AtLeastOne, Lang::En) => "must be at least 1".into(),
        (Problem::UnknownModel { found }, Lang::Zh) => format!(
            "第 {found} 版计算口径来自更新的版本，本应用只认得第 {FIRST_MODEL_VERSION}–{MODEL_VERSION} 版"
        ),
        (Problem::UnknownModel { found }, Lang::En) => format!(
            "model reading {found} comes from a newer app; this one knows readings {FIRST_MODEL_VERSION}–{MODEL_VERSION}"
        ),
        (Problem::UnsupportedSchema { found }, Lang::Zh) => {
            format!("版本 {found} 不受支持（当前版本 {SCHEMA_VERSION}）")
        }
        (Problem::UnsupportedSchema { found }, Lang::En) => {
            format!("version {found} is not supported (current version {SCHEMA_VERSION})")
        }
        (Problem::YearOutOfRange, Lang::Zh) => {
            format!("必须在 {} 到 {} 年之间", YEAR_RANGE.0, YEAR_RANGE.1)
        }
        (Problem::YearOutOfRange, Lang::En) => {
            format!("must be between {} and {}", YEAR_RANGE.0, YEAR_RANGE.1)
        }
        (Problem::EndNotAfterBase, Lang::Zh) => "必须晚于基准年".into(),
        (Problem::EndNotAfterBase, Lang::En) => "must be after the base year".into(),
        (Problem::HorizonTooLong { years }, Lang::Zh) => {
            format!("规划期 {years} 年过长，最多 {MAX_HORIZON_YEARS} 年")
        }
        (Problem::HorizonTooLong { years }, Lang::En) => {
            format!("a horizon of {years} years is too long; at most {MAX_HORIZON_YEARS}")
        }
        (
            Problem::DeadlineOutsideTable {
                base_year,
                end_year,
            },
            Lang::Zh,
        ) => format!("必须在基准年 {base_year} 与规划末年 {end_year} 之间"),
        (
            Problem::DeadlineOutsideTable {
                base_year,
                end_year,
            },
            Lang::En,
        ) => format!("must lie between the base year {base_year} and the last year {end_year}"),
        (Problem::NotATargetMetric, Lang::Zh) => "该指标不能设为目标".into(),
        (Problem::NotATargetMetric, Lang::En) => "this figure cannot be a target".into(),
        (Problem::AboveCeiling { ceiling }, Lang::Zh) => {
            format!("不能超过{}", ceiling_label(ceiling))
        }
        (Problem::AboveCeiling { ceiling }, Lang::En) => {
            format!("cannot exceed {}", ceiling_label(ceiling).to_lowercase())
        }
        (Problem::AboveBound { bound, unit }, Lang::Zh) => {
            format!("不能超过{}", bound_amount(*bound, *unit, lang))
        }
        (Problem::AboveBound { bound, unit }, Lang::En) => {
            format!("cannot exceed {}", bound_amount(*bound, *unit, lang))
        }
        (Problem::ScheduleTooLong { values }, Lang::Zh) => format!(
            "逐年数值有 {values} 个，最多 {MAX_HORIZON_YEARS} 个（规划期最长 {MAX_HORIZON_YEARS} 年）"
        ),
        (Problem::ScheduleTooLong { values }, Lang::En) => format!(
            "the yearly list has {values} values; at most {MAX_HORIZON_YEARS} (the longest horizon)"
        ),
        (Problem::SharesAboveWhole, Lang::Zh) => {
            "初级与高级所占比例合计不能超过 100%（其余为中级）".into()
        }
        (Problem::SharesAboveWhole, Lang::En) => {
            "the junior and senior shares cannot add up to more than 100% (the rest is mid-level)"
                .into()
        }
        (Problem::NotFromTotal, Lang::Zh) => {
            "与持证社工总数按级别比例推算的人数不一致（请改总数或比例，或改为按级别分别填写）".into()
        }
        (Problem::NotFromTotal, Lang::En) => {
            "does not match the certified total split by its shares (change the total or the shares, or enter each level instead)"
                .into()
        }
    }
}

/// A hard bound with what it counts, in the reader's number format: "15亿人", "1000万个",
/// "30万亿元" in Chinese (a bound is a round number, so 万亿 where the table would write
/// 300000亿); "1,500,000,000 people", "30,000,000,000,000 yuan" in English.
fn bound_amount(bound: f64, unit: Unit, lang: Lang) -> String {
    if unit == Unit::Rate {
        return format_percent(bound, lang);
    }
    let number = match lang {
        Lang::Zh if bound >= 1e12 => format!("{}万亿", trim_decimals(bound / 1e12, 2)),
        Lang::Zh => format_count(bound, lang),
        Lang::En => format_whole(bound, lang),
    };
    match (super::strings::unit_label(unit, lang), lang) {
        ("", _) => number,
        (label, Lang::Zh) => format!("{number}{label}"),
        (label, Lang::En) => format!("{number} {label}"),
    }
}

/// The full sentence for users, e.g. "每年新增人才（2023年）：不能为负数".
pub fn validation_message(error: &ValidationError, lang: Lang) -> String {
    let (field, problem) = (
        field_label(&error.field, lang),
        problem_text(&error.problem, lang),
    );
    match lang {
        Lang::Zh => format!("{field}：{problem}"),
        Lang::En => format!("{field}: {problem}"),
    }
}

/// Every error of a scenario, one per line.
pub fn validation_messages(errors: &ValidationErrors, lang: Lang) -> String {
    errors
        .0
        .iter()
        .map(|e| validation_message(e, lang))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Why a `--set key=value` was refused.
pub fn set_error_message(error: &SetError, lang: Lang) -> String {
    match (error, lang) {
        (SetError::UnknownKey { key, suggestion }, Lang::Zh) => match suggestion {
            Some(s) => format!("未知参数“{key}”。是否想输入“{s}”？"),
            None => format!("未知参数“{key}”。"),
        },
        (SetError::UnknownKey { key, suggestion }, Lang::En) => match suggestion {
            Some(s) => format!("Unknown parameter '{key}'. Did you mean '{s}'?"),
            None => format!("Unknown parameter '{key}'."),
        },
        (SetError::NotANumber { key, text }, Lang::Zh) => {
            format!("参数“{key}”的值“{text}”不是数字。")
        }
        (SetError::NotANumber { key, text }, Lang::En) => {
            format!("The value '{text}' for '{key}' is not a number.")
        }
    }
}

/// A model warning as a sentence, e.g. "2023–2025年：人才总量不足以配齐社工站（室）所需社工。"
pub fn warning_message(warning: &Warning, lang: Lang) -> String {
    let (first, last) = (warning.first_year, warning.last_year);
    let years = match (first == last, lang) {
        (true, Lang::Zh) => format!("{first}年"),
        (true, Lang::En) => format!("In {first}"),
        (false, Lang::Zh) => format!("{first}–{last}年"),
        (false, Lang::En) => format!("In {first}–{last}"),
    };
    let what = match (warning.code, lang) {
        (WarningCode::Understaffed, Lang::Zh) => "人才总量不足以配齐社工站（室）所需社工",
        (WarningCode::Understaffed, Lang::En) => {
            "talent is too small to staff the stations and rooms"
        }
        (WarningCode::CertificationCapped, Lang::Zh) => {
            "通过考试人数超过未持证人才，新增持证人数按人才总量封顶"
        }
        (WarningCode::CertificationCapped, Lang::En) => {
            "more people passed than there is uncertified talent; new certificates were capped"
        }
        (WarningCode::SeniorCapped, Lang::Zh) => {
            "高级通过人数超过现有社会工作师，晋升按社会工作师人数封顶"
        }
        (WarningCode::SeniorCapped, Lang::En) => {
            "more senior passes than mid-level holders to promote; promotions were capped"
        }
    };
    match lang {
        Lang::Zh => format!("{years}：{what}。"),
        Lang::En => format!("{years}, {what}."),
    }
}

/// A value of a figure as planners read it: counts, percentages or money.
pub fn metric_value(metric: Metric, value: f64, lang: Lang) -> String {
    match metric.unit() {
        FigureUnit::Count => format_count(value, lang),
        FigureUnit::Share => format_percent(value, lang),
        FigureUnit::Yuan => format_yuan(value, lang),
    }
}

/// A value of a figure in the unit its `reference` is shown in by [`metric_value`]: an actual
/// beside its plan ("0.98万" beside "1.02万"; "2516万元" beside "0.35亿元" is "0.25亿元"), so a
/// column of actuals reads as the plan's column beside it.
pub fn metric_value_as(metric: Metric, value: f64, reference: f64, lang: Lang) -> String {
    match metric.unit() {
        FigureUnit::Count => super::format::format_count_as(value, reference, 2, lang),
        FigureUnit::Share => format_percent(value, lang),
        FigureUnit::Yuan => format_yuan_in(value, YuanScale::for_largest(reference, lang), lang),
    }
}

/// A figure's value in a year after its target's deadline: "2030年：15.69万" / "2030: 156,900".
pub fn metric_value_in_year(now: &AsOf, lang: Lang) -> String {
    let value = metric_value(now.metric, now.value, lang);
    match lang {
        Lang::Zh => format!("{}年：{value}", now.year),
        Lang::En => format!("{}: {value}", now.year),
    }
}

/// A value of a figure in a column whose largest amount is `largest`: money in the column's
/// one unit (never "5000万元" above "1.2亿元"), anything else as [`metric_value`].
pub fn metric_value_in_column(metric: Metric, value: f64, largest: f64, lang: Lang) -> String {
    match metric.unit() {
        FigureUnit::Yuan => format_yuan_in(value, YuanScale::for_largest(largest, lang), lang),
        // Whole numbers down a column: "9082" above "10683", not "9082" above "1.07万".
        FigureUnit::Count if lang == Lang::Zh && value.is_finite() => {
            format!("{}", value.round() as i64)
        }
        _ => metric_value(metric, value, lang),
    }
}

/// A station or room target's schedule against what it builds: "2025年底前共安排1000个，
/// 按预期建成约950个（假设85%当年建成，其余顺延一年）。还差约50个：提前一年安排即可；
/// 在2025年当年安排，需多安排约59个。"
pub fn schedule_sentence(schedule: &Schedule, metric: Metric, deadline: i32, lang: Lang) -> String {
    let count = |v: f64| metric_amount(count_of(metric), v.round(), lang);
    let completion = format_percent(schedule.completion, lang);
    let built = match lang {
        Lang::Zh => format!(
            "{deadline}年底前共安排{}，按预期建成约{}（假设{completion}当年建成，其余顺延一年）。",
            count(schedule.scheduled),
            count(schedule.built)
        ),
        Lang::En => format!(
            "{} scheduled by the end of {deadline}; about {} built as expected (assumed {completion} finished in their year, the rest a year later).",
            count(schedule.scheduled),
            count(schedule.built)
        ),
    };
    if schedule.short <= 0.0 {
        return built;
    }
    let short = count(schedule.short.ceil());
    let extra = count(schedule.extra_in_deadline_year.ceil());
    match lang {
        Lang::Zh => format!(
            "{built}还差约{short}：提前一年安排即可建成；在{deadline}年当年安排，需多安排约{extra}。"
        ),
        Lang::En => format!(
            "{built} About {short} short: scheduled a year earlier, that many are enough; scheduled in {deadline} itself, about {extra} more are needed."
        ),
    }
}

/// The count figure a coverage target's schedule is counted in (stations or rooms).
fn count_of(metric: Metric) -> Metric {
    match metric {
        Metric::StationCoverage => Metric::Stations,
        Metric::RoomCoverage => Metric::Rooms,
        other => other,
    }
}

/// A target card's terms: "2025年底 ≥ 14万人", or the ceiling form for a budget.
pub fn target_terms(verdict: &Verdict, ceiling: bool, lang: Lang) -> String {
    let threshold = metric_amount(verdict.metric, verdict.threshold, lang);
    if ceiling {
        super::strings::ceiling_by_deadline(&threshold, verdict.deadline, lang)
    } else {
        super::strings::threshold_by_deadline(&threshold, verdict.deadline, lang)
    }
}

/// A target card's difference: the margin of a target met, how far a ceiling is overrun, or
/// the gap; its label and amount.
pub fn target_difference(verdict: &Verdict, ceiling: bool, lang: Lang) -> (&'static str, String) {
    use super::strings::tr;
    let difference = |v: f64| metric_difference(verdict.metric, v, lang);
    if verdict.met {
        let margin = (verdict.value_at_deadline - verdict.threshold).abs();
        // Full coverage cannot be exceeded, and a margin that would read "0" is none to speak
        // of: neither is a number of points or people to show in green.
        let full_coverage = verdict.metric.unit() == FigureUnit::Share && verdict.threshold >= 1.0;
        let nil = match verdict.metric.unit() {
            FigureUnit::Share => margin < 0.0005,
            FigureUnit::Count | FigureUnit::Yuan => margin < 0.5,
        };
        if full_coverage {
            return (
                tr!(lang, margin),
                lang.pick("已全覆盖", "full coverage").into(),
            );
        }
        if nil {
            return (
                tr!(lang, margin),
                lang.pick("刚好达到", "just reached").into(),
            );
        }
        (tr!(lang, margin), difference(margin))
    } else if ceiling {
        (tr!(lang, over_ceiling), difference(verdict.gap))
    } else {
        (tr!(lang, gap), difference(verdict.gap))
    }
}

/// A value of a figure with what it counts, where a bare number could be misread (a gap of
/// "2017" reads as a year): "2017人", "300个"; English groups digits ("2,017"), so only people
/// are named there.
pub fn metric_amount(metric: Metric, value: f64, lang: Lang) -> String {
    let shown = metric_value(metric, value, lang);
    if metric.unit() != FigureUnit::Count || shown == "—" {
        return shown;
    }
    match (lang, metric.counts_people()) {
        (Lang::Zh, true) => format!("{shown}人"),
        (Lang::Zh, false) => format!("{shown}个"),
        (Lang::En, true) => super::format::quantity(&shown, "people", lang),
        (Lang::En, false) => shown,
    }
}

/// A difference between a figure and its target (a gap or a margin): as [`metric_amount`], but
/// a difference of shares is in percentage points ("15.8个百分点"), not a percentage.
pub fn metric_difference(metric: Metric, value: f64, lang: Lang) -> String {
    if metric.unit() != FigureUnit::Share || !value.is_finite() {
        return metric_amount(metric, value, lang);
    }
    let points = super::format::trim_decimals(value * 100.0, 1);
    match lang {
        Lang::Zh => format!("{points}个百分点"),
        Lang::En if points == "1" => "1 percentage point".to_string(),
        Lang::En => format!("{points} percentage points"),
    }
}

/// A lever value as the "what it takes" answer shows it: exact counts with their unit, rates as
/// percentages.
pub fn lever_value(lever: &str, value: f64, lang: Lang) -> String {
    let Some(param) = swplan_engine::params::param(lever) else {
        return super::format::format_whole(value, lang);
    };
    match param.unit {
        Unit::Rate => format_percent(value, lang),
        Unit::Yuan => format_yuan(value, lang),
        _ => {
            let whole = super::format::format_whole(value, lang);
            match (super::strings::param_unit(param, lang), lang) {
                (label, _) if label.is_empty() => whole,
                (label, Lang::Zh) => format!("{whole}{label}"),
                (label, Lang::En) => super::format::quantity(&whole, &label, lang),
            }
        }
    }
}

/// A caution when the answer asks for several times the lever's current value (a pass rate
/// from 20% to 86%): the value meets the target in the model, but can it be done?
pub fn seek_stretch_note(answer: &Answer, lang: Lang) -> Option<String> {
    let value = answer.value?;
    let times = value / answer.current;
    (answer.current > 0.0 && times >= 2.0).then(|| {
        let times = super::format::trim_decimals(times, 1);
        match lang {
            Lang::Zh => format!("这是当前值的{times}倍：模型中能达成，请判断现实中能否做到。"),
            Lang::En => format!(
                "That is {times} times the current value: it meets the target in the model; judge whether it can be done."
            ),
        }
    })
}

/// The outcome of "what it takes" for a lever whose plan varies by year. The answer is a value
/// for every year alike, which a first-year value cannot be weighed against: a target the
/// schedule meets as planned is said to be met, with what the same-every-year value would be.
pub fn seek_schedule_sentence(answer: &Answer, met_as_planned: bool, lang: Lang) -> String {
    let Some(value) = answer.value else {
        return seek_outcome_sentence(answer, lang);
    };
    let lever = param_label(answer.lever, lang);
    let (needed, first) = (
        lever_value(answer.lever, value, lang),
        lever_value(answer.lever, answer.current, lang),
    );
    match (answer.confidence, met_as_planned, lang) {
        (None, true, Lang::Zh) => format!(
            "按逐年计划已达成。若改为每年相同，{lever}至少需 {needed}（逐年计划首年为 {first}）。"
        ),
        (None, true, Lang::En) => format!(
            "Met as planned with the yearly schedule. The same every year, {} would need at least {needed} (the schedule starts at {first}).",
            lever.to_lowercase()
        ),
        // A condition, not a claim: the plan as it stands may not meet the target at all.
        (confidence, _, Lang::Zh) => {
            let then = confidence.map_or_else(
                || "才能按计划达成".to_string(),
                |c| format!("才有{}的把握按期达成", format_percent(c, lang)),
            );
            format!("若改为每年相同，{lever}需 ≥ {needed}，{then}（目前逐年不同，首年 {first}）。")
        }
        (confidence, _, Lang::En) => {
            let then = confidence.map_or_else(
                || "to meet it as planned".to_string(),
                |c| format!("to meet it with {} confidence", format_percent(c, lang)),
            );
            format!(
                "If it were the same every year, {} would need to be at least {needed} {then} (the schedule now varies, starting at {first}).",
                lever.to_lowercase()
            )
        }
    }
}

/// The outcome of "what it takes": the value needed, or — when the target is met already at
/// the current value — that it is met and how far the lever could fall.
pub fn seek_outcome_sentence(answer: &Answer, lang: Lang) -> String {
    match answer.value {
        Some(value) if value <= answer.current => {
            let lever = param_label(answer.lever, lang);
            let shown = |v: f64| lever_value(answer.lever, v, lang);
            let how = match (answer.confidence, lang) {
                (Some(c), Lang::Zh) => format!("以{}的把握", format_percent(c, lang)),
                (Some(c), Lang::En) => format!(" with {} confidence", format_percent(c, lang)),
                (None, Lang::Zh) => "按计划".to_string(),
                (None, Lang::En) => " as planned".to_string(),
            };
            match lang {
                Lang::Zh if value == 0.0 => format!(
                    "{how}已达成，且不取决于{lever}：即使降为 0 也能达成（当前 {}）。",
                    shown(answer.current)
                ),
                Lang::Zh => format!(
                    "{how}已达成。{lever}最低可降至 {}，仍能按期达成（当前 {}）。",
                    shown(value),
                    shown(answer.current)
                ),
                Lang::En if value == 0.0 => format!(
                    "Already met{how}, whatever the {}: even 0 meets it (now {}).",
                    lever.to_lowercase(),
                    shown(answer.current)
                ),
                Lang::En => format!(
                    "Already met{how}. {lever} could fall to {} and still meet it on time (now {}).",
                    shown(value),
                    shown(answer.current)
                ),
            }
        }
        _ => seek_sentence(answer, lang),
    }
}

/// A caution beside a valid but doubtful value.
pub fn concern_message(concern: &Concern, lang: Lang) -> String {
    let year = match (concern.year, lang) {
        (Some(y), Lang::Zh) => format!("{y}年："),
        (Some(y), Lang::En) => format!("{y}: "),
        (None, _) => String::new(),
    };
    let unit = swplan_engine::params::param(concern.key).map_or(Unit::Count, |p| p.unit);
    // A preset's value is sourced; a new region's reference is the template's planning value.
    let basis = match (concern.basis, lang) {
        (Basis::Preset, Lang::Zh) => "预设值",
        (Basis::Preset, Lang::En) => "the preset value",
        (Basis::NewRegion, Lang::Zh) => "新建地区模板的参考值",
        (Basis::NewRegion, Lang::En) => "the new-region template's planning value",
    };
    let what = match (concern.doubt, lang) {
        (Doubt::Fractional, Lang::Zh) => "人数或个数带小数，请确认".to_string(),
        (Doubt::Fractional, Lang::En) => "a fraction of a person or unit; please check".to_string(),
        (Doubt::ExceedsTalent { talent }, Lang::Zh) => format!(
            "每年人数超过起点人才总量（{}），请确认",
            format_count(talent, lang)
        ),
        (Doubt::ExceedsTalent { talent }, Lang::En) => format!(
            "more each year than the whole talent stock at the start ({}); please check",
            format_count(talent, lang)
        ),
        (Doubt::LargeShareOfTalent { talent, share }, Lang::Zh) => format!(
            "每年新增约为起点人才总量（{}）的 {}，一年增长过半，请确认",
            format_count(talent, lang),
            format_percent(share, lang)
        ),
        (Doubt::LargeShareOfTalent { talent, share }, Lang::En) => format!(
            "about {} of the talent at the start ({}) each year, growth by half or more in a year; please check",
            format_percent(share, lang),
            format_count(talent, lang)
        ),
        (Doubt::MoreThanRegion { of, count }, Lang::Zh) => format!(
            "多于本地区的{}（{}），请确认",
            param_label(of, lang),
            format_count(count, lang)
        ),
        (Doubt::MoreThanRegion { of, count }, Lang::En) => format!(
            "more than the region's {} ({}); please check",
            param_label(of, lang).to_lowercase(),
            format_count(count, lang)
        ),
        (Doubt::FewerThanRegion { of, count }, Lang::Zh) => format!(
            "少于本地区的{}（{}），而每个乡镇（街道）通常下辖多个村（社区），请确认",
            param_label(of, lang),
            format_count(count, lang)
        ),
        (Doubt::FewerThanRegion { of, count }, Lang::En) => format!(
            "fewer than the region's {} ({}), though each usually has several; please check",
            param_label(of, lang).to_lowercase(),
            format_count(count, lang)
        ),
        (Doubt::FarAboveReference { reference, times }, Lang::Zh) => format!(
            "约为{basis}（{}）的 {} 倍，远超常见范围，请确认",
            reference_text(unit, reference, lang),
            times.round()
        ),
        (Doubt::FarAboveReference { reference, times }, Lang::En) => format!(
            "about {} times {basis} ({}), far outside the usual range; please check",
            times.round(),
            reference_text(unit, reference, lang)
        ),
        (Doubt::FarBelowReference { reference, .. }, Lang::Zh) => format!(
            "不到{basis}（{}）的十分之一；此处单位是元，如 19万元 请输入 190000 或 19万，请确认",
            reference_text(unit, reference, lang)
        ),
        (Doubt::FarBelowReference { reference, .. }, Lang::En) => format!(
            "less than a tenth of {basis} ({}); this field is in yuan (type 190000 for 190,000), please check",
            reference_text(unit, reference, lang)
        ),
        (Doubt::RateTypedAsFraction { reference }, Lang::Zh) => format!(
            "不到 1%，远低于{basis} {}；此处填百分数，如 30% 请输入 30 而不是 0.3，请确认",
            format_percent(reference, lang)
        ),
        (Doubt::RateTypedAsFraction { reference }, Lang::En) => format!(
            "under 1%, far below {basis} of {}; this field takes percentages (type 30 for 30%, not 0.3); please check",
            format_percent(reference, lang)
        ),
    };
    match lang {
        Lang::Zh => format!("注意：{year}{what}。"),
        Lang::En => format!("Note: {year}{what}."),
    }
}

fn reference_text(unit: Unit, value: f64, lang: Lang) -> String {
    match unit {
        Unit::Yuan => format_yuan(value, lang),
        _ => format_count(value, lang),
    }
}

/// Why "what it takes" cannot be asked.
pub fn seek_error_message(error: &SeekError, lang: Lang) -> String {
    match (error, lang) {
        (SeekError::NotALever(key), Lang::Zh) => format!(
            "“{key}”不是可求解的逐年政策杠杆。可选：{}",
            seekable_levers().join("、")
        ),
        (SeekError::NotALever(key), Lang::En) => format!(
            "'{key}' is not a yearly policy lever that can be solved for. Choose one of: {}",
            seekable_levers().join(", ")
        ),
        (SeekError::NotADriver { lever, metric }, _) => not_a_driver(lever, *metric, lang),
        (SeekError::Ceiling(metric), Lang::Zh) => format!(
            "{}是上限目标：需要控制支出，而不是提高某个杠杆。",
            metric_label(*metric, lang)
        ),
        (SeekError::Ceiling(metric), Lang::En) => format!(
            "{} is a ceiling: it is kept by spending less, not by raising a lever.",
            metric_label(*metric, lang)
        ),
        (SeekError::Invalid(errors), _) => validation_messages(errors, lang),
    }
}

/// A lever that does not move a figure: "每年新增人才不影响村（社区）社工室的数量。能推动它的杠杆：每年新建社工室".
fn not_a_driver(lever: &str, metric: Metric, lang: Lang) -> String {
    let drivers: Vec<&str> = swplan_engine::seek::drivers(metric)
        .iter()
        .map(|key| param_label(key, lang))
        .collect();
    let (lever, figure) = (param_label(lever, lang), metric_label(metric, lang));
    match (lang, drivers.is_empty()) {
        (Lang::Zh, false) => format!(
            "{lever}不影响{figure}。能推动它的杠杆：{}",
            drivers.join("、")
        ),
        (Lang::Zh, true) => format!("{lever}不影响{figure}，也没有杠杆能直接推动它。"),
        (Lang::En, false) => format!(
            "{lever} does not move {figure}. The levers that do: {}",
            drivers.join(", ")
        ),
        (Lang::En, true) => {
            format!("{lever} does not move {figure}, and no lever moves it directly.")
        }
    }
}

/// Why a background job could not start, for the planner: the page checks these before it
/// asks, so this is said only should a check and the job disagree.
pub fn refusal_message(refusal: &Refusal, lang: Lang) -> String {
    match refusal {
        Refusal::NotALever(key) => seek_error_message(&SeekError::NotALever(key.clone()), lang),
        Refusal::NotADriver { lever, metric } => not_a_driver(lever, *metric, lang),
        Refusal::Ceiling(metric) => seek_error_message(&SeekError::Ceiling(*metric), lang),
        Refusal::InvalidScenario => lang
            .pick(
                "方案中有无效数值，无法计算。请先改正标出的输入。",
                "The plan has invalid values and cannot be computed. Correct the marked inputs first.",
            )
            .to_string(),
    }
}

/// The answer in a sentence, e.g. "要在2025年底使社会工作人才总量达到14万，每年新增人才需 ≥ 1.979万（当前 1.2万）。"
pub fn seek_sentence(answer: &Answer, lang: Lang) -> String {
    let lever_name = param_label(answer.lever, lang);
    let shown = |v: f64| lever_value(answer.lever, v, lang);
    let threshold = metric_value(answer.target, answer.threshold, lang);
    let metric_name = metric_label(answer.target, lang);
    let goal = match lang {
        Lang::Zh => format!("要在{}年底使{metric_name}达到{threshold}", answer.deadline),
        Lang::En => format!(
            "To reach {threshold} {} by end-{}",
            metric_name.to_lowercase(),
            answer.deadline
        ),
    };
    let odds = match (answer.confidence, lang) {
        (Some(c), Lang::Zh) => format!("（把握 {}）", format_percent(c, lang)),
        (Some(c), Lang::En) => format!(" with {} confidence", format_percent(c, lang)),
        (None, _) => String::new(),
    };
    match (answer.value, lang) {
        (Some(v), Lang::Zh) => format!(
            "{goal}{odds}，{lever_name}需 ≥ {}（当前 {}）。",
            shown(v),
            shown(answer.current)
        ),
        (Some(v), Lang::En) => format!(
            "{goal}{odds}, {} must be at least {} (now {}).",
            lever_name.to_lowercase(),
            shown(v),
            shown(answer.current)
        ),
        (None, lang) => {
            let why = match (answer.reason, lang) {
                (Some(Infeasible::DeadlineAtBaseYear), Lang::Zh) => {
                    "截止年份就是基准年，之后的任何调整都来不及。"
                }
                (Some(Infeasible::DeadlineAtBaseYear), Lang::En) => {
                    "the deadline is the base year, so no change from now on can count."
                }
                (Some(Infeasible::RateWouldExceedFull), Lang::Zh) => {
                    "即使通过率达到100%也不够，需要同时调整其他杠杆。"
                }
                (Some(Infeasible::RateWouldExceedFull), Lang::En) => {
                    "even a 100% rate is not enough; other levers must move too."
                }
                (_, Lang::Zh) => {
                    "该杠杆无论取多大都无法达到目标（它不影响该指标，或目标超出上限）。"
                }
                (_, Lang::En) => {
                    "no value of this lever reaches the target (it does not drive this figure, or the target lies beyond a ceiling)."
                }
            };
            match lang {
                Lang::Zh => format!("{goal}{odds}：仅靠{lever_name}无法实现——{why}"),
                Lang::En => format!(
                    "{goal}{odds}, {} alone cannot do it: {why}",
                    lever_name.to_lowercase()
                ),
            }
        }
    }
}

#[cfg(test)]
mod schedule_tests {
    use super::*;

    #[test]
    fn a_schedule_says_what_stands_and_what_more_to_schedule() {
        let schedule = Schedule {
            scheduled: 1000.0,
            built: 950.05,
            completion: 0.85,
            short: 49.95,
            extra_in_deadline_year: 58.76,
        };
        let zh = schedule_sentence(&schedule, Metric::Rooms, 2025, Lang::Zh);
        assert!(
            zh.starts_with("2025年底前共安排1000个，按预期建成约950个（假设85%当年建成"),
            "{zh}"
        );
        assert!(
            zh.contains("还差约50个") && zh.contains("需多安排约59个"),
            "{zh}"
        );
        let en = schedule_sentence(&schedule, Metric::RoomCoverage, 2025, Lang::En);
        assert!(
            en.starts_with("1,000 scheduled by the end of 2025; about 950 built"),
            "{en}"
        );
        let met = Schedule {
            short: 0.0,
            extra_in_deadline_year: 0.0,
            ..schedule
        };
        assert!(!schedule_sentence(&met, Metric::Rooms, 2025, Lang::Zh).contains("还差"));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_actual_reads_in_its_plans_unit() {
        use swplan_engine::Metric;
        let as_plan = |m, v, plan, lang| super::metric_value_as(m, v, plan, lang);
        assert_eq!(
            as_plan(Metric::Talent, 9_800.0, 10_200.0, Lang::Zh),
            "0.98万"
        );
        assert_eq!(
            as_plan(Metric::Talent, 10_200.0, 9_800.0, Lang::Zh),
            "10200"
        );
        assert_eq!(
            as_plan(Metric::Talent, 9_800.0, 10_200.0, Lang::En),
            "9,800"
        );
        assert_eq!(
            as_plan(
                Metric::BudgetCumulative,
                25_160_000.0,
                350_000_000.0,
                Lang::Zh
            ),
            "0.25亿元"
        );
        // Beside itself, it is the figure's own format.
        for metric in Metric::ALL {
            for value in [0.0, 7.0, 9_999.0, 15_000.0, 91_234.0, 25_160_000.0, 3.2e8] {
                for lang in [Lang::Zh, Lang::En] {
                    assert_eq!(
                        as_plan(metric, value, value, lang),
                        super::metric_value(metric, value, lang),
                        "{metric:?} {value} {lang:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn counts_in_a_column_read_alike() {
        use swplan_engine::Metric;
        assert_eq!(
            metric_value_in_column(Metric::Certified, 9082.4, 10683.0, Lang::Zh),
            "9082"
        );
        assert_eq!(
            metric_value_in_column(Metric::Certified, 10683.0, 10683.0, Lang::Zh),
            "10683"
        );
        assert_eq!(
            metric_value_in_column(Metric::Certified, 10683.0, 10683.0, Lang::En),
            "10,683"
        );
    }

    use super::*;
    use swplan_engine::montecarlo::Settings;
    use swplan_engine::params::set;
    use swplan_engine::seek::{seek, Question};
    use swplan_engine::{validate, Scenario, Target};
    use swplan_plans::presets;

    fn yunnan() -> Scenario {
        presets::default_preset().scenario.clone()
    }

    fn first_error(s: &Scenario) -> ValidationError {
        validate(s).unwrap_err().0.remove(0)
    }

    #[test]
    fn a_negative_value_is_named_in_both_languages() {
        let mut s = yunnan();
        set(&mut s, "hires", -5.0).unwrap();
        let error = first_error(&s);
        assert_eq!(
            validation_message(&error, Lang::Zh),
            "每年新增人才：不能为负数"
        );
        assert_eq!(
            validation_message(&error, Lang::En),
            "New talent: cannot be negative"
        );
    }

    #[test]
    fn a_value_beyond_its_bound_names_the_bound_in_the_readers_number_format() {
        let mut s = yunnan();
        set(&mut s, "hires", 1e308).unwrap();
        let error = first_error(&s);
        assert_eq!(
            validation_message(&error, Lang::Zh),
            "每年新增人才：不能超过15亿人"
        );
        assert_eq!(
            validation_message(&error, Lang::En),
            "New talent: cannot exceed 1,500,000,000 people"
        );
        for (key, zh, en) in [
            (
                "station_cost",
                "不能超过30万亿元",
                "cannot exceed 30,000,000,000,000 yuan",
            ),
            (
                "institutions_per_year",
                "不能超过1000万个",
                "cannot exceed 10,000,000",
            ),
            (
                "staff_per_room",
                "不能超过1万人",
                "cannot exceed 10,000 people",
            ),
        ] {
            let mut s = yunnan();
            set(&mut s, key, 1e300).unwrap();
            let error = first_error(&s);
            assert_eq!(problem_text(&error.problem, Lang::Zh), zh, "{key}");
            assert_eq!(problem_text(&error.problem, Lang::En), en, "{key}");
        }
    }

    #[test]
    fn a_budget_ceiling_beyond_its_bound_is_named_in_wan_yi() {
        let mut s = yunnan();
        s.targets.push(Target {
            metric: Metric::BudgetCumulative,
            threshold: 1e16,
            deadline: s.base_year + 1,
            source: None,
        });
        let message = validation_message(&first_error(&s), Lang::Zh);
        assert!(message.ends_with("：不能超过900万亿元"), "{message}");
    }

    #[test]
    fn a_list_too_long_for_any_horizon_says_how_long_it_may_be() {
        let mut s = yunnan();
        s.levers.hires = swplan_engine::Yearly::List(vec![1.0; 40]);
        let error = first_error(&s);
        assert_eq!(
            validation_message(&error, Lang::Zh),
            "每年新增人才：逐年数值有 40 个，最多 30 个（规划期最长 30 年）"
        );
        assert_eq!(
            validation_message(&error, Lang::En),
            "New talent: the yearly list has 40 values; at most 30 (the longest horizon)"
        );
    }

    #[test]
    fn a_ceiling_names_the_other_field() {
        let mut s = yunnan();
        s.assumptions.stations = s.assumptions.townships + 1.0;
        assert_eq!(
            validation_message(&first_error(&s), Lang::Zh),
            "起点已建社工站：不能超过乡镇（街道）数"
        );
    }

    #[test]
    fn a_target_error_names_the_target() {
        let mut s = yunnan();
        s.targets.push(Target {
            metric: Metric::Talent,
            threshold: 1.0,
            deadline: s.base_year - 1,
            source: None,
        });
        assert!(validation_message(&first_error(&s), Lang::Zh).starts_with("目标"));
    }

    #[test]
    fn an_unknown_key_suggests_the_closest_one() {
        let error = SetError::UnknownKey {
            key: "hirse".into(),
            suggestion: Some("hires"),
        };
        assert!(set_error_message(&error, Lang::Zh).contains("hires"));
    }

    #[test]
    fn warnings_name_their_years() {
        let warning = Warning {
            code: WarningCode::Understaffed,
            first_year: 2023,
            last_year: 2025,
        };
        assert_eq!(
            warning_message(&warning, Lang::Zh),
            "2023–2025年：人才总量不足以配齐社工站（室）所需社工。"
        );
        assert!(warning_message(&warning, Lang::En).starts_with("In 2023–2025, talent"));
    }

    #[test]
    fn the_seek_sentence_names_the_value_and_the_current_one() {
        let s = yunnan();
        let question = Question {
            target: &s.targets[0],
            lever: "hires",
            confidence: None,
        };
        let zh = seek_sentence(&seek(&s, &question).unwrap(), Lang::Zh);
        assert!(
            zh.starts_with("要在2025年底使社会工作人才总量达到14万"),
            "{zh}"
        );
        assert!(zh.contains("当前 12000人/年"), "{zh}");
        let en = seek_sentence(&seek(&s, &question).unwrap(), Lang::En);
        assert!(en.contains("(now 12,000 people/yr)"), "{en}");
    }

    #[test]
    fn a_schedule_that_meets_its_target_is_said_to_meet_it() {
        // 宁夏's rooms are planned year by year (334, 333, 333, 900, 900) and meet their target;
        // a same-every-year value above the first year's is not a contradiction, and says so.
        let s = presets::by_slug("ningxia").unwrap().scenario.clone();
        let target = s
            .targets
            .iter()
            .find(|t| t.metric == Metric::RoomCoverage)
            .unwrap();
        let question = Question {
            target,
            lever: "rooms_per_year",
            confidence: None,
        };
        let answer = seek(&s, &question).unwrap();
        assert!(answer.value.unwrap() > answer.current, "{answer:?}");
        let zh = seek_schedule_sentence(&answer, true, Lang::Zh);
        assert!(zh.starts_with("按逐年计划已达成。若改为每年相同"), "{zh}");
        assert!(!zh.contains("需 ≥"), "{zh}");
        let en = seek_schedule_sentence(&answer, false, Lang::En);
        assert!(
            en.contains("the same every year") && en.contains("starting at 334"),
            "{en}"
        );
    }

    #[test]
    fn an_answer_far_above_the_current_value_is_questioned() {
        let s = yunnan();
        let question = Question {
            target: &s.targets[0],
            lever: "hires",
            confidence: None,
        };
        let mut answer = seek(&s, &question).unwrap();
        assert_eq!(
            seek_stretch_note(&answer, Lang::Zh),
            None,
            "1.65× is no stretch"
        );
        answer.value = Some(answer.current * 4.3);
        let zh = seek_stretch_note(&answer, Lang::Zh).unwrap();
        assert!(zh.starts_with("这是当前值的4.3倍"), "{zh}");
    }

    #[test]
    fn a_gap_names_what_it_counts_so_it_never_reads_as_a_year() {
        assert_eq!(metric_amount(Metric::Talent, 2017.0, Lang::Zh), "2017人");
        assert_eq!(metric_amount(Metric::Rooms, 2017.0, Lang::Zh), "2017个");
        assert_eq!(metric_amount(Metric::Talent, 140_000.0, Lang::Zh), "14万人");
        assert_eq!(
            metric_amount(Metric::Talent, 2017.0, Lang::En),
            "2,017 people"
        );
        assert_eq!(metric_amount(Metric::Rooms, 2017.0, Lang::En), "2,017");
        assert_eq!(metric_amount(Metric::RoomCoverage, 0.5, Lang::Zh), "50%");
        assert_eq!(metric_amount(Metric::Talent, f64::NAN, Lang::Zh), "—");
        assert_eq!(
            metric_difference(Metric::RoomCoverage, 0.158, Lang::Zh),
            "15.8个百分点"
        );
        assert_eq!(
            metric_difference(Metric::RoomCoverage, 0.0, Lang::En),
            "0 percentage points"
        );
        assert_eq!(
            metric_difference(Metric::Talent, 2017.0, Lang::Zh),
            "2017人"
        );
    }

    #[test]
    fn an_impossible_rate_says_so() {
        let mut s = yunnan();
        s.targets[0].metric = Metric::Certified;
        s.targets[0].threshold = 1_000_000.0;
        let question = Question {
            target: &s.targets[0],
            lever: "pass_junior",
            confidence: Some((0.8, Settings::clamped(100, 1))),
        };
        let answer = seek(&s, &question).unwrap();
        assert!(seek_sentence(&answer, Lang::Zh).contains("100%"));
    }
}

#[cfg(test)]
mod output_tests {
    use super::*;

    fn verdict(metric: Metric, value: f64, threshold: f64) -> Verdict {
        Verdict {
            metric,
            threshold,
            deadline: 2027,
            met: value >= threshold,
            first_year_met: Some(2027),
            gap: (threshold - value).max(0.0),
            value_at_deadline: value,
        }
    }

    #[test]
    fn full_coverage_has_no_margin_of_points_and_a_nil_margin_is_not_a_number() {
        // 2,571 rooms planned for 2,500 villages: coverage is full and cannot go higher.
        let full = verdict(Metric::RoomCoverage, 1.0, 1.0);
        assert_eq!(
            target_difference(&full, false, Lang::Zh),
            ("余量", "已全覆盖".to_string())
        );
        assert_eq!(target_difference(&full, false, Lang::En).1, "full coverage");
        let just = verdict(Metric::Talent, 12_000.2, 12_000.0);
        assert_eq!(target_difference(&just, false, Lang::Zh).1, "刚好达到");
        // A margin that reads as a number keeps it.
        let some = verdict(Metric::StationCoverage, 0.9, 0.8);
        assert_eq!(target_difference(&some, false, Lang::Zh).1, "10个百分点");
    }

    #[test]
    fn one_person_and_one_point_are_singular_in_english() {
        assert_eq!(metric_amount(Metric::Talent, 1.0, Lang::En), "1 person");
        assert_eq!(
            metric_difference(Metric::RoomCoverage, 0.01, Lang::En),
            "1 percentage point"
        );
        assert_eq!(lever_value("hires", 1.0, Lang::En), "1 person/yr");
        assert_eq!(lever_value("hires", 2.0, Lang::En), "2 people/yr");
    }

    #[test]
    fn a_schedule_answer_at_a_confidence_is_a_condition_not_a_claim() {
        let answer = Answer {
            target: Metric::RoomCoverage,
            threshold: 1.0,
            deadline: 2027,
            lever: "rooms_per_year",
            value: Some(620.0),
            current: 334.0,
            feasible: true,
            confidence: Some(0.8),
            reason: None,
        };
        let zh = seek_schedule_sentence(&answer, false, Lang::Zh);
        assert!(!zh.starts_with("以80%的把握达成"), "{zh}");
        assert!(zh.starts_with("若改为每年相同"), "{zh}");
        assert!(zh.contains("才有80%的把握按期达成"), "{zh}");
        let en = seek_schedule_sentence(&answer, false, Lang::En);
        assert!(en.starts_with("If it were the same every year"), "{en}");
        assert!(en.contains("would need to be at least"), "{en}");
    }
}
