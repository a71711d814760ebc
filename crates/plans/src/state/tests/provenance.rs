//! Where a plan's numbers come from (issue 18, items 6–8): a new region's doubts judged by its
//! own size, the planner's own sources, and certified social workers entered as a total.

use super::*;
use crate::share::{decode, encode};
use swplan_engine::certified::{self, CertifiedTotal};
use swplan_engine::plausibility::{Basis, Doubt};
use swplan_engine::PlannerSource;

/// A new region filled in from a city's 2023 report.
fn filled_new_region() -> State {
    let mut state = new_region();
    for (key, value) in [
        ("talent", 2_400.0),
        ("townships", 163.0),
        ("villages", 2_100.0),
        ("institutions", 35.0),
        ("hires", 300.0),
        ("stations_per_year", 40.0),
    ] {
        state.apply(Action::SetValue { key, value });
    }
    state
}

fn bulletin(quote: &str) -> PlannerSource {
    PlannerSource {
        document: "《2023年某市民政事业发展统计公报》".into(),
        date: "2024-03".into(),
        quote: quote.into(),
    }
}

/// The plan as a link opens it again.
fn through_a_link(state: &State) -> crate::share::PlanSpec {
    let spec = state.plan().to_spec(state.session.mc);
    decode(&encode(&[spec], None)).plans.remove(0)
}

// Item 6.

#[test]
fn a_new_regions_size_is_not_doubted_against_the_templates_placeholders() {
    // Before: "约为预设值（1）的 163 倍" beside 163 townships.
    let state = filled_new_region();
    assert_eq!(state.plan().concerns, vec![]);
}

#[test]
fn a_new_region_is_doubted_against_its_own_size() {
    let mut state = filled_new_region();
    state.apply(Action::SetValue {
        key: "stations_per_year",
        value: 500.0,
    });
    let concern = &state.plan().concerns[0];
    assert_eq!(concern.key, "stations_per_year");
    assert_eq!(
        concern.doubt,
        Doubt::MoreThanRegion {
            of: "townships",
            count: 163.0
        }
    );
    assert_eq!(concern.basis, Basis::NewRegion);
}

// Item 7.

#[test]
fn a_planners_source_is_kept_undone_saved_and_linked() {
    let mut state = filled_new_region();
    let generation = state.plan().generation;
    state.apply(Action::SetPlannerSource {
        key: "talent",
        source: Some(bulletin("全市社会工作专业人才2400人")),
    });
    let plan = state.plan();
    assert_eq!(
        plan.scenario.planner_sources.get("talent"),
        Some(&bulletin("全市社会工作专业人才2400人"))
    );
    assert_eq!(
        plan.generation, generation,
        "a source changes no number: no new run"
    );
    assert!(plan.is_edited_from_baseline());
    let spec = plan.to_spec(state.session.mc);
    assert_eq!(spec.scenario.planner_sources.len(), 1, "saves carry it");
    assert_eq!(
        through_a_link(&state).scenario.planner_sources,
        spec.scenario.planner_sources
    );

    save_as(&mut state, "s1", "某市方案");
    let saved = state.session.library.get("s1").unwrap();
    assert_eq!(saved.scenario.planner_sources.len(), 1);
    state.apply(Action::SetPlannerSource {
        key: "talent",
        source: Some(bulletin("全市社会工作专业人才2400余人")),
    });
    assert!(
        state.current_save().unwrap().1,
        "a changed source is unsaved work"
    );

    state.apply(Action::Undo);
    assert_eq!(
        state.plan().scenario.planner_sources.get("talent"),
        Some(&bulletin("全市社会工作专业人才2400人"))
    );
    assert_eq!(
        state.plan().generation,
        generation,
        "undoing one needs no run either"
    );
}

#[test]
fn a_source_of_blanks_removes_the_source() {
    let mut state = filled_new_region();
    state.apply(Action::SetPlannerSource {
        key: "hires",
        source: Some(bulletin("每年新增300人")),
    });
    state.apply(Action::SetPlannerSource {
        key: "hires",
        source: Some(PlannerSource {
            document: "  ".into(),
            ..PlannerSource::default()
        }),
    });
    assert!(state.plan().scenario.planner_sources.is_empty());
    assert!(state.plan().computed.scenario.planner_sources.is_empty());
}

#[test]
fn a_link_without_sources_is_the_format_it_was_and_one_with_them_says_so() {
    let mut state = filled_new_region();
    let plain = encode(&[state.plan().to_spec(state.session.mc)], None);
    assert!(plain.starts_with("v=2&"), "{plain}");
    assert!(!plain.contains("&q="));
    state.apply(Action::SetPlannerSource {
        key: "townships",
        source: Some(bulletin("全市共有乡镇（街道）163个")),
    });
    let with_source = encode(&[state.plan().to_spec(state.session.mc)], None);
    assert!(with_source.starts_with("v=3&"), "{with_source}");
    let opened = decode(&with_source);
    assert_eq!(opened.problems, vec![]);
    assert_eq!(
        opened.plans[0].scenario.planner_sources.get("townships"),
        Some(&bulletin("全市共有乡镇（街道）163个"))
    );
}

// Item 8.

#[test]
fn certified_entered_as_a_total_gives_the_three_stocks_by_its_split() {
    let mut state = filled_new_region();
    state.apply(Action::SetCertifiedTotal(Some(
        CertifiedTotal::with_default_split(658.0),
    )));
    let s = &state.plan().scenario;
    assert_eq!(s.certified_levels(), [494.0, 164.0, 0.0]);
    assert_eq!(
        state.plan().computed.trajectory.years[0].certified_junior,
        494.0
    );
    state.apply(Action::SetCertifiedTotal(Some(CertifiedTotal {
        total: 658.0,
        junior_share: 0.6,
        senior_share: 0.01,
    })));
    assert_eq!(
        state.plan().scenario.certified_levels(),
        [395.0, 256.0, 7.0]
    );
    state.apply(Action::Undo);
    assert_eq!(
        state.plan().scenario.certified_levels(),
        [494.0, 164.0, 0.0]
    );
}

#[test]
fn a_certified_total_travels_in_a_link_as_the_planner_entered_it() {
    let mut state = filled_new_region();
    let split = CertifiedTotal {
        total: 658.0,
        junior_share: 0.6,
        senior_share: 0.01,
    };
    state.apply(Action::SetCertifiedTotal(Some(split)));
    let spec = state.plan().to_spec(state.session.mc);
    let link = encode(std::slice::from_ref(&spec), None);
    assert!(link.contains("&ct=658_0.6_0.01"), "{link}");
    assert!(
        !link.contains("cj0="),
        "the stocks follow from the total: {link}"
    );
    let opened = through_a_link(&state);
    assert_eq!(opened.scenario, spec.scenario);
    assert_eq!(opened.scenario.certified_total, Some(split));
}

#[test]
fn a_level_entered_on_its_own_leaves_the_total_and_reset_brings_the_baseline_back() {
    let mut state = ningxia();
    state.apply(Action::SetCertifiedTotal(Some(
        CertifiedTotal::with_default_split(4_000.0),
    )));
    state.apply(Action::SetValue {
        key: "certified_senior",
        value: 10.0,
    });
    let s = &state.plan().scenario;
    assert_eq!(s.certified_total, None, "entered level by level again");
    assert_eq!(s.certified_levels(), [3_000.0, 998.0, 10.0]);
    state.apply(Action::SetCertifiedTotal(Some(
        CertifiedTotal::with_default_split(4_000.0),
    )));
    state.apply(Action::ResetParam {
        key: certified::TOTAL_KEY,
    });
    let s = &state.plan().scenario;
    assert_eq!(s.certified_total, None);
    assert_eq!(s.certified_levels(), [2_250.0, 748.0, 2.0], "Ningxia's own");
    assert!(!state.plan().is_edited_from_baseline());
}

#[test]
fn a_total_above_talent_is_refused_with_the_last_valid_plan_on_screen() {
    let mut state = filled_new_region();
    state.apply(Action::SetCertifiedTotal(Some(
        CertifiedTotal::with_default_split(5_000.0),
    )));
    assert!(state.plan().has_invalid_input());
    assert_eq!(state.plan().computed.scenario.certified_total, None);
}
