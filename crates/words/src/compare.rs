//! Comparisons and workshop pools in words: the diff table and the verdicts side by side here,
//! the pooling tables and why entries were skipped in `pool`, in Chinese and English. The data
//! comes from `swplan_plans::compare` and `swplan_plans::pool`; a [`TextTable`] is what a terminal, a CSV file
//! or a page draws (`swplan_render::table` lays it out).

mod pool;

pub use pool::{
    bar_line, changed_values, lever_table, origin_name, participant_name, participant_table,
    pool_summary, pool_target_table, rejected_message, repeat_message, source_label,
};

use super::format::{format_exact, format_percent, format_yuan};
use super::messages::{field_label, metric_value, validation_messages};
use super::strings::{ceiling_by_deadline, threshold_by_deadline};
use super::{metric_label, Lang};
use crate::inputs::display_text;
use swplan_engine::params::{self, Unit};
use swplan_engine::validate::Field;
use swplan_engine::{Goal, Metric, Verdict};
use swplan_plans::compare::{CompareError, Diff, Row, TargetVerdicts, MAX_PLANS, MIN_PLANS};
use swplan_plans::state::{Edited, PlanKind, State};

/// A table of words: a header and rows of the same length. `swplan_render::table` lays it out
/// for a terminal or a CSV file; the app draws it as an HTML table.
#[derive(Clone, Debug, PartialEq)]
pub struct TextTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Each plan's title as the comparison, legends and tables show it: its letter and name
/// ("B · 云南省"); the baseline as the baseline in the language on screen, and no longer so once
/// edited; a plan with the same numbers as an earlier one says so ("（与A相同）"), as its line
/// lies exactly under that one's; an edited plan says so, and since what ("（已修改，未保存）"
/// since its save, "（已修改）" since it was opened or copied, or, titled by its region, since
/// it left the preset). Titles are unique even without their letters: a name that would repeat
/// an earlier title is numbered ("甲 2").
pub fn plan_titles(state: &State, lang: Lang) -> Vec<String> {
    let same_as = state.same_as_earlier();
    let edited = state.edited();
    let mut names: Vec<String> = Vec::with_capacity(state.plans.len());
    for (p, (same_as, edited)) in state.plans.iter().zip(same_as.into_iter().zip(edited)) {
        let region = &p.computed.scenario.name;
        let name = match (p.kind, p.is_edited_from_baseline()) {
            (PlanKind::Baseline, false) => {
                lang.pick("基准（不作新决策）", "Baseline (no new decisions)")
            }
            (PlanKind::Baseline, true) => lang.pick("基准（已修改）", "Baseline (edited)"),
            (PlanKind::Own, _) => p
                .name
                .as_deref()
                .unwrap_or_else(|| lang.pick(&region.zh, &region.en)),
        };
        let mark = match (same_as, edited, p.kind, lang) {
            (Some(j), _, _, Lang::Zh) => format!("（与{}相同）", plan_letter(j)),
            (Some(j), _, _, Lang::En) => format!(" (same as {})", plan_letter(j)),
            // The baseline's own title says whether it was edited.
            (None, _, PlanKind::Baseline, _) | (None, Edited::No, _, _) => String::new(),
            (None, Edited::SinceSaved, _, _) => lang
                .pick("（已修改，未保存）", " (edited, not saved)")
                .to_string(),
            (None, Edited::SinceOpened, _, _) => lang.pick("（已修改）", " (edited)").to_string(),
            // A plan the planner named is theirs; one titled by its region says it is no longer
            // the region's preset.
            (None, Edited::FromOrigin, _, _) if p.name.is_some() => String::new(),
            (None, Edited::FromOrigin, _, _) => lang.pick("（已修改）", " (edited)").to_string(),
        };
        let mut title = format!("{name}{mark}");
        let mut number = 1;
        while names.contains(&title) {
            number += 1;
            title = format!("{name} {number}{mark}");
        }
        names.push(title);
    }
    names
        .into_iter()
        .enumerate()
        .map(|(i, title)| format!("{} · {title}", plan_letter(i)))
        .collect()
}

/// The letter a comparison gives plan `index`: A, B, C, D.
pub fn plan_letter(index: usize) -> char {
    (b'A' + (index % 26) as u8) as char
}

/// Why plans cannot be compared.
pub fn compare_error_message(error: &CompareError, lang: Lang) -> String {
    match (error, lang) {
        (CompareError::PlanCount { given }, Lang::Zh) => {
            format!("比较需要 {MIN_PLANS} 到 {MAX_PLANS} 个方案，现有 {given} 个。")
        }
        (CompareError::PlanCount { given }, Lang::En) => {
            format!("A comparison takes {MIN_PLANS} to {MAX_PLANS} plans; {given} given.")
        }
        (CompareError::Invalid { plan, errors }, Lang::Zh) => format!(
            "方案{}中有无效数值：\n{}",
            plan_letter(*plan),
            validation_messages(errors, lang)
        ),
        (CompareError::Invalid { plan, errors }, Lang::En) => format!(
            "Plan {} has invalid values:\n{}",
            plan_letter(*plan),
            validation_messages(errors, lang)
        ),
    }
}

/// Said instead of an empty diff table.
pub fn no_difference(lang: Lang) -> &'static str {
    lang.pick("各方案的输入完全相同。", "The plans' inputs are the same.")
}

/// Every input that differs: one row per [`Row`], one column per plan (`titles`).
pub fn diff_table(diff: &Diff, titles: &[String], lang: Lang) -> TextTable {
    let mut header = vec![lang.pick("输入", "Input").to_string()];
    header.extend(titles.iter().cloned());
    let rows = diff
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![row_label(row, lang)];
            cells.extend(row_cells(row, lang));
            cells
        })
        .collect();
    TextTable { header, rows }
}

/// What a diff row is about: "每年新增人才（2025年）", "Last year", "Target: Social-work talent".
pub fn row_label(row: &Row, lang: Lang) -> String {
    match row {
        Row::RegionName { .. } => lang.pick("地区名称", "Region name").to_string(),
        Row::BaseYear { .. } => field_label(&Field::BaseYear, lang),
        Row::EndYear { .. } => field_label(&Field::EndYear, lang),
        Row::Param { key, year, .. } => field_label(&Field::Param { key, year: *year }, lang),
        Row::Target(target) => match lang {
            Lang::Zh => format!("目标：{}", metric_label(target.metric, lang)),
            Lang::En => format!("Target: {}", metric_label(target.metric, lang)),
        },
        Row::Runs { .. } => lang.pick("模拟次数", "Monte Carlo runs").to_string(),
        Row::Seed { .. } => lang.pick("随机种子", "Random seed").to_string(),
    }
}

/// Each plan's value in a diff row.
pub fn row_cells(row: &Row, lang: Lang) -> Vec<String> {
    match row {
        Row::RegionName { values } => values
            .iter()
            .map(|n| lang.pick(&n.zh, &n.en).to_string())
            .collect(),
        Row::BaseYear { values } | Row::EndYear { values } => {
            values.iter().map(i32::to_string).collect()
        }
        Row::Param { key, values, .. } => values
            .iter()
            .map(|v| v.map_or_else(|| "—".to_string(), |v| param_value(key, v, lang)))
            .collect(),
        Row::Target(target) => target
            .terms
            .iter()
            .map(|terms| match terms {
                Some(terms) => terms_text(target.metric, terms.threshold, terms.deadline, lang),
                None => lang.pick("（无）", "(none)").to_string(),
            })
            .collect(),
        Row::Runs { values } => values.iter().map(usize::to_string).collect(),
        Row::Seed { values } => values.iter().map(u64::to_string).collect(),
    }
}

/// A parameter's value in its unit: rates as percentages, money in 元, counts whole (1.2万 /
/// 12,000), social workers per station with their decimals.
pub fn param_value(key: &str, value: f64, lang: Lang) -> String {
    match params::param(key).map(|p| p.unit) {
        Some(Unit::Rate) => format_percent(value, lang),
        Some(Unit::Yuan) => format_yuan(value, lang),
        Some(Unit::PerUnit) => display_text(Unit::PerUnit, value),
        _ => format_exact(value, lang),
    }
}

/// "2025年底 ≥ 14万" / "≥ 140,000 by end-2025"; a ceiling with ≤.
fn terms_text(metric: Metric, threshold: f64, deadline: i32, lang: Lang) -> String {
    let threshold = metric_value(metric, threshold, lang);
    match metric.goal() {
        Some(Goal::AtMost) => ceiling_by_deadline(&threshold, deadline, lang),
        _ => threshold_by_deadline(&threshold, deadline, lang),
    }
}

/// Each plan's verdict on every target, then the budgets. A target that is not among a plan's
/// own is marked `*` (see [`verdict_footnote`]).
pub fn verdicts_table(diff: &Diff, titles: &[String], lang: Lang) -> TextTable {
    let mut header = vec![lang.pick("目标", "Target").to_string()];
    header.extend(titles.iter().cloned());
    let mut rows: Vec<Vec<String>> = diff
        .targets
        .iter()
        .map(|target| {
            let label = format!(
                "{} {}",
                metric_label(target.metric, lang),
                terms_text(target.metric, target.threshold, target.deadline, lang)
            );
            std::iter::once(label)
                .chain(verdict_cells(target, lang))
                .collect()
        })
        .collect();
    let ends_differ = diff.common_budget.is_some();
    let mut budget = vec![lang
        .pick(
            "累计预算（至规划末年）",
            "Cumulative budget (to the last year)",
        )
        .to_string()];
    budget.extend(diff.budgets.iter().map(|b| {
        let money = format_yuan(b.cumulative, lang);
        match (ends_differ, lang) {
            (false, _) => money,
            (true, Lang::Zh) => format!("{money}（{}年）", b.end_year),
            (true, Lang::En) => format!("{money} ({})", b.end_year),
        }
    }));
    rows.push(budget);
    if let Some(common) = &diff.common_budget {
        let mut row = vec![match lang {
            Lang::Zh => format!("累计预算（至{}年）", common.year),
            Lang::En => format!("Cumulative budget (to {})", common.year),
        }];
        row.extend(
            common
                .cumulative
                .iter()
                .map(|c| c.map_or_else(|| "—".to_string(), |c| format_yuan(c, lang))),
        );
        rows.push(row);
    }
    TextTable { header, rows }
}

fn verdict_cells(target: &TargetVerdicts, lang: Lang) -> Vec<String> {
    target
        .verdicts
        .iter()
        .zip(&target.in_plan)
        .map(|(verdict, own)| {
            let mark = if *own { "" } else { "*" };
            match verdict {
                Some(verdict) => format!("{}{mark}", verdict_cell(verdict, lang)),
                None => format!("—{mark}"),
            }
        })
        .collect()
}

/// "✓ 14.2万（2024年达到）" / "✓ 142,000 (from 2024)"; "✗ 10.68万（差3.32万）" /
/// "✗ 106,830 (33,170 short)"; a ceiling's excess reads "超出" / "over".
pub fn verdict_cell(verdict: &Verdict, lang: Lang) -> String {
    let value = metric_value(verdict.metric, verdict.value_at_deadline, lang);
    let gap = metric_value(verdict.metric, verdict.gap, lang);
    let ceiling = verdict.metric.goal() == Some(Goal::AtMost);
    match (verdict.met, ceiling, verdict.first_year_met, lang) {
        (true, false, Some(year), Lang::Zh) => format!("✓ {value}（{year}年达到）"),
        (true, false, Some(year), Lang::En) => format!("✓ {value} (from {year})"),
        (true, _, _, _) => format!("✓ {value}"),
        (false, false, _, Lang::Zh) => format!("✗ {value}（差{gap}）"),
        (false, false, _, Lang::En) => format!("✗ {value} ({gap} short)"),
        (false, true, _, Lang::Zh) => format!("✗ {value}（超出{gap}）"),
        (false, true, _, Lang::En) => format!("✗ {value} ({gap} over)"),
    }
}

/// What `*` and `—` mean in the verdicts table.
pub fn verdict_footnote(lang: Lang) -> &'static str {
    lang.pick(
        "* 不是该方案自己的目标，按该方案的结果计算；— 截止年不在该方案的规划期内。",
        "* not among the plan's own targets, judged on its results; — deadline outside the plan's years.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::{evaluate, simulate};
    use swplan_plans::presets;

    #[test]
    fn a_verdict_cell_says_met_with_its_first_year_or_how_far_short() {
        let scenario = &presets::by_slug("yunnan").unwrap().scenario;
        let trajectory = simulate(scenario).unwrap();
        let missed = evaluate(&scenario.targets[0], &trajectory);
        assert_eq!(verdict_cell(&missed, Lang::Zh), "✗ 10.68万（差3.32万）");
        assert_eq!(verdict_cell(&missed, Lang::En), "✗ 106,830 (33,170 short)");
        let mut met = missed.clone();
        (met.met, met.first_year_met, met.gap) = (true, Some(2024), 0.0);
        assert_eq!(verdict_cell(&met, Lang::En), "✓ 106,830 (from 2024)");
    }

    #[test]
    fn parameter_values_keep_their_units() {
        assert_eq!(param_value("attrition", 0.08, Lang::En), "8%");
        assert_eq!(param_value("hires", 12_000.0, Lang::Zh), "1.2万");
        assert_eq!(param_value("staff_per_station", 2.09, Lang::En), "2.09");
        assert_eq!(param_value("subsidy_senior", 6_000.0, Lang::Zh), "6000元");
    }

    #[test]
    fn the_plan_count_error_names_the_allowed_range() {
        let error = CompareError::PlanCount { given: 5 };
        assert_eq!(
            compare_error_message(&error, Lang::En),
            "A comparison takes 2 to 4 plans; 5 given."
        );
    }
}
