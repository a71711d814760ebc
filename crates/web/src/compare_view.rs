//! Comparing plans: the bar of plans (A–D, each with its colour and dash, the one being edited
//! marked), ways to add a plan (a copy, the preset's baseline, a save, a pasted link), and —
//! with two or more — every target's verdict side by side and a table of every input that
//! differs, per year where schedules differ.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::chart::sample_html;
use super::tip::Tip;
use swplan_engine::montecarlo::Summary;
use swplan_plans::compare::diff_plans;
use swplan_plans::share::save::SavedPlan;
use swplan_plans::share::PlanSpec;
use swplan_plans::state::{Action, CompareSource, Computed, Dialog};
use swplan_render::sample::Sample;
use swplan_words::compare::{compare_error_message, diff_table, plan_letter, TextTable};
use swplan_words::messages::metric_value;
use swplan_words::share_ui::share_comparison_button;
use swplan_words::strings::{strings, threshold_by_deadline, year_text};
use swplan_words::{format_percent, metric_label, Lang};

/// One plan of the comparison as the view draws it.
#[derive(Clone, PartialEq)]
pub struct ComparedPlan {
    pub title: String,
    pub spec: PlanSpec,
    pub computed: Rc<Computed>,
    pub summary: Option<Rc<Summary>>,
}

#[derive(Properties, PartialEq)]
pub struct CompareBarProps {
    pub lang: Lang,
    pub titles: Vec<String>,
    pub active: usize,
    pub saves: Vec<SavedPlan>,
    pub show_baseline: bool,
    /// The baseline is already one of the compared plans.
    #[prop_or_default]
    pub has_baseline: bool,
    pub on_action: Callback<Action>,
}

#[function_component(CompareBar)]
pub fn compare_bar(props: &CompareBarProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let link = use_state(String::new);
    let full = props.titles.len() >= swplan_plans::share::MAX_PLANS;
    let emit = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(action.clone()))
    };
    let on_save = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let id = select.value();
            if !id.is_empty() {
                on_action.emit(Action::AddToCompare(CompareSource::Save(id)));
            }
            select.set_value("");
        })
    };
    let on_link_input = {
        let link = link.clone();
        Callback::from(move |e: InputEvent| {
            link.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_link = {
        let (on_action, link) = (props.on_action.clone(), link.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !link.trim().is_empty() {
                let opened = swplan_plans::share::decode(&link);
                on_action.emit(Action::AddToCompare(CompareSource::Link(Box::new(opened))));
                link.set(String::new());
            }
        })
    };
    let single = props.titles.len() == 1;
    html! {
        <section class="compare-bar" aria-labelledby="compare-heading">
            <details class="compare-fold" open={!single}>
            <summary><h2 id="compare-heading" class="compare-heading">{ if single { text.compare_fold } else { text.compare_heading } }</h2></summary>
            <ul class="compared-plans">
                { for props.titles.iter().enumerate().map(|(i, title)| {
                    let editing = i == props.active;
                    html! {
                        <li class={classes!("compared-plan", editing.then_some("is-active"))}>
                            { sample_html(Sample::Line { tone: (i % 4 + 1) as u8, faint: false }) }
                            <span class="plan-title">{ title.clone() }</span>
                            if editing {
                                if props.titles.len() > 1 {
                                    <span class="chip changed">{ text.editing }</span>
                                }
                            } else {
                                <button type="button" class="link" onclick={emit(Action::SetActivePlan(i))}>
                                    { text.edit_plan }<span class="visually-hidden">{ swplan_words::strings::naming(title, lang) }</span>
                                </button>
                            }
                            if props.titles.len() > 1 {
                                <button type="button" class="link danger" onclick={emit(Action::RemovePlan(i))}>
                                    { text.remove }<span class="visually-hidden">{ swplan_words::strings::naming(title, lang) }</span>
                                </button>
                            }
                        </li>
                    }
                }) }
            </ul>
            <div class="compare-add">
                if props.titles.len() > 1 {
                    <button type="button" class="link" id="compare-share" onclick={emit(Action::OpenDialog(Dialog::ShareComparison))}>
                        { share_comparison_button(props.titles.len(), lang) }
                    </button>
                }
                if full {
                    <span class="muted">{ text.compare_full }</span>
                } else {
                    <button type="button" class="link" id="compare-copy" onclick={emit(Action::AddToCompare(CompareSource::Copy))}>
                        { text.compare_copy }
                    </button>
                    <button type="button" class="link" id="compare-baseline" disabled={props.has_baseline}
                            onclick={emit(Action::AddToCompare(CompareSource::Baseline))}>
                        { text.compare_baseline }
                    </button>
                    <Tip id="help-baseline" face="?" class={classes!("help")} hidden_label={Some(AttrValue::from(text.help_label))}>
                        <span class="tip-note">{ text.baseline_help }</span>
                    </Tip>
                    if !props.saves.is_empty() {
                        <label class="compare-save">
                            <span class="visually-hidden">{ text.compare_save }</span>
                            <select onchange={on_save}>
                                <option value="" selected=true>{ text.compare_save }</option>
                                { for props.saves.iter().map(|s| html! {
                                    <option value={s.id.clone()}>{ s.title(props.lang) }</option>
                                }) }
                            </select>
                        </label>
                    }
                    <form class="compare-link" onsubmit={on_link}>
                        <label class="visually-hidden" for="compare-link">{ text.compare_link }</label>
                        <input id="compare-link" type="text" placeholder={text.compare_link} value={(*link).clone()} oninput={on_link_input} />
                        <button type="submit" class="link">{ text.compare_add }</button>
                    </form>
                }
                if props.titles.len() == 1 {
                    <label class="check">
                        <input type="checkbox" id="show-baseline" checked={props.show_baseline} onchange={{ let on_action = props.on_action.clone(); Callback::from(move |_: Event| on_action.emit(Action::ToggleBaseline)) }} />
                        { text.show_baseline }
                    </label>
                }
            </div>
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct CompareResultsProps {
    pub lang: Lang,
    pub plans: Vec<ComparedPlan>,
}

/// The verdicts side by side and what differs.
#[function_component(CompareResults)]
pub fn compare_results(props: &CompareResultsProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let specs: Vec<&PlanSpec> = props.plans.iter().map(|p| &p.spec).collect();
    let titles: Vec<String> = props.plans.iter().map(|p| p.title.clone()).collect();
    let diff = match diff_plans(&specs) {
        Ok(diff) => diff,
        Err(error) => {
            return html! { <p class="notice">{ compare_error_message(&error, lang) }</p> }
        }
    };
    let cards = diff.targets.iter().map(|target| {
        let head = threshold_by_deadline(&metric_value(target.metric, target.threshold, lang), target.deadline, lang);
        html! {
            <article class="target-card compare-card" data-metric={target.metric.key()}>
                <header class="target-head"><h3>{ metric_label(target.metric, lang) }</h3></header>
                <p class="target-line">{ head }</p>
                <table class="compare-verdicts">
                    <thead><tr>
                        <th scope="col">{ text.plan }</th>
                        <th scope="col">{ text.verdict }</th>
                        <th scope="col">{ text.at_deadline }</th>
                        <th scope="col">{ text.probability }</th>
                        <th scope="col">{ text.first_met }</th>
                    </tr></thead>
                    <tbody>
                        { for props.plans.iter().enumerate().map(|(i, plan)| {
                            // This plan's own verdict on the same target, if it sets it.
                            let own = plan.computed.scenario.targets.iter().position(|t| t.metric == target.metric && t.threshold == target.threshold && t.deadline == target.deadline);
                            let verdict = own.and_then(|k| plan.computed.verdicts.get(k)).cloned()
                                .or_else(|| target.verdicts.get(i).cloned().flatten());
                            let odds = own.and_then(|k| plan.summary.as_ref().and_then(|s| s.targets.get(k)));
                            html! {
                                <tr>
                                    <th scope="row">{ sample_html(Sample::Line { tone: (i % 4 + 1) as u8, faint: false }) }{ plan_letter(i).to_string() }</th>
                                    { match &verdict {
                                        Some(v) => html! {
                                            <>
                                                // Met as planned, missed in most simulations: amber, as on the cards.
                                                if super::verdict_bar::is_fragile(v.met, odds.map(|o| o.probability)) {
                                                    <td class="fragile" title={swplan_words::strings::fragile_note(false, odds.map_or(0.0, |o| o.probability), lang)}>
                                                        { format!("⚠ {}", text.met) }
                                                        <span class="visually-hidden">{ format!("{}{}{}", lang.pick("（", " ("), swplan_words::strings::fragile_note(false, odds.map_or(0.0, |o| o.probability), lang), lang.pick("）", ")")) }</span>
                                                    </td>
                                                } else {
                                                    <td class={if v.met { "met" } else { "not-met" }}>{ if v.met { format!("✓ {}", text.met) } else { format!("✗ {}", text.not_met) } }</td>
                                                }
                                                <td>{ metric_value(v.metric, v.value_at_deadline, lang) }</td>
                                                <td>{ odds.map_or("—".to_string(), |o| format_percent(o.probability, lang)) }</td>
                                                <td>{ year_text(v.first_year_met, lang) }</td>
                                            </>
                                        },
                                        None => html! { <td colspan="4" class="muted">{ text.not_in_horizon }</td> },
                                    } }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </article>
        }
    });
    let table = diff_table(&diff, &titles, lang);
    html! {
        <>
            <section class="targets" aria-labelledby="targets-heading">
                <h2 id="targets-heading">{ text.targets_heading }</h2>
                <div class="target-grid">{ for cards }</div>
            </section>
            <section class="diff" aria-labelledby="diff-heading">
                <h2 id="diff-heading">{ text.diff_heading }</h2>
                if diff.is_empty() {
                    <p class="muted">{ text.no_difference }</p>
                } else {
                    { text_table(&table, &format!("{}{}", text.diff_heading, text.table_scrolls_suffix)) }
                }
            </section>
        </>
    }
}

/// A table of text as HTML, first column as row headers, in a scrolling region.
pub fn text_table(table: &TextTable, label: &str) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={label.to_string()}>
            <table class="text-table">
                <thead><tr>{ for table.header.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
                <tbody>
                    { for table.rows.iter().map(|row| html! {
                        <tr>
                            { for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                                html! { <th scope="row">{ cell.clone() }</th> }
                            } else {
                                html! { <td>{ cell.clone() }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
