//! Property tests: invariants of the model over random valid scenarios.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use swplan_engine::{params, simulate, validate, Scenario, Yearly};
use swplan_plans::presets;

/// A yearly input of any form with values in `0..=max`.
fn yearly(max: f64) -> impl Strategy<Value = Yearly> {
    prop_oneof![
        (0.0..=max).prop_map(Yearly::Constant),
        prop::collection::vec(0.0..=max, 1..12).prop_map(Yearly::List),
        (0.0..=max, -0.2..=0.0f64).prop_map(|(start, growth)| Yearly::Growth { start, growth }),
    ]
}

/// A random valid scenario: a preset with every assumption and lever redrawn.
fn scenario() -> impl Strategy<Value = Scenario> {
    let counts = (
        0.0..200_000.0f64,
        0.0..1.0f64,
        0.0..1.0f64,
        0.0..1.0f64,
        1.0..3_000.0f64,
        0.0..1.0f64,
        0.0..1.0f64,
        1.0..30_000.0f64,
        0.0..1.0f64,
    );
    let rates = (0.0..=1.0f64, 0.0..=1.0f64, 0.0..10.0f64, 0.0..5.0f64);
    let levers = (
        yearly(50_000.0),
        yearly(50_000.0),
        yearly(20_000.0),
        yearly(2_000.0),
        yearly(1.0),
        yearly(1.0),
        yearly(1.0),
        yearly(2_000.0),
        yearly(1_000.0),
        yearly(20_000.0),
    );
    (0..presets::all().len(), counts, rates, levers, 1..=30i32).prop_map(
        |(preset, c, r, l, horizon)| {
            let mut s = presets::all()[preset].scenario.clone();
            let a = &mut s.assumptions;
            a.talent = c.0;
            // Certificate holders as shares of talent so that certified ≤ talent at the start.
            a.certified_junior = c.0 * c.1 / 3.0;
            a.certified_mid = c.0 * c.2 / 3.0;
            a.certified_senior = c.0 * c.3 / 3.0;
            a.townships = c.4;
            a.stations = c.4 * c.5;
            a.demo_stations = a.stations * c.6;
            a.villages = c.7;
            a.rooms = c.7 * c.8;
            a.attrition = r.0;
            a.mid_from_junior = r.1;
            a.staff_per_station = r.2;
            a.staff_per_room = r.3;
            let v = &mut s.levers;
            (
                v.hires,
                v.candidates_junior,
                v.candidates_mid,
                v.candidates_senior,
            ) = (l.0, l.1, l.2, l.3);
            (v.pass_junior, v.pass_mid, v.pass_senior) = (l.4, l.5, l.6);
            (v.stations_per_year, v.demo_per_year, v.rooms_per_year) = (l.7, l.8, l.9);
            s.end_year = s.base_year + horizon;
            s.targets.retain(|t| t.deadline <= s.end_year);
            s
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn generated_scenarios_are_valid(s in scenario()) {
        prop_assert!(validate(&s).is_ok(), "{:?}", validate(&s));
    }

    #[test]
    fn no_stock_is_ever_negative(s in scenario()) {
        let t = simulate(&s).unwrap();
        for row in &t.years {
            for v in [row.talent, row.certified_junior, row.certified_mid, row.certified_senior,
                      row.institutions, row.stations, row.demo_stations, row.rooms,
                      row.positions, row.budget, row.budget_cumulative] {
                prop_assert!(v >= 0.0 && v.is_finite(), "{} in {}: {v}", row.year, s.region);
            }
        }
    }

    #[test]
    fn certified_never_exceeds_talent(s in scenario()) {
        for row in simulate(&s).unwrap().years {
            prop_assert!(row.certified <= row.talent, "{}: {} > {}", row.year, row.certified, row.talent);
        }
    }

    #[test]
    fn stations_never_exceed_townships_and_demo_never_exceeds_stations(s in scenario()) {
        for row in simulate(&s).unwrap().years {
            prop_assert!(row.stations <= s.assumptions.townships);
            prop_assert!(row.demo_stations <= row.stations);
            prop_assert!(row.station_coverage <= 1.0);
        }
    }

    #[test]
    fn rooms_never_exceed_villages(s in scenario()) {
        for row in simulate(&s).unwrap().years {
            prop_assert!(row.rooms <= s.assumptions.villages);
            prop_assert!(row.room_coverage <= 1.0);
        }
    }

    #[test]
    fn more_hiring_never_means_less_talent(s in scenario(), extra in 0.0..10_000.0f64) {
        let base = simulate(&s).unwrap();
        let mut more = s.clone();
        let hires = more.levers.hires.expand(more.horizon());
        more.levers.hires = Yearly::List(hires.iter().map(|h| h + extra).collect());
        let raised = simulate(&more).unwrap();
        for (a, b) in base.years.iter().zip(&raised.years) {
            prop_assert!(b.talent >= a.talent, "{}: {} < {}", a.year, b.talent, a.talent);
        }
    }

    #[test]
    fn the_model_never_panics_on_any_number(key in prop::sample::select(params::PARAMS.iter().map(|p| p.key).collect::<Vec<_>>()),
                                            value in prop_oneof![any::<f64>(), Just(f64::NAN), Just(-1.0), Just(1e308)]) {
        let mut s = presets::default_preset().scenario.clone();
        params::set(&mut s, key, value).unwrap();
        // Either refused with a message or simulated; never a panic.
        let _ = simulate(&s);
    }
}
