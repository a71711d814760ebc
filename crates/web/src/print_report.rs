//! The printed report (A4): the page prints its target cards, charts and year table; this adds
//! what a meeting needs around them — a cover with the region, the date, the link and its QR
//! code, and an appendix with every lever changed against the preset and every number's source
//! or assumption — the planner's own source for a value they cited, "set by the planner" for
//! one they changed without. Hidden on screen; shown by the print stylesheet.

use std::rc::Rc;

use yew::prelude::*;

use super::param_control::ParamValue;
use super::persistence::{link_query, link_url};
use swplan_engine::params::{self, Value, PARAMS};
use swplan_engine::Scenario;
use swplan_plans::share::PlanSpec;
use swplan_render::qr::qr_svg;
use swplan_words::inputs::{display_text, yearly_text};
use swplan_words::provenance::OriginKind;
use swplan_words::results::quantity;
use swplan_words::settings_table::{setting_rows, Rates};
use swplan_words::strings::{horizon_note, param_unit, strings};
use swplan_words::{param_label, Lang};

#[derive(Properties, PartialEq)]
pub struct PrintReportProps {
    pub lang: Lang,
    pub plan: PlanSpec,
    pub baseline: Rc<Scenario>,
    /// The preset's name, or none for a region of the planner's own.
    pub preset_name: Option<String>,
    /// The cover (printed first) or the appendix (printed last).
    pub appendix: bool,
}

fn value_of(scenario: &Scenario, key: &str) -> Option<ParamValue> {
    match params::value(scenario, key)? {
        Value::Scalar(v) => Some(ParamValue::Scalar(*v)),
        Value::Yearly(y) => Some(ParamValue::Yearly(y.clone())),
    }
}

/// A parameter's value in words: "12000 人/年", or the years of a schedule.
fn value_text(value: &ParamValue, key: &str, scenario: &Scenario, lang: Lang) -> String {
    let Some(param) = params::param(key) else {
        return String::new();
    };
    let unit = param_unit(param, lang);
    match value {
        ParamValue::Scalar(v) => quantity(&display_text(param.unit, *v), &unit, lang),
        ParamValue::Yearly(y) => {
            let values = y.expand(scenario.horizon().max(1));
            let text = yearly_text(param.unit, &values, scenario.base_year, ": ", ", ");
            quantity(&text, &unit, lang)
        }
    }
}

#[function_component(PrintReport)]
pub fn print_report(props: &PrintReportProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let scenario = &props.plan.scenario;
    let url = link_url(&link_query(&props.plan, Some(lang)));
    let qr = qr_svg(&url).ok();
    let today = super::storage::now();
    let changed: Vec<Html> = PARAMS
        .iter()
        .filter_map(|p| {
            let now = value_of(scenario, p.key)?;
            let before = value_of(&props.baseline, p.key)?;
            (now != before).then(|| {
                html! {
                    <tr>
                        <th scope="row">{ param_label(p.key, lang) }</th>
                        <td>{ value_text(&before, p.key, &props.baseline, lang) }</td>
                        <td>{ value_text(&now, p.key, scenario, lang) }</td>
                    </tr>
                }
            })
        })
        .collect();
    // Every value with where it comes from: the planner's source or their own value before the
    // origin's note, which is about the origin's number.
    let sources = setting_rows(
        scenario,
        Some(&props.baseline),
        (": ", ", "),
        Rates::Percent,
        lang,
    )
    .into_iter()
    .filter_map(|row| {
        let (kind, detail) = row.origin.clone()?;
        let kind = match kind {
            OriginKind::Document => text.source_chip,
            OriginKind::Assumption => text.assumption_chip,
            other => other.label(lang),
        };
        Some(html! {
            <tr>
                <th scope="row">{ row.label }</th>
                <td>{ row.value_with_unit(lang) }</td>
                <td>{ kind }</td>
                <td>{ detail }</td>
            </tr>
        })
    });
    if !props.appendix {
        return html! {
            <section class="print-only print-cover">
                <h2 class="print-title">{ text.app_title }{ " — " }{ lang.pick(&scenario.name.zh, &scenario.name.en) }</h2>
                <p>{ horizon_note(scenario.base_year, scenario.end_year, lang) }</p>
                if let Some(name) = &props.plan.name {
                    <p><strong>{ text.save_name }{ lang.pick("：", ": ") }</strong>{ name.clone() }</p>
                }
                <p>
                    { text.report_basis }{ lang.pick("：", ": ") }
                    { props.preset_name.clone().unwrap_or_else(|| text.custom_region.to_string()) }
                    { " · " }{ text.report_date }{ lang.pick("：", ": ") }{ today[..10].to_string() }
                </p>
                <div class="print-link">
                    if let Some(qr) = qr {
                        // Sized in millimetres by the print stylesheet: a phone reads it on paper.
                        <svg class="print-qr" viewBox={format!("0 0 {0} {0}", qr.extent())} width="120" height="120" shape-rendering="crispEdges"
                             role="img" aria-label={text.qr_label}>
                            <rect width={qr.extent().to_string()} height={qr.extent().to_string()} fill="#fff" />
                            <path d={qr.path.clone()} fill="#000" />
                        </svg>
                    }
                    <p class="print-url">{ text.report_link }<br />{ url }</p>
                </div>
                if super::persistence::address_is_local() {
                    <p class="local-warning">{ text.local_address_warning }</p>
                }
            </section>
        };
    }
    html! {
            <section class="print-only print-appendix">
                <h2>{ text.report_changes }</h2>
                if changed.is_empty() {
                    <p>{ text.report_no_changes }</p>
                } else {
                    <table>
                        <thead><tr><th scope="col">{ text.report_lever }</th><th scope="col">{ text.report_preset_value }</th><th scope="col">{ text.report_plan_value }</th></tr></thead>
                        <tbody>{ for changed }</tbody>
                    </table>
                }
                <h2>{ text.report_sources }</h2>
                <table class="sources">
                    <thead><tr><th scope="col">{ text.report_lever }</th><th scope="col">{ text.report_plan_value }</th><th scope="col">{ text.report_kind }</th><th scope="col">{ text.report_detail }</th></tr></thead>
                    <tbody>{ for sources }</tbody>
                </table>
            </section>
    }
}
