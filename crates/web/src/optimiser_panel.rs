//! "最省钱方案 / Cheapest plan": the optimiser's form (the levers it may move and their ranges,
//! the confidence, the goal, the discount rate), the run with its progress and a cancel button,
//! and the answer (`optimiser_result`). The work runs in the computing worker
//! (`analysis_driver`); the panel only sends the planner's intent.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::amount_field::AmountField;
use super::fold::use_fold;
use super::lever_bounds::LeverBounds;
use super::optimiser_result::OptimiserResult;
use swplan_plans::state::optimiser::CONFIDENCE_LEVELS;
use swplan_plans::state::{Action, Computed, GoalChoice, OptimiserAction, OptimiserPanel};
use swplan_words::optimiser::costs_note;
use swplan_words::optimiser_ui::optimiser_ui;
use swplan_words::{format_percent, Lang};

#[derive(Properties, PartialEq)]
pub struct OptimiserPanelProps {
    pub lang: Lang,
    pub panel: OptimiserPanel,
    /// The plan on screen: its id and what the model makes of it.
    pub plan: u64,
    pub computed: Rc<Computed>,
    /// Some input of the plan is invalid: an answer cannot be applied.
    pub invalid: bool,
    /// The comparison holds four plans: no room to pin another.
    pub compare_full: bool,
    pub on_action: Callback<Action>,
}

fn emit(on_action: &Callback<Action>, action: OptimiserAction) -> Callback<MouseEvent> {
    let on_action = on_action.clone();
    Callback::from(move |_| on_action.emit(Action::Optimiser(action.clone())))
}

#[function_component(OptimiserPanelView)]
pub fn optimiser_panel(props: &OptimiserPanelProps) -> Html {
    let lang = props.lang;
    let ui = optimiser_ui(lang);
    // Closed, the panel is its title only: a slider step does not redraw a form nobody sees.
    let (open, on_toggle) = use_fold();
    html! {
        <details class="analysis optimiser" id="optimiser" {open} ontoggle={on_toggle}>
            <summary><h2>{ ui.title }</h2></summary>
            if open {
                { optimiser_body(props) }
            }
        </details>
    }
}

/// The panel below its title, drawn only while it is open.
fn optimiser_body(props: &OptimiserPanelProps) -> Html {
    let lang = props.lang;
    let ui = optimiser_ui(lang);
    let panel = &props.panel;
    let scenario = &props.computed.scenario;
    let levers = panel.levers_for(scenario);
    let on_action = props.on_action.clone();

    let on_confidence = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_action.emit(Action::Optimiser(OptimiserAction::SetConfidence(
                value.parse::<f64>().ok(),
            )));
        })
    };
    let budget = match panel.goal {
        GoalChoice::UnderBudget(budget) => Some(budget),
        GoalChoice::LeastCost => None,
    };
    let on_goal = |goal: GoalChoice| {
        let on_action = on_action.clone();
        Callback::from(move |_: Event| {
            on_action.emit(Action::Optimiser(OptimiserAction::SetGoal(goal)))
        })
    };
    // A budget to start from: the current plan's whole cost, rounded, as a planner would type.
    let current_cost = props
        .computed
        .trajectory
        .years
        .last()
        .map_or(0.0, |row| row.budget_cumulative);
    let on_budget = {
        let on_action = on_action.clone();
        Callback::from(move |value: Option<f64>| {
            if let Some(budget) = value {
                on_action.emit(Action::Optimiser(OptimiserAction::SetGoal(
                    GoalChoice::UnderBudget(budget),
                )));
            }
        })
    };
    let on_discount = {
        let on_action = on_action.clone();
        Callback::from(move |value: Option<f64>| {
            on_action.emit(Action::Optimiser(OptimiserAction::SetDiscountRate(
                value.unwrap_or(0.0),
            )))
        })
    };
    let costs = costs_note(
        scenario.assumptions.hire_cost,
        scenario.assumptions.candidate_cost,
        lang,
    );
    let running = panel.running.as_ref().filter(|r| r.plan == props.plan);
    let progress = running.map(|r| {
        let share = if r.total > 0 {
            r.done as f64 / r.total as f64
        } else {
            0.0
        };
        html! {
            <div class="analysis-progress" role="status">
                <progress max={r.total.to_string()} value={r.done.to_string()}></progress>
                <span>{ format!("{} {}", ui.computing, format_percent(share, lang)) }</span>
                <button type="button" id="optimiser-cancel" onclick={emit(&on_action, OptimiserAction::Cancel)}>{ ui.cancel }</button>
            </div>
        }
    });
    let first_year = scenario.base_year + 1;
    let result = panel.result.clone().filter(|r| r.plan == props.plan);
    let fresh = panel.current_answer(props.plan, scenario).is_some();
    let applied = panel.applied(props.plan, scenario);
    html! {
        <>
            <p class="muted">{ ui.intro }</p>
            <LeverBounds {lang} {levers} {first_year} years={scenario.horizon()} on_action={on_action.clone()} />
            <div class="optimiser-form">
                <label for="optimiser-confidence">{ ui.confidence }</label>
                <select id="optimiser-confidence" onchange={on_confidence}>
                    { for CONFIDENCE_LEVELS.iter().map(|c| html! {
                        <option value={c.map(|c| c.to_string()).unwrap_or_default()} selected={*c == panel.confidence}>
                            { c.map_or(ui.as_planned.to_string(), |c| format_percent(c, lang)) }
                        </option>
                    }) }
                </select>
                <span class="form-label">{ ui.goal }</span>
                <div class="goal-choice" role="radiogroup" aria-label={ui.goal}>
                    <label><input type="radio" name="optimiser-goal" id="optimiser-least-cost"
                                  checked={budget.is_none()} onchange={on_goal(GoalChoice::LeastCost)} />{ ui.least_cost }</label>
                    <label><input type="radio" name="optimiser-goal" id="optimiser-under-budget"
                                  checked={budget.is_some()}
                                  onchange={on_goal(GoalChoice::UnderBudget(budget.unwrap_or(current_cost.round())))} />{ ui.under_budget }</label>
                    if budget.is_some() {
                        <span class="budget-field">
                            <label for="optimiser-budget">{ ui.budget_ceiling }</label>
                            <AmountField id="optimiser-budget" {lang} value={budget} on_commit={on_budget} />
                        </span>
                    }
                </div>
                <label for="optimiser-discount">{ ui.discount_rate }</label>
                <AmountField id="optimiser-discount" {lang} value={Some(panel.discount_rate)} percent=true
                             allow_empty=true on_commit={on_discount} />
            </div>
            <p class="muted optimiser-costs">{ costs }</p>
            <div class="analysis-run">
                <button type="button" class="primary" id="optimiser-run" disabled={running.is_some()}
                        onclick={emit(&on_action, OptimiserAction::Run)}>
                    { if result.is_some() { ui.run_again } else { ui.run } }
                </button>
                { for progress }
                if panel.cancelled && running.is_none() {
                    <span class="analysis-note muted" role="status">{ ui.cancelled_note }</span>
                }
            </div>
            if let Some(result) = result {
                <OptimiserResult {lang} {result} {fresh} {applied} invalid={props.invalid}
                                 compare_full={props.compare_full} on_action={on_action.clone()} />
            }
        </>
    }
}
