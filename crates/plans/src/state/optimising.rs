//! The reducer's part for the cheapest plan and the sensitivity analysis: starting a run on the
//! plan on screen, taking its progress and outcome (of this run only), and putting the plan
//! found in place (one undo step) or beside it in the comparison.

use std::rc::Rc;

use swplan_engine::optimise::Optimiser;

use super::optimiser::{
    missed_as_planned, Optimisation, OptimiseJob, OptimiserAction, Running, SensitivityAction,
    SensitivityResult,
};
use super::training::CompareSource;
use super::{State, UndoHint};
use crate::analysis::{OptimiseRefusal, OPTIMISE_PROGRESS_UNITS};

impl State {
    pub(super) fn apply_optimiser(&mut self, action: OptimiserAction, generation: u64) {
        match action {
            OptimiserAction::Run => self.start_optimiser(),
            OptimiserAction::Progress {
                ticket,
                done,
                total,
            } => {
                if let Some(running) = &mut self.session.optimiser.running {
                    if running.ticket == ticket {
                        running.done = done;
                        running.total = total;
                    }
                }
            }
            OptimiserAction::Done { ticket, answer } => {
                let panel = &mut self.session.optimiser;
                if let Some(running) = panel.running.take_if(|r| r.ticket == ticket) {
                    panel.result = Some(Rc::new(Optimisation {
                        plan: running.plan,
                        scenario: running.job.scenario.clone(),
                        problem: running.job.problem.clone(),
                        answer: answer.map(|found| *found),
                        current_missed: missed_as_planned(
                            &running.job.scenario,
                            &running.job.problem,
                        ),
                    }));
                }
            }
            OptimiserAction::Cancel => {
                let panel = &mut self.session.optimiser;
                panel.cancelled = panel.running.take().is_some();
            }
            OptimiserAction::Apply => self.apply_optimised(generation),
            OptimiserAction::Pin { name } => self.pin_optimised(name),
            form => {
                let scenario = self.plan().computed.scenario.clone();
                self.session.optimiser.edit(&scenario, &form);
            }
        }
    }

    /// Starts the optimiser on the plan on screen. A problem the optimiser refuses (bounds the
    /// wrong way round, a negative cost) is answered at once, without the worker.
    fn start_optimiser(&mut self) {
        self.session.optimiser.cancelled = false;
        let plan = self.plan();
        let (id, scenario) = (plan.id, plan.computed.scenario.clone());
        let problem = self
            .session
            .optimiser
            .problem(&scenario, self.session.mc.seed);
        if let Err(error) = Optimiser::new(&scenario, &problem) {
            self.session.optimiser.running = None;
            self.session.optimiser.result = Some(Rc::new(Optimisation {
                plan: id,
                scenario,
                problem,
                answer: Err(OptimiseRefusal::from(error)),
                current_missed: Vec::new(),
            }));
            return;
        }
        let ticket = self.fresh_number();
        self.session.optimiser.running = Some(Running {
            ticket,
            plan: id,
            job: Rc::new(OptimiseJob { scenario, problem }),
            done: 0,
            total: OPTIMISE_PROGRESS_UNITS,
        });
    }

    /// The plan found, in place of the plan's schedules as one undo step; only while it is the
    /// answer for the plan as it is, and the plan's inputs are valid.
    fn apply_optimised(&mut self, generation: u64) {
        let plan = self.plan();
        if plan.has_invalid_input() {
            return;
        }
        let Some(answer) = self
            .session
            .optimiser
            .current_answer(plan.id, &plan.computed.scenario)
        else {
            return;
        };
        let schedules: Vec<(&'static str, Vec<f64>)> = answer
            .plan
            .iter()
            .map(|l| (l.lever.key(), l.values.clone()))
            .collect();
        self.plan_mut().set_schedules(&schedules, generation);
        self.session.undo_hint = Some(UndoHint::PlanOptimised);
    }

    /// The plan found, added to the comparison beside the plan it was found for.
    fn pin_optimised(&mut self, name: String) {
        let plan = self.plan();
        let Some(answer) = self
            .session
            .optimiser
            .current_answer(plan.id, &plan.computed.scenario)
        else {
            return;
        };
        let mut spec = plan.to_spec(self.session.mc);
        spec.scenario = answer.apply(&spec.scenario);
        spec.name = Some(name).filter(|n| !n.trim().is_empty());
        self.add_to_compare(CompareSource::Spec(Box::new(spec)));
    }

    pub(super) fn apply_sensitivity(&mut self, action: SensitivityAction) {
        if let SensitivityAction::Run = action {
            let plan = self.plan();
            let (id, scenario) = (plan.id, plan.computed.scenario.clone());
            let ticket = self.fresh_number();
            self.session.sensitivity.cancelled = false;
            self.session.sensitivity.running = Some(Running {
                ticket,
                plan: id,
                job: Rc::new(scenario),
                done: 0,
                total: 1,
            });
            return;
        }
        let panel = &mut self.session.sensitivity;
        match action {
            SensitivityAction::Run => {}
            SensitivityAction::Progress {
                ticket,
                done,
                total,
            } => {
                if let Some(running) = panel.running.as_mut().filter(|r| r.ticket == ticket) {
                    running.done = done;
                    running.total = total;
                }
            }
            SensitivityAction::Done {
                ticket,
                sensitivity,
            } => {
                if let Some(running) = panel.running.take_if(|r| r.ticket == ticket) {
                    panel.result = Some(Rc::new(SensitivityResult {
                        plan: running.plan,
                        scenario: (*running.job).clone(),
                        sensitivity: sensitivity.map(|s| *s),
                    }));
                }
            }
            SensitivityAction::Cancel => panel.cancelled = panel.running.take().is_some(),
        }
    }
}
