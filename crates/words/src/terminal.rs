//! The command line's own words beyond its help: the headings of its text reports (`run`,
//! `compare`, `pool`), a verdict and its odds as a line of text, the prefix of a warning, and
//! why a `--target` or a `seek` target could not be read. The command line and
//! `swplan_render::report` lay these out (indents, blank lines); the words are here.

use super::format::format_percent;
use super::labels::metric_label;
use super::messages::metric_value;
use super::Lang;
use swplan_engine::{Goal, Metric, Verdict};

/// The fixed words of the command line's text reports. A struct, as in `strings`, so a word
/// missing in one language does not compile.
pub struct TerminalWords {
    /// Before a warning on stderr ("警告：").
    pub warning_prefix: &'static str,
    /// The year column of `run`'s table.
    pub year_column: &'static str,
    /// Over `run`'s verdicts and `pool`'s target table.
    pub targets: &'static str,
    /// Over `run`'s warnings.
    pub warnings: &'static str,
    /// `compare`: over the plans compared.
    pub plans: &'static str,
    /// `compare`: over the inputs the plans differ in.
    pub inputs_that_differ: &'static str,
    /// `compare`: over the verdicts and budgets side by side.
    pub targets_and_budget: &'static str,
    /// `pool`: before the count of plans per preset.
    pub by_preset: &'static str,
    /// `pool`: over the lever table.
    pub levers: &'static str,
    /// `pool`: in place of the lever table when no participant changed a lever.
    pub no_lever_changed: &'static str,
    /// `pool`: over the plans counted more than once.
    pub identical_plans: &'static str,
    /// `pool`: over the entries skipped.
    pub skipped: &'static str,
}

const ZH: TerminalWords = TerminalWords {
    warning_prefix: "警告：",
    year_column: "年份",
    targets: "目标",
    warnings: "提示",
    plans: "方案",
    inputs_that_differ: "不同的输入",
    targets_and_budget: "目标与预算",
    by_preset: "各预设：",
    levers: "参数",
    no_lever_changed: "无人改动参数。",
    identical_plans: "相同的方案，已分别计入",
    skipped: "已跳过",
};

const EN: TerminalWords = TerminalWords {
    warning_prefix: "warning: ",
    year_column: "year",
    targets: "Targets",
    warnings: "Warnings",
    plans: "Plans",
    inputs_that_differ: "Inputs that differ",
    targets_and_budget: "Targets and budget",
    by_preset: "By preset: ",
    levers: "Levers",
    no_lever_changed: "No one changed a parameter.",
    identical_plans: "Identical plans, each counted",
    skipped: "Skipped",
};

/// The command line's fixed words in `lang`.
pub fn terminal_words(lang: Lang) -> &'static TerminalWords {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// One target's verdict in a sentence, e.g. "✓ 社会工作人才总量 2025年底 ≥ 14万：达成（…）"; a
/// ceiling (the cumulative budget) reads "≤ …：未超出" or "超出", never "≥" or a year "reached".
pub fn verdict_sentence(v: &Verdict, lang: Lang) -> String {
    let name = metric_label(v.metric, lang);
    let threshold = metric_value(v.metric, v.threshold, lang);
    let at_deadline = metric_value(v.metric, v.value_at_deadline, lang);
    let gap = metric_value(v.metric, v.gap, lang);
    if v.metric.goal() == Some(Goal::AtMost) {
        let terms = ceiling_terms(name, &threshold, v.deadline, lang);
        return match (lang, v.met) {
            (Lang::Zh, true) => format!("✓ {terms}：未超出（届时 {at_deadline}）"),
            (Lang::Zh, false) => format!("✗ {terms}：超出（届时 {at_deadline}，超出 {gap}）"),
            (Lang::En, true) => format!("✓ {terms}: within ({at_deadline} at the deadline)"),
            (Lang::En, false) => {
                format!("✗ {terms}: over ({at_deadline} at the deadline, {gap} over)")
            }
        };
    }
    match (lang, v.met) {
        (Lang::Zh, true) => format!(
            "✓ {name} {}年底 ≥ {threshold}：达成（{}年首次达到，届时 {at_deadline}）",
            v.deadline,
            v.first_year_met.unwrap_or(v.deadline)
        ),
        (Lang::Zh, false) => format!(
            "✗ {name} {}年底 ≥ {threshold}：未达成（届时 {at_deadline}，差 {gap}{}）",
            v.deadline,
            v.first_year_met
                .map(|y| format!("，{y}年才达到"))
                .unwrap_or_default()
        ),
        (Lang::En, true) => format!(
            "✓ {name} ≥ {threshold} by end-{}: met (first in {}; {at_deadline} at the deadline)",
            v.deadline,
            v.first_year_met.unwrap_or(v.deadline)
        ),
        (Lang::En, false) => format!(
            "✗ {name} ≥ {threshold} by end-{}: not met ({at_deadline} at the deadline, {gap} short{})",
            v.deadline,
            v.first_year_met
                .map(|y| format!("; reached in {y}"))
                .unwrap_or_default()
        ),
    }
}

/// A ceiling's terms: "累计预算 2027年底 ≤ 3.2亿元" / "Cumulative budget ≤ ¥320 M by end-2027".
fn ceiling_terms(name: &str, threshold: &str, deadline: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{name} {deadline}年底 ≤ {threshold}"),
        Lang::En => format!("{name} ≤ {threshold} by end-{deadline}"),
    }
}

/// The heading of the Monte Carlo lines under `run`'s table: "不确定性（500 次模拟，种子 42）".
pub fn uncertainty_heading(runs: usize, seed: u64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("不确定性（{runs} 次模拟，种子 {seed}）"),
        Lang::En => format!("Uncertainty ({runs} runs, seed {seed})"),
    }
}

/// A target's odds and the P10–P90 range of its metric at the deadline (`low`–`high`).
pub fn odds_line(v: &Verdict, probability: f64, low: f64, high: f64, lang: Lang) -> String {
    let name = metric_label(v.metric, lang);
    let threshold = metric_value(v.metric, v.threshold, lang);
    let probability = format_percent(probability, lang);
    let (low, high) = (
        metric_value(v.metric, low, lang),
        metric_value(v.metric, high, lang),
    );
    if v.metric.goal() == Some(Goal::AtMost) {
        let terms = ceiling_terms(name, &threshold, v.deadline, lang);
        return match lang {
            Lang::Zh => {
                format!("{terms}：不超出的概率 {probability}（P10–P90：{low}–{high}）")
            }
            Lang::En => format!(
                "{terms}: probability of staying within {probability} (P10–P90: {low}–{high})"
            ),
        };
    }
    match lang {
        Lang::Zh => format!(
            "{name} {}年底 ≥ {threshold}：达成概率 {probability}（P10–P90：{low}–{high}）",
            v.deadline
        ),
        Lang::En => format!(
            "{name} ≥ {threshold} by end-{}: probability {probability} (P10–P90: {low}–{high})",
            v.deadline
        ),
    }
}

/// `run` of a link holding several plans runs the first only.
pub fn only_first_plan_run(plans: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("链接中有{plans}个方案，只运行第一个。"),
        Lang::En => format!("The link holds {plans} plans; only the first is run."),
    }
}

/// `seek --target METRIC` names a metric the plan has no target on; `known` are those it has.
pub fn no_target_on(metric_key: &str, known: &[&str], lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "该方案没有指标为“{metric_key}”的目标。现有目标：{}",
            known.join("、")
        ),
        Lang::En => format!(
            "The scenario has no target on '{metric_key}'. Its targets: {}",
            known.join(", ")
        ),
    }
}

/// Why a `--target metric=threshold@year` could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum TargetTextError {
    /// The key before `=` names no metric a target can be set on.
    UnknownMetric { key: String },
    /// No `@year` after the threshold.
    MissingYear,
    /// The threshold of `metric` is not a finite number.
    NotANumber { metric: Metric, threshold: String },
    /// The text after `@` is not a year.
    NotAYear { year: String },
}

/// The sentence for a `--target` as typed (`text`) that could not be read, with its format.
pub fn target_text_message(text: &str, error: &TargetTextError, lang: Lang) -> String {
    let why = target_text_problem(error, lang);
    match lang {
        Lang::Zh => format!(
            "--target “{text}”有误：{why}（格式：指标=目标值@年份，如 talent=140000@2025）"
        ),
        Lang::En => format!(
            "--target '{text}' is wrong: {why} (expected metric=threshold@year, e.g. talent=140000@2025)"
        ),
    }
}

fn target_text_problem(error: &TargetTextError, lang: Lang) -> String {
    match (error, lang) {
        (TargetTextError::UnknownMetric { key }, _) => {
            let targetable: Vec<&str> = Metric::targetable().map(Metric::key).collect();
            match lang {
                Lang::Zh => format!("未知的目标指标“{key}”，可选：{}", targetable.join("、")),
                Lang::En => format!(
                    "'{key}' is not a target metric; choose from {}",
                    targetable.join(", ")
                ),
            }
        }
        (TargetTextError::MissingYear, _) => lang
            .pick("缺少“@年份”", "the '@year' is missing")
            .to_string(),
        (TargetTextError::NotANumber { metric, threshold }, Lang::Zh) => format!(
            "{}的目标值“{threshold}”不是数字",
            metric_label(*metric, lang)
        ),
        (TargetTextError::NotANumber { metric, threshold }, Lang::En) => format!(
            "the threshold '{threshold}' of {} is not a number",
            metric_label(*metric, lang)
        ),
        (TargetTextError::NotAYear { year }, Lang::Zh) => format!("“{year}”不是年份"),
        (TargetTextError::NotAYear { year }, Lang::En) => format!("'{year}' is not a year"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::{evaluate, simulate};
    use swplan_plans::presets;

    #[test]
    fn a_budget_ceiling_reads_at_most_and_over_or_within() {
        let over = Verdict {
            metric: Metric::BudgetCumulative,
            threshold: 3.2e8,
            deadline: 2027,
            met: false,
            first_year_met: Some(2022),
            gap: 0.3e8,
            value_at_deadline: 3.5e8,
        };
        let zh = verdict_sentence(&over, Lang::Zh);
        assert!(
            zh.starts_with("✗ 累计预算 2027年底 ≤ 3.2亿元：超出"),
            "{zh}"
        );
        assert!(!zh.contains('≥') && !zh.contains("首次达到"), "{zh}");
        let within = Verdict {
            met: true,
            gap: 0.0,
            value_at_deadline: 2.9e8,
            ..over.clone()
        };
        let en = verdict_sentence(&within, Lang::En);
        assert!(
            en.starts_with("✓ Cumulative budget ≤ ¥320 M by end-2027: within"),
            "{en}"
        );
        assert!(!en.contains("first in"), "{en}");
        let odds = odds_line(&within, 0.7, 2.8e8, 3.3e8, Lang::Zh);
        assert!(odds.starts_with("累计预算 2027年底 ≤ 3.2亿元："), "{odds}");
    }

    #[test]
    fn verdict_sentences_say_met_or_not() {
        let scenario = &presets::default_preset().scenario;
        let trajectory = simulate(scenario).unwrap();
        let verdict = evaluate(&scenario.targets[0], &trajectory);
        let zh = verdict_sentence(&verdict, Lang::Zh);
        assert!(zh.contains("14万"), "{zh}");
        assert!(verdict_sentence(&verdict, Lang::En).contains("140,000"));
    }

    #[test]
    fn a_target_text_error_names_the_text_and_the_format() {
        let error = TargetTextError::NotAYear {
            year: "soon".into(),
        };
        assert_eq!(
            target_text_message("talent=1@soon", &error, Lang::En),
            "--target 'talent=1@soon' is wrong: 'soon' is not a year \
             (expected metric=threshold@year, e.g. talent=140000@2025)"
        );
        let zh = target_text_message("talent=1@soon", &error, Lang::Zh);
        assert!(
            zh.starts_with("--target “talent=1@soon”有误：“soon”不是年份（"),
            "{zh}"
        );
    }

    #[test]
    fn an_unknown_metric_lists_the_targetable_ones() {
        let error = TargetTextError::UnknownMetric { key: "mood".into() };
        let en = target_text_message("mood=1@2025", &error, Lang::En);
        assert!(
            en.contains("'mood' is not a target metric; choose from talent, "),
            "{en}"
        );
    }
}
