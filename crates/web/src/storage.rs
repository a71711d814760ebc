//! The browser's localStorage: the language, the named saves, the autosave. Storage may be full,
//! blocked or absent (private modes, intranet policies): every read falls back, every write
//! reports failure, and an entry that cannot be read is moved aside, never overwritten. The
//! formats are `swplan_plans::share::save`'s, versioned like links.

use web_sys::Storage;

use swplan_plans::share::save::{self, SavedPlan};
use swplan_plans::share::PlanSpec;
use swplan_render::first_view::{AUTOSAVE_LINK_KEY, LANG_KEY};
use swplan_words::Lang;

/// The named saves, a save file of many plans.
pub const SAVES_KEY: &str = "swplan.v1.saves";
/// The working plan, a save file of one plan (its link is kept beside it for the first view).
pub use swplan_render::first_view::AUTOSAVE_KEY;
/// The working plan a link replaced, so it can be brought back.
pub const PREVIOUS_AUTOSAVE_KEY: &str = "swplan.v1.autosave.previous";

fn local() -> Option<Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) -> bool {
    local().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Whether the browser stores anything: writes and removes a probe.
pub fn available() -> bool {
    let probe = "swplan.probe";
    set(probe, "1") && local().is_some_and(|s| s.remove_item(probe).is_ok())
}

/// The remembered language, if any.
pub fn load_lang() -> Option<Lang> {
    get(LANG_KEY).and_then(|tag| Lang::from_tag(&tag))
}

/// A language asked for in the address (`?lang=en`), which wins over the remembered one so
/// that a trainer can hand out a link in either language.
pub fn lang_from_address() -> Option<Lang> {
    swplan_plans::share::lang_in_query(&address_query())
}

/// Remembers the language; `false` when the browser refused.
pub fn save_lang(lang: Lang) -> bool {
    set(LANG_KEY, lang.tag())
}

/// The query part of the page's address (`?…`, or empty).
pub fn address_query() -> String {
    gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
}

/// What reading a stored list of plans gave.
pub struct Stored {
    pub plans: Vec<SavedPlan>,
    /// The key the unreadable original was copied to, when something could not be read.
    pub moved_aside: Option<String>,
}

/// Reads the plans stored under `key`. What cannot be read is copied aside first (a corrupt
/// file whole; a file with some unreadable plans too, since writing the list back would drop
/// them), so nothing stored is ever lost.
pub fn load_plans(key: &str) -> Stored {
    let Some(text) = get(key) else {
        return Stored {
            plans: Vec::new(),
            moved_aside: None,
        };
    };
    let (plans, damaged) = match save::from_json(&text) {
        Ok(imported) => {
            let damaged = !imported.rejected.is_empty();
            (imported.plans, damaged)
        }
        Err(_) => (Vec::new(), true),
    };
    let moved_aside = damaged.then(|| {
        let aside = format!("swplan.corrupt.{key}.{}", js_sys::Date::now() as u64);
        set(&aside, &text);
        aside
    });
    Stored { plans, moved_aside }
}

/// Writes the named saves; `false` when the browser refused (full or blocked storage).
pub fn save_library(saves: &[SavedPlan]) -> bool {
    set(SAVES_KEY, &save::to_json(saves))
}

/// The named save the working plan came from, kept beside the autosave.
const AUTOSAVE_SAVE_KEY: &str = "swplan.v1.autosave.save";

/// Writes the working plan, and the named save it came from if any.
pub fn save_autosave(plan: &PlanSpec, save_id: Option<&str>, now: &str) -> bool {
    let saved = SavedPlan::new("autosave", plan.clone(), now, now);
    let link = swplan_plans::share::encode(std::slice::from_ref(plan), None);
    let from = match save_id {
        Some(id) => set(AUTOSAVE_SAVE_KEY, id),
        None => local().is_some_and(|s| s.remove_item(AUTOSAVE_SAVE_KEY).is_ok()),
    };
    set(AUTOSAVE_KEY, &save::to_json(&[saved])) && set(AUTOSAVE_LINK_KEY, &link) && from
}

/// The named save the autosaved plan came from, if any.
pub fn autosave_save_id() -> Option<String> {
    get(AUTOSAVE_SAVE_KEY)
}

/// Keeps the current autosave aside (a link is about to replace the working plan).
pub fn keep_autosave_aside() -> bool {
    match get(AUTOSAVE_KEY) {
        Some(text) => set(PREVIOUS_AUTOSAVE_KEY, &text),
        None => false,
    }
}

/// The plan kept aside by [`keep_autosave_aside`].
pub fn previous_autosave() -> Option<PlanSpec> {
    load_plans(PREVIOUS_AUTOSAVE_KEY)
        .plans
        .into_iter()
        .next()
        .map(|s| s.plan())
}

/// Now, as ISO 8601 (UTC), for save timestamps.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A fresh id for a save: time and randomness, unique in practice across tabs.
pub fn fresh_id() -> String {
    format!(
        "p{:x}{:x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e9) as u64
    )
}
