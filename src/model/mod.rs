//! The workforce pipeline model: pure Rust, no web dependency, no I/O, no clock.
//! A scenario goes in, a year table and verdicts come out.

pub mod asof;
pub mod figures;
pub mod montecarlo;
pub mod optimise;
pub mod params;
pub mod plausibility;
pub mod scenario;
pub mod seek;
pub mod sensitivity;
pub mod simulate;
pub mod targets;
pub mod uncertainty;
pub mod validate;

pub use figures::{FigureUnit, Goal, Metric, YearRow};
pub use scenario::{Assumptions, Levers, Provenance, RegionName, Scenario, Yearly};
pub use simulate::{simulate, Trajectory, Warning, WarningCode};
pub use targets::{evaluate, Target, Verdict};
pub use uncertainty::Uncertainty;
pub use validate::{validate, ValidationError, ValidationErrors};
