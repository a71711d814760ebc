//! The root component: owns the state (a thin `yew::Reducible` over `swplan_plans::state`), hands
//! every component the data it draws and one callback for the planner's intent, and lays out
//! the page: settings first (on the left on wide screens), results beside them, and the verdict
//! bar on top where it stays while the planner edits.

use yew::prelude::*;

use super::actuals_panel::ActualsPanel;
use super::analysis_driver::use_analysis_jobs;
pub use super::app_state::AppState;
use super::charts::{ChartPlan, Charts};
use super::coalesce::Coalescer;
use super::compare_view::{CompareBar, CompareResults, ComparedPlan};
use super::compute_client::ComputeClient;
use super::controls::Controls;
use super::download::download_text;
use super::header::Header;
use super::kept_plans::KeptPlans;
use super::life_jobs::use_life_jobs;
use super::manual::{use_manual, ManualPage};
use super::notices::{InvalidBanner, Notices};
use super::optimiser_panel::OptimiserPanelView;
use super::persistence::{initial_state, use_persistence};
use super::pool_view::PoolView;
use super::prediction::PredictionView;
use super::presenter::PresenterView;
use super::print_report::PrintReport;
use super::rollup_dialog::RollUpDialog;
use super::saves_dialog::SavesDialog;
use super::sensitivity_panel::SensitivityPanelView;
use super::share_dialog::ShareDialog;
use super::storage;
use super::stories::{RecordStepDialog, RecordingBar, StoriesDialog};
use super::tally::TallyView;
use super::target_cards::TargetCards;
use super::target_editor::TargetEditor;
use super::uncertainty_driver::use_uncertainty;
use super::verdict_bar::VerdictBar;
use super::year_table::YearTable;
use swplan_engine::validate::Field;
use swplan_plans::state::{Action, Dialog, Notice, Origin, Uncertain, View};
use swplan_render::export::csv::{plan_csv, PlanContext};
use swplan_words::messages::validation_message;
use swplan_words::prediction::choice_labels;
use swplan_words::strings::strings;

/// How long a value must stay unchanged before the year table shows it.
const SETTLE_TABLE_MS: u32 = 150;
/// The same for the hidden printed report (its QR code and link are costly to redraw).
const SETTLE_PRINT_MS: u32 = 400;

/// `value` once it has stayed the same for `ms`: parts of the page that need not follow every
/// step of a drag (the year table, the hidden print report) are drawn after it, not during it.
/// The first value is shown at once; with `before_print`, also the latest one when the browser
/// is about to print (Ctrl+P right after an edit prints the edit).
#[hook]
fn use_settled<T: Clone + PartialEq + 'static>(value: T, ms: u32, before_print: bool) -> T {
    let settled = use_state(|| value.clone());
    {
        let settled = settled.clone();
        use_effect_with(value, move |value| {
            let value = value.clone();
            let pending = *settled != value;
            let listener = (pending && before_print).then(|| {
                let (settled, value) = (settled.clone(), value.clone());
                gloo::events::EventListener::new(&gloo::utils::window(), "beforeprint", move |_| {
                    settled.set(value.clone())
                })
            });
            let timer = pending
                .then(|| gloo::timers::callback::Timeout::new(ms, move || settled.set(value)));
            move || drop((timer, listener))
        });
    }
    (*settled).clone()
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| AppState(initial_state()));
    // Drag steps at most once a frame, the newest (see `coalesce`); the rest at once.
    let on_action = {
        let dispatcher = state.dispatcher();
        let coalescer = (*use_memo((), move |_| {
            Coalescer::new(move |action| dispatcher.dispatch(action))
        }))
        .clone();
        use_callback((), move |action: Action, _| coalescer.send(action))
    };
    // One computing service for the page's life (its workers start once).
    let compute = (*use_memo((), |_| ComputeClient::new())).clone();
    use_uncertainty(&state, compute.clone(), on_action.clone());
    use_analysis_jobs(&state, compute.clone(), on_action.clone());
    use_life_jobs(&state, compute.clone(), on_action.clone());
    use_persistence(&state, on_action.clone());

    // Keep the document's language and title in step with the interface, and remember it.
    let lang = state.session.lang;
    {
        let on_action = on_action.clone();
        use_effect_with(lang, move |lang| {
            let document = gloo::utils::document();
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", lang.tag());
            }
            let text = strings(*lang);
            document.set_title(&format!("{} — {}", text.app_title, text.app_subtitle));
            if storage::load_lang() != Some(*lang) && !storage::save_lang(*lang) {
                on_action.emit(Action::Notify(Notice::StorageFailed));
            }
        });
    }

    // The slider that had the focus in the first view has it again (a key held on it goes on).
    use_effect_with((), |_| {
        use wasm_bindgen::JsCast;
        let document = gloo::utils::document();
        let nothing_focused = document
            .active_element()
            .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
        let slider = storage::take_first_view_focus().and_then(|key| {
            document
                .query_selector(&format!("#param-{key} input[type=range]"))
                .ok()
                .flatten()
        });
        if let Some(slider) = slider.filter(|_| nothing_focused) {
            if let Ok(slider) = slider.dyn_into::<web_sys::HtmlElement>() {
                let _ = slider.focus();
            }
        }
    });

    // Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes — except while typing in a field, where the
    // browser's own undo of the text applies.
    {
        let on_action = on_action.clone();
        use_effect_with((), move |_| {
            // Not passive: the browser's own undo must not run as well, as it would put an old
            // number back into the last field typed in (an `input` event the page did not ask for).
            let listener = gloo::events::EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(key) = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(event)
                    else {
                        return;
                    };
                    if !(key.ctrl_key() || key.meta_key()) {
                        return;
                    }
                    let typing = event
                        .target()
                        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                        .is_some_and(|el| {
                            el.closest("input[type=text], textarea")
                                .ok()
                                .flatten()
                                .is_some()
                        });
                    if typing {
                        return;
                    }
                    let action = match (key.key().to_lowercase().as_str(), key.shift_key()) {
                        ("z", false) => Action::Undo,
                        ("z", true) | ("y", _) => Action::Redo,
                        _ => return,
                    };
                    event.prevent_default();
                    on_action.emit(action);
                },
            );
            move || drop(listener)
        });
    }
    let text = strings(lang);
    let plan = state.plan();
    // The year table (165 cells) follows a moment after a slider stops, off the drag's frames.
    let table = use_settled(plan.computed.clone(), SETTLE_TABLE_MS, false);
    let computed = plan.computed.clone();
    let summary = plan.summary().cloned();
    // The cards and the verdict bar keep the previous odds, greyed, while new ones compute.
    let odds = plan.uncertain.latest().cloned();
    let updating = plan.summary().is_none();
    let scenario = &plan.scenario;
    let year_errors: Vec<String> = plan
        .errors
        .iter()
        .flat_map(|e| e.0.iter())
        .filter(|e| matches!(e.field, Field::EndYear | Field::BaseYear | Field::Schema))
        .map(|e| validation_message(e, lang))
        .collect();
    let latest_deadline = scenario.targets.iter().map(|t| t.deadline).max();
    let mc_done = match &plan.uncertain {
        Uncertain::Running { done, .. } => Some(*done),
        Uncertain::Done(_) => None,
    };
    let view = state.session.view;
    let titles = swplan_words::compare::plan_titles(&state, lang);
    // A deleted save is offered back inside the saves dialog while it is open, not twice.
    let page_undo_hint = state.session.undo_hint.clone().filter(|hint| {
        use swplan_plans::state::UndoHint;
        !(matches!(hint, UndoHint::SaveDeleted { .. })
            && state.session.dialog == Some(Dialog::Saves)
            || matches!(hint, UndoHint::StoryDeleted { .. })
                && state.session.dialog == Some(Dialog::Stories))
    });
    // Copies of every plan only when several are compared (a drag must not pay for them).
    let compared: Vec<ComparedPlan> = if state.comparing() {
        state
            .plans
            .iter()
            .zip(&titles)
            .map(|(p, title)| ComparedPlan {
                title: title.clone(),
                spec: p.to_spec(state.session.mc),
                computed: p.computed.clone(),
                summary: p.summary().cloned(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let chart_plans: Vec<ChartPlan> = state
        .plans
        .iter()
        .zip(&titles)
        .map(|(p, title)| ChartPlan {
            label: title.clone(),
            name: p.name.clone(),
            computed: p.computed.clone(),
            summary: p.summary().cloned(),
        })
        .collect();
    // The presenter shows every plan compared, titled as the comparison titles them.
    let presented_plans = if state.session.presenter.is_some() {
        chart_plans.clone()
    } else {
        Vec::new()
    };
    let baseline = (state.session.show_baseline && !state.comparing())
        .then(|| plan.baseline_result.clone())
        .flatten();
    let target_errors: Vec<(usize, String)> = plan
        .errors
        .iter()
        .flat_map(|e| e.0.iter())
        .filter_map(|e| match e.field {
            Field::Target { index, .. } => Some((index, validation_message(e, lang))),
            _ => None,
        })
        .collect();
    let custom_region = (plan.origin == Origin::Custom).then(|| scenario.name.zh.clone());
    // The plan as links and files carry it, for the share dialog (only while it is open) and
    // the printed report (which follows the plan a moment after the last edit, see below).
    let spec = plan.to_spec(state.session.mc);
    let printed = use_settled(spec.clone(), SETTLE_PRINT_MS, true);
    // Whether the deferred parts (year table, printed report) show the current plan; the browser
    // tests wait for it.
    let settled = table == plan.computed && printed == spec;

    let on_export_csv = {
        let (computed, summary, lang) = (computed.clone(), summary.clone(), lang);
        let (name, baseline, spec) = (plan.name.clone(), plan.baseline.clone(), spec.clone());
        Callback::from(move |_| {
            let link = super::persistence::link_url(&super::persistence::link_query(&spec, None));
            let context = PlanContext {
                scenario: &computed.scenario,
                name: name.as_deref(),
                link: Some(&link),
                baseline: Some(&baseline),
            };
            let csv = plan_csv(
                &context,
                &computed.trajectory,
                &computed.verdicts,
                summary.as_deref(),
                lang,
            );
            let region = lang.pick(&computed.scenario.name.zh, &computed.scenario.name.en);
            let stem = swplan_render::export::file_stem(
                name.as_deref(),
                region,
                &computed.scenario.region,
            );
            let name = format!("swplan-{stem}-{}.csv", &storage::now()[..10]);
            let _ = download_text(&name, "text/csv;charset=utf-8", &csv);
        })
    };
    // The printed report follows the plan once edits pause; wait for it before printing.
    let on_print = Callback::from(|_| {
        gloo::timers::callback::Timeout::new(SETTLE_PRINT_MS + 50, || {
            let _ = gloo::utils::window().print();
        })
        .forget();
    });
    let dialog = match state.session.dialog {
        Some(Dialog::Share | Dialog::ShareComparison) => html! {
            <ShareDialog {lang} plans={state.shared()} whole={state.session.dialog == Some(Dialog::ShareComparison)}
                         titles={titles.clone()} active={state.active} on_action={on_action.clone()} />
        },
        Some(Dialog::Stories) => html! {
            <StoriesDialog {lang} stories={state.session.stories.stories.clone()} region={scenario.name.clone()}
                           undo_hint={state.session.undo_hint.clone()} on_action={on_action.clone()} />
        },
        Some(Dialog::RecordStep) => {
            html! { <RecordStepDialog {lang} error={state.session.record_error.clone()} on_action={on_action.clone()} /> }
        }
        Some(Dialog::Pool) => {
            let close = on_action.clone();
            html! {
                <PoolView {lang} workshop={state.session.workshop.clone()} on_action={on_action.clone()}
                          compare_full={state.plans.len() >= swplan_plans::share::MAX_PLANS}
                          on_close={Callback::from(move |_| close.emit(Action::CloseDialog))} />
            }
        }
        Some(Dialog::RollUp) => html! {
            <RollUpDialog {lang} rollup={state.session.rollup.clone()} saves={state.session.library.saves.clone()}
                          on_action={on_action.clone()} />
        },
        Some(Dialog::Saves) => html! {
            <SavesDialog {lang} library={state.session.library.clone()}
                         current={state.current_save().map(|(saved, changed)| (saved.id.clone(), saved.name.clone().unwrap_or_default(), changed))}
                         suggested_name={plan.name.clone().unwrap_or_else(|| lang.pick(&scenario.name.zh, &scenario.name.en).to_string())}
                         undo_hint={state.session.undo_hint.clone()}
                         import={state.session.import.clone()}
                         on_action={on_action.clone()} />
        },
        None => Html::default(),
    };

    let presenting = state.session.presenter.is_some() || state.session.predicting.is_some();
    // The room's predictions on the presenter's story step (a count over the pasted chat).
    let place = state
        .session
        .presenter
        .as_ref()
        .and_then(|p| p.story.as_ref());
    let tally = match (state.tally(), place) {
        (Some(tally), Some(place)) => {
            let labels = place
                .story
                .steps()
                .get(place.step)
                .map(|s| choice_labels(s, lang))
                .unwrap_or_default();
            html! {
                <TallyView {lang} {tally} {labels} revealed={!place.asking()}
                           text={AttrValue::from(state.session.workshop.text.clone())} on_action={on_action.clone()} />
            }
        }
        _ => Html::default(),
    };
    // What the step changes, for the phone's question.
    let step_changes_now = place
        .map(|p| swplan_words::story::step_changes(&p.context, lang))
        .unwrap_or_default();
    let help = state.session.help;
    let manual = use_manual(help, presenting, on_action.clone());
    html! {
        <ContextProvider<ComputeClient> context={compute.clone()}>
        // Behind the presenter the page is inert: focus and screen readers stay in front.
        // The manual takes the page while it is open: the plan stays drawn, hidden, as it was.
        <div class="app" inert={presenting} hidden={help.is_some()} data-settled={settled.to_string()} data-compute={if compute.uses_workers() { "worker" } else { "page" }}>
            <a class="skip-link" href="#controls-heading">{ text.skip_to_controls }</a>
            <a class="skip-link" href="#targets-heading">{ text.skip_to_results }</a>
            <Header {lang} preset={plan.preset().map(|p| p.slug)}
                    region={lang.pick(&scenario.name.zh, &scenario.name.en).to_string()}
                    plan_name={plan.name.clone().map(AttrValue::from)}
                    unsaved={state.current_save().map(|(_, changed)| changed)}
                    base_year={scenario.base_year} end_year={scenario.end_year}
                    shown_base_year={computed.scenario.base_year} shown_end_year={computed.scenario.end_year} {latest_deadline} {year_errors}
                    on_action={on_action.clone()} {on_export_csv} {on_print} />
            <PrintReport {lang} plan={printed.clone()} baseline={plan.baseline.clone()} appendix=false
                         preset_name={plan.preset().map(|p| lang.pick(&p.scenario.name.zh, &p.scenario.name.en).to_string())} />
            <Notices {lang} notices={state.session.notices.clone()} undo_hint={page_undo_hint}
                     on_action={on_action.clone()} />
            <KeptPlans {lang} kept={state.session.kept.plans.clone()} on_action={on_action.clone()} />
            <VerdictBar {lang} verdicts={computed.verdicts.clone()} summary={odds.clone()} {updating}
                        stale={plan.has_invalid_input()} {view} on_action={on_action.clone()} />
            <main class={classes!("layout", match view { View::Results => "show-results", View::Settings => "show-settings" })}>
                <section class="controls" id="controls" aria-labelledby="controls-heading">
                    <div class="controls-inner">
                    <div class="controls-head">
                        <h2 id="controls-heading" tabindex="-1">{ text.controls_heading }</h2>
                        <span class="undo-redo">
                            <button type="button" class="link" id="undo" disabled={!plan.can_undo()}
                                    onclick={{ let a = on_action.clone(); Callback::from(move |_| a.emit(Action::Undo)) }}
                                    title="Ctrl+Z">{ text.undo }</button>
                            <button type="button" class="link" id="redo" disabled={!plan.can_redo()}
                                    onclick={{ let a = on_action.clone(); Callback::from(move |_| a.emit(Action::Redo)) }}
                                    title="Ctrl+Shift+Z">{ text.redo }</button>
                        </span>
                    </div>
                    <TargetEditor {lang} targets={scenario.targets.clone()} differs={plan.targets_differ_from_baseline()}
                                  base_year={scenario.base_year} end_year={scenario.end_year}
                                  last_row={computed.trajectory.years.last().cloned().unwrap_or_default()}
                                  errors={target_errors} {custom_region} on_action={on_action.clone()} />
                    <Controls {lang} scenario={scenario.clone()} applied={computed.clone()} baseline={plan.baseline.clone()}
                              drafts={plan.drafts.clone()} errors={plan.errors.clone()} concerns={plan.concerns.clone()}
                              schedule_open={state.session.schedule_open} mc={state.session.mc} {mc_done}
                              on_action={on_action.clone()} />
                    </div>
                </section>
                <section class={classes!("results", plan.has_invalid_input().then_some("is-stale"))} id="results" aria-label={text.view_results}>
                    <InvalidBanner {lang} drafts={plan.drafts.clone()} errors={plan.errors.clone()}
                                   base_year={scenario.base_year} on_action={on_action.clone()} />
                    if state.comparing() {
                        <CompareBar {lang} titles={titles.clone()} active={state.active} saves={state.session.library.saves.clone()}
                                    show_baseline={state.session.show_baseline} has_baseline={state.has_baseline_plan()} on_action={on_action.clone()} />
                        <CompareResults {lang} plans={compared.clone()} />
                    } else {
                        <TargetCards {lang} computed={computed.clone()} summary={odds} {updating} mc={state.session.mc}
                                     stale={plan.has_invalid_input()}
                                     on_action={on_action.clone()} />
                        <CompareBar {lang} titles={titles.clone()} active={state.active} saves={state.session.library.saves.clone()}
                                    show_baseline={state.session.show_baseline} has_baseline={state.has_baseline_plan()} on_action={on_action.clone()} />
                    }
                    <OptimiserPanelView {lang} panel={state.session.optimiser.clone()} plan={plan.id}
                                        computed={computed.clone()} invalid={plan.has_invalid_input()}
                                        compare_full={state.plans.len() >= swplan_plans::share::MAX_PLANS}
                                        on_action={on_action.clone()} />
                    <SensitivityPanelView {lang} panel={state.session.sensitivity.clone()} plan={plan.id}
                                          computed={computed.clone()} on_action={on_action.clone()} />
                    <Charts {lang} plans={chart_plans} {baseline}
                            reprojection={state.session.life.show_reprojection.then(|| plan.computed.actuals.clone()).flatten()}
                            reprojection_odds={state.reprojected_odds().cloned()} />
                    if !state.comparing() {
                        <ActualsPanel {lang} computed={computed.clone()} life={state.session.life.clone()}
                                      reprojected_odds={state.reprojected_odds().cloned()} on_action={on_action.clone()} />
                    }
                    <YearTable {lang} computed={table} plan_title={state.comparing().then(|| titles[state.active].clone())} />
                </section>
            </main>
            <PrintReport {lang} plan={printed} baseline={plan.baseline.clone()} appendix=true
                         preset_name={plan.preset().map(|p| lang.pick(&p.scenario.name.zh, &p.scenario.name.en).to_string())} />
            <footer class="footer"><p>{ text.footer }</p></footer>
            if let Some(recorder) = &state.session.recording {
                <RecordingBar {lang} recorder={recorder.clone()} on_action={on_action.clone()} />
            }
            { dialog }
        </div>
        if let Some(topic) = help {
            <ManualPage {lang} {topic} on_action={on_action.clone()} on_close={manual.on_close} on_open={manual.on_open} />
        }
        if let Some(predicting) = state.session.predicting.clone() {
            <PredictionView {lang} {predicting} changes={step_changes_now.clone()} on_action={on_action.clone()} />
        } else if let Some(presenter) = state.session.presenter.clone() {
            <PresenterView {lang} {presenter} computed={plan.computed.clone()} summary={plan.summary().cloned()}
                           scenario={plan.scenario.clone()} baseline={plan.baseline.clone()} drafts={plan.drafts.clone()}
                           errors={plan.errors.clone()} concerns={plan.concerns.clone()} mc={state.session.mc}
                           link={super::persistence::participant_query(&state)} plans={presented_plans}
                           pool={state.session.workshop.pooled.clone()}
                           plan_name={plan.name.clone().map(AttrValue::from)} tally={tally}
                           on_action={on_action.clone()} />
        }
        </ContextProvider<ComputeClient>>
    }
}
