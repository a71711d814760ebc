//! 社工人才规划沙盘 — Social Work Workforce Planner.
//!
//! `model` is the pure simulation engine; `presets` embeds the scenarios derived from the source
//! documents; `i18n` holds languages and number formatting; `report` renders results for the
//! command line. The browser app (`ui`) is compiled only for WebAssembly.

pub mod chart;
pub mod charts;
pub mod compare;
pub mod compute;
pub mod export;
pub mod first_view;
pub mod i18n;
pub mod inputs;
pub mod model;
pub mod plot;
pub mod pool;
pub mod presets;
pub mod qr;
pub mod report;
pub mod share;
pub mod state;
pub mod story;
#[cfg(target_arch = "wasm32")]
pub mod ui;
