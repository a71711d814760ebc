//! One at a time: each lever and each assumption swung across its plausible range, the plan
//! run repeated, and the target's value at its deadline read at both ends.

use serde::{Deserialize, Serialize};

use crate::model::montecarlo::completion_bounds;
use crate::model::params::{self, Kind, Unit, ValueMut};
use crate::model::scenario::{Scenario, Yearly};
use crate::model::simulate::{run, year_inputs, YearInputs};
use crate::model::targets::Target;
use crate::model::validate::{validate, ValidationErrors};

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

/// The target's value at its deadline for a scenario and its inputs.
fn value(scenario: &Scenario, inputs: &[YearInputs], target: &Target) -> Option<f64> {
    run(scenario, inputs)
        .row(target.deadline)
        .map(|row| target.metric.value(row))
}

/// The target's value at its deadline with the scenario's plan, if the scenario is valid.
fn planned_value(scenario: &Scenario, target: &Target) -> Option<f64> {
    validate(scenario).ok()?;
    value(scenario, &year_inputs(scenario), target)
}

/// The tornado of every target of a scenario, in the scenario's order.
pub fn tornadoes(scenario: &Scenario) -> Result<Vec<Tornado>, ValidationErrors> {
    validate(scenario)?;
    Ok((0..scenario.targets.len())
        .map(|index| tornado_of(scenario, index))
        .collect())
}

/// The tornado of target `index` (which must exist) of a valid scenario.
fn tornado_of(scenario: &Scenario, index: usize) -> Tornado {
    let target = &scenario.targets[index];
    let plan = year_inputs(scenario);
    let base = value(scenario, &plan, target).unwrap_or(f64::NAN);
    let mut bars: Vec<Bar> = params::PARAMS
        .iter()
        .filter(|p| matches!(p.kind, Kind::Lever | Kind::Assumption))
        .map(|p| {
            let range = match spread_of(scenario, p.key) {
                Some(spread) => SwingRange::Spread(spread),
                None => SwingRange::Default(DEFAULT_SWING),
            };
            let share = match range {
                SwingRange::Spread(s) | SwingRange::Default(s) => s,
                SwingRange::Completion { .. } => DEFAULT_SWING,
            };
            let at = |factor: f64| planned_value(&scaled(scenario, p.key, factor, p.unit), target);
            bar(p.key, range, base, at(1.0 - share), at(1.0 + share))
        })
        .collect();
    // Completion: every year's planned builds finished at the low or the high end of the range.
    for (key, p) in [
        (
            "station_completion",
            scenario.uncertainty.station_completion,
        ),
        ("room_completion", scenario.uncertainty.room_completion),
    ] {
        let (low, high) = completion_bounds(p);
        let at = |share: f64| {
            let mut inputs = plan.clone();
            for input in &mut inputs {
                if key == "station_completion" {
                    input.station_completion = share;
                } else {
                    input.room_completion = share;
                }
            }
            value(scenario, &inputs, target)
        };
        bars.push(bar(
            key,
            SwingRange::Completion { low, high },
            base,
            at(low),
            at(high),
        ));
    }
    // Widest first; equal swings keep the registry's order (the sort is stable).
    bars.sort_by(|a, b| b.swing.total_cmp(&a.swing));
    Tornado {
        target: index,
        base,
        bars,
    }
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
    use crate::model::targets::Metric;

    fn preset(slug: &str) -> Scenario {
        crate::presets::by_slug(slug).unwrap().scenario.clone()
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
            ["hires", "attrition", "talent"].contains(&tornado.bars[0].key),
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
        let from_hires = tornado.base - planned_value(&none, &s.targets[0]).unwrap();
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
        assert_eq!(
            rooms.value_at_high,
            Some(tornado.base),
            "the plan finishes every room"
        );
    }

    #[test]
    fn an_end_that_breaks_the_scenario_is_left_out() {
        // Ningxia has a station in every township: fewer townships would be fewer than built.
        let s = preset("ningxia");
        let tornado = &tornadoes(&s).unwrap()[0];
        let townships = bar_of(tornado, "townships");
        assert_eq!(townships.value_at_low, None);
        assert!(townships.value_at_high.is_some());
    }
}
