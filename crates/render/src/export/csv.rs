//! The year table as a CSV file that Excel opens correctly with Chinese headers: UTF-8 with a
//! byte-order mark (without it Excel reads the bytes as the local code page), CRLF line ends,
//! RFC 4180 quoting. Every figure of every year, its P10/P50/P90 when Monte Carlo ran, then a
//! blank line and the targets with their verdicts.

use swplan_engine::montecarlo::Summary;
use swplan_engine::{Goal, Metric, Scenario, Trajectory, Verdict, YearRow};
use swplan_words::export::{column_unit, csv_words, unit_name};
use swplan_words::provenance::OriginKind;
use swplan_words::settings_table::{setting_rows, Rates};
use swplan_words::{metric_label, Lang};

use super::cells::{figure_cell, push_row, LINE_END};
pub use super::cells::{number_cell, text_cell};

const BOM: &str = "\u{feff}";

/// The CSV of a trajectory, its verdicts (in the scenario's target order) and, when given, the
/// Monte Carlo summary of the same scenario.
pub fn year_table_csv(
    trajectory: &Trajectory,
    verdicts: &[Verdict],
    summary: Option<&Summary>,
    lang: Lang,
) -> String {
    let mut out = String::from(BOM);
    let words = csv_words(lang);
    let mut header = vec![text_cell(words.year_column)];
    for metric in Metric::ALL {
        let (label, unit) = (metric_label(metric, lang), column_unit(metric, lang));
        header.push(text_cell(&format!("{label}{unit}")));
        if summary.is_some() {
            for band in ["P10", "P50", "P90"] {
                header.push(text_cell(&format!("{label} {band}{unit}")));
            }
        }
    }
    push_row(&mut out, &header);
    for (index, row) in trajectory.years.iter().enumerate() {
        let mut cells = vec![row.year.to_string()];
        for metric in Metric::ALL {
            cells.push(figure_cell(metric, metric.value(row)));
            if let Some(summary) = summary {
                for band in [&summary.p10, &summary.p50, &summary.p90] {
                    let value = band.get(index).map(|r: &YearRow| metric.value(r));
                    cells.push(value.map(|v| figure_cell(metric, v)).unwrap_or_default());
                }
            }
        }
        push_row(&mut out, &cells);
    }

    if !verdicts.is_empty() {
        out.push_str(LINE_END);
        let mut header: Vec<String> = words.target_columns.map(text_cell).to_vec();
        if summary.is_some() {
            header.push(text_cell(words.probability_column));
        }
        header.push(text_cell(words.target_unit_column));
        push_row(&mut out, &header);
        for (index, v) in verdicts.iter().enumerate() {
            let ceiling = v.metric.goal() == Some(Goal::AtMost);
            let goal = if ceiling { "≤" } else { "≥" };
            // A ceiling holds from the base year on: its "first year met" says nothing.
            let first_year = v.first_year_met.filter(|_| !ceiling);
            let mut cells = vec![
                text_cell(metric_label(v.metric, lang)),
                text_cell(goal),
                figure_cell(v.metric, v.threshold),
                v.deadline.to_string(),
                text_cell(if v.met { words.yes } else { words.no }),
                first_year.map(|y| y.to_string()).unwrap_or_default(),
                figure_cell(v.metric, v.gap),
                figure_cell(
                    v.metric,
                    if v.met {
                        (v.value_at_deadline - v.threshold).abs()
                    } else {
                        0.0
                    },
                ),
            ];
            if let Some(summary) = summary {
                let probability = summary.targets.get(index).map(|odds| odds.probability);
                cells.push(probability.map(number_cell).unwrap_or_default());
            }
            let unit = unit_name(v.metric.unit(), v.metric.counts_people(), lang);
            cells.push(text_cell(unit));
            push_row(&mut out, &cells);
        }
    }
    out
}

/// What the file is about, for [`plan_csv`]: a spreadsheet must say what produced its numbers.
pub struct PlanContext<'a> {
    pub scenario: &'a Scenario,
    /// The planner's name for the plan.
    pub name: Option<&'a str>,
    /// The plan's share link, which reopens exactly these numbers.
    pub link: Option<&'a str>,
    /// What the plan started from (the preset), to mark the settings changed from it and to
    /// say where each number comes from.
    pub baseline: Option<&'a Scenario>,
}

/// The whole plan for Excel: what it is (region, name, years, link), the year table and the
/// targets of [`year_table_csv`], then every setting with its unit, whether it was changed
/// from the preset, and whether it comes from a source or is an assumption.
pub fn plan_csv(
    context: &PlanContext,
    trajectory: &Trajectory,
    verdicts: &[Verdict],
    summary: Option<&Summary>,
    lang: Lang,
) -> String {
    let scenario = context.scenario;
    let words = csv_words(lang);
    let mut out = String::from(BOM);
    let mut about = vec![
        (
            words.region,
            lang.pick(&scenario.name.zh, &scenario.name.en).to_string(),
        ),
        (
            words.years,
            format!("{}–{}", scenario.base_year, scenario.end_year),
        ),
    ];
    if let Some(name) = context.name {
        about.insert(1, (words.plan, name.to_string()));
    }
    if let Some(link) = context.link {
        about.push((words.link, link.to_string()));
    }
    about.push((words.units, words.units_note.to_string()));
    for (label, value) in about {
        push_row(&mut out, &[text_cell(label), text_cell(&value)]);
    }
    out.push_str(LINE_END);
    out.push_str(year_table_csv(trajectory, verdicts, summary, lang).trim_start_matches(BOM));
    out.push_str(&super::actuals_csv::actuals_section(
        scenario, trajectory, lang,
    ));
    out.push_str(LINE_END);
    push_row(&mut out, &words.setting_columns.map(text_cell));
    for row in setting_rows(
        scenario,
        context.baseline,
        (":", " "),
        Rates::Fraction,
        lang,
    ) {
        let changed = match row.changed {
            Some(true) => words.changed,
            Some(false) => words.as_preset,
            None => "",
        };
        let (origin, detail) = match &row.origin {
            Some((OriginKind::Document, detail)) => (words.source_document, detail.as_str()),
            Some((OriginKind::Assumption, detail)) => (words.assumption, detail.as_str()),
            Some((kind, detail)) => (kind.label(lang), detail.as_str()),
            None => ("", ""),
        };
        push_row(
            &mut out,
            &[
                text_cell(row.label),
                text_cell(&row.value),
                text_cell(&row.unit),
                text_cell(changed),
                text_cell(origin),
                text_cell(detail),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::montecarlo::{simulate_many, Settings};
    use swplan_engine::{evaluate, simulate};
    use swplan_plans::presets;

    fn yunnan_csv(summary: bool, lang: Lang) -> String {
        let scenario = &presets::default_preset().scenario;
        let trajectory = simulate(scenario).unwrap();
        let verdicts: Vec<Verdict> = scenario
            .targets
            .iter()
            .map(|t| evaluate(t, &trajectory))
            .collect();
        let summary = summary.then(|| simulate_many(scenario, Settings::clamped(100, 1)).unwrap());
        year_table_csv(&trajectory, &verdicts, summary.as_ref(), lang)
    }

    #[test]
    fn people_are_whole_and_shares_keep_their_decimals() {
        let text = yunnan_csv(false, Lang::En);
        let row = text.trim_start_matches(BOM).split("\r\n").nth(2).unwrap();
        let cells: Vec<&str> = row.split(',').collect();
        let talent = Metric::ALL
            .iter()
            .position(|m| *m == Metric::Talent)
            .unwrap()
            + 1;
        let coverage = Metric::ALL
            .iter()
            .position(|m| *m == Metric::StationCoverage)
            .unwrap()
            + 1;
        assert!(!cells[talent].contains('.'), "{}", cells[talent]);
        assert!(cells[coverage].starts_with("0."), "{}", cells[coverage]);
    }

    #[test]
    fn the_plan_file_says_what_produced_it_and_lists_every_setting() {
        let preset = presets::default_preset();
        let mut scenario = preset.scenario.clone();
        scenario.levers.hires = swplan_engine::Yearly::Constant(18_000.0);
        let trajectory = simulate(&scenario).unwrap();
        let verdicts: Vec<Verdict> = scenario
            .targets
            .iter()
            .map(|t| evaluate(t, &trajectory))
            .collect();
        let context = PlanContext {
            scenario: &scenario,
            name: Some("多招人, 少流失"),
            link: Some("http://intranet/sw/?v=1&p=yunnan.2&h=18000"),
            baseline: Some(&preset.scenario),
        };
        let text = plan_csv(&context, &trajectory, &verdicts, None, Lang::Zh);
        assert!(text
            .starts_with("\u{feff}地区,云南省\r\n方案,\"多招人, 少流失\"\r\n年份,2020–2030\r\n"));
        assert!(text.contains("链接（打开后数字相同）,http://intranet/sw/?v=1&p=yunnan.2&h=18000"));
        // A changed value is the planner's: the preset's assumption was about another number.
        assert!(
            text.contains("\r\n每年新增人才,18000,人/年,已修改,规划者设定,本方案自行设定（原值 12000 人/年），未注明来源\r\n"),
            "{text}"
        );
        assert!(text.contains("\r\n起点人才总量,84500,人,同预设,来源文件,"));
    }

    #[test]
    fn the_plan_file_gives_the_planners_sources_and_a_certified_total() {
        let blank = presets::blank();
        let mut scenario = blank.clone();
        scenario.sources.clear();
        scenario.assumptions.talent = 2_400.0;
        scenario.planner_sources.insert(
            "talent".into(),
            swplan_engine::PlannerSource {
                document: "《2023年某市民政事业发展统计公报》".into(),
                date: "2024-03".into(),
                quote: "全市社会工作专业人才2400人".into(),
            },
        );
        scenario.certified_total = Some(swplan_engine::CertifiedTotal::with_default_split(658.0));
        scenario.apply_certified_total();
        let trajectory = simulate(&scenario).unwrap();
        let context = PlanContext {
            scenario: &scenario,
            name: None,
            link: None,
            baseline: Some(blank),
        };
        let text = plan_csv(&context, &trajectory, &[], None, Lang::Zh);
        assert!(
            text.contains("\r\n起点人才总量,2400,人,已修改,规划者来源,《2023年某市民政事业发展统计公报》，2024-03：“全市社会工作专业人才2400人”（原值 0 人）\r\n"),
            "{text}"
        );
        assert!(text.contains("\r\n起点持证社工总数,658,人,已修改,规划者设定,"));
        assert!(text.contains(
            "\r\n持证社工级别结构,初级 75%，高级 0.05%，中级为其余（24.95%）,,已修改,假设,"
        ));
        assert!(text.contains(
            "\r\n起点助理社会工作师,494,人,已修改,规划者设定,由持证社工总数 658 人按级别比例推算"
        ));
    }

    #[test]
    fn starts_with_a_byte_order_mark_and_ends_lines_with_crlf() {
        let text = yunnan_csv(false, Lang::Zh);
        assert!(text.starts_with("\u{feff}年份,社会工作人才总量（人）,"));
        assert!(text.ends_with("\r\n"));
        assert!(
            !text.replace("\r\n", "").contains('\n'),
            "every line ends in CRLF"
        );
    }

    #[test]
    fn every_figure_of_every_year_has_a_column_labelled_in_the_language() {
        let text = yunnan_csv(false, Lang::En);
        let mut lines = text.trim_start_matches(BOM).split("\r\n");
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        assert_eq!(header.len(), 1 + Metric::ALL.len());
        for metric in Metric::ALL {
            let unit = column_unit(metric, Lang::En);
            assert!(header.contains(&format!("{}{unit}", metric_label(metric, Lang::En)).as_str()));
        }
        let scenario = &presets::default_preset().scenario;
        let rows: Vec<&str> = lines.take_while(|l| !l.is_empty()).collect();
        assert_eq!(rows.len(), scenario.horizon() + 1);
        assert!(rows[0].starts_with(&format!("{},84500,", scenario.base_year)));
    }

    #[test]
    fn percentile_columns_follow_each_figure_when_monte_carlo_ran() {
        let text = yunnan_csv(true, Lang::Zh);
        let header = text.trim_start_matches(BOM).lines().next().unwrap();
        assert!(header.starts_with(
            "年份,社会工作人才总量（人）,社会工作人才总量 P10（人）,社会工作人才总量 P50（人）,社会工作人才总量 P90（人）,持证社工（人）,"
        ));
        assert_eq!(header.split(',').count(), 1 + 4 * Metric::ALL.len());
    }

    #[test]
    fn targets_follow_after_a_blank_line_with_their_verdicts() {
        let text = yunnan_csv(true, Lang::Zh);
        let (_, targets) = text.split_once("\r\n\r\n").unwrap();
        let lines: Vec<&str> = targets.lines().collect();
        assert_eq!(
            lines[0],
            "指标,要求,目标值,截止年份,是否达成,首次达到年份,差距,余量,达成概率（比例，0–1）,单位（目标值、差距、余量）"
        );
        assert!(
            lines[1].starts_with("社会工作人才总量,≥,140000,2025,"),
            "{}",
            lines[1]
        );
        assert!(lines[1].ends_with(",人"), "{}", lines[1]);
        assert_eq!(lines[1].split(',').count(), 10);
    }

    #[test]
    fn every_share_is_a_fraction_and_every_header_says_so() {
        // Ningxia: a coverage target, rates among the settings, odds from a Monte Carlo.
        let preset = presets::by_slug("ningxia").unwrap();
        let scenario = &preset.scenario;
        let trajectory = simulate(scenario).unwrap();
        let verdicts: Vec<Verdict> = scenario
            .targets
            .iter()
            .map(|t| evaluate(t, &trajectory))
            .collect();
        let summary = simulate_many(scenario, Settings::clamped(100, 1)).unwrap();
        let context = PlanContext {
            scenario,
            name: None,
            link: None,
            baseline: Some(scenario),
        };
        let text = plan_csv(&context, &trajectory, &verdicts, Some(&summary), Lang::Zh);
        // The convention, stated once above the table.
        assert!(
            text.contains(
                "\r\n单位约定,比例（覆盖率、流失率、通过率、达成概率等）一律写作0–1的小数"
            ),
            "{text}"
        );
        // The odds say their unit; a coverage target's threshold, gap and margin say theirs.
        assert!(
            text.contains(",达成概率（比例，0–1）,单位（目标值、差距、余量）\r\n"),
            "{text}"
        );
        let coverage = text
            .lines()
            .find(|l| l.starts_with("社工室覆盖率,≥,"))
            .expect("the room coverage target");
        assert!(coverage.starts_with("社工室覆盖率,≥,1,2027,"), "{coverage}");
        assert!(coverage.ends_with(",比例（0–1）"), "{coverage}");
        // Rates among the settings are fractions too, not percentages.
        assert!(text.contains("\r\n年流失率,0.08,比例（0–1）,"), "{text}");
        assert!(!text.contains(",%,"), "no setting in percent");
    }

    #[test]
    fn a_ceiling_has_no_first_year_met() {
        let mut scenario = presets::default_preset().scenario.clone();
        scenario.targets.push(swplan_engine::Target {
            metric: Metric::BudgetCumulative,
            threshold: 1e12,
            deadline: 2025,
            source: None,
        });
        let trajectory = simulate(&scenario).unwrap();
        let verdicts: Vec<Verdict> = scenario
            .targets
            .iter()
            .map(|t| evaluate(t, &trajectory))
            .collect();
        let text = year_table_csv(&trajectory, &verdicts, None, Lang::Zh);
        let row = text.lines().find(|l| l.starts_with("累计预算,≤,")).unwrap();
        assert!(
            row.starts_with("累计预算,≤,1000000000000,2025,是,,"),
            "{row}"
        );
        assert!(row.ends_with(",元"), "{row}");
    }

    #[test]
    fn fields_with_commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(text_cell("plain"), "plain");
        assert_eq!(text_cell("a,b"), "\"a,b\"");
        assert_eq!(text_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text_cell("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn text_that_excel_would_run_as_a_formula_is_defused() {
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(text_cell("@SUM"), "'@SUM");
    }

    #[test]
    fn numbers_are_plain_and_rounded_to_four_decimals() {
        assert_eq!(number_cell(84500.0), "84500");
        assert_eq!(number_cell(0.123456), "0.1235");
        assert_eq!(number_cell(94560.8), "94560.8");
        assert_eq!(number_cell(f64::NAN), "");
        assert_eq!(number_cell(-0.0), "0");
    }
}
