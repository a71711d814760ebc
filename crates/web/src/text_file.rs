//! A file chosen in an `<input type="file">`, read as text: the one way the app's dialogs read
//! the files a planner picks (actual figures, roll-up files, stories).

use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The input's `change` handler: reads its first file as text (empty when the browser cannot
/// read it), clears the input so the same file can be chosen again, and gives `read` the file's
/// name and text.
pub fn on_text_file(read: impl Fn(String, String) + 'static) -> Callback<Event> {
    let read = std::rc::Rc::new(read);
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        let read = read.clone();
        spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            read(file.name(), text);
        });
    })
}
