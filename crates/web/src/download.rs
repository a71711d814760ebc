//! Files the planner takes away: a text file (CSV, plan JSON, SVG) handed to the browser as a
//! download, and a PNG drawn from an SVG at twice its size on a white background. Nothing
//! leaves the machine: the browser saves what the page made.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

/// Why a download could not be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DownloadFailed;

/// Offers `text` as a file named `name` of type `mime`.
pub fn download_text(name: &str, mime: &str, text: &str) -> Result<(), DownloadFailed> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| DownloadFailed)?;
    download_blob(name, &blob)
}

fn download_blob(name: &str, blob: &Blob) -> Result<(), DownloadFailed> {
    let url = Url::create_object_url_with_blob(blob).map_err(|_| DownloadFailed)?;
    let document = gloo::utils::document();
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| DownloadFailed)?
        .dyn_into()
        .map_err(|_| DownloadFailed)?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Let the browser start the download before the address is released.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Draws a standalone SVG (`width`×`height` CSS pixels) at twice its size on white and offers
/// it as a PNG. The drawing happens when the image has loaded; `on_error` hears of a failure.
pub fn download_png(name: &str, svg: &str, width: f64, height: f64, on_error: impl Fn() + 'static) {
    let scale = 2.0;
    let Ok(image) = HtmlImageElement::new() else {
        return on_error();
    };
    let source = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    );
    let name = name.to_string();
    let loaded = image.clone();
    let on_error = std::rc::Rc::new(on_error);
    let failed = on_error.clone();
    let onload = Closure::once_into_js(move || {
        if draw(&loaded, &name, width * scale, height * scale).is_err() {
            on_error();
        }
    });
    let onerror = Closure::once_into_js(move || failed());
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_onerror(Some(onerror.unchecked_ref()));
    image.set_src(&source);
}

fn draw(
    image: &HtmlImageElement,
    name: &str,
    width: f64,
    height: f64,
) -> Result<(), DownloadFailed> {
    let canvas: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")
        .map_err(|_| DownloadFailed)?
        .dyn_into()
        .map_err(|_| DownloadFailed)?;
    canvas.set_width(width as u32);
    canvas.set_height(height as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or(DownloadFailed)?
        .dyn_into()
        .map_err(|_| DownloadFailed)?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, width, height);
    context
        .draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, width, height)
        .map_err(|_| DownloadFailed)?;
    let name = name.to_string();
    let done = Closure::once_into_js(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<Blob>() {
            let _ = download_blob(&name, &blob);
        }
    });
    canvas
        .to_blob_with_type(done.unchecked_ref(), "image/png")
        .map_err(|_| DownloadFailed)
}

/// Offers a copy of stored data set aside as unreadable (`key` in storage) as a file, as it
/// was stored, for technical support or for "import".
pub fn download_set_aside(
    key: &str,
    entry: swplan_plans::state::StoredEntry,
) -> Result<(), DownloadFailed> {
    use swplan_plans::state::StoredEntry;
    let text = super::storage::set_aside_text(key).ok_or(DownloadFailed)?;
    let what = match entry {
        StoredEntry::Saves => "saves",
        StoredEntry::Autosave => "autosave",
        StoredEntry::Kept => "kept",
        StoredEntry::Stories => "stories",
    };
    let date = &super::storage::now()[..10];
    download_text(
        &format!("swplan-unreadable-{what}-{date}.json"),
        "application/json",
        &text,
    )
}
