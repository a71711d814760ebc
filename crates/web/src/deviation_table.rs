//! "计划与实际对照 / Plan against actual": per figure with actuals and per year, the plan's
//! value, the actual (in the plan's unit: "0.98万" beside "1.02万"), the difference and the
//! deviation in percent of the plan.

use std::rc::Rc;

use yew::prelude::*;

use swplan_plans::life::ActualsView;
use swplan_words::actuals::{actuals_words, signed_percent, signed_value};
use swplan_words::messages::{metric_value, metric_value_as};
use swplan_words::{metric_label, Lang};

#[derive(Properties, PartialEq)]
pub struct DeviationTableProps {
    pub lang: Lang,
    pub view: Rc<ActualsView>,
}

#[function_component(DeviationTable)]
pub fn deviation_table(props: &DeviationTableProps) -> Html {
    let lang = props.lang;
    let words = actuals_words(lang);
    html! {
        <div class="deviation">
            <h3 id="deviation-heading">{ words.deviation_heading }</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="deviation-heading">
                <table class="deviation-table" id="deviation-table">
                    <thead><tr>
                        <th scope="col">{ words.figure_picker }</th>
                        <th scope="col">{ words.year }</th>
                        <th scope="col">{ words.plan }</th>
                        <th scope="col">{ words.actual }</th>
                        <th scope="col">{ words.difference }</th>
                        <th scope="col">{ words.percent }</th>
                    </tr></thead>
                    <tbody>
                        { for props.view.deviations.iter().flat_map(|series| {
                            let m = series.metric;
                            series.rows.iter().map(move |row| {
                                let direction = match row.difference {
                                    d if d > 0.0 => "is-above",
                                    d if d < 0.0 => "is-below",
                                    _ => "",
                                };
                                html! {
                                    <tr data-metric={m.key()} data-year={row.year.to_string()}>
                                        <th scope="row">{ metric_label(m, lang) }</th>
                                        <td>{ row.year }</td>
                                        <td class="plan">{ metric_value(m, row.plan, lang) }</td>
                                        <td class="actual">{ metric_value_as(m, row.actual, row.plan, lang) }</td>
                                        <td class={classes!("difference", direction)}>{ signed_value(m, row.difference, lang) }</td>
                                        <td class={classes!("percent", direction)}>{ signed_percent(row.relative, lang) }</td>
                                    </tr>
                                }
                            })
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
