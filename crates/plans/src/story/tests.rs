//! Stories as specifications: reading refuses every kind of broken story with a message in
//! both languages; links open built-in and recorded stories; a recording captures each step's
//! changes and round-trips through TOML, JSON and its link.

use super::*;
use crate::presets::history;
use crate::share::{self, PlanSpec};
use swplan_engine::{RegionName, Scenario, Yearly};

/// A recorded story's titles, as the app words them.
fn titles() -> [String; 2] {
    ["云南省的故事".to_string(), "A story of Yunnan".to_string()]
}

fn built_in(id: &str) -> &'static Story {
    by_id(id).unwrap_or_else(|| panic!("no built-in story {id}"))
}

// ---------------------------------------------------------------------------------------
// Reading stories: every rejection is named in both languages.

const ONE_STEP: &str = r#"
id = "demo"
title = "演示"
title_en = "Demo"
preset = "yunnan"
data_version = 2

[[step]]
caption = "起点"
caption_en = "The start"
"#;

/// `ONE_STEP` with one text replaced, and a second step.
fn parse_with(extra_step: &str, replace: Option<(&str, &str)>) -> Result<Story, StoryError> {
    let head = match replace {
        Some((from, to)) => ONE_STEP.replace(from, to),
        None => ONE_STEP.to_string(),
    };
    parse(&format!("{head}\n[[step]]\n{extra_step}"))
}

#[test]
fn a_minimal_story_parses_and_starts_where_its_preset_was() {
    let story = parse(ONE_STEP).unwrap();
    assert_eq!(story.format, 1);
    // Written before model readings (no `model`): it replays with the first.
    let start = Scenario {
        model: swplan_engine::scenario::FIRST_MODEL_VERSION,
        ..history::scenario_at("yunnan", 2).unwrap()
    };
    assert_eq!(story.plan_at(0).unwrap(), start);
    let current = parse(&ONE_STEP.replace("id = ", "format = 2\nmodel = 2\nid = ")).unwrap();
    assert_eq!(
        current.plan_at(0).unwrap(),
        history::scenario_at("yunnan", 2).unwrap()
    );
    assert!(matches!(
        story.plan_at(1),
        Err(StoryError::NoSuchStep { step: 1, steps: 1 })
    ));
}

#[test]
fn a_story_on_older_preset_data_plays_with_that_data() {
    // Yunnan's data version 1 counted 1,415 stations at the end of 2020; version 2 counts 415.
    let old = parse(&ONE_STEP.replace("data_version = 2", "data_version = 1")).unwrap();
    assert_eq!(old.plan_at(0).unwrap().assumptions.stations, 1415.0);
    assert_eq!(
        parse(ONE_STEP)
            .unwrap()
            .plan_at(0)
            .unwrap()
            .assumptions
            .stations,
        415.0
    );
}

/// Whether an error is the one a case expects.
type IsExpected = fn(&StoryError) -> bool;

#[test]
fn every_kind_of_broken_story_is_refused_with_a_message_in_both_languages() {
    let ok_step = "caption = \"下一步\"\ncaption_en = \"Next\"\n";
    let cases: Vec<(Result<Story, StoryError>, IsExpected)> = vec![
        (parse("id = "), |e| matches!(e, StoryError::Syntax { .. })),
        (
            parse_with(ok_step, Some(("id = ", "format = 3\nid = "))),
            |e| matches!(e, StoryError::NewerFormat { found: 3, .. }),
        ),
        (parse_with(ok_step, Some(("\"demo\"", "\"de mo\""))), |e| {
            matches!(e, StoryError::BadId { .. })
        }),
        (
            parse_with(ok_step, Some(("title_en = \"Demo\"", "title_en = \"\""))),
            |e| matches!(e, StoryError::MissingText { step: None, .. }),
        ),
        (
            parse_with(ok_step, Some(("\"yunnan\"", "\"atlantis\""))),
            |e| matches!(e, StoryError::UnknownPreset { .. }),
        ),
        (
            parse_with(ok_step, Some(("data_version = 2", "data_version = 9"))),
            |e| matches!(e, StoryError::UnknownDataVersion { .. }),
        ),
        (
            parse_with(&format!("{ok_step}highlight = \"chart-pie\""), None),
            |e| matches!(e, StoryError::UnknownHighlight { step: 1, .. }),
        ),
        (
            parse_with(&format!("{ok_step}question = \"只有中文？\""), None),
            |e| matches!(e, StoryError::MissingText { step: Some(1), .. }),
        ),
        (
            parse_with(
                &format!("{ok_step}sources = [{{ doc = \"009\", quote = \"x\" }}]"),
                None,
            ),
            |e| matches!(e, StoryError::UnknownDocument { .. }),
        ),
        (
            parse_with(
                &format!("{ok_step}sources = [{{ doc = \"004\", quote = \"突破20万人\" }}]"),
                None,
            ),
            |e| matches!(e, StoryError::QuoteNotFound { .. }),
        ),
        (
            parse_with(&format!("{ok_step}changes = \"h=-5\""), None),
            |e| matches!(e, StoryError::Changes { step: 1, .. }),
        ),
        (
            parse(
                &ONE_STEP[..ONE_STEP.find("[[step]]").unwrap()]
                    .replace("preset", "step = []\npreset"),
            ),
            |e| matches!(e, StoryError::NoSteps),
        ),
    ];
    for (result, expected) in cases {
        let error = result.expect_err("refused");
        assert!(expected(&error), "{error:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Story links and recording.

fn plan_of(slug: &str) -> PlanSpec {
    share::open::open_name(slug).unwrap().plans.remove(0)
}

#[test]
fn a_built_in_story_link_names_the_story_and_carries_the_plan_of_its_step() {
    let story = built_in("yunnan-14wan");
    let link = story_link(story, 4, Some("http://127.0.0.1:8080/"), None).unwrap();
    // The link's checksum (`c=`) aside, it holds the story's plan and step.
    let link: String = link
        .split('&')
        .filter(|pair| !pair.starts_with("c="))
        .collect::<Vec<_>>()
        .join("&");
    assert_eq!(
        link,
        "http://127.0.0.1:8080/?v=2&p=yunnan.2&a=0.05&h=17000&story=yunnan-14wan&step=4"
    );
    let opened = parse_story_link(&link).unwrap().unwrap();
    assert_eq!(
        (opened.story.id.as_str(), opened.step, opened.carried),
        ("yunnan-14wan", 4, false)
    );
    // An app that knows nothing of stories opens the same plan, without a problem.
    let plain = share::decode(&link);
    assert!(plain.problems.is_empty(), "{:?}", plain.problems);
    let mut expected = story.plan_at(4).unwrap();
    expected.sources.clear();
    assert_eq!(plain.plans[0].scenario, expected);
}

#[test]
fn a_plain_plan_link_opens_no_story() {
    assert_eq!(
        parse_story_link("http://host/?v=1&p=yunnan.2&h=15000"),
        Ok(None)
    );
}

#[test]
fn a_link_to_a_missing_story_a_step_past_the_end_or_a_damaged_story_is_refused() {
    for (link, expected) in [
        (
            "?v=1&p=yunnan.2&story=atlantis",
            StoryError::UnknownStory {
                id: "atlantis".into(),
            },
        ),
        (
            "?v=1&p=yunnan.2&story=yunnan-14wan&step=6",
            StoryError::NoSuchStep { step: 6, steps: 6 },
        ),
        (
            "?v=1&p=yunnan.2&story=yunnan-14wan&step=two",
            StoryError::DamagedLink,
        ),
        ("?v=1&p=yunnan.2&sr=AQ", StoryError::DamagedLink),
    ] {
        let error = parse_story_link(link).unwrap_err();
        assert_eq!(error, expected, "{link}");
    }
}

/// A trainer's five steps on Yunnan, with captions as long as one reads aloud.
fn five_step_recording() -> Recorder {
    let mut plan = plan_of("yunnan");
    let mut recorder = Recorder::new(&plan, titles());
    let steps: [(f64, f64, &str, &str, Option<&str>); 5] = [
        (
            12000.0,
            0.08,
            "这是云南现在的规划：每年新增1.2万人，流失8%。",
            "Yunnan's plan as it stands: 12,000 new a year, 8 % leaving.",
            Some("talent"),
        ),
        (
            15000.0,
            0.08,
            "每年多招3000人，会怎样？大家先猜一猜。",
            "What if we hire 3,000 more a year? Guess first.",
            Some("chart-talent"),
        ),
        (
            15000.0,
            0.05,
            "再把流失率降到5%，够不够14万？",
            "Now bring attrition down to 5 %: enough for 140,000?",
            Some("talent"),
        ),
        (
            17000.0,
            0.05,
            "每年新增1.7万人，终于在2025年突破14万。",
            "With 17,000 new a year, it passes 140,000 in 2025.",
            None,
        ),
        (
            17000.0,
            0.08,
            "如果留不住人，流失率回到8%，又会怎样？",
            "And if people do not stay, attrition back at 8 %?",
            Some("chart-talent"),
        ),
    ];
    for (hires, attrition, zh, en, highlight) in steps {
        plan.scenario.levers.hires = Yearly::Constant(hires);
        plan.scenario.assumptions.attrition = attrition;
        let question = Some(("大家怎么看？", "What do you think?"));
        recorder
            .add_step(&plan.scenario, zh, en, highlight, question)
            .unwrap();
    }
    recorder
}

#[test]
fn each_recorded_step_captures_only_the_changes_since_the_step_before() {
    let recorder = five_step_recording();
    let changes: Vec<&str> = recorder
        .steps()
        .iter()
        .map(|s| s.changes.as_str())
        .collect();
    assert_eq!(changes, ["", "h=15000", "a=0.05", "h=17000", "a=0.08"]);
}

#[test]
fn the_first_recorded_step_captures_the_plan_s_own_changes_from_its_origin() {
    let mut plan = plan_of("guizhou");
    plan.scenario.levers.hires = Yearly::Constant(9000.0);
    let mut recorder = Recorder::new(&plan, titles());
    recorder
        .add_step(&plan.scenario, "起点", "Start", None, None)
        .unwrap();
    assert_eq!(recorder.steps()[0].changes, "h=9000");
    let story = recorder.story();
    assert_eq!(story.preset, "guizhou");
    assert_eq!(
        story.plan_at(0).unwrap().levers.hires,
        Yearly::Constant(9000.0)
    );
}

#[test]
fn a_recording_round_trips_through_toml_json_and_its_link() {
    let mut recorder = five_step_recording();
    recorder.intro = "多招人还是留住人？".into();
    recorder.intro_en = "Hire more or keep more?".into();
    let story = recorder.story();
    assert_eq!(parse(&recorder.to_toml()), Ok(story.clone()));
    assert_eq!(parse(&recorder.to_json()), Ok(story.clone()));
    let link = recorder.to_link(Some("http://127.0.0.1:8080/")).unwrap();
    let opened = parse_story_link(&link).unwrap().unwrap();
    assert_eq!(
        (opened.story, opened.step, opened.carried),
        (story, 0, true)
    );
    assert!(link.chars().all(|c| c.is_ascii_graphic()));
    println!("a 5-step recording: {} characters: {link}", link.len());
    assert!(link.len() <= 1500, "{}", link.len());
}

#[test]
fn a_recording_of_a_new_region_starts_from_the_blank_template() {
    let mut plan = plan_of("new");
    plan.scenario.name = RegionName {
        zh: "赣州市".into(),
        en: "Ganzhou".into(),
    };
    plan.scenario.assumptions.talent = 5000.0;
    let mut recorder = Recorder::new(&plan, titles());
    recorder
        .add_step(&plan.scenario, "我们的起点", "", None, None)
        .unwrap();
    let story = recorder.story();
    assert_eq!((story.preset.as_str(), story.data_version), ("new", None));
    assert_eq!(story.steps()[0].caption_en, "我们的起点");
    let opened = parse_story_link(&recorder.to_link(None).unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(opened.story.plan_at(0).unwrap().name.zh, "赣州市");
}

#[test]
fn recording_refuses_a_step_without_caption_an_invalid_plan_or_another_region() {
    let plan = plan_of("yunnan");
    let mut recorder = Recorder::new(&plan, titles());
    let mut invalid = plan.scenario.clone();
    invalid.assumptions.attrition = 2.0;
    assert_eq!(
        recorder
            .add_step(&plan.scenario, " ", "", None, None)
            .unwrap_err(),
        RecordError::NoCaption
    );
    assert!(matches!(
        recorder.add_step(&invalid, "说明", "Caption", None, None),
        Err(RecordError::Invalid(_))
    ));
    assert!(matches!(
        recorder.add_step(&plan_of("guizhou").scenario, "说明", "Caption", None, None),
        Err(RecordError::OtherRegion { .. })
    ));
    assert!(matches!(
        recorder.add_step(&plan.scenario, "说明", "Caption", Some("chart-pie"), None),
        Err(RecordError::UnknownHighlight { .. })
    ));
    assert!(recorder.steps().is_empty());
    assert!(recorder.to_link(None).is_err(), "no link without a step");
}

#[test]
fn undoing_a_step_makes_the_next_one_capture_its_changes_again() {
    let mut plan = plan_of("yunnan");
    let mut recorder = Recorder::new(&plan, titles());
    recorder
        .add_step(&plan.scenario, "起点", "Start", None, None)
        .unwrap();
    plan.scenario.levers.hires = Yearly::Constant(15000.0);
    recorder
        .add_step(&plan.scenario, "多招", "Hire", None, None)
        .unwrap();
    assert!(recorder.undo_step().is_some());
    plan.scenario.assumptions.attrition = 0.05;
    recorder
        .add_step(&plan.scenario, "多招也留人", "Hire and keep", None, None)
        .unwrap();
    assert_eq!(recorder.steps()[1].changes, "a=0.05&h=15000");
}

#[test]
fn mangled_story_links_never_panic() {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let link = five_step_recording().to_link(None).unwrap();
    let sr = link.split("sr=").nth(1).unwrap().split('&').next().unwrap();
    // A fixed xorshift sequence: the same 3,000 mangled links on every run.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    };
    for _ in 0..3000 {
        let mut bytes = sr.as_bytes().to_vec();
        for _ in 0..=next(3) {
            let at = next(bytes.len());
            bytes[at] = ALPHABET[next(ALPHABET.len())];
        }
        bytes.truncate(bytes.len() - next(4) * next(bytes.len()) / 4);
        let text = String::from_utf8(bytes).unwrap();
        if let Ok(Some(opened)) = parse_story_link(&format!("?v=1&sr={text}")) {
            // Whatever still reads is a story that plays.
            opened.story.plans().unwrap();
        }
    }
}

#[test]
fn any_caption_text_round_trips_through_toml_json_and_link() {
    let plan = plan_of("lhasa");
    let mut recorder = Recorder::new(&plan, titles());
    recorder.title = "拉萨 \"引号\" \\ 反斜杠".into();
    let caption = "第一行\n第二行\t制表\u{7}响铃 😀 “中文引号” 'single' \"double\" \\";
    recorder
        .add_step(
            &plan.scenario,
            caption,
            "Line 1\r\nLine 2 😀",
            Some("chart-budget"),
            None,
        )
        .unwrap();
    let story = recorder.story();
    assert_eq!(parse(&recorder.to_toml()), Ok(story.clone()));
    assert_eq!(parse(&recorder.to_json()), Ok(story.clone()));
    let opened = parse_story_link(&recorder.to_link(None).unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(opened.story, story);
}
