//! The presenter: year-by-year playback, the levers on screen, and stories told step by step.

use super::*;
use swplan_engine::{Metric, Target, Yearly};

#[test]
fn playback_steps_through_the_years_and_stops_at_the_last() {
    let mut state = yunnan();
    state.apply(Action::EnterPresenter);
    let (base, end) = (2020, 2030);
    let year = |state: &State| state.session.presenter.as_ref().unwrap().year;
    assert_eq!(year(&state), base, "opens at the start");
    state.apply(Action::PresenterNext);
    assert_eq!(year(&state), base + 1, "a step is a year");
    state.apply(Action::TogglePlay);
    for _ in 0..20 {
        state.apply(Action::Tick);
    }
    let presenter = state.session.presenter.as_ref().unwrap();
    assert_eq!((presenter.year, presenter.playing), (end, false));
    state.apply(Action::PresenterBack);
    assert_eq!(state.session.presenter.as_ref().unwrap().year, end - 1);
    assert_eq!(
        state.session.presenter.as_ref().unwrap().levers,
        vec!["hires"],
        "the lever of Yunnan's talent target"
    );
}

#[test]
fn a_story_asks_before_it_reveals_and_walks_to_its_end() {
    let story = Rc::new(crate::story::by_id("yunnan-14wan").unwrap().clone());
    let steps = story.steps().len();
    let mut state = ningxia();
    state.apply(Action::OpenStory {
        story: Rc::clone(&story),
        step: 0,
    });
    assert_eq!(state.plan().origin.slug(), Some("yunnan"));
    let mut presses = 0;
    loop {
        let place = state
            .session
            .presenter
            .as_ref()
            .unwrap()
            .story
            .clone()
            .unwrap();
        if place.step == steps - 1 && !place.asking() {
            break;
        }
        if place.asking() {
            state.apply(Action::PresenterNext);
            assert!(!state
                .session
                .presenter
                .as_ref()
                .unwrap()
                .story
                .as_ref()
                .unwrap()
                .asking());
        } else {
            state.apply(Action::PresenterNext);
        }
        presses += 1;
        assert!(presses < 40);
    }
    assert_eq!(state.plan().scenario, {
        let mut s = story.plan_at(steps - 1).unwrap();
        s.sources.clear();
        s
    });
    // A key pressed once too often at the end leaves the last step as it is, year included.
    let shown = state.session.presenter.clone();
    state.apply(Action::PresenterNext);
    assert_eq!(state.session.presenter, shown);
    // Leaving puts back the plan from before the story, in one step that Undo reverses.
    let story_plan = state.plan().scenario.clone();
    state.apply(Action::ExitPresenter);
    assert_eq!(state.plan().scenario, ningxia().plan().scenario);
    assert_eq!(state.session.undo_hint, Some(UndoHint::StoryLeft));
    state.apply(Action::Undo);
    assert_eq!(state.plan().scenario, story_plan);
}

#[test]
fn the_presenter_shows_the_charts_that_draw_the_plans_targets() {
    use crate::chart::Chart;
    let target = |metric, threshold| Target {
        metric,
        threshold,
        deadline: 2025,
        source: None,
    };
    let charts_with = |second: Option<Target>| {
        let mut state = yunnan();
        if let Some(target) = second {
            state.apply(Action::AddTarget(target));
        }
        state.apply(Action::EnterPresenter);
        let presenter = state.session.presenter.clone().unwrap();
        presenter.charts(&state.plan().computed.scenario)
    };
    // Yunnan's one target is talent: talent, and the budget beside it.
    assert_eq!(charts_with(None), [Chart::Talent, Chart::Budget]);
    assert_eq!(
        charts_with(Some(target(Metric::RoomCoverage, 0.5))),
        [Chart::Talent, Chart::Coverage]
    );
    // No chart draws institutions (the presenter once sent them to the coverage chart, which
    // has no mark for them): talent and the budget.
    assert_eq!(
        charts_with(Some(target(Metric::Institutions, 500.0))),
        [Chart::Talent, Chart::Budget]
    );
}

#[test]
fn a_story_step_shows_the_certified_chart_when_the_plan_has_a_certified_target() {
    use crate::chart::Chart;
    let story = Rc::new(crate::story::by_id("ningxia-rooms").unwrap().clone());
    let mut state = ningxia();
    state.apply(Action::OpenStory { story, step: 0 });
    let presenter = state.session.presenter.clone().unwrap();
    // The first step looks at the rooms' coverage; the budget beside it, and Ningxia's 7000
    // certified social workers.
    assert_eq!(
        presenter.charts(&state.plan().computed.scenario),
        [Chart::Coverage, Chart::Certified, Chart::Budget]
    );
    // Without a story: the charts of its targets.
    let mut plain = ningxia();
    plain.apply(Action::EnterPresenter);
    let presenter = plain.session.presenter.clone().unwrap();
    assert_eq!(
        presenter.charts(&plain.plan().computed.scenario),
        [Chart::Talent, Chart::Certified, Chart::Coverage]
    );
}

#[test]
fn a_pooled_result_is_put_on_the_presenter_and_taken_away() {
    let mut state = yunnan();
    // Nothing pooled: nothing to present.
    state.apply(Action::TogglePresentPool);
    assert!(state.session.presenter.is_none());
    state.apply(Action::Workshop(WorkshopAction::SetText(
        "张三 http://x/?v=1&p=yunnan.2&h=15000\n李四 http://x/?v=1&p=yunnan.2&h=18000".into(),
    )));
    state.apply(Action::Workshop(WorkshopAction::Pool));
    state.apply(Action::TogglePresentPool);
    let presenter = state
        .session
        .presenter
        .as_ref()
        .expect("the presenter opens");
    assert!(presenter.pool);
    state.apply(Action::TogglePresentPool);
    assert!(!state.session.presenter.as_ref().unwrap().pool);
    // A story opened over it takes the screen.
    state.apply(Action::TogglePresentPool);
    let story = Rc::new(crate::story::by_id("yunnan-14wan").unwrap().clone());
    state.apply(Action::OpenStory { story, step: 0 });
    assert!(!state.session.presenter.as_ref().unwrap().pool);
}

#[test]
fn choosing_a_year_stops_the_playback_there() {
    let mut state = yunnan();
    state.apply(Action::EnterPresenter);
    state.apply(Action::TogglePlay);
    state.apply(Action::SetPlaybackYear(2024));
    let presenter = state.session.presenter.as_ref().unwrap();
    assert_eq!((presenter.year, presenter.playing), (2024, false));
}

#[test]
fn a_chosen_year_outside_the_plan_is_held_to_its_years() {
    let mut state = yunnan();
    state.apply(Action::EnterPresenter);
    let year = |state: &State| state.session.presenter.as_ref().unwrap().year;
    state.apply(Action::SetPlaybackYear(2050));
    assert_eq!(year(&state), 2030);
    state.apply(Action::SetPlaybackYear(1999));
    assert_eq!(year(&state), 2020);
}

#[test]
fn playing_from_the_last_year_starts_again_at_the_first() {
    let mut state = yunnan();
    state.apply(Action::EnterPresenter);
    state.apply(Action::SetPlaybackYear(2030));
    state.apply(Action::TogglePlay);
    let presenter = state.session.presenter.as_ref().unwrap();
    assert_eq!((presenter.year, presenter.playing), (2020, true));
    state.apply(Action::TogglePlay);
    assert!(!state.session.presenter.as_ref().unwrap().playing, "paused");
}

#[test]
fn a_lever_is_put_on_and_taken_off_the_presenters_screen() {
    let mut state = yunnan();
    state.apply(Action::EnterPresenter);
    let levers = |state: &State| state.session.presenter.as_ref().unwrap().levers.clone();
    assert_eq!(levers(&state), ["hires"]);
    state.apply(Action::TogglePresenterLever("attrition"));
    assert_eq!(levers(&state), ["hires", "attrition"]);
    state.apply(Action::TogglePresenterLever("hires"));
    assert_eq!(levers(&state), ["attrition"]);
}

#[test]
fn leaving_the_presenter_without_a_story_keeps_the_plan() {
    let mut state = yunnan();
    state.apply(Action::SetValue {
        key: "hires",
        value: 20_000.0,
    });
    state.apply(Action::EnterPresenter);
    state.apply(Action::ExitPresenter);
    assert_eq!(state.session.presenter, None);
    assert_eq!(
        state.plan().scenario.levers.hires,
        Yearly::Constant(20_000.0)
    );
    assert_eq!(state.session.undo_hint, None);
}

#[test]
fn opening_a_story_closes_the_stories_dialog() {
    let story = Rc::new(crate::story::by_id("yunnan-14wan").unwrap().clone());
    let mut state = yunnan();
    state.apply(Action::OpenDialog(Dialog::Stories));
    state.apply(Action::OpenStory { story, step: 0 });
    assert_eq!(state.session.dialog, None);
    assert!(state.session.presenter.is_some());
}

/// Opens a built-in story in the presenter at its start.
fn story_open(id: &str) -> State {
    let story = Rc::new(crate::story::by_id(id).unwrap().clone());
    let mut state = yunnan();
    state.apply(Action::OpenStory { story, step: 0 });
    state
}

fn place(state: &State) -> &StoryPlace {
    state
        .session
        .presenter
        .as_ref()
        .and_then(|p| p.story.as_ref())
        .unwrap()
}

#[test]
fn a_story_opens_on_its_introduction_then_asks_its_first_question() {
    let mut state = story_open("ningxia-rooms");
    assert!(place(&state).intro, "the introduction first");
    assert!(!place(&state).asking(), "no question over the introduction");
    state.apply(Action::PresenterNext);
    assert!(!place(&state).intro);
    assert!(place(&state).asking(), "then the first step's question");
    state.apply(Action::PresenterBack);
    assert!(
        place(&state).intro,
        "back from the first step: the introduction"
    );
}

#[test]
fn home_and_end_go_to_the_start_and_the_end_of_the_story() {
    let mut state = story_open("guizhou-exams");
    let last = place(&state).story.steps().len() - 1;
    state.apply(Action::PresenterLast);
    assert_eq!((place(&state).step, place(&state).revealed), (last, true));
    state.apply(Action::PresenterFirst);
    assert_eq!(place(&state).step, 0);
    assert!(place(&state).intro);
}

#[test]
fn without_a_story_home_and_end_are_the_first_and_last_year() {
    let mut state = yunnan();
    state.apply(Action::EnterPresenter);
    state.apply(Action::PresenterLast);
    assert_eq!(state.session.presenter.as_ref().unwrap().year, 2030);
    state.apply(Action::PresenterFirst);
    assert_eq!(state.session.presenter.as_ref().unwrap().year, 2020);
}

#[test]
fn p_in_a_step_that_asks_plays_from_the_start_and_answers_at_the_deadline() {
    let mut state = story_open("ningxia-rooms");
    state.apply(Action::PresenterNext);
    assert!(place(&state).asking());
    state.apply(Action::TogglePlay);
    let presenter = state.session.presenter.as_ref().unwrap();
    assert_eq!(presenter.year, 2022, "from the base year, not the deadline");
    assert!(place(&state).asking(), "the answer is not given away");
    let mut years = Vec::new();
    while state.session.presenter.as_ref().unwrap().playing {
        state.apply(Action::Tick);
        let year = state.session.presenter.as_ref().unwrap().year;
        years.push((year, place(&state).asking()));
    }
    // Ningxia's last deadline is 2027: the question waits until then.
    assert!(
        years.iter().all(|(y, asking)| *asking == (*y < 2027)),
        "{years:?}"
    );
}

#[test]
fn the_qr_code_and_a_blank_screen_come_and_go_and_a_step_key_only_closes_them() {
    let mut state = story_open("yunnan-14wan");
    state.apply(Action::ToggleOverlay(Overlay::Qr));
    let overlay = |state: &State| state.session.presenter.as_ref().unwrap().overlay;
    assert_eq!(overlay(&state), Some(Overlay::Qr));
    state.apply(Action::ToggleOverlay(Overlay::Blank));
    assert_eq!(overlay(&state), Some(Overlay::Blank));
    state.apply(Action::PresenterNext);
    assert_eq!(overlay(&state), None);
    assert!(
        place(&state).intro,
        "the key closed the blank screen, nothing else"
    );
    state.apply(Action::ToggleOverlay(Overlay::Qr));
    state.apply(Action::ToggleOverlay(Overlay::Qr));
    assert_eq!(overlay(&state), None);
}

#[test]
fn a_story_keeps_one_scale_per_chart_over_its_steps() {
    let state = story_open("yunnan-14wan");
    let place = place(&state);
    let talent = place.scale_of(crate::chart::Chart::Talent).unwrap();
    // Every step's talent fits under the story's one top, which some step reaches.
    let tops: Vec<f64> = place
        .story
        .plans()
        .unwrap()
        .iter()
        .map(|s| {
            swplan_engine::simulate(s)
                .unwrap()
                .years
                .iter()
                .map(|r| r.talent)
                .fold(0.0, f64::max)
        })
        .collect();
    assert!(tops.iter().all(|t| *t <= talent));
    // The top is the highest line or, above every line, the target the playback will mark.
    let target = place.story.plans().unwrap()[0]
        .targets
        .iter()
        .filter(|t| t.metric == swplan_engine::Metric::Talent)
        .map(|t| t.threshold)
        .fold(0.0, f64::max);
    assert_eq!(talent, tops.iter().copied().fold(target, f64::max));
}

#[test]
fn after_the_reveal_a_step_says_how_what_it_asked_about_moved() {
    let mut state = story_open("ningxia-rooms");
    // Introduction, step 1's question and answer, then step 2 ("scheduling more rooms earlier").
    for _ in 0..3 {
        state.apply(Action::PresenterNext);
    }
    assert_eq!(place(&state).step, 1);
    assert!(place(&state).asking());
    assert!(place(&state)
        .callouts(&state.plan().computed, None)
        .is_empty());
    state.apply(Action::PresenterNext);
    let callouts = place(&state).callouts(&state.plan().computed, None);
    let rooms = callouts
        .iter()
        .find(|c| c.metric == Metric::Rooms)
        .expect("the question asked about rooms");
    assert_eq!(rooms.year, 2025);
    let first = rooms.first_year.unwrap();
    assert_eq!((first.before, first.after), (Some(Some(2026)), Some(2025)));
    let met = rooms.met.unwrap();
    assert_eq!((met.before, met.after), (Some(false), true));
    assert!(rooms.before.unwrap() < 1000.0 && rooms.after >= 1000.0);
}
