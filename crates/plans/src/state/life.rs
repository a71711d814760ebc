//! A plan through its life as state (issue 21): the actual figures the planner types, pastes or
//! imports (kept in the plan's scenario, so they are saved, linked and undone with it), a typed
//! value that could not be taken, a pasted block waiting to be applied, whether the
//! re-projection is drawn and its odds, and the calibration and back-test asked of the worker
//! with their results. What the actuals say against the plan is computed with the plan's result
//! (`Computed::actuals`); the fits run in the worker (`compute::Job::Calibrate`, `Backtest`).

use std::collections::BTreeMap;
use std::rc::Rc;

use super::State;
use crate::life::backtest::backtest_years;
use crate::life::block::{BlockEntry, BlockProblem, ReadBlock};
use crate::life::{apply_calibration, entry_problems, EntryProblem};
use swplan_engine::actuals::Actual;
use swplan_engine::backtest::{Backtest, BacktestRefusal};
use swplan_engine::calibrate::{Calibration, Lever, Refusal as FitRefusal};
use swplan_engine::montecarlo::Summary;
use swplan_engine::simulate::Start;
use swplan_engine::{Metric, Scenario};

/// What the planner does with actual figures, re-projection, calibration and back-test.
#[derive(Clone, Debug, PartialEq)]
pub enum LifeAction {
    /// Show this figure's small table of actuals.
    ShowFigure(Metric),
    /// A value typed for a figure and year: `value` is what the wording layer read from `text`
    /// (`None`: not a number). Blank text removes the actual. Undoable.
    EnterActual {
        metric: Metric,
        year: i32,
        text: String,
        value: Option<f64>,
    },
    /// Where an actual comes from ("2024年民政统计公报"); blank removes the note. Undoable.
    SetActualNote {
        metric: Metric,
        year: i32,
        note: String,
    },
    /// Removes an actual. Undoable.
    RemoveActual {
        metric: Metric,
        year: i32,
    },
    /// The field of a refused value went back to what the plan holds (Esc).
    ClearActualDraft {
        metric: Metric,
        year: i32,
    },
    /// A block was pasted or a CSV file read: shown for the planner to check before it applies.
    ReadBlock {
        from: BlockFrom,
        read: ReadBlock,
    },
    /// The block shown is entered, as one undo step (its refused cells are said, not entered).
    ApplyBlock,
    DiscardBlock,
    /// Draw the re-projection from the latest actual beside the plan.
    ShowReprojection(bool),
    /// The Monte Carlo from the re-projection's `start` (for the plan's result of
    /// `generation`: actuals change the start, not the generation).
    ReprojectedOdds {
        plan: u64,
        generation: u64,
        start: Start,
        summary: Rc<Summary>,
    },
    /// Fit this lever, or not.
    ChooseLever {
        lever: Lever,
        chosen: bool,
    },
    /// Fit the chosen levers to the actuals (in the worker).
    Calibrate,
    CalibrationDone {
        token: u64,
        outcome: Result<Calibration, FitRefusal>,
    },
    /// Set the fitted values in the plan, as one undo step, each with "fitted to actuals
    /// YEAR–YEAR" as its source.
    ApplyCalibration,
    /// The back-test's base year and cut-off.
    SetBacktestYears {
        base_year: i32,
        cutoff: i32,
    },
    /// Back-test the chosen levers (in the worker).
    Backtest,
    BacktestDone {
        token: u64,
        outcome: Result<Backtest, BacktestRefusal>,
    },
    /// The worker could not run a job (it never should: the plan on screen is valid).
    JobFailed {
        token: u64,
    },
}

impl LifeAction {
    /// Whether the action changes the plan (an edit the planner can undo).
    pub fn edits_plan(&self) -> bool {
        matches!(
            self,
            LifeAction::EnterActual { .. }
                | LifeAction::SetActualNote { .. }
                | LifeAction::RemoveActual { .. }
                | LifeAction::ApplyBlock
                | LifeAction::ApplyCalibration
        )
    }
}

/// Where a block of cells came from.
#[derive(Clone, Debug, PartialEq)]
pub enum BlockFrom {
    Paste,
    /// A CSV file, by its name.
    File(String),
}

/// A typed value that was not taken, shown in its field with why.
#[derive(Clone, Debug, PartialEq)]
pub struct ActualDraft {
    pub text: String,
    pub problem: DraftProblem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DraftProblem {
    NotANumber,
    Refused(Vec<EntryProblem>),
}

/// A block read and waiting for the planner.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingBlock {
    pub from: BlockFrom,
    pub read: ReadBlock,
}

/// What applying a block did.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockReport {
    pub from: BlockFrom,
    /// New figures and figures whose value it replaced.
    pub added: usize,
    pub replaced: usize,
    /// Entries not taken, and why.
    pub refused: Vec<(BlockEntry, Vec<EntryProblem>)>,
    /// Cells the block could not read.
    pub unread: Vec<BlockProblem>,
}

/// A fit asked of the worker.
#[derive(Clone, Debug, PartialEq)]
pub struct FitRequest {
    pub token: u64,
    pub scenario: Rc<Scenario>,
    pub levers: Vec<Lever>,
}

/// A back-test asked of the worker.
#[derive(Clone, Debug, PartialEq)]
pub struct BacktestRequest {
    pub token: u64,
    pub scenario: Rc<Scenario>,
    pub levers: Vec<Lever>,
    pub base_year: i32,
    pub cutoff: i32,
}

/// A result with the scenario it was computed for, so the page can say when the plan has
/// changed since.
#[derive(Clone, Debug, PartialEq)]
pub struct Fitted<T> {
    pub basis: Rc<Scenario>,
    pub outcome: T,
}

/// The life of the plan on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Life {
    /// The figure whose table of actuals is shown.
    pub figure: Metric,
    /// Values typed but not taken, by figure and year.
    pub drafts: BTreeMap<(Metric, i32), ActualDraft>,
    pub block: Option<Rc<PendingBlock>>,
    /// What the last block applied did.
    pub report: Option<Rc<BlockReport>>,
    pub show_reprojection: bool,
    /// The odds from the re-projection's start: plan id, result generation, start, summary.
    pub reprojected_odds: Option<(u64, u64, Start, Rc<Summary>)>,
    /// The levers to fit (the figure's drivers by default).
    pub levers: Vec<Lever>,
    pub fit_request: Option<FitRequest>,
    pub fit: Option<Rc<Fitted<Result<Calibration, FitRefusal>>>>,
    /// Whether the fit shown has been applied to the plan.
    pub fit_applied: bool,
    /// The back-test's base year and cut-off, once chosen (used while the actuals support
    /// them: `life::backtest::backtest_years`).
    pub backtest_years: Option<(i32, i32)>,
    pub backtest_request: Option<BacktestRequest>,
    pub backtest: Option<Rc<Fitted<Result<Backtest, BacktestRefusal>>>>,
}

impl Default for Life {
    fn default() -> Life {
        Life {
            figure: Metric::Talent,
            drafts: BTreeMap::new(),
            block: None,
            report: None,
            show_reprojection: false,
            reprojected_odds: None,
            levers: Lever::driving(Metric::Talent).to_vec(),
            fit_request: None,
            fit: None,
            fit_applied: false,
            backtest_years: None,
            backtest_request: None,
            backtest: None,
        }
    }
}

impl State {
    /// The odds of the re-projection of the plan on screen, when they are of its result and
    /// start from where its re-projection now starts.
    pub fn reprojected_odds(&self) -> Option<&Rc<Summary>> {
        let plan = self.plan();
        let start = plan
            .computed
            .actuals
            .as_ref()
            .and_then(|v| v.reprojection.as_ref())
            .map(|r| r.start)?;
        self.session
            .life
            .reprojected_odds
            .as_ref()
            .filter(|(id, generation, from, _)| {
                *id == plan.id && *generation == plan.generation && *from == start
            })
            .map(|(_, _, _, summary)| summary)
    }

    pub(super) fn apply_life(&mut self, action: LifeAction, generation: u64) {
        match action {
            LifeAction::ShowFigure(metric) => {
                self.session.life.figure = metric;
                let drivers = Lever::driving(metric);
                if !drivers.is_empty() {
                    self.session.life.levers = drivers.to_vec();
                }
            }
            LifeAction::EnterActual {
                metric,
                year,
                text,
                value,
            } => self.enter_actual(metric, year, text, value, generation),
            LifeAction::SetActualNote { metric, year, note } => {
                let note = Some(note.trim().to_string()).filter(|n| !n.is_empty());
                let plan = self.plan_mut();
                if let Some(actual) = plan.scenario.actuals.get(metric, year).cloned() {
                    plan.change_together(
                        |s| {
                            s.actuals.insert(
                                metric,
                                year,
                                Actual {
                                    value: actual.value,
                                    note,
                                },
                            );
                        },
                        generation,
                    );
                }
            }
            LifeAction::RemoveActual { metric, year } => {
                self.session.life.drafts.remove(&(metric, year));
                self.plan_mut().change_together(
                    |s| {
                        s.actuals.remove(metric, year);
                    },
                    generation,
                );
            }
            LifeAction::ClearActualDraft { metric, year } => {
                self.session.life.drafts.remove(&(metric, year));
            }
            LifeAction::ReadBlock { from, read } => {
                self.session.life.report = None;
                self.session.life.block = Some(Rc::new(PendingBlock { from, read }));
            }
            LifeAction::ApplyBlock => self.apply_block(generation),
            LifeAction::DiscardBlock => self.session.life.block = None,
            LifeAction::ShowReprojection(show) => self.session.life.show_reprojection = show,
            LifeAction::ReprojectedOdds {
                plan,
                generation,
                start,
                summary,
            } => self.session.life.reprojected_odds = Some((plan, generation, start, summary)),
            LifeAction::ChooseLever { lever, chosen } => {
                let levers = &mut self.session.life.levers;
                levers.retain(|l| *l != lever);
                if chosen {
                    levers.push(lever);
                    levers.sort();
                }
            }
            LifeAction::Calibrate => {
                let token = self.fresh_number();
                let life = &mut self.session.life;
                life.fit_request = Some(FitRequest {
                    token,
                    scenario: Rc::new(self.plans[self.active].computed.scenario.clone()),
                    levers: life.levers.clone(),
                });
            }
            LifeAction::CalibrationDone { token, outcome } => {
                let life = &mut self.session.life;
                if let Some(request) = life.fit_request.take_if(|r| r.token == token) {
                    life.fit = Some(Rc::new(Fitted {
                        basis: request.scenario,
                        outcome,
                    }));
                    life.fit_applied = false;
                }
            }
            LifeAction::ApplyCalibration => {
                let fit = self.session.life.fit.clone();
                if let Some(Ok(calibration)) = fit.as_ref().map(|f| &f.outcome) {
                    self.plan_mut()
                        .change_together(|s| apply_calibration(calibration, s), generation);
                    self.session.life.fit_applied = true;
                }
            }
            LifeAction::SetBacktestYears { base_year, cutoff } => {
                self.session.life.backtest_years = Some((base_year, cutoff));
            }
            LifeAction::Backtest => {
                let scenario = self.plan().computed.scenario.clone();
                let life = &self.session.life;
                // The page offers no back-test the actuals cannot support; nothing to ask.
                let Ok(years) = backtest_years(&scenario, &life.levers, life.backtest_years) else {
                    return;
                };
                let (base_year, cutoff) = (years.base_year, years.cutoff);
                let token = self.fresh_number();
                let life = &mut self.session.life;
                life.backtest_request = Some(BacktestRequest {
                    token,
                    scenario: Rc::new(scenario),
                    levers: life.levers.clone(),
                    base_year,
                    cutoff,
                });
            }
            LifeAction::BacktestDone { token, outcome } => {
                let life = &mut self.session.life;
                if let Some(request) = life.backtest_request.take_if(|r| r.token == token) {
                    life.backtest = Some(Rc::new(Fitted {
                        basis: request.scenario,
                        outcome,
                    }));
                }
            }
            LifeAction::JobFailed { token } => {
                let life = &mut self.session.life;
                life.fit_request.take_if(|r| r.token == token);
                life.backtest_request.take_if(|r| r.token == token);
            }
        }
    }

    fn enter_actual(
        &mut self,
        metric: Metric,
        year: i32,
        text: String,
        value: Option<f64>,
        generation: u64,
    ) {
        let key = (metric, year);
        if text.trim().is_empty() {
            self.session.life.drafts.remove(&key);
            self.plan_mut().change_together(
                |s| {
                    s.actuals.remove(metric, year);
                },
                generation,
            );
            return;
        }
        let Some(value) = value else {
            let problem = DraftProblem::NotANumber;
            self.session
                .life
                .drafts
                .insert(key, ActualDraft { text, problem });
            return;
        };
        let problems = entry_problems(&self.plan().scenario, metric, year, value);
        if !problems.is_empty() {
            let problem = DraftProblem::Refused(problems);
            self.session
                .life
                .drafts
                .insert(key, ActualDraft { text, problem });
            return;
        }
        self.session.life.drafts.remove(&key);
        self.plan_mut().change_together(
            |s| {
                let note = s.actuals.get(metric, year).and_then(|a| a.note.clone());
                s.actuals.insert(metric, year, Actual { value, note });
            },
            generation,
        );
    }

    /// Enters the block shown, entry by entry (each checked with those before it), as one
    /// undo step.
    fn apply_block(&mut self, generation: u64) {
        let Some(block) = self.session.life.block.take() else {
            return;
        };
        let mut scenario = self.plan().scenario.clone();
        let (mut added, mut replaced, mut refused) = (0, 0, Vec::new());
        for entry in &block.read.entries {
            let problems = entry_problems(&scenario, entry.metric, entry.year, entry.value);
            if !problems.is_empty() {
                refused.push((*entry, problems));
                continue;
            }
            let before = scenario.actuals.get(entry.metric, entry.year).cloned();
            if before.as_ref().is_some_and(|b| b.value == entry.value) {
                continue;
            }
            match before {
                Some(_) => replaced += 1,
                None => added += 1,
            }
            let note = before.and_then(|b| b.note);
            scenario.actuals.insert(
                entry.metric,
                entry.year,
                Actual {
                    value: entry.value,
                    note,
                },
            );
            self.session.life.drafts.remove(&(entry.metric, entry.year));
        }
        let actuals = scenario.actuals;
        self.plan_mut()
            .change_together(|s| s.actuals = actuals, generation);
        if let Some(metric) = block.read.entries.first().map(|e| e.metric) {
            self.session.life.figure = metric;
        }
        self.session.life.report = Some(Rc::new(BlockReport {
            from: block.from.clone(),
            added,
            replaced,
            refused,
            unread: block.read.problems.clone(),
        }));
    }
}
