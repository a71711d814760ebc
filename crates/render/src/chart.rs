//! A chart as data: what to plot (series with optional P10–P90 bands, target marks) and where
//! everything goes (ticks, paths, bars, wrapped target labels). The page draws this layout with
//! Yew; the download draws the same layout as a standalone SVG document with its title and
//! legend, so what a planner downloads is what they saw. Pure and tested natively.

use crate::mark_labels::{place_marks, Mark, Plot};
use crate::plot::{band_path, line_path, nice_ticks, text_width, Scale};
pub use crate::sample::tone_style;
use crate::sample::{
    actual_point, marker, marker_path, sample_shapes, sample_svg, target_line, target_point,
    tone_marked, Sample, FAINT_LINE_WIDTH, FAINT_OPACITY, LINE_WIDTH, SAMPLE_HEIGHT, SAMPLE_WIDTH,
};
use swplan_words::strings::tr;
use swplan_words::{format_count, format_percent, format_yuan, format_yuan_tick, Lang, YuanScale};

/// What the y axis counts, which decides how its numbers read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    Count,
    Percent,
    Yuan,
}

impl Axis {
    /// The least top of the axis, so a plan with nothing yet (a blank region, a budget at the
    /// base year) gets readable ticks (0, 2, 4 …) rather than "0 0 0 0".
    fn least_top(self) -> f64 {
        match self {
            Axis::Count => 10.0,
            Axis::Percent => 0.1,
            Axis::Yuan => 10_000.0,
        }
    }

    /// A tick's label: money in the unit of the axis's top tick, so the labels of one axis
    /// never mix 万元 and 亿元.
    pub fn tick_label(self, value: f64, top: f64, lang: Lang) -> String {
        match self {
            Axis::Yuan => format_yuan_tick(value, YuanScale::for_largest(top, lang), lang),
            _ => self.format(value, lang),
        }
    }

    pub fn format(self, value: f64, lang: Lang) -> String {
        match self {
            Axis::Count => format_count(value, lang),
            Axis::Percent => format_percent(value, lang),
            Axis::Yuan => format_yuan(value, lang),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Line,
    Bars,
    /// Dots at the years that have a value (a missing year is NaN): actual figures on the
    /// plan's line.
    Points,
    /// Bars stacked on the stacked series before it: each city's part of a province figure.
    Stacked,
}

/// One plotted series. `tone` (1–4, or [`crate::sample::REPROJECTION_TONE`]) picks a colour
/// and a dash pattern together (and, for the re-projection, a marker at each year), so series
/// stay apart for colour-blind readers and in black-and-white print. A `faint` series is drawn thin
/// and pale behind the others (the preset's baseline, "no new decisions").
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    pub tone: u8,
    pub shape: Shape,
    pub values: Vec<f64>,
    /// P10 and P90 per year.
    pub band: Option<(Vec<f64>, Vec<f64>)>,
    pub faint: bool,
}

/// A target: a horizontal line at `value` and a marker at `deadline`.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetMark {
    pub value: f64,
    pub deadline: i32,
    pub label: String,
}

/// Everything a chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub title: String,
    pub years: Vec<i32>,
    pub series: Vec<Series>,
    pub marks: Vec<TargetMark>,
    pub axis: Axis,
    pub lang: Lang,
    /// Drawing width in CSS pixels, so text is laid out at its real size.
    pub width: f64,
    /// A sentence under the chart (what a figure does or does not include).
    pub note: Option<String>,
    /// The line under the title of a downloaded chart: whose plan it shows and its years, so
    /// the image says so on its own (empty: no such line).
    pub subtitle: String,
    /// The start of a downloaded file's name: region, plan and chart (`云南省-多招人-社会工作人才总量`).
    pub file_stem: String,
    /// The axis reaches at least this high: playback keeps the scale of the whole plan while
    /// the lines grow year by year.
    pub y_floor: f64,
    /// The axis is fixed at `y_floor` (a story's one scale over its steps): a P10–P90 band
    /// that rises above it is cut at the plot's top rather than rescaling the axis.
    pub fixed_scale: bool,
}

impl ChartSpec {
    /// Every value drawn: the lines and the tops of their bands.
    pub fn plotted_values(&self) -> impl Iterator<Item = &f64> {
        self.series.iter().flat_map(|s| {
            s.values
                .iter()
                .chain(s.band.iter().flat_map(|(_, high)| high.iter()))
        })
    }

    /// The name of a downloaded file: its stem, the years it covers and the extension
    /// (`云南省-多招人-社会工作人才总量-2020-2030.png`).
    pub fn file_name(&self, extension: &str) -> String {
        let years = match (self.years.first(), self.years.last()) {
            (Some(first), Some(last)) => format!("-{first}-{last}"),
            _ => String::new(),
        };
        format!("{}{years}.{extension}", self.file_stem)
    }

    /// The legend of the P10–P90 bands: each band's tone and label. One band is "P10–P90
    /// band"; where several are drawn (stations and rooms) each names its series, in its colour.
    pub fn band_legend(&self) -> Vec<(u8, String)> {
        let banded: Vec<&Series> = self.series.iter().filter(|s| s.band.is_some()).collect();
        match banded.as_slice() {
            [] => Vec::new(),
            [one] => vec![(one.tone, tr!(self.lang, band_legend).to_string())],
            several => several
                .iter()
                .map(|s| {
                    (
                        s.tone,
                        swplan_words::results::band_legend_of(&s.label, self.lang),
                    )
                })
                .collect(),
        }
    }
}

/// How far a band may rise above the axis's top tick before the axis grows to hold it.
const BAND_OVERSHOOT: f64 = 1.08;

/// Round ticks from 0 to at least `top`; whole numbers on a count axis.
fn axis_ticks(axis: Axis, top: f64) -> Vec<f64> {
    let ticks = nice_ticks(0.0, top, 4);
    // Counts are whole: a tick at 2.5 people would be labelled "3" and misplace every line.
    if axis == Axis::Count && ticks.iter().any(|t| t.fract() != 0.0) {
        let step = [1.0, 2.0, 5.0, 10.0]
            .into_iter()
            .find(|s| s * 4.0 >= top)
            .unwrap_or(10.0);
        return (0..)
            .map(|k| f64::from(k) * step)
            .take_while(|t| *t < top + step)
            .collect();
    }
    ticks
}

/// The height of the plot drawing, in CSS pixels.
pub const HEIGHT: f64 = 260.0;
/// The least height a chart is laid out at: below it the ticks and labels would crowd.
pub const MIN_HEIGHT: f64 = 160.0;
/// The least room a year label takes on the axis ("2030" and a gap), in drawing pixels.
const YEAR_LABEL_ROOM: f64 = 44.0;

/// The years named under the axis: the first and the last always (a reader looks for where the
/// line starts and ends), and every few years counting back from the last, as many as fit.
fn year_labels(years: &[i32], xs: &[f64], plot_width: f64) -> Vec<(f64, i32)> {
    let every = ((years.len() as f64 * YEAR_LABEL_ROOM) / plot_width.max(1.0))
        .ceil()
        .max(1.0) as usize;
    let last = years.len().saturating_sub(1);
    let Some(&first_x) = xs.first() else {
        return Vec::new();
    };
    years
        .iter()
        .zip(xs)
        .enumerate()
        .filter(|(i, (_, px))| {
            *i == 0
                || (last - i).is_multiple_of(every)
                    // Clear of the first year's label, which always shows.
                    && (*px - first_x) >= YEAR_LABEL_ROOM * 0.8
        })
        .map(|(_, (year, px))| (*px, *year))
        .collect()
}
/// Margins around the plot: top, right, bottom, left.
pub const MARGIN: (f64, f64, f64, f64) = (16.0, 16.0, 34.0, 64.0);
pub use crate::mark_labels::{PlacedMark, LINE_HEIGHT};

/// Where everything of a chart goes.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartLayout {
    pub width: f64,
    /// The drawing's height ([`HEIGHT`] unless laid out to fill a box, see [`layout_sized`]).
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// Horizontal grid lines: height and label.
    pub grid: Vec<(f64, String)>,
    /// Year labels under the axis: position and year.
    pub x_labels: Vec<(f64, i32)>,
    /// Per series (in order): band path, line path or bar rectangles (x, y, width, height).
    pub bands: Vec<Option<String>>,
    pub lines: Vec<Option<String>>,
    /// Per series, the last point of its line that has a value: where a hover label goes.
    pub line_ends: Vec<Option<(f64, f64)>>,
    pub bars: Vec<Vec<(f64, f64, f64, f64)>>,
    /// Per series (in order): the dots of a points series (x, y), empty for the others.
    pub points: Vec<Vec<(f64, f64)>>,
    /// Per series (in order): the markers on a line whose tone has them (x, y), one per year
    /// with a value; empty for the others.
    pub markers: Vec<Vec<(f64, f64)>>,
    pub marks: Vec<PlacedMark>,
    /// How far the highest target label would rise above the drawing's top edge (0 or less:
    /// every label fits above its line).
    pub label_overflow: f64,
}

/// The most the top margin grows to hold a target label above its line.
const MAX_TOP: f64 = 60.0;

/// Lays a chart out. Never panics: empty or broken data gives an empty layout. A target label
/// that would not fit above its line (a target of 100 % sits on the plot's top edge) gets room
/// in a taller top margin, rather than going below the line where the plan's lines run.
pub fn layout(spec: &ChartSpec) -> ChartLayout {
    layout_sized(spec, HEIGHT)
}

/// Lays a chart out `height` drawing pixels tall (at least [`MIN_HEIGHT`]): the presenter fills
/// the free height of a screen with it, its text staying 12 drawing pixels as the drawing is
/// scaled to fit.
pub fn layout_sized(spec: &ChartSpec, height: f64) -> ChartLayout {
    let height = height.max(MIN_HEIGHT);
    let mut top = MARGIN.0;
    let mut chart = layout_below(spec, top, height);
    // The plot shrinks as the margin grows, which moves the labels a little: a few passes.
    for _ in 0..3 {
        let overflow = chart.label_overflow;
        if overflow <= 0.0 || top >= MAX_TOP {
            break;
        }
        top = (top + overflow.ceil()).min(MAX_TOP);
        chart = layout_below(spec, top, height);
    }
    chart
}

/// Lays a chart out with its plot starting `top` pixels down in a drawing `height` tall.
fn layout_below(spec: &ChartSpec, top: f64, height: f64) -> ChartLayout {
    let width = spec.width.max(280.0);
    let (_, right, bottom, left) = MARGIN;
    let years = &spec.years;
    let (first, last) = match (years.first(), years.last()) {
        (Some(f), Some(l)) => (*f, *l),
        _ => (0, 0),
    };
    let top_of = |values: &mut dyn Iterator<Item = &f64>| {
        values
            .copied()
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max)
    };
    let stacked_tops: Vec<f64> = (0..years.len())
        .map(|i| {
            spec.series
                .iter()
                .filter(|s| s.shape == Shape::Stacked)
                .filter_map(|s| s.values.get(i).copied().filter(|v| v.is_finite()))
                .sum()
        })
        .collect();
    let lines_top = top_of(
        &mut spec
            .series
            .iter()
            .flat_map(|s| &s.values)
            .chain(spec.marks.iter().map(|m| &m.value))
            .chain(&stacked_tops),
    )
    .max(spec.y_floor)
    .max(spec.axis.least_top());
    let mut ticks = axis_ticks(spec.axis, lines_top);
    // The P10–P90 band arrives a moment after the lines: it may rise a little above the top
    // tick (into the margin) rather than rescale the axis and move every line under the reader.
    let band_top = top_of(&mut spec.plotted_values());
    if !spec.fixed_scale && band_top > ticks.last().copied().unwrap_or(0.0) * BAND_OVERSHOOT {
        ticks = axis_ticks(spec.axis, lines_top.max(band_top));
    }
    let y_top = ticks.last().copied().unwrap_or(1.0);
    let x = Scale {
        domain: (f64::from(first) - 0.5, f64::from(last) + 0.5),
        range: (left, width - right),
    };
    let y = Scale {
        domain: (0.0, y_top),
        range: (height - bottom, top),
    };
    let xs: Vec<f64> = years.iter().map(|yr| x.map(f64::from(*yr))).collect();
    let slot = (x.map(1.0) - x.map(0.0)).abs();

    let grid = ticks
        .iter()
        .map(|t| (y.map(*t), spec.axis.tick_label(*t, y_top, spec.lang)))
        .collect();
    let x_labels = year_labels(years, &xs, width - left - right);
    let bands = spec
        .series
        .iter()
        .map(|s| {
            let (low, high) = s.band.as_ref()?;
            let lows: Vec<f64> = low.iter().map(|v| y.map(*v)).collect();
            let highs: Vec<f64> = high
                .iter()
                .map(|v| y.map(if spec.fixed_scale { v.min(y_top) } else { *v }))
                .collect();
            Some(band_path(&xs, &lows, &highs))
        })
        .collect();
    let lines = spec
        .series
        .iter()
        .map(|s| {
            (s.shape == Shape::Line).then(|| {
                let points: Vec<(f64, f64)> = xs
                    .iter()
                    .zip(&s.values)
                    .map(|(px, v)| (*px, y.map(*v)))
                    .collect();
                line_path(&points)
            })
        })
        .collect();
    let line_ends = spec
        .series
        .iter()
        .map(|s| {
            let last = xs.iter().zip(&s.values).rfind(|(_, v)| v.is_finite())?;
            (s.shape == Shape::Line).then(|| (*last.0, y.map(*last.1)))
        })
        .collect();
    let mut stacked_base = vec![0.0; years.len()];
    let bars = spec
        .series
        .iter()
        .map(|s| match s.shape {
            Shape::Line | Shape::Points => Vec::new(),
            Shape::Stacked => {
                let bar = slot * 0.6;
                xs.iter()
                    .zip(&s.values)
                    .zip(stacked_base.iter_mut())
                    .filter(|((_, v), _)| v.is_finite())
                    .map(|((px, v), base)| {
                        let (y0, y1) = (y.map(*base), y.map(*base + v.max(0.0)));
                        *base += v.max(0.0);
                        (px - bar / 2.0, y1.min(y0), bar, (y0 - y1).abs())
                    })
                    .collect()
            }
            Shape::Bars => {
                let bar = slot * 0.6;
                xs.iter()
                    .zip(&s.values)
                    .map(|(px, v)| {
                        let (y0, y1) = (y.map(0.0), y.map(*v));
                        (px - bar / 2.0, y1.min(y0), bar, (y0 - y1).abs())
                    })
                    .collect()
            }
        })
        .collect();
    // Where a series has a value: the dots of the actuals, the markers of a marked line, the
    // points a target label keeps clear of.
    let dots = |s: &Series, drawn: bool| -> Vec<(f64, f64)> {
        if !drawn {
            return Vec::new();
        }
        xs.iter()
            .zip(&s.values)
            .filter(|(_, v)| v.is_finite())
            .map(|(px, v)| (*px, y.map(*v)))
            .collect()
    };
    let points = spec
        .series
        .iter()
        .map(|s| dots(s, s.shape == Shape::Points))
        .collect();
    let markers = spec
        .series
        .iter()
        .map(|s| dots(s, s.shape == Shape::Line && tone_marked(s.tone)))
        .collect();
    let target_word = tr!(spec.lang, target_line);
    let marks: Vec<Mark> = spec
        .marks
        .iter()
        .map(|m| Mark {
            y: y.map(m.value),
            x: x.map(f64::from(m.deadline)),
            label: format!("{target_word} {}", m.label),
        })
        .collect();
    let plotted_lines: Vec<Vec<(f64, f64)>> = spec
        .series
        .iter()
        .filter(|s| s.shape == Shape::Line && !s.faint)
        .map(|s| dots(s, true))
        .collect();
    // The P10–P90 bands of the plan's figures, as their upper and lower edges: a target label
    // laid over a band hides where the plan may end up.
    let plotted_bands: Vec<Vec<(f64, f64, f64)>> = spec
        .series
        .iter()
        .filter(|s| !s.faint)
        .filter_map(|s| s.band.as_ref())
        .map(|(low, high)| {
            xs.iter()
                .zip(low.iter().zip(high))
                .filter(|(_, (l, h))| l.is_finite() && h.is_finite())
                .map(|(px, (l, h))| (*px, y.map(*h), y.map(*l)))
                .collect()
        })
        .collect();
    let plot = Plot {
        left,
        right: width - right,
        bottom: height - bottom,
        width,
    };
    let (marks, label_overflow) = place_marks(&marks, &plotted_lines, &plotted_bands, &plot);
    ChartLayout {
        width,
        height,
        left,
        right: width - right,
        top,
        bottom: height - bottom,
        grid,
        x_labels,
        bands,
        lines,
        line_ends,
        bars,
        points,
        markers,
        marks,
        label_overflow,
    }
}

/// Every legend entry of a chart, in order: its lines and bars, their bands, and the target.
pub fn legend_samples(spec: &ChartSpec) -> Vec<(Sample, String)> {
    let series = spec.series.iter().map(|s| {
        let sample = match s.shape {
            Shape::Line => Sample::Line {
                tone: s.tone,
                faint: s.faint,
            },
            Shape::Bars | Shape::Stacked => Sample::Bars { tone: s.tone },
            Shape::Points => Sample::Points { tone: s.tone },
        };
        (sample, s.label.clone())
    });
    let bands = spec
        .band_legend()
        .into_iter()
        .map(|(tone, label)| (Sample::Band { tone }, label));
    let target = (!spec.marks.is_empty()).then(|| (Sample::Target, target_legend(spec.lang)));
    series.chain(bands).chain(target).collect()
}

/// "目标线 / 期限" / "Target / deadline".
fn target_legend(lang: Lang) -> String {
    format!("{} / {}", tr!(lang, target_line), tr!(lang, deadline))
}

/// The chart as a standalone SVG document: white background, title, the plot, a legend, fonts
/// named so the viewer's system CJK font is used. Returns the document and its height.
pub fn to_svg_document(spec: &ChartSpec) -> (String, f64) {
    let chart = layout(spec);
    let title_height = if spec.subtitle.is_empty() { 30.0 } else { 48.0 };
    // Legend entries flow left to right and wrap; each sample long enough to show its pattern.
    let legend_items = legend_samples(spec);
    let mut legend = String::new();
    let (mut lx, mut ly) = (MARGIN.3, title_height + HEIGHT + 16.0);
    for (sample, label) in &legend_items {
        let w = SAMPLE_WIDTH + 10.0 + text_width(label);
        if lx + w > chart.width - 8.0 && lx > MARGIN.3 {
            lx = MARGIN.3;
            ly += 18.0;
        }
        legend.push_str(&sample_shapes(*sample, lx, ly - 4.0 - SAMPLE_HEIGHT / 2.0));
        legend.push_str(&format!(
            "<text x=\"{}\" y=\"{ly}\">{}</text>",
            lx + SAMPLE_WIDTH + 6.0,
            escape(label)
        ));
        lx += w + 12.0;
    }
    let height = ly + 12.0;
    let subtitle = if spec.subtitle.is_empty() {
        String::new()
    } else {
        format!(
            "<text x=\"{}\" y=\"38\" font-size=\"12\" fill=\"#4b5563\">{}</text>",
            MARGIN.3,
            escape(&spec.subtitle)
        )
    };
    let mut body = String::new();
    for (gy, label) in &chart.grid {
        body.push_str(&format!(
            "<line x1=\"{}\" x2=\"{}\" y1=\"{gy}\" y2=\"{gy}\" stroke=\"#e5e7eb\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            chart.left, chart.right, chart.left - 6.0, gy + 4.0, escape(label)
        ));
    }
    for (series, band) in spec.series.iter().zip(&chart.bands) {
        if let Some(path) = band {
            let (colour, _) = tone_style(series.tone);
            body.push_str(&format!(
                "<path d=\"{path}\" fill=\"{colour}\" opacity=\"0.18\"/>"
            ));
        }
    }
    for (series, bars) in spec.series.iter().zip(&chart.bars) {
        let (colour, _) = tone_style(series.tone);
        for (bx, by, bw, bh) in bars {
            body.push_str(&format!("<rect x=\"{bx:.2}\" y=\"{by:.2}\" width=\"{bw:.2}\" height=\"{bh:.2}\" fill=\"{colour}\" opacity=\"0.55\"/>"));
        }
    }
    for (series, line) in spec.series.iter().zip(&chart.lines) {
        if let Some(path) = line {
            let (colour, dash) = tone_style(series.tone);
            let (width, opacity) = if series.faint {
                (FAINT_LINE_WIDTH, FAINT_OPACITY)
            } else {
                (LINE_WIDTH, 1.0)
            };
            body.push_str(&format!("<path d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width}\" stroke-dasharray=\"{dash}\" opacity=\"{opacity}\"/>"));
        }
    }
    for (series, dots) in spec.series.iter().zip(&chart.markers) {
        for (px, py) in dots {
            body.push_str(&marker(*px, *py, series.tone));
        }
    }
    for (series, dots) in spec.series.iter().zip(&chart.points) {
        for (px, py) in dots {
            body.push_str(&actual_point(*px, *py, series.tone));
        }
    }
    for mark in &chart.marks {
        body.push_str(&target_line(chart.left, chart.right, mark.y));
        body.push_str(&format!(
            "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"#1f2937\" stroke-dasharray=\"2 3\"/>",
            chart.top,
            chart.bottom,
            x = mark.x
        ));
        body.push_str(&target_point(mark.x, mark.y));
        body.push_str(&format!(
            // A white halo keeps the label readable where a plan's line runs under it.
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" fill=\"#991b1b\" font-weight=\"600\" stroke=\"#fff\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\">",
            mark.label_x, mark.first_baseline, mark.anchor
        ));
        for (i, line) in mark.lines.iter().enumerate() {
            let dy = if i == 0 { 0.0 } else { LINE_HEIGHT };
            body.push_str(&format!(
                "<tspan x=\"{}\" dy=\"{dy}\">{}</tspan>",
                mark.label_x,
                escape(line)
            ));
        }
        body.push_str("</text>");
    }
    for (px, year) in &chart.x_labels {
        body.push_str(&format!(
            "<text x=\"{px}\" y=\"{}\" text-anchor=\"middle\">{year}</text>",
            chart.bottom + 18.0
        ));
    }
    let document = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {w:.0} {height:.0}\" font-family=\"system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif\" font-size=\"12\" fill=\"#4b5563\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><text x=\"{}\" y=\"20\" font-size=\"15\" font-weight=\"700\" fill=\"#1f2937\">{}</text>{subtitle}<g transform=\"translate(0 {title_height})\">{body}</g>{legend}</svg>",
        MARGIN.3,
        escape(&spec.title),
        w = chart.width,
    );
    (document, height)
}

/// Text made safe inside markup and attribute values.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart as the page draws it (the markup of the page's chart component, styled by the
/// page's CSS: figure, title, plot, legend, note), without its data table and downloads. The
/// first view shows this while the app loads; the app then draws the same chart in its place.
pub fn to_page_markup(spec: &ChartSpec, id: &str) -> String {
    if spec.years.is_empty() {
        return String::new();
    }
    let chart = layout(spec);
    let (left, right, top, bottom) = (chart.left, chart.right, chart.top, chart.bottom);
    let id = escape(id);
    let mut svg = String::new();
    for (gy, label) in &chart.grid {
        svg += &format!(
            "<g class=\"tick\"><line x1=\"{left}\" x2=\"{right}\" y1=\"{gy}\" y2=\"{gy}\"></line><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text></g>",
            left - 6.0,
            gy + 4.0,
            escape(label)
        );
    }
    for (series, band) in spec.series.iter().zip(&chart.bands) {
        if let Some(path) = band {
            svg += &format!(
                "<path class=\"band tone-{}\" d=\"{path}\"></path>",
                series.tone
            );
        }
    }
    for (series, bars) in spec.series.iter().zip(&chart.bars) {
        if bars.is_empty() {
            continue;
        }
        svg += &format!("<g class=\"bars tone-{}\">", series.tone);
        for (x, y, w, h) in bars {
            svg += &format!(
                "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{w:.2}\" height=\"{h:.2}\"></rect>"
            );
        }
        svg += "</g>";
    }
    for (series, line) in spec.series.iter().zip(&chart.lines) {
        if let Some(path) = line {
            let faint = if series.faint { " faint" } else { "" };
            svg += &format!(
                "<path class=\"line tone-{}{faint}\" d=\"{path}\"></path>",
                series.tone
            );
        }
    }
    for (series, dots) in spec.series.iter().zip(&chart.markers) {
        if dots.is_empty() {
            continue;
        }
        svg += &format!("<g class=\"markers tone-{}\">", series.tone);
        for (px, py) in dots {
            svg += &format!(
                "<path class=\"marker\" d=\"{}\"></path>",
                marker_path(*px, *py)
            );
        }
        svg += "</g>";
    }
    for (series, dots) in spec.series.iter().zip(&chart.points) {
        if dots.is_empty() {
            continue;
        }
        svg += &format!("<g class=\"points tone-{}\">", series.tone);
        for (px, py) in dots {
            svg += &format!("<circle cx=\"{px:.2}\" cy=\"{py:.2}\" r=\"4\"></circle>");
        }
        svg += "</g>";
    }
    for m in &chart.marks {
        svg += &format!(
            "<g class=\"target-mark\"><line class=\"target-band\" x1=\"{left}\" x2=\"{right}\" y1=\"{y}\" y2=\"{y}\"></line><line class=\"target-line\" x1=\"{left}\" x2=\"{right}\" y1=\"{y}\" y2=\"{y}\"></line><line class=\"deadline-line\" x1=\"{x}\" x2=\"{x}\" y1=\"{top}\" y2=\"{bottom}\"></line><circle class=\"target-point\" cx=\"{x}\" cy=\"{y}\" r=\"5\"></circle><circle class=\"target-dot\" cx=\"{x}\" cy=\"{y}\" r=\"1.8\"></circle><text class=\"target-label\" x=\"{lx}\" y=\"{fb}\" text-anchor=\"{anchor}\">",
            y = m.y,
            x = m.x,
            lx = m.label_x,
            fb = m.first_baseline,
            anchor = m.anchor
        );
        for (i, line) in m.lines.iter().enumerate() {
            let dy = if i == 0 { 0.0 } else { LINE_HEIGHT };
            svg += &format!(
                "<tspan x=\"{}\" dy=\"{dy}\">{}</tspan>",
                m.label_x,
                escape(line)
            );
        }
        svg += "</text></g>";
    }
    for (px, year) in &chart.x_labels {
        svg += &format!(
            "<text class=\"x-label\" x=\"{px}\" y=\"{}\" text-anchor=\"middle\">{year}</text>",
            bottom + 18.0
        );
    }
    let mut legend = String::new();
    for (sample, label) in legend_samples(spec) {
        legend += &format!("<li>{}{}</li>", sample_svg(sample), escape(&label));
    }
    let note = spec
        .note
        .as_ref()
        .map(|n| format!("<p class=\"chart-note\">{}</p>", escape(n)))
        .unwrap_or_default();
    format!(
        "<figure class=\"chart\" id=\"{id}\"><figcaption id=\"{id}-title\">{title}</figcaption><svg viewBox=\"0 0 {w:.0} {HEIGHT:.0}\" width=\"{w:.0}\" height=\"{HEIGHT:.0}\" role=\"img\" aria-labelledby=\"{id}-title\" preserveAspectRatio=\"xMinYMin meet\">{svg}</svg><ul class=\"legend\">{legend}</ul>{note}</figure>",
        title = escape(&spec.title),
        w = chart.width,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(lang: Lang) -> ChartSpec {
        ChartSpec {
            title: "人才 & <总量>".into(),
            years: (2020..=2030).collect(),
            series: vec![Series {
                label: "Talent".into(),
                tone: 1,
                shape: Shape::Line,
                values: (0..11).map(|i| 84_500.0 + 3_000.0 * f64::from(i)).collect(),
                band: Some((vec![80_000.0; 11], vec![130_000.0; 11])),
                faint: false,
            }],
            marks: vec![TargetMark {
                value: 140_000.0,
                deadline: 2025,
                label: "Certified social workers 140,000".into(),
            }],
            axis: Axis::Count,
            lang,
            width: 600.0,
            note: None,
            subtitle: "云南省 · 多招人 · 2020–2030年".into(),
            file_stem: "云南省-多招人-社会工作人才总量".into(),
            y_floor: 0.0,
            fixed_scale: false,
        }
    }

    #[test]
    fn every_year_and_the_last_one_is_placed_inside_the_plot() {
        let chart = layout(&spec(Lang::En));
        assert_eq!(chart.x_labels.last().map(|(_, y)| *y), Some(2030));
        for (x, _) in &chart.x_labels {
            assert!(*x >= chart.left && *x <= chart.right);
        }
        assert!(chart.grid.iter().any(|(_, label)| label == "150,000"));
    }

    #[test]
    fn an_empty_budget_axis_labels_each_tick_with_its_own_amount() {
        let mut spec = spec(Lang::Zh);
        spec.axis = Axis::Yuan;
        spec.marks.clear();
        spec.series[0].values = vec![0.0; 11];
        spec.series[0].band = None;
        let labels: Vec<String> = layout(&spec).grid.into_iter().map(|(_, l)| l).collect();
        assert_eq!(
            labels,
            ["0万元", "0.25万元", "0.5万元", "0.75万元", "1万元"]
        );
    }

    #[test]
    fn a_band_arriving_just_above_the_top_does_not_rescale_the_axis() {
        let top = |band_high: f64| {
            let mut spec = spec(Lang::En);
            spec.marks.clear();
            spec.series[0].values = vec![19_000.0; 11];
            spec.series[0].band = Some((vec![17_000.0; 11], vec![band_high; 11]));
            let chart = layout(&spec);
            chart.grid.last().map(|(_, label)| label.clone())
        };
        // Without the band the axis ends at 20,000; a band up to 8% above it leaves it there.
        assert_eq!(top(18_000.0).as_deref(), Some("20,000"));
        assert_eq!(top(21_000.0).as_deref(), Some("20,000"));
        // A band well above the lines gets an axis that holds it.
        assert_eq!(top(29_000.0).as_deref(), Some("30,000"));
    }

    #[test]
    fn target_labels_wrap_to_stay_inside_the_chart() {
        let mut narrow = spec(Lang::En);
        narrow.width = 300.0;
        let chart = layout(&narrow);
        let mark = &chart.marks[0];
        for line in &mark.lines {
            let width = text_width(line);
            let (from, to) = match mark.anchor {
                "end" => (mark.label_x - width, mark.label_x),
                _ => (mark.label_x, mark.label_x + width),
            };
            assert!(from >= 0.0 && to <= chart.width, "{line}: {from}–{to}");
        }
    }

    #[test]
    fn the_document_is_standalone_and_escaped() {
        let (svg, height) = to_svg_document(&spec(Lang::Zh));
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(
            svg.contains("人才 &amp; &lt;总量&gt;"),
            "the title, escaped"
        );
        assert!(svg.contains("fill=\"#fff\""), "a white background");
        assert!(svg.contains("P10–P90 区间"), "the legend names the band");
        assert!(height > HEIGHT);
    }

    #[test]
    fn empty_data_lays_out_without_panicking() {
        let mut empty = spec(Lang::En);
        empty.years.clear();
        empty.series[0].values.clear();
        empty.series[0].band = None;
        let chart = layout(&empty);
        assert!(chart.x_labels.is_empty());
    }

    #[test]
    fn all_zero_data_gets_distinct_ticks() {
        for axis in [Axis::Count, Axis::Percent, Axis::Yuan] {
            let mut zero = spec(Lang::En);
            zero.axis = axis;
            zero.marks.clear();
            zero.series[0].values = vec![0.0; 11];
            zero.series[0].band = None;
            let labels: Vec<String> = layout(&zero).grid.into_iter().map(|(_, l)| l).collect();
            let mut distinct = labels.clone();
            distinct.dedup();
            assert!(labels.len() >= 3, "{labels:?}");
            assert_eq!(distinct, labels, "{axis:?}: every tick reads differently");
        }
    }

    #[test]
    fn small_counts_get_whole_ticks() {
        let mut small = spec(Lang::Zh);
        small.marks.clear();
        small.series[0].values = vec![6.0; 11];
        small.series[0].band = None;
        let labels: Vec<String> = layout(&small).grid.into_iter().map(|(_, l)| l).collect();
        assert_eq!(labels, ["0", "5", "10"]);
    }

    #[test]
    fn the_floor_holds_the_scale_while_a_line_grows() {
        let whole = layout(&spec(Lang::En));
        let mut early = spec(Lang::En);
        early.series[0].values.truncate(2);
        early.series[0].band = None;
        early.marks.clear();
        early.y_floor = 150_000.0;
        assert_eq!(layout(&early).grid, whole.grid);
    }

    #[test]
    fn a_fixed_scale_keeps_its_axis_when_a_band_rises_above_it() {
        let mut story = spec(Lang::En);
        story.marks.clear();
        story.series[0].values = vec![90_000.0; 11];
        story.series[0].band = Some((vec![80_000.0; 11], vec![400_000.0; 11]));
        story.y_floor = 100_000.0;
        let mut without_band = story.clone();
        without_band.series[0].band = None;
        assert_ne!(
            layout(&story).grid,
            layout(&without_band).grid,
            "a free axis makes room"
        );
        story.fixed_scale = true;
        without_band.fixed_scale = true;
        assert_eq!(
            layout(&story).grid,
            layout(&without_band).grid,
            "a story's axis stays"
        );
    }
}
