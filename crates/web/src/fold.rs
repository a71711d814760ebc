//! A fold (`<details>`) whose contents are drawn only while it is open. The browser opens and
//! closes it (a click on its summary, the manual's "open in the app", a test); the component
//! follows the `toggle` event, so a closed panel costs a slider step nothing but its title.

use yew::prelude::*;

/// Whether the fold is open, and the `ontoggle` that keeps it so. Draw the full panel with
/// `open=true` while it is open, its summary alone otherwise.
#[hook]
pub fn use_fold() -> (bool, Callback<Event>) {
    let open = use_state_eq(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
    (*open, on_toggle)
}
