//! The manual's page (使用说明 and 模型说明) over the plan: its text read from the Markdown files
//! beside the app (`user-guide.zh.md`, `model.en.md`…, written from `swplan_words::manual` and
//! checked by its tests), so none of it is in the app's code or in the first view. Contents,
//! a search that filters the sections and marks the words found (Enter goes to the first
//! section found), links between sections, the tour's pictures, "open it in the app" beside
//! each task, printing on A4; opened by the header's button, `?`, F1, a setting's ⓘ and `?help=…`;
//! closed by its button, Esc and the browser's back.

mod keys;
mod open;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use swplan_plans::help::{with_topic, HelpTopic};
use swplan_plans::state::Action;
use swplan_words::manual::{
    file_name, found_sections, manual_words, marked, matching_chapters, query_words, read, Block,
    Document, Inline, Part, Section,
};
use swplan_words::Lang;

pub use keys::use_manual;
pub use open::{opening, Opening};

thread_local! {
    /// The manual once read, per language: read again only after a reload.
    static READ: RefCell<Vec<(Lang, Rc<Document>)>> = const { RefCell::new(Vec::new()) };
}

/// Where the text of the manual is.
#[derive(Clone, PartialEq)]
enum Loaded {
    Loading,
    Failed,
    Ready(Rc<Document>),
}

/// The two files of a language, fetched beside the page and read.
async fn fetch_manual(lang: Lang) -> Option<Document> {
    let window = gloo::utils::window();
    let mut texts = Vec::new();
    for part in Part::ALL {
        let response =
            JsFuture::from(window.fetch_with_str(&format!("./{}", file_name(part, lang))))
                .await
                .ok()?
                .dyn_into::<web_sys::Response>()
                .ok()?;
        if !response.ok() {
            return None;
        }
        let text = JsFuture::from(response.text().ok()?)
            .await
            .ok()?
            .as_string()?;
        texts.push(text);
    }
    let parts: Vec<&str> = texts.iter().map(String::as_str).collect();
    read(&parts).ok()
}

#[derive(Properties, PartialEq)]
pub struct ManualProps {
    pub lang: Lang,
    pub topic: HelpTopic,
    pub on_action: Callback<Action>,
    /// Close the manual (the page decides how: back in the history, or in place).
    pub on_close: Callback<()>,
    /// Close the manual and open a feature of the app.
    pub on_open: Callback<Opening>,
}

#[function_component(ManualPage)]
pub fn manual_page(props: &ManualProps) -> Html {
    let lang = props.lang;
    let words = manual_words(lang);
    let loaded = use_state(|| Loaded::Loading);
    let attempt = use_state(|| 0u32);
    let query = use_state(String::new);

    {
        let loaded = loaded.clone();
        use_effect_with((lang, *attempt), move |(lang, _)| {
            let lang = *lang;
            let cached = READ.with(|read| {
                read.borrow()
                    .iter()
                    .find(|(l, _)| *l == lang)
                    .map(|(_, d)| d.clone())
            });
            match cached {
                Some(document) => loaded.set(Loaded::Ready(document)),
                None => {
                    loaded.set(Loaded::Loading);
                    wasm_bindgen_futures::spawn_local(async move {
                        match fetch_manual(lang).await {
                            Some(document) => {
                                let document = Rc::new(document);
                                READ.with(|read| read.borrow_mut().push((lang, document.clone())));
                                loaded.set(Loaded::Ready(document));
                            }
                            None => loaded.set(Loaded::Failed),
                        }
                    });
                }
            }
        });
    }

    // The topic in view and its heading focused, once the text is there.
    let ready = matches!(*loaded, Loaded::Ready(_));
    use_effect_with((props.topic, ready), |(topic, ready)| {
        if *ready {
            let id = match topic {
                HelpTopic::Contents => "manual-title".to_string(),
                other => format!("help-{}", other.slug()),
            };
            if let Some(element) = gloo::utils::document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                element.scroll_into_view();
                let _ = element.focus();
            }
        }
    });

    let on_search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    // A new search shows its results from the top, the count of sections found first (the
    // search box, in the sticky head, keeps the focus).
    use_effect_with((*query).clone(), |query| {
        if !query.trim().is_empty() {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    // Enter in the search box goes to the first section found, its heading focused, so that
    // the keyboard reads on from there.
    let on_search_key = Callback::from(|e: KeyboardEvent| {
        if e.key() != "Enter" {
            return;
        }
        e.prevent_default();
        let first = gloo::utils::document()
            .query_selector(".manual-section.is-match :is(h2, h3, h4, h5)")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(heading) = first {
            heading.scroll_into_view();
            let _ = heading.focus();
        }
    });
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
    };

    let body = match &*loaded {
        Loaded::Loading => html! { <p class="manual-status" role="status">{ words.loading }</p> },
        Loaded::Failed => html! {
            <div class="manual-status" role="alert">
                <p>{ words.load_failed }</p>
                <button type="button" onclick={retry}>{ words.retry }</button>
            </div>
        },
        Loaded::Ready(document) => {
            let found = matching_chapters(document, &query);
            let searching = !query.trim().is_empty();
            let shown: Vec<(&Section, bool)> = document
                .sections
                .iter()
                .filter_map(|s| {
                    if !searching || found.matched.contains(&s.id) {
                        Some((s, true))
                    } else if found.context.contains(&s.id) {
                        Some((s, false))
                    } else {
                        None
                    }
                })
                .collect();
            let render = Render {
                on_action: props.on_action.clone(),
                on_open: props.on_open.clone(),
                open_label: words.open_feature,
                marks: if searching {
                    query_words(&query)
                } else {
                    Vec::new()
                },
            };
            html! {
                <>
                    <nav class="manual-contents" aria-labelledby="manual-contents-heading">
                        <h2 id="manual-contents-heading">{ words.contents }</h2>
                        { contents(document, &render) }
                    </nav>
                    <div class="manual-text">
                        if searching {
                            <p class="manual-found" id="manual-found" role="status">
                                { found_sections(found.matched.len(), query.trim(), lang) }
                            </p>
                        }
                        { for shown.into_iter().map(|(section, full)| render.section(section, full)) }
                    </div>
                </>
            }
        }
    };

    html! {
        <div class="manual-page" lang={lang.tag()}>
            <header class="manual-head">
                <h1 id="manual-title" tabindex="-1">{ words.title }</h1>
                <p class="manual-keys">{ words.keys_hint }</p>
                <div class="manual-tools" role="search">
                    <label for="manual-search">{ words.search_label }</label>
                    <input type="search" id="manual-search" placeholder={words.search_placeholder}
                           value={(*query).clone()} oninput={on_search} onkeydown={on_search_key}
                           aria-controls="manual-main" />
                    <button type="button" id="manual-print" onclick={print}>{ words.print }</button>
                    <button type="button" id="manual-close" class="primary" onclick={close}>{ words.close }</button>
                </div>
            </header>
            <main class="manual-main" id="manual-main" aria-labelledby="manual-title">
                { body }
            </main>
        </div>
    }
}

/// What a section needs to be drawn.
struct Render {
    on_action: Callback<Action>,
    on_open: Callback<Opening>,
    open_label: &'static str,
    /// The words of the search, marked wherever they stand (none when not searching).
    marks: Vec<String>,
}

/// The contents: each part and its sections, as links.
fn contents(document: &Document, render: &Render) -> Html {
    let parts = Part::ALL.map(|part| {
        let sections = document.part(part);
        let Some((title, rest)) = sections.split_first() else {
            return Html::default();
        };
        html! {
            <li>
                { render.link(&title.id, html! { title.title_text() }) }
                <ol>
                    { for rest.iter().filter(|s| s.level == 2).map(|s| html! {
                        <li>{ render.link(&s.id, html! { s.title_text() }) }</li>
                    }) }
                </ol>
            </li>
        }
    });
    html! { <ol class="manual-parts">{ for parts }</ol> }
}

impl Render {
    /// A link to a topic: an address that opens it (`?help=…` on this plan), followed in place.
    fn link(&self, topic: &str, content: Html) -> Html {
        let Some(target) = HelpTopic::from_slug(topic) else {
            return content;
        };
        let search = gloo::utils::window()
            .location()
            .search()
            .unwrap_or_default();
        let href = format!("?{}", with_topic(&search, Some(target)));
        let on_action = self.on_action.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            on_action.emit(Action::OpenHelp(target));
        });
        html! { <a {href} {onclick}>{ content }</a> }
    }

    /// A text with the words of the search in `<mark>` (read as highlighted by a screen
    /// reader; the count of sections found is said by the status above them).
    fn text(&self, text: &str) -> Html {
        if self.marks.is_empty() {
            return html! { text.to_string() };
        }
        html! {
            { for marked(text, &self.marks).into_iter().map(|(piece, found)| if found {
                html! { <mark>{ piece }</mark> }
            } else {
                html! { piece }
            }) }
        }
    }

    fn inlines(&self, inlines: &[Inline]) -> Html {
        html! {
            { for inlines.iter().map(|inline| match inline {
                Inline::Text(text) => self.text(text),
                Inline::Code(code) => html! { <code>{ self.text(code) }</code> },
                Inline::Strong(text) => html! { <strong>{ self.text(text) }</strong> },
                Inline::Link { topic, text } => self.link(topic, self.text(text)),
            }) }
        }
    }

    fn block(&self, block: &Block) -> Html {
        match block {
            Block::Paragraph(inlines) => html! { <p>{ self.inlines(inlines) }</p> },
            Block::List {
                ordered: true,
                items,
            } => html! {
                <ol>{ for items.iter().map(|item| html! { <li>{ self.inlines(item) }</li> }) }</ol>
            },
            Block::List {
                ordered: false,
                items,
            } => html! {
                <ul>{ for items.iter().map(|item| html! { <li>{ self.inlines(item) }</li> }) }</ul>
            },
            Block::Table { head, rows } => html! {
                // Focusable: a wide table scrolls sideways by the keyboard too.
                <div class="manual-table" tabindex="0">
                    <table>
                        <thead><tr>{ for head.iter().map(|cell| html! { <th scope="col">{ self.inlines(cell) }</th> }) }</tr></thead>
                        <tbody>
                            { for rows.iter().map(|row| html! {
                                <tr>{ for row.iter().map(|cell| html! { <td>{ self.inlines(cell) }</td> }) }</tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            },
            Block::Formula(lines) => html! {
                <pre class="manual-formula"><code>{ self.text(&lines.join("\n")) }</code></pre>
            },
            // The size is given so that the text does not move while the picture loads (a
            // topic opened below it stays where it was put).
            Block::Picture {
                src,
                alt,
                width,
                height,
            } => html! {
                <figure class="manual-picture">
                    <img src={src.clone()} alt={alt.clone()} width={width.to_string()}
                         height={height.to_string()} decoding="async" />
                </figure>
            },
        }
    }

    /// A section: its heading (one level under the page's title), and with `full` its text and
    /// the button that opens its feature.
    fn section(&self, section: &Section, full: bool) -> Html {
        let id = format!("help-{}", section.id);
        let title = self.inlines(&section.title);
        let heading = match section.level {
            1 => html! { <h2 {id} tabindex="-1">{ title }</h2> },
            2 => html! { <h3 {id} tabindex="-1">{ title }</h3> },
            3 => html! { <h4 {id} tabindex="-1">{ title }</h4> },
            _ => html! { <h5 {id} tabindex="-1">{ title }</h5> },
        };
        let opens = HelpTopic::from_slug(&section.id)
            .filter(|topic| matches!(topic, HelpTopic::Section(_)))
            .and_then(HelpTopic::opens)
            .and_then(opening);
        let found = full && !self.marks.is_empty();
        html! {
            <section class={classes!("manual-section", format!("level-{}", section.level), found.then_some("is-match"))}
                     data-topic={section.id.clone()}>
                { heading }
                if full {
                    { for section.blocks.iter().map(|block| self.block(block)) }
                    if let Some(opening) = opens {
                        <p class="manual-open">
                            <button type="button" class="link open-feature"
                                    onclick={{ let on_open = self.on_open.clone(); Callback::from(move |_| on_open.emit(opening.clone())) }}>
                                { self.open_label }
                            </button>
                        </p>
                    }
                }
            </section>
        }
    }
}
