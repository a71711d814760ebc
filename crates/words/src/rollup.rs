//! A province rolled up from its cities, in words (issue 21, part 3): the dialog, the table and
//! the stacked chart's labels, why cities cannot be rolled up, what a file or link could not
//! give.

use crate::labels::metric_label;
use crate::messages::metric_value;
use crate::{format_percent, Lang};
use swplan_engine::rollup::RollupError;
use swplan_engine::Verdict;
use swplan_plans::life::rollup::{RollUpFileError, MAX_CITIES};
use swplan_plans::state::rollup::RollUpRefusal;

/// The fixed words of the roll-up.
pub struct RollUpWords {
    pub open: &'static str,
    pub heading: &'static str,
    pub intro: &'static str,
    pub name_label: &'static str,
    pub name_placeholder: &'static str,
    pub add_preset: &'static str,
    pub add_current: &'static str,
    pub add_save: &'static str,
    pub add_file: &'static str,
    pub add_link: &'static str,
    pub link_placeholder: &'static str,
    pub add: &'static str,
    pub remove: &'static str,
    pub cities: &'static str,
    pub city: &'static str,
    pub total: &'static str,
    pub share: &'static str,
    pub province_targets: &'static str,
    pub city_targets: &'static str,
    pub add_target: &'static str,
    pub figure: &'static str,
    pub copy_link: &'static str,
    pub export_file: &'static str,
    pub clear: &'static str,
    pub close: &'static str,
    pub empty: &'static str,
    pub coverage_note: &'static str,
    pub no_targets: &'static str,
    pub threshold_label: &'static str,
}

pub const ZH: RollUpWords = RollUpWords {
    open: "全省汇总",
    heading: "全省汇总：各市方案加起来",
    intro: "把各市（州）的方案加起来，看全省目标能否完成：人数、站室、资金逐年相加，覆盖率按全省站数除以全省乡镇（街道）数计算，而不是各市百分比的平均。",
    name_label: "汇总名称",
    name_placeholder: "如：全省",
    add_preset: "加入预设",
    add_current: "加入当前方案",
    add_save: "加入保存的方案",
    add_file: "加入方案文件",
    add_link: "加入链接",
    link_placeholder: "粘贴某市方案的分享链接",
    add: "加入",
    remove: "移除",
    cities: "各市方案",
    city: "市（州）",
    total: "合计",
    share: "占比",
    province_targets: "全省目标（按合计判断）",
    city_targets: "各市自己的目标",
    add_target: "添加全省目标",
    figure: "指标",
    copy_link: "复制汇总链接",
    export_file: "导出汇总文件",
    clear: "清空",
    close: "关闭",
    empty: "还没有加入任何城市。",
    coverage_note: "覆盖率 = 全省社工站数 ÷ 全省乡镇（街道）数；每个城市的一段是它的站数占全省乡镇数的比例，各段相加即全省覆盖率。",
    no_targets: "尚未设全省目标。",
    threshold_label: "目标值（覆盖率填%）",
};

pub const EN: RollUpWords = RollUpWords {
    open: "Province roll-up",
    heading: "Province roll-up: the cities' plans added up",
    intro: "Add up the cities' plans to see whether the province meets its targets: people, stations, rooms and money summed year by year, coverage as the province's stations over its townships, never an average of the cities' percentages.",
    name_label: "Name",
    name_placeholder: "e.g. the province",
    add_preset: "Add a preset",
    add_current: "Add the plan on screen",
    add_save: "Add a saved plan",
    add_file: "Add a plan file",
    add_link: "Add a link",
    link_placeholder: "Paste a city plan's share link",
    add: "Add",
    remove: "Remove",
    cities: "Cities",
    city: "City",
    total: "Total",
    share: "Share",
    province_targets: "Province targets (judged on the total)",
    city_targets: "Each city's own targets",
    add_target: "Add a province target",
    figure: "Figure",
    copy_link: "Copy the roll-up link",
    export_file: "Export the roll-up file",
    clear: "Clear",
    close: "Close",
    empty: "No city added yet.",
    coverage_note: "Coverage = the province's stations ÷ its townships; each city's segment is its stations over the province's townships, so the segments add up to the province's coverage.",
    no_targets: "No province target yet.",
    threshold_label: "Threshold (coverage in %)",
};

pub fn rollup_words(lang: Lang) -> &'static RollUpWords {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// Why the cities cannot be rolled up; `city_name` names the city at an index.
pub fn rollup_error_text(
    error: &RollupError,
    city_name: &dyn Fn(usize) -> String,
    lang: Lang,
) -> String {
    match (error, lang) {
        (RollupError::NoCities, _) => rollup_words(lang).empty.to_string(),
        (RollupError::InvalidCity { city, errors }, _) => {
            let first = errors
                .0
                .first()
                .map(|e| crate::messages::validation_message(e, lang))
                .unwrap_or_default();
            match lang {
                Lang::Zh => format!("{}的方案有无效的数值：{first}", city_name(*city)),
                Lang::En => format!("{}'s plan has an invalid value: {first}", city_name(*city)),
            }
        }
        (RollupError::NoCommonYears, _) => lang
            .pick(
                "这些城市的方案没有共同的年份：请让它们的基准年和规划末年有重叠。",
                "These cities' plans have no year in common: make their years overlap.",
            )
            .to_string(),
        (RollupError::NotATargetMetric { metric, .. }, Lang::Zh) => {
            format!("“{}”不能作为全省目标。", metric_label(*metric, lang))
        }
        (RollupError::NotATargetMetric { metric, .. }, Lang::En) => {
            format!("{} cannot be a province target.", metric_label(*metric, lang))
        }
        (
            RollupError::DeadlineOutsideYears {
                deadline,
                first_year,
                last_year,
                ..
            },
            Lang::Zh,
        ) => format!(
            "全省目标的期限{deadline}年不在各市共同的年份（{first_year}–{last_year}年）内。"
        ),
        (
            RollupError::DeadlineOutsideYears {
                deadline,
                first_year,
                last_year,
                ..
            },
            Lang::En,
        ) => format!(
            "A province target's deadline, {deadline}, is outside the years every city covers ({first_year}–{last_year})."
        ),
    }
}

/// What a file, link or list handed to the roll-up could not give.
pub fn refusal_text(refusal: &RollUpRefusal, lang: Lang) -> String {
    match refusal {
        RollUpRefusal::TooMany { left_out } => match lang {
            Lang::Zh => format!("汇总最多{MAX_CITIES}个城市，另外{left_out}个没有加入。"),
            Lang::En => format!(
                "A roll-up holds {MAX_CITIES} cities at most; {left_out} more were not added."
            ),
        },
        RollUpRefusal::NotAPlanFile { name } => match lang {
            Lang::Zh => format!("文件“{name}”不是方案文件、方案保存文件或汇总文件，无法加入。"),
            Lang::En => format!("The file “{name}” is not a plan, saved-plans or roll-up file, so nothing was added."),
        },
        RollUpRefusal::NotALink => lang
            .pick(
                "没有找到分享链接：请粘贴某市方案的完整链接。",
                "No share link found: paste a city plan's whole link.",
            )
            .to_string(),
        RollUpRefusal::File(error) => match (error, lang) {
            (RollUpFileError::NotARollUp, _) => lang
                .pick("这不是汇总文件。", "This is not a roll-up file.")
                .to_string(),
            (RollUpFileError::Newer { version }, Lang::Zh) => {
                format!("这个汇总文件来自更新版本的应用（第{version}版），请用新版打开。")
            }
            (RollUpFileError::Newer { version }, Lang::En) => format!(
                "This roll-up file comes from a newer app (version {version}): open it there."
            ),
            (RollUpFileError::Malformed(problem), _) => {
                crate::data_messages::data_problem_message(problem, lang)
            }
            (RollUpFileError::CityCount { count }, Lang::Zh) => {
                format!("汇总文件中有{count}个城市，应为1到{MAX_CITIES}个。")
            }
            (RollUpFileError::CityCount { count }, Lang::En) => {
                format!("The roll-up file holds {count} cities; it should hold 1 to {MAX_CITIES}.")
            }
            (RollUpFileError::InvalidCity { city }, Lang::Zh) => {
                format!("汇总文件中第{}个城市的方案无效。", city + 1)
            }
            (RollUpFileError::InvalidCity { city }, Lang::En) => {
                format!("City {} of the roll-up file is not a valid plan.", city + 1)
            }
        },
    }
}

/// A province or city target's verdict in a line: "社工站覆盖率 ≥ 100%（2025年）：已达成，98%".
pub fn verdict_line(verdict: &Verdict, lang: Lang) -> String {
    let m = verdict.metric;
    let threshold = metric_value(m, verdict.threshold, lang);
    let value = metric_value(m, verdict.value_at_deadline, lang);
    let sign = match m.goal() {
        Some(swplan_engine::Goal::AtMost) => "≤",
        _ => "≥",
    };
    match (verdict.met, lang) {
        (true, Lang::Zh) => format!(
            "{} {sign} {threshold}（{}年）：达成，{value}",
            metric_label(m, lang),
            verdict.deadline
        ),
        (false, Lang::Zh) => format!(
            "{} {sign} {threshold}（{}年）：未达成，{value}，差{}",
            metric_label(m, lang),
            verdict.deadline,
            metric_value(m, verdict.gap, lang)
        ),
        (true, Lang::En) => format!(
            "{} {sign} {threshold} by {}: met, {value}",
            metric_label(m, lang),
            verdict.deadline
        ),
        (false, Lang::En) => format!(
            "{} {sign} {threshold} by {}: missed, {value}, {} short",
            metric_label(m, lang),
            verdict.deadline,
            metric_value(m, verdict.gap, lang)
        ),
    }
}

/// A city's share of the province figure.
/// The head of a figure's column in the contribution table: "社工站数（2025年）".
pub fn figure_in_year(metric: swplan_engine::Metric, year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}（{year}年）", crate::metric_label(metric, lang)),
        Lang::En => format!("{} ({year})", crate::metric_label(metric, lang)),
    }
}

pub fn share_text(share: Option<f64>, lang: Lang) -> String {
    share.map_or("—".into(), |s| format_percent(s, lang))
}
