//! "实际值与偏差 / Actuals and deviation": the figures as counted, typed into a small table per
//! figure (`820`, `1.5万`, `12,000`), pasted from a spreadsheet or imported from a CSV file;
//! the deviation table; the re-projection from the latest actual (both lines on the charts,
//! its own odds); the calibration and the back-test. What it draws is the state's
//! (`swplan_plans::state::Life`, `Computed::actuals`); it only reads what is typed or pasted
//! and sends the planner's actions.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::backtest_view::BacktestView;
use super::calibrate_panel::CalibratePanel;
use super::deviation_table::DeviationTable;
use super::text_file::on_text_file;
use swplan_engine::actuals::ACTUAL_FIGURES;
use swplan_engine::montecarlo::Summary;
use swplan_engine::Metric;
use swplan_plans::life::backtest::backtest_years;
use swplan_plans::life::block::read_block;
use swplan_plans::state::life::{BlockFrom, Life, LifeAction};
use swplan_plans::state::{Action, Computed};
use swplan_words::actuals::{
    actual_field_text, actuals_problem_text, actuals_words, adjustment_text, block_problem_text,
    block_report_text, block_summary, draft_text, figure_names, parse_actual, reprojection_note,
};
use swplan_words::messages::metric_value;
use swplan_words::{format_percent, metric_label, Lang};

#[derive(Properties, PartialEq)]
pub struct ActualsPanelProps {
    pub lang: Lang,
    pub computed: Rc<Computed>,
    pub life: Life,
    /// The odds re-projected from the latest actuals, when computed for this result.
    pub reprojected_odds: Option<Rc<Summary>>,
    pub on_action: Callback<Action>,
}

/// Reads a block of cells (pasted or from a file) with the figures' names in both languages.
fn read(text: &str, figure: Metric) -> swplan_plans::life::block::ReadBlock {
    let names = figure_names();
    read_block(text, &names, &|t| parse_actual(t).ok(), Some(figure))
}

#[function_component(ActualsPanel)]
pub fn actuals_panel(props: &ActualsPanelProps) -> Html {
    let lang = props.lang;
    let words = actuals_words(lang);
    let life = &props.life;
    let scenario = &props.computed.scenario;
    let figure = life.figure;
    let emit = {
        let on_action = props.on_action.clone();
        move |action: LifeAction| on_action.emit(Action::Life(action))
    };
    let paste = use_node_ref();

    let on_figure = {
        let emit = emit.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(metric) = Metric::from_key(&select.value()) {
                emit(LifeAction::ShowFigure(metric));
            }
        })
    };
    let on_read_paste = {
        let (emit, paste) = (emit.clone(), paste.clone());
        Callback::from(move |_| {
            if let Some(area) = paste.cast::<HtmlTextAreaElement>() {
                emit(LifeAction::ReadBlock {
                    from: BlockFrom::Paste,
                    read: read(&area.value(), figure),
                });
            }
        })
    };
    let on_csv = {
        let emit = emit.clone();
        on_text_file(move |name, text| {
            emit(LifeAction::ReadBlock {
                from: BlockFrom::File(name),
                read: read(&text, figure),
            })
        })
    };
    let on_apply = {
        let emit = emit.clone();
        Callback::from(move |_| emit(LifeAction::ApplyBlock))
    };
    let on_discard = {
        let emit = emit.clone();
        Callback::from(move |_| emit(LifeAction::DiscardBlock))
    };
    let view = props.computed.actuals.clone();
    let reprojection = view.as_ref().and_then(|v| v.reprojection.clone());
    let on_reproject = {
        let (emit, show) = (emit.clone(), life.show_reprojection);
        Callback::from(move |_| emit(LifeAction::ShowReprojection(!show)))
    };

    let rows = (scenario.base_year..=scenario.end_year).map(|year| {
        let key = (figure, year);
        let actual = scenario.actuals.get(figure, year);
        let draft = life.drafts.get(&key);
        let plan = props
            .computed
            .trajectory
            .row(year)
            .map_or(f64::NAN, |row| figure.value(row));
        // What is typed stays as typed until taken; what is taken reads as the plan beside it.
        let text = draft
            .map(|d| d.text.clone())
            .or_else(|| actual.map(|a| actual_field_text(figure, a.value, plan, lang)))
            .unwrap_or_default();
        let planned = if plan.is_finite() {
            metric_value(figure, plan, lang)
        } else {
            String::new()
        };
        let id = format!("actual-{}-{year}", figure.key());
        let on_value = {
            let emit = emit.clone();
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                let text = input.value();
                let value = parse_actual(&text).ok();
                emit(LifeAction::EnterActual {
                    metric: figure,
                    year,
                    text,
                    value,
                });
            })
        };
        let on_escape = {
            let emit = emit.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Escape" {
                    emit(LifeAction::ClearActualDraft {
                        metric: figure,
                        year,
                    });
                }
            })
        };
        let on_note = {
            let emit = emit.clone();
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                emit(LifeAction::SetActualNote {
                    metric: figure,
                    year,
                    note: input.value(),
                });
            })
        };
        let on_remove = {
            let emit = emit.clone();
            Callback::from(move |_| {
                emit(LifeAction::RemoveActual {
                    metric: figure,
                    year,
                })
            })
        };
        let message_id = format!("{id}-message");
        html! {
            <tr key={year} class={classes!(actual.is_some().then_some("has-actual"), draft.is_some().then_some("is-invalid"))}>
                <th scope="row"><label for={id.clone()}>{ year }</label></th>
                <td>
                    <input type="text" inputmode="decimal" id={id.clone()} class="actual-input" value={text}
                           aria-invalid={draft.is_some().then_some("true")}
                           aria-describedby={draft.is_some().then(|| message_id.clone())}
                           onchange={on_value} onkeydown={on_escape} />
                    if let Some(draft) = draft {
                        <span class="field-message" id={message_id} role="alert">{ draft_text(&draft.problem, lang) }</span>
                    }
                </td>
                <td class="plan-value">{ planned }</td>
                <td>
                    <input type="text" class="actual-note" id={format!("{id}-note")} aria-label={format!("{} {year}", words.note)}
                           placeholder={words.note_placeholder} disabled={actual.is_none()}
                           value={actual.and_then(|a| a.note.clone()).unwrap_or_default()} onchange={on_note} />
                </td>
                <td>
                    if actual.is_some() {
                        <button type="button" class="link remove-actual" onclick={on_remove}
                                aria-label={format!("{} {} {year}", words.remove, metric_label(figure, lang))}>{ words.remove }</button>
                    }
                </td>
            </tr>
        }
    });

    let block = life.block.as_ref().map(|block| {
        html! {
            <div class="block-preview" id="block-preview" role="status">
                <p>{ block_summary(&block.read.entries, lang) }</p>
                if !block.read.problems.is_empty() {
                    <ul class="block-problems">
                        { for block.read.problems.iter().map(|p| html! { <li>{ block_problem_text(p, lang) }</li> }) }
                    </ul>
                }
                <div class="row-buttons">
                    <button type="button" class="primary" id="apply-block" onclick={on_apply}
                            disabled={block.read.entries.is_empty()}>{ words.apply_block }</button>
                    <button type="button" onclick={on_discard}>{ words.discard_block }</button>
                </div>
            </div>
        }
    });
    let report = life.report.as_ref().map(|report| {
        let (head, details) = block_report_text(report, lang);
        html! {
            <div class="block-report" id="block-report" role="status">
                <p>{ head }</p>
                if !details.is_empty() {
                    <ul class="block-problems">{ for details.into_iter().map(|d| html! { <li>{ d }</li> }) }</ul>
                }
            </div>
        }
    });
    let problems = view
        .as_ref()
        .map(|v| v.problems.clone())
        .unwrap_or_default();
    let fitting = life.fit_request.is_some();
    // A fit of other actuals, or of other years, is not this plan's.
    let stale_fit = life.fit.as_ref().is_some_and(|f| {
        f.basis.actuals != scenario.actuals
            || (f.basis.base_year, f.basis.end_year) != (scenario.base_year, scenario.end_year)
    });
    let backtest = backtest_years(scenario, &life.levers, life.backtest_years);

    html! {
        <section class="actuals" id="actuals" aria-labelledby="actuals-heading">
            <h2 id="actuals-heading">{ words.heading }</h2>
            <p class="muted">{ words.intro }</p>
            <div class="actuals-grid">
                <div class="actuals-entry">
                    <label class="figure-picker">
                        { words.figure_picker }
                        <select id="actual-figure" onchange={on_figure}>
                            { for ACTUAL_FIGURES.iter().map(|m| {
                                let count = scenario.actuals.series(*m).count();
                                let label = if count > 0 {
                                    format!("{} ({count})", metric_label(*m, lang))
                                } else {
                                    metric_label(*m, lang).to_string()
                                };
                                html! { <option value={m.key()} selected={*m == figure}>{ label }</option> }
                            }) }
                        </select>
                    </label>
                    <div class="table-scroll" tabindex="0" role="region" aria-label={metric_label(figure, lang)}>
                        <table class="actuals-table" id="actuals-table">
                            <thead><tr>
                                <th scope="col">{ words.year }</th>
                                <th scope="col">{ words.actual }</th>
                                <th scope="col">{ words.plan }</th>
                                <th scope="col">{ words.note }</th>
                                <th scope="col"><span class="visually-hidden">{ words.remove }</span></th>
                            </tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                </div>
                <div class="actuals-paste">
                    <h3><label for="actuals-paste">{ words.paste_heading }</label></h3>
                    <p class="muted">{ words.paste_hint }</p>
                    <textarea id="actuals-paste" ref={paste} rows="5" placeholder={words.paste_placeholder} />
                    <div class="row-buttons">
                        <button type="button" id="read-paste" onclick={on_read_paste}>{ words.read_paste }</button>
                        <label class="button file-button">
                            { words.import_csv }
                            <input type="file" id="import-actuals-csv" class="visually-hidden" accept=".csv,.txt,text/csv,text/plain" onchange={on_csv} />
                        </label>
                    </div>
                    { for block }
                    { for report }
                </div>
            </div>
            if !problems.is_empty() {
                <ul class="actuals-problems" role="alert">
                    { for problems.iter().map(|p| html! { <li>{ actuals_problem_text(p, lang) }</li> }) }
                </ul>
            }
            if let Some(view) = view.clone() {
                <DeviationTable {lang} {view} />
                <div class="reproject">
                    <button type="button" id="reproject" aria-pressed={life.show_reprojection.to_string()}
                            disabled={reprojection.is_none()} onclick={on_reproject}>
                        { if life.show_reprojection { words.hide_reprojection } else { words.reproject } }
                    </button>
                    if let (true, Some(again)) = (life.show_reprojection, reprojection.as_ref()) {
                        <div class="reprojection" id="reprojection">
                            <p>{ reprojection_note(again.start.year, lang) }</p>
                            if !again.adjustments.is_empty() {
                                <ul>{ for again.adjustments.iter().map(|a| html! { <li>{ adjustment_text(a, lang) }</li> }) }</ul>
                            }
                            if let Some(odds) = &props.reprojected_odds {
                                <p class="reprojected-odds">
                                    { words.reprojection_odds }
                                    { for scenario.targets.iter().zip(&odds.targets).filter(|(t, _)| t.deadline >= again.start.year).map(|(t, o)| html! {
                                        <span class="odds-item">{ format!("{} {}: {}", metric_label(t.metric, lang), t.deadline, format_percent(o.probability, lang)) }</span>
                                    }) }
                                </p>
                            }
                        </div>
                    }
                </div>
                <CalibratePanel {lang} levers={life.levers.clone()} fit={life.fit.clone()} {fitting}
                                applied={life.fit_applied} stale={stale_fit} on_action={props.on_action.clone()} />
                <BacktestView {lang} years={backtest} result={life.backtest.clone()}
                              running={life.backtest_request.is_some()} on_action={props.on_action.clone()} />
            } else {
                <p class="muted">{ words.no_actuals }</p>
            }
        </section>
    }
}
