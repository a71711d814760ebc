//! The presenter: the plan on a projector, readable from the back of a room. Year-by-year
//! playback (the lines grow a year per step, the verdicts are those *as of* that year, with the
//! year's events), a guided story stepped with "predict first", the few levers that matter,
//! and the QR code of the plan so participants open it on their phones.
//!
//! Keys: Space, → or Page Down step on; ← or Page Up step back; Home / End the first and last
//! step; P plays and pauses; Q shows the QR code full size; B or . blanks the screen; W puts the
//! workshop's pooled result on screen; Esc takes away what covers the screen, then leaves. A
//! presentation clicker sends Page Up/Down.
//!
//! The screen never scrolls: the story panel and the strip of target cards take what they need,
//! the charts fill the rest (`style/app.css`, "Presenter"), from a projector laptop at 1280×720
//! and 150 % to 1920×1080.

use std::collections::BTreeMap;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Interval;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use super::charts::{ChartPlan, Charts};
use super::controls::Controls;
use super::persistence::link_url;
use super::presenter_cards::PresenterCards;
use super::presenter_pool::PooledResult;
use super::presenter_story::StoryPanel;
use swplan_engine::asof::events_in;
use swplan_engine::montecarlo::{Settings, Summary};
use swplan_engine::params::{Kind, Shape, PARAMS};
use swplan_engine::plausibility::Concern;
use swplan_engine::{Scenario, ValidationErrors};
use swplan_plans::state::workshop::Pooled;
use swplan_plans::state::{Action, Computed, FieldId, Overlay, Presenter};
use swplan_plans::story::Highlight;
use swplan_render::qr::qr_svg;
use swplan_words::param_label;
use swplan_words::playback::event_sentence;
use swplan_words::presenting::presenting;
use swplan_words::story::{callout_texts, step_counter};
use swplan_words::strings::strings;
use swplan_words::Lang;

#[derive(Properties, PartialEq)]
pub struct PresenterViewProps {
    pub lang: Lang,
    pub presenter: Presenter,
    /// The plan on screen: what the model makes of it, and its odds once computed.
    pub computed: Rc<Computed>,
    pub summary: Option<Rc<Summary>>,
    /// What the presenter's levers edit, as the settings column does.
    pub scenario: Scenario,
    pub baseline: Rc<Scenario>,
    pub drafts: BTreeMap<FieldId, String>,
    pub errors: Option<ValidationErrors>,
    pub concerns: Vec<Concern>,
    pub mc: Settings,
    /// The address participants open on their phones: the plan and the story step.
    pub link: String,
    /// Every plan compared, titled as the comparison titles them (one when not comparing).
    pub plans: Vec<ChartPlan>,
    /// The workshop's last pool, when there is one.
    pub pool: Option<Rc<Pooled>>,
    /// The plan's name (a participant's, when one is presented), before the region in the title.
    #[prop_or_default]
    pub plan_name: Option<AttrValue>,
    /// The room's predictions beside a question (`tally::TallyView`), when the step asks one.
    #[prop_or_default]
    pub tally: Html,
    pub on_action: Callback<Action>,
}

#[function_component(PresenterView)]
pub fn presenter_view(props: &PresenterViewProps) -> Html {
    let presenter = props.presenter.clone();
    let lang = props.lang;
    let text = strings(lang);
    let root = use_node_ref();

    // Keys anywhere on the page while presenting (not while typing in a field). Enter in a field
    // commits it and gives the keys back to the presenter.
    {
        let on_action = props.on_action.clone();
        let root = root.clone();
        let has_pool = props.pool.is_some();
        use_effect_with((presenter.overlay, has_pool), move |(overlay, has_pool)| {
            let (overlay, has_pool) = (*overlay, *has_pool);
            // Not passive: Space and the arrows must not also scroll the page.
            let options = EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |event| {
                    let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    let typing = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|el| {
                            el.closest(
                                "input:not([type=range]):not([type=checkbox]), select, textarea",
                            )
                            .ok()
                            .flatten()
                            .is_some()
                        });
                    if typing && key.key() == "Enter" {
                        // After the field has its value: the keys are the presenter's again.
                        let root = root.clone();
                        gloo::timers::callback::Timeout::new(0, move || {
                            if let Some(el) = root.cast::<HtmlElement>() {
                                let _ = el.focus();
                            }
                        })
                        .forget();
                        return;
                    }
                    let action = match key.key().as_str() {
                        // Esc takes away what covers the screen first, then leaves.
                        "Escape" => Some(match overlay {
                            Some(shown) => Action::ToggleOverlay(shown),
                            None => Action::ExitPresenter,
                        }),
                        _ if typing => None,
                        " " | "ArrowRight" | "PageDown" => Some(Action::PresenterNext),
                        "ArrowLeft" | "PageUp" => Some(Action::PresenterBack),
                        "Home" => Some(Action::PresenterFirst),
                        "End" => Some(Action::PresenterLast),
                        "p" | "P" => Some(Action::TogglePlay),
                        "q" | "Q" => Some(Action::ToggleOverlay(Overlay::Qr)),
                        "b" | "B" | "." => Some(Action::ToggleOverlay(Overlay::Blank)),
                        "w" | "W" if has_pool => Some(Action::TogglePresentPool),
                        _ => None,
                    };
                    if let Some(action) = action {
                        event.prevent_default();
                        on_action.emit(action);
                    }
                },
            );
            move || drop(listener)
        });
    }
    // Focus the presenter when it opens, so keys and screen readers start there.
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            if let Some(el) = root.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    // Playback: a year a second.
    {
        let on_action = props.on_action.clone();
        use_effect_with(presenter.playing, move |playing| {
            let timer = playing.then(|| Interval::new(1_000, move || on_action.emit(Action::Tick)));
            move || drop(timer)
        });
    }

    let year = presenter.year;
    let words = presenting(lang);
    let computed = &props.computed;
    let place = presenter.story.clone();
    let asking = place.as_ref().is_some_and(|p| p.asking() || p.intro);
    let events = events_in(&computed.scenario.targets, &computed.trajectory, year);
    // After a reveal: how what the question asked about moved since the step before.
    let callouts = callout_texts(
        &place
            .as_ref()
            .map(|p| p.callouts(computed, props.summary.as_deref()))
            .unwrap_or_default(),
        lang,
    );
    let (callouts, callouts_rest) = (callouts.cards, callouts.rest);
    // The step before's lines, faint behind this step's, on the story's one scale.
    let previous_step = place
        .as_ref()
        .filter(|p| !p.intro)
        .and_then(|p| p.context.previous.clone());
    let tops = place.as_ref().map(|p| p.scale.clone());
    let highlight = place
        .as_ref()
        .filter(|p| !p.intro)
        .and_then(|p| p.story.steps().get(p.step)?.highlighted());
    let pool = props.pool.clone().filter(|_| presenter.pool);
    let title = match (&place, &pool) {
        (_, Some(_)) => words.pool_title.to_string(),
        (Some(p), None) => lang.pick(&p.story.title, &p.story.title_en).to_string(),
        (None, None) => {
            let region = lang.pick(&computed.scenario.name.zh, &computed.scenario.name.en);
            match &props.plan_name {
                Some(name) => format!("{name} · {region}"),
                None => region.to_string(),
            }
        }
    };
    // The same plan (and story step) on the participants' phones.
    let url = link_url(&props.link);
    let qr = qr_svg(&url).ok();
    let emit = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(action.clone()))
    };
    let on_year = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(year) = input.value().parse() {
                on_action.emit(Action::SetPlaybackYear(year));
            }
        })
    };
    // A story shows its own plan; otherwise every plan compared.
    let chart_plans = if place.is_none() && props.plans.len() > 1 {
        props.plans.clone()
    } else {
        vec![ChartPlan {
            label: String::new(),
            name: None,
            computed: computed.clone(),
            summary: props.summary.clone(),
        }]
    };
    let charts = presenter.charts(&computed.scenario);
    let levers: Vec<&'static str> = presenter.levers.clone();

    let overlay = match (presenter.overlay, &qr) {
        (Some(Overlay::Blank), _) => html! {
            <div class="presenter-overlay is-blank" role="presentation" onclick={emit(Action::ToggleOverlay(Overlay::Blank))}></div>
        },
        (Some(Overlay::Qr), Some(qr)) => html! {
            <div class="presenter-overlay is-qr" role="dialog" aria-label={text.qr_label} onclick={emit(Action::ToggleOverlay(Overlay::Qr))}>
                <svg viewBox={format!("0 0 {0} {0}", qr.extent())} role="img" aria-label={text.qr_label} shape-rendering="crispEdges">
                    <rect width={qr.extent().to_string()} height={qr.extent().to_string()} fill="#fff" />
                    <path d={qr.path.clone()} fill="#000" />
                </svg>
                <p class="presenter-overlay-address">{ url.clone() }</p>
            </div>
        },
        _ => Html::default(),
    };
    let main = match &pool {
        Some(pooled) => html! { <PooledResult {lang} pool={pooled.clone()} /> },
        None => html! {
            <>
                if let Some(p) = &place {
                    <StoryPanel {lang} place={p.clone()} callouts={callouts} rest={callouts_rest} tally={props.tally.clone()} />
                }
                <PresenterCards {lang} plans={chart_plans.clone()} {year} hidden={asking}
                                highlighted={match highlight { Some(Highlight::Target(metric)) => Some(metric), _ => None }} />
                // A story's caption tells what happened; the year's events would take the
                // charts' room.
                if !events.is_empty() && place.is_none() {
                    <ul class="year-events" aria-label={text.year_events}>
                        { for events.iter().map(|e| html! { <li>{ event_sentence(e, lang) }</li> }) }
                    </ul>
                }
                <div class={classes!("presenter-charts", asking.then_some("is-hidden"))} style={format!("--charts: {}", charts.len())}>
                    <Charts {lang} plans={chart_plans} until={Some(year)} only={Some(charts)} large=true fill=true id_prefix="presenter-"
                            {previous_step} {tops} highlighted={match highlight { Some(Highlight::Chart(chart)) => Some(chart), _ => None }} />
                </div>
            </>
        },
    };

    html! {
        <div class={classes!("presenter", pool.is_some().then_some("is-pool"))} role="dialog" aria-modal="true" aria-labelledby="presenter-title" tabindex="-1" ref={root}>
            { overlay }
            <div class="presenter-head">
                <div class="presenter-titles">
                    <h1 id="presenter-title">{ title }</h1>
                    if let (Some(p), None) = (&place, &pool) {
                        <p class="muted">{ step_counter(p.step, p.story.steps().len(), lang) }</p>
                    }
                </div>
                if pool.is_none() {
                    <p class="presenter-year" aria-live="polite">{ swplan_words::strings::year_text(Some(year), lang) }</p>
                }
                <div class="presenter-keys" role="group" aria-label={text.presenter_controls}>
                    if props.pool.is_some() {
                        <button type="button" id="presenter-pool" onclick={emit(Action::TogglePresentPool)}>
                            { if pool.is_some() { words.show_plan } else { words.show_pool } }
                        </button>
                    }
                    <button type="button" id="presenter-back" onclick={emit(Action::PresenterBack)} aria-label={text.presenter_back} title={text.presenter_back}>{ "◀" }</button>
                    <button type="button" id="presenter-play" onclick={emit(Action::TogglePlay)}>
                        { with_key_hint(if presenter.playing { text.pause } else { text.play }) }
                    </button>
                    <button type="button" id="presenter-next" onclick={emit(Action::PresenterNext)} aria-label={text.presenter_next} title={text.presenter_next}>{ "▶" }</button>
                    <button type="button" id="presenter-exit" onclick={emit(Action::ExitPresenter)}>{ with_key_hint(text.exit_presenter) }</button>
                </div>
            </div>
            if pool.is_none() {
                <label class="presenter-slider">
                    <span class="visually-hidden">{ text.playback_year }</span>
                    <input type="range" min={computed.scenario.base_year.to_string()} max={computed.scenario.end_year.to_string()}
                           step="1" value={year.to_string()} oninput={on_year} />
                </label>
            }
            <div class="presenter-body">
                <div class="presenter-main">{ main }</div>
                <aside class="presenter-side" aria-label={text.presenter_side}>
                    if let Some(qr) = qr {
                        <figure class="qr">
                            <svg viewBox={format!("0 0 {0} {0}", qr.extent())} role="img" aria-label={text.qr_label}
                                 shape-rendering="crispEdges">
                                <rect width={qr.extent().to_string()} height={qr.extent().to_string()} fill="#fff" />
                                <path d={qr.path.clone()} fill="#000" />
                            </svg>
                            <figcaption>{ text.qr_caption }</figcaption>
                        </figure>
                        if super::persistence::address_is_local() {
                            <p class="local-warning">{ text.local_address_warning }</p>
                        }
                    }
                    <p class="presenter-keys-hint muted">
                        <span class="for-keys">{ words.keys_hint }</span>
                        <span class="for-touch">{ words.touch_hint }</span>
                    </p>
                    <Controls {lang} scenario={props.scenario.clone()} applied={Some(props.computed.clone())} baseline={props.baseline.clone()}
                              drafts={props.drafts.clone()} errors={props.errors.clone()} concerns={props.concerns.clone()}
                              schedule_open={None::<&'static str>} mc={props.mc} mc_done={None::<usize>}
                              on_action={props.on_action.clone()} only={Some(levers.clone())} id_prefix="presenter-" />
                    <details class="lever-picker">
                        <summary>{ text.pick_levers }</summary>
                        <ul>
                            { for PARAMS.iter().filter(|p| p.kind == Kind::Lever && p.shape == Shape::Yearly).map(|p| {
                                let key = p.key;
                                html! {
                                    <li>
                                        <label class="check">
                                            <input type="checkbox" checked={levers.contains(&key)} onchange={{ let on_action = props.on_action.clone(); Callback::from(move |_: Event| on_action.emit(Action::TogglePresenterLever(key))) }} />
                                            { param_label(key, lang) }
                                        </label>
                                    </li>
                                }
                            }) }
                        </ul>
                    </details>
                </aside>
            </div>
        </div>
    }
}

/// A button's words with its key ("逐年播放 (P)") marked, so that a touch screen, which has no
/// such key, hides it (style/app.css, `.key-hint`).
fn with_key_hint(label: &str) -> Html {
    match label.rsplit_once(" (") {
        Some((words, key)) if key.ends_with(')') => html! {
            <>{ words }<span class="key-hint">{ format!(" ({key}") }</span></>
        },
        _ => html! { { label } },
    }
}
