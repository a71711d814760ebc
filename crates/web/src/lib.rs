//! # swplan-web — the browser app (WebAssembly only)
//!
//! **Owns**: the Yew components (one per file, named after what a planner sees), the browser's
//! storage, address bar, clipboard and downloads, the computing Web Worker and its page-side
//! client (`worker`, `drive`, `compute_client`), and the three entry points in `src/bin/`: the
//! app, the worker and the first view (`boot`).
//!
//! Components get the data they draw and send `Action`s up; every figure comes from the engine
//! through the state (`swplan-plans`), every sentence from `swplan-words`, every chart and
//! document from `swplan-render`. Nothing imports this crate but its own binaries; natively it
//! compiles to nothing.
#![cfg(target_arch = "wasm32")]

mod actuals_panel;
mod amount_field;
mod analysis_driver;
mod app;
mod app_state;
mod backtest_view;
mod calibrate_panel;
mod certified_total;
mod chart;
mod charts;
mod coalesce;
mod compare_view;
mod compute_client;
mod controls;
mod deviation_table;
mod dialog;
mod download;
pub mod drive;
mod fold;
mod handout;
mod header;
mod kept_plans;
mod lever_bounds;
mod life_jobs;
mod manual;
mod notices;
mod optimiser_panel;
mod optimiser_result;
mod param_control;
mod persistence;
mod pool_view;
mod prediction;
mod presenter;
mod presenter_cards;
mod presenter_pool;
mod presenter_story;
mod print_report;
mod provenance;
mod recorded_stories;
mod rollup_dialog;
mod saves_dialog;
mod schedule_editor;
mod sensitivity_panel;
mod share_dialog;
mod source_editor;
mod storage;
mod stories;
mod tally;
mod target_cards;
mod target_editor;
mod text_file;
mod tip;
mod tornado_chart;
mod uncertainty_driver;
mod verdict_bar;
mod what_it_takes;
pub mod worker;
mod year_table;

pub use app::App;

use swplan_words::strings;

/// Mounts the app on `<div id="app">` (or the body) and installs the friendly panic hook.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic_message();
    }));
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

/// Replaces the page with a message in both languages: better than a blank or frozen page.
fn show_panic_message() {
    let document = gloo::utils::document();
    if let Some(body) = document.body() {
        let message = format!(
            "<div class=\"panic\" role=\"alert\"><p lang=\"zh-CN\">{}</p><p lang=\"en\">{}</p></div>",
            strings::ZH.panic_message,
            strings::EN.panic_message
        );
        body.set_inner_html(&message);
    }
}
