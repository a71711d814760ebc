//! A chart on the page: the layout of `swplan_render::chart` drawn as SVG, a legend, the same numbers as
//! a table for those who cannot see it, and downloads of the chart as SVG and PNG.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::download::{download_png, download_text};
use swplan_render::chart::{
    layout, layout_sized, legend_samples, to_svg_document, ChartSpec, LINE_HEIGHT,
};
use swplan_render::sample::{marker_path, sample_svg, Sample};
use swplan_words::strings::strings;

/// A legend sample as the chart draws it (see `swplan_render::sample`), for any legend of the
/// page: the charts', the comparison's plans, the pool's key.
pub fn sample_html(sample: Sample) -> Html {
    Html::from_html_unchecked(AttrValue::from(sample_svg(sample)))
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub id: AttrValue,
    pub spec: ChartSpec,
    /// Fill the box the page gives the drawing (the presenter): laid out at the box's shape,
    /// its text at the box's font size.
    #[prop_or_default]
    pub fill: bool,
    /// The chart a story step points at: drawn with a frame that stands out.
    #[prop_or_default]
    pub highlighted: bool,
}

/// The size of a drawing's box in CSS pixels and its font size, as the browser laid it out.
fn box_of(el: &web_sys::HtmlElement) -> Option<(f64, f64, f64)> {
    let font = gloo::utils::window()
        .get_computed_style(el)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value("font-size").ok())
        .and_then(|size| size.trim_end_matches("px").parse::<f64>().ok())?;
    let (width, height) = (f64::from(el.client_width()), f64::from(el.client_height()));
    (width > 0.0 && height > 0.0).then_some((width, height, font))
}

/// Follows the size of the drawing's box (when it fills one): `None` until it is laid out.
#[hook]
fn use_box(plot: &NodeRef, fill: bool) -> Option<(f64, f64, f64)> {
    let size = use_state(|| None::<(f64, f64, f64)>);
    {
        let (plot, size) = (plot.clone(), size.clone());
        use_effect_with(fill, move |fill| {
            let observed = fill.then(|| {
                let callback = {
                    let (plot, size) = (plot.clone(), size.clone());
                    Closure::<dyn FnMut()>::new(move || {
                        let now = plot
                            .cast::<web_sys::HtmlElement>()
                            .and_then(|el| box_of(&el));
                        // Whole pixels: a fraction more is not a new drawing.
                        let rounded = now.map(|(w, h, f)| (w.floor(), h.floor(), f));
                        if *size != rounded {
                            size.set(rounded);
                        }
                    })
                };
                let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
                if let (Some(observer), Some(el)) = (&observer, plot.cast::<web_sys::Element>()) {
                    observer.observe(&el);
                }
                (observer, callback)
            });
            move || {
                if let Some((Some(observer), _)) = &observed {
                    observer.disconnect();
                }
                drop(observed);
            }
        });
    }
    *size
}

#[function_component(Chart)]
pub fn chart(props: &ChartProps) -> Html {
    let plot = use_node_ref();
    let fitted = use_box(&plot, props.fill);
    let lang = props.spec.lang;
    let text = strings(lang);
    if props.spec.years.is_empty() {
        return Html::default();
    }
    // Filling a box: 12 drawing pixels of text become the box's font size, and the drawing
    // takes the box's shape at that scale.
    let mut sized = None;
    if let (true, Some((width, height, font))) = (props.fill, fitted) {
        let scale = (font / 12.0).max(0.5);
        let mut spec = props.spec.clone();
        spec.width = width / scale;
        sized = Some((spec, height / scale));
    }
    let spec = sized.as_ref().map_or(&props.spec, |(spec, _)| spec);
    let chart = match &sized {
        Some((spec, height)) => layout_sized(spec, *height),
        None => layout(spec),
    };
    let (left, right, top, bottom) = (chart.left, chart.right, chart.top, chart.bottom);
    let title_id = format!("{}-title", props.id);
    let tone = |t: u8| format!("tone-{t}");

    let grid = chart.grid.iter().map(|(gy, label)| html! {
        <g class="tick">
            <line x1={left.to_string()} x2={right.to_string()} y1={gy.to_string()} y2={gy.to_string()} />
            <text x={(left - 6.0).to_string()} y={(gy + 4.0).to_string()} text-anchor="end">{ label.clone() }</text>
        </g>
    });
    let bands = spec
        .series
        .iter()
        .zip(&chart.bands)
        .filter_map(|(s, band)| {
            let path = band.as_ref()?;
            Some(html! { <path class={classes!("band", tone(s.tone))} d={path.clone()} /> })
        });
    let bars = spec.series.iter().zip(&chart.bars).filter(|(_, b)| !b.is_empty()).map(|(s, bars)| html! {
        <g class={classes!("bars", tone(s.tone))}>
            { for bars.iter().map(|(x, y, w, h)| html! {
                <rect x={format!("{x:.2}")} y={format!("{y:.2}")} width={format!("{w:.2}")} height={format!("{h:.2}")} />
            }) }
        </g>
    });
    // Each line with its name on hover (a wide, invisible stroke makes a thin line easy to
    // point at): the name at the line's end, and as the browser's tooltip.
    let lines = spec.series.iter().zip(chart.lines.iter().zip(&chart.line_ends)).filter_map(|(s, (line, end))| {
        let path = line.as_ref()?;
        let label = end.filter(|_| !s.label.is_empty()).map(|(x, y)| {
            let anchor = if x > (left + right) / 2.0 { "end" } else { "start" };
            let dx = if anchor == "end" { -6.0 } else { 6.0 };
            html! {
                <text class="series-label" x={(x + dx).to_string()} y={(y - 8.0).to_string()} text-anchor={anchor}>{ s.label.clone() }</text>
            }
        });
        Some(html! {
            <g class="series" data-label={s.label.clone()}>
                <title>{ s.label.clone() }</title>
                <path class={classes!("line", tone(s.tone), s.faint.then_some("faint"))} d={path.clone()} />
                <path class="line-hit" d={path.clone()} />
                { for label }
            </g>
        })
    });
    // Points (the actual figures) over the lines, ringed in their line's tone.
    let points = spec
        .series
        .iter()
        .zip(&chart.points)
        .filter(|(_, p)| !p.is_empty())
        .map(|(s, dots)| {
            html! {
                <g class={classes!("points", tone(s.tone))} data-label={s.label.clone()}>
                    <title>{ s.label.clone() }</title>
                    { for dots.iter().map(|(x, y)| html! {
                        <circle cx={format!("{x:.2}")} cy={format!("{y:.2}")} r="4" />
                    }) }
                </g>
            }
        });
    // The re-projection's diamonds on its line, one per year (see `sample::tone_marked`).
    let markers = spec
        .series
        .iter()
        .zip(&chart.markers)
        .filter(|(_, m)| !m.is_empty())
        .map(|(s, dots)| {
            html! {
                <g class={classes!("markers", tone(s.tone))} aria-hidden="true">
                    { for dots.iter().map(|(x, y)| html! {
                        <path class="marker" d={marker_path(*x, *y)} />
                    }) }
                </g>
            }
        });
    let marks = chart.marks.iter().map(|m| html! {
        <g class="target-mark">
            <line class="target-band" x1={left.to_string()} x2={right.to_string()} y1={m.y.to_string()} y2={m.y.to_string()} />
            <line class="target-line" x1={left.to_string()} x2={right.to_string()} y1={m.y.to_string()} y2={m.y.to_string()} />
            <line class="deadline-line" x1={m.x.to_string()} x2={m.x.to_string()} y1={top.to_string()} y2={bottom.to_string()} />
            <circle class="target-point" cx={m.x.to_string()} cy={m.y.to_string()} r="5" />
            <circle class="target-dot" cx={m.x.to_string()} cy={m.y.to_string()} r="1.8" />
            <text class="target-label" x={m.label_x.to_string()} y={m.first_baseline.to_string()} text-anchor={m.anchor}>
                { for m.lines.iter().enumerate().map(|(i, line)| html! {
                    <tspan x={m.label_x.to_string()} dy={if i == 0 { "0".to_string() } else { LINE_HEIGHT.to_string() }}>{ line.clone() }</tspan>
                }) }
            </text>
        </g>
    });
    let x_labels = chart.x_labels.iter().map(|(px, year)| html! {
        <text class="x-label" x={px.to_string()} y={(bottom + 18.0).to_string()} text-anchor="middle">{ year }</text>
    });
    let on_svg = {
        let (spec, name) = (spec.clone(), spec.file_name("svg"));
        Callback::from(move |_| {
            let (document, _) = to_svg_document(&spec);
            let _ = download_text(&name, "image/svg+xml", &document);
        })
    };
    let on_png = {
        let (spec, name) = (spec.clone(), spec.file_name("png"));
        Callback::from(move |_| {
            let (document, height) = to_svg_document(&spec);
            download_png(&name, &document, layout(&spec).width, height, || {});
        })
    };

    html! {
        <figure class={classes!("chart", props.highlighted.then_some("is-highlighted"))} id={props.id.clone()}>
            <figcaption id={title_id.clone()}>{ spec.title.clone() }</figcaption>
            <div class={classes!("chart-plot", props.fill.then_some("is-filling"))} ref={plot}>
                if !props.fill || sized.is_some() {
                    <svg viewBox={format!("0 0 {:.0} {:.0}", chart.width, chart.height)} width={format!("{:.0}", chart.width)} height={format!("{:.0}", chart.height)}
                         role="img" aria-labelledby={title_id} preserveAspectRatio="xMinYMin meet">
                        { for grid }
                        { for bands }
                        { for bars }
                        { for lines }
                        { for markers }
                        { for points }
                        { for marks }
                        { for x_labels }
                    </svg>
                }
            </div>
            <ul class="legend">
                { for legend_samples(spec).into_iter().map(|(sample, label)| html! {
                    <li>{ sample_html(sample) }{ label }</li>
                }) }
            </ul>
            if let Some(note) = &spec.note {
                <p class="chart-note">{ note.clone() }</p>
            }
            <div class="chart-tools">
                <details class="chart-data">
                    <summary>{ text.show_data }</summary>
                    <div class="table-scroll" tabindex="0" role="region" aria-label={format!("{} — {}", spec.title, text.show_data)}>
                        <table>
                            <caption class="visually-hidden">{ spec.title.clone() }</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ text.year }</th>
                                    { for spec.series.iter().map(|s| html! {
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
                                { for spec.years.iter().enumerate().map(|(i, yr)| html! {
                                    <tr>
                                        <th scope="row">{ yr }</th>
                                        { for spec.series.iter().map(|s| {
                                            let cell = |v: Option<&f64>| v.map_or(String::new(), |v| spec.axis.format(*v, lang));
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
                <span class="chart-downloads">
                    <button type="button" class="link" onclick={on_svg}>
                        { text.download_svg }<span class="visually-hidden">{ swplan_words::strings::naming(&spec.title, lang) }</span>
                    </button>
                    <button type="button" class="link" onclick={on_png}>
                        { text.download_png }<span class="visually-hidden">{ swplan_words::strings::naming(&spec.title, lang) }</span>
                    </button>
                </span>
            </div>
        </figure>
    }
}
