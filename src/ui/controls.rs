//! The settings column: one group per area (人才 / 持证 / 站点与社工室 / 机构 / 预算 / 不确定性),
//! policy levers first, the starting point and assumptions set apart below them.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::app::use_app;
use super::param_control::ParamControl;
use super::state::{Action, Uncertain};
use crate::i18n::strings::strings;
use crate::model::montecarlo::RUNS_RANGE;
use crate::model::params::{Group, Kind, PARAMS};

#[function_component(Controls)]
pub fn controls() -> Html {
    let app = use_app();
    let lang = app.lang;
    let text = strings(lang);
    html! {
        <div class="controls-inner">
            <h2>{ text.controls_heading }</h2>
            { for Group::ALL.into_iter().map(|group| {
                let levers: Vec<_> = PARAMS.iter().filter(|p| p.group == group && p.kind != Kind::Assumption).collect();
                let assumptions: Vec<_> = PARAMS.iter().filter(|p| p.group == group && p.kind == Kind::Assumption).collect();
                html! {
                    <details class="group" open=true key={group.label(crate::i18n::Lang::En)}>
                        <summary><h3>{ group.label(lang) }</h3></summary>
                        if group == Group::Uncertainty {
                            <UncertaintySettings />
                        }
                        if !levers.is_empty() && group != Group::Uncertainty {
                            <h4 class="subheading">{ text.levers_subheading }</h4>
                        }
                        { for levers.iter().map(|p| html! { <ParamControl key={p.key} param_key={p.key} /> }) }
                        if !assumptions.is_empty() {
                            <div class="assumptions">
                                <h4 class="subheading">{ text.assumptions_subheading }</h4>
                                { for assumptions.iter().map(|p| html! { <ParamControl key={p.key} param_key={p.key} /> }) }
                            </div>
                        }
                    </details>
                }
            }) }
        </div>
    }
}

/// Runs and seed of the Monte Carlo, and its progress.
#[function_component(UncertaintySettings)]
fn uncertainty_settings() -> Html {
    let app = use_app();
    let text = strings(app.lang);
    let settings = app.mc_settings;
    let on_runs = on_number(&app, Action::SetRuns);
    let on_seed = on_number(&app, Action::SetSeed);
    let progress = match &app.uncertain {
        Uncertain::Running { done } => format!("{} {done} / {}", text.computing, settings.runs),
        Uncertain::Done(summary) => format!("✓ {} {}", summary.settings.runs, text.runs_done),
    };
    html! {
        <div class="mc-settings">
            <label>
                <span>{ text.runs }</span>
                <input id="mc-runs" type="number" min={RUNS_RANGE.0.to_string()} max={RUNS_RANGE.1.to_string()}
                       step="100" value={settings.runs.to_string()} onchange={on_runs} />
            </label>
            <label>
                <span>{ text.seed }</span>
                <input id="mc-seed" type="number" min="0" step="1" value={settings.seed.to_string()} onchange={on_seed} />
            </label>
            <p class="mc-progress" aria-live="polite">{ progress }</p>
        </div>
    }
}

/// A change handler that parses the field as a number and dispatches `action(number)`;
/// text that does not parse is ignored (the field keeps showing the last accepted value).
fn on_number<T: std::str::FromStr + 'static>(
    app: &super::app::AppContext,
    action: fn(T) -> Action,
) -> Callback<Event> {
    let app = app.clone();
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        if let Ok(value) = input.value().trim().parse::<T>() {
            app.dispatch(action(value));
        }
    })
}
