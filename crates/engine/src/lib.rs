//! # swplan-engine — the workforce pipeline model
//!
//! A scenario goes in, a year table and verdicts come out: `simulate(&Scenario) -> Trajectory`.
//!
//! **Owns**: the scenario and its parameter registry (`params`: every key and link code, and
//! through its unit every parameter's hard physical bound, `bounds`), the
//! yearly step (`simulate`), the figures of a year (`figures`), targets and their verdicts,
//! validation, plausibility doubts, Monte Carlo, "what it takes" (`seek`), verdicts as of a year
//! (`asof`).
//!
//! **Never imports** another crate of this workspace, a web or UI crate, the file system, a
//! clock or an unseeded random source; and it holds no sentence for people: every result and
//! every error is typed data, worded by `swplan-words`. `Cargo.toml` lists no workspace crate,
//! so a use of one does not compile.

pub mod actuals;
pub mod asof;
pub mod backtest;
pub mod bounds;
pub mod calibrate;
pub mod certified;
pub mod deviation;
pub mod figures;
mod lsq;
pub mod montecarlo;
pub mod optimise;
pub mod params;
pub mod plausibility;
pub mod provenance;
pub mod reproject;
pub mod rollup;
pub mod scenario;
pub mod schedule;
pub mod seek;
pub mod sensitivity;
pub mod simulate;
pub mod targets;
pub mod uncertainty;
pub mod validate;
pub mod verdict;

#[cfg(test)]
mod test_presets;

pub use actuals::{Actual, Actuals};
pub use certified::CertifiedTotal;
pub use figures::{FigureUnit, Goal, Metric, YearRow};
pub use provenance::{PlannerSource, Provenance};
pub use scenario::{Assumptions, Levers, RegionName, Scenario, Yearly};
pub use simulate::{simulate, Trajectory, Warning, WarningCode};
pub use targets::Target;
pub use uncertainty::Uncertainty;
pub use validate::{validate, ValidationError, ValidationErrors};
pub use verdict::{evaluate, first_year_over, Verdict};
