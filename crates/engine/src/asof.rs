//! Verdicts as of a year, for year-by-year playback: where each target stands at the end of a
//! given year of the plan, and what happens that year (a target reached, a deadline, a warning).
//!
//! The plan's whole trajectory is known, so "on track" and "behind" look ahead to the deadline:
//! playback reveals a computed plan one year at a time, it does not forecast. Data only; the
//! words are in `i18n::playback`.

use serde::Serialize;

use super::figures::{Goal, Metric};
use super::simulate::{Trajectory, WarningCode};
use super::targets::Target;
use super::verdict::evaluate;

/// Where one target stands at the end of a year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AsOf {
    pub metric: Metric,
    pub threshold: f64,
    pub deadline: i32,
    /// The year these figures are for (the asked year, brought into the table's years).
    pub year: i32,
    /// The metric's value at the end of `year`.
    pub value: f64,
    /// `deadline − year`: 2 two years before the deadline, 0 in the deadline year, negative
    /// after it.
    pub years_left: i32,
    /// The value satisfies the target at the end of `year`.
    pub met_this_year: bool,
    /// The first year up to and including `year` in which the target was satisfied; `None`
    /// when it has not been satisfied yet. Later years are not looked at.
    pub first_year_met: Option<i32>,
    pub status: Status,
}

impl AsOf {
    /// Whether the target has been satisfied in some year up to and including this one.
    pub fn reached_already(&self) -> bool {
        self.first_year_met.is_some()
    }
}

/// A target's standing in a year of playback.
///
/// Before the deadline (`year < deadline`) it is one of
/// - `Reached`: the value satisfies the target this year (for a ceiling: spending so far is
///   within it). A value may still fall back before the deadline; the status follows the year.
/// - `OnTrack`: not satisfied this year, but the plan satisfies it at the deadline.
/// - `Behind`: not satisfied this year, and the plan does not satisfy it at the deadline.
///
/// From the deadline on (`year ≥ deadline`) the verdict is final and equals [`evaluate`]'s:
/// - `Met`: satisfied at the end of the deadline year.
/// - `Missed`: not satisfied at the end of the deadline year (reaching it later does not count).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Reached,
    OnTrack,
    Behind,
    Met,
    Missed,
}

impl Status {
    /// Whether the deadline has come and the status will not change any more.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Met | Status::Missed)
    }
}

/// Something that happens in a year of playback.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// A target on a figure to reach (not a ceiling) is satisfied for the first time: this year
    /// is its first year met. `target` is its index in the target list.
    TargetReached {
        target: usize,
        metric: Metric,
        threshold: f64,
        deadline: i32,
    },
    /// A ceiling (the cumulative budget) is exceeded for the first time this year.
    CeilingExceeded {
        target: usize,
        metric: Metric,
        threshold: f64,
        deadline: i32,
        value: f64,
    },
    /// This year is a target's deadline: it is met or missed (as [`evaluate`] says).
    Deadline {
        target: usize,
        metric: Metric,
        threshold: f64,
        met: bool,
        value: f64,
    },
    /// A model warning starts this year (and lasts to `last_year`).
    WarningStarts {
        code: WarningCode,
        first_year: i32,
        last_year: i32,
    },
}

/// Where each target stands at the end of `year`, in the order of `targets`. A year before the
/// table reads as its first year and one after it as its last; an empty trajectory (which
/// `simulate` never returns) gives an empty list.
pub fn verdicts_as_of(targets: &[Target], trajectory: &Trajectory, year: i32) -> Vec<AsOf> {
    let (Some(first), Some(last)) = (trajectory.years.first(), trajectory.years.last()) else {
        return Vec::new();
    };
    let year = year.clamp(first.year, last.year);
    let rows_so_far: Vec<_> = trajectory
        .years
        .iter()
        .take_while(|row| row.year <= year)
        .collect();
    targets
        .iter()
        .map(|target| {
            let value = trajectory
                .row(year)
                .map_or(0.0, |row| target.metric.value(row));
            let met_this_year = target.is_met_by(value);
            let first_year_met = rows_so_far
                .iter()
                .find(|row| target.is_met_by(target.metric.value(row)))
                .map(|row| row.year);
            let met_at_deadline = evaluate(target, trajectory).met;
            let status = match (year >= target.deadline, met_at_deadline, met_this_year) {
                (true, true, _) => Status::Met,
                (true, false, _) => Status::Missed,
                (false, _, true) => Status::Reached,
                (false, true, false) => Status::OnTrack,
                (false, false, false) => Status::Behind,
            };
            AsOf {
                metric: target.metric,
                threshold: target.threshold,
                deadline: target.deadline,
                year,
                value,
                years_left: target.deadline.saturating_sub(year),
                met_this_year,
                first_year_met,
                status,
            }
        })
        .collect()
}

/// What happens in `year`: per target in list order its first reaching (or a ceiling's first
/// excess) and its deadline, then the warnings that start this year. A year outside the table
/// has no events.
pub fn events_in(targets: &[Target], trajectory: &Trajectory, year: i32) -> Vec<Event> {
    let Some(row) = trajectory.row(year) else {
        return Vec::new();
    };
    let previous: Vec<_> = trajectory
        .years
        .iter()
        .take_while(|r| r.year < year)
        .collect();
    let mut events = Vec::new();
    for (index, target) in targets.iter().enumerate() {
        let value = target.metric.value(row);
        let met_before = previous
            .iter()
            .any(|r| target.is_met_by(target.metric.value(r)));
        match target.goal() {
            Goal::AtLeast if target.is_met_by(value) && !met_before => {
                events.push(Event::TargetReached {
                    target: index,
                    metric: target.metric,
                    threshold: target.threshold,
                    deadline: target.deadline,
                });
            }
            Goal::AtMost
                if !target.is_met_by(value)
                    && previous
                        .iter()
                        .all(|r| target.is_met_by(target.metric.value(r))) =>
            {
                events.push(Event::CeilingExceeded {
                    target: index,
                    metric: target.metric,
                    threshold: target.threshold,
                    deadline: target.deadline,
                    value,
                });
            }
            _ => {}
        }
        if target.deadline == year {
            let verdict = evaluate(target, trajectory);
            events.push(Event::Deadline {
                target: index,
                metric: target.metric,
                threshold: target.threshold,
                met: verdict.met,
                value: verdict.value_at_deadline,
            });
        }
    }
    events.extend(
        trajectory
            .warnings
            .iter()
            .filter(|w| w.first_year == year)
            .map(|w| Event::WarningStarts {
                code: w.code,
                first_year: w.first_year,
                last_year: w.last_year,
            }),
    );
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_presets as presets;
    use crate::{simulate, Warning, YearRow};

    /// Talent 100, 120, 150, 130, 160 in 2020–2024 and spending 0, 40, 80, 120, 160; talent is
    /// understaffed in 2022–2023.
    fn trajectory() -> Trajectory {
        let talent = [100.0, 120.0, 150.0, 130.0, 160.0];
        Trajectory {
            years: talent
                .iter()
                .enumerate()
                .map(|(i, t)| YearRow {
                    year: 2020 + i as i32,
                    talent: *t,
                    budget_cumulative: 40.0 * i as f64,
                    ..YearRow::default()
                })
                .collect(),
            warnings: vec![Warning {
                code: WarningCode::Understaffed,
                first_year: 2022,
                last_year: 2023,
            }],
        }
    }

    fn target(metric: Metric, threshold: f64, deadline: i32) -> Target {
        Target {
            metric,
            threshold,
            deadline,
            source: None,
        }
    }

    fn status_by_year(target: &Target) -> Vec<Status> {
        (2020..=2024)
            .map(|year| verdicts_as_of(std::slice::from_ref(target), &trajectory(), year)[0].status)
            .collect()
    }

    #[test]
    fn a_target_reached_before_its_deadline_is_on_track_then_reached_then_met() {
        use Status::*;
        let talent = target(Metric::Talent, 150.0, 2024);
        // 150 is reached in 2022, lost in 2023 (130) and held again at the deadline (160).
        assert_eq!(
            status_by_year(&talent),
            [OnTrack, OnTrack, Reached, OnTrack, Met]
        );
    }

    #[test]
    fn a_target_missed_at_its_deadline_is_behind_then_missed_even_if_reached_later() {
        use Status::*;
        let talent = target(Metric::Talent, 140.0, 2023);
        assert_eq!(
            status_by_year(&talent),
            [Behind, Behind, Reached, Missed, Missed]
        );
    }

    #[test]
    fn the_first_year_met_never_looks_past_the_year() {
        let talent = [target(Metric::Talent, 150.0, 2024)];
        let in_2021 = &verdicts_as_of(&talent, &trajectory(), 2021)[0];
        assert_eq!(in_2021.first_year_met, None);
        assert!(!in_2021.reached_already());
        let in_2023 = &verdicts_as_of(&talent, &trajectory(), 2023)[0];
        assert_eq!(in_2023.first_year_met, Some(2022));
        assert!(in_2023.reached_already() && !in_2023.met_this_year);
        assert_eq!((in_2023.value, in_2023.years_left), (130.0, 1));
    }

    #[test]
    fn years_left_count_down_through_zero_to_negative() {
        let talent = [target(Metric::Talent, 150.0, 2022)];
        let left: Vec<i32> = (2020..=2024)
            .map(|year| verdicts_as_of(&talent, &trajectory(), year)[0].years_left)
            .collect();
        assert_eq!(left, [2, 1, 0, -1, -2]);
    }

    #[test]
    fn a_year_outside_the_table_reads_as_its_nearest_end() {
        let talent = [target(Metric::Talent, 150.0, 2024)];
        let early = &verdicts_as_of(&talent, &trajectory(), 1990)[0];
        assert_eq!((early.year, early.value), (2020, 100.0));
        let late = &verdicts_as_of(&talent, &trajectory(), 2099)[0];
        assert_eq!((late.year, late.status), (2024, Status::Met));
        assert!(events_in(&talent, &trajectory(), 2099).is_empty());
    }

    #[test]
    fn a_ceiling_is_reached_while_spending_stays_within_it() {
        use Status::*;
        let ceiling = target(Metric::BudgetCumulative, 100.0, 2024);
        assert_eq!(
            status_by_year(&ceiling),
            [Reached, Reached, Reached, Behind, Missed]
        );
    }

    #[test]
    fn events_name_the_first_reaching_the_deadline_and_starting_warnings() {
        let targets = [
            target(Metric::Talent, 150.0, 2024),
            target(Metric::Talent, 140.0, 2022),
        ];
        let in_2022 = events_in(&targets, &trajectory(), 2022);
        assert_eq!(
            in_2022,
            [
                Event::TargetReached {
                    target: 0,
                    metric: Metric::Talent,
                    threshold: 150.0,
                    deadline: 2024
                },
                Event::TargetReached {
                    target: 1,
                    metric: Metric::Talent,
                    threshold: 140.0,
                    deadline: 2022
                },
                Event::Deadline {
                    target: 1,
                    metric: Metric::Talent,
                    threshold: 140.0,
                    met: true,
                    value: 150.0
                },
                Event::WarningStarts {
                    code: WarningCode::Understaffed,
                    first_year: 2022,
                    last_year: 2023
                },
            ]
        );
        // Reached again in 2024 after a dip: not a first reaching, but the deadline.
        let in_2024 = events_in(&targets[..1], &trajectory(), 2024);
        assert!(matches!(in_2024[..], [Event::Deadline { met: true, .. }]));
        assert!(events_in(&targets, &trajectory(), 2021).is_empty());
    }

    #[test]
    fn a_ceilings_first_excess_is_an_event_and_its_start_is_not() {
        let ceiling = [target(Metric::BudgetCumulative, 100.0, 2024)];
        assert!(events_in(&ceiling, &trajectory(), 2020).is_empty());
        assert!(matches!(
            events_in(&ceiling, &trajectory(), 2023)[..],
            [Event::CeilingExceeded { value, .. }] if value == 120.0
        ));
        assert!(matches!(
            events_in(&ceiling, &trajectory(), 2024)[..],
            [Event::Deadline { met: false, .. }]
        ));
    }

    #[test]
    fn playback_of_every_preset_ends_at_each_deadline_with_the_verdict_of_evaluate() {
        for preset in presets::all() {
            let scenario = &preset.scenario;
            let trajectory = simulate(scenario).unwrap();
            for (i, target) in scenario.targets.iter().enumerate() {
                let verdict = evaluate(target, &trajectory);
                let at_deadline =
                    &verdicts_as_of(&scenario.targets, &trajectory, target.deadline)[i];
                let expected = if verdict.met {
                    Status::Met
                } else {
                    Status::Missed
                };
                assert_eq!(at_deadline.status, expected, "{} {i}", preset.slug);
                assert_eq!(at_deadline.value, verdict.value_at_deadline);
                assert_eq!(at_deadline.years_left, 0);
                let at_end = &verdicts_as_of(&scenario.targets, &trajectory, scenario.end_year)[i];
                assert_eq!(at_end.first_year_met, verdict.first_year_met);
                let deadline_events = events_in(&scenario.targets, &trajectory, target.deadline);
                assert!(
                    deadline_events.iter().any(|e| matches!(e,
                        Event::Deadline { target: t, met, .. } if *t == i && *met == verdict.met)),
                    "{} {i}",
                    preset.slug
                );
                // Every year before the deadline looks ahead to the same verdict.
                for year in scenario.base_year..target.deadline {
                    let status = verdicts_as_of(&scenario.targets, &trajectory, year)[i].status;
                    assert!(!status.is_final(), "{} {i} {year}", preset.slug);
                    if status != Status::Reached {
                        assert_eq!(
                            status == Status::OnTrack,
                            verdict.met,
                            "{} {year}",
                            preset.slug
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn yunnan_in_2023_stands_at_99_thousand_of_140_thousand_with_two_years_left() {
        let scenario = &presets::by_slug("yunnan").unwrap().scenario;
        let trajectory = simulate(scenario).unwrap();
        let talent = &verdicts_as_of(&scenario.targets, &trajectory, 2023)[0];
        assert_eq!(talent.metric, Metric::Talent);
        assert_eq!(talent.value.round(), 98_996.0);
        assert_eq!((talent.threshold, talent.years_left), (140_000.0, 2));
        assert_eq!(talent.status, Status::Behind);
    }
}
