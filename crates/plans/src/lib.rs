//! # swplan-plans — plans as data
//!
//! **Owns**: the presets embedded from `seeds/` and their data history; plans that travel (share
//! links and saved files, versioned, with migrations); guided stories; the comparison of plans
//! and the pooling of a workshop's links; the background jobs (Monte Carlo, "what it takes") as
//! plain values; and the app state with its one reducer (`state::State::apply`).
//!
//! **Never imports** the wording (`swplan-words`), the renderers or the web app: it holds no
//! sentence for people. What it must tell is typed data (a problem, a notice, an error) that the
//! wording layer words. It may import only `swplan-engine`; `Cargo.toml` lists nothing else of
//! this workspace, so a use of a layer above does not compile.

pub mod analysis;
pub mod chart;
pub mod chat;
pub mod compare;
pub mod compute;
pub mod computed;
pub mod data_problem;
pub mod help;
mod lang;
pub mod life;
pub mod pool;
pub mod presets;
pub mod share;
pub mod state;
pub mod story;

pub use lang::Lang;
