//! Solvers for the cheapest plan (issue 22): the linear programmes the engine solves, taken from
//! it ([`cheapest_plan_lps`]), solved by microlp (the engine's), clarabel and minilp; each
//! answer checked against the engine's optimum and timed (median of repeated runs).
//!
//! `cargo run --release --manifest-path tools/solver-compare/Cargo.toml [-- --runs N]`
//! prints Markdown tables. Three kinds of solve per problem:
//! - last: the programme microlp solved last in the engine's constraint generation;
//! - full: every row at once (the plan run's and every sampled future's), as a solver without
//!   constraint generation would be given it;
//! - generation: the engine's constraint generation over the full programme, with each solver.

mod solvers;

use std::hint::black_box;
use std::time::{Duration, Instant};

use swplan_engine::optimise::{
    cheapest_plan_lps, Costs, Goal, Lever, LeverChoice, Problem, StandardLp,
};
use swplan_engine::{Metric, Scenario, Target};
use swplan_plans::presets;
use swplan_plans::state::optimiser::{default_levers, problem_of};
use swplan_plans::state::GoalChoice;

use solvers::{generate, shortfall, SOLVERS};

/// The relative difference from the engine's optimum a solver may have and agree.
const AGREE: f64 = 1e-6;
const SEED: u64 = 1;

struct Case {
    name: &'static str,
    scenario: Scenario,
    problem: Problem,
}

fn cases() -> Vec<Case> {
    // Ningxia as the app asks it: the preset, its default levers (those that drive its
    // targets), every target, the preset's costs, no discount.
    let ningxia = presets::by_slug("ningxia")
        .expect("preset")
        .scenario
        .clone();
    let app = |confidence| {
        let levers = default_levers(&ningxia);
        problem_of(
            &ningxia,
            &levers,
            confidence,
            GoalChoice::LeastCost,
            0.0,
            SEED,
        )
    };
    let (yunnan, ten_years) = yunnan_ten_years();
    vec![
        Case {
            name: "Ningxia, as planned",
            problem: app(None),
            scenario: ningxia.clone(),
        },
        Case {
            name: "Ningxia, at 90 %",
            problem: app(Some(0.9)),
            scenario: ningxia.clone(),
        },
        Case {
            name: "Yunnan ten years, as planned",
            problem: ten_years.clone(),
            scenario: yunnan.clone(),
        },
        Case {
            name: "Yunnan ten years, at 90 %",
            problem: Problem {
                confidence: app(Some(0.9)).confidence,
                ..ten_years
            },
            scenario: yunnan,
        },
    ]
}

/// The criterion benchmark's case (crates/engine/benches/optimise.rs): Yunnan 2021–2030, six
/// levers free in every year, six targets, 3 % discount.
fn yunnan_ten_years() -> (Scenario, Problem) {
    let mut scenario = presets::by_slug("yunnan").expect("preset").scenario.clone();
    let target = |metric, threshold, deadline| Target {
        metric,
        threshold,
        deadline,
        source: None,
    };
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
        seed: SEED,
    };
    (scenario, problem)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runs = match args.iter().position(|a| a == "--runs") {
        Some(i) => args[i + 1].parse().expect("--runs N"),
        None => 21,
    };
    println!("# Solvers for the cheapest plan (issue 22)\n");
    println!(
        "{}, {} cores; load average {} at the start. Median of {runs} runs (5 when one run \
         takes over a second); relative difference |c·x − engine| / |engine|, agreement when \
         ≤ {AGREE:e}; shortfall: the most a row is broken, over 1 + |its bound|.",
        cpu(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load()
    );
    for case in cases() {
        measure(&case, runs);
    }
    println!("\nLoad average {} at the end.", load());
}

fn measure(case: &Case, runs: usize) {
    let started = Instant::now();
    let lps = cheapest_plan_lps(&case.scenario, &case.problem)
        .expect("a valid problem")
        .expect("the targets can be met");
    let horizon = case.scenario.end_year - case.scenario.base_year;
    println!(
        "\n## {} ({}–{}, {horizon} years; {} levers free; the engine's linearising and solve {})\n",
        case.name,
        case.scenario.base_year,
        case.scenario.end_year,
        case.problem.levers.len(),
        show(started.elapsed())
    );
    let full_differs = lps.full != lps.last;
    let mut programmes = vec![("last", &lps.last)];
    if full_differs {
        programmes.push(("full", &lps.full));
    }
    println!("| programme | variables (fixed) | rows | nonzeros |\n|---|---:|---:|---:|");
    for (name, lp) in &programmes {
        let fixed = lp.bounds.iter().filter(|(min, max)| min == max).count();
        let nonzeros: usize = lp.rows.iter().map(|r| r.coefficients.len()).sum();
        let rows = lp.rows.len();
        println!(
            "| {name} | {} ({fixed}) | {rows} | {nonzeros} |",
            lp.bounds.len()
        );
    }
    if !full_differs {
        println!("\nAs planned there are no sampled futures: the full programme is the last one.");
    }
    println!(
        "\n| solve | solver | c·x (元) | vs engine | agrees | largest shortfall | rows / rounds | \
         median | runs |\n|---|---|---:|---:|---|---:|---:|---:|---:|"
    );
    let engine = lps.optimum;
    let report = |what: &str,
                  solver: &str,
                  lp: &StandardLp,
                  x: &[f64],
                  extra: &str,
                  time: (Duration, usize)| {
        let value = lp.value(x);
        let difference = (value - engine).abs() / engine.abs();
        let worst = lps
            .full
            .rows
            .iter()
            .map(|r| shortfall(r, x))
            .fold(0.0, f64::max);
        println!(
            "| {what} | {solver} | {:.0} | {difference:.1e} | {} | {worst:.1e} | {extra} | {} | {} |",
            value * lp.objective_scale,
            if difference <= AGREE { "yes" } else { "**no**" },
            show(time.0),
            time.1
        );
    };
    for (what, lp) in &programmes {
        for (solver, solve) in SOLVERS {
            match solve(lp) {
                Ok(x) => {
                    let time = median(runs, || drop(black_box(solve(lp))));
                    report(what, solver, lp, &x, &lp.rows.len().to_string(), time);
                }
                Err(e) => println!("| {what} | {solver} | failed: {e} | | | | | | |"),
            }
        }
    }
    if full_differs {
        for (solver, solve) in SOLVERS {
            match generate(&lps.full, solve) {
                Ok((x, rows, rounds)) => {
                    let time = median(runs, || drop(black_box(generate(&lps.full, solve))));
                    let extra = format!("{rows} / {rounds}");
                    report("generation", solver, &lps.full, &x, &extra, time);
                }
                Err(e) => println!("| generation | {solver} | failed: {e} | | | | | | |"),
            }
        }
    }
}

/// The median time of `f` over `runs` runs (5 if one run takes over a second), after one run
/// not timed; and the number of runs.
fn median(runs: usize, mut f: impl FnMut()) -> (Duration, usize) {
    let first = Instant::now();
    f();
    let runs = if first.elapsed() > Duration::from_secs(1) {
        runs.min(5)
    } else {
        runs
    };
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[runs / 2], runs)
}

fn show(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1_000.0 {
        format!("{us:.0} µs")
    } else if us < 1_000_000.0 {
        format!("{:.2} ms", us / 1e3)
    } else {
        format!("{:.2} s", us / 1e6)
    }
}

fn cpu() -> String {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = info.lines().find(|l| l.starts_with("model name"));
    model
        .and_then(|l| l.split(':').nth(1))
        .map_or("unknown CPU".into(), |m| m.trim().into())
}

fn load() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(", ")
}
