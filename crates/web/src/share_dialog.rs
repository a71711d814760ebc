//! The share dialog: the link of the plan on screen — or, in a comparison, of every plan at
//! once — copied with one click (a visible confirmation; where the browser refuses the
//! clipboard, the link is selected for Ctrl+C), its QR code large enough to scan from a
//! projector, and the plans as a file.

use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::dialog::Dialog;
use super::download::download_text;
use super::persistence::link_url;
use swplan_plans::share::save::{self, SavedPlan};
use swplan_plans::share::sources::link_sources;
use swplan_plans::share::PlanSpec;
use swplan_plans::state::{Action, Dialog as DialogKind};
use swplan_render::export::file_stem;
use swplan_render::qr::qr_svg;
use swplan_words::provenance::sources_left_out;
use swplan_words::share_ui::{
    comparison_qr_caption, comparison_qr_label, export_comparison_file, share_comparison_intro,
    share_comparison_title, share_scope, share_scope_label,
};
use swplan_words::strings::{link_length, strings};
use swplan_words::Lang;

#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    pub lang: Lang,
    /// What is shared: the plan being edited, or every plan of the comparison.
    pub plans: Vec<PlanSpec>,
    /// Whether the whole comparison is shared (`plans` holds all of it).
    #[prop_or_default]
    pub whole: bool,
    /// The comparison's titles (one when nothing is compared) and the plan being edited: the
    /// dialog offers both choices in a comparison.
    #[prop_or_default]
    pub titles: Vec<String>,
    #[prop_or_default]
    pub active: usize,
    pub on_action: Callback<Action>,
}

/// What happened to the last copy.
#[derive(Clone, Copy, PartialEq)]
enum Copy {
    Idle,
    Done,
    Refused,
}

/// Copies `text`: with the clipboard API where the page may use it (a secure context), else by
/// selecting the link field and asking the browser to copy (intranet pages served over plain
/// http have no clipboard API). `false` when both are refused.
pub(crate) async fn copy_text(text: &str, field: &NodeRef) -> bool {
    let navigator = gloo::utils::window().navigator();
    let has_api = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if has_api
        && JsFuture::from(navigator.clipboard().write_text(text))
            .await
            .is_ok()
    {
        return true;
    }
    let Some(input) = field.cast::<HtmlInputElement>() else {
        return false;
    };
    let _ = input.focus();
    input.select();
    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDocument>(gloo::utils::document())
        .ok()
        .and_then(|document| document.exec_command("copy").ok())
        .unwrap_or(false)
}

#[function_component(ShareDialog)]
pub fn share_dialog(props: &ShareDialogProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let with_lang = use_state(|| false);
    let copied = use_state(|| Copy::Idle);
    let field = use_node_ref();
    let query = swplan_plans::share::encode(&props.plans, with_lang.then_some(lang));
    let url = link_url(&query);
    let qr = qr_svg(&url).ok();
    // Sources are words, not numbers: those too long for the link stay in saves and files.
    let left_out: usize = props
        .plans
        .iter()
        .map(|p| link_sources(&p.scenario).left_out.len())
        .sum();
    let whole = props.whole;
    let (title, intro, qr_label, qr_caption, file_label) = if whole {
        let n = props.plans.len();
        (
            share_comparison_title(lang).to_string(),
            share_comparison_intro(n, lang),
            comparison_qr_label(lang),
            comparison_qr_caption(lang),
            export_comparison_file(lang),
        )
    } else {
        (
            text.share_title.to_string(),
            text.share_intro.to_string(),
            text.qr_label,
            text.qr_caption,
            text.export_plan_file,
        )
    };

    let on_copy = {
        let (url, copied, field) = (url.clone(), copied.clone(), field.clone());
        Callback::from(move |_| {
            let (url, copied, field) = (url.clone(), copied.clone(), field.clone());
            spawn_local(async move {
                let done = copy_text(&url, &field).await;
                copied.set(if done { Copy::Done } else { Copy::Refused });
                if !done {
                    // The link is selected, ready for Ctrl+C.
                    if let Some(input) = field.cast::<HtmlInputElement>() {
                        let _ = input.focus();
                        input.select();
                    }
                }
            });
        })
    };
    let on_select = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<HtmlInputElement>().select();
    });
    let on_lang = {
        let (with_lang, copied) = (with_lang.clone(), copied.clone());
        Callback::from(move |e: Event| {
            with_lang.set(e.target_unchecked_into::<HtmlInputElement>().checked());
            copied.set(Copy::Idle);
        })
    };
    let on_file = {
        let plans = props.plans.clone();
        Callback::from(move |_| {
            let now = super::storage::now();
            let Some(first) = plans.first() else {
                return;
            };
            let region = lang.pick(&first.scenario.name.zh, &first.scenario.name.en);
            let stem = file_stem(first.name.as_deref(), region, &first.scenario.region);
            // An unnamed plan arrives in the colleague's list under its region, not as "untitled".
            let saved: Vec<SavedPlan> = plans
                .iter()
                .enumerate()
                .map(|(i, plan)| {
                    let mut saved = SavedPlan::new(&format!("plan-{i}"), plan.clone(), &now, &now);
                    saved.name = Some(saved.title(lang));
                    saved
                })
                .collect();
            let name = format!("swplan-{stem}-{}.json", &now[..10]);
            let _ = download_text(&name, "application/json", &save::to_json(&saved));
        })
    };
    // In a comparison: this plan, or every plan in one link.
    let scope = (props.titles.len() > 1).then(|| {
        let choose = |whole: bool| {
            let (on_action, copied) = (props.on_action.clone(), copied.clone());
            Callback::from(move |_: Event| {
                copied.set(Copy::Idle);
                on_action.emit(Action::OpenDialog(if whole {
                    DialogKind::ShareComparison
                } else {
                    DialogKind::Share
                }));
            })
        };
        let active = props.titles.get(props.active).cloned().unwrap_or_default();
        let n = props.titles.len();
        html! {
            <fieldset class="share-scope">
                <legend>{ share_scope_label(lang) }</legend>
                <label class="check">
                    <input type="radio" name="share-scope" id="share-plan" checked={!whole} onchange={choose(false)} />
                    { share_scope(false, n, &active, lang) }
                </label>
                <label class="check">
                    <input type="radio" name="share-scope" id="share-comparison" checked={whole} onchange={choose(true)} />
                    { share_scope(true, n, &active, lang) }
                </label>
            </fieldset>
        }
    });
    let on_close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::CloseDialog))
    };

    html! {
        <Dialog id="share-dialog" title={AttrValue::from(title)} {lang} {on_close}>
            { for scope }
            <p class="muted">{ intro }</p>
            <div class="share-link">
                <label for="share-link">{ text.share_link_label }</label>
                <input id="share-link" ref={field} type="text" readonly=true value={url.clone()} onfocus={on_select} />
                <button type="button" class="apply" id="copy-link" onclick={on_copy}>{ text.copy_link }</button>
            </div>
            <p class="copy-status" role="status">
                { match *copied {
                    Copy::Idle => String::new(),
                    Copy::Done => text.copied.to_string(),
                    Copy::Refused => text.copy_refused.to_string(),
                } }
            </p>
            <p class="muted">{ link_length(url.chars().count(), lang) }</p>
            if left_out > 0 {
                <p class="muted sources-left-out" id="sources-left-out">{ sources_left_out(left_out, lang) }</p>
            }
            <label class="check">
                <input type="checkbox" checked={*with_lang} onchange={on_lang} />
                { text.include_language }
            </label>
            if super::persistence::address_is_local() {
                <p class="notice local-warning" role="note">{ text.local_address_warning }</p>
            }
            if let Some(qr) = qr {
                <figure class="qr">
                    <svg viewBox={format!("0 0 {0} {0}", qr.extent())} role="img" aria-label={qr_label}
                         shape-rendering="crispEdges" width="264" height="264">
                        <rect width={qr.extent().to_string()} height={qr.extent().to_string()} fill="#fff" />
                        <path d={qr.path.clone()} fill="#000" />
                    </svg>
                    <figcaption>{ qr_caption }</figcaption>
                </figure>
            } else {
                <p class="muted">{ text.qr_too_long }</p>
            }
            <div class="dialog-actions">
                <button type="button" class="link" onclick={on_file}>{ file_label }</button>
            </div>
        </Dialog>
    }
}
