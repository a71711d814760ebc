//! A province rolled up from its cities as documents: the text table for the terminal, the CSV
//! for Excel and the JSON of `swplan rollup`, and the tables the app's dialog shows. The
//! province's year table, each city's part of every figure in a year, the province's targets
//! on the sum and each city's own targets.

use serde::Serialize;

use crate::export::csv::{number_cell, text_cell};
use swplan_engine::rollup::RollUp;
use swplan_engine::{Metric, Target, Verdict, YearRow};
use swplan_words::compare::TextTable;
use swplan_words::export::column_unit;
use swplan_words::labels::metric_column_label;
use swplan_words::messages::metric_value_in_column;
use swplan_words::rollup::{rollup_words, share_text, verdict_line};
use swplan_words::{metric_label, Lang};

/// The figures a roll-up lists, in reading order: the stocks and money, coverage beside what
/// it covers.
pub const ROLLUP_FIGURES: [Metric; 9] = [
    Metric::Talent,
    Metric::Certified,
    Metric::Institutions,
    Metric::Stations,
    Metric::StationCoverage,
    Metric::Rooms,
    Metric::RoomCoverage,
    Metric::Positions,
    Metric::BudgetCumulative,
];

/// The province's year table, worded (numbers as the planner reads them).
pub fn province_table(rollup: &RollUp, lang: Lang) -> TextTable {
    let largest = |m: Metric| {
        rollup
            .total
            .years
            .iter()
            .map(|r| m.value(r))
            .fold(0.0, f64::max)
    };
    TextTable {
        header: std::iter::once(swplan_words::strings::strings(lang).year.to_string())
            .chain(
                ROLLUP_FIGURES
                    .iter()
                    .map(|m| metric_column_label(*m, lang).to_string()),
            )
            .collect(),
        rows: rollup
            .total
            .years
            .iter()
            .map(|row: &YearRow| {
                std::iter::once(row.year.to_string())
                    .chain(
                        ROLLUP_FIGURES
                            .iter()
                            .map(|m| metric_value_in_column(*m, m.value(row), largest(*m), lang)),
                    )
                    .collect()
            })
            .collect(),
    }
}

/// Each city's part of `metric` in `year`: its value and share, then the total.
pub fn contribution_table(
    rollup: &RollUp,
    cities: &[String],
    metric: Metric,
    year: i32,
    lang: Lang,
) -> TextTable {
    let words = rollup_words(lang);
    let total = rollup.total.row(year).map_or(f64::NAN, |r| metric.value(r));
    let value = |v: f64| metric_value_in_column(metric, v, total, lang);
    let mut rows: Vec<Vec<String>> = (0..rollup.cities.len())
        .map(|i| {
            let part = rollup.contribution(i, metric, year);
            vec![
                cities.get(i).cloned().unwrap_or_default(),
                part.map_or(String::new(), |c| value(c.value)),
                share_text(part.and_then(|c| c.share), lang),
            ]
        })
        .collect();
    rows.push(vec![
        words.total.to_string(),
        value(total),
        share_text(Some(1.0).filter(|_| total != 0.0), lang),
    ]);
    TextTable {
        header: vec![
            words.city.to_string(),
            swplan_words::rollup::figure_in_year(metric, year, lang),
            words.share.to_string(),
        ],
        rows,
    }
}

/// The whole roll-up as text for a terminal.
pub fn rollup_text(rollup: &RollUp, cities: &[String], targets: &[Target], lang: Lang) -> String {
    let words = rollup_words(lang);
    let last = rollup.total.years.last().map_or(0, |r| r.year);
    let mut out = match lang {
        Lang::Zh => format!("{}：{}\n\n", words.open, cities.join(" + ")),
        Lang::En => format!("{}: {}\n\n", words.open, cities.join(" + ")),
    };
    out += &crate::table::aligned(&province_table(rollup, lang));
    for metric in contribution_figures(targets) {
        let year = targets
            .iter()
            .find(|t| t.metric == metric)
            .map_or(last, |t| t.deadline);
        out += "\n";
        out += &crate::table::aligned(&contribution_table(rollup, cities, metric, year, lang));
    }
    out += &format!("\n{}\n", words.province_targets);
    if rollup.verdicts.is_empty() {
        out += &format!("  {}\n", words.no_targets);
    }
    for verdict in &rollup.verdicts {
        out += &format!("  {}\n", verdict_line(verdict, lang));
    }
    out += &format!("\n{}\n", words.city_targets);
    for (city, name) in rollup.cities.iter().zip(cities) {
        for verdict in &city.verdicts {
            out += &format!("  {name} — {}\n", verdict_line(verdict, lang));
        }
    }
    out
}

/// The figures whose city parts are listed: the province targets', else talent.
fn contribution_figures(targets: &[Target]) -> Vec<Metric> {
    let mut figures: Vec<Metric> = Vec::new();
    for t in targets {
        if !figures.contains(&t.metric) {
            figures.push(t.metric);
        }
    }
    if figures.is_empty() {
        figures.push(Metric::Talent);
    }
    figures
}

/// The roll-up for Excel: per figure and year, each city's value and the province's, numbers
/// plain; then the targets with their verdicts.
pub fn rollup_csv(rollup: &RollUp, cities: &[String], lang: Lang) -> String {
    let words = rollup_words(lang);
    let strings = swplan_words::strings::strings(lang);
    let mut out = String::from("\u{feff}");
    let mut line = |cells: Vec<String>| {
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    line(
        [strings.year.to_string(), words.figure.to_string()]
            .into_iter()
            .chain(cities.iter().cloned())
            .chain([words.total.to_string()])
            .map(|c| text_cell(&c))
            .collect(),
    );
    for metric in ROLLUP_FIGURES {
        let label = format!(
            "{}{}",
            metric_label(metric, lang),
            column_unit(metric, lang)
        );
        for row in &rollup.total.years {
            let mut cells = vec![row.year.to_string(), text_cell(&label)];
            for (i, _) in rollup.cities.iter().enumerate() {
                let value = rollup.contribution(i, metric, row.year).map(|c| c.value);
                cells.push(value.map(cell_of(metric)).unwrap_or_default());
            }
            cells.push(cell_of(metric)(metric.value(row)));
            line(cells);
        }
    }
    let verdicts = rollup
        .verdicts
        .iter()
        .map(|v| (words.total.to_string(), v))
        .chain(
            rollup
                .cities
                .iter()
                .zip(cities)
                .flat_map(|(c, name)| c.verdicts.iter().map(move |v| (name.clone(), v))),
        );
    let mut first = true;
    for (owner, verdict) in verdicts {
        if first {
            out.push_str("\r\n");
            first = false;
        }
        out.push_str(&format!(
            "{},{}\r\n",
            text_cell(&owner),
            text_cell(&verdict_line(verdict, lang))
        ));
    }
    out
}

fn cell_of(metric: Metric) -> impl Fn(f64) -> String {
    move |v| {
        if metric.is_coverage() {
            number_cell(v)
        } else {
            number_cell(v.round())
        }
    }
}

#[derive(Serialize)]
struct CityJson<'a> {
    name: &'a str,
    region: &'a str,
    years: &'a [YearRow],
    targets: &'a [Verdict],
}

#[derive(Serialize)]
struct RollUpJson<'a> {
    cities: Vec<CityJson<'a>>,
    townships: f64,
    villages: f64,
    years: &'a [YearRow],
    targets: &'a [Verdict],
}

/// The roll-up as JSON: the province's rows and verdicts, each city's rows and own verdicts.
pub fn rollup_json(rollup: &RollUp, cities: &[String]) -> String {
    let json = RollUpJson {
        cities: rollup
            .cities
            .iter()
            .zip(cities)
            .map(|(c, name)| CityJson {
                name,
                region: &c.region,
                years: &c.trajectory.years,
                targets: &c.verdicts,
            })
            .collect(),
        townships: rollup.townships,
        villages: rollup.villages,
        years: &rollup.total.years,
        targets: &rollup.verdicts,
    };
    // Cannot fail: plain numbers, strings and lists.
    serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::rollup::rollup;

    fn three() -> (RollUp, Vec<String>) {
        let cities: Vec<swplan_engine::Scenario> = ["jinan", "lanzhou", "nanchang"]
            .iter()
            .map(|s| swplan_plans::presets::by_slug(s).unwrap().scenario.clone())
            .collect();
        let target = Target {
            metric: Metric::StationCoverage,
            threshold: 1.0,
            deadline: 2025,
            source: None,
        };
        (
            rollup(&cities, &[target]).unwrap(),
            vec!["济南市".into(), "兰州市".into(), "南昌市".into()],
        )
    }

    #[test]
    fn the_text_lists_the_sum_the_parts_and_both_kinds_of_target() {
        let (up, names) = three();
        let targets = [Target {
            metric: Metric::StationCoverage,
            threshold: 1.0,
            deadline: 2025,
            source: None,
        }];
        let text = rollup_text(&up, &names, &targets, Lang::Zh);
        assert!(text.contains("济南市 + 兰州市 + 南昌市"), "{text}");
        assert!(text.contains("社工站覆盖率（2025年）"), "{text}");
        assert!(
            text.contains("全省目标（按合计判断）\n  社工站覆盖率 ≥ 100%（2025年）"),
            "{text}"
        );
        assert!(text.contains("济南市 — 社工站覆盖率"), "{text}");
    }

    #[test]
    fn the_csv_gives_each_city_and_the_total_per_figure_and_year() {
        let (up, names) = three();
        let text = rollup_csv(&up, &names, Lang::En);
        assert!(text.starts_with("\u{feff}Year,Figure,济南市,兰州市,南昌市,Total\r\n"));
        let row = text
            .lines()
            .find(|l| l.starts_with("2022,Township stations"))
            .unwrap();
        let cells: Vec<f64> = row.split(',').skip(2).map(|c| c.parse().unwrap()).collect();
        assert_eq!(cells[0] + cells[1] + cells[2], cells[3]);
    }

    #[test]
    fn the_json_holds_the_province_and_its_cities() {
        let (up, names) = three();
        let value: serde_json::Value = serde_json::from_str(&rollup_json(&up, &names)).unwrap();
        assert_eq!(value["cities"].as_array().unwrap().len(), 3);
        assert_eq!(value["targets"].as_array().unwrap().len(), 1);
        assert_eq!(value["cities"][0]["name"], "济南市");
    }
}
