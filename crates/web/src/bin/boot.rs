//! The first view (`swplan_render::first_view`): loaded before the app, it draws the plan the app is
//! about to open, then the page loads the app, which takes its place. Built by Trunk beside the
//! app (`index.html`, feature `first-view`: presets without their provenance); natively it only
//! explains.

#[cfg(target_arch = "wasm32")]
fn main() {
    use swplan_render::first_view::{
        render, starting_plan, Autosave, AUTOSAVE_KEY, AUTOSAVE_LINK_KEY, LANG_KEY,
    };
    use swplan_words::Lang;

    // Nothing here may fail loudly: whatever is missing, the app draws the page itself.
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    // The app was quicker (a cached build): it owns the page.
    if root.query_selector(".loading").ok().flatten().is_none() {
        return;
    }
    let query = window.location().search().unwrap_or_default();
    let storage = window.local_storage().ok().flatten();
    let stored = |key: &str| {
        storage
            .as_ref()
            .and_then(|s| s.get_item(key).ok().flatten())
    };
    let link = stored(AUTOSAVE_LINK_KEY);
    let autosave = match (stored(AUTOSAVE_KEY), &link) {
        (None, _) => Autosave::None,
        (Some(_), Some(link)) => Autosave::Link(link),
        (Some(_), None) => Autosave::Unreadable,
    };
    let Some(start) = starting_plan(&query, autosave) else {
        return;
    };
    // As the app decides: the link's language, else the address's, else the remembered one.
    let lang = start
        .lang
        .or_else(|| swplan_plans::share::lang_in_query(&query))
        .or_else(|| stored(LANG_KEY).and_then(|tag| Lang::from_tag(&tag)))
        .unwrap_or_default();
    let width = window
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(1200.0);
    if let Some(html) = render(&start.scenario, lang, start.notes, width) {
        root.set_inner_html(&html);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The first view runs in the browser; ./scripts/serve.sh builds it with the app.");
    std::process::exit(2);
}
