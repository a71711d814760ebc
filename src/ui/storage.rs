//! The language preference in localStorage. Storage may be full, blocked or absent (private
//! modes, intranet policies): reading falls back to Chinese, writing reports failure.

use gloo::storage::{LocalStorage, Storage};

use crate::i18n::Lang;

const LANG_KEY: &str = "swplan.lang";

/// The remembered language, if any.
pub fn load_lang() -> Option<Lang> {
    LocalStorage::get::<String>(LANG_KEY)
        .ok()
        .and_then(|tag| Lang::from_tag(&tag))
}

/// A language asked for in the address (`?lang=en`), which wins over the remembered one so
/// that a trainer can hand out a link in either language.
pub fn lang_from_address() -> Option<Lang> {
    let search = gloo::utils::window().location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(Lang::from_tag)
}

/// Remembers the language; `false` when the browser refused.
pub fn save_lang(lang: Lang) -> bool {
    LocalStorage::set(LANG_KEY, lang.tag()).is_ok()
}
