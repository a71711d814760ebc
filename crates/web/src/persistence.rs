//! Where a plan lives outside the page: the address (always the current plan, replaced while
//! editing so the history is not spammed), the autosave (the working plan survives a reload
//! or a browser restart, and so does how it was looked at: the view settings), the named
//! saves and the plans kept aside (written back when they change; other tabs' changes read
//! in). What opens is decided by `State::open_page`.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::app_state::AppState;
use super::storage::{self, KEPT_KEY, SAVES_KEY, STORIES_KEY};
use swplan_plans::share::{self, PlanSpec};
use swplan_plans::state::{Action, Notice, State};
use swplan_words::Lang;

/// Wait this long after the last edit before writing the autosave and the address.
const DEBOUNCE_MS: u32 = 400;

/// The state the page starts in: what `State::open_page` makes of the address and of what
/// this browser stores, with the slider edits made in the first view.
pub fn initial_state() -> State {
    let lang = storage::lang_from_address()
        .or_else(storage::load_lang)
        .unwrap_or_default();
    let stored = storage::available().then(storage::read_stored);
    let mut state = State::open_page(&storage::address_query(), lang, stored, &storage::now());
    // What the planner did with the first view's sliders while the app loaded: their own
    // changes to the plan it drew, the same that opens here, one undo step each.
    for (key, value) in storage::take_first_view_edits() {
        state.apply(Action::SetValue { key, value });
    }
    state
}

/// The query of the address for the state: every plan on screen, and the story being told.
pub fn address_query(state: &State) -> String {
    let mut query = share::encode(&state.specs(), None);
    if let Some(place) = state
        .session
        .presenter
        .as_ref()
        .and_then(|p| p.story.as_ref())
    {
        if swplan_plans::story::by_id(&place.story.id).is_some() {
            query.push_str(&format!("&story={}&step={}", place.story.id, place.step));
        }
    }
    // The manual open over the plan stays open on a reload.
    if let Some(topic) = state.session.help {
        query = swplan_plans::help::with_topic(&query, Some(topic));
    }
    query
}

/// What the presenter's QR code opens on the participants' phones: at a story step with a
/// question, the step's prediction link (the question to answer first); else the address.
pub fn participant_query(state: &State) -> String {
    let place = state
        .session
        .presenter
        .as_ref()
        .and_then(|p| p.story.as_ref())
        .filter(|place| !place.intro);
    place
        .filter(|place| {
            place
                .story
                .steps()
                .get(place.step)
                .is_some_and(|s| s.question.is_some())
        })
        .and_then(|place| {
            swplan_plans::story::prediction_link(&place.story, place.step, None, None).ok()
        })
        .unwrap_or_else(|| address_query(state))
}

/// The link of a plan (the query, without `?`).
pub fn link_query(plan: &PlanSpec, lang: Option<Lang>) -> String {
    share::encode(std::slice::from_ref(plan), lang)
}

/// The full address of a link, on this page's own location (works from any folder).
pub fn link_url(query: &str) -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}?{query}")
}

/// Whether the page is opened from this computer only (localhost, 127.x, a file), so a link or
/// QR code made here cannot be opened on anyone else's phone.
pub fn address_is_local() -> bool {
    let location = gloo::utils::window().location();
    let host = location.hostname().unwrap_or_default();
    let protocol = location.protocol().unwrap_or_default();
    protocol == "file:"
        || host == "localhost"
        || host.starts_with("127.")
        || host == "[::1]"
        || host.is_empty()
}

/// Keeps the address, the autosave and the stored saves in step with the state.
#[hook]
pub fn use_persistence(state: &UseReducerHandle<AppState>, on_action: Callback<Action>) {
    let available = state.session.library.available;
    // What changes the address: each plan's result and name, the Monte Carlo settings, the
    // story step. Cheap to compare; the link itself is encoded once the edits pause.
    let key = (
        state
            .plans
            .iter()
            .map(|p| (Rc::as_ptr(&p.computed) as usize, p.name.clone()))
            .collect::<Vec<_>>(),
        state.session.mc,
        state
            .session
            .presenter
            .as_ref()
            .and_then(|p| p.story.as_ref().map(|s| (s.story.id.clone(), s.step))),
    );

    // The address and the autosave follow the plans on screen, a moment after the last edit.
    {
        let (on_action, handle) = (on_action.clone(), state.clone());
        use_effect_with(key, move |_| {
            let timer = Timeout::new(DEBOUNCE_MS, move || {
                let query = address_query(&handle);
                if let Ok(history) = gloo::utils::window().history() {
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&format!("?{query}")),
                    );
                }
                if available && !storage::save_autosave(&handle.autosave(), &storage::now()) {
                    on_action.emit(Action::Notify(Notice::StorageFailed));
                }
            });
            move || drop(timer)
        });
    }

    // How the planner looks at the plan (the re-projection drawn) is kept over a reload.
    {
        let on_action = on_action.clone();
        use_effect_with(state.stored_view(), move |view| {
            if available && storage::load_view() != *view && !storage::save_view(*view) {
                on_action.emit(Action::Notify(Notice::StorageFailed));
            }
        });
    }

    // The named saves are written whenever they change here.
    {
        let saves = state.session.library.saves.clone();
        let on_action = on_action.clone();
        use_effect_with(state.session.library.revision, move |revision| {
            if *revision > 0 && available && !storage::save_library(&saves) {
                on_action.emit(Action::Notify(Notice::StorageFailed));
            }
        });
    }

    // The plans kept aside are written whenever they change here.
    {
        let kept = state.session.kept.plans.clone();
        let on_action = on_action.clone();
        use_effect_with(state.session.kept.revision, move |revision| {
            if *revision > 0 && available && !storage::save_kept(&kept) {
                on_action.emit(Action::Notify(Notice::StorageFailed));
            }
        });
    }

    // The recorded stories are written whenever they change here.
    {
        let stories = state.session.stories.stories.clone();
        let on_action = on_action.clone();
        use_effect_with(state.session.stories.revision, move |revision| {
            if *revision > 0 && available && !storage::save_stories(&stories) {
                on_action.emit(Action::Notify(Notice::StorageFailed));
            }
        });
    }

    // Another tab changed the saves, the kept plans or the stories: read them in.
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
            let key =
                wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(event).and_then(|e| e.key());
            if [SAVES_KEY, KEPT_KEY, STORIES_KEY]
                .iter()
                .any(|k| key.as_deref() == Some(*k))
            {
                let stored = storage::read_stored();
                on_action.emit(Action::LibraryFromStorage(stored.saves));
                on_action.emit(Action::KeptFromStorage(stored.kept));
                on_action.emit(Action::StoriesFromStorage(stored.stories));
                for aside in stored.set_aside {
                    if let Some(unreadable) = aside.found_now {
                        on_action.emit(Action::Notify(Notice::StorageSetAside {
                            entry: aside.entry,
                            key: aside.key,
                            unreadable,
                        }));
                    }
                }
            }
        });
        move || drop(listener)
    });
}
