//! Guided stories as specifications: the built-in stories play, cite their documents, and say
//! only what the model shows; and changes between two plans round-trip. Reading, links and
//! recording are specified in `src/story/tests.rs`, changes one by one in `src/share/changes.rs`.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use swplan_engine::montecarlo::{probability, Settings};
use swplan_engine::params::{self, Unit, ValueMut, PARAMS};
use swplan_engine::plausibility::{concerns, Basis};
use swplan_engine::{evaluate, simulate, validate, Metric, RegionName, Scenario, Target, Yearly};
use swplan_plans::presets::{self, history};
use swplan_plans::share::changes::{apply_changes, encode_changes};
use swplan_plans::story::{self, Story};
use swplan_words::story::story_error_message;
use swplan_words::Lang;

// ---------------------------------------------------------------------------------------
// The built-in stories.

fn built_in(id: &str) -> &'static Story {
    story::by_id(id).unwrap_or_else(|| panic!("no built-in story {id}"))
}

/// The verdict on the story's target on `metric` at step `step` (counted from 0).
fn verdict(id: &str, step: usize, metric: Metric) -> swplan_engine::Verdict {
    let plan = built_in(id).plan_at(step).unwrap();
    let target = plan
        .targets
        .iter()
        .find(|t| t.metric == metric)
        .unwrap_or_else(|| panic!("{id}: no target on {}", metric.key()));
    evaluate(target, &simulate(&plan).unwrap())
}

/// A figure of the plan at `step` in `year`.
fn figure(id: &str, step: usize, metric: Metric, year: i32) -> f64 {
    let plan = built_in(id).plan_at(step).unwrap();
    let trajectory = simulate(&plan).unwrap();
    metric.value(trajectory.row(year).unwrap())
}

#[test]
fn every_built_in_story_parses_and_its_id_is_its_file_name() {
    let files = story::files();
    assert!(files.len() >= 3, "at least three built-in stories");
    for (stem, result) in files {
        let parsed =
            result.unwrap_or_else(|e| panic!("{stem}: {}", story_error_message(&e, Lang::En)));
        assert_eq!(parsed.id, stem);
        assert_eq!(story::by_id(stem), Some(&parsed));
    }
}

#[test]
fn built_in_stories_have_five_to_eight_steps_an_intro_and_a_preset_at_a_data_version() {
    for story in story::all() {
        assert!((5..=8).contains(&story.steps().len()), "{}", story.id);
        assert!(
            !story.intro.is_empty() && !story.intro_en.is_empty(),
            "{}",
            story.id
        );
        let preset = presets::by_slug(&story.preset).unwrap();
        assert!(story.data_version.is_some_and(|v| v <= preset.data_version));
        for step in story.steps() {
            assert_eq!(
                step.highlighted().map(|h| h.key()),
                step.highlight.as_deref()
            );
        }
    }
}

#[test]
fn every_step_of_every_story_validates_and_simulates() {
    for story in story::all() {
        for (step, plan) in story.plans().unwrap().iter().enumerate() {
            validate(plan).unwrap_or_else(|e| panic!("{} step {step}: {e}", story.id));
            assert_eq!(&story.plan_at(step).unwrap(), plan);
        }
    }
}

#[test]
fn every_quote_occurs_in_its_document() {
    for story in story::all() {
        for (step, citation) in story
            .steps()
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.sources.iter().map(move |c| (i, c)))
        {
            let (_, text) = presets::SOURCE_DOCUMENTS
                .iter()
                .find(|(doc, _)| *doc == citation.doc)
                .unwrap_or_else(|| panic!("{} step {step}: document {}", story.id, citation.doc));
            assert!(
                story::quote_occurs(text, &citation.quote),
                "{} step {step}: {}",
                story.id,
                citation.quote
            );
        }
    }
}

/// The numbers written in a text (`8.45`, `2025`, `14`).
fn numbers(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|s| s.trim_matches('.'))
        .filter(|s| s.bytes().any(|b| b.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

/// A step's caption is shown beside that step's result. One that opens by answering the last
/// step's question says so, or a trainer reads "还差一些" next to a target met.
#[test]
fn a_caption_answering_the_last_question_says_it_is_the_last_steps_answer() {
    let bare_answers = [
        "不会",
        "会。",
        "能。",
        "不能",
        "还差",
        "够了",
        "不够",
        "一半的",
        "两个办法",
    ];
    let bare_answers_en = ["No", "Yes", "Still short", "Half the", "The two ways"];
    for story in story::all() {
        for (step, s) in story.steps().iter().enumerate() {
            assert!(
                !bare_answers.iter().any(|a| s.caption.starts_with(a))
                    && !bare_answers_en.iter().any(|a| s.caption_en.starts_with(a)),
                "{} step {}: begin with 上一步的答案 / Last step's answer",
                story.id,
                step + 1
            );
            if s.caption.starts_with("上一步的答案") {
                assert!(step > 0 && story.steps()[step - 1].question.is_some());
                assert!(
                    s.caption_en.starts_with("Last step's answer"),
                    "{}",
                    story.id
                );
            }
        }
    }
}

#[test]
fn a_number_in_a_caption_is_cited_introduced_before_or_labelled_an_assumption() {
    // A caption's number comes from a quote cited so far, or from an earlier caption (which
    // cited or labelled it), or the caption says it is assumed. A question only asks about
    // numbers the room has already been given.
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    for story in story::all() {
        let mut quoted = String::new();
        let mut told = squeeze(&story.intro);
        for (step, s) in story.steps().iter().enumerate() {
            quoted.extend(s.sources.iter().map(|c| squeeze(&c.quote)));
            let unknown = |text: &str, told: &str| -> Vec<String> {
                numbers(text)
                    .into_iter()
                    .filter(|n| !quoted.contains(n.as_str()) && !told.contains(n.as_str()))
                    .collect()
            };
            let new = unknown(&s.caption, &told);
            assert!(
                new.is_empty()
                    || (s.caption.contains("假设")
                        && s.caption_en.to_lowercase().contains("assum")),
                "{} step {step}: {new:?} neither cited nor labelled an assumption",
                story.id
            );
            told += &s.caption;
            let question = s.question.clone().unwrap_or_default();
            let asked = unknown(&question, &told);
            assert!(
                asked.is_empty(),
                "{} step {step}: {asked:?} not given before",
                story.id
            );
        }
    }
}

#[test]
fn no_step_sets_a_value_the_planner_would_be_warned_about() {
    for story in story::all() {
        let start = story.start().unwrap();
        for (step, plan) in story.plans().unwrap().iter().enumerate() {
            let basis = match story.preset.as_str() {
                "new" => Basis::NewRegion,
                _ => Basis::Preset,
            };
            assert_eq!(
                concerns(plan, &start, basis),
                vec![],
                "{} step {step}",
                story.id
            );
        }
    }
}

/// (story, step, target, met at the deadline, first year met) — what each caption and question
/// leads the room to; the comments quote the text that states or asks it.
const OUTCOMES: &[(&str, usize, Metric, bool, Option<i32>)] = &[
    // "按这些假设，2025年底能突破14万人吗？" — no.
    ("yunnan-14wan", 0, Metric::Talent, false, None),
    // "每年多3000人，2025年底能到14万吗？" — no; "单用哪一个都不够".
    ("yunnan-14wan", 1, Metric::Talent, false, Some(2030)),
    ("yunnan-14wan", 2, Metric::Talent, false, Some(2029)),
    // "两者叠加，2025年底够14万吗？" — no ("还差一些").
    ("yunnan-14wan", 3, Metric::Talent, false, Some(2026)),
    // "这一次能在2025年底突破14万人吗？" — yes, in 2025.
    ("yunnan-14wan", 4, Metric::Talent, true, Some(2025)),
    // "流失率回到8%，2025年底还能突破14万人吗？" — no.
    ("yunnan-14wan", 5, Metric::Talent, false, Some(2027)),
    // "这三个目标，哪几个能在2025年按期实现？" — stations and certificates, not talent.
    (
        "guizhou-exams",
        0,
        Metric::StationCoverage,
        true,
        Some(2025),
    ),
    ("guizhou-exams", 0, Metric::Certified, true, Some(2022)),
    ("guizhou-exams", 0, Metric::Talent, false, None),
    // "一半的考生也能达到5000人，只是晚一年（2023年，仍在2025年期限之前）。"
    ("guizhou-exams", 1, Metric::Certified, true, Some(2023)),
    // "每年新增1.2万人，2025年能达到10万人吗？" — no.
    ("guizhou-exams", 3, Metric::Talent, false, Some(2030)),
    // "这一次2025年能达到10万人吗？" — yes.
    ("guizhou-exams", 4, Metric::Talent, true, Some(2025)),
    // "每年新增1.8万人、流失率10%，2025年还能达到10万人吗？" — no.
    ("guizhou-exams", 5, Metric::Talent, false, Some(2026)),
    // "按这个进度，两个社工室目标都能按期实现吗？" — no: "两个目标都要晚一年" (about 15 % of the
    // rooms scheduled finish a year later).
    ("ningxia-rooms", 0, Metric::Rooms, false, Some(2026)),
    ("ningxia-rooms", 0, Metric::RoomCoverage, false, Some(2028)),
    // Scheduling more, earlier: both on time.
    ("ningxia-rooms", 1, Metric::Rooms, true, Some(2025)),
    ("ningxia-rooms", 1, Metric::RoomCoverage, true, Some(2027)),
    // "按这些假设，2027年持证人员能达到7000人吗？" — no.
    ("ningxia-rooms", 2, Metric::Certified, false, None),
    // "每年初级报考4500人，2027年能达到7000人吗？" — yes.
    ("ningxia-rooms", 3, Metric::Certified, true, Some(2027)),
    // "每年新增2000人，2027年能达到1.5万人吗？" — yes.
    ("ningxia-rooms", 4, Metric::Talent, true, Some(2027)),
];

#[test]
fn every_outcome_a_caption_or_question_leads_to_is_what_the_model_shows() {
    for &(id, step, metric, met, first_year) in OUTCOMES {
        let v = verdict(id, step, metric);
        assert_eq!(
            (v.met, v.first_year_met),
            (met, first_year),
            "{id} step {step}: {}",
            metric.key()
        );
    }
}

#[test]
fn yunnan_hiring_3000_more_and_attrition_3_points_lower_do_almost_the_same() {
    // Step 4: "两个办法的效果几乎一样，但单用哪一个都不够。"
    let hiring = figure("yunnan-14wan", 1, Metric::Talent, 2025);
    let keeping = figure("yunnan-14wan", 2, Metric::Talent, 2025);
    assert!(
        (hiring - keeping).abs() / hiring < 0.01,
        "{hiring} vs {keeping}"
    );
}

#[test]
fn guizhou_exams_do_not_add_talent() {
    // Step 4: "考证把已有的人才变成持证人才，不增加人才总数。"
    let half = figure("guizhou-exams", 1, Metric::Talent, 2025);
    let full = figure("guizhou-exams", 2, Metric::Talent, 2025);
    assert_eq!(half, full);
    assert!(
        figure("guizhou-exams", 2, Metric::Certified, 2025)
            > figure("guizhou-exams", 1, Metric::Certified, 2025)
    );
}

#[test]
fn ningxia_building_rooms_ahead_raises_the_odds_of_the_2025_goal_and_costs_more() {
    // Step 2: "只要有社工室当年建不完、顺延一年，目标就会落空" and the question on odds and cost.
    let odds = |step: usize| {
        let plan = built_in("ningxia-rooms").plan_at(step).unwrap();
        let target = plan
            .targets
            .iter()
            .find(|t| t.metric == Metric::Rooms)
            .unwrap();
        probability(&plan, target, Settings::default())
    };
    assert!(odds(0) < 0.05, "{}", odds(0));
    assert!(odds(1) > 0.95, "{}", odds(1));
    let spent = |step| figure("ningxia-rooms", step, Metric::BudgetCumulative, 2027);
    assert!(spent(1) > spent(0));
}

#[test]
fn ningxia_meets_all_six_goals_at_step_six() {
    // "现在，《意见》的六个目标是不是都能按期实现？" — yes.
    let plan = built_in("ningxia-rooms").plan_at(5).unwrap();
    let trajectory = simulate(&plan).unwrap();
    assert_eq!(plan.targets.len(), 6);
    for target in &plan.targets {
        assert!(evaluate(target, &trajectory).met, "{}", target.metric.key());
    }
}

#[test]
fn ningxia_without_the_junior_subsidy_spends_less_and_certifies_as_many() {
    // Step 7: "预算会少一些" and "奖补只计入成本，不会自动改变报考人数".
    let at = |step, metric| figure("ningxia-rooms", step, metric, 2027);
    assert!(at(6, Metric::BudgetCumulative) < at(5, Metric::BudgetCumulative));
    assert_eq!(at(6, Metric::Certified), at(5, Metric::Certified));
}

// ---------------------------------------------------------------------------------------
// Changes between two scenarios: applying the changes from a to b gives b.

/// A value for a parameter, shaped by its unit; lists in their shortest form.
fn draw_value(unit: Unit, shape_roll: u8, xs: &[f64]) -> Yearly {
    let scale = |x: f64| match unit {
        Unit::Rate => x,
        Unit::People => (x * 50_000.0).round(),
        Unit::Count => (x * 2_000.0).round(),
        Unit::Yuan => (x * 500_000.0).round(),
        Unit::PerUnit => x * 5.0,
    };
    match shape_roll % 3 {
        0 => Yearly::Constant(scale(xs[0])),
        1 => {
            // A rate may only shrink, so that it stays a fraction.
            let growth = xs[xs.len() - 1] / 4.0;
            Yearly::Growth {
                start: scale(xs[0]),
                growth: if unit == Unit::Rate { -growth } else { growth },
            }
        }
        _ => {
            let mut list: Vec<f64> = xs.iter().map(|x| scale(*x)).collect();
            while list.len() >= 2 && list[list.len() - 1] == list[list.len() - 2] {
                list.pop();
            }
            if list.len() == 1 {
                Yearly::Constant(list[0])
            } else {
                Yearly::List(list)
            }
        }
    }
}

type Edit = (usize, u8, Vec<f64>);

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        (
            0..PARAMS.len(),
            any::<u8>(),
            prop::collection::vec(0.0..1.0f64, 1..6),
        ),
        0..8,
    )
}

/// `scenario` with the edits applied, the sources of changed values dropped (not necessarily
/// valid: the property keeps only valid pairs).
fn edited(scenario: &Scenario, edits: &[Edit]) -> Scenario {
    let mut out = scenario.clone();
    for (index, shape_roll, xs) in edits {
        let p = &PARAMS[*index];
        let value = draw_value(p.unit, *shape_roll, xs);
        match params::value_mut(&mut out, p.key) {
            Some(ValueMut::Scalar(slot)) => *slot = value.first(),
            Some(ValueMut::Yearly(slot)) => *slot = value,
            None => {}
        }
    }
    for p in PARAMS {
        if params::value(&out, p.key) != params::value(scenario, p.key) {
            out.sources.remove(p.key);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn applying_the_changes_from_a_to_b_gives_b(
        (preset, version) in (0..8usize, 1u32..=3),
        edits_a in edits(),
        edits_b in edits(),
        years in prop::option::of((2015i32..2026, 3i32..15)),
        new_targets in prop::option::of(prop::collection::vec((0usize..13, 0.0..1.0f64, 0i32..15), 0..4)),
        name in prop::option::of(("[\\p{Han}A-Za-z ]{1,8}", "[A-Za-z ]{0,8}")),
    ) {
        let preset = &presets::all()[preset % presets::all().len()];
        let start = history::scenario_at(preset.slug, version.min(preset.data_version)).unwrap();
        let a = edited(&start, &edits_a);
        prop_assume!(validate(&a).is_ok());
        let mut b = edited(&a, &edits_b);
        if let Some((base, horizon)) = years {
            if b.base_year != base {
                b.sources.remove("base_year");
            }
            b.base_year = base;
            b.end_year = base + horizon;
        }
        if let Some(drawn) = new_targets {
            let metrics: Vec<Metric> = Metric::targetable().collect();
            b.targets = drawn
                .iter()
                .map(|(m, fraction, offset)| {
                    let metric = metrics[m % metrics.len()];
                    let threshold = if metric.is_coverage() { *fraction } else { (fraction * 1e5).round() };
                    let mut target = Target { metric, threshold, deadline: b.base_year + offset % (b.end_year - b.base_year + 1), source: None };
                    target.source = a.targets.iter().find(|t| history::same_target(t, &target)).and_then(|t| t.source.clone());
                    target
                })
                .collect();
        }
        if let Some((zh, en)) = name {
            b.name = RegionName { zh, en: if en.is_empty() { b.name.en.clone() } else { en } };
        }
        prop_assume!(validate(&b).is_ok());

        let changes = encode_changes(&a, &b);
        prop_assert!(
            changes.chars().all(|c| c.is_ascii_alphanumeric() || "-._~=&".contains(c)),
            "{}", changes
        );
        let applied = apply_changes(&a, &changes);
        prop_assert_eq!(applied.as_ref().ok(), Some(&b), "{}: {:?}", changes, applied.as_ref().err());
    }
}

#[test]
fn a_step_that_compares_shows_where_the_last_step_left_the_plan() {
    use swplan_words::story::previous_result;
    let yunnan = built_in("yunnan-14wan");
    assert_eq!(
        previous_result(&yunnan.step_context(0), Lang::Zh),
        None,
        "no step before the first"
    );
    // Step 2 asks which of the two ways gives more talent: step 1's result is on screen.
    let before = verdict("yunnan-14wan", 0, Metric::Talent).value_at_deadline;
    let said = previous_result(&yunnan.step_context(1), Lang::Zh).unwrap();
    let expected = swplan_words::messages::metric_amount(Metric::Talent, before, Lang::Zh);
    assert_eq!(
        said,
        format!("上一步的结果：社会工作人才总量 2025年底 {expected}")
    );
    assert!(previous_result(&yunnan.step_context(1), Lang::En)
        .unwrap()
        .starts_with("After the last step: Social-work talent "));
}

/// After a question's reveal, the presenter shows what it asked about and how it moved: every
/// outcome a question leads to is on screen (the figure, met or not, the first year).
#[test]
fn every_questions_answer_is_on_screen_after_its_reveal() {
    use std::rc::Rc;
    use swplan_plans::state::{Action, State};
    use swplan_words::story::{callout_lines, callout_texts, CARDS_AT_MOST};
    for &(id, step, metric, met, first_year) in OUTCOMES {
        let story = built_in(id);
        if story.steps()[step].question.is_none() {
            continue;
        }
        let mut state = State::new(presets::default_preset(), Lang::Zh);
        state.apply(Action::OpenStory {
            story: Rc::new(story.clone()),
            step,
        });
        // Past the introduction, then the question: the answer is revealed.
        while state
            .session
            .presenter
            .as_ref()
            .and_then(|p| p.story.as_ref())
            .is_some_and(|p| p.intro || p.asking())
        {
            state.apply(Action::PresenterNext);
        }
        let place = state
            .session
            .presenter
            .as_ref()
            .unwrap()
            .story
            .clone()
            .unwrap();
        assert_eq!(place.step, step, "{id}");
        let callouts = place.callouts(&state.plan().computed, None);
        let callout = callouts
            .iter()
            .find(|c| c.metric == metric)
            .unwrap_or_else(|| panic!("{id} step {step}: {} not on screen", metric.key()));
        // What the presenter draws: the figure's card, or its words in the line of the figures
        // that did not move.
        let drawn = callout_texts(&callouts, Lang::Zh);
        let text = if callout.changed() || callouts.len() <= CARDS_AT_MOST {
            callout_lines(callout, Lang::Zh).join("\n")
        } else {
            let rest = drawn.rest.clone().unwrap_or_default();
            let label = swplan_words::metric_label(metric, Lang::Zh);
            let at = rest
                .find(label)
                .unwrap_or_else(|| panic!("{id} step {step}: {rest}"));
            rest[at..]
                .split('；')
                .next()
                .unwrap_or_default()
                .to_string()
        };
        assert!(
            drawn.cards.len() + usize::from(drawn.rest.is_some()) <= callouts.len(),
            "{id} step {step}"
        );
        let year = swplan_words::strings::year_text(first_year, Lang::Zh);
        // A card says "首次达到：2027年", the line of unchanged figures "（2027年达到，按期，…）".
        assert!(
            text.contains(&format!("首次达到：{year}"))
                || text.contains(&format!("→ {year}"))
                || text.contains(&format!("（{year}达到"))
                || first_year.is_none() && text.contains(&format!("（{year}")),
            "{id} step {step}: {text}"
        );
        let said = if met { "是" } else { "否" };
        let short = if met { "，按期" } else { "，未按期" };
        assert!(
            text.contains(&format!("按期达成：{said}"))
                || text.contains(&format!("→ {said}"))
                || text.contains(short),
            "{id} step {step}: {text}"
        );
    }
}
