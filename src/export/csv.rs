//! The year table as a CSV file that Excel opens correctly with Chinese headers: UTF-8 with a
//! byte-order mark (without it Excel reads the bytes as the local code page), CRLF line ends,
//! RFC 4180 quoting. Every figure of every year, its P10/P50/P90 when Monte Carlo ran, then a
//! blank line and the targets with their verdicts.

use crate::i18n::{metric_label, Lang};
use crate::model::montecarlo::Summary;
use crate::model::{Goal, Metric, Trajectory, Verdict, YearRow};

const BOM: &str = "\u{feff}";
const LINE_END: &str = "\r\n";

/// The CSV of a trajectory, its verdicts (in the scenario's target order) and, when given, the
/// Monte Carlo summary of the same scenario.
pub fn year_table_csv(
    trajectory: &Trajectory,
    verdicts: &[Verdict],
    summary: Option<&Summary>,
    lang: Lang,
) -> String {
    let mut out = String::from(BOM);
    let mut header = vec![text_cell(lang.pick("年份", "Year"))];
    for metric in Metric::ALL {
        let label = metric_label(metric, lang);
        header.push(text_cell(label));
        if summary.is_some() {
            for band in ["P10", "P50", "P90"] {
                header.push(text_cell(&format!("{label} {band}")));
            }
        }
    }
    push_row(&mut out, &header);
    for (index, row) in trajectory.years.iter().enumerate() {
        let mut cells = vec![row.year.to_string()];
        for metric in Metric::ALL {
            cells.push(number_cell(metric.value(row)));
            if let Some(summary) = summary {
                for band in [&summary.p10, &summary.p50, &summary.p90] {
                    let value = band.get(index).map(|r: &YearRow| metric.value(r));
                    cells.push(value.map(number_cell).unwrap_or_default());
                }
            }
        }
        push_row(&mut out, &cells);
    }

    if !verdicts.is_empty() {
        out.push_str(LINE_END);
        let titles: [(&str, &str); 8] = [
            ("指标", "Metric"),
            ("要求", "Goal"),
            ("目标值", "Threshold"),
            ("截止年份", "Deadline"),
            ("是否达成", "Met"),
            ("首次达到年份", "First year met"),
            ("差距", "Gap"),
            ("达成概率", "Probability"),
        ];
        let with_odds = summary.is_some();
        let header: Vec<String> = titles
            .iter()
            .take(if with_odds { 8 } else { 7 })
            .map(|(zh, en)| text_cell(lang.pick(zh, en)))
            .collect();
        push_row(&mut out, &header);
        for (index, v) in verdicts.iter().enumerate() {
            let goal = match v.metric.goal() {
                Some(Goal::AtMost) => "≤",
                _ => "≥",
            };
            let mut cells = vec![
                text_cell(metric_label(v.metric, lang)),
                text_cell(goal),
                number_cell(v.threshold),
                v.deadline.to_string(),
                text_cell(match (v.met, lang) {
                    (true, Lang::Zh) => "是",
                    (false, Lang::Zh) => "否",
                    (true, Lang::En) => "yes",
                    (false, Lang::En) => "no",
                }),
                v.first_year_met.map(|y| y.to_string()).unwrap_or_default(),
                number_cell(v.gap),
            ];
            if let Some(summary) = summary {
                let probability = summary.targets.get(index).map(|odds| odds.probability);
                cells.push(probability.map(number_cell).unwrap_or_default());
            }
            push_row(&mut out, &cells);
        }
    }
    out
}

fn push_row(out: &mut String, cells: &[String]) {
    out.push_str(&cells.join(","));
    out.push_str(LINE_END);
}

/// A number as Excel reads it: whole numbers whole, others to four decimals (coverage and
/// probabilities are fractions, as everywhere in data).
pub fn number_cell(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    // `+ 0.0` turns a negative zero into zero, which Excel would otherwise show as "-0".
    let rounded = (value * 1e4).round() / 1e4 + 0.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded}")
    }
}

/// A text field, quoted when RFC 4180 requires it (comma, quote, line break), its quotes
/// doubled. Text that Excel would run as a formula (`=`, `+`, `-`, `@` first) gets a leading
/// apostrophe: names come from links, and a link must not carry a formula into a spreadsheet.
pub fn text_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::montecarlo::{simulate_many, Settings};
    use crate::model::{evaluate, simulate};
    use crate::presets;

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
    fn starts_with_a_byte_order_mark_and_ends_lines_with_crlf() {
        let text = yunnan_csv(false, Lang::Zh);
        assert!(text.starts_with("\u{feff}年份,社会工作人才总量,"));
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
            assert!(header.contains(&metric_label(metric, Lang::En)));
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
            "年份,社会工作人才总量,社会工作人才总量 P10,社会工作人才总量 P50,社会工作人才总量 P90,持证社工,"
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
            "指标,要求,目标值,截止年份,是否达成,首次达到年份,差距,达成概率"
        );
        assert!(
            lines[1].starts_with("社会工作人才总量,≥,140000,2025,"),
            "{}",
            lines[1]
        );
        assert_eq!(lines[1].split(',').count(), 8);
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
