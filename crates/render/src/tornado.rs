//! A tornado chart: for one target, each factor that moves it as a horizontal bar from the
//! plan's value at the deadline to the value with the factor at the low end of its range
//! (one tone) and at the high end (another), widest swing on top; the target's threshold as a
//! vertical line. A spec with its words (`tornado_spec`), a layout (`layout`) the page draws
//! with Yew, and the same layout as a standalone SVG document for downloads (`to_svg`).

use swplan_engine::{Metric, Target};
use swplan_plans::analysis::TargetTornado;
use swplan_words::messages::metric_value;
use swplan_words::optimiser_ui::optimiser_ui;
use swplan_words::sensitivity::{bar_label, bar_sentence, tornado_title};
use swplan_words::Lang;

use crate::chart::escape;
use crate::plot::{nice_ticks, text_width, wrap_label, Scale};

/// One factor's bar: the target's value at the deadline with the factor at each end.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoRow {
    pub label: String,
    /// The bar in a sentence, for screen readers and the data table.
    pub sentence: String,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

/// Everything a tornado shows, worded.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoSpec {
    pub title: String,
    pub lang: Lang,
    pub metric: Metric,
    /// The plan's value at the deadline: where every bar starts.
    pub base: f64,
    pub threshold: f64,
    pub rows: Vec<TornadoRow>,
    /// Legend: (tone, words) of the low end, the high end, the plan and the target.
    pub legend: [(u8, String); 2],
    pub base_label: String,
    pub threshold_label: String,
}

/// The most bars a tornado shows: the rest move the target less than these.
pub const MAX_BARS: usize = 8;

/// The tornado of one target, with its words: the factors that move it, widest first.
pub fn tornado_spec(tornado: &TargetTornado, target: &Target, lang: Lang) -> TornadoSpec {
    let ui = optimiser_ui(lang);
    let metric = target.metric;
    TornadoSpec {
        title: tornado_title(target, lang),
        lang,
        metric,
        base: tornado.base.unwrap_or(f64::NAN),
        threshold: target.threshold,
        rows: tornado
            .moving_bars()
            .take(MAX_BARS)
            .map(|bar| TornadoRow {
                label: bar_label(bar, lang),
                sentence: bar_sentence(bar, target, lang),
                low: bar.value_at_low,
                high: bar.value_at_high,
            })
            .collect(),
        legend: [
            (1, ui.tornado_low.to_string()),
            (2, ui.tornado_high.to_string()),
        ],
        base_label: format!(
            "{} {}",
            ui.tornado_base,
            metric_value(metric, tornado.base.unwrap_or(f64::NAN), lang)
        ),
        threshold_label: format!(
            "{} {}",
            swplan_words::strings::strings(lang).target_line,
            metric_value(metric, target.threshold, lang)
        ),
    }
}

/// Width of the drawing; the page scales it to its column.
pub const WIDTH: f64 = 640.0;
/// Width of the drawing for a phone's column: drawn this wide, its 12px text stays readable
/// where a [`WIDTH`] drawing scaled down to the column would shrink it to about 7px.
pub const NARROW_WIDTH: f64 = 360.0;
/// Height of one bar's row.
pub const ROW: f64 = 28.0;
/// The height of a label's line (12 px text).
pub const LINE: f64 = 14.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 30.0;
const RIGHT: f64 = 16.0;

/// One row placed: its label, and each end's bar (x, width) with its value's text.
#[derive(Clone, Debug, PartialEq)]
pub struct RowLayout {
    pub y: f64,
    /// The row's height: [`ROW`], or more for a label that takes several lines.
    pub height: f64,
    pub label: String,
    /// The label broken to fit the labels' column (a phone's narrow drawing has no room for a
    /// long one on a line: it was cut at the drawing's left edge).
    pub lines: Vec<String>,
    pub low: Option<(f64, f64, String)>,
    pub high: Option<(f64, f64, String)>,
}

/// The height of a bar.
pub const BAR: f64 = ROW - 10.0;

impl RowLayout {
    /// The baseline of the label's `i`-th line: the lines centred on the row.
    pub fn label_y(&self, i: usize) -> f64 {
        let first = self.y + self.height / 2.0 - LINE * (self.lines.len() as f64 - 1.0) / 2.0;
        first + LINE * i as f64 + 4.0
    }

    /// The top of the row's bars, centred on the row.
    pub fn bar_y(&self) -> f64 {
        self.y + (self.height - BAR) / 2.0
    }
}

/// Where everything goes.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoLayout {
    pub width: f64,
    pub height: f64,
    /// Left edge of the plot (labels end here) and its right edge.
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub base_x: f64,
    pub threshold_x: Option<f64>,
    pub rows: Vec<RowLayout>,
    pub ticks: Vec<(f64, String)>,
}

/// Lays a tornado out [`WIDTH`] wide: labels on the left, the plan's value as the axis of the
/// bars.
pub fn layout(spec: &TornadoSpec) -> TornadoLayout {
    layout_at(spec, WIDTH)
}

/// Lays a tornado out `width` wide (the labels take at most half of it).
pub fn layout_at(spec: &TornadoSpec, width: f64) -> TornadoLayout {
    let lang = spec.lang;
    let label_width = spec
        .rows
        .iter()
        .map(|r| text_width(&r.label))
        .fold(0.0, f64::max)
        .min(width * if width < WIDTH { 0.5 } else { 0.42 });
    let left = label_width + 12.0;
    let right = width - RIGHT;
    let lines: Vec<Vec<String>> = spec
        .rows
        .iter()
        .map(|r| wrap_label(&r.label, label_width))
        .collect();
    let heights: Vec<f64> = lines
        .iter()
        .map(|l| ROW.max(LINE * l.len() as f64 + 12.0))
        .collect();
    let rows_height = if heights.is_empty() {
        ROW
    } else {
        heights.iter().sum()
    };
    let height = TOP + rows_height + BOTTOM;
    let bottom = height - BOTTOM;
    let values: Vec<f64> = spec
        .rows
        .iter()
        .flat_map(|r| [r.low, r.high])
        .flatten()
        .chain([spec.base, spec.threshold])
        .filter(|v| v.is_finite())
        .collect();
    let low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let ticks = nice_ticks(low, high, 4);
    let domain = (
        ticks.first().copied().unwrap_or(0.0),
        ticks.last().copied().unwrap_or(1.0),
    );
    let scale = Scale {
        domain,
        range: (left, right),
    };
    let base_x = scale.map(spec.base);
    let end = |value: Option<f64>| {
        let value = value.filter(|v| v.is_finite())?;
        let x = scale.map(value);
        Some((
            x.min(base_x),
            (x - base_x).abs(),
            metric_value(spec.metric, value, lang),
        ))
    };
    TornadoLayout {
        width,
        height,
        left,
        right,
        top: TOP,
        bottom,
        base_x,
        threshold_x: spec
            .threshold
            .is_finite()
            .then(|| scale.map(spec.threshold)),
        rows: spec
            .rows
            .iter()
            .zip(lines)
            .zip(&heights)
            .scan(TOP, |y, ((r, lines), height)| {
                let row = RowLayout {
                    y: *y,
                    height: *height,
                    label: r.label.clone(),
                    lines,
                    low: end(r.low),
                    high: end(r.high),
                };
                *y += height;
                Some(row)
            })
            .collect(),
        ticks: ticks
            .iter()
            .map(|t| (scale.map(*t), metric_value(spec.metric, *t, lang)))
            .collect(),
    }
}

/// The fill of a tone, as the app's stylesheet has it (for a standalone SVG).
fn fill(tone: u8) -> &'static str {
    crate::chart::tone_style(tone).0
}

/// The chart as a standalone SVG document with its title and legend.
pub fn to_svg(spec: &TornadoSpec) -> String {
    let l = layout(spec);
    let title_height = 28.0;
    let legend_height = 24.0;
    let total = l.height + title_height + legend_height;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.0} {total:.0}\" width=\"{w:.0}\" height=\"{total:.0}\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n<text x=\"8\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{}</text>\n<g transform=\"translate(0 {title_height})\">\n",
        escape(&spec.title),
        w = l.width,
    );
    for (x, label) in &l.ticks {
        svg += &format!(
            "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#ddd\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#555\">{}</text>\n",
            l.top,
            l.bottom,
            l.bottom + 18.0,
            escape(label)
        );
    }
    for row in &l.rows {
        for (i, line) in row.lines.iter().enumerate() {
            svg += &format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\n",
                l.left - 8.0,
                row.label_y(i),
                escape(line)
            );
        }
        for (tone, end) in [(1, &row.low), (2, &row.high)] {
            if let Some((x, w, _)) = end {
                svg += &format!(
                    "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/>\n",
                    row.bar_y(),
                    w.max(1.0),
                    BAR,
                    fill(tone)
                );
            }
        }
    }
    svg += &format!(
        "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#222\"/>\n",
        l.top - 4.0,
        l.bottom,
        x = l.base_x
    );
    if let Some(x) = l.threshold_x {
        svg += &format!(
            "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#b00\" stroke-dasharray=\"4 3\"/>\n",
            l.top - 4.0,
            l.bottom
        );
    }
    svg += "</g>\n";
    let y = title_height + l.height + 14.0;
    let mut x = 8.0;
    let legend = [
        (fill(1), spec.legend[0].1.as_str()),
        (fill(2), spec.legend[1].1.as_str()),
        ("#222", spec.base_label.as_str()),
        ("#b00", spec.threshold_label.as_str()),
    ];
    for (colour, text) in legend {
        svg += &format!(
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text x=\"{:.1}\" y=\"{y:.1}\">{}</text>\n",
            y - 10.0,
            x + 16.0,
            escape(text)
        );
        x += 24.0 + text_width(text);
    }
    svg + "</svg>\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::sensitivity::tornadoes;
    use swplan_plans::presets;

    fn yunnan_talent() -> TornadoSpec {
        let s = presets::by_slug("yunnan").unwrap().scenario.clone();
        let tornado = TargetTornado::from(tornadoes(&s).unwrap().remove(0));
        tornado_spec(&tornado, &s.targets[0], Lang::Zh)
    }

    #[test]
    fn only_factors_that_move_the_target_are_drawn_widest_first() {
        let spec = yunnan_talent();
        assert!(!spec.rows.is_empty() && spec.rows.len() <= MAX_BARS);
        // Attrition, not the base year's talent: where the region starts is a counted fact, no
        // factor (issue 22).
        assert!(
            spec.rows[0].label.starts_with("年流失率"),
            "{:?}",
            spec.rows[0]
        );
        assert!(spec.rows.iter().all(|r| !r.label.starts_with("起点")));
        assert_eq!(
            spec.title,
            "2025年社会工作人才总量达到14万人：哪个因素影响最大"
        );
    }

    #[test]
    fn every_bar_starts_at_the_plan_s_value_and_stays_in_the_plot() {
        let spec = yunnan_talent();
        let l = layout(&spec);
        for row in &l.rows {
            for (x, w, _) in [&row.low, &row.high].into_iter().flatten() {
                assert!(*x >= l.left - 1e-9 && x + w <= l.right + 1e-9, "{row:?}");
                let touches = (x - l.base_x).abs() < 1e-9 || (x + w - l.base_x).abs() < 1e-9;
                assert!(touches, "{row:?}");
            }
        }
        // The threshold (14万) lies right of every bar: no factor alone reaches it.
        let threshold = l.threshold_x.unwrap();
        assert!(l
            .rows
            .iter()
            .all(|r| r.high.as_ref().is_none_or(|(x, w, _)| x + w < threshold)));
    }

    #[test]
    fn a_narrow_drawing_keeps_its_bars_inside_and_right_of_the_labels() {
        let spec = yunnan_talent();
        let l = layout_at(&spec, NARROW_WIDTH);
        assert_eq!(l.width, NARROW_WIDTH);
        assert!(l.left <= NARROW_WIDTH * 0.5 + 12.0 && l.right == NARROW_WIDTH - RIGHT);
        for row in &l.rows {
            for (x, w, _) in [&row.low, &row.high].into_iter().flatten() {
                assert!(*x >= l.left - 1e-9 && x + w <= l.right + 1e-9, "{row:?}");
            }
        }
        assert_eq!(l.rows.len(), layout(&spec).rows.len());
        // A label as long as the longest of the registry's, with its range.
        let mut spec = spec;
        spec.rows[0].label = "村（社区）社会工作室当年建成比例（62%–100%）".into();
        let l = layout_at(&spec, NARROW_WIDTH);
        // Every label fits left of the plot, on as many lines as it takes (issue 22: on a phone
        // a long label was cut at the drawing's left edge), and the rows do not overlap.
        for row in &l.rows {
            assert_eq!(
                row.lines.concat().replace(' ', ""),
                row.label.replace(' ', "")
            );
            for line in &row.lines {
                assert!(
                    text_width(line) <= l.left - 8.0 + 1e-9,
                    "{line:?} in {row:?}"
                );
            }
        }
        assert!(l.rows.iter().any(|r| r.lines.len() > 1), "{:?}", l.rows);
        for pair in l.rows.windows(2) {
            assert!(pair[1].y >= pair[0].y + pair[0].height - 1e-9);
        }
    }

    #[test]
    fn the_svg_document_holds_the_title_every_label_and_the_legend() {
        let spec = yunnan_talent();
        let svg = to_svg(&spec);
        assert!(svg.starts_with("<svg xmlns"));
        assert!(svg.contains(&escape(&spec.title)));
        for row in &spec.rows {
            assert!(svg.contains(&escape(&row.label)));
        }
        assert!(svg.contains("低端") && svg.contains("高端"));
    }
}
