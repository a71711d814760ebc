//! "我的方案 / Saved plans": save the plan on screen under a name (or over the save it came
//! from), the list of saves with their region and date (open, rename, duplicate, delete with
//! undo), files in and out (one plan or all, versioned like links), and a pasted link opened.

use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::dialog::Dialog;
use super::download::download_text;
use super::storage::{fresh_id, local_time, now};
use swplan_plans::share::save::{self, SavedPlan};
use swplan_plans::share::{OpenedLink, ProblemKind};
use swplan_plans::state::{Action, ImportChoice, ImportOutcome, Library};
use swplan_words::keeping::{import_question, import_report, keeping_text, set_aside_row};
use swplan_words::share_messages::problem_reason;
use swplan_words::strings::{copy_name, strings};
use swplan_words::Lang;

/// What a pasted link turned out to be, when it could not simply be opened.
#[derive(Clone)]
enum LinkCheck {
    /// No share link in the text.
    NoLink,
    /// A link read in part, with its problems.
    InPart(Rc<OpenedLink>),
}

#[derive(Properties, PartialEq)]
pub struct SavesDialogProps {
    pub lang: Lang,
    pub library: Library,
    /// The save the plan on screen came from, if still in the list: its id, its name, and
    /// whether the plan has changed since.
    pub current: Option<(String, String, bool)>,
    /// A name to offer for a new save.
    pub suggested_name: String,
    /// The last destructive edit, shown here too: behind the dialog the page's undo is hidden.
    pub undo_hint: Option<swplan_plans::state::UndoHint>,
    /// Where the last import stands: the question about plans already here, or what it did.
    pub import: Option<ImportOutcome>,
    pub on_action: Callback<Action>,
}

#[function_component(SavesDialog)]
pub fn saves_dialog(props: &SavesDialogProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let name = use_state(|| props.suggested_name.clone());
    let renaming = use_state(|| None::<(String, String)>);
    let link = use_state(String::new);
    let checked = use_state(|| None::<LinkCheck>);
    // The name box follows the plan's name: after a rename it shows the new one.
    {
        let name = name.clone();
        use_effect_with(props.suggested_name.clone(), move |suggested| {
            name.set(suggested.clone())
        });
    }
    // The rename field takes the focus, its text selected, as soon as it appears.
    {
        let editing = renaming.as_ref().map(|(id, _)| id.clone());
        use_effect_with(editing, |editing| {
            if let Some(id) = editing {
                let field = gloo::utils::document()
                    .get_element_by_id(&format!("rename-{id}"))
                    .and_then(|el| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(el).ok());
                if let Some(field) = field {
                    let _ = field.focus();
                    field.select();
                }
            }
        });
    }
    let available = props.library.available;

    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_save_as = {
        let (on_action, name) = (props.on_action.clone(), name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let chosen = name.trim().to_string();
            if !chosen.is_empty() {
                on_action.emit(Action::SaveAs {
                    id: fresh_id(),
                    name: chosen,
                    now: now(),
                });
            }
        })
    };
    let on_save_over = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::SaveOver { now: now() }))
    };
    let on_import = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let on_action = on_action.clone();
            spawn_local(async move {
                let Ok(content) = JsFuture::from(file.text()).await else {
                    return on_action.emit(Action::ImportFailed(save::SaveError::Unreadable));
                };
                let content = content.as_string().unwrap_or_default();
                match save::from_json(&content) {
                    Ok(imported) => on_action.emit(Action::Import {
                        plans: imported.plans,
                        rejected: imported.rejected,
                    }),
                    Err(error) => on_action.emit(Action::ImportFailed(error)),
                }
            });
        })
    };
    let on_export_all = {
        let saves = props.library.saves.clone();
        Callback::from(move |_| {
            let _ = download_text(
                &format!("swplan-saves-{}.json", &now()[..10]),
                "application/json",
                &save::to_json(&saves),
            );
        })
    };
    let on_link = {
        let (link, checked) = (link.clone(), checked.clone());
        Callback::from(move |e: InputEvent| {
            checked.set(None);
            link.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    // A pasted link opens at once when it reads cleanly; otherwise the dialog says what is
    // wrong and the current plan stays until the planner chooses to open what could be read.
    let on_open_link = {
        let (on_action, link, checked) = (props.on_action.clone(), link.clone(), checked.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if link.trim().is_empty() {
                return;
            }
            let opened = swplan_plans::share::decode(&link);
            let no_link = opened
                .problems
                .iter()
                .any(|p| matches!(p.kind, ProblemKind::NotALink))
                || swplan_plans::share::query_part(&link).is_empty();
            if no_link {
                checked.set(Some(LinkCheck::NoLink));
            } else if !opened.problems.is_empty() {
                checked.set(Some(LinkCheck::InPart(Rc::new(opened))));
            } else {
                checked.set(None);
                on_action.emit(Action::OpenLink {
                    opened: Box::new(opened),
                    now: now(),
                });
                on_action.emit(Action::CloseDialog);
            }
        })
    };
    let on_close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: ()| on_action.emit(Action::CloseDialog))
    };

    html! {
        <Dialog id="saves-dialog" title={text.saves_title} {lang} {on_close}>
            if let Some(hint @ swplan_plans::state::UndoHint::SaveDeleted { .. }) = &props.undo_hint {
                <p class="notice undo-hint" role="status">
                    <span>{ swplan_words::notices::undo_hint_text(hint, lang) }</span>
                    <button type="button" class="undo" id="restore-save"
                            onclick={{ let a = props.on_action.clone(); Callback::from(move |_| a.emit(Action::RestoreSave)) }}>
                        { text.undo }
                    </button>
                </p>
            }
            if !available {
                <p class="notice">{ text.storage_unavailable }</p>
            } else {
                <form class="save-as" onsubmit={on_save_as}>
                    <label for="save-name">{ text.save_name }</label>
                    <input id="save-name" type="text" value={(*name).clone()} oninput={on_name} maxlength="80" />
                    <button type="submit" class="apply">{ text.save_as }</button>
                    if let Some((_, current, true)) = &props.current {
                        <button type="button" class="apply secondary" id="save-over" onclick={on_save_over}>
                            { swplan_words::strings::save_over(current, lang) }
                        </button>
                    }
                </form>
                if props.library.saves.is_empty() {
                    <p class="muted">{ text.no_saves }</p>
                } else {
                    <ul class="saves">
                        { for props.library.saves.iter().map(|saved| {
                            let current = props.current.as_ref().filter(|(id, ..)| *id == saved.id).map(|(.., changed)| *changed);
                            save_row(saved, current, lang, &renaming, &props.on_action)
                        }) }
                    </ul>
                }
            }
            <div class="dialog-actions files">
                <label class="file-button">
                    { text.import_file }
                    <input type="file" accept=".json,application/json" class="visually-hidden" onchange={on_import} />
                </label>
                if available && !props.library.saves.is_empty() {
                    <button type="button" class="link" onclick={on_export_all}>{ text.export_all }</button>
                }
            </div>
            { import_view(props.import.as_ref(), &props.library, lang, &props.on_action) }
            { set_aside_view(&props.library, lang, &props.on_action) }
            <form class="open-link" onsubmit={on_open_link}>
                <label for="open-link">{ text.open_link_label }</label>
                <input id="open-link" type="text" value={(*link).clone()} oninput={on_link} placeholder={swplan_words::strings::link_placeholder()} />
                <button type="submit" class="apply">{ text.open_link }</button>
            </form>
            { link_check_view(&checked, lang, &props.on_action) }
        </Dialog>
    }
}

fn save_row(
    saved: &SavedPlan,
    // Whether this is the save on screen, and whether the plan has changed since.
    current: Option<bool>,
    lang: Lang,
    renaming: &UseStateHandle<Option<(String, String)>>,
    on_action: &Callback<Action>,
) -> Html {
    let text = strings(lang);
    let id = saved.id.clone();
    let name = saved
        .name
        .clone()
        .unwrap_or_else(|| text.untitled.to_string());
    let region = lang
        .pick(&saved.scenario.name.zh, &saved.scenario.name.en)
        .to_string();
    let emit = |action: Action| {
        let on_action = on_action.clone();
        Callback::from(move |_| on_action.emit(action.clone()))
    };
    let editing = renaming
        .as_ref()
        .filter(|(editing_id, _)| *editing_id == id)
        .map(|(_, draft)| draft.clone());
    let start_rename = {
        let (renaming, id, name) = (renaming.clone(), id.clone(), name.clone());
        Callback::from(move |_| renaming.set(Some((id.clone(), name.clone()))))
    };
    let on_rename_input = {
        let (renaming, id) = (renaming.clone(), id.clone());
        Callback::from(move |e: InputEvent| {
            renaming.set(Some((
                id.clone(),
                e.target_unchecked_into::<HtmlInputElement>().value(),
            )))
        })
    };
    let on_rename = {
        let (renaming, on_action, id) = (renaming.clone(), on_action.clone(), id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some((_, draft)) = &*renaming {
                on_action.emit(Action::RenameSave {
                    id: id.clone(),
                    name: draft.clone(),
                    now: now(),
                });
            }
            renaming.set(None);
        })
    };
    let on_rename_key = {
        let renaming = renaming.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                // Esc leaves the renaming, not the dialog.
                e.prevent_default();
                e.stop_propagation();
                renaming.set(None);
            }
        })
    };
    let duplicate = {
        let (on_action, id, copy) = (on_action.clone(), id.clone(), copy_name(&name, lang));
        Callback::from(move |_| {
            on_action.emit(Action::DuplicateSave {
                id: id.clone(),
                new_id: fresh_id(),
                name: copy.clone(),
                now: now(),
            })
        })
    };
    html! {
        <li class="save" key={id.clone()}>
            if let Some(draft) = editing {
                <form class="rename" onsubmit={on_rename}>
                    <label class="visually-hidden" for={format!("rename-{id}")}>{ text.rename }</label>
                    <input id={format!("rename-{id}")} type="text" value={draft} oninput={on_rename_input} onkeydown={on_rename_key} maxlength="80" />
                    <button type="submit" class="apply">{ text.rename_done }</button>
                </form>
            } else {
                <div class="save-info">
                    <strong>{ name.clone() }</strong>
                    if let Some(changed) = current {
                        <span class="chip current">{ if changed { text.open_now_changed } else { text.open_now } }</span>
                    }
                    <span class="muted">{ format!("{region} · {}", local_time(&saved.modified)) }</span>
                </div>
            }
            <span class="save-actions">
                <button type="button" class="apply" onclick={{ let (a, id) = (on_action.clone(), id.clone()); Callback::from(move |_| a.emit(Action::OpenSave { id: id.clone(), now: now() })) }}>
                    { text.open }<span class="visually-hidden">{ swplan_words::strings::naming(&name, lang) }</span>
                </button>
                <button type="button" class="link" onclick={start_rename}>
                    { text.rename }<span class="visually-hidden">{ swplan_words::strings::naming(&name, lang) }</span>
                </button>
                <button type="button" class="link" onclick={duplicate}>
                    { text.duplicate }<span class="visually-hidden">{ swplan_words::strings::naming(&name, lang) }</span>
                </button>
                <button type="button" class="link danger" onclick={emit(Action::DeleteSave(id.clone()))}>
                    { text.delete }<span class="visually-hidden">{ swplan_words::strings::naming(&name, lang) }</span>
                </button>
            </span>
        </li>
    }
}

/// Why a pasted link did not open, and for a link read in part, the choice to open it anyway.
fn link_check_view(
    checked: &UseStateHandle<Option<LinkCheck>>,
    lang: Lang,
    on_action: &Callback<Action>,
) -> Html {
    let text = strings(lang);
    match &**checked {
        None => Html::default(),
        Some(LinkCheck::NoLink) => html! {
            <p class="form-error" id="open-link-error" role="alert">{ swplan_words::strings::no_link_found(lang) }</p>
        },
        Some(LinkCheck::InPart(opened)) => {
            let open = {
                let (on_action, opened, checked) =
                    (on_action.clone(), opened.clone(), checked.clone());
                Callback::from(move |_| {
                    checked.set(None);
                    on_action.emit(Action::OpenLink {
                        opened: Box::new((*opened).clone()),
                        now: now(),
                    });
                    on_action.emit(Action::CloseDialog);
                })
            };
            html! {
                <div class="form-error" id="open-link-error" role="alert">
                    <p>{ text.link_read_in_part }</p>
                    <ul>{ for opened.problems.iter().map(|p| html! { <li>{ problem_reason(p, lang) }</li> }) }</ul>
                    <button type="button" class="apply" id="open-link-anyway" onclick={open}>{ text.open_anyway }</button>
                </div>
            }
        }
    }
}

/// Where the last import stands, inside the dialog where it began: the question about plans
/// already in the list (skip, keep both, replace), what it did, or why the file was refused.
fn import_view(
    import: Option<&ImportOutcome>,
    library: &Library,
    lang: Lang,
    on_action: &Callback<Action>,
) -> Html {
    let text = keeping_text(lang);
    let choose = |choice: ImportChoice| {
        let on_action = on_action.clone();
        Callback::from(move |_| on_action.emit(Action::ResolveImport(choice)))
    };
    match import {
        None => Html::default(),
        Some(ImportOutcome::Asking(pending)) => {
            let (heading, lines) = import_question(pending, library, lang);
            html! {
                <div class="import-result asking" id="import-result" role="alert">
                    <p>{ heading }</p>
                    <ul>{ for lines.into_iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                    <div class="dialog-actions">
                        <button type="button" class="apply" id="import-skip" onclick={choose(ImportChoice::Skip)}>{ text.import_skip }</button>
                        <button type="button" class="apply secondary" id="import-keep-both" onclick={choose(ImportChoice::KeepBoth)}>{ text.import_keep_both }</button>
                        <button type="button" class="apply secondary" id="import-replace" onclick={choose(ImportChoice::Replace)}>{ text.import_replace }</button>
                    </div>
                </div>
            }
        }
        Some(ImportOutcome::Done(report)) => {
            let failed = report.added.is_empty()
                && report.replaced.is_empty()
                && !report.rejected.is_empty();
            html! {
                <div class={classes!("import-result", failed.then_some("form-error"))} id="import-result" role="status">
                    { for import_report(report, lang).into_iter().map(|line| html! { <p>{ line }</p> }) }
                </div>
            }
        }
        Some(ImportOutcome::Failed(error)) => html! {
            <div class="import-result form-error" id="import-result" role="alert">
                <p>{ swplan_words::save_messages::save_error_message(error, lang) }</p>
            </div>
        },
    }
}

/// Stored data that could not be read, kept aside: what it was and when, to download or delete.
fn set_aside_view(library: &Library, lang: Lang, on_action: &Callback<Action>) -> Html {
    if library.set_aside.is_empty() {
        return Html::default();
    }
    let text = keeping_text(lang);
    html! {
        <div class="set-aside" id="set-aside">
            <p><strong>{ text.set_aside_heading }</strong></p>
            <p class="muted">{ text.set_aside_help }</p>
            <ul>
                { for library.set_aside.iter().map(|aside| {
                    let download = {
                        let (key, entry) = (aside.key.clone(), aside.entry);
                        Callback::from(move |_| {
                            let _ = super::download::download_set_aside(&key, entry);
                        })
                    };
                    let delete = {
                        let (key, on_action) = (aside.key.clone(), on_action.clone());
                        Callback::from(move |_| {
                            if super::storage::delete_set_aside(&key) {
                                on_action.emit(Action::ForgetSetAside(key.clone()));
                            }
                        })
                    };
                    html! {
                        <li key={aside.key.clone()}>
                            <span>{ set_aside_row(aside.entry, &local_time(&aside.at), lang) }</span>
                            <span class="save-actions">
                                <button type="button" class="link" onclick={download}>{ text.download_set_aside }</button>
                                <button type="button" class="link danger" onclick={delete}>{ text.delete_set_aside }</button>
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
