//! The trainer's recorded stories in the stories dialog, kept in this browser beside the saves:
//! each to present, rename, export as a file, copy as a link, print as a handout or delete (with
//! undo here, while the dialog is open).

use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::download::download_text;
use super::handout::story_url;
use super::storage::{local_time, now};
use swplan_plans::state::{Action, UndoHint};
use swplan_plans::story::kept::KeptStory;
use swplan_plans::story::Story;
use swplan_words::notices::undo_hint_text;
use swplan_words::presenting::{presenting, recorded_on};
use swplan_words::strings::{naming, strings};
use swplan_words::Lang;

/// Copies `text`: with the clipboard API where the page may use it (a secure context), else by
/// selecting `field` and asking the browser to copy (intranet pages served over plain http have
/// no clipboard API). `false` when both are refused.
pub async fn copy_text(text: &str, field: &NodeRef) -> bool {
    let navigator = gloo::utils::window().navigator();
    let has_api = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if has_api
        && JsFuture::from(navigator.clipboard().write_text(text))
            .await
            .is_ok()
    {
        return true;
    }
    let Some(input) = field.cast::<HtmlInputElement>() else {
        return false;
    };
    let _ = input.focus();
    input.select();
    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDocument>(gloo::utils::document())
        .ok()
        .and_then(|document| document.exec_command("copy").ok())
        .unwrap_or(false)
}

#[derive(Properties, PartialEq)]
pub struct RecordedStoriesProps {
    pub lang: Lang,
    pub stories: Vec<KeptStory>,
    pub undo_hint: Option<UndoHint>,
    pub on_open: Callback<Rc<Story>>,
    pub on_handout: Callback<Rc<Story>>,
    pub on_action: Callback<Action>,
}

#[function_component(RecordedStories)]
pub fn recorded_stories(props: &RecordedStoriesProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let words = presenting(lang);
    // The story being renamed, and the one whose link was copied (with whether it worked).
    let renaming = use_state(|| None::<String>);
    let draft = use_state(String::new);
    let copied = use_state(|| None::<(String, bool, String)>);
    let field = use_node_ref();
    let items = props.stories.iter().map(|kept| {
        let story = Rc::clone(&kept.story);
        let id = kept.id.clone();
        let title = lang.pick(&story.title, &story.title_en).to_string();
        let emit = |action: Action| {
            let on_action = props.on_action.clone();
            Callback::from(move |_| on_action.emit(action.clone()))
        };
        let on_open = {
            let (on_open, story) = (props.on_open.clone(), Rc::clone(&story));
            Callback::from(move |_| on_open.emit(Rc::clone(&story)))
        };
        let on_handout = {
            let (on_handout, story) = (props.on_handout.clone(), Rc::clone(&story));
            Callback::from(move |_| on_handout.emit(Rc::clone(&story)))
        };
        let on_export = {
            let story = Rc::clone(&story);
            Callback::from(move |_| {
                let _ = download_text("swplan-story.json", "application/json", &story.to_json());
            })
        };
        let on_copy = {
            let (story, copied, field, id) = (Rc::clone(&story), copied.clone(), field.clone(), id.clone());
            Callback::from(move |_| {
                let link = story_url(&story).unwrap_or_default();
                // The field shows the link first, so a refused clipboard can select it.
                copied.set(Some((id.clone(), false, link.clone())));
                let (copied, field, id) = (copied.clone(), field.clone(), id.clone());
                spawn_local(async move {
                    let done = copy_text(&link, &field).await;
                    copied.set(Some((id, done, link)));
                });
            })
        };
        let on_rename = {
            let (on_action, renaming, draft, id) =
                (props.on_action.clone(), renaming.clone(), draft.clone(), id.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                on_action.emit(Action::RenameStory {
                    id: id.clone(),
                    title: (*draft).clone(),
                    now: now(),
                });
                renaming.set(None);
            })
        };
        let on_draft = {
            let draft = draft.clone();
            Callback::from(move |e: InputEvent| {
                draft.set(e.target_unchecked_into::<HtmlInputElement>().value())
            })
        };
        let start_rename = {
            let (renaming, draft, id, title) =
                (renaming.clone(), draft.clone(), id.clone(), title.clone());
            Callback::from(move |_| {
                draft.set(title.clone());
                renaming.set(Some(id.clone()));
            })
        };
        let copy_row = copied.as_ref().filter(|(copied_id, _, _)| *copied_id == id).cloned();
        html! {
            <li class="story" data-id={id.clone()}>
                <div>
                    if renaming.as_deref() == Some(id.as_str()) {
                        <form class="story-rename" onsubmit={on_rename}>
                            <label>
                                <span class="visually-hidden">{ words.rename_label }</span>
                                <input type="text" class="story-rename-field" value={(*draft).clone()} oninput={on_draft} maxlength="60" />
                            </label>
                            <button type="submit" class="apply">{ words.rename }</button>
                        </form>
                    } else {
                        <strong>{ title.clone() }</strong>
                    }
                    <p class="muted">{ recorded_on(&local_time(&kept.created), story.steps().len(), lang) }</p>
                    if let Some((_, done, link)) = copy_row {
                        <input type="text" readonly=true class="story-link-field" value={link} aria-label={text.story_link} ref={field.clone()} />
                        <span class="copy-status" role="status">{ if done { words.copied } else { words.copy_failed } }</span>
                    }
                </div>
                <span class="story-actions">
                    <button type="button" class="apply" onclick={on_open}>
                        { text.present_story }<span class="visually-hidden">{ naming(&title, lang) }</span>
                    </button>
                    <button type="button" class="link copy-link" onclick={on_copy}>{ words.copy_link }</button>
                    <button type="button" class="link" onclick={on_handout}>{ words.handout }</button>
                    <button type="button" class="link" onclick={on_export}>{ words.export }</button>
                    <button type="button" class="link" onclick={start_rename}>{ words.rename }</button>
                    <button type="button" class="link danger" onclick={emit(Action::DeleteStory(id.clone()))}>
                        { words.delete }<span class="visually-hidden">{ naming(&title, lang) }</span>
                    </button>
                </span>
            </li>
        }
    });
    html! {
        <section class="recorded-stories" aria-labelledby="recorded-stories-heading">
            <h3 id="recorded-stories-heading">{ words.my_stories }</h3>
            if let Some(hint @ UndoHint::StoryDeleted { .. }) = &props.undo_hint {
                <p class="notice undo-hint" role="status">
                    <span>{ undo_hint_text(hint, lang) }</span>
                    <button type="button" class="undo" id="restore-story"
                            onclick={{ let a = props.on_action.clone(); Callback::from(move |_| a.emit(Action::RestoreStory)) }}>
                        { text.undo }
                    </button>
                </p>
            }
            if props.stories.is_empty() {
                <p class="muted">{ words.no_stories }</p>
            } else {
                <ul class="stories">{ for items }</ul>
            }
        </section>
    }
}
