//! Actual figures in words (issue 21, part 1): the actuals table and paste box, what a typed
//! value, a pasted cell or a link's actual could not give, the deviation table, the
//! re-projection and each target's outlook ("按2024年实际值推算…").

use crate::format::{format_count_as, format_percent_fine, format_yuan_fine};
use crate::inputs::{parse_typed, NotANumber};
use crate::labels::metric_label;
use crate::messages::{metric_difference, metric_value};
use crate::{format_count, format_percent, Lang, YuanScale};
use swplan_engine::deviation::ActualsProblem;
use swplan_engine::reproject::{Adjustment, Outlook, OutlookStatus};
use swplan_engine::{FigureUnit, Metric};
use swplan_plans::life::block::BlockProblem;
use swplan_plans::life::EntryProblem;
use swplan_plans::state::life::{BlockFrom, BlockReport, DraftProblem};

/// The fixed words of the actuals panel and the deviation table.
pub struct ActualsWords {
    pub heading: &'static str,
    pub intro: &'static str,
    pub figure_picker: &'static str,
    pub year: &'static str,
    pub actual: &'static str,
    pub note: &'static str,
    pub note_placeholder: &'static str,
    pub remove: &'static str,
    pub add_year: &'static str,
    pub paste_heading: &'static str,
    pub paste_hint: &'static str,
    pub paste_placeholder: &'static str,
    pub read_paste: &'static str,
    pub import_csv: &'static str,
    pub apply_block: &'static str,
    pub discard_block: &'static str,
    pub deviation_heading: &'static str,
    pub plan: &'static str,
    pub difference: &'static str,
    pub percent: &'static str,
    pub reproject: &'static str,
    pub hide_reprojection: &'static str,
    pub reprojection_series: &'static str,
    pub actual_series: &'static str,
    pub planner_own: &'static str,
    pub no_actuals: &'static str,
    pub reprojection_odds: &'static str,
}

pub const ZH: ActualsWords = ActualsWords {
    heading: "实际值与偏差",
    intro:
        "统计出来的实际数字（年末数），填在这里与计划对照；可逐个填写，也可从Excel粘贴或导入CSV。",
    figure_picker: "指标",
    year: "年份",
    actual: "实际值",
    note: "来源说明",
    note_placeholder: "如：2024年民政统计公报",
    remove: "删除",
    add_year: "添加年份",
    paste_heading: "从Excel粘贴",
    paste_hint: "选中表格（含表头：第一行是年份或指标名称）复制后粘贴在此。",
    paste_placeholder: "指标\t2022\t2023\n社会工作人才总量\t9.2万\t9.8万",
    read_paste: "读取",
    import_csv: "导入CSV文件",
    apply_block: "填入这些实际值",
    discard_block: "放弃",
    deviation_heading: "计划与实际对照",
    plan: "计划",
    difference: "差额",
    percent: "偏差",
    reproject: "从最新实际值重新推算",
    hide_reprojection: "隐藏重新推算",
    reprojection_series: "从最新实际值重新推算",
    actual_series: "实际值",
    planner_own: "实际值由规划者填写",
    no_actuals: "还没有实际值。",
    reprojection_odds: "按实际值推算的达成概率",
};

pub const EN: ActualsWords = ActualsWords {
    heading: "Actuals and deviation",
    intro: "The figures as counted (end of year), set beside the plan: type them one by one, paste them from Excel or import a CSV.",
    figure_picker: "Figure",
    year: "Year",
    actual: "Actual",
    note: "Source note",
    note_placeholder: "e.g. 2024 civil-affairs statistics bulletin",
    remove: "Remove",
    add_year: "Add a year",
    paste_heading: "Paste from Excel",
    paste_hint: "Copy a table with its header (the first row years or figure names) and paste it here.",
    paste_placeholder: "Figure\t2022\t2023\nSocial-work talent\t92000\t98000",
    read_paste: "Read",
    import_csv: "Import a CSV file",
    apply_block: "Enter these actuals",
    discard_block: "Discard",
    deviation_heading: "Plan against actual",
    plan: "Plan",
    difference: "Difference",
    percent: "Deviation",
    reproject: "Re-project from the latest actual",
    hide_reprojection: "Hide the re-projection",
    reprojection_series: "re-projected from the latest actual",
    actual_series: "Actual",
    planner_own: "Actuals entered by the planner",
    no_actuals: "No actuals yet.",
    reprojection_odds: "Odds re-projected from the actuals",
};

pub fn actuals_words(lang: Lang) -> &'static ActualsWords {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The words of the actuals section of the plan's CSV.
pub struct ActualsCsvWords {
    pub heading: &'static str,
    pub columns: [&'static str; 7],
    pub planner_own: &'static str,
    pub outlook_columns: [&'static str; 6],
}

/// The words of the actuals section of the plan's CSV, in a language.
pub fn actuals_csv_words(lang: Lang) -> &'static ActualsCsvWords {
    const ZH_CSV: ActualsCsvWords = ActualsCsvWords {
        heading: "实际值与偏差",
        columns: [
            "指标",
            "年份",
            "计划",
            "实际",
            "差额（实际−计划）",
            "偏差（占计划的比例）",
            "来源说明",
        ],
        planner_own: "规划者填写，未注明来源",
        outlook_columns: [
            "目标",
            "目标值",
            "期限",
            "按实际值推算的起始年",
            "推算的期限年数值",
            "判断",
        ],
    };
    const EN_CSV: ActualsCsvWords = ActualsCsvWords {
        heading: "Actuals and deviation",
        columns: [
            "Figure",
            "Year",
            "Plan",
            "Actual",
            "Difference (actual − plan)",
            "Deviation (fraction of the plan)",
            "Source note",
        ],
        planner_own: "Entered by the planner, no source given",
        outlook_columns: [
            "Target",
            "Threshold",
            "Deadline",
            "Re-projected from the actuals of",
            "Re-projected value at the deadline",
            "Outlook",
        ],
    };
    match lang {
        Lang::Zh => &ZH_CSV,
        Lang::En => &EN_CSV,
    }
}

/// The names a spreadsheet may give each figure, in both languages, for reading a pasted
/// block: the app's own labels, the command line's short ones and a few common variants.
pub fn figure_names() -> Vec<(&'static str, Metric)> {
    let mut names: Vec<(&'static str, Metric)> = Vec::new();
    for metric in Metric::ALL {
        for lang in [Lang::Zh, Lang::En] {
            names.push((metric_label(metric, lang), metric));
            names.push((crate::labels::metric_column_label(metric, lang), metric));
        }
    }
    names.extend([
        ("社会工作人才", Metric::Talent),
        ("社工人才总量", Metric::Talent),
        ("社会工作专业人才", Metric::Talent),
        ("人才总量", Metric::Talent),
        ("talent", Metric::Talent),
        ("持证社工总数", Metric::Certified),
        ("持证社会工作者", Metric::Certified),
        ("持证人数", Metric::Certified),
        ("certified", Metric::Certified),
        ("助理社工师", Metric::CertifiedJunior),
        ("初级社会工作师", Metric::CertifiedJunior),
        ("中级社会工作师", Metric::CertifiedMid),
        ("社会工作服务机构", Metric::Institutions),
        ("社工机构", Metric::Institutions),
        ("乡镇（街道）社会工作服务站", Metric::Stations),
        ("社工站", Metric::Stations),
        ("社会工作服务站", Metric::Stations),
        ("村（社区）社会工作服务室", Metric::Rooms),
        ("社工室", Metric::Rooms),
        ("社会工作服务室", Metric::Rooms),
        ("示范社工站", Metric::DemoStations),
        ("专业岗位", Metric::Positions),
        ("社会工作岗位", Metric::Positions),
        ("累计投入", Metric::BudgetCumulative),
        ("stations", Metric::Stations),
        ("rooms", Metric::Rooms),
        ("institutions", Metric::Institutions),
        ("positions", Metric::Positions),
    ]);
    names
}

/// An entered actual as its field shows it, in the unit of the plan's value beside it
/// (`plan`): "9.1万" beside "9.1万" (never "91000"), "0.98万" beside "1.02万", "91,000" in
/// English, money in the plan's 万元 or 亿元 (¥ M, ¥ bn). Exact to one person, or nearly one
/// yuan, where the plan's column rounds (91234 is "9.1234万" beside "9.12万"), so that what the
/// field shows reads back as what was entered ([`parse_actual`]).
pub fn actual_field_text(metric: Metric, value: f64, plan: f64, lang: Lang) -> String {
    let reference = if plan.is_finite() { plan } else { value };
    match metric.unit() {
        FigureUnit::Count => format_count_as(value, reference, 4, lang),
        // No share takes actuals (coverage follows from the stations and rooms entered).
        FigureUnit::Share => format_percent_fine(value, 0.000_01),
        FigureUnit::Yuan => {
            format_yuan_fine(value, YuanScale::for_largest(reference, lang), 1.0, lang)
        }
    }
}

/// Reads an actual as typed or pasted: what [`parse_typed`] reads (`820`, `1.5万`, `12,000`),
/// and money as the plan's column writes it (`2516万元`, `1.2亿元`, `¥25.16 M`, `¥1.2 bn`).
pub fn parse_actual(text: &str) -> Result<f64, NotANumber> {
    let text = text.trim();
    let text = text.strip_prefix(['¥', '￥']).map_or(text, str::trim_start);
    let (body, factor) = if let Some(rest) = text.strip_suffix("bn") {
        (rest, 1e9)
    } else if let Some(rest) = text.strip_suffix('M') {
        (rest, 1e6)
    } else {
        (text.strip_suffix('元').unwrap_or(text), 1.0)
    };
    parse_typed(body.trim_end()).map(|value| value * factor)
}

/// The ceiling an actual may not pass, as a noun: townships or villages.
fn ceiling_name(metric: Metric, lang: Lang) -> &'static str {
    match metric {
        Metric::Rooms => lang.pick("村（社区）数", "villages and communities"),
        _ => lang.pick("乡镇（街道）数", "townships"),
    }
}

/// Why an actual cannot be used, as a sentence.
pub fn actuals_problem_text(problem: &ActualsProblem, lang: Lang) -> String {
    use ActualsProblem as P;
    let label = |m: Metric| metric_label(m, lang);
    let value = |m: Metric, v: f64| metric_value(m, v, lang);
    match (problem, lang) {
        (P::NotAStock { metric }, Lang::Zh) => format!(
            "“{}”由其他数字算出，不能直接填实际值（覆盖率请填社工站、社工室的数量）。",
            label(*metric)
        ),
        (P::NotAStock { metric }, Lang::En) => format!(
            "{} follows from other figures and takes no actual (for coverage, enter the stations or rooms).",
            label(*metric)
        ),
        (
            P::YearOutsidePlan {
                metric,
                year,
                base_year,
                end_year,
            },
            Lang::Zh,
        ) => format!(
            "{}的{year}年实际值不在方案的年份（{base_year}–{end_year}年）内。",
            label(*metric)
        ),
        (
            P::YearOutsidePlan {
                metric,
                year,
                base_year,
                end_year,
            },
            Lang::En,
        ) => format!(
            "{}, {year}: outside the plan's years ({base_year}–{end_year}).",
            label(*metric)
        ),
        (P::NotANumber { metric, year }, Lang::Zh) => {
            format!("{}（{year}年）的实际值不是数字。", label(*metric))
        }
        (P::NotANumber { metric, year }, Lang::En) => {
            format!("{}, {year}: the actual is not a number.", label(*metric))
        }
        (P::Negative { metric, year, .. }, Lang::Zh) => {
            format!("{}（{year}年）的实际值不能是负数。", label(*metric))
        }
        (P::Negative { metric, year, .. }, Lang::En) => {
            format!("{}, {year}: an actual cannot be negative.", label(*metric))
        }
        (
            P::AboveCeiling {
                metric,
                year,
                value: v,
                ceiling,
            },
            Lang::Zh,
        ) => format!(
            "{year}年{}实际值{}，多于方案中的{}（{}）。",
            label(*metric),
            value(*metric, *v),
            ceiling_name(*metric, lang),
            format_count(*ceiling, lang)
        ),
        (
            P::AboveCeiling {
                metric,
                year,
                value: v,
                ceiling,
            },
            Lang::En,
        ) => format!(
            "{}, {year}: {} is more than the plan's {} ({}).",
            label(*metric),
            value(*metric, *v),
            ceiling_name(*metric, lang),
            format_count(*ceiling, lang)
        ),
        (
            P::PartAboveWhole {
                year,
                part,
                part_value,
                whole,
                whole_value,
            },
            Lang::Zh,
        ) => format!(
            "{year}年{}（{}）多于{}（{}）。",
            label(*part),
            value(*part, *part_value),
            label(*whole),
            value(*whole, *whole_value)
        ),
        (
            P::PartAboveWhole {
                year,
                part,
                part_value,
                whole,
                whole_value,
            },
            Lang::En,
        ) => format!(
            "{year}: {} ({}) are more than {} ({}).",
            label(*part),
            value(*part, *part_value),
            label(*whole).to_lowercase(),
            value(*whole, *whole_value)
        ),
        (P::LevelsDisagreeWithTotal { year, levels, total }, Lang::Zh) => format!(
            "{year}年三个级别的持证社工合计{}人，与持证社工总数{}人不符。",
            format_count(*levels, lang),
            format_count(*total, lang)
        ),
        (P::LevelsDisagreeWithTotal { year, levels, total }, Lang::En) => format!(
            "{year}: the three certificate levels add up to {}, not the certified total of {}.",
            format_count(*levels, lang),
            format_count(*total, lang)
        ),
    }
}

/// Why a value a planner entered was not taken.
pub fn entry_problem_text(problem: &EntryProblem, lang: Lang) -> String {
    match problem {
        EntryProblem::Actual(problem) => actuals_problem_text(problem, lang),
        EntryProblem::TooLarge { metric, max, .. } => match lang {
            Lang::Zh => format!(
                "{}不能超过{}：没有哪个地区有这么多。",
                metric_label(*metric, lang),
                metric_value(*metric, *max, lang)
            ),
            Lang::En => format!(
                "{} cannot exceed {}: no region has that many.",
                metric_label(*metric, lang),
                metric_value(*metric, *max, lang)
            ),
        },
    }
}

/// Why a typed value stays in its field.
pub fn draft_text(problem: &DraftProblem, lang: Lang) -> String {
    match problem {
        DraftProblem::NotANumber => lang
            .pick(
                "不是数字：可写820、1.5万或12,000。",
                "Not a number: write 820, 15000 or 12,000.",
            )
            .to_string(),
        DraftProblem::Refused(problems) => problems
            .iter()
            .map(|p| entry_problem_text(p, lang))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// A cell's place: "第3行第2列" / "row 3, column 2".
fn cell(row: usize, column: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第{row}行第{column}列"),
        Lang::En => format!("row {row}, column {column}"),
    }
}

/// Why part of a pasted block (or CSV file) was not read.
pub fn block_problem_text(problem: &BlockProblem, lang: Lang) -> String {
    use BlockProblem as B;
    match (problem, lang) {
        (B::Empty, _) => lang
            .pick("粘贴的内容是空的。", "The block is empty.")
            .to_string(),
        (B::TooLarge { cells }, Lang::Zh) => format!(
            "有{cells}个单元格，太多了（最多{}个）：请只复制统计表本身。",
            swplan_plans::life::block::MAX_CELLS
        ),
        (B::TooLarge { cells }, Lang::En) => format!(
            "{cells} cells is too many (at most {}): copy the statistics table only.",
            swplan_plans::life::block::MAX_CELLS
        ),
        (B::NoHeader, _) => lang
            .pick(
                "没有找到表头：第一行应是年份（如2023）或指标名称（如“社会工作人才总量”），第一列是另一种。",
                "No header found: the first row should hold years (2023) or figure names (“Social-work talent”), and the first column the other.",
            )
            .to_string(),
        (B::UnknownFigure { row, column, text }, Lang::Zh) => format!(
            "{}：“{text}”不是可填实际值的指标。",
            cell(*row, *column, lang)
        ),
        (B::UnknownFigure { row, column, text }, Lang::En) => format!(
            "{}: “{text}” is not a figure that takes actuals.",
            cell(*row, *column, lang)
        ),
        (B::NotAStock { row, column, metric }, Lang::Zh) => format!(
            "{}：“{}”由其他数字算出，不能直接填。",
            cell(*row, *column, lang),
            metric_label(*metric, lang)
        ),
        (B::NotAStock { row, column, metric }, Lang::En) => format!(
            "{}: {} follows from other figures and is not entered.",
            cell(*row, *column, lang),
            metric_label(*metric, lang)
        ),
        (B::NotAYear { row, column, text }, Lang::Zh) => {
            format!("{}：“{text}”不是年份。", cell(*row, *column, lang))
        }
        (B::NotAYear { row, column, text }, Lang::En) => {
            format!("{}: “{text}” is not a year.", cell(*row, *column, lang))
        }
        (B::NotANumber { row, column, text }, Lang::Zh) => {
            format!("{}：“{text}”不是数字。", cell(*row, *column, lang))
        }
        (B::NotANumber { row, column, text }, Lang::En) => {
            format!("{}: “{text}” is not a number.", cell(*row, *column, lang))
        }
        (
            B::Repeated {
                row,
                column,
                metric,
                year,
            },
            Lang::Zh,
        ) => format!(
            "{}：{}{year}年出现了两次，用的是这一个。",
            cell(*row, *column, lang),
            metric_label(*metric, lang)
        ),
        (
            B::Repeated {
                row,
                column,
                metric,
                year,
            },
            Lang::En,
        ) => format!(
            "{}: {} for {year} appears twice; this one is used.",
            cell(*row, *column, lang),
            metric_label(*metric, lang)
        ),
    }
}

/// What a block read holds, before it is entered: "读到12个实际值：社会工作人才总量2021–2024年…".
pub fn block_summary(entries: &[swplan_plans::life::block::BlockEntry], lang: Lang) -> String {
    let mut figures: Vec<(Metric, i32, i32)> = Vec::new();
    for e in entries {
        match figures.iter_mut().find(|(m, _, _)| *m == e.metric) {
            Some((_, first, last)) => {
                *first = (*first).min(e.year);
                *last = (*last).max(e.year);
            }
            None => figures.push((e.metric, e.year, e.year)),
        }
    }
    let years = |first: i32, last: i32| match (first == last, lang) {
        (true, Lang::Zh) => format!("{first}年"),
        (true, Lang::En) => format!("{first}"),
        (false, Lang::Zh) => format!("{first}–{last}年"),
        (false, Lang::En) => format!("{first}–{last}"),
    };
    let list = figures
        .iter()
        .map(|(m, first, last)| match lang {
            Lang::Zh => format!("{}（{}）", metric_label(*m, lang), years(*first, *last)),
            Lang::En => format!("{} ({})", metric_label(*m, lang), years(*first, *last)),
        })
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "));
    match (entries.len(), lang) {
        (0, _) => lang
            .pick("没有读到可用的实际值。", "No actual figure could be read.")
            .to_string(),
        (n, Lang::Zh) => format!("读到{n}个实际值：{list}。"),
        (n, Lang::En) => format!("Read {n} actual figures: {list}."),
    }
}

/// What entering a block did, with the cells it refused below.
pub fn block_report_text(report: &BlockReport, lang: Lang) -> (String, Vec<String>) {
    let from = match (&report.from, lang) {
        (BlockFrom::Paste, Lang::Zh) => "粘贴的表格".to_string(),
        (BlockFrom::Paste, Lang::En) => "The pasted table".to_string(),
        (BlockFrom::File(name), Lang::Zh) => format!("文件“{name}”"),
        (BlockFrom::File(name), Lang::En) => format!("The file “{name}”"),
    };
    let head = match lang {
        Lang::Zh => format!(
            "{from}：新填入{}个实际值，更新{}个{}。",
            report.added,
            report.replaced,
            if report.refused.is_empty() && report.unread.is_empty() {
                String::new()
            } else {
                format!(
                    "，{}处未采用（见下）",
                    report.refused.len() + report.unread.len()
                )
            }
        ),
        Lang::En => format!(
            "{from}: {} actuals entered, {} updated{}.",
            report.added,
            report.replaced,
            if report.refused.is_empty() && report.unread.is_empty() {
                String::new()
            } else {
                format!(
                    "; {} not used (below)",
                    report.refused.len() + report.unread.len()
                )
            }
        ),
    };
    let details = report
        .refused
        .iter()
        .map(|(entry, problems)| {
            let why = problems
                .iter()
                .map(|p| entry_problem_text(p, lang))
                .collect::<Vec<_>>()
                .join(" ");
            match lang {
                Lang::Zh => format!("{}：{why}", cell(entry.row, entry.column, lang)),
                Lang::En => format!("{}: {why}", cell(entry.row, entry.column, lang)),
            }
        })
        .chain(report.unread.iter().map(|p| block_problem_text(p, lang)))
        .collect();
    (head, details)
}

/// A deviation's difference, signed: "+4,200" / "−1.2万".
pub fn signed_value(metric: Metric, difference: f64, lang: Lang) -> String {
    let magnitude = metric_value(metric, difference.abs(), lang);
    if magnitude.trim_start_matches(['0', '.']).is_empty() || magnitude == "0%" {
        return magnitude;
    }
    match difference {
        d if d > 0.0 => format!("+{magnitude}"),
        d if d < 0.0 => format!("−{magnitude}"),
        _ => magnitude,
    }
}

/// A deviation as a percentage of the plan: "+4.7%" / "−2%"; "—" when the plan is 0.
pub fn signed_percent(relative: Option<f64>, lang: Lang) -> String {
    match relative {
        None => "—".into(),
        Some(r) if r > 0.0 => format!("+{}", format_percent(r, lang)),
        Some(r) if r < 0.0 => format!("−{}", format_percent(-r, lang)),
        Some(r) => format_percent(r, lang),
    }
}

/// Where a target stands given the actuals, as one sentence for its card.
pub fn outlook_sentence(outlook: &Outlook, lang: Lang) -> String {
    let metric = outlook.metric;
    let value = |v: f64| metric_value(metric, v, lang);
    let threshold = value(outlook.threshold);
    let deadline = outlook.deadline;
    let from = outlook.from_year;
    let reprojected = outlook.reprojected.as_ref();
    let at_deadline = reprojected.map_or(f64::NAN, |v| v.value_at_deadline);
    let gap = reprojected.map_or(f64::NAN, |v| v.gap);
    let actual = outlook
        .latest_actual
        .filter(|(year, _)| *year == deadline)
        .map_or(f64::NAN, |(_, v)| v);
    match (outlook.status, lang) {
        (OutlookStatus::MetByActual, Lang::Zh) => format!(
            "{deadline}年实际值{}，已达到目标{threshold}。",
            value(actual)
        ),
        (OutlookStatus::MetByActual, Lang::En) => format!(
            "The {deadline} actual, {}, meets the target of {threshold}.",
            value(actual)
        ),
        (OutlookStatus::MissedByActual, Lang::Zh) => format!(
            "{deadline}年实际值{}，未达到目标{threshold}。",
            value(actual)
        ),
        (OutlookStatus::MissedByActual, Lang::En) => format!(
            "The {deadline} actual, {}, misses the target of {threshold}.",
            value(actual)
        ),
        (OutlookStatus::OnTrack, Lang::Zh) => format!(
            "按{from}年实际值推算，{deadline}年可达{}，能完成目标（{threshold}）。",
            value(at_deadline)
        ),
        (OutlookStatus::OnTrack, Lang::En) => format!(
            "Re-projected from the {from} actuals: {} by {deadline}, on track for {threshold}.",
            value(at_deadline)
        ),
        // The gap with its unit (人, 个; 个百分点 for a share), as the cards give gaps.
        (OutlookStatus::OffTrack, Lang::Zh) => format!(
            "按{from}年实际值推算，{deadline}年只能达到{}，距目标{threshold}还差{}。",
            value(at_deadline),
            metric_difference(metric, gap, lang)
        ),
        (OutlookStatus::OffTrack, Lang::En) => format!(
            "Re-projected from the {from} actuals: only {} by {deadline}, {} short of {threshold}.",
            value(at_deadline),
            metric_difference(metric, gap, lang)
        ),
        (OutlookStatus::Unjudged, Lang::Zh) => format!(
            "期限{deadline}年早于最新实际值（{from}年），且当年没有该指标的实际值。"
        ),
        (OutlookStatus::Unjudged, Lang::En) => format!(
            "The deadline, {deadline}, is before the latest actuals ({from}) and has no actual of this figure."
        ),
    }
}

/// The status word on a card: on track, off track, met, missed.
pub fn outlook_status(status: OutlookStatus, lang: Lang) -> &'static str {
    match status {
        OutlookStatus::MetByActual => lang.pick("实际已达成", "Met by the actuals"),
        OutlookStatus::MissedByActual => lang.pick("实际未达成", "Missed by the actuals"),
        OutlookStatus::OnTrack => lang.pick("按实际推算可达成", "On track by the actuals"),
        OutlookStatus::OffTrack => lang.pick("按实际推算达不成", "Off track by the actuals"),
        OutlookStatus::Unjudged => lang.pick("实际值无法判断", "Not judged by the actuals"),
    }
}

/// The re-projection's line of a figure, as its legend names it: "社会工作人才总量（从最新实际值
/// 重新推算）" / "Social-work talent (re-projected from the latest actual)", as the actuals'
/// points are "社会工作人才总量（实际值）".
pub fn reprojection_label(metric: Metric, lang: Lang) -> String {
    let again = actuals_words(lang).reprojection_series;
    match lang {
        Lang::Zh => format!("{}（{again}）", metric_label(metric, lang)),
        Lang::En => format!("{} ({again})", metric_label(metric, lang)),
    }
}

/// Where the re-projection starts: "从2023年实际值重新推算（其余指标按模型推出）".
pub fn reprojection_note(from_year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "重新推算从{from_year}年末开始：有实际值的指标取实际值，其余按模型从计划推出；之后各年沿用计划的各项安排。"
        ),
        Lang::En => format!(
            "The re-projection starts at the end of {from_year}: figures with actuals take them, the others follow the model; after that every lever stays as planned."
        ),
    }
}

/// A stock the model changed to keep a re-projection consistent with an actual.
pub fn adjustment_text(adjustment: &Adjustment, lang: Lang) -> String {
    let m = adjustment.metric;
    match lang {
        Lang::Zh => format!(
            "{}年{}按模型为{}，为与实际的{}一致改为{}。",
            adjustment.year,
            metric_label(m, lang),
            metric_value(m, adjustment.modelled, lang),
            metric_label(adjustment.because_of, lang),
            metric_value(m, adjustment.used, lang)
        ),
        Lang::En => format!(
            "{}: {} was {} by the model and is {} to agree with the actual {}.",
            adjustment.year,
            metric_label(m, lang),
            metric_value(m, adjustment.modelled, lang),
            metric_value(m, adjustment.used, lang),
            metric_label(adjustment.because_of, lang).to_lowercase()
        ),
    }
}

/// Why a link's actual was left out, as the middle of the link sentence.
pub fn link_actual_problem(problem: &ActualsProblem, lang: Lang) -> String {
    let text = actuals_problem_text(problem, lang);
    let text = text.trim_end_matches(['。', '.']);
    match lang {
        Lang::Zh => format!("中有一个实际值无法采用（{text}）"),
        Lang::En => format!("holds an actual that cannot be used ({text})"),
    }
}

/// Why a `--actual metric@year=value` could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum ActualTextError {
    /// Not `metric@year=value`.
    Malformed,
    /// The key names no figure, or one that takes no actual (coverage).
    UnknownFigure {
        key: String,
    },
    NotAYear {
        year: String,
    },
    NotANumber {
        value: String,
    },
    /// Read, but the plan cannot take it.
    Refused(Vec<EntryProblem>),
}

/// The sentence for a `--actual` as typed that could not be used.
pub fn actual_text_message(text: &str, error: &ActualTextError, lang: Lang) -> String {
    let why = match (error, lang) {
        (ActualTextError::Malformed, _) => {
            lang.pick("写法不对", "not metric@year=value").to_string()
        }
        (ActualTextError::UnknownFigure { key }, _) => {
            let keys: Vec<&str> = swplan_engine::actuals::ACTUAL_FIGURES
                .iter()
                .map(|m| m.key())
                .collect();
            match lang {
                Lang::Zh => format!("“{key}”不是可填实际值的指标，可选：{}", keys.join("、")),
                Lang::En => format!("'{key}' takes no actuals; choose from {}", keys.join(", ")),
            }
        }
        (ActualTextError::NotAYear { year }, Lang::Zh) => format!("“{year}”不是年份"),
        (ActualTextError::NotAYear { year }, Lang::En) => format!("'{year}' is not a year"),
        (ActualTextError::NotANumber { value }, Lang::Zh) => format!("“{value}”不是数字"),
        (ActualTextError::NotANumber { value }, Lang::En) => format!("'{value}' is not a number"),
        (ActualTextError::Refused(problems), _) => problems
            .iter()
            .map(|p| entry_problem_text(p, lang))
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end_matches(['。', '.'])
            .to_string(),
    };
    match lang {
        Lang::Zh => {
            format!("--actual “{text}”有误：{why}（格式：指标@年份=值，如 talent@2023=90000）")
        }
        Lang::En => format!(
            "--actual '{text}' is wrong: {why} (expected metric@year=value, e.g. talent@2023=90000)"
        ),
    }
}

/// Why the command line's `--reproject` cannot restart the plan: it has no usable actual.
pub fn cannot_reproject_head(lang: Lang) -> &'static str {
    lang.pick(
        "无法重新推算：需要至少一个可用的实际值（文件中的 [actuals]、链接或 --actual）。",
        "Cannot re-project: it needs at least one usable actual (the file's [actuals], a link's, or --actual).",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_plans::life::block::read_block;

    #[test]
    fn every_actual_figure_has_its_names_read_back() {
        let names = figure_names();
        for metric in swplan_engine::actuals::ACTUAL_FIGURES {
            for lang in [Lang::Zh, Lang::En] {
                let text = format!("{}\t2023\n", metric_label(metric, lang));
                let block = read_block(&text, &names, &|_| Some(1.0), None);
                assert!(block.layout.is_some(), "{text}");
            }
        }
        let block = read_block(
            "年份\t社会工作人才总量\tCertified social workers\n2023\t1\t2\n",
            &names,
            &|t| crate::inputs::parse_typed(t).ok(),
            None,
        );
        assert_eq!(block.entries.len(), 2);
    }

    #[test]
    fn an_entered_actual_shows_in_the_plans_unit_and_reads_back_as_entered() {
        use swplan_engine::actuals::ACTUAL_FIGURES;
        let field = |m, v, plan, lang| actual_field_text(m, v, plan, lang);
        // Beside the plan's "9.1万", never "91000".
        assert_eq!(field(Metric::Talent, 91_000.0, 91_000.0, Lang::Zh), "9.1万");
        assert_eq!(
            field(Metric::Talent, 91_000.0, 91_000.0, Lang::Zh),
            metric_value(Metric::Talent, 91_000.0, Lang::Zh)
        );
        assert_eq!(
            field(Metric::Talent, 91_000.0, 88_000.0, Lang::En),
            "91,000"
        );
        assert_eq!(
            field(Metric::Talent, 91_234.0, 90_000.0, Lang::Zh),
            "9.1234万"
        );
        assert_eq!(field(Metric::Talent, 9_800.0, 10_200.0, Lang::Zh), "0.98万");
        assert_eq!(field(Metric::Stations, 820.0, 800.0, Lang::Zh), "820");
        assert_eq!(field(Metric::Stations, 820.0, f64::NAN, Lang::Zh), "820");
        let budget = Metric::BudgetCumulative;
        assert_eq!(
            field(budget, 25_160_000.0, 24_000_000.0, Lang::Zh),
            "2516万元"
        );
        assert_eq!(
            field(budget, 25_160_000.0, 350_000_000.0, Lang::Zh),
            "0.2516亿元"
        );
        assert_eq!(
            field(budget, 25_160_000.0, 24_000_000.0, Lang::En),
            "¥25.16 M"
        );
        for metric in ACTUAL_FIGURES {
            for value in [0.0, 7.0, 820.0, 9_999.0, 15_000.0, 91_234.0, 1_234_567.0] {
                for plan in [value, 0.0, 12_000.0, 3e8] {
                    for lang in [Lang::Zh, Lang::En] {
                        let shown = field(metric, value, plan, lang);
                        let read = parse_actual(&shown).unwrap_or(f64::NAN);
                        // Four decimals of the unit: 1 in 万, 1万 in 亿, 100 yuan in ¥ M.
                        let resolution = match (metric.unit(), plan >= 1e8) {
                            (_, true) => 1e4,
                            (FigureUnit::Yuan, false) => 100.0,
                            _ => 0.5,
                        };
                        assert!(
                            (read - value).abs() <= resolution,
                            "{metric:?} {value} beside {plan} {lang:?}: {shown} reads {read}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn an_actual_is_read_as_typed_or_as_the_plan_writes_money() {
        assert_eq!(parse_actual("1.5万"), Ok(15_000.0));
        assert_eq!(parse_actual(" 12,000 "), Ok(12_000.0));
        assert_eq!(parse_actual("2516万元"), Ok(25_160_000.0));
        assert_eq!(parse_actual("1.2亿元"), Ok(120_000_000.0));
        assert_eq!(parse_actual("6000元"), Ok(6_000.0));
        assert_eq!(parse_actual("¥25.16 M"), Ok(25_160_000.0));
        assert_eq!(parse_actual("￥1.2 bn"), Ok(1_200_000_000.0));
        for nonsense in ["", "元", "¥", "M", "1.2.3", "abc万元", "12 people"] {
            assert_eq!(parse_actual(nonsense), Err(NotANumber), "{nonsense}");
        }
    }

    #[test]
    fn a_deviation_is_signed_in_both_languages() {
        assert_eq!(signed_value(Metric::Talent, 4200.0, Lang::En), "+4,200");
        assert_eq!(signed_value(Metric::Talent, -12_000.0, Lang::Zh), "−1.2万");
        assert_eq!(signed_percent(Some(0.047), Lang::Zh), "+4.7%");
        assert_eq!(signed_percent(None, Lang::En), "—");
    }

    #[test]
    fn every_block_problem_is_worded() {
        let problems = [
            BlockProblem::Empty,
            BlockProblem::TooLarge { cells: 30_000 },
            BlockProblem::NoHeader,
            BlockProblem::UnknownFigure {
                row: 2,
                column: 1,
                text: "社工人数".into(),
            },
            BlockProblem::NotAStock {
                row: 4,
                column: 1,
                metric: Metric::StationCoverage,
            },
            BlockProblem::NotAYear {
                row: 1,
                column: 3,
                text: "x".into(),
            },
            BlockProblem::NotANumber {
                row: 3,
                column: 2,
                text: "abc".into(),
            },
            BlockProblem::Repeated {
                row: 2,
                column: 3,
                metric: Metric::Talent,
                year: 2023,
            },
        ];
        for problem in problems {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!block_problem_text(&problem, lang).is_empty());
            }
        }
        assert_eq!(
            block_problem_text(
                &BlockProblem::NotANumber {
                    row: 3,
                    column: 2,
                    text: "abc".into()
                },
                Lang::Zh
            ),
            "第3行第2列：“abc”不是数字。"
        );
    }
}

#[cfg(test)]
mod outlook_tests {
    use super::*;
    use swplan_engine::verdict::Verdict;

    fn off_track(metric: Metric, threshold: f64, at: f64) -> Outlook {
        Outlook {
            target: 0,
            metric,
            threshold,
            deadline: 2027,
            from_year: 2024,
            latest_actual: Some((2024, at)),
            status: OutlookStatus::OffTrack,
            reprojected: Some(Verdict {
                metric,
                threshold,
                deadline: 2027,
                met: false,
                first_year_met: None,
                gap: threshold - at,
                value_at_deadline: at,
            }),
        }
    }

    /// A gap says what it counts: people, or percentage points of a share (a reviewer read
    /// "还差727" and "还差4.8%" beside a card that says "4.8个百分点").
    #[test]
    fn an_off_track_gap_has_its_unit() {
        let talent = outlook_sentence(&off_track(Metric::Talent, 15_000.0, 14_273.0), Lang::Zh);
        assert!(talent.contains("还差727人"), "{talent}");
        let coverage = outlook_sentence(&off_track(Metric::RoomCoverage, 1.0, 0.952), Lang::Zh);
        assert!(coverage.contains("还差4.8个百分点"), "{coverage}");
    }
}
