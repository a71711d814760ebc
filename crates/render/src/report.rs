//! Results as text for the command line: an aligned table, or JSON (a public interface). The
//! CSV for spreadsheets is `export::csv`.

use serde::Serialize;

use swplan_engine::{Metric, Scenario, Trajectory, Verdict, YearRow};
use swplan_words::labels::metric_column_label;
pub use swplan_words::messages::metric_value;
use swplan_words::messages::metric_value_in_column;
use swplan_words::messages::warning_message;
use swplan_words::terminal::{odds_line, terminal_words, uncertainty_heading, verdict_sentence};
use swplan_words::Lang;

/// Output formats of `swplan run`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
}

impl Format {
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "table" => Some(Format::Table),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// A warning with its message, as JSON shows it.
#[derive(Serialize)]
struct WarningJson {
    code: swplan_engine::WarningCode,
    first_year: i32,
    last_year: i32,
    message: String,
}

#[derive(Serialize)]
struct ReportJson<'a, Y: Serialize, T: Serialize> {
    region: &'a str,
    base_year: i32,
    end_year: i32,
    years: Vec<Y>,
    targets: Vec<T>,
    warnings: Vec<WarningJson>,
}

/// The JSON report: `{"years":[…],"targets":[…],"warnings":[…]}` plus the region and years.
/// Callers pass the rows and verdicts, possibly extended (Monte Carlo percentiles).
pub fn json<Y: Serialize, T: Serialize>(
    scenario: &Scenario,
    years: Vec<Y>,
    targets: Vec<T>,
    trajectory: &Trajectory,
    lang: Lang,
) -> String {
    let report = ReportJson {
        region: &scenario.region,
        base_year: scenario.base_year,
        end_year: scenario.end_year,
        years,
        targets,
        warnings: trajectory
            .warnings
            .iter()
            .map(|w| WarningJson {
                code: w.code,
                first_year: w.first_year,
                last_year: w.last_year,
                message: warning_message(w, lang),
            })
            .collect(),
    };
    // Cannot fail: every field is a plain number, string or list (no maps with non-string keys).
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

/// The year table and verdicts as aligned text for a terminal.
pub fn table(
    scenario: &Scenario,
    trajectory: &Trajectory,
    verdicts: &[Verdict],
    lang: Lang,
) -> String {
    let name = lang.pick(&scenario.name.zh, &scenario.name.en);
    let mut out = format!("{name}  {}–{}\n\n", scenario.base_year, scenario.end_year);
    let columns = Metric::READING_ORDER;
    let words = terminal_words(lang);
    let headers: Vec<&str> = std::iter::once(words.year_column)
        .chain(columns.iter().map(|m| metric_column_label(*m, lang)))
        .collect();
    // Each column in one unit and one form down its length, as the app's year table.
    let largest: Vec<f64> = columns
        .iter()
        .map(|m| {
            trajectory
                .years
                .iter()
                .map(|r| m.value(r).abs())
                .fold(0.0, f64::max)
        })
        .collect();
    let rows: Vec<Vec<String>> = trajectory
        .years
        .iter()
        .map(|r| {
            std::iter::once(r.year.to_string())
                .chain(
                    columns
                        .iter()
                        .zip(&largest)
                        .map(|(m, top)| metric_value_in_column(*m, m.value(r), *top, lang)),
                )
                .collect()
        })
        .collect();
    let width = |i: usize| {
        rows.iter()
            .map(|r| display_width(&r[i]))
            .chain([display_width(headers[i])])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..headers.len()).map(width).collect();
    let pad = |text: &str, w: usize| {
        let fill = w.saturating_sub(display_width(text));
        format!("{}{text}", " ".repeat(fill))
    };
    let line = |cells: Vec<String>| cells.join("  ").trim_end().to_string() + "\n";
    out += &line(
        (0..headers.len())
            .map(|i| pad(headers[i], widths[i]))
            .collect(),
    );
    for row in &rows {
        out += &line((0..row.len()).map(|i| pad(&row[i], widths[i])).collect());
    }

    if !verdicts.is_empty() {
        out += &format!("\n{}\n", words.targets);
        for v in verdicts {
            out += &format!("  {}\n", verdict_sentence(v, lang));
        }
    }
    if !trajectory.warnings.is_empty() {
        out += &format!("\n{}\n", words.warnings);
        for w in &trajectory.warnings {
            out += &format!("  {}\n", warning_message(w, lang));
        }
    }
    out
}

/// Monte Carlo results under the table: each target's probability and the P10–P90 range of
/// its metric at the deadline.
pub fn odds_table(
    scenario: &Scenario,
    verdicts: &[Verdict],
    summary: &swplan_engine::montecarlo::Summary,
    lang: Lang,
) -> String {
    let settings = summary.settings;
    let mut out = format!(
        "\n{}\n",
        uncertainty_heading(settings.runs, settings.seed, lang)
    );
    for (v, odds) in verdicts.iter().zip(&summary.targets) {
        let index = usize::try_from(v.deadline - scenario.base_year).unwrap_or(0);
        let range = |rows: &[YearRow]| rows.get(index).map_or(0.0, |row| v.metric.value(row));
        let (low, high) = (range(&summary.p10), range(&summary.p90));
        out += &format!("  {}\n", odds_line(v, odds.probability, low, high, lang));
    }
    out
}

pub use swplan_words::display_width;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_characters_count_double_in_the_table() {
        assert_eq!(display_width("年份"), 4);
        assert_eq!(display_width("year"), 4);
    }
}
