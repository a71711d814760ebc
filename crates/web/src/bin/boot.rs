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
    use swplan_engine::params::{self, Value};
    use swplan_engine::Scenario;
    use swplan_render::first_view::{
        edits_text, record_edit, redraw, slide, type_in, CHIPS_ID, EDITS_ATTR, FOCUS_ATTR,
        POINTER_ATTR,
    };
    use swplan_words::inputs::{display_text, to_display};
    use swplan_words::strings::param_unit;
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

        // A slider step: the plan at once, the drawing on the next frame.
        let on_input = {
            let (live, view, html) = (Rc::clone(&live), view.clone(), html.clone());
            EventListener::new(root, "input", move |event| {
                let Some((input, key)) = slider_of(event.target()) else {
                    return;
                };
                let Ok(shown) = input.value().parse::<f64>() else {
                    return;
                };
                let edit = slide(&mut live.borrow_mut().scenario, &key, shown);
                if let Some(edit) = edit {
                    edited(&live, &view, &html, edit);
                }
            })
        };
        // A number typed and committed (Enter, or leaving the field): refused text goes back to
        // the plan's value (the app explains such input once it is there).
        let on_change = {
            let (live, view, html) = (Rc::clone(&live), view.clone(), html.clone());
            EventListener::new(root, "change", move |event| {
                let Some(field) = event
                    .target()
                    .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                    .filter(|f| f.type_() == "text" && !f.read_only())
                else {
                    return;
                };
                let Some(key) = field.get_attribute("data-key") else {
                    return;
                };
                let edit = type_in(&mut live.borrow_mut().scenario, &key, &field.value());
                match edit {
                    Some(edit) => edited(&live, &view, &html, edit),
                    None => {
                        let state = live.borrow();
                        let first = params::value(&state.scenario, &key).map(|v| match v {
                            Value::Scalar(v) => *v,
                            Value::Yearly(y) => y.first(),
                        });
                        if let (Some(param), Some(v)) = (params::param(&key), first) {
                            field.set_value(&display_text(param.unit, v));
                        }
                    }
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
        for listener in [on_input, on_change, on_focus, on_press]
            .into_iter()
            .chain(release("pointerup"))
            .chain(release("pointercancel"))
        {
            listener.forget();
        }
    }

    /// After an edit of the plan: hands the edits to the app at once (it may take the page
    /// before the next frame), shows the value in the parameter's slider and field, and asks
    /// for a drawing on the next frame.
    fn edited(live: &Rc<RefCell<Live>>, view: &Element, html: &Element, edit: (&'static str, f64)) {
        let mut state = live.borrow_mut();
        record_edit(&mut state.edits, edit);
        let _ = html.set_attribute(EDITS_ATTR, &edits_text(&state.edits));
        let (key, value) = edit;
        if let Some(param) = params::param(key) {
            let text = display_text(param.unit, value);
            let find = |selector: String| {
                view.query_selector(&selector)
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            };
            if let Some(field) = find(format!("#input-{key}")) {
                field.set_value(&text);
            }
            if let Some(slider) = find(format!("#param-{key} input[type=range]")) {
                let shown = to_display(param.unit, value);
                if slider.value().parse::<f64>().ok() != Some(shown) {
                    slider.set_value(&shown.to_string());
                }
                let unit = param_unit(param, state.lang);
                let _ = slider.set_attribute("aria-valuetext", &format!("{text} {unit}"));
            }
        }
        if state.frame.is_none() {
            let (live, view) = (Rc::clone(live), view.clone());
            state.frame = Some(request_animation_frame(move |_| draw(&live, &view)));
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
