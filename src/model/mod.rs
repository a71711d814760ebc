//! The workforce pipeline model: pure Rust, no web dependency, no I/O, no clock.
//! A scenario goes in, a year table and verdicts come out.

pub mod actuals;
pub mod asof;
pub mod backtest;
pub mod calibrate;
pub mod figures;
mod lsq;
pub mod montecarlo;
pub mod params;
pub mod plausibility;
pub mod reproject;
pub mod rollup;
pub mod scenario;
pub mod seek;
pub mod simulate;
pub mod targets;
pub mod uncertainty;
pub mod validate;

pub use actuals::{Actual, Actuals};
pub use figures::{FigureUnit, Goal, Metric, YearRow};
pub use scenario::{Assumptions, Levers, Provenance, RegionName, Scenario, Yearly};
pub use simulate::{simulate, Trajectory, Warning, WarningCode};
pub use targets::{evaluate, Target, Verdict};
pub use uncertainty::Uncertainty;
pub use validate::{validate, ValidationError, ValidationErrors};
