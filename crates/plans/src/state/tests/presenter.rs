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
