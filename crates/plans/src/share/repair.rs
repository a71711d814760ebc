//! Making a decoded plan valid: each validation error is traced to the link key most likely
//! responsible, which goes back to the origin's value (a link target that cannot be met within
//! the table is dropped instead). Years go first, since a bad horizon makes other values look
//! wrong. When no single key explains an error, the whole plan goes back to its origin.

use super::problems::{Fallback, ProblemKind, Reader};
use super::LinkKey;
use swplan_engine::certified;
use swplan_engine::params::{self, Value, ValueMut};
use swplan_engine::validate::{Field, Problem};
use swplan_engine::{validate, Scenario, ValidationError};

/// What a key of the link set, so that it can be put back to the origin's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Slot {
    Param(&'static str),
    BaseYear,
    EndYear,
    Targets,
    /// `ct`: the certified total, which sets the three certified stocks.
    CertifiedTotal,
}

/// A key that was read and applied.
pub(super) struct Applied {
    pub slot: Slot,
    pub key: String,
}

/// The keys that may have caused a validation error, most likely first.
fn suspects(error: &ValidationError) -> Vec<Slot> {
    let mut slots = Vec::new();
    match &error.field {
        Field::Param { key, year } => {
            if CERTIFIED_KEYS.contains(key) {
                slots.push(Slot::CertifiedTotal);
            }
            slots.push(Slot::Param(key));
            if let Problem::AboveCeiling { ceiling } = error.problem {
                slots.push(Slot::Param(ceiling));
                if ceiling == "talent" {
                    // Certified is the sum of three stocks; the error names the first.
                    slots.extend([
                        Slot::Param("certified_mid"),
                        Slot::Param("certified_senior"),
                        Slot::CertifiedTotal,
                    ]);
                }
            }
            if year.is_some() {
                // A schedule's later years depend on the horizon.
                slots.extend([Slot::EndYear, Slot::BaseYear]);
            }
        }
        Field::BaseYear => slots.extend([Slot::BaseYear, Slot::EndYear]),
        Field::EndYear => slots.extend([Slot::EndYear, Slot::BaseYear]),
        Field::Target { .. } => slots.extend([Slot::Targets, Slot::EndYear, Slot::BaseYear]),
        Field::Schema | Field::Model => {}
    }
    slots
}

/// Puts the origin's value back into the scenario.
fn revert(scenario: &mut Scenario, baseline: &Scenario, slot: Slot) {
    match slot {
        Slot::Param(key) => match (
            params::value_mut(scenario, key),
            params::value(baseline, key),
        ) {
            (Some(ValueMut::Scalar(to)), Some(Value::Scalar(from))) => *to = *from,
            (Some(ValueMut::Yearly(to)), Some(Value::Yearly(from))) => *to = from.clone(),
            _ => {}
        },
        Slot::BaseYear => scenario.base_year = baseline.base_year,
        Slot::EndYear => scenario.end_year = baseline.end_year,
        Slot::Targets => scenario.targets = baseline.targets.clone(),
        Slot::CertifiedTotal => {
            scenario.certified_total = baseline.certified_total;
            let a = &baseline.assumptions;
            scenario.assumptions.certified_junior = a.certified_junior;
            scenario.assumptions.certified_mid = a.certified_mid;
            scenario.assumptions.certified_senior = a.certified_senior;
        }
    }
}

/// The fields a certified total sets, or is checked by.
const CERTIFIED_KEYS: [&str; 6] = [
    certified::TOTAL_KEY,
    certified::JUNIOR_SHARE_KEY,
    certified::SENIOR_SHARE_KEY,
    "certified_junior",
    "certified_mid",
    "certified_senior",
];

/// Puts back the origin's value of every key responsible for a validation error, and drops
/// link targets that cannot be met in the table, until the plan validates. Years go first:
/// a bad horizon makes other values look wrong.
pub(super) fn repair(
    reader: &mut Reader,
    scenario: &mut Scenario,
    baseline: &Scenario,
    mut applied: Vec<Applied>,
    fallback: Fallback,
) {
    let rounds = applied.len() + scenario.targets.len() + 1;
    for _ in 0..rounds {
        let Err(errors) = validate(scenario) else {
            return;
        };
        let mut reverts: Vec<(Slot, ValidationError)> = Vec::new();
        let mut dropped: Vec<(usize, ValidationError)> = Vec::new();
        for error in errors.0 {
            let is_applied = |slot: Slot| applied.iter().any(|a| a.slot == slot);
            let Some(slot) = suspects(&error).into_iter().find(|s| is_applied(*s)) else {
                continue;
            };
            match (slot, &error.field) {
                (Slot::Targets, Field::Target { index, .. }) => dropped.push((*index, error)),
                _ if reverts.iter().any(|(s, _)| *s == slot) => {}
                _ => reverts.push((slot, error)),
            }
        }
        let years_first = reverts
            .iter()
            .any(|(slot, _)| matches!(slot, Slot::BaseYear | Slot::EndYear));
        if years_first {
            reverts.retain(|(slot, _)| matches!(slot, Slot::BaseYear | Slot::EndYear));
            dropped.clear();
        }
        if reverts.is_empty() && dropped.is_empty() {
            break;
        }
        for (slot, error) in reverts {
            revert(scenario, baseline, slot);
            if let Some(position) = applied.iter().position(|a| a.slot == slot) {
                let key = applied.remove(position).key;
                reader.problem(&key, ProblemKind::Invalid { error }, fallback);
            }
        }
        dropped.sort_by_key(|(index, _)| *index);
        dropped.dedup_by_key(|(index, _)| *index);
        for (index, error) in dropped.into_iter().rev() {
            if index < scenario.targets.len() {
                scenario.targets.remove(index);
            }
            reader.problem(
                LinkKey::Targets.code(),
                ProblemKind::Invalid { error },
                Fallback::Dropped,
            );
        }
    }
    if validate(scenario).is_err() {
        // No single key explains it: go back to the origin entirely (which validates).
        let keys: Vec<String> = applied.iter().map(|a| a.key.clone()).collect();
        let name = scenario.name.clone();
        *scenario = baseline.clone();
        scenario.sources.clear();
        scenario.name = name;
        reader.problem(&keys.join(","), ProblemKind::Inconsistent, fallback);
    }
}
