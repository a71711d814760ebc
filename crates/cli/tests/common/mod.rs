//! Shared by the native and the WebAssembly tests: one Monte Carlo run whose checksum must be
//! identical on both platforms.
#![allow(dead_code)]

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

use swplan_engine::montecarlo::{simulate_many, Settings, Summary};
use swplan_plans::presets;

/// Yunnan, 500 runs, seed 42, computed natively. If the model changes on purpose, update it
/// from the native test's failure message; the wasm test must then agree.
pub const YUNNAN_CHECKSUM: u64 = 10_894_006_575_802_873_120;

pub fn checksum_summary() -> Summary {
    let scenario = &presets::default_preset().scenario;
    simulate_many(scenario, Settings::clamped(500, 42)).expect("the default preset validates")
}
