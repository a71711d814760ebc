//! Share links as specifications: what a link says, and what a planner gets when opening it.

use super::*;
use crate::presets::{self, by_slug};
use crate::share::problems::{Fallback, LinkNotice, ProblemKind};
use swplan_engine::montecarlo::Settings;
use swplan_engine::validate::Problem;
use swplan_engine::{validate, Metric, Yearly};

fn preset_plan(slug: &str) -> PlanSpec {
    let preset = by_slug(slug).unwrap();
    let mut scenario = preset.scenario.clone();
    scenario.sources.clear();
    PlanSpec {
        name: None,
        origin: Origin::Preset {
            slug: slug.into(),
            data_version: preset.data_version,
        },
        scenario,
        mc: Settings::default(),
    }
}

fn yunnan() -> PlanSpec {
    preset_plan("yunnan")
}

/// `p=yunnan.<current data version>`.
fn yunnan_origin() -> String {
    format!("p=yunnan.{}", by_slug("yunnan").unwrap().data_version)
}

fn kinds(opened: &OpenedLink) -> Vec<(&str, &ProblemKind)> {
    opened
        .problems
        .iter()
        .map(|p| (p.key.as_str(), &p.kind))
        .collect()
}

/// A link without its checksum (`c=…`), so the tests below can spell out what a link holds.
fn plain(link: String) -> String {
    link.split('&')
        .filter(|pair| !pair.starts_with("c="))
        .collect::<Vec<_>>()
        .join("&")
}

/// The link as the tests below read it: without its checksum, which the tests at the end
/// check on their own.
fn encode(plans: &[PlanSpec], lang: Option<crate::Lang>) -> String {
    plain(super::encode(plans, lang))
}

#[test]
fn every_link_carries_a_checksum_right_after_its_version() {
    let link = super::encode(&[yunnan()], None);
    assert!(link.starts_with("v=2&c="), "{link}");
    assert!(decode(&link).problems.is_empty());
}

#[test]
fn the_example_shown_to_people_begins_as_a_link_this_app_makes() {
    // "v=2&c=…&p=…": the version of a plain link, its checksum, its origin — the first three
    // keys of a link of a preset, in that order, with the same version.
    let example = query_example();
    assert_eq!(example, format!("v={PLAIN_FORMAT}&c=…&p=…"));
    let link = super::encode(&[yunnan()], None);
    let keys = |query: &str| -> Vec<String> {
        query
            .split('&')
            .take(3)
            .map(|pair| pair.split('=').next().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(keys(&link), keys(&example));
    assert!(link.starts_with(&format!("v={PLAIN_FORMAT}&")), "{link}");
    const { assert!(PLAIN_FORMAT <= FORMAT_VERSION) };
}

#[test]
fn a_link_cut_short_or_changed_says_so() {
    let mut plan = yunnan();
    plan.scenario.levers.pass_junior = Yearly::List(vec![0.25, 0.25, 0.3, 0.25]);
    let link = super::encode(std::slice::from_ref(&plan), None);
    // Cut inside the list: still a valid plan, but not the one that was shared.
    let cut = &link[..link.len() - 7];
    let opened = decode(cut);
    assert!(
        opened
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::Damaged),
        "{cut}"
    );
    let changed = link.replace("pj=0.25", "pj=0.35");
    assert!(decode(&changed)
        .problems
        .iter()
        .any(|p| p.kind == ProblemKind::Damaged));
}

#[test]
fn chat_app_additions_a_language_or_a_story_step_do_not_upset_the_checksum() {
    let link = super::encode(&[yunnan()], Some(crate::Lang::En));
    let extended = format!("{link}&story=yunnan-14wan&step=2&from=singlemessage&isappinstalled=0");
    assert!(
        decode(&extended).problems.is_empty(),
        "{:?}",
        decode(&extended).problems
    );
}

#[test]
fn an_unchanged_preset_is_only_its_origin() {
    assert_eq!(
        encode(&[yunnan()], None),
        format!("v=2&{}", yunnan_origin())
    );
}

#[test]
fn only_changed_values_are_written_by_their_codes() {
    let mut plan = yunnan();
    plan.scenario.levers.hires = Yearly::Constant(15000.0);
    plan.scenario.levers.pass_junior = Yearly::Constant(0.3);
    plan.scenario.assumptions.attrition = 0.075;
    assert_eq!(
        encode(&[plan], Some(crate::Lang::En)),
        format!("v=2&{}&a=0.075&h=15000&pj=0.3&lang=en", yunnan_origin())
    );
}

#[test]
fn schedules_and_growth_have_their_own_short_forms() {
    let mut plan = yunnan();
    plan.scenario.levers.hires = Yearly::List(vec![13000.0, 14000.0, 15000.0, 15000.0]);
    plan.scenario.levers.positions_per_year = Yearly::Growth {
        start: 500.0,
        growth: 0.05,
    };
    let link = encode(std::slice::from_ref(&plan), None);
    assert_eq!(
        link,
        format!("v=2&{}&h=13000_14000_15000&po=500g0.05", yunnan_origin())
    );
    let opened = decode(&link);
    assert!(opened.problems.is_empty(), "{:?}", opened.problems);
    assert_eq!(opened.plans, vec![normalized(&plan)]);
}

#[test]
fn a_plan_and_the_plan_its_link_opens_are_the_same_plan() {
    let mut plan = yunnan();
    plan.name = Some("逐年".into());
    // One year edited in the middle of a schedule: the link drops the repeats after it.
    plan.scenario.levers.hires = Yearly::List(vec![12000.0, 15000.0, 12000.0, 12000.0, 12000.0]);
    let opened = decode(&super::encode(std::slice::from_ref(&plan), None));
    assert_ne!(opened.plans[0], plan, "not the same text");
    assert!(same_plan(&opened.plans[0], &plan));
    let mut other = plan.clone();
    other.scenario.levers.hires = Yearly::List(vec![12000.0, 15000.0, 12000.0, 12000.0, 13000.0]);
    assert!(!same_numbers(&other, &plan));
    other = plan.clone();
    other.name = Some("另一个".into());
    assert!(same_numbers(&other, &plan) && !same_plan(&other, &plan));
}

#[test]
fn a_full_address_a_query_and_a_chat_message_open_the_same_plan() {
    let expected = decode("v=2&p=yunnan.1&h=15000").plans;
    for text in [
        "http://127.0.0.1:8080/?v=2&p=yunnan.1&h=15000",
        "?v=2&p=yunnan.1&h=15000",
        "快看这个方案👉 https://plan.gov.cn/swplan/?v=2&p=yunnan.1&h=15000，明天讨论",
    ] {
        assert_eq!(decode(text).plans, expected, "{text}");
    }
    assert_eq!(expected[0].scenario.levers.hires, Yearly::Constant(15000.0));
}

#[test]
fn keys_appended_by_chat_apps_are_ignored_silently() {
    let opened = decode("v=2&p=ningxia.1&h=2000&from=singlemessage&isappinstalled=0");
    assert!(opened.problems.is_empty());
    assert_eq!(
        opened.plans[0].scenario.levers.hires,
        Yearly::Constant(2000.0)
    );
}

#[test]
fn an_unreadable_number_is_skipped_and_the_rest_kept() {
    let opened = decode("v=2&p=yunnan&h=lots&cj=9000");
    assert_eq!(
        kinds(&opened),
        vec![(
            "h",
            &ProblemKind::NotASchedule {
                text: "lots".into()
            }
        )]
    );
    assert_eq!(opened.problems[0].fallback, Fallback::PresetValue);
    let scenario = &opened.plans[0].scenario;
    assert_eq!(scenario.levers.hires, yunnan().scenario.levers.hires);
    assert_eq!(scenario.levers.candidates_junior, Yearly::Constant(9000.0));
}

#[test]
fn a_schedule_for_a_one_number_parameter_is_refused() {
    let opened = decode("v=2&p=yunnan&a=0.1_0.2");
    assert!(matches!(
        kinds(&opened)[..],
        [("a", ProblemKind::OneNumberOnly { .. })]
    ));
}

#[test]
fn the_first_of_duplicated_keys_wins() {
    let opened = decode("v=2&p=yunnan&h=15000&h=9000");
    assert_eq!(kinds(&opened), vec![("h", &ProblemKind::Duplicate)]);
    assert_eq!(
        opened.plans[0].scenario.levers.hires,
        Yearly::Constant(15000.0)
    );
}

#[test]
fn a_value_that_makes_the_plan_invalid_goes_back_to_the_preset() {
    let opened = decode("v=2&p=yunnan&h=-5&pj=1.5&cj=9000");
    let keys: Vec<&str> = opened.problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, vec!["h", "pj"]);
    assert!(opened
        .problems
        .iter()
        .all(|p| matches!(p.kind, ProblemKind::Invalid { .. })));
    let scenario = &opened.plans[0].scenario;
    assert_eq!(scenario.levers.hires, yunnan().scenario.levers.hires);
    assert_eq!(scenario.levers.candidates_junior, Yearly::Constant(9000.0));
    validate(scenario).unwrap();
}

#[test]
fn a_value_beyond_its_physical_bound_is_skipped_for_the_preset_value() {
    use swplan_engine::bounds::MAX_PEOPLE;
    use swplan_engine::params::Unit;
    use swplan_engine::validate::Field;
    let opened = decode(&format!("?v=2&{}&h=1e308", yunnan_origin()));
    assert_eq!(opened.problems.len(), 1, "{:?}", opened.problems);
    let problem = &opened.problems[0];
    assert_eq!(
        (problem.key.as_str(), problem.fallback),
        ("h", Fallback::PresetValue)
    );
    let ProblemKind::Invalid { error } = &problem.kind else {
        panic!("{problem:?}");
    };
    assert_eq!(
        error.field,
        Field::Param {
            key: "hires",
            year: None
        }
    );
    assert_eq!(
        error.problem,
        Problem::AboveBound {
            bound: MAX_PEOPLE,
            unit: Unit::People
        }
    );
    assert_eq!(opened.plans[0].scenario, yunnan().scenario);
}

#[test]
fn growth_past_the_bound_a_list_too_long_and_a_target_beyond_its_figure_are_skipped() {
    let too_long = vec!["100"; 31].join("_");
    let opened = decode(&format!(
        "v=2&{}&h=1000000000g1&cj={too_long}&t=tl-2000000000-2025&ey=2050",
        yunnan_origin()
    ));
    let keys: Vec<&str> = opened.problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, vec!["h", "cj", "t"], "{:?}", opened.problems);
    let scenario = &opened.plans[0].scenario;
    assert_eq!(scenario.levers.hires, yunnan().scenario.levers.hires);
    assert_eq!(
        scenario.levers.candidates_junior,
        yunnan().scenario.levers.candidates_junior
    );
    assert!(scenario.targets.is_empty());
    assert_eq!(scenario.end_year, 2050);
    validate(scenario).unwrap();
}

#[test]
fn a_ceiling_lowered_below_its_stock_is_what_goes_back() {
    // Yunnan has 1415 stations; 10 townships cannot hold them. The error names the stations,
    // but the link changed the townships.
    let opened = decode("v=2&p=yunnan&tw=10");
    assert_eq!(opened.problems.len(), 1);
    assert_eq!(opened.problems[0].key, "tw");
    assert_eq!(opened.plans[0].scenario.assumptions.townships, 1415.0);
}

#[test]
fn certified_above_talent_reverts_whichever_stock_the_link_set() {
    let opened = decode("v=2&p=yunnan&cm0=999999");
    assert_eq!(opened.problems[0].key, "cm0");
    validate(&opened.plans[0].scenario).unwrap();
}

#[test]
fn a_horizon_too_long_goes_back_before_anything_else() {
    let opened = decode("v=2&p=yunnan&ey=2090&t=tl-150000-2080");
    assert_eq!(opened.problems[0].key, "ey");
    // With the preset's horizon the target's deadline is outside the table: it is dropped.
    assert_eq!(opened.problems[1].key, "t");
    assert_eq!(opened.problems[1].fallback, Fallback::Dropped);
    let scenario = &opened.plans[0].scenario;
    assert_eq!(scenario.end_year, 2030);
    assert!(scenario.targets.is_empty());
    validate(scenario).unwrap();
}

#[test]
fn a_year_that_is_not_a_number_is_named() {
    let opened = decode("v=2&p=yunnan&by=twenty");
    assert_eq!(
        kinds(&opened),
        vec![(
            "by",
            &ProblemKind::NotAYear {
                text: "twenty".into()
            }
        )]
    );
}

#[test]
fn a_version_0_link_opens_yunnan_at_its_first_data_in_its_language() {
    let opened = decode("http://127.0.0.1:8080/?lang=en");
    assert_eq!(opened.format_version, 0);
    assert_eq!(opened.lang, Some(crate::Lang::En));
    assert!(opened.problems.is_empty());
    assert_eq!(
        opened.plans[0].origin,
        Origin::Preset {
            slug: "yunnan".into(),
            data_version: 1
        }
    );
    let expected = crate::presets::history::scenario_at("yunnan", 1).unwrap();
    assert_eq!(opened.plans[0].scenario.levers, expected.levers);
}

#[test]
fn keys_a_version_0_link_never_had_mean_nothing_in_it() {
    let opened = decode("?lang=zh&h=99999");
    assert_eq!(
        opened.plans[0].scenario.levers.hires,
        yunnan().scenario.levers.hires
    );
    assert!(opened.problems.is_empty());
}

#[test]
fn there_is_one_migration_per_older_version() {
    assert_eq!(MIGRATIONS.len(), FORMAT_VERSION as usize);
}

#[test]
fn a_link_from_a_newer_app_says_so_and_reads_what_it_can() {
    let opened = decode("v=7&p=yunnan.1&h=15000&zz=new-thing");
    assert_eq!(opened.format_version, 7);
    assert!(opened
        .notices
        .iter()
        .any(|n| matches!(n, LinkNotice::NewerFormat { found: 7, .. })));
    assert_eq!(
        opened.plans[0].scenario.levers.hires,
        Yearly::Constant(15000.0)
    );
    // Its checksum may sum keys this app does not know: not called damaged.
    let checked = decode("v=7&c=zzzzz&p=yunnan.1&h=15000&zz=new-thing");
    assert!(kinds(&checked).is_empty(), "{:?}", kinds(&checked));
    assert_eq!(checked.notices, opened.notices);
}

#[test]
fn an_unreadable_version_is_read_as_the_current_format() {
    let opened = decode("v=x&p=lhasa.1");
    assert_eq!(opened.problems[0].fallback, Fallback::CurrentFormat);
    assert_eq!(opened.plans[0].scenario.region, "lhasa");
}

#[test]
fn an_unknown_preset_opens_the_default() {
    let opened = decode("v=2&p=atlantis.1&h=100");
    assert_eq!(
        kinds(&opened),
        vec![(
            "p",
            &ProblemKind::UnknownPreset {
                slug: "atlantis".into()
            }
        )]
    );
    assert_eq!(opened.plans[0].scenario.region, presets::DEFAULT_SLUG);
    assert_eq!(
        opened.plans[0].scenario.levers.hires,
        Yearly::Constant(100.0)
    );
}

#[test]
fn a_data_version_this_app_does_not_have_opens_the_current_data() {
    for version in ["0", "999", "x"] {
        let opened = decode(&format!("v=2&p=jinan.{version}"));
        assert!(matches!(
            kinds(&opened)[..],
            [("p", ProblemKind::UnknownDataVersion { .. })]
        ));
        assert_eq!(opened.problems[0].fallback, Fallback::CurrentData);
        assert_eq!(opened.plans[0].scenario, preset_plan("jinan").scenario);
    }
}

#[test]
fn a_preset_without_a_data_version_opens_its_current_data() {
    let opened = decode("v=2&p=guangxi");
    assert!(opened.problems.is_empty());
    assert_eq!(opened.plans[0], preset_plan("guangxi"));
}

#[test]
fn a_link_made_on_older_preset_data_keeps_its_numbers_and_says_what_changed() {
    for preset in presets::all().iter().filter(|p| p.data_version > 1) {
        let opened = decode(&format!("v=2&p={}.1", preset.slug));
        assert!(opened.problems.is_empty());
        let mut expected = crate::presets::history::scenario_at(preset.slug, 1).unwrap();
        expected.sources.clear();
        assert_eq!(opened.plans[0].scenario, expected, "{}", preset.slug);
        let [LinkNotice::OlderData(older)] = &opened.notices[..] else {
            panic!("{}: {:?}", preset.slug, opened.notices);
        };
        assert_eq!((older.made_with, older.current), (1, preset.data_version));
        assert_eq!(older.corrections.len() as u32, preset.data_version - 1);
    }
}

#[test]
fn a_link_without_origin_opens_the_default_preset() {
    let opened = decode("v=2&h=15000");
    assert_eq!(kinds(&opened), vec![("p", &ProblemKind::MissingOrigin)]);
    assert_eq!(opened.problems[0].fallback, Fallback::DefaultPreset);
    assert_eq!(
        opened.plans[0].scenario.levers.hires,
        Yearly::Constant(15000.0)
    );
}

#[test]
fn text_without_a_link_opens_the_default_preset_and_says_so() {
    let opened = decode("明天开会");
    assert_eq!(kinds(&opened), vec![("", &ProblemKind::NotALink)]);
    assert_eq!(opened.plans[0], preset_plan(presets::DEFAULT_SLUG));
}

#[test]
fn the_apps_plain_address_opens_the_default_preset_at_its_current_data() {
    for text in [
        "http://127.0.0.1:8080/",
        "",
        "http://x.cn/?from=singlemessage",
    ] {
        let opened = decode(text);
        assert!(
            opened.problems.is_empty() && opened.notices.is_empty(),
            "{text}"
        );
        assert_eq!(
            opened.plans[0],
            preset_plan(presets::DEFAULT_SLUG),
            "{text}"
        );
    }
}

#[test]
fn a_plan_link_that_lost_its_version_is_read_as_the_current_format() {
    let opened = decode("p=lhasa&h=500");
    assert_eq!(kinds(&opened), vec![("v", &ProblemKind::MissingVersion)]);
    assert_eq!(
        opened.plans[0].scenario.levers.hires,
        Yearly::Constant(500.0)
    );
    // Also with a language: only the first app's links had `lang` without `v`, and never `p`.
    let opened = decode("lang=en&p=ningxia&h=900");
    assert_eq!(kinds(&opened), vec![("v", &ProblemKind::MissingVersion)]);
    assert_eq!(
        opened.plans[0].origin,
        Origin::Preset {
            slug: "ningxia".into(),
            data_version: crate::presets::by_slug("ningxia").unwrap().data_version
        }
    );
    assert_eq!(opened.lang, Some(Lang::En));
}

#[test]
fn garbage_opens_the_default_preset_without_panicking() {
    for text in [
        "",
        "%%%",
        "&&&==",
        "v=2&p=&t=&n=&rn=",
        "\u{0}\u{ffff}",
        "????",
    ] {
        let opened = decode(text);
        assert_eq!(opened.plans.len(), 1, "{text:?}");
        validate(&opened.plans[0].scenario).unwrap();
    }
}

#[test]
fn compared_plans_carry_numbered_keys() {
    let mut more = yunnan();
    more.scenario.levers.hires = Yearly::Constant(15000.0);
    more.name = Some("多招人".into());
    let link = encode(&[yunnan(), more.clone(), preset_plan("lhasa")], None);
    let (yunnan_origin, lhasa) = (yunnan_origin(), by_slug("lhasa").unwrap().data_version);
    assert!(
        link.starts_with(&format!("v=2&{yunnan_origin}&1.{yunnan_origin}&1.n=")),
        "{link}"
    );
    assert!(
        link.ends_with(&format!("&1.h=15000&2.p=lhasa.{lhasa}")),
        "{link}"
    );
    let opened = decode(&link);
    assert!(opened.problems.is_empty());
    assert_eq!(
        opened.plans,
        vec![yunnan(), normalized(&more), preset_plan("lhasa")]
    );
}

#[test]
fn a_compared_plan_without_origin_uses_the_first_plans() {
    let opened = decode("v=2&p=ningxia.1&1.h=3000");
    assert_eq!(opened.plans.len(), 2);
    assert_eq!(opened.problems[0].plan, 1);
    assert_eq!(opened.problems[0].fallback, Fallback::FirstPlanOrigin);
    assert_eq!(opened.plans[1].scenario.region, "ningxia");
}

#[test]
fn a_fifth_plan_and_global_keys_with_a_plan_prefix_are_ignored() {
    let opened = decode("v=2&p=yunnan&4.p=lhasa.1&1.lang=en&0.h=5");
    assert_eq!(opened.plans.len(), 1);
    assert_eq!(opened.lang, None);
    assert!(opened.problems.is_empty());
}

#[test]
fn targets_are_written_as_one_list_and_none_means_none() {
    let mut plan = yunnan();
    plan.scenario.targets.clear();
    let link = encode(std::slice::from_ref(&plan), None);
    assert_eq!(link, format!("v=2&{}&t=none", yunnan_origin()));
    assert!(decode(&link).plans[0].scenario.targets.is_empty());
    plan.scenario.targets = vec![
        Target {
            metric: Metric::Talent,
            threshold: 140000.0,
            deadline: 2025,
            source: None,
        },
        Target {
            metric: Metric::StationCoverage,
            threshold: 1.0,
            deadline: 2027,
            source: None,
        },
    ];
    let link = encode(&[plan], None);
    assert_eq!(
        link,
        format!("v=2&{}&t=tl-140000-2025_sv-1-2027", yunnan_origin())
    );
    let targets = &decode(&link).plans[0].scenario.targets;
    assert!(
        targets[0].source.is_some(),
        "equal to the preset's: keeps its source"
    );
    assert!(targets[1].source.is_none(), "the planner's own: no source");
}

#[test]
fn a_target_with_a_budget_ceiling_round_trips() {
    let opened = decode("v=2&p=yunnan&t=b-500000000-2028");
    assert!(opened.problems.is_empty());
    assert_eq!(
        opened.plans[0].scenario.targets[0].metric,
        Metric::BudgetCumulative
    );
}

#[test]
fn unreadable_target_entries_are_dropped_and_readable_ones_kept() {
    let opened = decode("v=2&p=yunnan&t=tl-150000-2028_zz-1-2028_i-abc-2028");
    assert!(matches!(
        kinds(&opened)[..],
        [
            ("t", ProblemKind::UnknownMetric { .. }),
            ("t", ProblemKind::NotATarget { .. })
        ]
    ));
    assert!(opened
        .problems
        .iter()
        .all(|p| p.fallback == Fallback::Dropped));
    assert_eq!(opened.plans[0].scenario.targets.len(), 1);
}

#[test]
fn a_wholly_unreadable_target_list_keeps_the_presets() {
    let opened = decode("v=2&p=yunnan&t=garbage");
    assert_eq!(opened.problems[0].fallback, Fallback::PresetValue);
    assert_eq!(opened.plans[0].scenario.targets, yunnan().scenario.targets);
}

#[test]
fn a_custom_region_with_a_chinese_name_travels_without_chinese_characters() {
    let mut scenario = presets::blank().clone();
    scenario.sources.clear();
    scenario.name = RegionName {
        zh: "赣州市".into(),
        en: "Ganzhou".into(),
    };
    scenario.assumptions.talent = 6000.0;
    let plan = PlanSpec {
        name: Some("赣州方案（初稿）".into()),
        origin: Origin::Custom,
        scenario,
        mc: Settings {
            runs: 2000,
            seed: 7,
        },
    };
    let link = encode(std::slice::from_ref(&plan), None);
    assert!(link.starts_with("v=2&p=new&n="), "{link}");
    assert!(link.ends_with("&t0=6000&mr=2000&ms=7"), "{link}");
    assert!(link
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-._~=&".contains(c)));
    let opened = decode(&link);
    assert!(opened.problems.is_empty());
    assert_eq!(opened.plans, vec![plan]);
}

#[test]
fn a_damaged_name_is_dropped_and_named() {
    let opened = decode("v=2&p=new&n=%%%&rn=5L2g5aW9.!!");
    let keys: Vec<&str> = opened.problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, vec!["n", "rn"]);
    assert_eq!(opened.plans[0].name, None);
    assert_eq!(opened.plans[0].scenario.name, presets::blank().name);
}

#[test]
fn monte_carlo_settings_out_of_range_fall_back_to_the_defaults() {
    let opened = decode("v=2&p=yunnan&mr=5&ms=-1");
    assert_eq!(opened.problems.len(), 2);
    assert_eq!(opened.plans[0].mc, Settings::default());
    assert_eq!(
        decode("v=2&p=yunnan&mr=500&ms=9").plans[0].mc,
        Settings { runs: 500, seed: 9 }
    );
}

#[test]
fn a_story_and_its_step_are_read() {
    let opened = decode("v=2&p=yunnan&story=intro-1&step=3");
    assert_eq!(
        opened.story,
        Some(StoryRef {
            id: "intro-1".into(),
            step: 3
        })
    );
    assert!(decode("v=2&story=&step=2").story.is_none());
}

#[test]
fn escaped_and_html_escaped_links_still_open() {
    let opened = decode("v=2&amp;p=lhasa.1&amp;h%3D=1&a=0%2E1");
    assert_eq!(opened.plans[0].scenario.region, "lhasa");
    assert_eq!(opened.plans[0].scenario.assumptions.attrition, 0.1);
}

#[test]
fn every_decoded_value_problem_names_a_validation_field() {
    let opened = decode("v=2&p=yunnan&pj=2");
    let ProblemKind::Invalid { error } = &opened.problems[0].kind else {
        panic!("{:?}", opened.problems);
    };
    assert_eq!(error.problem, Problem::NotAFraction);
}

use swplan_engine::{RegionName, Target};

#[test]
fn a_version_1_link_opens_with_the_first_model_reading_and_travels_on_with_it() {
    // Made before model readings: every plan of it keeps the reading it was computed with.
    let opened = decode("v=1&p=ningxia.2&h=2000&1.p=yunnan.2");
    assert!(opened.problems.is_empty(), "{:?}", opened.problems);
    assert!(opened
        .plans
        .iter()
        .all(|p| p.scenario.model == swplan_engine::scenario::FIRST_MODEL_VERSION));
    // Written again, it says so (`m=1`), and opens with the same numbers.
    let again = super::encode(&opened.plans, None);
    assert!(again.starts_with("v=2&c="), "{again}");
    assert!(
        again.contains("&m=1") && again.contains("&1.m=1"),
        "{again}"
    );
    assert_eq!(decode(&again).plans, opened.plans);
    // A plan at the current reading writes no `m`.
    let current = super::encode(&[yunnan()], None);
    assert!(!current.contains("m="), "{current}");
}

#[test]
fn a_model_reading_this_app_does_not_know_is_named_and_the_current_one_used() {
    let opened = decode("v=2&p=yunnan.2&m=9");
    assert_eq!(
        opened.problems[0].kind,
        ProblemKind::UnknownModel { text: "9".into() }
    );
    assert_eq!(opened.problems[0].fallback, Fallback::CurrentModel);
    assert_eq!(
        opened.plans[0].scenario.model,
        swplan_engine::scenario::MODEL_VERSION
    );
}
