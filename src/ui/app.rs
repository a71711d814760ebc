//! The root component: owns the reducer, provides it as context, lays out the page.

use yew::prelude::*;

use super::charts::Charts;
use super::controls::Controls;
use super::header::Header;
use super::state::{Action, Notice, State};
use super::storage;
use super::target_cards::TargetCards;
use super::uncertainty_driver::use_uncertainty;
use super::year_table::YearTable;
use crate::i18n::strings::strings;
use crate::presets;

/// The app state handle every component reads and dispatches to.
pub type AppContext = UseReducerHandle<State>;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let lang = storage::lang_from_address()
            .or_else(storage::load_lang)
            .unwrap_or_default();
        State::new(presets::default_preset(), lang)
    });
    use_uncertainty(&state);

    // Keep the document's language and title in step with the interface.
    let lang = state.lang;
    use_effect_with(lang, move |lang| {
        let document = gloo::utils::document();
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        let text = strings(*lang);
        document.set_title(&format!("{} — {}", text.app_title, text.app_subtitle));
    });

    let text = strings(lang);
    let notice = state.notice.map(|notice| {
        let message = match notice {
            Notice::StorageFailed => text.storage_failed,
        };
        let dispatch = state.dispatcher();
        html! {
            <div class="notice" role="status">
                <span>{ message }</span>
                <button type="button" onclick={Callback::from(move |_| dispatch.dispatch(Action::DismissNotice))}>
                    { text.dismiss }
                </button>
            </div>
        }
    });
    let invalid = state.has_invalid_input().then(|| {
        html! { <p class="invalid-banner" role="alert">{ text.invalid_banner }</p> }
    });

    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <div class="app">
                <a class="skip-link" href="#controls">{ text.skip_to_controls }</a>
                <Header />
                { for notice }
                <div class="layout">
                    <main class="results" id="results">
                        { for invalid }
                        <TargetCards />
                        <Charts />
                        <YearTable />
                    </main>
                    <aside class="controls" id="controls" aria-label={text.controls_heading}>
                        <Controls />
                    </aside>
                </div>
                <footer class="footer"><p>{ text.footer }</p></footer>
            </div>
        </ContextProvider<AppContext>>
    }
}

/// The app context; every component below `App` has it.
#[hook]
pub fn use_app() -> AppContext {
    // Cannot fail: every component that calls this is rendered inside `App`'s provider.
    use_context::<AppContext>().expect("rendered inside App")
}
