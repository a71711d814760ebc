//! The browser's localStorage: the language and the view settings, the named saves, the
//! autosave, the plans kept aside, the recorded stories. Storage may be full, blocked or absent (private modes, intranet policies): every read
//! falls back, every write reports failure, and an entry that cannot be read is copied aside
//! before anything is written over it. The formats are `swplan_plans::share::save`'s,
//! versioned like links.

use web_sys::Storage;

use swplan_plans::share;
use swplan_plans::share::save::{self, SavedPlan};
use swplan_plans::state::{Autosave, SetAside, Stored, StoredEntry, StoredView, Unreadable};
use swplan_plans::story::kept::{self as kept_stories, KeptStory};
use swplan_render::first_view::{read_edits, AUTOSAVE_LINK_KEY, EDITS_ATTR, FOCUS_ATTR, LANG_KEY};
use swplan_words::Lang;

/// The named saves, a save file of many plans.
pub const SAVES_KEY: &str = "swplan.v1.saves";
/// The working plan, a save file of one plan (its link is kept beside it for the first view).
pub use swplan_render::first_view::AUTOSAVE_KEY;
/// Where an earlier version of the app kept the one working plan a link replaced; read once
/// into the plans kept aside.
const PREVIOUS_AUTOSAVE_KEY: &str = "swplan.v1.autosave.previous";

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

/// Takes an attribute the first view left on the document (see `first_view::EDITS_ATTR`):
/// read once, then removed, so a later mount of the app does not apply it again.
fn take_document_attribute(name: &str) -> Option<String> {
    let root = gloo::utils::document().document_element()?;
    let value = root.get_attribute(name);
    let _ = root.remove_attribute(name);
    value
}

/// The slider edits the planner made in the first view, to apply to the plan it drew.
pub fn take_first_view_edits() -> Vec<(&'static str, f64)> {
    take_document_attribute(EDITS_ATTR).map_or_else(Vec::new, |text| read_edits(&text))
}

/// The parameter whose slider had the focus in the first view, if one had.
pub fn take_first_view_focus() -> Option<String> {
    take_document_attribute(FOCUS_ATTR)
}

/// The plans kept aside (a plan the planner edited that another replaced), a save file.
pub const KEPT_KEY: &str = "swplan.v1.kept";
/// The trainer's recorded stories (`swplan_plans::story::kept`'s format, versioned inside).
pub const STORIES_KEY: &str = "swplan.v1.stories";
/// The plan as a link opened it, beside the autosave, as that link.
const AUTOSAVE_OPENED_KEY: &str = "swplan.v1.autosave.opened";
/// Where unreadable data is copied: this prefix, the key it was under, `.`, the time in ms.
const SET_ASIDE_PREFIX: &str = "swplan.corrupt.";

fn remove(key: &str) -> bool {
    local().is_some_and(|s| s.remove_item(key).is_ok())
}

/// Every key in storage.
fn keys() -> Vec<String> {
    let Some(storage) = local() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect()
}

/// Everything the app keeps in this browser, as a page opens. What cannot be read is copied
/// aside first, then the readable part is written back, so the planner is told once and
/// nothing stored is ever lost.
pub fn read_stored() -> Stored {
    let (autosave_plans, autosave_aside) = load_plans(AUTOSAVE_KEY, StoredEntry::Autosave);
    let autosave = autosave_plans.into_iter().next().map(|saved| Autosave {
        plan: saved.plan(),
        save_id: get(AUTOSAVE_SAVE_KEY),
        opened_as: get(AUTOSAVE_OPENED_KEY)
            .and_then(|query| share::decode(&query).plans.into_iter().next()),
    });
    let (saves, saves_aside) = load_plans(SAVES_KEY, StoredEntry::Saves);
    let (mut kept, kept_aside) = load_plans(KEPT_KEY, StoredEntry::Kept);
    // The one plan an earlier version of the app kept aside joins the list.
    if let Some(previous) = previous_autosave() {
        if !kept
            .iter()
            .any(|k| share::same_plan(&k.plan(), &previous.plan()))
        {
            kept.push(previous);
        }
        if save_kept(&kept) {
            remove(PREVIOUS_AUTOSAVE_KEY);
        }
    }
    let (stories, stories_aside) = load_stories();
    let found_now = [autosave_aside, saves_aside, kept_aside, stories_aside];
    let mut set_aside: Vec<SetAside> = found_now.iter().flatten().cloned().collect();
    // Copies from earlier visits, listed until the planner deletes them.
    for key in keys() {
        if set_aside.iter().any(|aside| aside.key == key) {
            continue;
        }
        if let Some((entry, at)) = set_aside_of(&key) {
            set_aside.push(SetAside {
                key,
                entry,
                at,
                found_now: None,
            });
        }
    }
    Stored {
        autosave,
        saves,
        kept,
        stories,
        set_aside,
        view: load_view(),
    }
}

/// How the planner last looked at the plan (`StoredView`): kept in this browser like the
/// language, never in a link.
const VIEW_KEY: &str = "swplan.v1.view";

/// The view settings stored, or the default view.
pub fn load_view() -> StoredView {
    get(VIEW_KEY).map_or_else(StoredView::default, |text| StoredView::from_json(&text))
}

/// Writes the view settings; `false` when the browser refused.
pub fn save_view(view: StoredView) -> bool {
    if view == StoredView::default() {
        return remove(VIEW_KEY);
    }
    set(VIEW_KEY, &view.to_json())
}

/// Reads the recorded stories: the readable ones, and the copy of what could not be read (the
/// whole text, when any story in it could not be).
fn load_stories() -> (Vec<KeptStory>, Option<SetAside>) {
    let Some(text) = get(STORIES_KEY) else {
        return (Vec::new(), None);
    };
    let (stories, unreadable) = match kept_stories::from_json(&text) {
        Ok(read) if read.unreadable == 0 => (read.stories, None),
        Ok(read) => {
            let unreadable = Unreadable::Stories {
                unreadable: read.unreadable,
                readable: read.stories.len(),
            };
            (read.stories, Some(unreadable))
        }
        Err(error) => (Vec::new(), Some(Unreadable::Whole(error))),
    };
    let Some(unreadable) = unreadable else {
        return (stories, None);
    };
    let Some(aside) = set_aside(STORIES_KEY, &text) else {
        return (stories, None);
    };
    if stories.is_empty() {
        remove(STORIES_KEY);
    } else {
        set(STORIES_KEY, &kept_stories::to_json(&stories));
    }
    let at = set_aside_of(&aside).map(|(_, at)| at).unwrap_or_default();
    let aside = SetAside {
        key: aside,
        entry: StoredEntry::Stories,
        at,
        found_now: Some(unreadable),
    };
    (stories, Some(aside))
}

/// Writes the recorded stories; `false` when the browser refused.
pub fn save_stories(stories: &[KeptStory]) -> bool {
    if stories.is_empty() {
        return remove(STORIES_KEY);
    }
    set(STORIES_KEY, &kept_stories::to_json(stories))
}

/// What a set-aside copy's key says: which list it was, and when (ISO 8601).
fn set_aside_of(key: &str) -> Option<(StoredEntry, String)> {
    let (original, millis) = key.strip_prefix(SET_ASIDE_PREFIX)?.rsplit_once('.')?;
    let entry = match original {
        SAVES_KEY => StoredEntry::Saves,
        AUTOSAVE_KEY | PREVIOUS_AUTOSAVE_KEY => StoredEntry::Autosave,
        KEPT_KEY => StoredEntry::Kept,
        STORIES_KEY => StoredEntry::Stories,
        _ => return None,
    };
    let millis: f64 = millis.parse().ok()?;
    let at = js_sys::Date::new(&millis.into()).to_iso_string();
    Some((entry, String::from(at)))
}

/// Reads the plans stored under `key`: the readable ones, and the copy of what could not be
/// read (a corrupt list whole; a list with some unreadable plans too, since writing the list
/// back drops them).
fn load_plans(key: &str, entry: StoredEntry) -> (Vec<SavedPlan>, Option<SetAside>) {
    let Some(text) = get(key) else {
        return (Vec::new(), None);
    };
    let (plans, unreadable) = match save::from_json(&text) {
        Ok(imported) if imported.rejected.is_empty() => (imported.plans, None),
        Ok(imported) => {
            let readable = imported.plans.len();
            let rejected = imported.rejected;
            (
                imported.plans,
                Some(Unreadable::Plans { rejected, readable }),
            )
        }
        Err(error) => (Vec::new(), Some(Unreadable::Whole(error))),
    };
    let Some(unreadable) = unreadable else {
        return (plans, None);
    };
    let Some(aside) = set_aside(key, &text) else {
        // Storage refused the copy: leave the original as it is, to be read again next time.
        return (plans, None);
    };
    // The original is kept in its copy: the readable part takes its place.
    if plans.is_empty() {
        remove(key);
    } else {
        set(key, &save::to_json(&plans));
    }
    let at = set_aside_of(&aside).map(|(_, at)| at).unwrap_or_default();
    let aside = SetAside {
        key: aside,
        entry,
        at,
        found_now: Some(unreadable),
    };
    (plans, Some(aside))
}

/// Copies unreadable `text` of `key` aside (once: the same text set aside before is not copied
/// again); the copy's key, or `None` when storage refused.
fn set_aside(key: &str, text: &str) -> Option<String> {
    let prefix = format!("{SET_ASIDE_PREFIX}{key}.");
    if let Some(existing) = keys()
        .into_iter()
        .find(|k| k.starts_with(&prefix) && get(k).as_deref() == Some(text))
    {
        return Some(existing);
    }
    let aside = format!("{prefix}{}", js_sys::Date::now() as u64);
    set(&aside, text).then_some(aside)
}

/// The text of a set-aside copy, to download.
pub fn set_aside_text(key: &str) -> Option<String> {
    key.starts_with(SET_ASIDE_PREFIX)
        .then(|| get(key))
        .flatten()
}

/// Deletes a set-aside copy (the planner asked); `false` when the browser refused.
pub fn delete_set_aside(key: &str) -> bool {
    key.starts_with(SET_ASIDE_PREFIX) && remove(key)
}

/// Writes the named saves; `false` when the browser refused (full or blocked storage).
pub fn save_library(saves: &[SavedPlan]) -> bool {
    set(SAVES_KEY, &save::to_json(saves))
}

/// Writes the plans kept aside; `false` when the browser refused.
pub fn save_kept(kept: &[SavedPlan]) -> bool {
    if kept.is_empty() {
        return remove(KEPT_KEY);
    }
    set(KEPT_KEY, &save::to_json(kept))
}

/// The named save the working plan came from, kept beside the autosave.
const AUTOSAVE_SAVE_KEY: &str = "swplan.v1.autosave.save";

/// Writes the working plan, the named save it came from and the link it was opened from.
pub fn save_autosave(autosave: &Autosave, now: &str) -> bool {
    let plan = &autosave.plan;
    let saved = SavedPlan::new("autosave", plan.clone(), now, now);
    let link = share::encode(std::slice::from_ref(plan), None);
    let beside = |key: &str, value: Option<String>| match value {
        Some(value) => set(key, &value),
        None => remove(key),
    };
    let from = beside(AUTOSAVE_SAVE_KEY, autosave.save_id.clone());
    let opened = beside(
        AUTOSAVE_OPENED_KEY,
        autosave
            .opened_as
            .as_ref()
            .map(|opened| share::encode(std::slice::from_ref(opened), None)),
    );
    set(AUTOSAVE_KEY, &save::to_json(&[saved])) && set(AUTOSAVE_LINK_KEY, &link) && from && opened
}

/// The plan an earlier version of the app kept aside when a link replaced it, if any.
fn previous_autosave() -> Option<SavedPlan> {
    let text = get(PREVIOUS_AUTOSAVE_KEY)?;
    let plan = save::from_json(&text).ok()?.plans.into_iter().next()?;
    Some(SavedPlan {
        id: format!("kept-previous-{}", js_sys::Date::now() as u64),
        ..plan
    })
}

/// A stored timestamp (ISO 8601, UTC) in the viewer's local time: "2026-11-23 18:05".
pub fn local_time(iso: &str) -> String {
    let date = js_sys::Date::new(&iso.into());
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
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
