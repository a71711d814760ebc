//! The cells of a CSV file as Excel reads them: numbers plain and rounded, text quoted where
//! RFC 4180 needs it and defused where Excel would run it as a formula, lines ending in CRLF.

use swplan_engine::{FigureUnit, Metric};

/// The end of every line of a CSV file.
pub const LINE_END: &str = "\r\n";

/// A figure as Excel reads it: people, units and money whole (the model's fractions of a
/// person are an artefact of averaging, not a count anyone could verify), shares to four
/// decimals.
pub fn figure_cell(metric: Metric, value: f64) -> String {
    match metric.unit() {
        FigureUnit::Count | FigureUnit::Yuan => number_cell(value.round()),
        FigureUnit::Share => number_cell(value),
    }
}

pub fn push_row(out: &mut String, cells: &[String]) {
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
