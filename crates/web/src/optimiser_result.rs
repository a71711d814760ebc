//! The optimiser's answer: how the search ended (and the nearest plan's shortfalls), the cost
//! beside the current plan's, the odds measured on fresh futures, each target, the plan year
//! by year beside the current one, why it is what it is, and the buttons to apply it (one
//! undo step) or pin it into the comparison.

use std::rc::Rc;

use yew::prelude::*;

use swplan_engine::optimise::Status;
use swplan_plans::state::{Action, Optimisation, OptimiserAction};
use swplan_words::compare::TextTable;
use swplan_words::optimiser::{
    answer_name, cost_text, dearer_text, explanation_texts, odds_text, plan_heading, plan_table,
    refusal_text, shortfall_text, status_text, target_result_text,
};
use swplan_words::optimiser_ui::optimiser_ui;
use swplan_words::{format_percent, Lang};

#[derive(Properties, PartialEq)]
pub struct OptimiserResultProps {
    pub lang: Lang,
    pub result: Rc<Optimisation>,
    /// The answer is for the plan as it now is.
    pub fresh: bool,
    /// The plan on screen is this answer, applied.
    pub applied: bool,
    pub invalid: bool,
    pub compare_full: bool,
    pub on_action: Callback<Action>,
}

/// A worded table as HTML: the first column a row header.
fn table_html(table: &TextTable, class: &'static str, caption: &str) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={caption.to_string()}>
            <table class={class}>
                <caption class="visually-hidden">{ caption }</caption>
                <thead><tr>{ for table.header.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                <tbody>
                    { for table.rows.iter().map(|row| html! {
                        <tr>
                            { for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                                html! { <th scope="row">{ cell }</th> }
                            } else {
                                html! { <td>{ cell }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The status as the page's tests read it (`data-status`).
fn status_name(status: Status) -> &'static str {
    match status {
        Status::Met => "met",
        Status::Infeasible => "infeasible",
        Status::BudgetTooLow => "budget-too-low",
        Status::Unverified => "unverified",
    }
}

#[function_component(OptimiserResult)]
pub fn optimiser_result(props: &OptimiserResultProps) -> Html {
    let lang = props.lang;
    let ui = optimiser_ui(lang);
    let result = &props.result;
    let scenario = &result.scenario;
    let problem = &result.problem;
    let stale = !props.fresh && !props.applied;
    let outcome = match &result.answer {
        Err(refusal) => {
            return html! {
                <div class="optimiser-result" id="optimiser-result" aria-live="polite">
                    <p class="optimiser-error" role="alert">{ refusal_text(refusal, scenario, lang) }</p>
                </div>
            }
        }
        Ok(outcome) => outcome,
    };
    let emit = |action: OptimiserAction| {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::Optimiser(action.clone())))
    };
    let why = explanation_texts(outcome, problem, scenario, lang);
    let dearer = dearer_text(outcome, &result.current_missed, scenario, lang);
    let heading = plan_heading(outcome.status, &problem.goal, lang);
    let name = answer_name(outcome.status, &problem.goal, lang);
    let measured = format_percent(outcome.odds.all_met, lang);
    html! {
        <div class={classes!("optimiser-result", stale.then_some("is-stale"))} id="optimiser-result"
             aria-live="polite" data-status={status_name(outcome.status)}>
            <h3>{ ui.result_heading }</h3>
            if stale {
                <p class="analysis-stale" role="status">{ ui.stale }</p>
            }
            <p class="optimiser-status">{ status_text(outcome, problem, lang) }</p>
            if !outcome.shortfalls.is_empty() {
                <ul class="optimiser-shortfalls">
                    { for outcome.shortfalls.iter().map(|s| html! { <li>{ shortfall_text(s, scenario, lang) }</li> }) }
                </ul>
            }
            <div class="optimiser-figures">
                <div class="figure-odds">
                    <span class="figure-label">{ ui.odds_heading }</span>
                    <strong class="figure-value" id="optimiser-odds">{ measured }</strong>
                    <p>{ odds_text(outcome, problem, lang) }</p>
                </div>
                <div class="figure-cost">
                    <span class="figure-label">{ ui.cost_heading }</span>
                    <p id="optimiser-cost">{ cost_text(outcome, problem, lang) }</p>
                    if let Some(dearer) = dearer {
                        <p class="optimiser-dearer" id="optimiser-dearer">{ dearer }</p>
                    }
                </div>
            </div>
            <h4>{ ui.targets_heading }</h4>
            <ul class="optimiser-targets">
                { for outcome.targets.iter().map(|t| html! {
                    <li class={if t.met_as_planned { "is-met" } else { "is-not-met" }}>
                        <span aria-hidden="true">{ if t.met_as_planned { "✓ " } else { "✗ " } }</span>
                        { target_result_text(t, scenario, lang) }
                    </li>
                }) }
            </ul>
            <h4>{ heading.clone() }</h4>
            { table_html(&plan_table(outcome, problem, scenario, lang), "optimiser-plan", &heading) }
            if !why.is_empty() {
                <h4>{ ui.why_heading }</h4>
                <ul class="optimiser-why">
                    { for why.iter().map(|line| html! { <li>{ line }</li> }) }
                </ul>
            }
            <div class="optimiser-actions">
                if props.applied {
                    <p class="applied" role="status">{ ui.applied }</p>
                } else {
                    <button type="button" class="primary" id="optimiser-apply"
                            disabled={stale || props.invalid} onclick={emit(OptimiserAction::Apply)}>{ ui.apply }</button>
                }
                <button type="button" id="optimiser-pin" disabled={!props.fresh || props.compare_full}
                        onclick={emit(OptimiserAction::Pin { name: name.to_string() })}>{ ui.pin }</button>
                if props.invalid && !props.applied {
                    <p class="muted">{ ui.invalid_plan }</p>
                }
                if props.compare_full {
                    <p class="muted">{ ui.compare_full }</p>
                }
            </div>
        </div>
    }
}
