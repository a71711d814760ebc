//! The answers the built-in stories give their questions' choices are what the model shows:
//! the room is told "12 of 20 predicted it" beside a result that must agree.

use swplan_engine::montecarlo::{probability, Settings};
use swplan_engine::{evaluate, simulate, Metric, Scenario};
use swplan_plans::story::{self, Story};

fn story(id: &str) -> &'static Story {
    story::by_id(id).expect("built in")
}

fn plan(id: &str, step: usize) -> Scenario {
    story(id).plan_at(step).unwrap()
}

/// Whether the step's target on `metric` is met at its deadline.
fn met(id: &str, step: usize, metric: Metric) -> bool {
    let plan = plan(id, step);
    let trajectory = simulate(&plan).unwrap();
    let target = plan.targets.iter().find(|t| t.metric == metric).unwrap();
    evaluate(target, &trajectory).met
}

fn at(id: &str, step: usize, metric: Metric, year: i32) -> f64 {
    let trajectory = simulate(&plan(id, step)).unwrap();
    metric.value(trajectory.row(year).unwrap())
}

/// Yes (1) or no (2).
fn yes_no(yes: bool) -> u32 {
    if yes {
        1
    } else {
        2
    }
}

/// (story, step) → the choice the model bears out, counted from 1.
fn model_answer(id: &str, step: usize) -> u32 {
    use Metric::*;
    match (id, step) {
        ("yunnan-14wan", 2) => {
            // More hires, attrition lower, or about the same (within 1 %).
            let (hiring, keeping) = (at(id, 1, Talent, 2025), at(id, 2, Talent, 2025));
            match (hiring - keeping) / hiring {
                d if d.abs() < 0.01 => 3,
                d if d > 0.0 => 1,
                _ => 2,
            }
        }
        ("yunnan-14wan" | "guizhou-exams", _) if !(id == "guizhou-exams" && step < 3) => {
            yes_no(met(id, step, Talent))
        }
        ("guizhou-exams", 0) => {
            let met = [StationCoverage, Certified, Talent].map(|m| met(id, 0, m));
            match met {
                [true, true, true] => 1,
                [true, true, false] => 2,
                [true, false, false] => 3,
                [false, false, false] => 4,
                other => panic!("no choice says {other:?}"),
            }
        }
        ("guizhou-exams", 1) => yes_no(met(id, 1, Certified)),
        // Does talent grow with twice the candidates?
        ("guizhou-exams", 2) => yes_no(at(id, 2, Talent, 2025) > at(id, 1, Talent, 2025)),
        ("ningxia-rooms", 0) => match (met(id, 0, Rooms), met(id, 0, RoomCoverage)) {
            (true, true) => 1,
            (false, false) => 3,
            _ => 2,
        },
        ("ningxia-rooms", 1) => {
            let odds = |step| {
                let plan = plan(id, step);
                let target = plan.targets.iter().find(|t| t.metric == Rooms).unwrap();
                probability(&plan, target, Settings::default())
            };
            match odds(1) - odds(0) {
                d if d > 0.05 => 1,
                d if d < -0.05 => 3,
                _ => 2,
            }
        }
        ("ningxia-rooms", 2 | 3) => yes_no(met(id, step, Certified)),
        ("ningxia-rooms", 4) => yes_no(met(id, 4, Talent)),
        ("ningxia-rooms", 5) => {
            let plan = plan(id, 5);
            let trajectory = simulate(&plan).unwrap();
            yes_no(plan.targets.iter().all(|t| evaluate(t, &trajectory).met))
        }
        // Does the number certified stay the same without the junior subsidy?
        ("ningxia-rooms", 6) => yes_no(at(id, 6, Certified, 2027) == at(id, 5, Certified, 2027)),
        _ => panic!("{id} step {step}: no check of its answer"),
    }
}

#[test]
fn every_answer_a_built_in_story_gives_is_what_the_model_shows() {
    for story in story::all() {
        for (step, s) in story.steps().iter().enumerate() {
            let Some(answer) = s.answer else {
                assert!(s.question.is_none(), "{} step {step}: an answer", story.id);
                continue;
            };
            assert_eq!(
                answer,
                model_answer(&story.id, step),
                "{} step {step}: {:?}",
                story.id,
                s.question
            );
        }
    }
}
