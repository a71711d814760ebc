//! The optimiser's sentences, on real answers of the engine.

use super::*;
use swplan_engine::optimise::{optimise, Confidence, Costs, LeverChoice, DEFAULT_BETA};

fn ningxia() -> Scenario {
    swplan_plans::presets::by_slug("ningxia")
        .unwrap()
        .scenario
        .clone()
}

/// Ningxia's targets, six levers free within ample bounds, as planned.
fn problem(s: &Scenario) -> Problem {
    let lever = |lever, max| LeverChoice::every_year(lever, 0.0, max);
    Problem {
        levers: vec![
            lever(Lever::Hires, 3_000.0),
            lever(Lever::CandidatesJunior, 6_000.0),
            lever(Lever::CandidatesMid, 2_000.0),
            lever(Lever::InstitutionsPerYear, 20.0),
            lever(Lever::DemoPerYear, 240.0),
            lever(Lever::RoomsPerYear, 2_800.0),
        ],
        targets: (0..s.targets.len()).collect(),
        costs: Costs {
            per_hire: 3_000.0,
            per_candidate: 1_350.0,
            discount_rate: 0.0,
        },
        goal: Goal::LeastCost,
        confidence: None,
        seed: 2025,
    }
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_refusal_is_worded_in_both_languages() {
    let s = ningxia();
    let refusals = [
        OptimiseRefusal::InvalidScenario,
        OptimiseRefusal::NoLevers,
        OptimiseRefusal::NoTargets,
        OptimiseRefusal::UnknownTarget(9),
        OptimiseRefusal::DuplicateTarget(0),
        OptimiseRefusal::DuplicateLever(Lever::Hires),
        OptimiseRefusal::BadBounds {
            lever: Lever::RoomsPerYear,
            year: 2024,
        },
        OptimiseRefusal::BadCosts,
        OptimiseRefusal::BadGoal,
        OptimiseRefusal::DeadlineAtBaseYear(1),
        OptimiseRefusal::BadConfidence,
        OptimiseRefusal::TooManyScenarios { decisions: 400 },
        OptimiseRefusal::SolverFailed,
    ];
    for refusal in refusals {
        let zh = refusal_text(&refusal, &s, Lang::Zh);
        let en = refusal_text(&refusal, &s, Lang::En);
        assert!(has_cjk(&zh), "{zh}");
        assert!(!has_cjk(&en), "{en}");
        assert!(
            !zh.contains("Bad") && !en.contains("Bad"),
            "no machine words: {en}"
        );
    }
    assert_eq!(
        refusal_text(
            &OptimiseRefusal::BadBounds {
                lever: Lever::RoomsPerYear,
                year: 2024
            },
            &s,
            Lang::Zh
        ),
        "“每年新建社工室”在2024年的范围无效：每年最少和最多都须是不小于0的数字，且最少不能大于最多。"
    );
}

#[test]
fn years_read_as_runs() {
    assert_eq!(
        year_ranges(&[2027, 2023, 2024, 2025], Lang::Zh),
        "2023–2025、2027年"
    );
    assert_eq!(year_ranges(&[2026], Lang::En), "2026");
}

#[test]
fn full_coverage_reads_as_the_issue_says_it() {
    let s = ningxia();
    let rooms = s
        .targets
        .iter()
        .find(|t| t.metric == Metric::RoomCoverage)
        .unwrap();
    assert_eq!(target_phrase(rooms, Lang::Zh), "2027年的社工室全覆盖");
    assert_eq!(target_phrase(rooms, Lang::En), "Full room coverage by 2027");
}

#[test]
fn an_answer_says_what_it_costs_what_was_measured_and_why() {
    let s = ningxia();
    let problem = problem(&s);
    let outcome = optimise(&s, &problem).unwrap();
    assert_eq!(outcome.status, Status::Met);
    assert!(status_text(&outcome, &problem, Lang::Zh).starts_with("找到了按计划达成全部"));
    let cost = cost_text(&outcome, &problem, Lang::Zh);
    assert!(
        cost.starts_with("全期成本") && cost.contains("现方案"),
        "{cost}"
    );
    let odds = odds_text(&outcome, &problem, Lang::Zh);
    assert!(
        odds.contains("实测为") && odds.contains("未考虑不确定性"),
        "{odds}"
    );
    let why = explanation_texts(&outcome, &problem, &s, Lang::Zh);
    assert!(why.iter().any(|l| l.contains("推迟一年可省约")), "{why:#?}");
    // Ningxia's last deadline is 2027, its plan runs to 2030.
    assert!(
        why.iter()
            .any(|l| l == "2027年以后没有所选目标的期限，这些年份保持现方案的逐年安排。"),
        "{why:#?}"
    );
    let why_en = explanation_texts(&outcome, &problem, &s, Lang::En);
    assert_eq!(why.len(), why_en.len());
    assert!(why_en.iter().all(|l| !has_cjk(l)), "{why_en:#?}");
    for result in &outcome.targets {
        let line = target_result_text(result, &s, Lang::Zh);
        assert!(line.contains("实测概率"), "{line}");
    }
}

#[test]
fn one_target_is_the_target_not_all_one_targets() {
    let mut s = ningxia();
    s.targets.truncate(1);
    let problem = problem(&s);
    let outcome = optimise(&s, &problem).unwrap();
    assert_eq!(
        status_text(&outcome, &problem, Lang::En),
        "Found the cheapest plan that meets the target as planned."
    );
    assert_eq!(
        status_text(&outcome, &problem, Lang::Zh),
        "找到了按计划达成目标的最省钱方案。"
    );
}

#[test]
fn a_binding_ceiling_on_hiring_says_what_allowing_more_saves() {
    let s = ningxia();
    let mut problem = problem(&s);
    problem.levers[0] = LeverChoice::every_year(Lever::Hires, 0.0, 2_100.0);
    let outcome = optimise(&s, &problem).unwrap();
    let why = explanation_texts(&outcome, &problem, &s, Lang::Zh);
    assert!(
        why.iter()
            .any(|l| l.starts_with("每年多允许210名新增人才可省约")),
        "{why:#?}"
    );
}

#[test]
fn measured_odds_below_the_confidence_asked_are_said_to_be() {
    let s = ningxia();
    let mut problem = problem(&s);
    problem.confidence = Some(Confidence {
        level: 0.9,
        beta: DEFAULT_BETA,
    });
    let mut outcome = optimise(&s, &problem).unwrap();
    let odds = odds_text(&outcome, &problem, Lang::Zh);
    assert!(odds.starts_with("要求的把握程度为90%。"), "{odds}");
    assert!(!odds.contains("低于"), "{odds}");
    // Had the fresh futures measured less, the sentence would say so, not claim 90 %.
    outcome.odds.all_met = 0.8;
    outcome.odds.standard_error = 0.004;
    let odds = odds_text(&outcome, &problem, Lang::En);
    assert!(
        odds.ends_with("That is below the confidence asked for."),
        "{odds}"
    );
}

#[test]
fn a_nearest_plan_names_the_target_it_misses_and_by_how_much() {
    let s = ningxia();
    let mut problem = problem(&s);
    problem.levers = vec![LeverChoice::every_year(Lever::Hires, 0.0, 500.0)];
    problem.targets = vec![0];
    let outcome = optimise(&s, &problem).unwrap();
    assert_eq!(outcome.status, Status::Infeasible);
    assert_eq!(
        status_text(&outcome, &problem, Lang::Zh),
        "在所给的范围内无法达成全部目标。下面是最接近的方案："
    );
    let line = shortfall_text(&outcome.shortfalls[0], &s, Lang::Zh);
    assert!(
        line.starts_with("2027年社会工作人才总量达到1.5万人：最接近的方案仍差"),
        "{line}"
    );
    assert!(line.ends_with('人'), "{line}");
    // A plan that misses a target is no "cheapest plan" (issue 22).
    assert_eq!(
        plan_heading(outcome.status, &problem.goal, Lang::Zh),
        "逐年安排：现方案 → 最接近目标的方案"
    );
    assert_eq!(
        plan_heading(outcome.status, &problem.goal, Lang::En),
        "Year by year: current plan → nearest plan"
    );
    let ceiling = Goal::LeastShortfall {
        budget: 1e9,
        weights: Vec::new(),
    };
    assert_eq!(
        answer_name(outcome.status, &ceiling, Lang::Zh),
        "差距最小的方案"
    );
    assert_eq!(
        answer_name(Status::Met, &Goal::LeastCost, Lang::Zh),
        "最省钱方案"
    );
}

/// A plan that misses a target (Ningxia with its talent target raised by a fifth, hiring the
/// one lever): the answer that meets it costs more than the plan, and says why.
#[test]
fn an_answer_dearer_than_a_plan_that_misses_targets_says_why() {
    let mut s = ningxia();
    s.targets[0].threshold *= 1.2;
    let mut problem = problem(&s);
    problem.levers = vec![LeverChoice::every_year(Lever::Hires, 0.0, 20_000.0)];
    problem.targets = vec![0];
    let outcome = optimise(&s, &problem).unwrap();
    assert_eq!(outcome.status, Status::Met);
    let missed = swplan_plans::state::optimiser::missed_as_planned(&s, &problem);
    assert!(!missed.is_empty(), "Ningxia as planned misses a target");
    assert!(outcome.cost.total > outcome.current_cost.total);
    let zh = dearer_text(&outcome, &missed, &s, Lang::Zh).unwrap();
    assert!(zh.starts_with("多花"), "{zh}");
    assert!(
        zh.contains(&format!("达不成{}项所选目标", missed.len())),
        "{zh}"
    );
    for i in &missed {
        assert!(
            zh.contains(&target_phrase(&s.targets[*i], Lang::Zh)),
            "{zh}"
        );
    }
    let en = dearer_text(&outcome, &missed, &s, Lang::En).unwrap();
    assert!(en.starts_with("It costs") && !has_cjk(&en), "{en}");
    // A plan that misses nothing needs no such sentence.
    assert_eq!(dearer_text(&outcome, &[], &s, Lang::Zh), None);
}
