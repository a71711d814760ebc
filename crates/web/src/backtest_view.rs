//! "回测 / Back-test": the plan based in an earlier year, fitted on the actuals up to a
//! cut-off, projected onward and set beside the later actuals — how far it lands, and which
//! lever's change the fit could not see.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use swplan_engine::backtest::{Backtest, BacktestRefusal};
use swplan_plans::life::backtest::{BacktestShortfall, BacktestYears};
use swplan_plans::state::life::{Fitted, LifeAction};
use swplan_plans::state::Action;
use swplan_words::actuals::{actuals_words, signed_percent, signed_value};
use swplan_words::calibration::{
    backtest_finding, backtest_refusal_text, backtest_shortfall_text, calibration_words,
};
use swplan_words::messages::{metric_value, metric_value_as};
use swplan_words::{metric_label, Lang};

#[derive(Properties, PartialEq)]
pub struct BacktestViewProps {
    pub lang: Lang,
    /// The years the back-test may use and will, or why the actuals cannot support one
    /// (`swplan_plans::life::backtest::backtest_years`).
    pub years: Result<BacktestYears, BacktestShortfall>,
    pub result: Option<Rc<Fitted<Result<Backtest, BacktestRefusal>>>>,
    pub running: bool,
    pub on_action: Callback<Action>,
}

#[function_component(BacktestView)]
pub fn backtest_view(props: &BacktestViewProps) -> Html {
    let lang = props.lang;
    let words = calibration_words(lang);
    let actuals = actuals_words(lang);
    let years = match &props.years {
        Ok(years) => years,
        Err(shortfall) => {
            return html! {
                <div class="backtest" id="backtest">
                    <h3>{ words.backtest_heading }</h3>
                    <p class="muted">{ words.backtest_intro }</p>
                    <p class="backtest-shortfall" id="backtest-shortfall" role="status">
                        { backtest_shortfall_text(shortfall, lang) }
                    </p>
                </div>
            };
        }
    };
    let (base_year, cutoff) = (years.base_year, years.cutoff);
    let set = {
        let on_action = props.on_action.clone();
        move |base_year: i32, cutoff: i32| {
            on_action.emit(Action::Life(LifeAction::SetBacktestYears {
                base_year,
                cutoff,
            }))
        }
    };
    // A new base year keeps the cut-off where it still leaves years to fit and test; the
    // state's choice of years moves it otherwise.
    let on_base = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(year) = select.value().parse() {
                set(year, cutoff);
            }
        })
    };
    let on_cutoff = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        if let Ok(year) = select.value().parse() {
            set(base_year, year);
        }
    });
    let on_run = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::Life(LifeAction::Backtest)))
    };
    let options = |choices: &[i32], selected: i32| {
        choices
            .iter()
            .map(|y| html! { <option value={y.to_string()} selected={*y == selected}>{ y }</option> })
            .collect::<Html>()
    };
    let result = props.result.as_ref().map(|r| match &r.outcome {
        Err(refusal) => html! { <p class="fit-refusal" id="backtest-refusal" role="alert">{ backtest_refusal_text(refusal, lang) }</p> },
        Ok(backtest) => html! {
            <div class="backtest-result" id="backtest-result">
                { for backtest_finding(backtest, lang).into_iter().map(|line| html! { <p>{ line }</p> }) }
                <table class="backtest-misses" id="backtest-misses">
                    <thead><tr>
                        <th scope="col">{ actuals.figure_picker }</th>
                        <th scope="col">{ actuals.year }</th>
                        <th scope="col">{ words.actual }</th>
                        <th scope="col">{ words.projected }</th>
                        <th scope="col">{ actuals.difference }</th>
                        <th scope="col">{ actuals.percent }</th>
                    </tr></thead>
                    <tbody>
                        { for backtest.misses.iter().map(|p| html! {
                            <tr data-metric={p.metric.key()} data-year={p.year.to_string()}>
                                <th scope="row">{ metric_label(p.metric, lang) }</th>
                                <td>{ p.year }</td>
                                <td class="actual">{ metric_value_as(p.metric, p.actual, p.fitted, lang) }</td>
                                <td class="projected">{ metric_value(p.metric, p.fitted, lang) }</td>
                                <td class="difference">{ signed_value(p.metric, p.residual, lang) }</td>
                                <td class="percent">{ signed_percent((p.fitted != 0.0).then(|| p.residual / p.fitted), lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
    });
    html! {
        <div class="backtest" id="backtest">
            <h3>{ words.backtest_heading }</h3>
            <p class="muted">{ words.backtest_intro }</p>
            <div class="row-buttons">
                <label>{ words.base_year }
                    <select id="backtest-base" onchange={on_base}>{ options(&years.base_years, base_year) }</select>
                </label>
                <label>{ words.cutoff }
                    <select id="backtest-cutoff" onchange={on_cutoff}>{ options(&years.cutoffs, cutoff) }</select>
                </label>
                <button type="button" id="run-backtest" onclick={on_run} disabled={props.running}>
                    { words.run_backtest }
                </button>
            </div>
            { for result }
        </div>
    }
}
