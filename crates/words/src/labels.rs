//! Names for people of everything the model names by key: parameters, their groups, and the
//! output figures. The model holds keys; these tables hold words, in both languages.

use super::Lang;
use swplan_engine::certified;
use swplan_engine::params::Group;
use swplan_engine::{FigureUnit, Metric};
use swplan_plans::chart::Chart;

/// Parameter labels by permanent key: (key, Chinese, English). Every key of the registry has one
/// (checked by a test).
const PARAM_LABELS: &[(&str, &str, &str)] = &[
    ("talent", "起点人才总量", "Talent at start"),
    ("attrition", "年流失率", "Yearly attrition"),
    ("hires", "每年新增人才", "New talent"),
    (
        "certified_junior",
        "起点助理社会工作师",
        "Junior certified at start",
    ),
    (
        "certified_mid",
        "起点社会工作师",
        "Mid-level certified at start",
    ),
    (
        "certified_senior",
        "起点高级社会工作师",
        "Senior certified at start",
    ),
    (
        "mid_from_junior",
        "中级通过者中已持初级证比例",
        "Mid passes already holding junior",
    ),
    (
        "candidates_junior",
        "初级报考人数",
        "Junior exam candidates",
    ),
    ("pass_junior", "初级通过率", "Junior pass rate"),
    (
        "candidates_mid",
        "中级报考人数",
        "Mid-level exam candidates",
    ),
    ("pass_mid", "中级通过率", "Mid-level pass rate"),
    ("candidates_senior", "高级报考人数", "Senior candidates"),
    ("pass_senior", "高级通过率", "Senior pass rate"),
    ("townships", "乡镇（街道）数", "Townships and streets"),
    ("stations", "起点已建社工站", "Stations at start"),
    ("stations_per_year", "每年新建社工站", "Stations built"),
    (
        "demo_stations",
        "起点示范站",
        "Demonstration stations at start",
    ),
    (
        "demo_per_year",
        "每年新增示范站",
        "New demonstration stations",
    ),
    ("villages", "村（社区）数", "Villages and communities"),
    ("rooms", "起点已建社工室", "Rooms at start"),
    ("rooms_per_year", "每年新建社工室", "Rooms set up"),
    (
        "staff_per_station",
        "每站社工配备",
        "Social workers per station",
    ),
    ("staff_per_room", "每室社工配备", "Social workers per room"),
    ("institutions", "起点服务机构", "Institutions at start"),
    (
        "institutions_per_year",
        "每年净增服务机构",
        "Net new institutions",
    ),
    ("positions", "起点专业岗位", "Positions at start"),
    ("positions_per_year", "每年新开发岗位", "New positions"),
    ("station_cost", "每站建设成本", "Build cost per station"),
    (
        "station_operating_cost",
        "每站年运营经费",
        "Yearly operating cost per station",
    ),
    ("room_cost", "每室建设成本", "Set-up cost per room"),
    (
        "room_operating_cost",
        "每室年运营经费",
        "Yearly operating cost per room",
    ),
    (
        "hire_cost",
        "每名新增人才招聘培训费",
        "Recruiting and training, per new talent",
    ),
    (
        "candidate_cost",
        "每名报考者培训费",
        "Exam training, per candidate",
    ),
    (
        "subsidy_junior",
        "初级证书一次性奖补",
        "One-off subsidy, junior certificate",
    ),
    (
        "subsidy_mid",
        "中级证书一次性奖补",
        "One-off subsidy, mid-level certificate",
    ),
    (
        "subsidy_senior",
        "高级证书一次性奖补",
        "One-off subsidy, senior certificate",
    ),
    ("spread_hires", "新增人才波动幅度", "Spread of new talent"),
    ("spread_attrition", "流失率波动幅度", "Spread of attrition"),
    (
        "spread_candidates",
        "报考人数波动幅度",
        "Spread of exam candidates",
    ),
    ("spread_pass", "通过率波动幅度", "Spread of pass rates"),
    (
        "station_completion",
        "社工站当年完工率",
        "Stations finished on schedule",
    ),
    (
        "room_completion",
        "社工室当年完工率",
        "Rooms finished on schedule",
    ),
];

/// The certified total and its split, which the planner enters like parameters but the model
/// reads through its three stocks (`swplan_engine::certified`).
const CERTIFIED_TOTAL_LABELS: &[(&str, &str, &str)] = &[
    (
        certified::TOTAL_KEY,
        "起点持证社工总数",
        "Certified at start, in total",
    ),
    (
        certified::JUNIOR_SHARE_KEY,
        "其中初级（助理社会工作师）占比",
        "Junior share of the total",
    ),
    (
        certified::SENIOR_SHARE_KEY,
        "其中高级社会工作师占比",
        "Senior share of the total",
    ),
];

/// The name of the parameter `key` (the key itself when unknown, never a blank).
pub fn param_label(key: &str, lang: Lang) -> &str {
    PARAM_LABELS
        .iter()
        .chain(CERTIFIED_TOTAL_LABELS)
        .find(|(k, _, _)| *k == key)
        .map_or(key, |(_, zh, en)| lang.pick(zh, en))
}

/// The name of a control group.
pub fn group_label(group: Group, lang: Lang) -> &'static str {
    let (zh, en) = match group {
        Group::Talent => ("人才", "Talent"),
        Group::Certification => ("持证", "Certification"),
        Group::Stations => ("站点与社工室", "Stations and rooms"),
        Group::Institutions => ("机构与岗位", "Institutions and positions"),
        Group::Budget => ("预算", "Budget"),
        Group::Uncertainty => ("不确定性", "Uncertainty"),
    };
    lang.pick(zh, en)
}

/// The name of an output figure.
pub fn metric_label(metric: Metric, lang: Lang) -> &'static str {
    let (zh, en) = match metric {
        Metric::Talent => ("社会工作人才总量", "Social-work talent"),
        Metric::Certified => ("持证社工", "Certified social workers"),
        Metric::CertifiedJunior => ("助理社会工作师", "Junior certified"),
        Metric::CertifiedMid => ("社会工作师", "Mid-level certified"),
        Metric::CertifiedSenior => ("高级社会工作师", "Senior certified"),
        Metric::Institutions => ("社会工作服务机构", "Service institutions"),
        Metric::Stations => ("乡镇（街道）社工站", "Township stations"),
        Metric::DemoStations => ("示范站", "Demonstration stations"),
        Metric::Rooms => ("村（社区）社工室", "Village/community rooms"),
        Metric::Positions => ("社会工作专业岗位", "Professional positions"),
        Metric::Budget => ("当年预算", "Budget of the year"),
        Metric::BudgetCumulative => ("累计预算", "Cumulative budget"),
        Metric::StationCoverage => ("社工站覆盖率", "Station coverage"),
        Metric::RoomCoverage => ("社工室覆盖率", "Room coverage"),
        Metric::StaffNeeded => ("站室所需社工", "Staff needed"),
    };
    lang.pick(zh, en)
}

/// The unit beside a target's threshold as the planner types it: "%" for a share (typed in
/// percent), "元"/"yuan" for money, nothing for a count (the figure's name says what it counts).
pub fn threshold_unit(metric: Metric, lang: Lang) -> &'static str {
    match metric.unit() {
        FigureUnit::Share => "%",
        FigureUnit::Yuan => lang.pick("元", "yuan"),
        FigureUnit::Count => "",
    }
}

/// A figure's name as a narrow column's header (the command line's table): short enough to
/// stand over its numbers.
pub fn metric_column_label(metric: Metric, lang: Lang) -> &'static str {
    let (zh, en) = match metric {
        Metric::Talent => ("人才总量", "talent"),
        Metric::Certified => ("持证", "certified"),
        Metric::CertifiedJunior => ("初级", "junior"),
        Metric::CertifiedMid => ("中级", "mid"),
        Metric::CertifiedSenior => ("高级", "senior"),
        Metric::Institutions => ("机构", "institutions"),
        Metric::Stations => ("社工站", "stations"),
        Metric::StationCoverage => ("站覆盖率", "st. coverage"),
        Metric::DemoStations => ("示范站", "demo"),
        Metric::Rooms => ("社工室", "rooms"),
        Metric::RoomCoverage => ("室覆盖率", "rm. coverage"),
        Metric::Positions => ("岗位", "positions"),
        Metric::StaffNeeded => ("所需社工", "staff needed"),
        Metric::Budget => ("当年预算", "budget"),
        Metric::BudgetCumulative => ("累计预算", "cumulative"),
    };
    lang.pick(zh, en)
}

/// A chart's title.
pub fn chart_title(chart: Chart, lang: Lang) -> &'static str {
    match chart {
        Chart::Talent => crate::tr!(lang, chart_talent),
        Chart::Certified => crate::tr!(lang, chart_certified),
        Chart::Coverage => crate::tr!(lang, chart_coverage),
        Chart::Budget => crate::tr!(lang, chart_budget),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::params::PARAMS;

    #[test]
    fn every_parameter_has_a_label_in_both_languages() {
        for p in PARAMS {
            for lang in [Lang::Zh, Lang::En] {
                let label = param_label(p.key, lang);
                assert_ne!(label, p.key, "{} has no {lang:?} label", p.key);
                assert!(!label.is_empty());
            }
        }
        assert_eq!(
            PARAM_LABELS.len(),
            PARAMS.len(),
            "no label for a key that does not exist"
        );
    }

    #[test]
    fn labels_differ_between_languages() {
        for metric in Metric::ALL {
            assert_ne!(
                metric_label(metric, Lang::Zh),
                metric_label(metric, Lang::En)
            );
        }
        for group in Group::ALL {
            assert_ne!(group_label(group, Lang::Zh), group_label(group, Lang::En));
        }
    }
}
