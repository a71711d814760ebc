//! Guided stories in words: why a story, a change or a recorded step was refused, in Chinese
//! and English, and the few labels a story needs. `story` and `share::changes` return data.

use super::messages::{validation_message, validation_messages};
use super::Lang;
use crate::share_messages::key_label;
use swplan_engine::RegionName;
use swplan_plans::share::changes::ChangeProblem;
use swplan_plans::state::Callout;
use swplan_plans::story::{RecordError, StepContext, StoryError, TextField};

/// "“h”（每年新增人才）", "'h' (New talent)".
fn named_key(key: &str, lang: Lang) -> String {
    let label = key_label(key, lang);
    match (lang, label.is_empty()) {
        (Lang::Zh, true) => format!("“{key}”"),
        (Lang::Zh, false) => format!("“{key}”（{label}）"),
        (Lang::En, true) => format!("'{key}'"),
        (Lang::En, false) => format!("'{key}' ({label})"),
    }
}

/// One problem of a list of changes, as a sentence without a final stop.
pub fn change_problem_message(problem: &ChangeProblem, lang: Lang) -> String {
    use ChangeProblem as P;
    match (problem, lang) {
        (P::NotAPair { segment }, Lang::Zh) => format!("“{segment}”不是“键=值”的写法"),
        (P::NotAPair { segment }, Lang::En) => format!("'{segment}' is not key=value"),
        (P::UnknownKey { key }, Lang::Zh) => format!("“{key}”不是可变更的参数代码"),
        (P::UnknownKey { key }, Lang::En) => format!("'{key}' is not a key a change can set"),
        (P::Duplicate { key }, Lang::Zh) => format!("{}出现了不止一次", named_key(key, lang)),
        (P::Duplicate { key }, Lang::En) => {
            format!("{} appears more than once", named_key(key, lang))
        }
        (P::NotANumber { key, text }, Lang::Zh) => {
            format!("{}的值“{text}”不是数字", named_key(key, lang))
        }
        (P::NotANumber { key, text }, Lang::En) => {
            format!("{} is not a number ('{text}')", named_key(key, lang))
        }
        (P::NotASchedule { key, text }, Lang::Zh) => format!(
            "{}的值“{text}”不是数字、逐年列表或增长率写法",
            named_key(key, lang)
        ),
        (P::NotASchedule { key, text }, Lang::En) => format!(
            "{} is not a number, a yearly list or a growth ('{text}')",
            named_key(key, lang)
        ),
        (P::OneNumberOnly { key, text }, Lang::Zh) => {
            format!("{}只能是一个数字，不能是“{text}”", named_key(key, lang))
        }
        (P::OneNumberOnly { key, text }, Lang::En) => format!(
            "{} takes one number, not a schedule ('{text}')",
            named_key(key, lang)
        ),
        (P::NotAYear { key, text }, Lang::Zh) => {
            format!("{}的值“{text}”不是年份", named_key(key, lang))
        }
        (P::NotAYear { key, text }, Lang::En) => {
            format!("{} is not a year ('{text}')", named_key(key, lang))
        }
        (P::NotAName { key }, Lang::Zh) => format!("{}无法读取（已损坏）", named_key(key, lang)),
        (P::NotAName { key }, Lang::En) => {
            format!("{} cannot be read (damaged)", named_key(key, lang))
        }
        (P::NotATarget { entry }, Lang::Zh) => {
            format!("目标中的“{entry}”不是“指标-目标值-年份”的写法")
        }
        (P::NotATarget { entry }, Lang::En) => {
            format!("the target '{entry}' is not metric-threshold-year")
        }
        (P::UnknownMetric { code }, Lang::Zh) => format!("目标中的指标代码“{code}”未知"),
        (P::UnknownMetric { code }, Lang::En) => {
            format!("the target names an unknown metric code ('{code}')")
        }
        (P::Invalid { error }, Lang::Zh) => {
            format!("变更后方案无效：{}", validation_message(error, lang))
        }
        (P::Invalid { error }, Lang::En) => format!(
            "the plan is invalid after the change: {}",
            validation_message(error, lang)
        ),
    }
}

/// Every problem of a list of changes, as one sentence.
pub fn change_problems_message(problems: &[ChangeProblem], lang: Lang) -> String {
    let parts: Vec<String> = problems
        .iter()
        .map(|p| change_problem_message(p, lang))
        .collect();
    match lang {
        Lang::Zh => format!("{}。", parts.join("；")),
        Lang::En => format!("{}.", parts.join("; ")),
    }
}

fn field_name(field: TextField, lang: Lang) -> &'static str {
    match field {
        TextField::Title => lang.pick("标题", "title"),
        TextField::Intro => lang.pick("导语", "introduction"),
        TextField::Caption => lang.pick("说明", "caption"),
        TextField::Question => lang.pick("提问", "question"),
    }
}

/// Why a story cannot be read or played, as a sentence. Steps are counted from 1 for people.
pub fn story_error_message(error: &StoryError, lang: Lang) -> String {
    use StoryError as E;
    let at = |step: &usize| match lang {
        Lang::Zh => format!("导览第{}步", step + 1),
        Lang::En => format!("Step {} of the story", step + 1),
    };
    match (error, lang) {
        (E::Syntax(problem), Lang::Zh) => format!(
            "导览文件格式有误：{}。",
            crate::data_messages::data_problem_message(problem, lang)
        ),
        (E::Syntax(problem), Lang::En) => format!(
            "The story file is malformed: {}.",
            crate::data_messages::data_problem_message(problem, lang)
        ),
        (E::NewerFormat { found, supported }, Lang::Zh) => format!(
            "此导览由更新版本的应用生成（导览格式第{found}版，本应用支持到第{supported}版），无法打开。"
        ),
        (E::NewerFormat { found, supported }, Lang::En) => format!(
            "This story was made by a newer version of the app (story format {found}; this app reads up to {supported}) and cannot be opened."
        ),
        (E::BadId { id }, Lang::Zh) => format!(
            "导览编号“{id}”无效：只能由字母、数字、“-”和“_”组成，最长64个字符。"
        ),
        (E::BadId { id }, Lang::En) => format!(
            "The story id '{id}' is invalid: letters, digits, '-' and '_' only, at most 64 characters."
        ),
        (E::MissingText { field, step }, Lang::Zh) => format!(
            "{}的{}缺少中文或英文。",
            step.as_ref().map_or("导览".to_string(), at),
            field_name(*field, lang)
        ),
        (E::MissingText { field, step }, Lang::En) => format!(
            "{} lacks its {} in Chinese or in English.",
            step.as_ref().map_or("The story".to_string(), at),
            field_name(*field, lang)
        ),
        (E::NoSteps, Lang::Zh) => "导览中没有任何步骤。".into(),
        (E::NoSteps, Lang::En) => "The story has no step.".into(),
        (E::UnknownPreset { slug }, Lang::Zh) => format!("导览所依据的预设“{slug}”不存在。"),
        (E::UnknownPreset { slug }, Lang::En) => {
            format!("The story starts from a preset that does not exist ('{slug}').")
        }
        (E::UnknownDataVersion { slug, version, current }, Lang::Zh) => format!(
            "导览依据“{slug}”预设数据的第{}版，本应用只有第1–{current}版。",
            version.map_or("？".to_string(), |v| v.to_string())
        ),
        (E::UnknownDataVersion { slug, version, current }, Lang::En) => format!(
            "The story needs version {} of the '{slug}' preset's data; this app has versions 1–{current}.",
            version.map_or("(none given)".to_string(), |v| v.to_string())
        ),
        (E::BrokenHistory { slug }, Lang::Zh) => {
            format!("“{slug}”预设的数据更正记录已损坏，无法还原导览所用的数据。")
        }
        (E::BrokenHistory { slug }, Lang::En) => format!(
            "The correction history of the '{slug}' preset is damaged; the story's data cannot be rebuilt."
        ),
        (E::UnknownHighlight { step, text }, Lang::Zh) => format!(
            "{}要突出显示的“{text}”既不是图表，也不是目标指标。",
            at(step)
        ),
        (E::UnknownHighlight { step, text }, Lang::En) => format!(
            "{} highlights '{text}', which is neither a chart nor a target metric.",
            at(step)
        ),
        (E::UnknownDocument { step, doc }, Lang::Zh) => {
            format!("{}引用的来源文件“{doc}”不存在。", at(step))
        }
        (E::UnknownDocument { step, doc }, Lang::En) => {
            format!("{} cites a source document that does not exist ('{doc}').", at(step))
        }
        (E::QuoteNotFound { step, doc, quote }, Lang::Zh) => {
            format!("{}引用的“{quote}”在来源文件{doc}中找不到。", at(step))
        }
        (E::QuoteNotFound { step, doc, quote }, Lang::En) => format!(
            "{} quotes “{quote}”, which does not occur in source document {doc}.",
            at(step)
        ),
        (E::Changes { step, problems }, Lang::Zh) => format!(
            "{}的变更无法应用：{}",
            at(step),
            change_problems_message(problems, lang)
        ),
        (E::Changes { step, problems }, Lang::En) => format!(
            "{}: its changes cannot be applied: {}",
            at(step),
            change_problems_message(problems, lang)
        ),
        (E::NoSuchStep { step, steps }, Lang::Zh) => {
            format!("导览只有{steps}步，没有第{}步。", step.saturating_add(1))
        }
        (E::NoSuchStep { step, steps }, Lang::En) => format!(
            "The story has {steps} steps; there is no step {}.",
            step.saturating_add(1)
        ),
        (E::UnknownStory { id }, Lang::Zh) => {
            format!("链接中的导览“{id}”在本应用中不存在，已只打开方案。")
        }
        (E::UnknownStory { id }, Lang::En) => format!(
            "The link names a story this app does not have ('{id}'); only the plan is opened."
        ),
        (E::BadChoices { step }, Lang::Zh) => format!(
            "{}的选项有误：选项要配合提问，2到{}个，每个都要有中英文。",
            at(step),
            swplan_plans::story::predict::MAX_CHOICES
        ),
        (E::BadChoices { step }, Lang::En) => format!(
            "{}: choices need a question, 2 to {} of them, each in Chinese and English.",
            at(step),
            swplan_plans::story::predict::MAX_CHOICES
        ),
        (
            E::BadAnswer {
                step,
                answer,
                choices,
            },
            Lang::Zh,
        ) => format!(
            "{}的答案“{answer}”不是它的选项（应为1到{choices}）。",
            at(step)
        ),
        (
            E::BadAnswer {
                step,
                answer,
                choices,
            },
            Lang::En,
        ) => format!(
            "{}: the answer {answer} is not one of its choices (1 to {choices}).",
            at(step)
        ),
        (E::DamagedLink, Lang::Zh) => "链接中的导览已损坏或不完整，已只打开方案。".into(),
        (E::DamagedLink, Lang::En) => {
            "The story in the link is damaged or cut short; only the plan is opened.".into()
        }
    }
}

/// Why a step could not be recorded, as a sentence.
pub fn record_error_message(error: &RecordError, lang: Lang) -> String {
    use RecordError as R;
    match (error, lang) {
        (R::NoCaption, Lang::Zh) => "请先为这一步写一句说明（中文或英文）。".into(),
        (R::NoCaption, Lang::En) => {
            "Write a caption for this step first (in Chinese or English).".into()
        }
        (R::Invalid(errors), Lang::Zh) => format!(
            "当前方案有无效数值，无法记录：\n{}",
            validation_messages(errors, lang)
        ),
        (R::Invalid(errors), Lang::En) => format!(
            "The plan has invalid values and cannot be recorded:\n{}",
            validation_messages(errors, lang)
        ),
        (R::OtherRegion { recording, found }, Lang::Zh) => format!(
            "正在录制的是{}的导览，当前方案属于{}；请切回原方案再添加步骤。",
            recording.zh, found.zh
        ),
        (R::OtherRegion { recording, found }, Lang::En) => format!(
            "The story being recorded is about {}, but the plan on screen is about {}; switch back to add a step.",
            recording.en, found.en
        ),
        (R::UnknownHighlight { text }, Lang::Zh) => {
            format!("要突出显示的“{text}”既不是图表，也不是目标指标。")
        }
        (R::UnknownHighlight { text }, Lang::En) => {
            format!("'{text}' is neither a chart nor a target metric to highlight.")
        }
        (R::NotCaptured { changes }, Lang::Zh) => format!(
            "这一步的改动无法用链接写法完整记录（“{changes}”），未添加。"
        ),
        (R::NotCaptured { changes }, Lang::En) => format!(
            "This step's changes cannot be captured in link keys ('{changes}'); it was not added."
        ),
    }
}

/// The title a recording has until the trainer names it: "云南省：录制的导览".
pub fn recorded_title(region: &RegionName, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}：录制的导览", region.zh),
        Lang::En => format!("{}: a recorded story", region.en),
    }
}

/// "第2步，共6步", "Step 2 of 6" (`step` counted from 0).
/// "共6步" / "6 steps": a story's length, as the list of stories shows it before it starts.
pub fn step_count(steps: usize, lang: Lang) -> String {
    match (lang, steps) {
        (Lang::Zh, _) => format!("共{steps}步"),
        (Lang::En, 1) => "1 step".to_string(),
        (Lang::En, _) => format!("{steps} steps"),
    }
}

pub fn step_counter(step: usize, steps: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第{}步，共{steps}步", step + 1),
        Lang::En => format!("Step {} of {steps}", step + 1),
    }
}

/// What a story step changes from the step before, one line per input ("每年新增人才：1.2万 →
/// 2万"), so the room sees the decision before it predicts the result. The first step (the
/// starting plan) and a step that changes nothing give none.
pub fn step_changes(context: &StepContext, lang: Lang) -> Vec<String> {
    let separator = lang.pick("：", ": ");
    context
        .changes
        .iter()
        .map(|row| {
            let cells = super::compare::row_cells(row, lang);
            let label = super::compare::row_label(row, lang);
            match cells.as_slice() {
                [before, after] => format!("{label}{separator}{before} → {after}"),
                _ => label,
            }
        })
        .collect()
}

/// Where the plan stood after the step before, so a question that compares with it can be
/// answered from the screen: "上一步的结果：社会工作人才总量 2025年底 11.96万人". `None` at
/// the first step, or when that plan could not be simulated.
pub fn previous_result(context: &StepContext, lang: Lang) -> Option<String> {
    let computed = context.previous.as_ref()?;
    let facts: Vec<String> = computed
        .verdicts
        .iter()
        .map(|v| {
            let label = super::metric_label(v.metric, lang);
            let value = super::messages::metric_amount(v.metric, v.value_at_deadline, lang);
            match lang {
                Lang::Zh => format!("{label} {}年底 {value}", v.deadline),
                Lang::En => format!("{label} {value} at the end of {}", v.deadline),
            }
        })
        .collect();
    (!facts.is_empty()).then(|| match lang {
        Lang::Zh => format!("上一步的结果：{}", facts.join("；")),
        Lang::En => format!("After the last step: {}", facts.join("; ")),
    })
}

/// What a revealed step's question asked about, and how it moved since the step before, one
/// line per fact: "村（社区）社工室（2025年底）：950个 → 1140个（+190个）", "首次达到：2026年 →
/// 2025年", "按期达成：否 → 是", "达成概率：0% → 98%". At the first step only the value now.
pub fn callout_lines(callout: &Callout, lang: Lang) -> Vec<String> {
    let metric = callout.metric;
    let amount = |v: f64| super::messages::metric_amount(metric, v, lang);
    let label = match lang {
        Lang::Zh => format!(
            "{}（{}年底）",
            super::metric_label(metric, lang),
            callout.year
        ),
        Lang::En => format!(
            "{} (end-{})",
            super::metric_label(metric, lang),
            callout.year
        ),
    };
    let sep = lang.pick("：", ": ");
    let mut lines = vec![match callout.before {
        Some(before) => {
            let change = callout.after - before;
            let sign = if change >= 0.0 { "+" } else { "−" };
            let difference = super::messages::metric_difference(metric, change.abs(), lang);
            let moved = if change.abs() < 1e-9 * callout.after.abs().max(1.0) {
                lang.pick("（不变）", " (unchanged)").to_string()
            } else {
                match lang {
                    Lang::Zh => format!("（{sign}{difference}）"),
                    Lang::En => format!(" ({sign}{difference})"),
                }
            };
            format!(
                "{label}{sep}{} → {}{moved}",
                amount(before),
                amount(callout.after)
            )
        }
        None => format!("{label}{sep}{}", amount(callout.after)),
    }];
    let arrow = |before: Option<String>, after: String| match before {
        Some(before) if before != after => format!("{before} → {after}"),
        Some(_) => match lang {
            Lang::Zh => format!("{after}（不变）"),
            Lang::En => format!("{after} (unchanged)"),
        },
        None => after,
    };
    if let Some(first) = callout.first_year {
        let year = |y: Option<i32>| super::strings::year_text(y, lang);
        // A target first met after its deadline says by how much ("2028年（晚1年）").
        let late = match (callout.met, first.after) {
            (Some(_), Some(y)) if y > callout.year => match lang {
                Lang::Zh => format!("（晚{}年）", y - callout.year),
                Lang::En if y - callout.year == 1 => " (a year late)".to_string(),
                Lang::En => format!(" ({} years late)", y - callout.year),
            },
            _ => String::new(),
        };
        lines.push(format!(
            "{}{sep}{}{late}",
            super::strings::strings(lang).first_met,
            arrow(first.before.map(year), year(first.after))
        ));
    }
    if let Some(met) = callout.met {
        let said = |m: bool| lang.pick(if m { "是" } else { "否" }, if m { "yes" } else { "no" });
        lines.push(format!(
            "{}{sep}{}",
            lang.pick("按期达成", "Met on time"),
            arrow(
                met.before.map(|m| said(m).to_string()),
                said(met.after).to_string()
            )
        ));
    }
    if let Some(odds) = callout.odds {
        let percent = |p: f64| super::format_percent(p, lang);
        lines.push(format!(
            "{}{sep}{}",
            super::strings::strings(lang).probability,
            arrow(odds.before.map(percent), percent(odds.after))
        ));
    }
    lines
}

/// The callouts as the presenter draws them: a card per figure, except that with more than
/// [`CARDS_AT_MOST`] figures those that did not move share one line (`rest`), with what they
/// stand at. Six cards of "unchanged" pushed the charts to a size whose text the back of the
/// room could not read (Ningxia's rooms story, step 6).
pub struct CalloutTexts {
    pub cards: Vec<Vec<String>>,
    pub rest: Option<String>,
}

/// More cards than this and the unchanged figures fold into one line.
pub const CARDS_AT_MOST: usize = 3;

pub fn callout_texts(callouts: &[Callout], lang: Lang) -> CalloutTexts {
    if callouts.len() <= CARDS_AT_MOST {
        return CalloutTexts {
            cards: callouts.iter().map(|c| callout_lines(c, lang)).collect(),
            rest: None,
        };
    }
    let (moved, still): (Vec<&Callout>, Vec<&Callout>) = callouts.iter().partition(|c| c.changed());
    let rest = (!still.is_empty()).then(|| {
        let parts: Vec<String> = still.iter().map(|c| standing(c, lang)).collect();
        match lang {
            Lang::Zh => format!("其余{}项不变：{}。", parts.len(), parts.join("；")),
            Lang::En => format!("The other {} unchanged: {}.", parts.len(), parts.join("; ")),
        }
    });
    CalloutTexts {
        cards: moved.into_iter().map(|c| callout_lines(c, lang)).collect(),
        rest,
    }
}

/// Where a figure stands, in a few words: its value at its year, then in brackets when it is
/// first met, whether on time, and its odds ("社会工作人才总量1.51万人（2027年达到，按期，59.6%）").
fn standing(callout: &Callout, lang: Lang) -> String {
    let metric = callout.metric;
    let amount = super::messages::metric_amount(metric, callout.after, lang);
    let label = super::metric_label(metric, lang);
    let mut notes: Vec<String> = Vec::new();
    if let Some(first) = callout.first_year {
        notes.push(match (first.after, lang) {
            (Some(year), Lang::Zh) if callout.met.is_some() && year > callout.year => {
                format!("{year}年达到，晚{}年", year - callout.year)
            }
            (Some(year), Lang::Zh) => format!("{year}年达到"),
            (Some(year), Lang::En) if callout.met.is_some() && year > callout.year => {
                format!("met {year}, {} late", year - callout.year)
            }
            (Some(year), Lang::En) => format!("met {year}"),
            (None, _) => super::strings::year_text(None, lang),
        });
    }
    if let Some(met) = callout.met {
        notes.push(
            match (met.after, lang) {
                (true, Lang::Zh) => "按期",
                (false, Lang::Zh) => "未按期",
                (true, Lang::En) => "on time",
                (false, Lang::En) => "late",
            }
            .to_string(),
        );
    }
    if let Some(odds) = callout.odds {
        notes.push(super::format_percent(odds.after, lang));
    }
    match (notes.is_empty(), lang) {
        (true, Lang::Zh) => format!("{label}{amount}"),
        (true, Lang::En) => format!("{label} {amount}"),
        (false, Lang::Zh) => format!("{label}{amount}（{}）", notes.join("，")),
        (false, Lang::En) => format!("{label} {amount} ({})", notes.join(", ")),
    }
}

#[cfg(test)]
mod step_change_tests {
    use super::*;
    use swplan_engine::Metric;
    use swplan_plans::state::Change;

    /// Ningxia's institutions, 160 by 2027, first reached in 2028 (issue 20, item 17).
    #[test]
    fn a_late_hit_says_by_how_many_years() {
        let callout = Callout {
            metric: Metric::Institutions,
            year: 2027,
            before: Some(150.0),
            after: 158.0,
            first_year: Some(Change {
                before: Some(None),
                after: Some(2028),
            }),
            met: Some(Change {
                before: Some(false),
                after: false,
            }),
            odds: None,
        };
        let zh = callout_lines(&callout, Lang::Zh).join("\n");
        assert!(
            zh.contains("首次达到：规划期内未达到 → 2028年（晚1年）")
                || zh.contains("2028年（晚1年）"),
            "{zh}"
        );
        let en = callout_lines(&callout, Lang::En).join("\n");
        assert!(en.contains("2028 (a year late)"), "{en}");
        assert!(standing(&callout, Lang::Zh).contains("2028年达到，晚1年"));
        let on_time = Callout {
            first_year: Some(Change {
                before: None,
                after: Some(2026),
            }),
            ..callout
        };
        assert!(!callout_lines(&on_time, Lang::Zh).join("").contains('晚'));
    }

    #[test]
    fn a_step_names_what_it_changes_and_the_first_step_nothing() {
        let story = swplan_plans::story::all()
            .iter()
            .find(|s| s.id == "yunnan-14wan")
            .expect("the built-in story");
        let changes = |i| step_changes(&story.step_context(i), Lang::Zh);
        assert!(changes(0).is_empty());
        let changed: Vec<usize> = (1..story.steps().len())
            .filter(|&i| !changes(i).is_empty())
            .collect();
        assert!(!changed.is_empty(), "some step changes an input");
        for i in changed {
            for line in changes(i) {
                assert!(line.contains('：') && line.contains(" → "), "{line}");
            }
            for line in step_changes(&story.step_context(i), Lang::En) {
                assert!(line.contains(": ") && !line.contains('：'), "{line}");
            }
        }
    }
}
