//! The first view (`swplan_render::first_view`): loaded before the app, it draws the plan the app is
//! about to open, with live sliders, then the page loads the app, which takes its place with the
//! slider edits applied. Built by Trunk beside the app (`index.html`, feature `first-view`:
//! presets without their provenance); natively it only explains.

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
    if let Some(html) = render(&start, lang, width) {
        root.set_inner_html(&html);
        live::wire(&root, start.scenario, lang, width);
    }
}

/// The first view's sliders: each step is applied to the plan at once and handed to the app
/// (`EDITS_ATTR`); the verdicts and results are redrawn once per animation frame, for the
/// newest values, as the app coalesces a drag.
#[cfg(target_arch = "wasm32")]
mod live {
    use std::cell::RefCell;
    use std::rc::Rc;

    use gloo::events::EventListener;
    use gloo::render::{request_animation_frame, AnimationFrame};
    use swplan_engine::Scenario;
    use swplan_render::first_view::{
        edits_text, record_edit, redraw, slide, CHIPS_ID, EDITS_ATTR, FOCUS_ATTR, POINTER_ATTR,
    };
    use swplan_words::inputs::display_text;
    use swplan_words::Lang;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlInputElement};

    struct Live {
        scenario: Scenario,
        lang: Lang,
        width: f64,
        edits: Vec<(&'static str, f64)>,
        frame: Option<AnimationFrame>,
    }

    /// The slider an event came from, with its parameter's key.
    fn slider_of(target: Option<web_sys::EventTarget>) -> Option<(HtmlInputElement, String)> {
        let input: HtmlInputElement = target?.dyn_into().ok()?;
        if input.type_() != "range" {
            return None;
        }
        let key = input.get_attribute("data-key")?;
        Some((input, key))
    }

    pub fn wire(root: &Element, scenario: Scenario, lang: Lang, width: f64) {
        let Some(view) = root.first_element_child() else {
            return;
        };
        let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return;
        };
        let live = Rc::new(RefCell::new(Live {
            scenario,
            lang,
            width,
            edits: Vec::new(),
            frame: None,
        }));

        let on_input = {
            let (view, html) = (view.clone(), html.clone());
            EventListener::new(root, "input", move |event| {
                let Some((input, key)) = slider_of(event.target()) else {
                    return;
                };
                let Ok(shown) = input.value().parse::<f64>() else {
                    return;
                };
                let mut state = live.borrow_mut();
                let Some(edit) = slide(&mut state.scenario, &key, shown) else {
                    return;
                };
                record_edit(&mut state.edits, edit);
                // Handed over at once: the app may take the page before the next frame.
                let _ = html.set_attribute(EDITS_ATTR, &edits_text(&state.edits));
                if let Some(param) = swplan_engine::params::param(&key) {
                    let text = display_text(param.unit, edit.1);
                    if let Ok(Some(field)) = view.query_selector(&format!("#input-{key}")) {
                        if let Ok(field) = field.dyn_into::<HtmlInputElement>() {
                            field.set_value(&text);
                        }
                    }
                    let unit = input
                        .next_element_sibling()
                        .and_then(|f| f.next_element_sibling())
                        .and_then(|u| u.text_content())
                        .unwrap_or_default();
                    let _ = input.set_attribute("aria-valuetext", &format!("{text} {unit}"));
                }
                if state.frame.is_none() {
                    let (live, view) = (Rc::clone(&live), view.clone());
                    state.frame = Some(request_animation_frame(move |_| draw(&live, &view)));
                }
            })
        };
        let on_focus = {
            let html = html.clone();
            EventListener::new(root, "focusin", move |event| {
                match slider_of(event.target()) {
                    Some((_, key)) => {
                        let _ = html.set_attribute(FOCUS_ATTR, &key);
                    }
                    None => {
                        let _ = html.remove_attribute(FOCUS_ATTR);
                    }
                }
            })
        };
        let on_press = {
            let html = html.clone();
            EventListener::new(root, "pointerdown", move |event| {
                if slider_of(event.target()).is_some() {
                    let _ = html.set_attribute(POINTER_ATTR, "down");
                }
            })
        };
        let release = |kind: &'static str| {
            let html = html.clone();
            web_sys::window().map(|window| {
                EventListener::new(&window, kind, move |_| {
                    let _ = html.remove_attribute(POINTER_ATTR);
                })
            })
        };
        // The first view lives until the app takes the page: its listeners are never removed
        // (the elements they sit on go with it).
        for listener in [on_input, on_focus, on_press]
            .into_iter()
            .chain(release("pointerup"))
            .chain(release("pointercancel"))
        {
            listener.forget();
        }
    }

    /// Redraws the verdicts and results for the newest values, unless the app has taken the
    /// page meanwhile.
    fn draw(live: &Rc<RefCell<Live>>, view: &Element) {
        let mut state = live.borrow_mut();
        state.frame = None;
        if !view.is_connected() {
            return;
        }
        let Some(drawn) = redraw(&state.scenario, state.lang, state.width) else {
            return;
        };
        if let Ok(Some(chips)) = view.query_selector(&format!("#{CHIPS_ID}")) {
            chips.set_inner_html(&drawn.chips);
        }
        if let Ok(Some(results)) = view.query_selector("#results") {
            results.set_inner_html(&drawn.results);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The first view runs in the browser; ./scripts/serve.sh builds it with the app.");
    std::process::exit(2);
}
