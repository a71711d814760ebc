//! A tornado chart on the page: the layout of `swplan_render::tornado` drawn as SVG, its legend,
//! the bars as sentences for those who cannot see it, and a download of the chart as SVG.

use yew::prelude::*;

use super::download::download_text;
use swplan_render::tornado::{layout_at, to_svg, TornadoSpec, BAR, NARROW_WIDTH, WIDTH};
use swplan_words::strings::strings;

#[derive(Properties, PartialEq)]
pub struct TornadoChartProps {
    pub id: AttrValue,
    pub spec: TornadoSpec,
}

/// Whether the page is a phone's width, where the chart is drawn narrow (read when the chart is
/// drawn; a phone seldom changes its width while a result is on screen).
fn narrow_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(max-width: 600px)").ok().flatten())
        .is_some_and(|query| query.matches())
}

#[function_component(TornadoChart)]
pub fn tornado_chart(props: &TornadoChartProps) -> Html {
    let spec = &props.spec;
    let lang = spec.lang;
    let text = strings(lang);
    let l = layout_at(spec, if narrow_screen() { NARROW_WIDTH } else { WIDTH });
    let title_id = format!("{}-title", props.id);
    let ticks = l.ticks.iter().map(|(x, label)| {
        html! {
            <g class="tick">
                <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={l.top.to_string()} y2={l.bottom.to_string()} />
                <text x={format!("{x:.1}")} y={(l.bottom + 18.0).to_string()} text-anchor="middle">{ label.clone() }</text>
            </g>
        }
    });
    let rows = l.rows.iter().map(|row| {
        let bar = |tone: u8, end: &Option<(f64, f64, String)>| {
            end.as_ref().map(|(x, w, value)| {
                html! {
                    <rect class={format!("tornado-bar tone-{tone}")} x={format!("{x:.1}")} y={format!("{:.1}", row.bar_y())}
                          width={format!("{:.1}", w.max(1.0))} height={format!("{BAR:.1}")}>
                        <title>{ value.clone() }</title>
                    </rect>
                }
            })
        };
        html! {
            <g class="tornado-row">
                <text class="tornado-label" x={format!("{:.1}", l.left - 8.0)} text-anchor="end">
                    <title>{ row.label.clone() }</title>
                    { for row.lines.iter().enumerate().map(|(i, line)| html! {
                        <tspan x={format!("{:.1}", l.left - 8.0)} y={format!("{:.1}", row.label_y(i))}>{ line.clone() }</tspan>
                    }) }
                </text>
                { for bar(1, &row.low) }
                { for bar(2, &row.high) }
            </g>
        }
    });
    let on_svg = {
        let spec = spec.clone();
        let name = format!("swplan-{}.svg", props.id);
        Callback::from(move |_| {
            let _ = download_text(&name, "image/svg+xml", &to_svg(&spec));
        })
    };
    html! {
        <figure class="tornado" id={props.id.clone()}>
            <figcaption id={title_id.clone()}>{ spec.title.clone() }</figcaption>
            <svg viewBox={format!("0 0 {:.0} {:.0}", l.width, l.height)} width={format!("{:.0}", l.width)} height={format!("{:.0}", l.height)}
                 role="img" aria-labelledby={title_id} preserveAspectRatio="xMinYMin meet">
                { for ticks }
                { for rows }
                <line class="tornado-base" x1={format!("{:.1}", l.base_x)} x2={format!("{:.1}", l.base_x)}
                      y1={(l.top - 4.0).to_string()} y2={l.bottom.to_string()} />
                if let Some(x) = l.threshold_x {
                    <line class="tornado-threshold" x1={format!("{x:.1}")} x2={format!("{x:.1}")}
                          y1={(l.top - 4.0).to_string()} y2={l.bottom.to_string()} />
                }
            </svg>
            <ul class="legend">
                { for spec.legend.iter().map(|(tone, label)| html! {
                    <li><span class={classes!("swatch", "is-bar", format!("tone-{tone}"))}></span>{ label.clone() }</li>
                }) }
                <li><span class="swatch tornado-base-swatch"></span>{ spec.base_label.clone() }</li>
                <li><span class="swatch target-swatch"></span>{ spec.threshold_label.clone() }</li>
            </ul>
            <div class="chart-tools">
                <details class="chart-data">
                    <summary>{ text.show_data }</summary>
                    <ul class="tornado-sentences">
                        { for spec.rows.iter().map(|r| html! { <li>{ r.sentence.clone() }</li> }) }
                    </ul>
                </details>
                <span class="chart-downloads">
                    <button type="button" class="link" onclick={on_svg}>
                        { text.download_svg }<span class="visually-hidden">{ swplan_words::strings::naming(&spec.title, lang) }</span>
                    </button>
                </span>
            </div>
        </figure>
    }
}
