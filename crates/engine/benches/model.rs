//! One deterministic run (validate + simulate + evaluate targets) per preset, and Monte Carlo
//! throughput (trajectories per second, with bands and target odds) for Yunnan.

#[cfg(not(target_arch = "wasm32"))]
mod common;

/// Benchmarks run natively only; the wasm build of this target is empty.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion, Throughput};
    use std::hint::black_box;
    use swplan_engine::montecarlo::{simulate_many, Settings};
    use swplan_engine::{evaluate, simulate, Scenario};

    /// The presets, read from `seeds/`.
    fn presets() -> Vec<(&'static str, Scenario)> {
        crate::common::SLUGS
            .into_iter()
            .map(|slug| (slug, crate::common::preset(slug)))
            .collect()
    }

    fn deterministic_runs(c: &mut Criterion) {
        let mut group = c.benchmark_group("simulate");
        for (slug, scenario) in presets() {
            group.bench_function(slug, |b| {
                b.iter(|| {
                    let scenario = black_box(&scenario);
                    let trajectory = simulate(scenario).expect("presets validate");
                    let verdicts: Vec<_> = scenario
                        .targets
                        .iter()
                        .map(|t| evaluate(t, &trajectory))
                        .collect();
                    black_box((trajectory, verdicts))
                })
            });
        }
        group.finish();
    }

    fn monte_carlo(c: &mut Criterion) {
        let (_, scenario) = &presets()[0];
        let mut group = c.benchmark_group("montecarlo_yunnan");
        group.sample_size(10);
        for runs in [1_000usize, 10_000] {
            group.throughput(Throughput::Elements(runs as u64));
            group.bench_function(format!("{runs}_trajectories"), |b| {
                b.iter(|| {
                    black_box(simulate_many(scenario, Settings::clamped(runs, 1)).expect("valid"))
                })
            });
        }
        group.finish();
    }

    criterion_group!(benches, deterministic_runs, monte_carlo);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
