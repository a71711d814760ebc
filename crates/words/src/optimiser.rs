//! The cheapest plan in words: why a problem cannot be taken, how the search ended, what the
//! plan costs beside the current one, the odds it was measured to have (never a confidence that
//! was not measured), and why it is what it is — "2027年的社工室全覆盖推迟一年可省约420万元",
//! "每年多允许1000名新增人才可省约86万元".

use swplan_engine::optimise::{
    BoundSide, Goal, Lever, Outcome, Problem, Shortfall, Status, TargetResult, CHECK_RUNS,
    MAX_SCENARIOS,
};
use swplan_engine::{FigureUnit, Metric, Scenario, Target};
use swplan_plans::analysis::OptimiseRefusal;

use super::compare::TextTable;
use super::format::format_whole;
use super::messages::{lever_value, metric_amount, metric_difference, metric_value};
use super::{format_count, format_percent, format_yuan, metric_label, param_label, Lang};

/// A lever's amount with its unit ("1500人", "300个").
pub fn lever_amount(lever: Lever, value: f64, lang: Lang) -> String {
    lever_value(lever.key(), value, lang)
}

/// What one more unit of a lever is, to say "1000 more new talent a year".
fn lever_noun(lever: Lever, amount: &str, lang: Lang) -> String {
    let (zh, en) = match lever {
        Lever::Hires => ("名新增人才", "new talent"),
        Lever::CandidatesJunior => ("名初级报考者", "junior candidates"),
        Lever::CandidatesMid => ("名中级报考者", "mid-level candidates"),
        Lever::CandidatesSenior => ("名高级报考者", "senior candidates"),
        Lever::InstitutionsPerYear => ("家新增服务机构", "new institutions"),
        Lever::StationsPerYear => ("个新建社工站", "new stations"),
        Lever::DemoPerYear => ("个新增示范站", "new demonstration stations"),
        Lever::RoomsPerYear => ("个新建社工室", "new rooms"),
        Lever::PositionsPerYear => ("个新开发岗位", "new positions"),
    };
    match lang {
        Lang::Zh => format!("{amount}{zh}"),
        Lang::En => format!("{amount} {en}"),
    }
}

/// Years as runs: "2023–2025、2027年" / "2023–2025, 2027".
pub fn year_ranges(years: &[i32], lang: Lang) -> String {
    let mut sorted = years.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut runs: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let start = sorted[i];
        let mut end = start;
        while i + 1 < sorted.len() && sorted[i + 1] == end + 1 {
            i += 1;
            end = sorted[i];
        }
        runs.push(if end > start {
            format!("{start}–{end}")
        } else {
            start.to_string()
        });
        i += 1;
    }
    match lang {
        Lang::Zh => format!("{}年", runs.join("、")),
        Lang::En => runs.join(", "),
    }
}

/// A target as a phrase: "2027年的社工室全覆盖", "2027年社会工作人才总量达到1.5万人".
pub fn target_phrase(target: &Target, lang: Lang) -> String {
    let full = target.metric.unit() == FigureUnit::Share && target.threshold >= 1.0;
    let deadline = target.deadline;
    match (target.metric, full, lang) {
        (Metric::RoomCoverage, true, Lang::Zh) => format!("{deadline}年的社工室全覆盖"),
        (Metric::RoomCoverage, true, Lang::En) => format!("Full room coverage by {deadline}"),
        (Metric::StationCoverage, true, Lang::Zh) => format!("{deadline}年的社工站全覆盖"),
        (Metric::StationCoverage, true, Lang::En) => {
            format!("Full station coverage by {deadline}")
        }
        (metric, _, Lang::Zh) => format!(
            "{deadline}年{}达到{}",
            metric_label(metric, lang),
            metric_amount(metric, target.threshold, lang)
        ),
        (metric, _, Lang::En) => format!(
            "{} of {} by {deadline}",
            metric_label(metric, lang),
            metric_amount(metric, target.threshold, lang)
        ),
    }
}

/// A phrase within an English sentence: its first letter small ("full room coverage…").
fn within(phrase: &str, lang: Lang) -> String {
    let mut chars = phrase.chars();
    match (lang, chars.next()) {
        (Lang::En, Some(first)) => first.to_lowercase().chain(chars).collect(),
        _ => phrase.to_string(),
    }
}

/// The target at `index` of the scenario as a phrase, or its number if there is none.
fn nth_target(scenario: &Scenario, index: usize, lang: Lang) -> String {
    match scenario.targets.get(index) {
        Some(target) => target_phrase(target, lang),
        None => match lang {
            Lang::Zh => format!("第{}个目标", index + 1),
            Lang::En => format!("target {}", index + 1),
        },
    }
}

/// Why the optimiser could not take the problem, in the planner's words.
pub fn refusal_text(refusal: &OptimiseRefusal, scenario: &Scenario, lang: Lang) -> String {
    use OptimiseRefusal as R;
    let target = |i: usize| nth_target(scenario, i, lang);
    match (refusal, lang) {
        (R::InvalidScenario, Lang::Zh) => "方案中有无效数值，无法求解。请先改正标出的输入。".into(),
        (R::InvalidScenario, Lang::En) => "The plan has invalid values and cannot be solved. Correct the marked inputs first.".into(),
        (R::NoLevers, Lang::Zh) => "请至少勾选一个可调整的杠杆。".into(),
        (R::NoLevers, Lang::En) => "Tick at least one lever the optimiser may move.".into(),
        (R::NoTargets, Lang::Zh) => "方案没有可求解的目标：目标的期限须在基准年之后、规划末年之内。".into(),
        (R::NoTargets, Lang::En) => "The plan has no target to solve for: a deadline must fall after the base year and within the plan's years.".into(),
        (R::UnknownTarget(i), Lang::Zh) => format!("{}不存在。", target(*i)),
        (R::UnknownTarget(i), Lang::En) => format!("There is no {}.", within(&target(*i), lang)),
        (R::DuplicateTarget(i), Lang::Zh) => format!("目标“{}”选了两次。", target(*i)),
        (R::DuplicateTarget(i), Lang::En) => format!("The target “{}” is chosen twice.", target(*i)),
        (R::DuplicateLever(lever), Lang::Zh) => format!("杠杆“{}”列了两次。", param_label(lever.key(), lang)),
        (R::DuplicateLever(lever), Lang::En) => format!("The lever “{}” is listed twice.", param_label(lever.key(), lang)),
        (R::BadBounds { lever, year }, Lang::Zh) => format!(
            "“{}”在{year}年的范围无效：每年最少和最多都须是不小于0的数字，且最少不能大于最多。",
            param_label(lever.key(), lang)
        ),
        (R::BadBounds { lever, year }, Lang::En) => format!(
            "The range of “{}” in {year} is not valid: the least and the most a year must be numbers of at least 0, and the least no more than the most.",
            param_label(lever.key(), lang)
        ),
        (R::BadCosts, Lang::Zh) => format!(
            "成本或折现率无效：“{}”“{}”和年折现率都须是不小于0的数字。",
            param_label("hire_cost", lang),
            param_label("candidate_cost", lang)
        ),
        (R::BadCosts, Lang::En) => format!(
            "A cost or the discount rate is not valid: “{}”, “{}” and the discount rate must be numbers of at least 0.",
            param_label("hire_cost", lang),
            param_label("candidate_cost", lang)
        ),
        (R::BadGoal, Lang::Zh) => "预算上限无效：须为不小于0的数字。".into(),
        (R::BadGoal, Lang::En) => "The budget ceiling is not valid: it must be a number of at least 0.".into(),
        (R::DeadlineAtBaseYear(i), Lang::Zh) => format!("{}的期限就是基准年：从现在起的任何安排都来不及。", target(*i)),
        (R::DeadlineAtBaseYear(i), Lang::En) => format!("The deadline of {} is the base year: nothing done from now on can count.", within(&target(*i), lang)),
        (R::BadConfidence, Lang::Zh) => "把握程度须在0和100%之间。".into(),
        (R::BadConfidence, Lang::En) => "The confidence must lie between 0 and 100 %.".into(),
        (R::TooManyScenarios { decisions }, Lang::Zh) => format!(
            "在这个把握程度下，{decisions}个逐年决策需要超过{}个抽样情景，浏览器里算不了：请少勾选几个杠杆、缩小范围，或降低把握程度。",
            format_count(MAX_SCENARIOS as f64, lang)
        ),
        (R::TooManyScenarios { decisions }, Lang::En) => format!(
            "At this confidence, {decisions} yearly decisions would need more than {} sampled futures, too many for the browser: tick fewer levers, narrow their ranges, or lower the confidence.",
            format_count(MAX_SCENARIOS as f64, lang)
        ),
        (R::SolverFailed, Lang::Zh) => "求解器在数值上失败（这并不说明无解）。请调整范围后重试。".into(),
        (R::SolverFailed, Lang::En) => "The solver failed numerically (which does not mean there is no answer). Adjust the ranges and try again.".into(),
    }
}

/// How the search ended, in one sentence.
/// What the answer is, by how the search ended and what was asked: "the cheapest plan" only
/// when it is one (a plan that misses targets is the nearest, one under a ceiling the best
/// within it). Its year-by-year heading and the name it is pinned under in a comparison.
pub fn answer_name(status: Status, goal: &Goal, lang: Lang) -> &'static str {
    let ceiling = matches!(goal, Goal::LeastShortfall { .. });
    match (status, ceiling, lang) {
        (Status::Met, false, Lang::Zh) => "最省钱方案",
        (Status::Met, false, Lang::En) => "Cheapest plan",
        // Every lever at its least, and still over the ceiling: no plan meets anything for less.
        (Status::BudgetTooLow, _, Lang::Zh) => "超出预算的最低成本方案",
        (Status::BudgetTooLow, _, Lang::En) => "Least-cost plan, over the budget",
        (Status::Met, true, Lang::Zh) => "预算内方案",
        (Status::Met, true, Lang::En) => "Plan within the budget",
        (Status::Infeasible, false, Lang::Zh) => "最接近目标的方案",
        (Status::Infeasible, false, Lang::En) => "Nearest plan",
        (Status::Infeasible, true, Lang::Zh) => "差距最小的方案",
        (Status::Infeasible, true, Lang::En) => "Plan that falls least short",
        (Status::Unverified, _, Lang::Zh) => "未通过检验的方案",
        (Status::Unverified, _, Lang::En) => "Unverified plan",
    }
}

/// The heading of the year-by-year table: the current plan beside the answer, named.
pub fn plan_heading(status: Status, goal: &Goal, lang: Lang) -> String {
    let name = answer_name(status, goal, lang);
    match lang {
        Lang::Zh => format!("逐年安排：现方案 → {name}"),
        Lang::En => format!("Year by year: current plan → {}", name.to_lowercase()),
    }
}

/// Why an answer that meets every selected target costs more than the plan as it was: the plan
/// misses some of them (`missed`, indices into the scenario's targets). `None` when the answer
/// costs no more, or the plan misses none.
pub fn dearer_text(
    outcome: &Outcome,
    missed: &[usize],
    scenario: &Scenario,
    lang: Lang,
) -> Option<String> {
    let more = outcome.cost.total - outcome.current_cost.total;
    if more <= 0.0 || missed.is_empty() || outcome.status != Status::Met {
        return None;
    }
    let names: Vec<String> = missed
        .iter()
        .filter_map(|i| scenario.targets.get(*i))
        .map(|t| target_phrase(t, lang))
        .collect();
    let more = format_yuan(more, lang);
    Some(match lang {
        Lang::Zh => format!(
            "多花{more}，是因为现方案按计划达不成{}项所选目标（{}）：达成全部所选目标，最少也要这么多。",
            names.len(),
            names.join("、")
        ),
        Lang::En => format!(
            "It costs {more} more because the current plan misses {} of the selected targets as planned ({}): meeting them all costs at least this much.",
            names.len(),
            names.join("; ")
        ),
    })
}

pub fn status_text(outcome: &Outcome, problem: &Problem, lang: Lang) -> String {
    let count = problem.targets.len();
    let budget = match &problem.goal {
        Goal::LeastShortfall { budget, .. } => Some(format_yuan(*budget, lang)),
        Goal::LeastCost => None,
    };
    // "all 1 targets" is no sentence: one target is "the target".
    let (all_zh, all_en) = if count == 1 {
        ("目标".to_string(), "the target".to_string())
    } else {
        (format!("全部{count}个目标"), format!("all {count} targets"))
    };
    let sampled = outcome.sampled.map(|s| s.scenarios);
    match (outcome.status, budget, sampled, lang) {
        (Status::Met, None, None, Lang::Zh) => format!("找到了按计划达成{all_zh}的最省钱方案。"),
        (Status::Met, None, None, Lang::En) => format!("Found the cheapest plan that meets {all_en} as planned."),
        (Status::Met, None, Some(n), Lang::Zh) => format!(
            "找到了在抽样的全部{}个情景中都达成{all_zh}的最省钱方案；它在新情景中的达成概率见下方实测值。",
            format_count(n as f64, lang)
        ),
        (Status::Met, None, Some(n), Lang::En) => format!(
            "Found the cheapest plan that meets {all_en} in every one of {} sampled futures; its odds in fresh futures are measured below.",
            format_count(n as f64, lang)
        ),
        (Status::Met, Some(b), _, Lang::Zh) => format!("在预算上限{b}内，方案达成{all_zh}。"),
        (Status::Met, Some(b), _, Lang::En) => format!("Within the ceiling of {b}, the plan meets {all_en}."),
        (Status::Infeasible, None, _, Lang::Zh) => "在所给的范围内无法达成全部目标。下面是最接近的方案：".into(),
        (Status::Infeasible, None, _, Lang::En) => "No plan within the ranges meets every target. The nearest plan is below:".into(),
        (Status::Infeasible, Some(b), _, Lang::Zh) => format!("预算上限{b}不足以达成全部目标。下面是差距最小的方案："),
        (Status::Infeasible, Some(b), _, Lang::En) => format!("A ceiling of {b} cannot meet every target. The plan that falls least short is below:"),
        (Status::BudgetTooLow, b, _, Lang::Zh) => format!(
            "预算上限{}低于各杠杆都取最少值时的成本（{}）：下面是成本最低的方案，仍超出预算。",
            b.unwrap_or_default(),
            format_yuan(outcome.cost.total, lang)
        ),
        (Status::BudgetTooLow, b, _, Lang::En) => format!(
            "The ceiling of {} is below the cost with every lever at its least ({}): below is the least-cost plan there is, still over the budget.",
            b.unwrap_or_default(),
            format_yuan(outcome.cost.total, lang)
        ),
        (Status::Unverified, _, _, Lang::Zh) => "线性规划给出的方案经模拟检验仍有目标未达成（模型在上限处变弯，例如持证人数受人才总量限制）：请放宽范围或减少目标后重试。".into(),
        (Status::Unverified, _, _, Lang::En) => "The linear programme's plan, simulated, still misses a target (the model bends at a ceiling, e.g. certified people limited by talent): widen the ranges or drop a target and try again.".into(),
    }
}

/// How far the nearest plan misses a target: "2025年社会工作人才总量达到14万人：仍差2017人".
pub fn shortfall_text(shortfall: &Shortfall, scenario: &Scenario, lang: Lang) -> String {
    let phrase = nth_target(scenario, shortfall.target, lang);
    let metric = scenario.targets.get(shortfall.target).map(|t| t.metric);
    let amount = match metric {
        Some(metric) => metric_difference(metric, shortfall.shortfall, lang),
        None => format_count(shortfall.shortfall, lang),
    };
    match lang {
        Lang::Zh => format!("{phrase}：最接近的方案仍差{amount}"),
        Lang::En => format!("{phrase}: the nearest plan is still {amount} short"),
    }
}

/// The plan's cost beside the current plan's: "全期成本9.52亿元（现方案10.1亿元，省5800万元）".
pub fn cost_text(outcome: &Outcome, problem: &Problem, lang: Lang) -> String {
    let (found, current) = (outcome.cost.total, outcome.current_cost.total);
    let difference = format_yuan((found - current).abs(), lang);
    let versus = match (found < current, found > current, lang) {
        (true, _, Lang::Zh) => format!("，省{difference}"),
        (true, _, Lang::En) => format!(", {difference} less"),
        (_, true, Lang::Zh) => format!("，多{difference}"),
        (_, true, Lang::En) => format!(", {difference} more"),
        _ => String::new(),
    };
    let total = match lang {
        Lang::Zh => format!(
            "全期成本{}（现方案{}{versus}）。",
            format_yuan(found, lang),
            format_yuan(current, lang)
        ),
        Lang::En => format!(
            "Cost over the whole period: {} (current plan {}{versus}).",
            format_yuan(found, lang),
            format_yuan(current, lang)
        ),
    };
    let rate = problem.costs.discount_rate;
    if rate <= 0.0 {
        return total;
    }
    let (d_found, d_current) = (
        format_yuan(outcome.cost.discounted, lang),
        format_yuan(outcome.current_cost.discounted, lang),
    );
    let rate = format_percent(rate, lang);
    match lang {
        Lang::Zh => format!("{total}按每年{rate}折现后为{d_found}（现方案{d_current}）。"),
        Lang::En => {
            format!("{total} Discounted at {rate} a year: {d_found} (current plan {d_current}).")
        }
    }
}

/// The odds measured on fresh futures, and how they stand against the confidence asked for.
pub fn odds_text(outcome: &Outcome, problem: &Problem, lang: Lang) -> String {
    let odds = outcome.odds;
    let measured = format_percent(odds.all_met, lang);
    // About 95 % of such measurements fall within two standard errors.
    let margin = format_percent(2.0 * odds.standard_error, lang);
    let runs = format_count(odds.runs.max(CHECK_RUNS) as f64, lang);
    let measured = match lang {
        Lang::Zh => format!("在{runs}个新抽样情景中，全部目标同时达成的比例实测为{measured}（±{margin}）。"),
        Lang::En => format!("In {runs} fresh sampled futures, every target was met at once in {measured} (± {margin})."),
    };
    let Some(level) = problem.confidence.map(|c| c.level) else {
        return match lang {
            Lang::Zh => format!("{measured}此方案只要求按计划达成，未考虑不确定性。"),
            Lang::En => format!("{measured} This plan is only asked to meet the targets as planned, not under uncertainty."),
        };
    };
    let asked = format_percent(level, lang);
    let below = odds.all_met + 2.0 * odds.standard_error < level;
    match (below, lang) {
        (false, Lang::Zh) => format!("要求的把握程度为{asked}。{measured}"),
        (false, Lang::En) => format!("The confidence asked for was {asked}. {measured}"),
        (true, Lang::Zh) => format!("要求的把握程度为{asked}。{measured}实测低于所要求的把握程度。"),
        (true, Lang::En) => format!("The confidence asked for was {asked}. {measured} That is below the confidence asked for."),
    }
}

/// One target under the plan found: its value at the deadline, met as planned or not, and its
/// own measured odds.
pub fn target_result_text(result: &TargetResult, scenario: &Scenario, lang: Lang) -> String {
    let ui = super::optimiser_ui::optimiser_ui(lang);
    let phrase = nth_target(scenario, result.target, lang);
    let value = scenario
        .targets
        .get(result.target)
        .map_or(format_count(result.value_at_deadline, lang), |t| {
            metric_value(t.metric, result.value_at_deadline, lang)
        });
    let verdict = if result.met_as_planned {
        ui.met_as_planned
    } else {
        ui.missed_as_planned
    };
    let odds = format_percent(result.odds, lang);
    match lang {
        Lang::Zh => format!(
            "{phrase}：截止年{value}，{verdict}，{}{odds}",
            ui.measured_odds
        ),
        Lang::En => format!(
            "{phrase}: {value} at the deadline, {verdict}, {} {odds}",
            ui.measured_odds
        ),
    }
}

/// Why the plan is what it is: each binding target (what a year's delay would save, or what
/// one unit less of it saves), each binding bound (what allowing a step more saves), and the
/// levers at a bound. Empty when there is nothing to explain.
pub fn explanation_texts(
    outcome: &Outcome,
    problem: &Problem,
    scenario: &Scenario,
    lang: Lang,
) -> Vec<String> {
    let e = &outcome.explanation;
    let mut lines = Vec::new();
    for binding in e.targets.iter().filter(|b| b.binding) {
        let phrase = nth_target(scenario, binding.target, lang);
        let metric = scenario.targets.get(binding.target).map(|t| t.metric);
        let line = match (binding.a_year_later_saves, binding.saves_per_unit, lang) {
            (Some(saves), _, Lang::Zh) if saves >= 1.0 => {
                format!("{phrase}推迟一年可省约{}。", format_yuan(saves, lang))
            }
            (Some(saves), _, Lang::En) if saves >= 1.0 => {
                format!(
                    "Moving {} a year later would save about {}.",
                    within(&phrase, lang),
                    format_yuan(saves, lang)
                )
            }
            (_, Some(per_unit), _) if per_unit > 0.0 && metric.is_some() => {
                unit_saving(&phrase, metric.unwrap_or(Metric::Talent), per_unit, lang)
            }
            (_, _, Lang::Zh) => format!("{phrase}恰好达成，没有余量。"),
            (_, _, Lang::En) => format!("{phrase} is met with nothing to spare."),
        };
        lines.push(line);
    }
    for relaxation in &e.levers {
        let step = format_count(relaxation.step, lang);
        let years = year_ranges(&relaxation.years, lang);
        let noun = lever_noun(relaxation.lever, &step, lang);
        let saves = relaxation
            .saves
            .filter(|s| *s >= 1.0)
            .map(|s| format_yuan(s, lang));
        let line = match (relaxation.side, saves, lang) {
            (BoundSide::Max, Some(s), Lang::Zh) => {
                format!("每年多允许{noun}可省约{s}（上限在{years}起作用）。")
            }
            (BoundSide::Max, Some(s), Lang::En) => format!(
                "Allowing {noun} more a year would save about {s} (the ceiling binds in {years})."
            ),
            (BoundSide::Min, Some(s), Lang::Zh) => {
                format!("每年少要求{noun}可省约{s}（下限在{years}起作用）。")
            }
            (BoundSide::Min, Some(s), Lang::En) => format!(
                "Requiring {noun} fewer a year would save about {s} (the floor binds in {years})."
            ),
            (BoundSide::Max, None, Lang::Zh) => format!(
                "“{}”的上限在{years}起作用。",
                param_label(relaxation.lever.key(), lang)
            ),
            (BoundSide::Max, None, Lang::En) => format!(
                "The ceiling of “{}” binds in {years}.",
                param_label(relaxation.lever.key(), lang)
            ),
            (BoundSide::Min, None, Lang::Zh) => format!(
                "“{}”的下限在{years}起作用。",
                param_label(relaxation.lever.key(), lang)
            ),
            (BoundSide::Min, None, Lang::En) => format!(
                "The floor of “{}” binds in {years}.",
                param_label(relaxation.lever.key(), lang)
            ),
        };
        lines.push(line);
    }
    lines.extend(at_bounds_texts(outcome, problem, scenario.base_year, lang));
    // After the last deadline no target asks anything: those years keep the plan's amounts
    // (a reviewer saw mid-level candidates at 0 until 2027 and back to 1,000 from 2028).
    let last = problem
        .targets
        .iter()
        .filter_map(|i| scenario.targets.get(*i))
        .map(|t| t.deadline)
        .max();
    if let Some(last) = last.filter(|last| *last < scenario.end_year) {
        lines.push(match lang {
            Lang::Zh => format!(
                "{}年以后没有所选目标的期限，这些年份保持现方案的逐年安排。",
                last
            ),
            Lang::En => format!(
                "No selected target has a deadline after {last}: the years after it keep the current plan's amounts."
            ),
        });
    }
    lines
}

/// What one unit less of a binding target would save: per person, per unit, per point.
fn unit_saving(phrase: &str, metric: Metric, per_unit: f64, lang: Lang) -> String {
    let (unit_zh, unit_en, per) = match (metric.unit(), metric.counts_people()) {
        (FigureUnit::Share, _) => ("1个百分点", "one percentage point", per_unit / 100.0),
        (_, true) => ("1人", "one person", per_unit),
        _ => ("1个", "one", per_unit),
    };
    let saves = format_yuan(per, lang);
    match lang {
        Lang::Zh => format!("{phrase}恰好达成：目标每少要求{unit_zh}约省{saves}。"),
        Lang::En => format!("{phrase} is met with nothing to spare: asking {unit_en} less would save about {saves}."),
    }
}

/// The levers at a bound, lever by lever: "每年新增人才：2025–2027年取每年最多". A lever at
/// nothing is left unused, not held by a floor the planner set, so only floors above nothing
/// are said.
fn at_bounds_texts(
    outcome: &Outcome,
    problem: &Problem,
    base_year: i32,
    lang: Lang,
) -> Vec<String> {
    let floor_in = |lever: Lever, year: i32| {
        problem
            .levers
            .iter()
            .find(|c| c.lever == lever)
            .is_some_and(|c| c.bounds_in((year - base_year - 1).max(0) as usize).min > 0.0)
    };
    let mut lines = Vec::new();
    for lever in Lever::ALL {
        for side in [BoundSide::Max, BoundSide::Min] {
            let years: Vec<i32> = outcome
                .explanation
                .at_bounds
                .iter()
                .filter(|a| a.lever == lever && a.side == side)
                .filter(|a| side == BoundSide::Max || floor_in(lever, a.year))
                .map(|a| a.year)
                .collect();
            if years.is_empty() {
                continue;
            }
            let name = param_label(lever.key(), lang);
            let years = year_ranges(&years, lang);
            lines.push(match (side, lang) {
                (BoundSide::Max, Lang::Zh) => format!("{name}：{years}取每年最多。"),
                (BoundSide::Max, Lang::En) => format!("{name}: at its most in {years}."),
                (BoundSide::Min, Lang::Zh) => format!("{name}：{years}取每年最少。"),
                (BoundSide::Min, Lang::En) => format!("{name}: at its least in {years}."),
            });
        }
    }
    lines
}

/// The optimiser's own costs, as the panel states them: "每名新增人才招聘培训费每人3000元，…".
pub fn costs_note(hire_cost: f64, candidate_cost: f64, lang: Lang) -> String {
    let (hire, candidate) = (
        param_label("hire_cost", lang),
        param_label("candidate_cost", lang),
    );
    let (h, c) = (
        format_yuan(hire_cost, lang),
        format_yuan(candidate_cost, lang),
    );
    match lang {
        Lang::Zh => format!("成本中另计：{hire}{h}，{candidate}{c}（在设置的“预算”中修改）。"),
        Lang::En => format!("The cost also counts {hire}: {h}, and {candidate}: {c} (change them under Budget in the settings)."),
    }
}

/// The plan year by year: per lever a row of its current amounts and a row of the new ones
/// (named as the answer is: [`answer_name`]), a column per simulated year.
pub fn plan_table(
    outcome: &Outcome,
    problem: &Problem,
    scenario: &Scenario,
    lang: Lang,
) -> TextTable {
    let found = answer_name(outcome.status, &problem.goal, lang);
    let ui = super::optimiser_ui::optimiser_ui(lang);
    let years = outcome.plan.first().map_or(0, |l| l.values.len());
    let header = [ui.lever.to_string(), String::new()]
        .into_iter()
        .chain((0..years).map(|i| (scenario.base_year + 1 + i as i32).to_string()))
        .collect();
    let row = |name: String, which: &str, values: &[f64]| -> Vec<String> {
        [name, which.to_string()]
            .into_iter()
            .chain(values.iter().map(|v| format_whole(*v, lang)))
            .collect()
    };
    let rows = outcome
        .plan
        .iter()
        .flat_map(|l| {
            let name = param_label(l.lever.key(), lang).to_string();
            [
                row(name, ui.current, &l.current),
                row(String::new(), found, &l.values),
            ]
        })
        .collect();
    TextTable { header, rows }
}

/// Each target under the plan found: its value at the deadline, met as planned, measured odds.
pub fn targets_table(outcome: &Outcome, scenario: &Scenario, lang: Lang) -> TextTable {
    let ui = super::optimiser_ui::optimiser_ui(lang);
    let header = vec![
        lang.pick("目标", "Target").to_string(),
        lang.pick("截止年数值", "Value at the deadline").to_string(),
        lang.pick("按计划", "As planned").to_string(),
        ui.odds_heading.to_string(),
    ];
    let rows = outcome
        .targets
        .iter()
        .map(|r| {
            let value = scenario
                .targets
                .get(r.target)
                .map_or(format_count(r.value_at_deadline, lang), |t| {
                    metric_value(t.metric, r.value_at_deadline, lang)
                });
            vec![
                nth_target(scenario, r.target, lang),
                value,
                if r.met_as_planned {
                    ui.met_as_planned
                } else {
                    ui.missed_as_planned
                }
                .to_string(),
                format_percent(r.odds, lang),
            ]
        })
        .collect();
    TextTable { header, rows }
}

#[cfg(test)]
mod tests;
