//! A plan through its life (issue 21), as data for the app and the command line: actual
//! figures entered, typed, pasted or imported ([`block`]); what they say against the plan (the
//! deviation, the re-projection from the latest actual and each target's outlook, computed with
//! the plan's result: [`ActualsView`]); the provenance of values fitted to them; and a province
//! rolled up from its cities ([`rollup`]). The numerics are the engine's; the words are the
//! wording layer's.

pub mod backtest;
pub mod block;
pub mod rollup;

use serde::{Deserialize, Serialize};

use swplan_engine::actuals::Actual;
use swplan_engine::calibrate::Calibration;
use swplan_engine::deviation::{check, deviations, ActualsProblem, DeviationSeries};
use swplan_engine::params::threshold_bound;
use swplan_engine::reproject::{outlook, reproject, Outlook, Reprojection};
use swplan_engine::{Metric, PlannerSource, Scenario, Trajectory};

/// What a plan's actual figures say, computed with its result (cheap: two model runs).
#[derive(Clone, Debug, PartialEq)]
pub struct ActualsView {
    /// Why some actuals cannot be used as they stand (a year outside the plan after its years
    /// changed, a part above its whole): until they are fixed there is no re-projection.
    pub problems: Vec<ActualsProblem>,
    /// Plan against actual, per figure and year.
    pub deviations: Vec<DeviationSeries>,
    /// The plan restarted from the latest actual; `None` while some actual cannot be used.
    pub reprojection: Option<Reprojection>,
    /// Where each target stands given the actuals and the re-projection.
    pub outlook: Vec<Outlook>,
}

impl ActualsView {
    /// The view of a valid scenario's actuals beside its plan; `None` without actuals.
    pub fn of(scenario: &Scenario, plan: &Trajectory) -> Option<ActualsView> {
        let actuals = &scenario.actuals;
        if actuals.is_empty() {
            return None;
        }
        let problems = check(actuals, scenario);
        let reprojection = problems
            .is_empty()
            .then(|| reproject(scenario, actuals).ok())
            .flatten();
        let outlook = reprojection
            .as_ref()
            .map(|r| outlook(scenario, actuals, r))
            .unwrap_or_default();
        Some(ActualsView {
            deviations: deviations(plan, actuals),
            problems,
            reprojection,
            outlook,
        })
    }

    /// The outlook of the target at `index`, for its card: only when its own figure has an
    /// actual (entered, or following from entered ones). A card whose figure was never counted
    /// would claim "按2024年实际值推算" of a number that is the plan's own.
    pub fn outlook_of(&self, index: usize) -> Option<&Outlook> {
        self.outlook
            .iter()
            .find(|o| o.target == index)
            .filter(|o| o.latest_actual.is_some())
    }
}

/// Why an actual figure a planner enters is not taken.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum EntryProblem {
    /// What the engine's check says of the figures with this one among them.
    Actual(ActualsProblem),
    /// Beyond the hard bound of what the figure counts (1.5 × 10⁹ people, 10⁷ stations…): no
    /// region has it.
    TooLarge {
        metric: Metric,
        value: f64,
        max: f64,
    },
}

/// Why `value` as the actual of `metric` in `year` cannot be entered in `scenario` (empty when
/// it can): its own problems, and those it makes with the figures already entered (a part
/// above its whole), but none the other figures had already.
pub fn entry_problems(
    scenario: &Scenario,
    metric: Metric,
    year: i32,
    value: f64,
) -> Vec<EntryProblem> {
    let (_, max) = threshold_bound(metric);
    if value.is_finite() && value > max {
        return vec![EntryProblem::TooLarge { metric, value, max }];
    }
    let before = check(&scenario.actuals, scenario);
    let mut trial = scenario.clone();
    let note = scenario
        .actuals
        .get(metric, year)
        .and_then(|a| a.note.clone());
    trial.actuals.insert(metric, year, Actual { value, note });
    check(&trial.actuals, &trial)
        .into_iter()
        .filter(|p| !before.contains(p))
        .map(EntryProblem::Actual)
        .collect()
}

/// The mark a fitted value's source carries in place of a document: the wording layer reads it
/// and says "fitted to actuals 2019–2024" / "按2019–2024年实际值拟合" in the language on screen.
/// Being data, not words, it travels in saves and links (`q`) like any planner's source.
pub const FIT_DOCUMENT: &str = "swplan:fit";

/// The source of a value fitted to the actuals of `years` (first, last).
pub fn fit_source(years: (i32, i32)) -> PlannerSource {
    PlannerSource {
        document: FIT_DOCUMENT.to_string(),
        date: format!("{}-{}", years.0, years.1),
        quote: String::new(),
    }
}

/// The years of actuals a value was fitted to, when its source says it was fitted.
pub fn fitted_years(source: &PlannerSource) -> Option<(i32, i32)> {
    if source.document.trim() != FIT_DOCUMENT {
        return None;
    }
    let (first, last) = source.date.trim().split_once('-')?;
    Some((first.parse().ok()?, last.parse().ok()?))
}

/// Sets a calibration's fitted values in `scenario`, each with its fit as its source.
pub fn apply_calibration(calibration: &Calibration, scenario: &mut Scenario) {
    calibration.apply(scenario);
    for fitted in &calibration.levers {
        scenario.planner_sources.insert(
            fitted.lever.key().to_string(),
            fit_source(calibration.years),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;
    use swplan_engine::simulate;

    fn yunnan() -> Scenario {
        presets::by_slug("yunnan").unwrap().scenario.clone()
    }

    #[test]
    fn no_actuals_no_view() {
        let s = yunnan();
        assert_eq!(ActualsView::of(&s, &simulate(&s).unwrap()), None);
    }

    #[test]
    fn the_view_gives_the_deviation_and_restarts_from_the_latest_actual() {
        let mut s = yunnan();
        s.actuals
            .insert(Metric::Talent, 2022, Actual::new(95_000.0));
        let plan = simulate(&s).unwrap();
        let view = ActualsView::of(&s, &plan).unwrap();
        let row = &view.deviations[0].rows[0];
        assert_eq!(row.actual, 95_000.0);
        assert_eq!(row.plan, plan.row(2022).unwrap().talent);
        let again = view.reprojection.clone().unwrap();
        assert_eq!(again.start.year, 2022);
        assert_eq!(again.trajectory.years[0].talent, 95_000.0);
        assert_eq!(view.outlook.len(), s.targets.len());
        // Only the cards of a counted figure speak of the actuals.
        for (index, target) in s.targets.iter().enumerate() {
            assert_eq!(
                view.outlook_of(index).is_some(),
                target.metric == Metric::Talent,
                "{:?}",
                target.metric
            );
        }
    }

    #[test]
    fn an_actual_that_cannot_be_used_stops_the_reprojection_but_not_the_deviation() {
        let mut s = yunnan();
        s.actuals
            .insert(Metric::Talent, 2022, Actual::new(95_000.0));
        s.actuals
            .insert(Metric::Certified, 2022, Actual::new(200_000.0));
        let view = ActualsView::of(&s, &simulate(&s).unwrap()).unwrap();
        assert_eq!(view.reprojection, None);
        assert!(!view.problems.is_empty());
        assert_eq!(view.deviations.len(), 2);
    }

    #[test]
    fn an_entry_is_refused_for_its_own_problems_only() {
        let mut s = yunnan();
        assert!(entry_problems(&s, Metric::Talent, 2022, 90_000.0).is_empty());
        assert!(matches!(
            entry_problems(&s, Metric::Talent, 2022, -1.0).as_slice(),
            [EntryProblem::Actual(ActualsProblem::Negative { .. })]
        ));
        assert!(matches!(
            entry_problems(&s, Metric::Talent, 2022, 1e308).as_slice(),
            [EntryProblem::TooLarge { .. }]
        ));
        assert!(matches!(
            entry_problems(&s, Metric::Talent, 2040, 1.0).as_slice(),
            [EntryProblem::Actual(ActualsProblem::YearOutsidePlan { .. })]
        ));
        s.actuals
            .insert(Metric::Talent, 2022, Actual::new(90_000.0));
        assert!(matches!(
            entry_problems(&s, Metric::Certified, 2022, 100_000.0).as_slice(),
            [EntryProblem::Actual(ActualsProblem::PartAboveWhole { .. })]
        ));
    }

    #[test]
    fn actuals_are_kept_in_saves_and_files() {
        use crate::share::save::{from_json, to_json, SavedPlan};
        let mut spec = crate::share::open::open_name("yunnan")
            .unwrap()
            .plans
            .remove(0);
        spec.scenario.actuals.insert(
            Metric::Talent,
            2022,
            Actual {
                value: 95_000.0,
                note: Some("公报".into()),
            },
        );
        spec.scenario
            .actuals
            .insert(Metric::Stations, 2021, Actual::new(1_200.0));
        let text = to_json(&[SavedPlan::new("a", spec.clone(), "t", "t")]);
        assert!(text.contains("\"actuals\""), "{text}");
        let read = from_json(&text).unwrap();
        assert_eq!(read.plans[0].plan().scenario.actuals, spec.scenario.actuals);
    }

    #[test]
    fn a_fit_source_says_its_years_and_nothing_else_does() {
        let source = fit_source((2019, 2024));
        assert_eq!(fitted_years(&source), Some((2019, 2024)));
        assert_eq!(
            source.cleaned().as_ref().and_then(fitted_years),
            Some((2019, 2024))
        );
        let planner = PlannerSource {
            document: "公报".into(),
            date: "2019-2024".into(),
            quote: String::new(),
        };
        assert_eq!(fitted_years(&planner), None);
    }
}
