//! # swplan-words — every sentence, label and number format, in Chinese and English
//!
//! **Owns**: number formats (万 style in Chinese, separators in English), the labels of every
//! parameter, figure and group, and every sentence the app and the command line show: what a
//! link or a file could not give, why a value is refused, what a story step changes, how a
//! comparison or a workshop pool reads. Typed data from `swplan-engine` and `swplan-plans` goes
//! in, words come out.
//!
//! **Never imports** the renderers, the web app or the command line; the crates below never
//! import it (their `Cargo.toml`s do not list it), so no sentence can creep into the model or
//! the state.

pub mod actuals;
pub mod calibration;
pub mod cli_help;
pub mod compare;
pub mod data_messages;
pub mod export;
mod format;
pub mod inputs;
pub mod keeping;
pub mod labels;
pub mod manual;
pub mod messages;
pub mod notices;
pub mod open_messages;
pub mod optimiser;
pub mod optimiser_ui;
pub mod playback;
pub mod pool_ui;
pub mod prediction;
pub mod presenting;
pub mod provenance;
pub mod results;
pub mod rollup;
pub mod save_messages;
pub mod sensitivity;
pub mod settings_table;
pub mod share_messages;
pub mod share_ui;
pub mod story;
pub mod strings;
pub mod terminal;

pub use format::{
    display_width, format_count, format_count_as, format_exact, format_percent, format_whole,
    format_yuan, format_yuan_in, format_yuan_tick, YuanScale,
};
pub use labels::{group_label, metric_label, param_label};

pub use swplan_plans::Lang;
