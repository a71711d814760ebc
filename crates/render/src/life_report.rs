//! A plan's life as text for the command line: plan against actual (the deviation table and
//! each target's outlook), and a calibration as a table, a CSV or JSON.

use serde::Serialize;

use crate::export::csv::{number_cell, text_cell};
use swplan_engine::calibrate::{Calibration, FitPoint, Lever};
use swplan_plans::life::ActualsView;
use swplan_words::actuals::{
    actuals_words, adjustment_text, outlook_sentence, signed_percent, signed_value,
};
use swplan_words::calibration::{
    calibration_words, fit_quality, fitted_lever_text, lever_error, lever_label, lever_value,
};
use swplan_words::compare::TextTable;
use swplan_words::messages::{metric_value, metric_value_as};
use swplan_words::{metric_label, Lang};

/// Plan against actual, per figure and year, then each target's outlook.
pub fn actuals_text(view: &ActualsView, lang: Lang) -> String {
    let words = actuals_words(lang);
    let mut out = format!("\n{}\n", words.deviation_heading);
    let table = TextTable {
        header: [
            words.figure_picker,
            words.year,
            words.plan,
            words.actual,
            words.difference,
            words.percent,
        ]
        .map(String::from)
        .to_vec(),
        rows: view
            .deviations
            .iter()
            .flat_map(|series| {
                series.rows.iter().map(move |row| {
                    let m = series.metric;
                    vec![
                        metric_label(m, lang).to_string(),
                        row.year.to_string(),
                        metric_value(m, row.plan, lang),
                        metric_value_as(m, row.actual, row.plan, lang),
                        signed_value(m, row.difference, lang),
                        signed_percent(row.relative, lang),
                    ]
                })
            })
            .collect(),
    };
    out += &crate::table::aligned(&table);
    for problem in &view.problems {
        out += &format!(
            "  {}\n",
            swplan_words::actuals::actuals_problem_text(problem, lang)
        );
    }
    if let Some(reprojection) = &view.reprojection {
        out += &format!(
            "\n{}\n",
            swplan_words::actuals::reprojection_note(reprojection.start.year, lang)
        );
        for adjustment in &reprojection.adjustments {
            out += &format!("  {}\n", adjustment_text(adjustment, lang));
        }
    }
    for outlook in &view.outlook {
        out += &format!("  {}\n", outlook_sentence(outlook, lang));
    }
    out
}

/// The fitted levers, the fit per year, R² and the largest miss, for a terminal.
pub fn calibration_text(calibration: &Calibration, lang: Lang) -> String {
    let words = calibration_words(lang);
    let mut out = format!("{}\n", words.heading);
    for fitted in &calibration.levers {
        out += &format!("  {}\n", fitted_lever_text(fitted, lang));
    }
    out += &format!("{}\n\n{}\n", fit_quality(calibration, lang), words.per_year);
    out += &crate::table::aligned(&fit_table(calibration, lang));
    out
}

fn fit_table(calibration: &Calibration, lang: Lang) -> TextTable {
    let words = calibration_words(lang);
    let actuals = actuals_words(lang);
    TextTable {
        header: [
            actuals.figure_picker,
            actuals.year,
            words.actual,
            words.model,
            words.residual,
        ]
        .map(String::from)
        .to_vec(),
        rows: points(calibration)
            .map(|p| {
                vec![
                    metric_label(p.metric, lang).to_string(),
                    p.year.to_string(),
                    metric_value_as(p.metric, p.actual, p.fitted, lang),
                    metric_value(p.metric, p.fitted, lang),
                    signed_value(p.metric, p.residual, lang),
                ]
            })
            .collect(),
    }
}

fn points(calibration: &Calibration) -> impl Iterator<Item = &FitPoint> {
    calibration.series.iter().flat_map(|s| s.points.iter())
}

/// The calibration for Excel: the levers (value, standard error, planned), then the fit per
/// year, numbers plain.
pub fn calibration_csv(calibration: &Calibration, lang: Lang) -> String {
    let words = calibration_words(lang);
    let actuals = actuals_words(lang);
    let mut out = String::from("\u{feff}");
    let mut line = |cells: Vec<String>| {
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    line(
        [words.lever, words.fitted, words.range, words.planned]
            .map(text_cell)
            .to_vec(),
    );
    for f in &calibration.levers {
        line(vec![
            text_cell(lever_label(f.lever, lang)),
            number_cell(f.value),
            f.standard_error.map(number_cell).unwrap_or_default(),
            number_cell(f.planned),
        ]);
    }
    line(Vec::new());
    line(
        [
            actuals.figure_picker,
            actuals.year,
            words.actual,
            words.model,
            words.residual,
        ]
        .map(text_cell)
        .to_vec(),
    );
    for p in points(calibration) {
        line(vec![
            text_cell(metric_label(p.metric, lang)),
            p.year.to_string(),
            number_cell(p.actual),
            number_cell(p.fitted),
            number_cell(p.residual),
        ]);
    }
    out
}

#[derive(Serialize)]
struct LeverJson {
    lever: Lever,
    value: f64,
    standard_error: Option<f64>,
    planned: f64,
    /// The value and its error as the planner reads them.
    text: String,
}

#[derive(Serialize)]
struct CalibrationJson<'a> {
    levers: Vec<LeverJson>,
    years: (i32, i32),
    series: &'a [swplan_engine::calibrate::FittedSeries],
    largest_miss: &'a FitPoint,
    condition: f64,
    evaluations: usize,
}

/// The calibration as JSON: keys and numbers, each lever also as text.
pub fn calibration_json(calibration: &Calibration, lang: Lang) -> String {
    let json = CalibrationJson {
        levers: calibration
            .levers
            .iter()
            .map(|f| LeverJson {
                lever: f.lever,
                value: f.value,
                standard_error: f.standard_error,
                planned: f.planned,
                text: format!(
                    "{}{}",
                    lever_value(f.lever, f.value, lang),
                    f.standard_error
                        .map(|e| format!(" {}", lever_error(f.lever, e, lang)))
                        .unwrap_or_default()
                ),
            })
            .collect(),
        years: calibration.years,
        series: &calibration.series,
        largest_miss: &calibration.largest_miss,
        condition: calibration.condition,
        evaluations: calibration.evaluations,
    };
    // Cannot fail: plain numbers, strings and lists.
    serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::actuals::Actual;
    use swplan_engine::calibrate::calibrate;
    use swplan_engine::Metric;

    fn fitted() -> Calibration {
        let mut s = swplan_plans::presets::by_slug("yunnan")
            .unwrap()
            .scenario
            .clone();
        let mut talent = 84_500.0;
        for year in 2020..=2024 {
            s.actuals.insert(Metric::Talent, year, Actual::new(talent));
            talent = talent * 0.92 + 14_000.0;
        }
        calibrate(&s, &s.actuals, &[Lever::Hires, Lever::Attrition]).unwrap()
    }

    #[test]
    fn a_calibration_reads_as_text_csv_and_json() {
        let c = fitted();
        let text = calibration_text(&c, Lang::Zh);
        assert!(text.contains("每年新增人才：1.4万"), "{text}");
        assert!(text.contains("按2021–2024年的实际值拟合"), "{text}");
        let csv = calibration_csv(&c, Lang::En);
        assert!(csv.contains("\r\nNew talent,14000,"), "{csv}");
        let json: serde_json::Value =
            serde_json::from_str(&calibration_json(&c, Lang::En)).unwrap();
        assert_eq!(json["levers"][0]["lever"], "hires");
        assert!((json["levers"][1]["value"].as_f64().unwrap() - 0.08).abs() < 1e-6);
    }
}
