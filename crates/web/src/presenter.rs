//! The presenter: the plan on a projector, readable from the back of a room. Year-by-year
//! playback (the lines grow a year per step, the verdicts are those *as of* that year, with the
//! year's events), a guided story stepped with "predict first", the few levers that matter,
//! and the QR code of the plan so participants open it on their phones.
//!
//! Keys: Space, → or Page Down step on; ← or Page Up step back; P plays and pauses; Esc leaves.
//! A presentation clicker sends Page Up/Down.

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
use swplan_engine::asof::{events_in, verdicts_as_of, Status};
use swplan_engine::montecarlo::{Settings, Summary};
use swplan_engine::params::{Kind, Shape, PARAMS};
use swplan_engine::plausibility::Concern;
use swplan_engine::{Scenario, ValidationErrors};
use swplan_plans::state::{Action, Computed, FieldId, Overlay, Presenter};
use swplan_render::qr::qr_svg;
use swplan_words::messages::metric_value_in_year;
use swplan_words::playback::{as_of_sentence, event_sentence, status_label};
use swplan_words::story::{callout_lines, previous_result, step_changes, step_counter};
use swplan_words::strings::strings;
use swplan_words::Lang;
use swplan_words::{metric_label, param_label};

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
        use_effect_with(presenter.overlay, move |overlay| {
            let overlay = *overlay;
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
    let computed = &props.computed;
    let as_of = verdicts_as_of(&computed.scenario.targets, &computed.trajectory, year);
    let events = events_in(&computed.scenario.targets, &computed.trajectory, year);
    let place = presenter.story.clone();
    let asking = place.as_ref().is_some_and(|p| p.asking());
    let intro = place.as_ref().filter(|p| p.intro);
    // After a reveal: how what the question asked about moved since the step before.
    let callouts: Vec<Vec<String>> = place
        .as_ref()
        .map(|p| p.callouts(computed, props.summary.as_deref()))
        .unwrap_or_default()
        .iter()
        .map(|c| callout_lines(c, lang))
        .collect();
    // The step before's lines, faint behind this step's, on the story's one scale.
    let previous_step = place
        .as_ref()
        .filter(|p| !p.intro)
        .and_then(|p| p.context.previous.clone());
    let tops = place.as_ref().map(|p| p.scale.clone());
    let step = place
        .as_ref()
        .and_then(|p| p.story.steps().get(p.step).cloned());
    let changes = place
        .as_ref()
        .map(|p| step_changes(&p.context, lang))
        .unwrap_or_default();
    // A question is asked against what the room saw last: that result stays in view.
    let previous = place
        .as_ref()
        .filter(|p| step.as_ref().is_some_and(|s| s.question.is_some()) && p.step > 0)
        .and_then(|p| previous_result(&p.context, lang));
    let title = match &place {
        Some(p) => lang.pick(&p.story.title, &p.story.title_en).to_string(),
        None => {
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
    let chart_plans = vec![ChartPlan {
        label: String::new(),
        name: None,
        computed: computed.clone(),
        summary: props.summary.clone(),
    }];
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

    html! {
        <div class="presenter" role="dialog" aria-modal="true" aria-labelledby="presenter-title" tabindex="-1" ref={root}>
            { overlay }
            <div class="presenter-head">
                <div>
                    <h1 id="presenter-title">{ title }</h1>
                    if let Some(p) = &place {
                        <p class="muted">{ step_counter(p.step, p.story.steps().len(), lang) }</p>
                    }
                </div>
                <p class="presenter-year" aria-live="polite">{ swplan_words::strings::year_text(Some(year), lang) }</p>
                <div class="presenter-keys" role="group" aria-label={text.presenter_controls}>
                    <button type="button" onclick={emit(Action::PresenterBack)} aria-label={text.presenter_back}>{ "◀" }</button>
                    <button type="button" id="presenter-play" onclick={emit(Action::TogglePlay)}>
                        { if presenter.playing { text.pause } else { text.play } }
                    </button>
                    <button type="button" id="presenter-next" onclick={emit(Action::PresenterNext)} aria-label={text.presenter_next}>{ "▶" }</button>
                    <button type="button" id="presenter-exit" onclick={emit(Action::ExitPresenter)}>{ text.exit_presenter }</button>
                </div>
            </div>
            <label class="presenter-slider">
                <span class="visually-hidden">{ text.playback_year }</span>
                <input type="range" min={computed.scenario.base_year.to_string()} max={computed.scenario.end_year.to_string()}
                       step="1" value={year.to_string()} oninput={on_year} />
            </label>
            <p class="presenter-hint muted">{ text.presenter_hint }</p>
            <div class="presenter-body">
                <div class="presenter-main">
                    if let Some(p) = intro {
                        <section class="story-intro" aria-live="polite">
                            <p class="story-intro-text">{ lang.pick(&p.story.intro, &p.story.intro_en).to_string() }</p>
                            <p class="muted">{ text.intro_hint }</p>
                        </section>
                    } else if let Some(step) = &step {
                        <section class={classes!("story-step", asking.then_some("is-asking"))} aria-live="polite">
                            if !changes.is_empty() {
                                <ul class="story-changes" aria-label={text.story_changes}>
                                    { for changes.iter().map(|c| html! { <li>{ c.clone() }</li> }) }
                                </ul>
                            }
                            if let Some(before) = &previous {
                                <p class="story-previous">{ before.clone() }</p>
                            }
                            if let Some(question) = step.question.as_deref() {
                                <p class={classes!("story-question", (!asking).then_some("is-answered"))}>
                                    { lang.pick(question, step.question_en.as_deref().unwrap_or(question)).to_string() }
                                </p>
                            }
                            { props.tally.clone() }
                            if asking {
                                <p class="muted">{ text.reveal_hint }</p>
                            } else {
                                if !callouts.is_empty() {
                                    <div class="story-callouts" aria-label={text.story_callouts}>
                                        { for callouts.iter().map(|lines| html! {
                                            <ul class="story-callout">{ for lines.iter().map(|l| html! { <li>{ l.clone() }</li> }) }</ul>
                                        }) }
                                    </div>
                                }
                                <p class="story-caption">{ lang.pick(&step.caption, &step.caption_en).to_string() }</p>
                                if place.as_ref().is_some_and(|p| p.step + 1 == p.story.steps().len()) {
                                    <p class="story-end">{ text.story_end }</p>
                                }
                            }
                        </section>
                    }
                    <ul class={classes!("as-of", asking.then_some("is-hidden"))} aria-hidden={asking.then_some("true")}>
                        { for as_of.iter().enumerate().map(|(i, now)| {
                            // Past its deadline a target is judged at the deadline: that is the
                            // line the room reads; the year on screen comes second.
                            let at_deadline = (now.year > now.deadline)
                                .then(|| verdicts_as_of(&computed.scenario.targets, &computed.trajectory, now.deadline).get(i).cloned())
                                .flatten();
                            let v = at_deadline.as_ref().unwrap_or(now);
                            let class = match v.status {
                                Status::Reached | Status::Met => "is-met",
                                Status::OnTrack => "is-on-track",
                                Status::Behind | Status::Missed => "is-not-met",
                            };
                            // The odds at the deadline beside the plan's verdict, so the room
                            // never reads a plan that holds only if nothing slips as certain.
                            let odds = props.summary.as_ref().and_then(|s| s.targets.get(i)).map(|o| o.probability);
                            let fragile = super::verdict_bar::is_fragile(
                                matches!(v.status, Status::Reached | Status::Met | Status::OnTrack),
                                odds,
                            );
                            html! {
                                <li class={classes!("as-of-card", class, fragile.then_some("is-fragile"))} data-metric={v.metric.key()}>
                                    <span class="as-of-status">{ status_label(v.status, v.metric, lang) }</span>
                                    <strong>{ metric_label(v.metric, lang) }</strong>
                                    <span class="as-of-line">{ as_of_sentence(v, lang) }</span>
                                    if at_deadline.is_some() {
                                        <span class="as-of-later">{ metric_value_in_year(now, lang) }</span>
                                    }
                                    if let Some(p) = odds {
                                        <span class="as-of-odds">
                                            { format!("{}{}{}", text.probability, lang.pick(" ", ": "), swplan_words::format_percent(p, lang)) }
                                            if fragile {
                                                { format!(" · ⚠ {}", swplan_words::strings::fragile_note(v.status == Status::OnTrack, p, lang)) }
                                            }
                                        </span>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                    // A story's caption tells what happened; the year's events would push the
                    // charts that answer its question below the screen.
                    if !events.is_empty() && place.is_none() {
                        <ul class="year-events" aria-label={text.year_events}>
                            { for events.iter().map(|e| html! { <li>{ event_sentence(e, lang) }</li> }) }
                        </ul>
                    }
                    <div class={classes!(asking.then_some("is-hidden"))}>
                        <Charts {lang} plans={chart_plans} until={Some(year)} only={Some(presenter.charts(&computed.scenario).to_vec())} large=true id_prefix="presenter-"
                                {previous_step} {tops} />
                    </div>
                </div>
                <aside class="presenter-side" aria-label={text.presenter_side}>
                    if let Some(qr) = qr {
                        <figure class="qr">
                            <svg viewBox={format!("0 0 {0} {0}", qr.extent())} role="img" aria-label={text.qr_label}
                                 shape-rendering="crispEdges" width="220" height="220">
                                <rect width={qr.extent().to_string()} height={qr.extent().to_string()} fill="#fff" />
                                <path d={qr.path.clone()} fill="#000" />
                            </svg>
                            <figcaption>{ text.qr_caption }</figcaption>
                        </figure>
                        if super::persistence::address_is_local() {
                            <p class="local-warning">{ text.local_address_warning }</p>
                        }
                    }
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
