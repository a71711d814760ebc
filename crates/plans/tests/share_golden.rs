//! Golden links: every link in `tests/golden_links.toml` must open forever with the numbers
//! frozen there — whatever the app's version, and whatever corrections the presets' data
//! receives later (a link names the data version it was made on).
#![cfg(not(target_arch = "wasm32"))]

use serde::Deserialize;
use swplan_engine::montecarlo::simulate_many;
use swplan_engine::{evaluate, simulate, Metric};
use swplan_plans::share::decode;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    link: Vec<Golden>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Golden {
    what: String,
    link: String,
    problems: usize,
    #[serde(default)]
    monte_carlo: bool,
    plan: Vec<Expected>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    region: String,
    base_year: i32,
    end_year: i32,
    talent: f64,
    #[serde(default)]
    talent_p50: Option<f64>,
    certified: f64,
    stations: f64,
    budget_cumulative: f64,
    targets: Vec<ExpectedTarget>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedTarget {
    metric: String,
    threshold: f64,
    deadline: i32,
    met: bool,
    gap: f64,
    #[serde(default)]
    first_year: Option<i32>,
    #[serde(default)]
    probability: Option<f64>,
}

/// Equal up to rounding noise: the numbers a planner reads are the same.
fn same(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0)
}

fn golden_links() -> Vec<Golden> {
    let text = include_str!("golden_links.toml");
    toml::from_str::<File>(text)
        .expect("golden_links.toml parses")
        .link
}

#[test]
fn every_golden_link_opens_with_its_frozen_numbers() {
    let mut failures = Vec::new();
    for golden in golden_links() {
        let mut fail = |what: String| failures.push(format!("{}: {what}", golden.what));
        let opened = decode(&golden.link);
        if opened.problems.len() != golden.problems {
            fail(format!(
                "{} problems: {:?}",
                opened.problems.len(),
                opened.problems
            ));
        }
        if opened.plans.len() != golden.plan.len() {
            fail(format!("{} plans", opened.plans.len()));
            continue;
        }
        for (plan, expected) in opened.plans.iter().zip(&golden.plan) {
            let scenario = &plan.scenario;
            if (
                scenario.region.as_str(),
                scenario.base_year,
                scenario.end_year,
            ) != (
                expected.region.as_str(),
                expected.base_year,
                expected.end_year,
            ) {
                fail(format!(
                    "region and years {} {}–{}",
                    scenario.region, scenario.base_year, scenario.end_year
                ));
            }
            let trajectory = simulate(scenario).expect("a decoded plan validates");
            let Some(end) = trajectory.years.last() else {
                fail("no years".into());
                continue;
            };
            for (name, actual, frozen) in [
                ("talent", end.talent, expected.talent),
                ("certified", end.certified, expected.certified),
                ("stations", end.stations, expected.stations),
                (
                    "budget_cumulative",
                    end.budget_cumulative,
                    expected.budget_cumulative,
                ),
            ] {
                if !same(actual, frozen) {
                    fail(format!("{name} {actual}, frozen {frozen}"));
                }
            }
            let summary = golden
                .monte_carlo
                .then(|| simulate_many(scenario, plan.mc).expect("validates"));
            if let (Some(summary), Some(frozen)) = (&summary, expected.talent_p50) {
                let p50 = summary.p50.last().map_or(f64::NAN, |row| row.talent);
                if !same(p50, frozen) {
                    fail(format!("talent P50 {p50}, frozen {frozen}"));
                }
            }
            if scenario.targets.len() != expected.targets.len() {
                fail(format!("{} targets", scenario.targets.len()));
                continue;
            }
            for (i, (target, frozen)) in scenario.targets.iter().zip(&expected.targets).enumerate()
            {
                let verdict = evaluate(target, &trajectory);
                let probability = summary.as_ref().map(|s| s.targets[i].probability);
                let as_frozen = Metric::from_key(&frozen.metric) == Some(target.metric)
                    && same(target.threshold, frozen.threshold)
                    && target.deadline == frozen.deadline
                    && verdict.met == frozen.met
                    && same(verdict.gap, frozen.gap)
                    && verdict.first_year_met == frozen.first_year
                    && probability
                        .zip(frozen.probability)
                        .is_none_or(|(a, b)| same(a, b))
                    && probability.is_some() == frozen.probability.is_some();
                if !as_frozen {
                    fail(format!(
                        "target {} {}: met {} gap {} first {:?} probability {probability:?}",
                        i + 1,
                        target.metric.key(),
                        verdict.met,
                        verdict.gap,
                        verdict.first_year_met
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "golden links changed:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_golden_links_cover_every_preset_and_every_kind_of_link() {
    let links = golden_links();
    for preset in swplan_plans::presets::all() {
        assert!(
            links
                .iter()
                .any(|g| g.link.ends_with(&format!("p={}.1", preset.slug))),
            "no golden link for {}",
            preset.slug
        );
    }
    let any = |pred: &dyn Fn(&Golden) -> bool| links.iter().any(pred);
    assert!(
        any(&|g| g.link.contains('_') && g.link.contains("&h=")),
        "a schedule"
    );
    assert!(
        any(&|g| g.link.contains('g') && g.link.contains("h=8000g")),
        "growth"
    );
    assert!(any(&|g| g.link.contains("&t=")), "custom targets");
    assert!(
        any(&|g| g.link.contains("p=new") && g.link.contains("rn=")),
        "a custom region"
    );
    assert!(any(&|g| g.plan.len() > 1), "a comparison");
    assert!(any(&|g| !g.link.contains("v=")), "a version-0 link");
    assert!(any(&|g| g.link.contains("isappinstalled")), "chat-app keys");
    assert!(any(&|g| g.monte_carlo), "Monte Carlo settings");
    assert!(
        any(&|g| g.link.starts_with("v=2&") && g.link.contains("&r=")),
        "format 2, a room schedule at the current model reading"
    );
    assert!(
        any(&|g| g.link.contains("&m=1")),
        "format 2 keeping the first model reading"
    );
}

#[test]
fn every_golden_link_is_written_with_url_safe_characters_only() {
    for golden in golden_links() {
        let query = swplan_plans::share::query_part(&golden.link);
        assert!(
            query
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~=&".contains(c)),
            "{}",
            golden.what
        );
    }
}
