//! A button with a pop-up explanation: shown on hover and keyboard focus, pinned by a click or
//! tap, closed by Esc or a second click. The pop-up is a manual popover in the browser's top
//! layer, placed inside the window: neither a scrolling column (the settings) nor a contained
//! box (each setting is contained so a slider step repaints only itself) clips it.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TipProps {
    /// The pop-up's id (the button's `aria-describedby`).
    pub id: AttrValue,
    /// The button's visible text (`i`, `?`, `来源`…).
    pub face: AttrValue,
    /// Text for screen readers after the face, when the face alone says too little (`i`).
    #[prop_or_default]
    pub hidden_label: Option<AttrValue>,
    /// CSS classes of the button.
    #[prop_or_default]
    pub class: Classes,
    /// Open above the button when there is room: for a button beside a label whose value sits
    /// below it (a card's "达成概率 ?"), so the pop-up does not hide what it explains.
    #[prop_or_default]
    pub above: bool,
    /// What a click does instead of pinning the pop-up (a setting's chip opens the planner's
    /// source form, which repeats what the pop-up says, for touch screens); `expanded` says
    /// whether what it opens is open.
    #[prop_or_default]
    pub on_click: Option<Callback<()>>,
    #[prop_or_default]
    pub expanded: Option<bool>,
    /// The button's id, when something refers to it.
    #[prop_or_default]
    pub button_id: Option<AttrValue>,
    pub children: Children,
}

/// Space kept between the pop-up and the window's edges, in CSS pixels.
const EDGE: f64 = 8.0;

#[function_component(Tip)]
pub fn tip(props: &TipProps) -> Html {
    let hovered = use_state(|| false);
    let pinned = use_state(|| false);
    let button = use_node_ref();
    let popup = use_node_ref();
    let open = *hovered || *pinned;

    // Place the pop-up after it is rendered (its size is known only then), and close it on
    // Esc anywhere or when the page scrolls under it.
    {
        let (button, popup) = (button.clone(), popup.clone());
        let (hovered, pinned) = (hovered.clone(), pinned.clone());
        let above = props.above;
        use_effect_with(open, move |open| {
            let mut listeners = Vec::new();
            if let Some(popup) = popup.cast::<HtmlElement>() {
                // Browsers without popovers show it in place (the `is-open` class).
                let _ = if *open {
                    popup.show_popover()
                } else {
                    popup.hide_popover()
                };
            }
            if *open {
                place(&button, &popup, above);
                let document = gloo::utils::document();
                let (h, p) = (hovered.clone(), pinned.clone());
                listeners.push(EventListener::new(&document, "keydown", move |e| {
                    if e.dyn_ref::<KeyboardEvent>()
                        .is_some_and(|k| k.key() == "Escape")
                    {
                        h.set(false);
                        p.set(false);
                    }
                }));
                let (h, p) = (hovered, pinned);
                let options = EventListenerOptions::run_in_capture_phase();
                listeners.push(EventListener::new_with_options(
                    &gloo::utils::window(),
                    "scroll",
                    options,
                    move |_| {
                        h.set(false);
                        p.set(false);
                    },
                ));
            }
            move || drop(listeners)
        });
    }

    let show = {
        let hovered = hovered.clone();
        Callback::from(move |_| hovered.set(true))
    };
    let hide = {
        let hovered = hovered.clone();
        Callback::from(move |_| hovered.set(false))
    };
    let on_focus = {
        let hovered = hovered.clone();
        Callback::from(move |_: FocusEvent| hovered.set(true))
    };
    let on_blur = {
        let (hovered, pinned) = (hovered.clone(), pinned.clone());
        Callback::from(move |_: FocusEvent| {
            hovered.set(false);
            pinned.set(false);
        })
    };
    let toggle = {
        let (hovered, pinned) = (hovered.clone(), pinned.clone());
        let on_click = props.on_click.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(on_click) = &on_click {
                hovered.set(false);
                pinned.set(false);
                on_click.emit(());
                return;
            }
            let now = !*pinned;
            pinned.set(now);
            if !now {
                hovered.set(false);
            }
        })
    };
    let expanded = props.expanded.unwrap_or(open);

    html! {
        <span class="tip-anchor" onmouseenter={show} onmouseleave={hide}>
            <button type="button" ref={button} class={props.class.clone()} id={props.button_id.clone()}
                    aria-describedby={props.id.clone()} aria-expanded={expanded.to_string()}
                    onclick={toggle} onfocus={on_focus} onblur={on_blur}>
                { props.face.clone() }
                if let Some(label) = &props.hidden_label {
                    <span class="visually-hidden">{ label.clone() }</span>
                }
            </button>
            <span role="tooltip" id={props.id.clone()} ref={popup} popover="manual"
                  class={classes!("tooltip", open.then_some("is-open"))}>
                { for props.children.iter() }
            </span>
        </span>
    }
}

/// Puts the pop-up below the button (above it when there is no room below, or first when
/// `above` and there is room), inside the window.
fn place(button: &NodeRef, popup: &NodeRef, above: bool) {
    let (Some(button), Some(popup)) = (button.cast::<HtmlElement>(), popup.cast::<HtmlElement>())
    else {
        return;
    };
    let window = gloo::utils::window();
    let number = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64());
    let (width, height) = (
        number(window.inner_width()).unwrap_or(1024.0),
        number(window.inner_height()).unwrap_or(768.0),
    );
    let anchor = button.get_bounding_client_rect();
    let size = popup.get_bounding_client_rect();
    let left = anchor.left().min(width - size.width() - EDGE).max(EDGE);
    let below = anchor.bottom() + 6.0;
    let over = anchor.top() - 6.0 - size.height();
    let room_above = over > EDGE;
    let top = if room_above && (above || below + size.height() > height - EDGE) {
        over
    } else {
        below
    };
    let _ = popup.set_attribute("style", &format!("left:{left:.0}px;top:{top:.0}px"));
}
