//! The optimiser on the budget case: Yunnan over ten years (2021–2030), six levers free
//! in every year, six targets at the horizon, as planned and at 90 % confidence (the scenario
//! count of the Campi–Garatti bound: about a thousand futures for sixty decisions). Also the
//! sensitivity analysis of the same plan.

#[cfg(not(target_arch = "wasm32"))]
mod common;

/// Benchmarks run natively only; the wasm build of this target is empty.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion};
    use std::hint::black_box;
    use swplan_engine::optimise::{
        optimise, Confidence, Costs, Goal, Lever, LeverChoice, Problem, DEFAULT_BETA,
    };
    use swplan_engine::sensitivity::{tornadoes, variance_shares, SobolSettings};
    use swplan_engine::{Metric, Scenario, Target};

    fn target(metric: Metric, threshold: f64, deadline: i32) -> Target {
        Target {
            metric,
            threshold,
            deadline,
            source: None,
        }
    }

    /// Yunnan with targets at 2030 on what six levers drive.
    fn ten_years() -> (Scenario, Problem) {
        let mut scenario = crate::common::preset("yunnan");
        scenario.targets = vec![
            target(Metric::Talent, 140_000.0, 2025),
            target(Metric::Talent, 170_000.0, 2030),
            target(Metric::Certified, 20_000.0, 2030),
            target(Metric::StationCoverage, 1.0, 2025),
            target(Metric::RoomCoverage, 0.5, 2030),
            target(Metric::Institutions, 600.0, 2030),
        ];
        let lever = |lever, max| LeverChoice::every_year(lever, 0.0, max);
        let problem = Problem {
            levers: vec![
                lever(Lever::Hires, 40_000.0),
                lever(Lever::CandidatesJunior, 30_000.0),
                lever(Lever::CandidatesMid, 10_000.0),
                lever(Lever::StationsPerYear, 600.0),
                lever(Lever::RoomsPerYear, 3_000.0),
                lever(Lever::InstitutionsPerYear, 100.0),
            ],
            targets: (0..scenario.targets.len()).collect(),
            costs: Costs {
                per_hire: 2_000.0,
                per_candidate: 500.0,
                discount_rate: 0.03,
            },
            goal: Goal::LeastCost,
            confidence: None,
            seed: 1,
        };
        (scenario, problem)
    }

    fn optimiser(c: &mut Criterion) {
        let (scenario, problem) = ten_years();
        let mut group = c.benchmark_group("optimise_yunnan_10y_6_levers");
        group.sample_size(10);
        group.bench_function("as_planned", |b| {
            b.iter(|| black_box(optimise(&scenario, &problem).expect("solves")))
        });
        let at_90 = Problem {
            confidence: Some(Confidence {
                level: 0.9,
                beta: DEFAULT_BETA,
            }),
            ..problem.clone()
        };
        group.bench_function("confidence_90", |b| {
            b.iter(|| black_box(optimise(&scenario, &at_90).expect("solves")))
        });
        group.finish();
    }

    fn sensitivity(c: &mut Criterion) {
        let (scenario, _) = ten_years();
        let mut group = c.benchmark_group("sensitivity_yunnan_10y_6_targets");
        group.sample_size(10);
        group.bench_function("tornadoes", |b| {
            b.iter(|| black_box(tornadoes(&scenario).expect("valid")))
        });
        group.bench_function("sobol_1024_points", |b| {
            b.iter(|| {
                black_box(variance_shares(&scenario, SobolSettings::default()).expect("valid"))
            })
        });
        group.finish();
    }

    criterion_group!(benches, optimiser, sensitivity);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
