//! Every number stays finite: over extreme inputs (1e308, −1e308, 1e-320, −0, subnormal
//! numbers, `f64::MAX`, `f64::MIN_POSITIVE`, NaN, infinities, values at and just past the
//! hard bounds, huge lists, growth rates at their limits, and random mixes of these), either
//! validation refuses the scenario, or the plan and its Monte Carlo give only finite numbers,
//! stocks that are never negative, certified never above talent and coverage never above full.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use proptest::prelude::*;
use swplan_engine::montecarlo::{self, Settings};
use swplan_engine::params::{self, Shape, ValueMut, PARAMS};
use swplan_engine::simulate::year_inputs;
use swplan_engine::{validate, Metric, Scenario, Target, Trajectory, YearRow, Yearly};

/// The presets, read from `seeds/` (this crate cannot use the plans crate that embeds them).
fn presets() -> &'static [Scenario] {
    static PRESETS: OnceLock<Vec<Scenario>> = OnceLock::new();
    PRESETS.get_or_init(|| {
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds/");
        [
            "yunnan", "guizhou", "ningxia", "guangxi", "lhasa", "nanchang", "jinan", "lanzhou",
        ]
        .iter()
        .map(|slug| {
            let text = std::fs::read_to_string(format!("{seeds}{slug}.toml")).unwrap();
            let mut table: toml::Table = toml::from_str(&text).unwrap();
            table.remove("data_version");
            toml::Value::Table(table).try_into().unwrap()
        })
        .collect()
    })
}

/// A number as drawn, before it meets the parameter (or target) whose bound it is measured by.
#[derive(Clone, Copy, Debug)]
enum Draw {
    /// Anything at all, or one of the classic troublemakers.
    Wild(f64),
    /// A share of the bound (0 to 1), so most of these are valid.
    OfBound(f64),
    /// The bound itself, or a few units in the last place either side of it.
    NearBound(i32),
    /// Zero, −0, subnormal or the least normal number.
    Tiny(f64),
}

impl Draw {
    fn value(self, bound: f64) -> f64 {
        match self {
            Draw::Wild(value) | Draw::Tiny(value) => value,
            Draw::OfBound(share) => share * bound,
            Draw::NearBound(steps) => {
                let mut value = bound;
                for _ in 0..steps.unsigned_abs() {
                    value = if steps > 0 {
                        value.next_up()
                    } else {
                        value.next_down()
                    };
                }
                value
            }
        }
    }
}

/// A number a planner, a link or a file could hold, weighted towards the extreme.
fn draw() -> impl Strategy<Value = Draw> {
    prop_oneof![
        1 => prop_oneof![
            prop::sample::select(vec![
                1e308,
                -1e308,
                -1e-320,
                f64::MAX,
                f64::MIN,
                f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
            ]),
            prop::num::f64::ANY,
        ]
        .prop_map(Draw::Wild),
        5 => (0.0..=1.0f64).prop_map(Draw::OfBound),
        3 => (-2..=1i32).prop_map(Draw::NearBound),
        3 => prop_oneof![
            prop::sample::select(vec![0.0, -0.0, 1e-320, 5e-324, f64::MIN_POSITIVE, f64::EPSILON]),
            prop::num::f64::POSITIVE | prop::num::f64::SUBNORMAL,
        ]
        .prop_map(Draw::Tiny),
    ]
}

/// A growth rate at or near its limits (−100 %, +100 %), inside them, or anything at all.
fn growth() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => prop::sample::select(vec![
            1.0,
            -1.0,
            1.0f64.next_up(),
            (-1.0f64).next_down(),
            1.0f64.next_down(),
            (-1.0f64).next_up(),
            0.999,
            -0.999,
            0.0,
            -0.0,
            1e-320,
        ]),
        2 => -1.0..=1.0f64,
        1 => prop::num::f64::ANY,
    ]
}

/// A yearly input as drawn: one value, a list (up to far longer than any horizon), or growth
/// from a start that is often the bound halved a number of times, so that it crosses the bound
/// within the horizon, or just does not.
#[derive(Clone, Debug)]
enum DrawnYearly {
    Constant(Draw),
    List(Vec<Draw>),
    Growth {
        start: Draw,
        halvings: i32,
        growth: f64,
    },
}

impl DrawnYearly {
    fn value(&self, bound: f64) -> Yearly {
        match self {
            DrawnYearly::Constant(d) => Yearly::Constant(d.value(bound)),
            DrawnYearly::List(draws) => {
                Yearly::List(draws.iter().map(|d| d.value(bound)).collect())
            }
            DrawnYearly::Growth {
                start,
                halvings,
                growth,
            } => Yearly::Growth {
                start: start.value(bound) / 2f64.powi(*halvings),
                growth: *growth,
            },
        }
    }
}

fn yearly() -> impl Strategy<Value = DrawnYearly> {
    prop_oneof![
        3 => draw().prop_map(DrawnYearly::Constant),
        2 => prop::collection::vec(draw(), 0..40).prop_map(DrawnYearly::List),
        1 => (draw(), 0..100_000usize).prop_map(|(d, n)| DrawnYearly::List(vec![d; n])),
        3 => (draw(), 0..=30i32, growth())
            .prop_map(|(start, halvings, growth)| DrawnYearly::Growth { start, halvings, growth }),
    ]
}

/// A preset with some of its parameters, its horizon and extra target thresholds replaced by
/// extremes: a few at a time, and in half the cases with the stocks made consistent (stations
/// within townships, certified within talent), so that many scenarios stay valid and are run.
fn scenario() -> impl Strategy<Value = Scenario> {
    let replacements = prop::collection::vec(
        prop::option::weighted(0.15, (draw(), yearly())),
        PARAMS.len(),
    );
    let horizon = prop_oneof![8 => 1..=30i32, 1 => any::<i32>()];
    let thresholds = prop::collection::vec(draw(), 0..3);
    let consistent = any::<bool>();
    (
        0..presets().len(),
        replacements,
        horizon,
        thresholds,
        consistent,
    )
        .prop_map(|(preset, replacements, horizon, thresholds, consistent)| {
            let mut s = presets()[preset].clone();
            for (param, replacement) in PARAMS.iter().zip(replacements) {
                let Some((number, schedule)) = replacement else {
                    continue;
                };
                let bound = param.unit.max();
                match (params::value_mut(&mut s, param.key), param.shape) {
                    (Some(ValueMut::Scalar(slot)), Shape::Scalar) => *slot = number.value(bound),
                    (Some(ValueMut::Yearly(slot)), Shape::Yearly) => *slot = schedule.value(bound),
                    _ => unreachable!("the registry's shapes match the scenario"),
                }
            }
            if consistent {
                let a = &mut s.assumptions;
                a.townships = a.townships.max(a.stations).max(1.0);
                a.stations = a.stations.max(a.demo_stations);
                a.townships = a.townships.max(a.stations);
                a.villages = a.villages.max(a.rooms).max(1.0);
                a.talent = a
                    .talent
                    .max(a.certified_junior + a.certified_mid + a.certified_senior);
            }
            s.end_year = s.base_year.saturating_add(horizon);
            s.targets.retain(|t| t.deadline <= s.end_year);
            let metrics: Vec<Metric> = Metric::targetable().collect();
            for (i, threshold) in thresholds.into_iter().enumerate() {
                let metric = metrics[(i * 5 + preset) % metrics.len()];
                s.targets.push(Target {
                    metric,
                    threshold: threshold.value(params::threshold_bound(metric).1),
                    deadline: s.end_year,
                    source: None,
                });
            }
            s
        })
}

/// The invariants of one row: every figure finite and not negative, certified within talent,
/// coverage within full. `slack` allows a summary (whose percentiles interpolate between runs)
/// a rounding error relative to the figure; a trajectory gets none.
fn check_row(row: &YearRow, slack: f64) -> Result<(), TestCaseError> {
    for (key, value) in YearRow::FIELDS.iter().zip(row.fields()) {
        prop_assert!(value.is_finite(), "{} {key} = {value}", row.year);
        prop_assert!(value >= 0.0, "{} {key} = {value}", row.year);
    }
    prop_assert!(
        row.certified <= row.talent * (1.0 + slack),
        "{}: certified {} > talent {}",
        row.year,
        row.certified,
        row.talent
    );
    for coverage in [row.station_coverage, row.room_coverage] {
        prop_assert!(coverage <= 1.0 + slack, "{}: coverage {coverage}", row.year);
    }
    Ok(())
}

/// A trajectory's rows, whose certificate levels also add up within talent (a summary's do
/// not have to: the percentiles of three levels need not come from the same run).
fn check_trajectory(t: &Trajectory) -> Result<(), TestCaseError> {
    for row in &t.years {
        check_row(row, 0.0)?;
        let levels = row.certified_junior + row.certified_mid + row.certified_senior;
        prop_assert!(levels <= row.talent, "{}: levels {levels}", row.year);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn every_number_stays_finite_or_the_scenario_is_refused(s in scenario(), seed in any::<u64>()) {
        if validate(&s).is_err() {
            return Ok(());
        }
        check_trajectory(&swplan_engine::simulate(&s).unwrap())?;

        let plan = year_inputs(&s);
        for run in 0..3 {
            check_trajectory(&montecarlo::trajectory(&s, &plan, seed, run))?;
        }
        let summary = montecarlo::simulate_many(&s, Settings { runs: 3, seed }).unwrap();
        for rows in [&summary.p10, &summary.p50, &summary.p90, &summary.mean] {
            for row in rows {
                check_row(row, 1e-12)?;
            }
        }
        for odds in &summary.targets {
            prop_assert!((0.0..=1.0).contains(&odds.probability));
            prop_assert!((0.0..=1.0).contains(&odds.never_met));
        }
    }
}
