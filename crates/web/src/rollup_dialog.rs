//! "全省汇总 / Province roll-up": city plans (presets, the plan on screen, saves, files,
//! links) added up into the province — a stacked chart and a table of each city's part of a
//! figure, the province's targets judged on the sum and each city's own targets on the city. It
//! travels as a link and as a file. The composition and its sums are the state's
//! (`swplan_plans::state::RollUpState`); this draws them and sends the planner's actions.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::chart::Chart as ChartView;
use super::dialog::Dialog;
use super::download::download_text;
use super::share_dialog::copy_text;
use super::text_file::on_text_file;
use swplan_engine::{Metric, Target};
use swplan_plans::life::rollup::{from_json, is_rollup_file, to_json};
use swplan_plans::presets;
use swplan_plans::share::rollup_link::encode_rollup;
use swplan_plans::share::save::SavedPlan;
use swplan_plans::share::{decode, is_link, open, query_part};
use swplan_plans::state::rollup::{RollUpAction, RollUpRefusal, RollUpState};
use swplan_plans::state::Action;
use swplan_render::rollup::{contribution_table, ROLLUP_FIGURES};
use swplan_words::inputs::parse_typed;
use swplan_words::rollup::{refusal_text, rollup_error_text, rollup_words, verdict_line};
use swplan_words::strings::strings;
use swplan_words::{metric_label, Lang};

#[derive(Properties, PartialEq)]
pub struct RollUpDialogProps {
    pub lang: Lang,
    pub rollup: RollUpState,
    /// The named saves, to add one as a city.
    pub saves: Vec<SavedPlan>,
    pub on_action: Callback<Action>,
}

fn window_width() -> f64 {
    gloo::utils::window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(1200.0)
}

fn input_value(node: &NodeRef) -> String {
    node.cast::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

fn select_value(node: &NodeRef) -> String {
    node.cast::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

#[function_component(RollUpDialog)]
pub fn rollup_dialog(props: &RollUpDialogProps) -> Html {
    let lang = props.lang;
    let words = rollup_words(lang);
    let rollup = &props.rollup;
    let plan = &rollup.plan;
    let emit = {
        let on_action = props.on_action.clone();
        move |action: RollUpAction| on_action.emit(Action::RollUp(action))
    };
    let (preset, save, link, metric, threshold, deadline) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    // Whether the last copy of the link worked (`None`: not copied since it changed).
    let copied = use_state_eq(|| None::<bool>);
    let link_field = use_node_ref();
    // The link of the composition, shown to copy by hand where the browser will not (an
    // intranet page over plain http has no clipboard API).
    let url =
        (!plan.cities.is_empty()).then(|| super::persistence::link_url(&encode_rollup(plan, None)));
    {
        let copied = copied.clone();
        use_effect_with(url.clone(), move |_| copied.set(None));
    }
    let names: Vec<String> = plan
        .cities
        .iter()
        .map(|c| match &c.name {
            Some(name) => format!(
                "{} ({name})",
                lang.pick(&c.scenario.name.zh, &c.scenario.name.en)
            ),
            None => lang
                .pick(&c.scenario.name.zh, &c.scenario.name.en)
                .to_string(),
        })
        .collect();

    let on_close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::CloseDialog))
    };
    let on_name = {
        let emit = emit.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            emit(RollUpAction::SetName(Some(input.value())));
        })
    };
    let on_add_preset = {
        let (emit, preset) = (emit.clone(), preset.clone());
        Callback::from(move |_| {
            if let Ok(opened) = open::open_name(&select_value(&preset)) {
                emit(RollUpAction::AddCities(opened.plans));
            }
        })
    };
    let on_add_current = {
        let emit = emit.clone();
        Callback::from(move |_| emit(RollUpAction::AddActivePlan))
    };
    let on_add_save = {
        let (emit, save, saves) = (emit.clone(), save.clone(), props.saves.clone());
        Callback::from(move |_| {
            let id = select_value(&save);
            if let Some(saved) = saves.iter().find(|s| s.id == id) {
                emit(RollUpAction::AddCities(vec![saved.plan()]));
            }
        })
    };
    let on_add_link = {
        let (emit, link) = (emit.clone(), link.clone());
        Callback::from(move |_| {
            let text = input_value(&link);
            if !is_link(query_part(&text)) {
                return emit(RollUpAction::Refused(RollUpRefusal::NotALink));
            }
            let opened = decode(&text);
            match opened.rollup {
                Some(province) => {
                    emit(RollUpAction::Open(swplan_plans::life::rollup::RollUpPlan {
                        name: province.name,
                        targets: province.targets,
                        cities: opened.plans,
                    }))
                }
                None => emit(RollUpAction::AddCities(opened.plans)),
            }
            if let Some(input) = link.cast::<HtmlInputElement>() {
                input.set_value("");
            }
        })
    };
    let on_file = {
        let emit = emit.clone();
        on_text_file(move |name, text| {
            let action = if is_rollup_file(&text) {
                match from_json(&text) {
                    Ok(plan) => RollUpAction::Open(plan),
                    Err(error) => RollUpAction::Refused(RollUpRefusal::File(error)),
                }
            } else {
                match open::open_file_text(&text) {
                    Ok(opened) => RollUpAction::AddCities(opened.plans),
                    Err(_) => RollUpAction::Refused(RollUpRefusal::NotAPlanFile { name }),
                }
            };
            emit(action);
        })
    };
    let on_add_target = {
        let emit = emit.clone();
        let (metric, threshold, deadline) = (metric.clone(), threshold.clone(), deadline.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(figure) = Metric::from_key(&select_value(&metric)) else {
                return;
            };
            let (Ok(number), Ok(year)) = (
                parse_typed(&input_value(&threshold)),
                select_value(&deadline).parse::<i32>(),
            ) else {
                return;
            };
            let threshold = if figure.is_coverage() {
                number / 100.0
            } else {
                number
            };
            emit(RollUpAction::AddTarget(Target {
                metric: figure,
                threshold,
                deadline: year,
                source: None,
            }));
        })
    };
    let on_figure = {
        let emit = emit.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(metric) = Metric::from_key(&select.value()) {
                emit(RollUpAction::ShowFigure(metric));
            }
        })
    };
    let on_copy = {
        let (url, copied, field) = (url.clone(), copied.clone(), link_field.clone());
        Callback::from(move |_| {
            let Some(url) = url.clone() else {
                return;
            };
            let (copied, field) = (copied.clone(), field.clone());
            spawn_local(async move {
                copied.set(Some(copy_text(&url, &field).await));
            });
        })
    };
    let on_select_link = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<HtmlInputElement>().select();
    });
    let on_export = {
        let plan = plan.clone();
        Callback::from(move |_| {
            let _ = download_text("swplan-rollup.json", "application/json", &to_json(&plan));
        })
    };
    let on_clear = {
        let emit = emit.clone();
        Callback::from(move |_| emit(RollUpAction::Clear))
    };

    let years: Vec<i32> = match rollup.result.as_deref() {
        Some(Ok(up)) => up.total.years.iter().map(|r| r.year).collect(),
        _ => plan
            .cities
            .first()
            .map(|c| (c.scenario.base_year..=c.scenario.end_year).collect())
            .unwrap_or_default(),
    };
    let result = rollup.result.as_deref().map(|result| match result {
        Err(error) => html! {
            <p class="rollup-error" id="rollup-error" role="alert">
                { rollup_error_text(error, &|i| names.get(i).cloned().unwrap_or_default(), lang) }
            </p>
        },
        Ok(up) => {
            let figure = rollup.figure;
            let width = (window_width().min(1124.0) - 88.0).clamp(280.0, 900.0);
            let spec = swplan_render::life_charts::rollup_chart(up, &names, figure, &plan.targets, lang, width);
            let year = plan
                .targets
                .iter()
                .find(|t| t.metric == figure)
                .map_or(up.total.years.last().map_or(0, |r| r.year), |t| t.deadline);
            let table = contribution_table(up, &names, figure, year, lang);
            html! {
                <div class="rollup-result" id="rollup-result">
                    <label class="figure-picker">{ words.figure }
                        <select id="rollup-figure" onchange={on_figure.clone()}>
                            { for ROLLUP_FIGURES.iter().map(|m| html! {
                                <option value={m.key()} selected={*m == figure}>{ metric_label(*m, lang) }</option>
                            }) }
                        </select>
                    </label>
                    <ChartView id="chart-rollup" {spec} />
                    <div class="table-scroll" tabindex="0" role="region" aria-label={words.cities}>
                        <table class="rollup-table" id="rollup-table">
                            <thead><tr>{ for table.header.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
                            <tbody>
                                { for table.rows.iter().map(|row| html! {
                                    <tr>
                                        <th scope="row">{ row[0].clone() }</th>
                                        { for row[1..].iter().map(|c| html! { <td>{ c.clone() }</td> }) }
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                    <h3>{ words.province_targets }</h3>
                    if up.verdicts.is_empty() {
                        <p class="muted">{ words.no_targets }</p>
                    }
                    <ul class="verdict-list" id="rollup-province-verdicts">
                        { for up.verdicts.iter().enumerate().map(|(i, v)| {
                            let emit = emit.clone();
                            let remove = Callback::from(move |_| emit(RollUpAction::RemoveTarget(i)));
                            html! {
                                <li class={if v.met { "is-met" } else { "is-not-met" }}>
                                    { verdict_line(v, lang) }
                                    <button type="button" class="link" onclick={remove}>{ words.remove }</button>
                                </li>
                            }
                        }) }
                    </ul>
                    <h3>{ words.city_targets }</h3>
                    <ul class="verdict-list" id="rollup-city-verdicts">
                        { for up.cities.iter().zip(&names).flat_map(|(c, name)| c.verdicts.iter().map(move |v| html! {
                            <li class={if v.met { "is-met" } else { "is-not-met" }}>{ format!("{name} — {}", verdict_line(v, lang)) }</li>
                        })) }
                    </ul>
                </div>
            }
        }
    });

    html! {
        <Dialog id="rollup-dialog" title={words.heading} {lang} {on_close}>
            <p class="muted">{ words.intro }</p>
            <label class="rollup-name">{ words.name_label }
                <input type="text" id="rollup-name" placeholder={words.name_placeholder}
                       value={plan.name.clone().unwrap_or_default()} onchange={on_name} />
            </label>
            <div class="rollup-add">
                <div class="row-buttons">
                    <select ref={preset.clone()} id="rollup-preset" aria-label={words.add_preset}>
                        { for presets::all().iter().map(|p| html! {
                            <option value={p.slug}>{ lang.pick(&p.scenario.name.zh, &p.scenario.name.en) }</option>
                        }) }
                    </select>
                    <button type="button" id="rollup-add-preset" onclick={on_add_preset}>{ words.add_preset }</button>
                    <button type="button" id="rollup-add-current" onclick={on_add_current}>{ words.add_current }</button>
                </div>
                if !props.saves.is_empty() {
                    <div class="row-buttons">
                        <select ref={save.clone()} id="rollup-save" aria-label={words.add_save}>
                            { for props.saves.iter().map(|s| html! { <option value={s.id.clone()}>{ s.title(lang) }</option> }) }
                        </select>
                        <button type="button" id="rollup-add-save" onclick={on_add_save}>{ words.add_save }</button>
                    </div>
                }
                <div class="row-buttons">
                    <input ref={link.clone()} type="text" id="rollup-link" aria-label={words.add_link} placeholder={words.link_placeholder} />
                    <button type="button" id="rollup-add-link" onclick={on_add_link}>{ words.add_link }</button>
                    <label class="button file-button">{ words.add_file }
                        <input type="file" id="rollup-file" class="visually-hidden" accept=".json,.toml,application/json" onchange={on_file} />
                    </label>
                </div>
            </div>
            if let Some(refusal) = &rollup.refusal {
                <p class="rollup-refusal" id="rollup-refusal" role="alert">{ refusal_text(refusal, lang) }</p>
            }
            <h3>{ words.cities }</h3>
            if plan.cities.is_empty() {
                <p class="muted">{ words.empty }</p>
            }
            <ol class="rollup-cities" id="rollup-cities">
                { for names.iter().enumerate().map(|(i, name)| {
                    let emit = emit.clone();
                    let remove = Callback::from(move |_| emit(RollUpAction::RemoveCity(i)));
                    html! {
                        <li>{ name.clone() }
                            <button type="button" class="link" onclick={remove} aria-label={format!("{} {name}", words.remove)}>{ words.remove }</button>
                        </li>
                    }
                }) }
            </ol>
            <form class="rollup-target row-buttons" id="rollup-target-form" onsubmit={on_add_target}>
                <select ref={metric} id="rollup-target-metric" aria-label={words.figure}>
                    { for Metric::targetable().map(|m| html! { <option value={m.key()}>{ metric_label(m, lang) }</option> }) }
                </select>
                <input ref={threshold} type="text" inputmode="decimal" id="rollup-target-threshold"
                       aria-label={words.threshold_label} placeholder={words.threshold_label} size="10" />
                <select ref={deadline} id="rollup-target-deadline" aria-label={strings(lang).deadline}>
                    { for years.iter().map(|y| html! { <option value={y.to_string()}>{ y }</option> }) }
                </select>
                <button type="submit" id="rollup-add-target">{ words.add_target }</button>
            </form>
            { for result }
            if let Some(url) = url {
                <div class="share-link rollup-link">
                    <label for="rollup-share-link">{ strings(lang).share_link_label }</label>
                    <input id="rollup-share-link" ref={link_field} type="text" readonly=true value={url} onfocus={on_select_link} />
                </div>
            }
            <p class="copy-status" role="status">
                { match *copied {
                    None => "",
                    Some(true) => strings(lang).copied,
                    Some(false) => strings(lang).copy_refused,
                } }
            </p>
            <div class="row-buttons rollup-footer">
                <button type="button" id="rollup-copy-link" onclick={on_copy} disabled={plan.cities.is_empty()}>{ words.copy_link }</button>
                <button type="button" id="rollup-export" onclick={on_export} disabled={plan.cities.is_empty()}>{ words.export_file }</button>
                <button type="button" id="rollup-clear" onclick={on_clear}>{ words.clear }</button>
            </div>
        </Dialog>
    }
}
