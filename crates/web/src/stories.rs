//! Guided stories: the built-in ones and the trainer's recorded ones to open in the presenter or
//! print as a handout, a story file to open, and a trainer's own recording — a bar while
//! recording (title, introduction, steps so far, add this step, undo, export as a file or a
//! link to copy, stop) and the form that captions a step.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::dialog::Dialog as Modal;
use super::download::download_text;
use super::handout::{story_url, Handout};
use super::persistence::link_url;
use super::recorded_stories::{copy_text, RecordedStories};
use super::storage::{fresh_id, now};
use super::text_file::on_text_file;
use swplan_engine::RegionName;
use swplan_plans::chart::Chart;
use swplan_plans::state::{Action, Dialog, UndoHint};
use swplan_plans::story::kept::KeptStory;
use swplan_plans::story::{self, RecordError, Recorder, Story};
use swplan_words::labels::chart_title;
use swplan_words::presenting::presenting;
use swplan_words::story::{record_error_message, recorded_title, step_count, story_error_message};
use swplan_words::strings::{naming, strings};
use swplan_words::Lang;

#[derive(Properties, PartialEq)]
pub struct StoriesDialogProps {
    pub lang: Lang,
    /// The trainer's recorded stories, kept in this browser.
    pub stories: Vec<KeptStory>,
    /// The region of the plan on screen, which a new recording is titled after.
    pub region: RegionName,
    /// A recorded story just deleted is offered back here.
    pub undo_hint: Option<UndoHint>,
    pub on_action: Callback<Action>,
}

#[function_component(StoriesDialog)]
pub fn stories_dialog(props: &StoriesDialogProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let words = presenting(lang);
    let error = use_state(|| None::<String>);
    // The story whose handout is being printed, with its link.
    let handout = use_state(|| None::<(Rc<Story>, String)>);
    let open = |story: Rc<Story>| {
        let on_action = props.on_action.clone();
        Callback::from(move |_| {
            on_action.emit(Action::OpenStory {
                story: Rc::clone(&story),
                step: 0,
            })
        })
    };
    let print = |story: Rc<Story>| {
        let handout = handout.clone();
        Callback::from(move |_| {
            let link = story_url(&story).unwrap_or_default();
            handout.set(Some((Rc::clone(&story), link)));
        })
    };
    let on_file = {
        let (on_action, error) = (props.on_action.clone(), error.clone());
        on_text_file(move |_, content| match story::parse(&content) {
            Ok(story) => on_action.emit(Action::OpenStory {
                story: Rc::new(story),
                step: 0,
            }),
            Err(e) => error.set(Some(story_error_message(&e, lang))),
        })
    };
    let on_record = {
        let on_action = props.on_action.clone();
        let title = [Lang::Zh, Lang::En].map(|lang| recorded_title(&props.region, lang));
        Callback::from(move |_| {
            on_action.emit(Action::StartRecording {
                title: title.clone(),
            });
            on_action.emit(Action::CloseDialog);
        })
    };
    let on_close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: ()| on_action.emit(Action::CloseDialog))
    };
    html! {
        <Modal id="stories-dialog" title={text.stories_title} {lang} {on_close}>
            <p class="muted">{ text.stories_intro }</p>
            <ul class="stories">
                { for story::all().iter().map(|s| {
                    let shared = Rc::new(s.clone());
                    html! {
                        <li class="story">
                            <div>
                                <strong>{ lang.pick(&s.title, &s.title_en).to_string() }</strong>
                                <p class="muted">{ lang.pick(&s.intro, &s.intro_en).to_string() }</p>
                                <p class="muted">{ step_count(s.steps().len(), lang) }</p>
                            </div>
                            <span class="story-actions">
                                <button type="button" class="apply" id={format!("story-{}", s.id)} onclick={open(Rc::clone(&shared))}>
                                    { text.present_story }<span class="visually-hidden">{ naming(lang.pick(&s.title, &s.title_en), lang) }</span>
                                </button>
                                <button type="button" class="link" id={format!("handout-{}", s.id)} onclick={print(shared)}>
                                    { words.handout }<span class="visually-hidden">{ naming(lang.pick(&s.title, &s.title_en), lang) }</span>
                                </button>
                            </span>
                        </li>
                    }
                }) }
            </ul>
            <RecordedStories {lang} stories={props.stories.clone()} undo_hint={props.undo_hint.clone()}
                             on_open={Callback::from({ let on_action = props.on_action.clone(); move |story: Rc<Story>| on_action.emit(Action::OpenStory { story, step: 0 }) })}
                             on_handout={Callback::from({ let handout = handout.clone(); move |story: Rc<Story>| { let link = story_url(&story).unwrap_or_default(); handout.set(Some((story, link))) } })}
                             on_action={props.on_action.clone()} />
            <div class="dialog-actions">
                <label class="file-button">
                    { text.open_story_file }
                    <input type="file" accept=".json,application/json" class="visually-hidden" onchange={on_file} />
                </label>
                <button type="button" class="link" id="start-recording" onclick={on_record}>{ text.record_story }</button>
            </div>
            if let Some(message) = &*error {
                <p class="param-error" role="alert">{ message.clone() }</p>
            }
            if let Some((story, link)) = &*handout {
                <Handout {lang} story={Rc::clone(story)} link={link.clone()} />
            }
        </Modal>
    }
}

#[derive(Properties, PartialEq)]
pub struct RecordingBarProps {
    pub lang: Lang,
    pub recorder: Recorder,
    pub on_action: Callback<Action>,
}

/// While recording: the steps so far and what can be done with them.
#[function_component(RecordingBar)]
pub fn recording_bar(props: &RecordingBarProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let status = use_state(|| None::<String>);
    let steps = props.recorder.steps().len();
    let words = presenting(lang);
    let field = use_node_ref();
    let copied = use_state(|| None::<bool>);
    let on_title = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            on_action.emit(Action::SetRecordingTitle(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let on_intro = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            on_action.emit(Action::SetRecordingIntro(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let emit = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(action.clone()))
    };
    let on_file = {
        let recorder = props.recorder.clone();
        Callback::from(move |_| {
            let _ = download_text("swplan-story.json", "application/json", &recorder.to_json());
        })
    };
    let on_link = {
        let (recorder, status, copied) = (props.recorder.clone(), status.clone(), copied.clone());
        Callback::from(move |_| {
            let base = link_url("");
            let base = base.trim_end_matches('?');
            copied.set(None);
            status.set(Some(match recorder.to_link(Some(base)) {
                Ok(link) => link,
                Err(e) => story_error_message(&e, lang),
            }));
        })
    };
    let on_copy = {
        let (status, copied, field) = (status.clone(), copied.clone(), field.clone());
        Callback::from(move |_| {
            let Some(link) = (*status).clone() else {
                return;
            };
            let (copied, field) = (copied.clone(), field.clone());
            spawn_local(async move { copied.set(Some(copy_text(&link, &field).await)) });
        })
    };
    html! {
        <div class="recording-bar" role="region" aria-label={text.recording_label}>
            <span class="recording-dot" aria-hidden="true">{ "●" }</span>
            <span>{ swplan_words::strings::recorded_steps(steps, lang) }</span>
            <label class="recording-title">
                <span class="visually-hidden">{ text.story_title }</span>
                <input type="text" value={props.recorder.title.clone()} onchange={on_title} placeholder={text.story_title} maxlength="60" />
            </label>
            <label class="recording-intro">
                <span class="visually-hidden">{ words.intro_label }</span>
                <input type="text" id="recording-intro" value={props.recorder.intro.clone()} onchange={on_intro}
                       placeholder={words.intro_placeholder} title={words.intro_label} maxlength="300" />
            </label>
            <button type="button" class="apply" id="record-step" onclick={emit(Action::OpenDialog(Dialog::RecordStep))}>{ text.add_step }</button>
            if steps > 0 {
                <button type="button" class="link" onclick={emit(Action::UndoRecordedStep)}>{ text.undo_step }</button>
                <button type="button" class="link" onclick={on_file}>{ text.export_story_file }</button>
                <button type="button" class="link" id="story-link" onclick={on_link}>{ text.story_link }</button>
            }
            <button type="button" class="link danger" id="stop-recording" onclick={{
                let on_action = props.on_action.clone();
                Callback::from(move |_| on_action.emit(Action::StopRecording { id: fresh_id(), now: now() }))
            }}>{ text.stop_recording }</button>
            if let Some(link) = &*status {
                <span class="story-link-row">
                    <input type="text" readonly=true class="story-link-field" value={link.clone()} aria-label={text.story_link} ref={field} />
                    <button type="button" class="apply" id="copy-story-link" onclick={on_copy}>{ words.copy_link }</button>
                </span>
                if let Some(done) = *copied {
                    <span class="copy-status" role="status">{ if done { words.copied } else { words.copy_failed } }</span>
                }
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct RecordStepDialogProps {
    pub lang: Lang,
    /// Why the last try could not be added (the dialog stays open with it).
    pub error: Option<RecordError>,
    pub on_action: Callback<Action>,
}

/// The caption (both languages), what to highlight and a question for the room.
#[function_component(RecordStepDialog)]
pub fn record_step_dialog(props: &RecordStepDialogProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let fields = use_state(|| {
        [
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]
    });
    let set = |i: usize| {
        let fields = fields.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_dyn_into::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .or_else(|| e.target_dyn_into::<HtmlInputElement>().map(|t| t.value()))
                .unwrap_or_default();
            let mut next = (*fields).clone();
            next[i] = value;
            fields.set(next);
        })
    };
    let on_highlight = {
        let fields = fields.clone();
        Callback::from(move |e: Event| {
            let mut next = (*fields).clone();
            next[2] = e.target_unchecked_into::<HtmlSelectElement>().value();
            fields.set(next);
        })
    };
    let on_submit = {
        let (on_action, fields) = (props.on_action.clone(), fields.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let [caption, caption_en, highlight, question, question_en] = (*fields).clone();
            let question = (!question.trim().is_empty() || !question_en.trim().is_empty())
                .then(|| (question.clone(), question_en.clone()));
            on_action.emit(Action::RecordStep {
                caption,
                caption_en,
                highlight: (!highlight.is_empty()).then_some(highlight),
                question,
            });
        })
    };
    let on_close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: ()| on_action.emit(Action::CloseDialog))
    };
    html! {
        <Modal id="record-step-dialog" title={text.add_step} {lang} {on_close}>
            <form class="record-step" onsubmit={on_submit}>
                <label for="step-caption">{ text.step_caption }</label>
                <textarea id="step-caption" rows="3" oninput={set(0)} value={fields[0].clone()} />
                <label for="step-caption-en">{ text.step_caption_en }</label>
                <textarea id="step-caption-en" rows="3" oninput={set(1)} value={fields[1].clone()} />
                <label for="step-highlight">{ text.step_highlight }</label>
                <select id="step-highlight" onchange={on_highlight}>
                    <option value="">{ "—" }</option>
                    { for Chart::ALL.into_iter().map(|chart| html! { <option value={chart.id()}>{ chart_title(chart, lang) }</option> }) }
                </select>
                <label for="step-question">{ text.step_question }</label>
                <input id="step-question" type="text" oninput={set(3)} value={fields[3].clone()} />
                <label for="step-question-en">{ text.step_question_en }</label>
                <input id="step-question-en" type="text" oninput={set(4)} value={fields[4].clone()} />
                if let Some(error) = &props.error {
                    <p class="field-error" role="alert">{ record_error_message(error, lang) }</p>
                }
                <button type="submit" class="apply">{ text.save_step }</button>
            </form>
        </Modal>
    }
}
