//! # swplan-render — results as documents
//!
//! **Owns**: charts (layout and SVG: `chart`, `plot`, the app's chart set in `charts`), the
//! year table and verdicts as text, CSV and JSON for the command line (`report`), the CSV for
//! Excel (`export`), QR codes (`qr`) and the first view's HTML (`first_view`). Plain Rust over
//! strings, tested natively; the web app and the command line put these documents on screen,
//! in files and on stdout.
//!
//! **Never imports** the web app or the command line, and words nothing itself: every sentence
//! and label comes from `swplan-words`.

pub mod chart;
pub mod charts;
pub mod export;
pub mod first_view;
pub mod life_charts;
pub mod life_report;
mod mark_labels;
pub mod plot;
pub mod qr;
pub mod report;
pub mod rollup;
pub mod sample;
pub mod table;
pub mod tornado;
