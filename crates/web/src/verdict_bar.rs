//! The verdict bar: every target's verdict in one line that stays on screen while the planner
//! edits (on every width), with the switch between settings and results on narrow screens.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use swplan_engine::montecarlo::Summary;
use swplan_engine::Verdict;
use swplan_plans::state::{Action, View};
use swplan_words::labels::metric_column_label;
use swplan_words::results::{chip_terms, figure_against};
use swplan_words::strings::{fragile_note, strings};
use swplan_words::{format_percent, metric_label, Lang};

/// Odds below which a target met as planned is shown as a warning, not a success.
const FRAGILE_BELOW: f64 = 0.5;

/// Whether a target met as planned is missed in most simulations: amber with ⚠ wherever a
/// verdict is shown (bar, cards, comparison, presenter), never a green tick.
pub fn is_fragile(met: bool, probability: Option<f64>) -> bool {
    met && probability.is_some_and(|p| p < FRAGILE_BELOW)
}

#[derive(Properties, PartialEq)]
pub struct VerdictBarProps {
    pub lang: Lang,
    pub verdicts: Vec<Verdict>,
    /// The Monte Carlo summary of the same result, once it is done.
    pub summary: Option<std::rc::Rc<Summary>>,
    /// The odds are being recomputed (the ones shown are the previous ones).
    pub updating: bool,
    /// Some input is invalid: the verdicts are those of the last valid inputs.
    pub stale: bool,
    pub view: View,
    pub on_action: Callback<Action>,
}

/// Publishes the bar's height as `--bar-h` on the page, so the sticky settings panel starts
/// below it however many rows of chips it has (six targets wrap to two on a laptop).
fn publish_height(bar: &NodeRef) {
    let Some(el) = bar.cast::<web_sys::HtmlElement>() else {
        return;
    };
    let Some(root) = gloo::utils::document().document_element() else {
        return;
    };
    let style = format!("--bar-h: {}px", el.offset_height());
    // Only a change is written: a write restyles the page, and the bar renders on every drag step.
    if root.get_attribute("style").as_deref() != Some(style.as_str()) {
        let _ = root.set_attribute("style", &style);
    }
}

#[function_component(VerdictBar)]
pub fn verdict_bar(props: &VerdictBarProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let bar = use_node_ref();
    {
        // Whenever the bar's size changes (chips wrap as their text or the window changes): a
        // ResizeObserver reports after layout, so a drag's frames pay no forced layout for it.
        let bar = bar.clone();
        use_effect_with((), move |_| {
            let callback = {
                let bar = bar.clone();
                Closure::<dyn FnMut()>::new(move || publish_height(&bar))
            };
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(el)) = (&observer, bar.cast::<web_sys::Element>()) {
                observer.observe(&el);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(callback);
            }
        });
    }
    let switch = |view: View| {
        let on_action = props.on_action.clone();
        Callback::from(move |_| {
            on_action.emit(Action::SetView(view));
            // Bring the chosen column's top into view.
            let id = match view {
                View::Results => "results",
                View::Settings => "controls",
            };
            if let Some(el) = gloo::utils::document().get_element_by_id(id) {
                el.scroll_into_view();
            }
        })
    };
    html! {
        <nav class={classes!("verdict-bar", props.stale.then_some("is-stale"))} aria-label={text.verdict_bar_label} ref={bar}>
            <ul class="verdict-chips">
                if props.verdicts.is_empty() {
                    <li class="muted">{ text.no_targets }</li>
                }
                { for props.verdicts.iter().enumerate().map(|(i, v)| {
                    let odds = props.summary.as_ref().and_then(|s| s.targets.get(i));
                    // Met as planned but missed in most simulations: not a green light.
                    let fragile = is_fragile(v.met, odds.map(|o| o.probability));
                    let mark = if fragile { "⚠" } else if v.met { "✓" } else { "✗" };
                    // Enough digits to show the gap: 11,049 against 12,000 is not "1.1万 / 1.2万".
                    let (value, threshold) = figure_against(v.metric, v.value_at_deadline, v.threshold, lang);
                    let title = format!("{} {} {}{}", mark, metric_label(v.metric, lang),
                        chip_terms(v, lang),
                        if fragile { format!(" — {}", fragile_note(false, odds.map_or(0.0, |o| o.probability), lang)) } else { String::new() });
                    html! {
                        <li>
                            <a class={classes!("verdict-chip", if fragile { "is-fragile" } else if v.met { "is-met" } else { "is-not-met" })}
                               href={format!("#target-{i}")} title={title} tabindex="-1">
                                <span class="mark" aria-hidden="true">{ mark }</span>
                                <span class="visually-hidden">{ if fragile { fragile_note(false, odds.map_or(0.0, |o| o.probability), lang) } else if v.met { text.met } else { text.not_met } }</span>
                                <span class="chip-metric">{ metric_label(v.metric, lang) }</span>
                                // A phone shows the short name, over the figures and odds.
                                <span class="chip-metric-short" aria-hidden="true">{ metric_column_label(v.metric, lang) }</span>
                                <span class="chip-figures">
                                    <span class="chip-value">{ format!("{value} / {threshold}") }</span>
                                    if let Some(odds) = odds {
                                        <span class={classes!("chip-odds", props.updating.then_some("is-updating"))}>
                                            { format!("{} {}", text.odds_short, format_percent(odds.probability, lang)) }
                                        </span>
                                    }
                                </span>
                            </a>
                        </li>
                    }
                }) }
            </ul>
            <div class="view-switch" role="group" aria-label={text.view_switch_label}>
                <button type="button" aria-pressed={(props.view == View::Settings).to_string()}
                        onclick={switch(View::Settings)}>{ text.view_settings }</button>
                <button type="button" aria-pressed={(props.view == View::Results).to_string()}
                        onclick={switch(View::Results)}>{ text.view_results }</button>
            </div>
        </nav>
    }
}
