//! The reducer's actions, natively: every behaviour the page relies on, one module per part of
//! the page, and a check that no action goes without a test.

use super::*;

mod compare;
mod help;
mod import;
mod life;
mod odds;
mod opening;
mod optimiser;
mod page;
mod presenter;
mod provenance;
mod recording;
mod region;
mod rollup;
mod saves;
mod session;
mod values;
mod workshop;

fn yunnan() -> State {
    State::new(presets::default_preset(), Lang::Zh)
}

/// Saves the plan on screen as `id` under `name`, at a fixed time.
fn save_as(state: &mut State, id: &str, name: &str) {
    state.apply(Action::SaveAs {
        id: id.into(),
        name: name.into(),
        now: "2026-11-23T10:00:00Z".into(),
    });
}

fn ningxia() -> State {
    let mut state = yunnan();
    state.apply(Action::LoadPreset("ningxia"));
    state
}

/// A region of the planner's own, just started from the blank template (2025–2030).
fn new_region() -> State {
    let mut state = yunnan();
    state.apply(Action::NewRegion(Rc::new(presets::blank().clone())));
    state
}

/// The reducer's declaration, and every test of it: each variant of `Action` must be applied in
/// one of these files, so an action added without a test fails here.
const REDUCER: &str = include_str!("mod.rs");
const TEST_FILES: [&str; 18] = [
    include_str!("tests.rs"),
    include_str!("tests/compare.rs"),
    include_str!("tests/help.rs"),
    include_str!("tests/import.rs"),
    include_str!("tests/life.rs"),
    include_str!("tests/rollup.rs"),
    include_str!("tests/odds.rs"),
    include_str!("tests/opening.rs"),
    include_str!("tests/optimiser.rs"),
    include_str!("tests/page.rs"),
    include_str!("tests/presenter.rs"),
    include_str!("tests/provenance.rs"),
    include_str!("tests/recording.rs"),
    include_str!("tests/region.rs"),
    include_str!("tests/saves.rs"),
    include_str!("tests/session.rs"),
    include_str!("tests/values.rs"),
    include_str!("tests/workshop.rs"),
];

/// The names of the variants of `pub enum Action`, as `mod.rs` declares them: the lines indented
/// once inside the enum that start with a capital (fields are indented twice, docs are `///`).
fn action_variants(source: &str) -> Vec<&str> {
    let body = source
        .split_once("pub enum Action {\n")
        .and_then(|(_, rest)| rest.split_once("\n}\n"))
        .map_or("", |(body, _)| body);
    body.lines()
        .filter_map(|line| line.strip_prefix("    "))
        .filter(|line| line.starts_with(|c: char| c.is_ascii_uppercase()))
        .map(|line| {
            let end = line
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(line.len());
            &line[..end]
        })
        .collect()
}

/// Whether `text` names `Action::{variant}` as a whole path (not `WorkshopAction::…`, nor a
/// longer variant name that begins with this one).
fn names_action(text: &str, variant: &str) -> bool {
    let path = format!("Action::{variant}");
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(&path).any(|(at, _)| {
        !text[..at].ends_with(is_ident) && !text[at + path.len()..].starts_with(is_ident)
    })
}

#[test]
fn every_action_has_a_test() {
    let variants = action_variants(REDUCER);
    // The declaration is read from its first variant to its last.
    assert_eq!(variants.first(), Some(&"SetLang"));
    assert_eq!(variants.last(), Some(&"Import"));
    let untested: Vec<&str> = variants
        .into_iter()
        .filter(|variant| !TEST_FILES.iter().any(|text| names_action(text, variant)))
        .collect();
    assert!(
        untested.is_empty(),
        "no test applies Action::{}",
        untested.join(", Action::")
    );
}

#[test]
fn an_action_is_named_only_by_its_whole_path() {
    assert!(names_action("state.apply(Action::Undo);", "Undo"));
    assert!(!names_action("Action::UndoRecordedStep", "Undo"));
    assert!(!names_action("WorkshopAction::Pool", "Pool"));
}
