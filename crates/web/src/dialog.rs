//! A modal dialog on the browser's own `<dialog>`: it sits in the top layer (nothing clips it),
//! keeps keyboard focus inside, and Esc closes it — which the page hears as `on_close`.

use gloo::events::EventListener;
use web_sys::HtmlDialogElement;
use yew::prelude::*;

use swplan_words::strings::strings;
use swplan_words::Lang;

#[derive(Properties, PartialEq)]
pub struct DialogProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub lang: Lang,
    pub on_close: Callback<()>,
    pub children: Children,
}

#[function_component(Dialog)]
pub fn dialog(props: &DialogProps) -> Html {
    let node = use_node_ref();
    {
        let (node, on_close) = (node.clone(), props.on_close.clone());
        use_effect_with((), move |_| {
            let mut listener = None;
            if let Some(dialog) = node.cast::<HtmlDialogElement>() {
                let _ = dialog.show_modal();
                // Esc (the browser's "cancel") and any other way of closing end up here.
                listener = Some(EventListener::new(&dialog, "close", move |_| {
                    on_close.emit(())
                }));
            }
            move || {
                drop(listener);
                if let Some(dialog) = node.cast::<HtmlDialogElement>() {
                    dialog.close();
                }
            }
        });
    }
    let close = {
        let node = node.clone();
        Callback::from(move |_| {
            if let Some(dialog) = node.cast::<HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    let title_id = format!("{}-title", props.id);
    html! {
        <dialog class="dialog" id={props.id.clone()} ref={node} aria-labelledby={title_id.clone()}>
            <header class="dialog-head">
                <h2 id={title_id}>{ props.title.clone() }</h2>
                <button type="button" class="dialog-close" onclick={close}>
                    <span aria-hidden="true">{ "×" }</span>
                    <span class="visually-hidden">{ strings(props.lang).close }</span>
                </button>
            </header>
            <div class="dialog-body">{ for props.children.iter() }</div>
        </dialog>
    }
}
