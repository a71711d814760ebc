//! A story's handout for the participants, printed on A4: the title and introduction, the QR
//! code of the story's link (so phones open the same story), and per step its caption and the
//! question to predict, with room to write. Drawn outside the page (a portal on `<body>`), shown
//! only when printing it: while it is on screen the page's own printed report steps aside
//! (`html[data-printing=handout]`, see `style/app.css`).

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use super::persistence::link_url;
use swplan_plans::story::{self, Story};
use swplan_render::qr::qr_svg;
use swplan_words::presenting::{handout_step, presenting};
use swplan_words::Lang;

/// The attribute on `<html>` while a handout waits to be printed (`data-printing="handout"`).
const PRINTING: &str = "data-printing";

/// The link that opens a story at its first step, on this page's address.
pub fn story_url(story: &Story) -> Option<String> {
    let base = link_url("");
    story::story_link(story, 0, Some(base.trim_end_matches('?')), None).ok()
}

#[derive(Properties, PartialEq)]
pub struct HandoutProps {
    pub lang: Lang,
    pub story: Rc<Story>,
    /// The story's link (its first step), which the QR code carries.
    pub link: AttrValue,
}

fn set_printing(on: bool) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = if on {
            root.set_attribute(PRINTING, "handout")
        } else {
            root.remove_attribute(PRINTING)
        };
    }
}

/// Prints the handout as soon as it is drawn; the page's usual printing comes back after.
#[function_component(Handout)]
pub fn handout(props: &HandoutProps) -> Html {
    use_effect_with(props.story.clone(), |_| {
        set_printing(true);
        let after = EventListener::new(&gloo::utils::window(), "afterprint", |_| {
            set_printing(false)
        });
        // After this frame, so the handout is laid out when the print dialog takes it.
        let print = gloo::timers::callback::Timeout::new(0, || {
            let _ = gloo::utils::window().print();
        });
        move || {
            drop((after, print));
            set_printing(false);
        }
    });
    let lang = props.lang;
    let words = presenting(lang);
    let story = &props.story;
    let qr = qr_svg(&props.link).ok();
    let intro = lang.pick(&story.intro, &story.intro_en);
    let content = html! {
        <article class="handout" lang={lang.tag()}>
            <header class="handout-head">
                <div>
                    <p class="handout-kind">{ words.handout_heading }</p>
                    <h1>{ lang.pick(&story.title, &story.title_en).to_string() }</h1>
                    if !intro.trim().is_empty() {
                        <p class="handout-intro">{ intro.to_string() }</p>
                    }
                </div>
                if let Some(qr) = qr {
                    <figure class="handout-qr">
                        <svg viewBox={format!("0 0 {0} {0}", qr.extent())} role="img" aria-label={words.handout_scan} shape-rendering="crispEdges">
                            <rect width={qr.extent().to_string()} height={qr.extent().to_string()} fill="#fff" />
                            <path d={qr.path.clone()} fill="#000" />
                        </svg>
                        <figcaption>{ words.handout_scan }</figcaption>
                    </figure>
                }
            </header>
            <ol class="handout-steps">
                { for story.steps().iter().enumerate().map(|(i, step)| {
                    let question = step.question.as_deref().map(|q| lang.pick(q, step.question_en.as_deref().unwrap_or(q)).to_string());
                    html! {
                        <li class="handout-step">
                            <h2>{ handout_step(i, lang) }</h2>
                            if let Some(question) = question {
                                <p class="handout-question"><strong>{ words.handout_question }</strong>{ question }</p>
                                <p class="handout-notes">{ words.handout_notes }</p>
                            }
                            <p class="handout-caption">{ lang.pick(&step.caption, &step.caption_en).to_string() }</p>
                        </li>
                    }
                }) }
            </ol>
            <p class="handout-link">{ props.link.to_string() }</p>
        </article>
    };
    match gloo::utils::document().body() {
        Some(body) => create_portal(content, body.into()),
        None => Html::default(),
    }
}
