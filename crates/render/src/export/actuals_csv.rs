//! The actual figures in the plan's CSV: after the targets, a section of plan against actual
//! per figure and year (the difference, the deviation as a fraction of the plan, the source
//! note), then each target's outlook re-projected from the latest actual.

use super::cells::{figure_cell, number_cell, push_row, text_cell};
use swplan_engine::{Metric, Scenario, Trajectory};
use swplan_plans::life::ActualsView;
use swplan_words::actuals::{actuals_csv_words, outlook_status};
use swplan_words::export::column_unit;
use swplan_words::{metric_label, Lang};

/// The section, starting with a blank line; empty when the plan has no actuals.
pub fn actuals_section(scenario: &Scenario, trajectory: &Trajectory, lang: Lang) -> String {
    let Some(view) = ActualsView::of(scenario, trajectory) else {
        return String::new();
    };
    let words = actuals_csv_words(lang);
    let mut out = String::from("\r\n");
    push_row(&mut out, &[text_cell(words.heading)]);
    push_row(&mut out, &words.columns.map(text_cell));
    for series in &view.deviations {
        let metric = series.metric;
        let label = format!(
            "{}{}",
            metric_label(metric, lang),
            column_unit(metric, lang)
        );
        for row in &series.rows {
            let note = scenario
                .actuals
                .get(metric, row.year)
                .and_then(|a| a.note.clone())
                .unwrap_or_else(|| words.planner_own.to_string());
            push_row(
                &mut out,
                &[
                    text_cell(&label),
                    row.year.to_string(),
                    figure_cell(metric, row.plan),
                    figure_cell(metric, row.actual),
                    figure_cell(metric, row.difference),
                    row.relative.map(number_cell).unwrap_or_default(),
                    text_cell(&note),
                ],
            );
        }
    }
    if !view.outlook.is_empty() {
        out.push_str("\r\n");
        push_row(&mut out, &words.outlook_columns.map(text_cell));
        for outlook in &view.outlook {
            let metric: Metric = outlook.metric;
            let reprojected = outlook.reprojected.as_ref();
            push_row(
                &mut out,
                &[
                    text_cell(metric_label(metric, lang)),
                    figure_cell(metric, outlook.threshold),
                    outlook.deadline.to_string(),
                    outlook.from_year.to_string(),
                    reprojected
                        .map(|v| figure_cell(metric, v.value_at_deadline))
                        .unwrap_or_default(),
                    text_cell(outlook_status(outlook.status, lang)),
                ],
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::actuals::Actual;
    use swplan_engine::simulate;

    #[test]
    fn the_section_gives_plan_actual_difference_and_note_per_year() {
        let mut s = swplan_plans::presets::by_slug("yunnan")
            .unwrap()
            .scenario
            .clone();
        s.actuals.insert(
            Metric::Talent,
            2021,
            Actual {
                value: 88_000.0,
                note: Some("2021年公报, 第3页".into()),
            },
        );
        let plan = simulate(&s).unwrap();
        let text = actuals_section(&s, &plan, Lang::Zh);
        let planned = plan.row(2021).unwrap().talent.round();
        assert!(text.starts_with("\r\n实际值与偏差\r\n指标,年份,"), "{text}");
        assert!(
            text.contains(&format!(
                "\r\n社会工作人才总量（人）,2021,{planned},88000,{},",
                88_000.0 - planned
            )),
            "{text}"
        );
        assert!(text.contains(",\"2021年公报, 第3页\"\r\n"), "{text}");
        assert!(text.contains("按实际推算"), "{text}");
        let plain = swplan_plans::presets::by_slug("yunnan")
            .unwrap()
            .scenario
            .clone();
        assert_eq!(actuals_section(&plain, &plan, Lang::Zh), "");
    }
}
