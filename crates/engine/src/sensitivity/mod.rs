//! Which lever or assumption matters most for each target.
//!
//! Two views, both data for the wording layer:
//! - a tornado per target ([`tornado::tornadoes`]): every lever and assumption swung one at a
//!   time across its plausible range (its Monte Carlo spread where it has one, else ±20 %; the
//!   completion shares across their range), sorted by the swing of the target's value at its
//!   deadline;
//! - variance shares per target ([`sobol::variance_shares`]): how much of the Monte Carlo
//!   spread of the deadline value, and of "met or not" (the odds), each source of uncertainty
//!   explains, by Saltelli's estimator on scrambled Sobol points, computed in steps
//!   ([`sobol::Estimation::advance`]).

pub mod sobol;
pub mod tornado;

pub use sobol::{variance_shares, Estimation, Share, SobolSettings, Source, TargetShares};
pub use tornado::{tornadoes, Bar, SwingRange, Tornado, DEFAULT_SWING};
