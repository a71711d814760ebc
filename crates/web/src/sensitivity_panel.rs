//! "哪个杠杆最要紧 / Which lever matters most": for the plan on screen, a tornado chart per
//! target and, per target, how much of its spread each source of uncertainty explains. The
//! analysis runs in the computing worker (`analysis_driver`), with progress and a cancel button.

use std::rc::Rc;

use yew::prelude::*;

use super::fold::use_fold;
use super::tornado_chart::TornadoChart;
use swplan_plans::state::{Action, Computed, SensitivityAction, SensitivityPanel};
use swplan_render::tornado::tornado_spec;
use swplan_words::compare::TextTable;
use swplan_words::optimiser::target_phrase;
use swplan_words::optimiser_ui::optimiser_ui;
use swplan_words::sensitivity::shares_table;
use swplan_words::{format_percent, Lang};

#[derive(Properties, PartialEq)]
pub struct SensitivityPanelProps {
    pub lang: Lang,
    pub panel: SensitivityPanel,
    pub plan: u64,
    pub computed: Rc<Computed>,
    pub on_action: Callback<Action>,
}

fn shares_html(table: &TextTable, caption: &str) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={caption.to_string()}>
            <table class="shares">
                <caption>{ caption }</caption>
                <thead><tr>{ for table.header.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                <tbody>
                    { for table.rows.iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ row.first().cloned().unwrap_or_default() }</th>
                            { for row.iter().skip(1).map(|cell| html! { <td>{ cell }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[function_component(SensitivityPanelView)]
pub fn sensitivity_panel(props: &SensitivityPanelProps) -> Html {
    let lang = props.lang;
    let ui = optimiser_ui(lang);
    // Closed, the panel is its title only (its tornado charts are not redrawn on a slider step).
    let (open, on_toggle) = use_fold();
    html! {
        <details class="analysis sensitivity" id="sensitivity" {open} ontoggle={on_toggle}>
            <summary><h2>{ ui.sensitivity_title }</h2></summary>
            if open {
                { sensitivity_body(props) }
            }
        </details>
    }
}

/// The panel below its title, drawn only while it is open.
fn sensitivity_body(props: &SensitivityPanelProps) -> Html {
    let lang = props.lang;
    let ui = optimiser_ui(lang);
    let scenario = &props.computed.scenario;
    let emit = |action: SensitivityAction| {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::Sensitivity(action.clone())))
    };
    let running = props
        .panel
        .running
        .as_ref()
        .filter(|r| r.plan == props.plan);
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
                <button type="button" id="sensitivity-cancel" onclick={emit(SensitivityAction::Cancel)}>{ ui.cancel }</button>
            </div>
        }
    });
    let current = props.panel.current(props.plan, scenario);
    let stale = current.is_none()
        && props
            .panel
            .result
            .as_ref()
            .is_some_and(|r| r.plan == props.plan);
    let found = current.and_then(|r| r.sensitivity.as_ref());
    let tornadoes = found.map(|found| {
        found
            .tornadoes
            .iter()
            .filter_map(|t| {
                let target = scenario.targets.get(t.target)?;
                let id = format!("tornado-{}", t.target);
                Some(if t.moving_bars().next().is_none() {
                    html! {
                        <div class="tornado" id={id}>
                            <p class="tornado-title">{ swplan_words::sensitivity::tornado_title(target, lang) }</p>
                            <p class="muted">{ ui.no_moving_factor }</p>
                        </div>
                    }
                } else {
                    html! { <TornadoChart id={AttrValue::from(id)} spec={tornado_spec(t, target, lang)} /> }
                })
            })
            .collect::<Html>()
    });
    let shares = found.map(|found| {
        found
            .shares
            .iter()
            .filter_map(|shares| {
                let target = scenario.targets.get(shares.target)?;
                let caption = target_phrase(target, lang);
                let table = shares_table(shares, lang);
                Some(if table.rows.is_empty() {
                    html! { <p class="muted"><strong>{ caption }</strong>{ lang.pick("：", ": ") }{ ui.nothing_varies }</p> }
                } else {
                    html! {
                        <>
                            { shares_html(&table, &caption) }
                            if shares.odds.iter().all(|s| s.total == 0.0) {
                                <p class="muted">{ ui.odds_never_vary }</p>
                            }
                        </>
                    }
                })
            })
            .collect::<Html>()
    });
    html! {
        <>
            <p class="muted">{ ui.sensitivity_intro }</p>
            <div class="analysis-run">
                <button type="button" class="primary" id="sensitivity-run" disabled={running.is_some()}
                        onclick={emit(SensitivityAction::Run)}>{ ui.sensitivity_run }</button>
                { for progress }
                if props.panel.cancelled && running.is_none() {
                    <span class="analysis-note muted" role="status">{ ui.cancelled_note }</span>
                }
            </div>
            if stale {
                <p class="analysis-stale" role="status">{ ui.stale }</p>
            }
            if let Some(tornadoes) = tornadoes {
                <div class="tornadoes">{ tornadoes }</div>
            }
            if let Some(shares) = shares {
                <h3>{ ui.shares_heading }</h3>
                <p class="muted">{ ui.shares_intro }</p>
                { shares }
            }
        </>
    }
}
