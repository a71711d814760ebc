//! One at a time: each lever and each assumption swung across its plausible range, the plan
//! run repeated, and the target's value at its deadline read at both ends.

use serde::{Deserialize, Serialize};

use crate::montecarlo::completion_bounds;
use crate::params::{self, Kind, Unit, ValueMut};
use crate::scenario::{Scenario, Yearly};
use crate::simulate::{run, year_inputs, Trajectory, YearInputs};
use crate::targets::Target;
use crate::validate::{validate, ValidationErrors};

/// The swing of a factor without an uncertainty range of its own: ±20 %.
pub const DEFAULT_SWING: f64 = 0.2;

/// Where a factor's range comes from.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SwingRange {
    /// The Monte Carlo's spread of this input: ± that share of its value.
    Spread(f64),
    /// No uncertainty is given: ± [`DEFAULT_SWING`].
    Default(f64),
    /// The range of the share of planned builds finished within their year.
    Completion { low: f64, high: f64 },
}

/// One bar of a tornado.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bar {
    /// The parameter's registry key (`hires`, `attrition`, `room_completion`…).
    pub key: &'static str,
    pub range: SwingRange,
    /// The target's value at its deadline with the factor at the low and the high end; `None`
    /// when that end makes the scenario invalid (e.g. fewer townships than stations built).
    pub value_at_low: Option<f64>,
    pub value_at_high: Option<f64>,
    /// The distance between the two (or between the base and the one valid end).
    pub swing: f64,
}

/// The bars of one target, widest swing first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tornado {
    /// Index into the scenario's targets.
    pub target: usize,
    /// The target's value at its deadline in the plan run.
    pub base: f64,
    pub bars: Vec<Bar>,
}

/// The uncertainty spread that the Monte Carlo applies to a parameter, if any.
fn spread_of(scenario: &Scenario, key: &str) -> Option<f64> {
    let u = &scenario.uncertainty;
    let spread = match key {
        "hires" => u.spread_hires,
        "attrition" => u.spread_attrition,
        "candidates_junior" | "candidates_mid" | "candidates_senior" => u.spread_candidates,
        "pass_junior" | "pass_mid" | "pass_senior" => u.spread_pass,
        _ => return None,
    };
    (spread > 0.0).then_some(spread)
}

/// The scenario with parameter `key` multiplied by `factor` (every year of a schedule); rates
/// stay at most 100 %.
fn scaled(scenario: &Scenario, key: &str, factor: f64, unit: Unit) -> Scenario {
    let cap = |v: f64| {
        if unit == Unit::Rate {
            (v * factor).min(1.0)
        } else {
            v * factor
        }
    };
    let years = scenario.horizon();
    let mut swung = scenario.clone();
    match params::value_mut(&mut swung, key) {
        Some(ValueMut::Scalar(slot)) => *slot = cap(*slot),
        Some(ValueMut::Yearly(slot)) => {
            *slot = Yearly::List(slot.expand(years).into_iter().map(cap).collect())
        }
        None => {}
    }
    swung
}

/// Every target's value at its deadline in a trajectory (`None` past the table).
fn values(scenario: &Scenario, trajectory: &Trajectory) -> Vec<Option<f64>> {
    scenario
        .targets
        .iter()
        .map(|t: &Target| trajectory.row(t.deadline).map(|row| t.metric.value(row)))
        .collect()
}

/// Every target's value with the scenario's plan, or `None`s if the scenario is invalid.
fn planned_values(scenario: &Scenario) -> Vec<Option<f64>> {
    match validate(scenario) {
        Ok(()) => values(scenario, &run(scenario, &year_inputs(scenario))),
        Err(_) => vec![None; scenario.targets.len()],
    }
}

/// One factor swung to both ends: its key, its range, every target's value at each end.
struct Swing {
    key: &'static str,
    range: SwingRange,
    low: Vec<Option<f64>>,
    high: Vec<Option<f64>>,
}

/// Sets the share of one kind of build finished within its year.
type SetShare = fn(&mut YearInputs, f64);

/// Every factor swung to both ends of its range, each run once for all targets.
fn swings(scenario: &Scenario) -> Vec<Swing> {
    let plan = year_inputs(scenario);
    let mut swings: Vec<Swing> = params::PARAMS
        .iter()
        .filter(|p| matches!(p.kind, Kind::Lever | Kind::Assumption))
        // Where the region stands in the base year is counted, not chosen nor assumed.
        .filter(|p| !params::STARTING_STATE.contains(&p.key))
        .map(|p| {
            let (range, share) = match spread_of(scenario, p.key) {
                Some(spread) => (SwingRange::Spread(spread), spread),
                None => (SwingRange::Default(DEFAULT_SWING), DEFAULT_SWING),
            };
            let at = |factor: f64| planned_values(&scaled(scenario, p.key, factor, p.unit));
            Swing {
                key: p.key,
                range,
                low: at(1.0 - share),
                high: at(1.0 + share),
            }
        })
        .collect();
    // Completion: every year's planned builds finished at the low or the high end of the range.
    let completions: [(&'static str, f64, SetShare); 2] = [
        (
            "station_completion",
            scenario.uncertainty.station_completion,
            |i, s| i.station_completion = s,
        ),
        (
            "room_completion",
            scenario.uncertainty.room_completion,
            |i, s| i.room_completion = s,
        ),
    ];
    for (key, p, set) in completions {
        let (low, high) = completion_bounds(p);
        let at = |share: f64| {
            let mut inputs = plan.clone();
            for input in &mut inputs {
                set(input, share);
            }
            values(scenario, &run(scenario, &inputs))
        };
        swings.push(Swing {
            key,
            range: SwingRange::Completion { low, high },
            low: at(low),
            high: at(high),
        });
    }
    swings
}

/// The tornado of every target of a scenario, in the scenario's order.
pub fn tornadoes(scenario: &Scenario) -> Result<Vec<Tornado>, ValidationErrors> {
    validate(scenario)?;
    let base = values(scenario, &run(scenario, &year_inputs(scenario)));
    let swings = swings(scenario);
    Ok((0..scenario.targets.len())
        .map(|index| {
            let base = base[index].unwrap_or(f64::NAN);
            let mut bars: Vec<Bar> = swings
                .iter()
                .map(|s| bar(s.key, s.range, base, s.low[index], s.high[index]))
                .collect();
            // Widest first; equal swings keep the registry's order (the sort is stable).
            bars.sort_by(|a, b| b.swing.total_cmp(&a.swing));
            Tornado {
                target: index,
                base,
                bars,
            }
        })
        .collect())
}

fn bar(
    key: &'static str,
    range: SwingRange,
    base: f64,
    low: Option<f64>,
    high: Option<f64>,
) -> Bar {
    let swing = match (low, high) {
        (Some(l), Some(h)) => (h - l).abs(),
        (Some(v), None) | (None, Some(v)) => (v - base).abs(),
        (None, None) => 0.0,
    };
    Bar {
        key,
        range,
        value_at_low: low,
        value_at_high: high,
        swing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::targets::Metric;

    fn preset(slug: &str) -> Scenario {
        crate::test_presets::by_slug(slug).unwrap().scenario.clone()
    }

    fn bar_of<'a>(tornado: &'a Tornado, key: &str) -> &'a Bar {
        tornado.bars.iter().find(|b| b.key == key).unwrap()
    }

    #[test]
    fn bars_are_sorted_by_swing_and_every_number_is_finite() {
        for slug in ["ningxia", "yunnan", "guizhou"] {
            for tornado in tornadoes(&preset(slug)).unwrap() {
                assert!(tornado.base.is_finite());
                for pair in tornado.bars.windows(2) {
                    assert!(pair[0].swing >= pair[1].swing, "{slug}");
                }
                for bar in &tornado.bars {
                    assert!(bar.swing.is_finite() && bar.swing >= 0.0, "{slug} {bar:?}");
                    for v in [bar.value_at_low, bar.value_at_high].into_iter().flatten() {
                        assert!(v.is_finite(), "{slug} {bar:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn talent_swings_most_with_hiring_or_attrition_and_not_at_all_with_rooms() {
        let s = preset("yunnan");
        let tornado = &tornadoes(&s).unwrap()[0];
        assert_eq!(s.targets[0].metric, Metric::Talent);
        assert!(
            ["hires", "attrition"].contains(&tornado.bars[0].key),
            "{:?}",
            tornado.bars[0]
        );
        assert_eq!(bar_of(tornado, "rooms_per_year").swing, 0.0);
        assert_eq!(
            bar_of(tornado, "hires").range,
            SwingRange::Spread(s.uncertainty.spread_hires)
        );
        assert_eq!(
            bar_of(tornado, "institutions_per_year").range,
            SwingRange::Default(0.2)
        );
    }

    #[test]
    fn hiring_s_swing_is_its_spread_of_the_hires_at_the_deadline() {
        // Talent is linear in hires: ±15 % of hires moves talent by ±15 % of what the hires add.
        let mut s = preset("yunnan");
        s.uncertainty.spread_hires = 0.15;
        let tornado = &tornadoes(&s).unwrap()[0];
        let mut none = s.clone();
        none.levers.hires = Yearly::Constant(0.0);
        let from_hires = tornado.base - planned_values(&none)[0].unwrap();
        let swing = bar_of(tornado, "hires").swing;
        assert!(
            (swing - 0.3 * from_hires).abs() < 1e-6 * from_hires,
            "{swing} vs {from_hires}"
        );
    }

    #[test]
    fn room_targets_swing_with_room_completion() {
        let s = preset("ningxia");
        let index = s
            .targets
            .iter()
            .position(|t| t.metric == Metric::Rooms)
            .unwrap();
        let tornado = &tornadoes(&s).unwrap()[index];
        let rooms = bar_of(tornado, "room_completion");
        assert!(rooms.swing > 0.0);
        assert!(rooms.value_at_low < rooms.value_at_high, "{rooms:?}");
        assert_eq!(bar_of(tornado, "station_completion").swing, 0.0);
    }

    #[test]
    fn where_the_region_stands_in_the_base_year_is_no_factor() {
        for tornado in tornadoes(&preset("yunnan")).unwrap() {
            for bar in &tornado.bars {
                assert!(!crate::params::STARTING_STATE.contains(&bar.key), "{bar:?}");
            }
        }
    }
}
