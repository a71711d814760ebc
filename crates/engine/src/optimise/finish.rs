//! The end of a solve: the plan's shortfalls, its odds on fresh futures, and the outcome.

use crate::simulate::YearInputs;
use crate::verdict::evaluate;

use super::linear::{future, with_decisions};
use super::outcome::{LeverPlan, Odds, Outcome, Shortfall, TargetResult};
use super::solve::{Found, Optimiser, CHECKS_PER_STEP};
use super::verify;
use super::CHECK_RUNS;

impl Optimiser {
    /// The targets the plan misses as planned, by how much.
    pub(super) fn shortfalls(&self, whole: &[f64]) -> Vec<Shortfall> {
        let inputs = with_decisions(&self.plan, &self.layout.columns, whole);
        let trajectory = future(&self.scenario, &inputs, None);
        self.layout
            .targets
            .iter()
            .zip(&self.problem.targets)
            .filter_map(|(target, &index)| {
                let value = evaluate(target, &trajectory).value_at_deadline;
                (!target.is_met_by(value)).then(|| Shortfall {
                    target: index,
                    shortfall: target.gap(value),
                })
            })
            .collect()
    }

    /// Runs a chunk of fresh futures with the whole plan.
    pub(super) fn check(&self, found: &mut Found) {
        let seed = self.check_seed();
        let inputs = with_decisions(&self.plan, &self.layout.columns, &found.whole);
        let end = (found.checked + CHECKS_PER_STEP).min(CHECK_RUNS);
        for run_index in found.checked..end {
            let trajectory = future(&self.scenario, &inputs, Some((seed, run_index as u64)));
            let met = verify::targets_met(&self.layout, &trajectory);
            for (count, m) in found.checked_met.iter_mut().zip(&met) {
                *count += usize::from(*m);
            }
            found.checked_all_met += usize::from(met.iter().all(|m| *m));
        }
        found.checked = end;
    }

    pub(super) fn check_seed(&self) -> u64 {
        self.problem.check_seed()
    }

    pub(super) fn outcome(&self, found: Found) -> Outcome {
        let whole_inputs = with_decisions(&self.plan, &self.layout.columns, &found.whole);
        let trajectory = future(&self.scenario, &whole_inputs, None);
        let runs = found.checked.max(1) as f64;
        let all_met = found.checked_all_met as f64 / runs;
        let targets = self
            .layout
            .targets
            .iter()
            .zip(&self.problem.targets)
            .enumerate()
            .map(|(k, (target, &index))| {
                let verdict = evaluate(target, &trajectory);
                TargetResult {
                    target: index,
                    value_at_deadline: verdict.value_at_deadline,
                    met_as_planned: verdict.met,
                    sampled_met: found.sampled_met[k],
                    odds: found.checked_met[k] as f64 / runs,
                }
            })
            .collect();
        let plan = self
            .problem
            .levers
            .iter()
            .map(|choice| {
                let amounts = |inputs: &[YearInputs]| -> Vec<f64> {
                    inputs.iter().map(|i| choice.lever.amount(i)).collect()
                };
                let exact_inputs = with_decisions(&self.plan, &self.layout.columns, &found.exact);
                LeverPlan {
                    lever: choice.lever,
                    values: amounts(&whole_inputs),
                    exact: amounts(&exact_inputs),
                    current: amounts(&self.current),
                }
            })
            .collect();
        Outcome {
            status: found.status,
            plan,
            cost: verify::cost(
                &self.scenario,
                &self.problem.costs,
                &self.layout,
                &whole_inputs,
            ),
            current_cost: verify::cost(
                &self.scenario,
                &self.problem.costs,
                &self.layout,
                &self.current,
            ),
            targets,
            odds: Odds {
                runs: found.checked,
                seed: self.check_seed(),
                all_met,
                standard_error: (all_met * (1.0 - all_met) / runs).sqrt(),
            },
            sampled: self.count,
            sampled_all_met: found.sampled_all_met,
            shortfalls: found.shortfalls,
            linearisations: self.linearisations,
            explanation: found.explanation,
        }
    }
}
