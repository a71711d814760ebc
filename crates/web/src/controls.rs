//! The settings column: one group per area (人才 / 持证 / 站点与社工室 / 机构 / 预算 / 不确定性),
//! policy levers first, the starting point and assumptions set apart below them. It hands each
//! control exactly the data it draws, so moving one slider re-renders one control.

use std::collections::BTreeMap;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::certified_total::CertifiedTotalControl;
use super::param_control::{ParamControl, ParamValue};
use swplan_engine::certified;
use swplan_engine::montecarlo::{Settings, RUNS_RANGE};
use swplan_engine::params::{self, Group, Kind, Param, Value, PARAMS};
use swplan_engine::plausibility::Concern;
use swplan_engine::validate::Field;
use swplan_engine::{Scenario, ValidationErrors};
use swplan_plans::state::{Action, FieldId};
use swplan_words::messages::{concern_message, validation_message};
use swplan_words::strings::strings;
use swplan_words::{group_label, Lang};

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub lang: Lang,
    /// The scenario as edited.
    pub scenario: Scenario,
    /// The last valid scenario and its results: what the page shows (differs from `scenario`
    /// while an input is invalid).
    #[prop_or_default]
    pub applied: Option<std::rc::Rc<swplan_plans::state::Computed>>,
    /// What the plan started from: scales sliders, marks changes, holds the sources.
    pub baseline: Rc<Scenario>,
    pub drafts: BTreeMap<FieldId, String>,
    pub errors: Option<ValidationErrors>,
    pub concerns: Vec<Concern>,
    pub schedule_open: Option<&'static str>,
    pub mc: Settings,
    /// Monte Carlo runs collected, or `None` when done.
    pub mc_done: Option<usize>,
    pub on_action: Callback<Action>,
    /// Only these parameters, in this order, without groups (the presenter's levers).
    #[prop_or_default]
    pub only: Option<Vec<&'static str>>,
    /// Put before every id (see `ParamControl`).
    #[prop_or_default]
    pub id_prefix: AttrValue,
}

#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let control = |p: &'static Param| control_for(p, props);
    if let Some(only) = &props.only {
        return html! {
            <div class="presenter-levers">
                { for only.iter().filter_map(|key| params::param(key)).map(control) }
            </div>
        };
    }
    html! {
        <>
            { for Group::ALL.into_iter().map(|group| {
                let levers: Vec<_> = PARAMS.iter().filter(|p| p.group == group && p.kind != Kind::Assumption).collect();
                let assumptions: Vec<_> = PARAMS.iter().filter(|p| p.group == group && p.kind == Kind::Assumption).collect();
                html! {
                    <details class="group" open=true key={format!("{group:?}")}>
                        <summary><h3>{ group_label(group, lang) }</h3></summary>
                        if group == Group::Uncertainty {
                            <UncertaintySettings {lang} mc={props.mc} done={props.mc_done} on_action={props.on_action.clone()} />
                        }
                        if !levers.is_empty() && group != Group::Uncertainty {
                            <h4 class="subheading">{ text.levers_subheading }</h4>
                        }
                        { for levers.into_iter().map(control) }
                        if !assumptions.is_empty() {
                            <div class="assumptions">
                                <h4 class="subheading">{ text.assumptions_subheading }</h4>
                                { for assumptions.into_iter().map(|p| assumption_control(p, props)) }
                            </div>
                        }
                    </details>
                }
            }) }
        </>
    }
}

/// The three certified stocks, which a certified total gives.
const CERTIFIED_LEVELS: [&str; 3] = ["certified_junior", "certified_mid", "certified_senior"];

/// An assumption's control; the certified stocks come after their total, and while the plan
/// enters certified as a total the total stands for them.
fn assumption_control(param: &'static Param, props: &ControlsProps) -> Html {
    let by_total = props.scenario.certified_total.is_some();
    match param.key {
        "certified_junior" => html! {
            <>
                { certified_total_for(props) }
                if !by_total { { control_for(param, props) } }
            </>
        },
        key if by_total && CERTIFIED_LEVELS.contains(&key) => Html::default(),
        _ => control_for(param, props),
    }
}

/// The certified total's control, drawn from the plan.
fn certified_total_for(props: &ControlsProps) -> Html {
    let lang = props.lang;
    let scenario = &props.scenario;
    // The total stands for the three stocks: their messages show beside it.
    let mut keys = vec![
        certified::TOTAL_KEY,
        certified::JUNIOR_SHARE_KEY,
        certified::SENIOR_SHARE_KEY,
    ];
    if scenario.certified_total.is_some() {
        keys.extend(CERTIFIED_LEVELS);
    }
    let errors: Vec<String> = props
        .errors
        .iter()
        .flat_map(|e| e.0.iter())
        .filter(|e| matches!(e.field, Field::Param { key, .. } if keys.contains(&key)))
        .map(|e| validation_message(e, lang))
        .collect();
    html! {
        <CertifiedTotalControl {lang} total={scenario.certified_total} levels={scenario.certified_levels()}
                               baseline_levels={props.baseline.certified_levels()}
                               baseline_total={props.baseline.certified_total}
                               own_source={scenario.planner_sources.get(certified::TOTAL_KEY).cloned()}
                               {errors} on_action={props.on_action.clone()} id_prefix={props.id_prefix.clone()} />
    }
}

/// The props of one parameter's control, drawn from the plan.
fn control_for(param: &'static Param, props: &ControlsProps) -> Html {
    let key = param.key;
    let scenario = &props.scenario;
    let lang = props.lang;
    let horizon = scenario.horizon();
    let owned = |v: Option<Value>| match v {
        Some(Value::Scalar(v)) => ParamValue::Scalar(*v),
        Some(Value::Yearly(y)) => ParamValue::Yearly(y.clone()),
        None => ParamValue::Scalar(0.0),
    };
    let value = owned(params::value(scenario, key));
    let applied = props.applied.as_ref().map_or_else(
        || value.first(),
        |c| owned(params::value(&c.scenario, key)).first(),
    );
    let baseline = owned(params::value(&props.baseline, key));
    let schedule = match &value {
        ParamValue::Yearly(y) => {
            let values = y.expand(horizon.max(1));
            values.iter().any(|v| *v != values[0]).then_some(values)
        }
        ParamValue::Scalar(_) => None,
    };
    let errors: Vec<(Option<usize>, String)> = props
        .errors
        .iter()
        .flat_map(|e| e.0.iter())
        .filter_map(|e| match e.field {
            Field::Param { key: k, year } if k == key => {
                let index = year.and_then(|y| usize::try_from(y - scenario.base_year - 1).ok());
                Some((index, validation_message(e, lang)))
            }
            _ => None,
        })
        .collect();
    let draft = props.drafts.get(&FieldId::main(key)).cloned();
    let cell_drafts: Vec<(usize, String)> = props
        .drafts
        .iter()
        .filter_map(|(field, text)| (field.key == key).then_some((field.index?, text.clone())))
        .collect();
    let concern = props
        .concerns
        .iter()
        .find(|c| c.key == key)
        .map(|c| concern_message(c, lang));
    html! {
        <ParamControl key={key} {param} {lang} changed={value != baseline} {value} {applied} {baseline} {schedule}
                      base_year={scenario.base_year} {horizon} ceiling={params::slider_ceiling(scenario, key)}
                      provenance={props.baseline.sources.get(key).cloned()}
                      own_source={scenario.planner_sources.get(key).cloned()}
                      {draft} {cell_drafts} {errors} {concern}
                      schedule_open={props.schedule_open == Some(key)} on_action={props.on_action.clone()}
                      id_prefix={props.id_prefix.clone()} />
    }
}

#[derive(Properties, PartialEq)]
struct UncertaintySettingsProps {
    lang: Lang,
    mc: Settings,
    done: Option<usize>,
    on_action: Callback<Action>,
}

/// Runs and seed of the Monte Carlo, and its progress.
#[function_component(UncertaintySettings)]
fn uncertainty_settings(props: &UncertaintySettingsProps) -> Html {
    let text = strings(props.lang);
    let settings = props.mc;
    let on_runs = on_number(&props.on_action, Action::SetRuns);
    let on_seed = on_number(&props.on_action, Action::SetSeed);
    let progress = match props.done {
        Some(done) => format!("{} {done} / {}", text.computing, settings.runs),
        None => format!("✓ {} {}", settings.runs, text.runs_done),
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

/// A change handler that parses the field as a number and sends `action(number)`; text that
/// does not parse is ignored (the field keeps showing the last accepted value).
fn on_number<T: std::str::FromStr + 'static>(
    on_action: &Callback<Action>,
    action: fn(T) -> Action,
) -> Callback<Event> {
    let on_action = on_action.clone();
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        if let Ok(value) = input.value().trim().parse::<T>() {
            on_action.emit(action(value));
        }
    })
}
