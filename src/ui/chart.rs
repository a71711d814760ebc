//! A line (and bar) chart in SVG with an optional P10–P90 band per series, target lines,
//! deadline markers, a legend, and the same numbers as a table for those who cannot see it.

use yew::prelude::*;

use crate::i18n::strings::strings;
use crate::i18n::{format_count, format_percent, format_yuan, Lang};
use crate::plot::{band_path, line_path, nice_ticks, text_width, wrap_label, Scale};

/// What the y axis counts, which decides how its numbers read.
#[derive(Clone, Copy, PartialEq)]
pub enum Axis {
    Count,
    Percent,
    Yuan,
}

impl Axis {
    fn format(self, value: f64, lang: Lang) -> String {
        match self {
            Axis::Count => format_count(value, lang),
            Axis::Percent => format_percent(value, lang),
            Axis::Yuan => format_yuan(value, lang),
        }
    }
}

#[derive(Clone, PartialEq)]
pub enum Shape {
    Line,
    Bars,
}

/// One plotted series; `tone` is a CSS class (`tone-1` … `tone-4`) for colour and dash.
#[derive(Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub tone: &'static str,
    pub shape: Shape,
    pub values: Vec<f64>,
    /// P10 and P90 per year.
    pub band: Option<(Vec<f64>, Vec<f64>)>,
}

/// A target drawn on the chart: a horizontal line at `value` and a marker at `deadline`.
#[derive(Clone, PartialEq)]
pub struct TargetMark {
    pub value: f64,
    pub deadline: i32,
    pub label: String,
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub years: Vec<i32>,
    pub series: Vec<Series>,
    pub marks: Vec<TargetMark>,
    pub axis: Axis,
    pub lang: Lang,
    /// Drawing width in CSS pixels, so text is drawn at its real size.
    pub width: f64,
}

const HEIGHT: f64 = 260.0;
const MARGIN: (f64, f64, f64, f64) = (16.0, 16.0, 34.0, 64.0); // top, right, bottom, left

#[function_component(Chart)]
pub fn chart(props: &ChartProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let width = props.width.max(280.0);
    let (top, right, bottom, left) = MARGIN;
    let years = &props.years;
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Html::default();
    };

    let highest = props
        .series
        .iter()
        .flat_map(|s| {
            s.values
                .iter()
                .chain(s.band.iter().flat_map(|(_, high)| high.iter()))
        })
        .chain(props.marks.iter().map(|m| &m.value))
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let ticks = nice_ticks(0.0, highest.max(1e-9), 4);
    let y_top = ticks.last().copied().unwrap_or(1.0);
    let x = Scale {
        domain: (f64::from(first) - 0.5, f64::from(last) + 0.5),
        range: (left, width - right),
    };
    let y = Scale {
        domain: (0.0, y_top),
        range: (HEIGHT - bottom, top),
    };
    let xs: Vec<f64> = years.iter().map(|yr| x.map(f64::from(*yr))).collect();
    let slot = (x.map(1.0) - x.map(0.0)).abs();
    let label_every = ((years.len() as f64 * 44.0) / (width - left - right))
        .ceil()
        .max(1.0) as usize;
    let title_id = format!("{}-title", props.id);

    let grid = ticks.iter().map(|t| {
        let ty = y.map(*t);
        html! {
            <g class="tick">
                <line x1={left.to_string()} x2={(width - right).to_string()} y1={ty.to_string()} y2={ty.to_string()} />
                <text x={(left - 6.0).to_string()} y={(ty + 4.0).to_string()} text-anchor="end">{ props.axis.format(*t, lang) }</text>
            </g>
        }
    });
    // Label every few years counting back from the last, so the final year is always named.
    let last_index = years.len() - 1;
    let x_labels = years.iter().zip(&xs).enumerate().filter(|(i, _)| (last_index - i).is_multiple_of(label_every)).map(|(_, (yr, px))| html! {
        <text class="x-label" x={px.to_string()} y={(HEIGHT - bottom + 18.0).to_string()} text-anchor="middle">{ yr }</text>
    });
    let bands = props.series.iter().filter_map(|s| {
        let (low, high) = s.band.as_ref()?;
        let lows: Vec<f64> = low.iter().map(|v| y.map(*v)).collect();
        let highs: Vec<f64> = high.iter().map(|v| y.map(*v)).collect();
        Some(html! { <path class={classes!("band", s.tone)} d={band_path(&xs, &lows, &highs)} /> })
    });
    let shapes = props.series.iter().map(|s| match s.shape {
        Shape::Line => {
            let points: Vec<(f64, f64)> = xs.iter().zip(&s.values).map(|(px, v)| (*px, y.map(*v))).collect();
            html! { <path class={classes!("line", s.tone)} d={line_path(&points)} /> }
        }
        Shape::Bars => {
            let bar = slot * 0.6;
            html! {
                <g class={classes!("bars", s.tone)}>
                    { for xs.iter().zip(&s.values).map(|(px, v)| {
                        let (y0, y1) = (y.map(0.0), y.map(*v));
                        html! { <rect x={(px - bar / 2.0).to_string()} y={y1.min(y0).to_string()}
                                      width={bar.to_string()} height={(y0 - y1).abs().to_string()} /> }
                    }) }
                </g>
            }
        }
    });
    // Target labels sit above their line beside the deadline marker, wrapped to the room they
    // have, and pushed up when they would overlap a label already placed on the same side.
    let mut placed: Vec<(bool, f64, f64)> = Vec::new(); // (left side, top, bottom)
    let marks: Vec<Html> = props.marks.iter().map(|m| {
        let ty = y.map(m.value);
        let dx = x.map(f64::from(m.deadline));
        let label = format!("{} {}", text.target_line, m.label);
        let room_left = dx - 6.0 - left;
        let room_right = width - right - dx - 6.0;
        let left_side = text_width(&label) <= room_left || room_left >= room_right;
        let room = if left_side { room_left } else { room_right }.max(60.0);
        let lines = wrap_label(&label, room);
        let line_height = 14.0;
        let mut label_bottom = ty - 7.0;
        let mut label_top = label_bottom - line_height * (lines.len() as f64 - 1.0) - 11.0;
        for (side, other_top, other_bottom) in &placed {
            if *side == left_side && label_top < *other_bottom + 2.0 && label_bottom > *other_top - 2.0 {
                let shift = label_bottom - (*other_top - 4.0);
                label_bottom -= shift;
                label_top -= shift;
            }
        }
        // Never above the plot: then the label goes below the line instead.
        if label_top < 2.0 {
            let height = label_bottom - label_top;
            label_top = ty + 18.0;
            label_bottom = label_top + height;
        }
        placed.push((left_side, label_top, label_bottom));
        let (label_x, anchor) = if left_side { (dx - 6.0, "end") } else { (dx + 6.0, "start") };
        let first_baseline = label_bottom - line_height * (lines.len() as f64 - 1.0);
        html! {
            <g class="target-mark">
                <line class="target-line" x1={left.to_string()} x2={(width - right).to_string()} y1={ty.to_string()} y2={ty.to_string()} />
                <line class="deadline-line" x1={dx.to_string()} x2={dx.to_string()} y1={top.to_string()} y2={(HEIGHT - bottom).to_string()} />
                <circle class="target-point" cx={dx.to_string()} cy={ty.to_string()} r="4" />
                <text class="target-label" x={label_x.to_string()} y={first_baseline.to_string()} text-anchor={anchor}>
                    { for lines.iter().enumerate().map(|(i, line)| html! {
                        <tspan x={label_x.to_string()} dy={if i == 0 { "0".to_string() } else { line_height.to_string() }}>{ line.clone() }</tspan>
                    }) }
                </text>
            </g>
        }
    }).collect();
    let has_band = props.series.iter().any(|s| s.band.is_some());

    html! {
        <figure class="chart" id={props.id.clone()}>
            <figcaption id={title_id.clone()}>{ props.title.clone() }</figcaption>
            <svg viewBox={format!("0 0 {width:.0} {HEIGHT:.0}")} width={format!("{width:.0}")} height={format!("{HEIGHT:.0}")}
                 role="img" aria-labelledby={title_id} preserveAspectRatio="xMinYMin meet">
                { for grid }
                { for bands }
                { for shapes }
                { for marks }
                { for x_labels }
            </svg>
            <ul class="legend">
                { for props.series.iter().map(|s| html! {
                    <li><span class={classes!("swatch", s.tone, matches!(s.shape, Shape::Bars).then_some("is-bar"))}></span>{ s.label.clone() }</li>
                }) }
                if has_band { <li><span class="swatch band-swatch"></span>{ text.band_legend }</li> }
                if !props.marks.is_empty() {
                    <li><span class="swatch target-swatch"></span>{ format!("{} / {}", text.target_line, text.deadline) }</li>
                }
            </ul>
            <details class="chart-data">
                <summary>{ text.show_data }</summary>
                <div class="table-scroll">
                    <table>
                        <caption class="visually-hidden">{ props.title.clone() }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ text.year }</th>
                                { for props.series.iter().map(|s| html! {
                                    <>
                                        <th scope="col">{ s.label.clone() }</th>
                                        if s.band.is_some() {
                                            <th scope="col">{ "P10" }</th>
                                            <th scope="col">{ "P90" }</th>
                                        }
                                    </>
                                }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for years.iter().enumerate().map(|(i, yr)| html! {
                                <tr>
                                    <th scope="row">{ yr }</th>
                                    { for props.series.iter().map(|s| {
                                        let cell = |v: Option<&f64>| v.map_or(String::new(), |v| props.axis.format(*v, lang));
                                        html! {
                                            <>
                                                <td>{ cell(s.values.get(i)) }</td>
                                                if let Some((low, high)) = &s.band {
                                                    <td>{ cell(low.get(i)) }</td>
                                                    <td>{ cell(high.get(i)) }</td>
                                                }
                                            </>
                                        }
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
