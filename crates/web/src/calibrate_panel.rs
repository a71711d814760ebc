//! "用实际值校准 / Calibrate to the actuals": choose the levers, fit them (in the worker), see
//! the fitted values with their uncertainty, R², the fit per year and the largest miss — or why
//! the data cannot tell them — and apply them to the plan as one undo step.

use std::rc::Rc;

use yew::prelude::*;

use swplan_engine::calibrate::{Calibration, Lever, Refusal};
use swplan_plans::state::life::{Fitted, LifeAction};
use swplan_plans::state::Action;
use swplan_words::actuals::{actuals_words, signed_value};
use swplan_words::calibration::{
    calibration_words, fit_quality, lever_error, lever_label, lever_value, refusal_text,
};
use swplan_words::messages::{metric_value, metric_value_as};
use swplan_words::{metric_label, Lang};

#[derive(Properties, PartialEq)]
pub struct CalibratePanelProps {
    pub lang: Lang,
    pub levers: Vec<Lever>,
    pub fit: Option<Rc<Fitted<Result<Calibration, Refusal>>>>,
    /// A fit is being computed.
    pub fitting: bool,
    /// The fit shown has been applied to the plan.
    pub applied: bool,
    /// The plan's actuals or years have changed since the fit.
    pub stale: bool,
    pub on_action: Callback<Action>,
}

#[function_component(CalibratePanel)]
pub fn calibrate_panel(props: &CalibratePanelProps) -> Html {
    let lang = props.lang;
    let words = calibration_words(lang);
    let actuals = actuals_words(lang);
    let emit = {
        let on_action = props.on_action.clone();
        move |action: LifeAction| on_action.emit(Action::Life(action))
    };
    let on_fit = {
        let emit = emit.clone();
        Callback::from(move |_| emit(LifeAction::Calibrate))
    };
    let on_apply = {
        let emit = emit.clone();
        Callback::from(move |_| emit(LifeAction::ApplyCalibration))
    };
    let levers = Lever::ALL.iter().map(|lever| {
        let lever = *lever;
        let chosen = props.levers.contains(&lever);
        let emit = emit.clone();
        let onchange = Callback::from(move |_| {
            emit(LifeAction::ChooseLever {
                lever,
                chosen: !chosen,
            })
        });
        html! {
            <label class="lever-choice">
                <input type="checkbox" id={format!("fit-{}", lever.key())} checked={chosen} {onchange} />
                { lever_label(lever, lang) }
            </label>
        }
    });
    let result = props.fit.as_ref().map(|fit| match &fit.outcome {
        Err(refusal) => html! {
            <p class="fit-refusal" id="fit-refusal" role="alert">{ refusal_text(refusal, lang) }</p>
        },
        Ok(calibration) => html! {
            <div class="fit-result" id="fit-result">
                <table class="fit-levers" id="fit-levers">
                    <thead><tr>
                        <th scope="col">{ words.lever }</th>
                        <th scope="col">{ words.fitted }</th>
                        <th scope="col">{ words.range }</th>
                        <th scope="col">{ words.planned }</th>
                    </tr></thead>
                    <tbody>
                        { for calibration.levers.iter().map(|f| html! {
                            <tr data-lever={f.lever.key()}>
                                <th scope="row">{ lever_label(f.lever, lang) }</th>
                                <td class="fitted-value">{ lever_value(f.lever, f.value, lang) }</td>
                                <td class="fitted-error">{ f.standard_error.map(|e| lever_error(f.lever, e, lang)).unwrap_or_else(|| "—".into()) }</td>
                                <td>{ lever_value(f.lever, f.planned, lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <p class="fit-quality" id="fit-quality">{ fit_quality(calibration, lang) }</p>
                <details class="fit-years">
                    <summary>{ words.per_year }</summary>
                    <table class="fit-residuals" id="fit-residuals">
                        <thead><tr>
                            <th scope="col">{ actuals.figure_picker }</th>
                            <th scope="col">{ actuals.year }</th>
                            <th scope="col">{ words.actual }</th>
                            <th scope="col">{ words.model }</th>
                            <th scope="col">{ words.residual }</th>
                        </tr></thead>
                        <tbody>
                            { for calibration.series.iter().flat_map(|s| s.points.iter()).map(|p| html! {
                                <tr>
                                    <th scope="row">{ metric_label(p.metric, lang) }</th>
                                    <td>{ p.year }</td>
                                    <td>{ metric_value_as(p.metric, p.actual, p.fitted, lang) }</td>
                                    <td>{ metric_value(p.metric, p.fitted, lang) }</td>
                                    <td>{ signed_value(p.metric, p.residual, lang) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </details>
                if props.applied {
                    <p class="fit-applied" role="status">{ words.applied }</p>
                } else {
                    <button type="button" class="primary" id="apply-fit" onclick={on_apply.clone()}
                            disabled={props.stale}>{ words.apply }</button>
                }
            </div>
        },
    });
    html! {
        <div class="calibrate" id="calibrate">
            <h3>{ words.heading }</h3>
            <p class="muted">{ words.intro }</p>
            <fieldset class="lever-choices">
                <legend>{ words.levers }</legend>
                { for levers }
            </fieldset>
            <button type="button" id="fit" onclick={on_fit} disabled={props.fitting}>
                { if props.fitting { words.fitting } else { words.fit } }
            </button>
            if props.stale && props.fit.is_some() {
                <p class="muted fit-stale">{ words.stale }</p>
            }
            { for result }
        </div>
    }
}
