//! The year table: every figure of the plan, year by year, with the model's warnings. Columns
//! come from the figure registry (`Metric::READING_ORDER`), so a new figure appears here
//! without being spelled again.

use std::rc::Rc;

use yew::prelude::*;

use swplan_engine::Metric;
use swplan_plans::state::Computed;
use swplan_words::messages::{metric_value_in_column, warning_message};
use swplan_words::strings::strings;
use swplan_words::{metric_label, Lang};

#[derive(Properties, PartialEq)]
pub struct YearTableProps {
    pub lang: Lang,
    pub computed: Rc<Computed>,
    /// Which plan the table shows, when several are compared.
    #[prop_or_default]
    pub plan_title: Option<String>,
}

#[function_component(YearTable)]
pub fn year_table(props: &YearTableProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let rows = &props.computed.trajectory.years;
    let warnings = &props.computed.trajectory.warnings;
    // Each column's largest amount, so money reads in one unit down a column.
    let largest: Vec<f64> = Metric::READING_ORDER
        .iter()
        .map(|m| rows.iter().map(|r| m.value(r).abs()).fold(0.0, f64::max))
        .collect();
    html! {
        <section class="year-table" aria-labelledby="year-table-heading">
            <h2 id="year-table-heading">
                { text.year_table_heading }
                if let Some(title) = &props.plan_title { { format!("（{title}）") } }
            </h2>
            if !warnings.is_empty() {
                <div class="warnings" role="status">
                    <h3>{ text.warnings_heading }</h3>
                    <ul>{ for warnings.iter().map(|w| html! { <li>{ warning_message(w, lang) }</li> }) }</ul>
                </div>
            }
            <p class="scroll-hint" aria-hidden="true">{ text.scroll_hint }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label={text.year_table_scroll_label}>
                <table>
                    <caption class="visually-hidden">{ text.year_table_heading }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ text.year }</th>
                            { for Metric::READING_ORDER.iter().map(|m| html! { <th scope="col">{ metric_label(*m, lang) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|r| html! {
                            <tr>
                                <th scope="row">{ r.year }</th>
                                { for Metric::READING_ORDER.iter().zip(&largest).map(|(m, top)| html! { <td>{ metric_value_in_column(*m, m.value(r), *top, lang) }</td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
