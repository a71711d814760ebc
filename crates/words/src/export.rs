//! The words of the CSV a plan leaves as (`swplan_render::export::csv`): what the file is about,
//! the headers of its year table, targets and settings, the unit after each figure's name, and
//! the marks in its cells. A struct, as in `strings`, so a word missing in one language does
//! not compile.

use super::Lang;
use swplan_engine::{FigureUnit, Metric};

/// The fixed words of the CSV.
pub struct CsvWords {
    /// The header of the year column.
    pub year_column: &'static str,
    /// The headers of the target rows: metric, goal (≥ or ≤), threshold, deadline, met, first
    /// year met, gap, margin; then, when Monte Carlo ran, the probability (a fraction, as every
    /// share in the file); then the unit of the threshold, gap and margin, last, so the columns
    /// of older files keep their places.
    pub target_columns: [&'static str; 8],
    pub probability_column: &'static str,
    pub target_unit_column: &'static str,
    /// A target met, or not.
    pub yes: &'static str,
    pub no: &'static str,
    /// The rows saying what the file is about: region, plan name, years, share link, and the
    /// one convention for shares.
    pub region: &'static str,
    pub plan: &'static str,
    pub years: &'static str,
    pub link: &'static str,
    pub units: &'static str,
    pub units_note: &'static str,
    /// The headers of the settings rows: setting, value, unit, against the preset, source,
    /// and the source's details (the sentence, the assumption, the planner's source).
    pub setting_columns: [&'static str; 6],
    /// A setting changed from the preset, or as the preset has it.
    pub changed: &'static str,
    pub as_preset: &'static str,
    /// Where a preset's number comes from: a source document, or an assumption.
    pub source_document: &'static str,
    pub assumption: &'static str,
}

const ZH: CsvWords = CsvWords {
    year_column: "年份",
    target_columns: [
        "指标",
        "要求",
        "目标值",
        "截止年份",
        "是否达成",
        "首次达到年份",
        "差距",
        "余量",
    ],
    probability_column: "达成概率（比例，0–1）",
    target_unit_column: "单位（目标值、差距、余量）",
    yes: "是",
    no: "否",
    region: "地区",
    plan: "方案",
    years: "年份",
    link: "链接（打开后数字相同）",
    units: "单位约定",
    units_note: "比例（覆盖率、流失率、通过率、达成概率等）一律写作0–1的小数，0.35即35%；人数单位为人，金额单位为元",
    setting_columns: ["参数", "取值", "单位", "相对预设", "出处", "来源说明"],
    changed: "已修改",
    as_preset: "同预设",
    source_document: "来源文件",
    assumption: "假设",
};

const EN: CsvWords = CsvWords {
    year_column: "Year",
    target_columns: [
        "Metric",
        "Goal",
        "Threshold",
        "Deadline",
        "Met",
        "First year met",
        "Gap",
        "Margin",
    ],
    probability_column: "Probability (fraction 0–1)",
    target_unit_column: "Unit of threshold/gap/margin",
    yes: "yes",
    no: "no",
    region: "Region",
    plan: "Plan",
    years: "Years",
    link: "Link (reopens these numbers)",
    units: "Units",
    units_note: "Every share (coverage, attrition, pass rates, probabilities) is a fraction 0–1: 0.35 is 35%. People in persons, money in yuan.",
    setting_columns: [
        "Setting",
        "Value",
        "Unit",
        "Against the preset",
        "Where it comes from",
        "Details",
    ],
    changed: "changed",
    as_preset: "as preset",
    source_document: "source document",
    assumption: "assumption",
};

/// The CSV's fixed words in `lang`.
pub fn csv_words(lang: Lang) -> &'static CsvWords {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// What a figure or setting counts, as a cell of a unit column: "人", "个", "比例（0–1）", "元".
pub fn unit_name(unit: FigureUnit, counts_people: bool, lang: Lang) -> &'static str {
    match (unit, counts_people) {
        (FigureUnit::Count, true) => lang.pick("人", "people"),
        (FigureUnit::Count, false) => lang.pick("个", "count"),
        (FigureUnit::Share, _) => lang.pick("比例（0–1）", "fraction 0–1"),
        (FigureUnit::Yuan, _) => lang.pick("元", "yuan"),
    }
}

/// What a column counts, after its name, so a number in Excel is never read in the wrong unit
/// (coverage is a fraction there, 0.35, not 35 %).
pub fn column_unit(metric: Metric, lang: Lang) -> &'static str {
    match (metric.unit(), metric.counts_people()) {
        (FigureUnit::Count, true) => lang.pick("（人）", " (people)"),
        (FigureUnit::Count, false) => lang.pick("（个）", " (count)"),
        (FigureUnit::Share, _) => lang.pick("（比例，0–1）", " (fraction 0–1)"),
        (FigureUnit::Yuan, _) => lang.pick("（元）", " (yuan)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_says_its_unit_in_both_languages() {
        for metric in Metric::ALL {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!column_unit(metric, lang).is_empty(), "{metric:?} {lang:?}");
            }
        }
    }
}
