//! The planner's source of one value: the document, its date, and the sentence quoted or a note.
//! Saved as one undo step; a source of blanks, or "remove", takes it away.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use swplan_engine::PlannerSource;
use swplan_plans::state::Action;
use swplan_words::provenance::provenance_words;
use swplan_words::Lang;

#[derive(Properties, PartialEq)]
pub struct SourceEditorProps {
    /// The parameter's key, or `certified_total`.
    pub key_name: &'static str,
    pub lang: Lang,
    /// The source the plan holds now.
    pub current: Option<PlannerSource>,
    /// What the origin (or the planner's change) says of the value now, repeated from the
    /// chip's pop-up for screens that cannot hover.
    #[prop_or_default]
    pub about: Option<String>,
    pub on_action: Callback<Action>,
    /// The form is done (saved, removed or cancelled).
    pub on_close: Callback<()>,
    #[prop_or_default]
    pub id_prefix: AttrValue,
}

#[function_component(SourceEditor)]
pub fn source_editor(props: &SourceEditorProps) -> Html {
    let draft = use_state(|| props.current.clone().unwrap_or_default());
    // The form opens where the planner will type: its first field.
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with((), move |_| {
            if let Some(input) = first.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }
    let words = provenance_words(props.lang);
    let key = props.key_name;
    let id = |part: &str| format!("{}source-{part}-{key}", props.id_prefix);

    let field = |part: &'static str, label: &'static str, placeholder: &'static str| {
        let value = match part {
            "document" => draft.document.clone(),
            "date" => draft.date.clone(),
            _ => draft.quote.clone(),
        };
        let oninput = {
            let draft = draft.clone();
            Callback::from(move |e: InputEvent| {
                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                let mut next = (*draft).clone();
                match part {
                    "document" => next.document = text,
                    "date" => next.date = text,
                    _ => next.quote = text,
                }
                draft.set(next);
            })
        };
        html! {
            <label class={classes!("source-field", format!("source-{part}"))}>
                <span>{ label }</span>
                <input type="text" id={id(part)} value={value} placeholder={placeholder}
                       ref={if part == "document" { first.clone() } else { NodeRef::default() }}
                       maxlength={PlannerSource::MAX_CHARS.to_string()} {oninput} />
            </label>
        }
    };

    let save = {
        let (draft, on_action, on_close) = (
            draft.clone(),
            props.on_action.clone(),
            props.on_close.clone(),
        );
        move || {
            on_action.emit(Action::SetPlannerSource {
                key,
                source: Some((*draft).clone()),
            });
            on_close.emit(());
        }
    };
    let on_submit = {
        let save = save.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            save();
        })
    };
    let on_remove = {
        let (on_action, on_close) = (props.on_action.clone(), props.on_close.clone());
        Callback::from(move |_| {
            on_action.emit(Action::SetPlannerSource { key, source: None });
            on_close.emit(());
        })
    };
    let on_cancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    let on_keydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_close.emit(());
            }
        })
    };
    html! {
        <form class="source-editor" id={id("form")} aria-label={words.form_label}
              onsubmit={on_submit} onkeydown={on_keydown}>
            if let Some(about) = &props.about {
                <p class="source-about">{ about.clone() }</p>
            }
            <p class="source-heading">{ words.form_label }</p>
            { field("document", words.document_label, words.document_placeholder) }
            { field("date", words.date_label, words.date_placeholder) }
            { field("quote", words.quote_label, words.quote_placeholder) }
            <div class="source-actions">
                <button type="submit" class="apply">{ words.save_source }</button>
                if props.current.is_some() {
                    <button type="button" class="link danger" onclick={on_remove}>{ words.remove_source }</button>
                }
                <button type="button" class="link" onclick={on_cancel}>{ words.cancel }</button>
            </div>
        </form>
    }
}
