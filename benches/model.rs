//! One deterministic run (validate + simulate + evaluate targets) per preset.
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use swplan::model::{evaluate, simulate};
use swplan::presets;

fn deterministic_runs(c: &mut Criterion) {
    let mut group = c.benchmark_group("simulate");
    for preset in presets::all() {
        group.bench_function(preset.slug, |b| {
            b.iter(|| {
                let scenario = black_box(&preset.scenario);
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

criterion_group!(benches, deterministic_runs);
criterion_main!(benches);
