//! What a link could not deliver, and what the planner should know, in words: short,
//! specific, in Chinese and English ("链接中的“h”（每年新增人才）不是数字，已忽略，使用预设值。").

use crate::messages::{field_label, problem_text};
use crate::{param_label, Lang};
use swplan_engine::params::param_by_code;
use swplan_plans::presets;
use swplan_plans::share::{Fallback, LinkKey, LinkNotice, LinkProblem, OlderData, ProblemKind};

/// What a link key is about, for people: a parameter's label, or what the key stands for.
pub fn key_label(key: &str, lang: Lang) -> String {
    if let Some(param) = param_by_code(key) {
        return param_label(param.key, lang).to_string();
    }
    let Some(key) = LinkKey::from_code(key) else {
        return String::new();
    };
    let (zh, en) = match key {
        LinkKey::Version => ("链接版本", "link version"),
        LinkKey::Checksum => ("校验码", "checksum"),
        LinkKey::Origin => ("预设", "preset"),
        LinkKey::Name => ("方案名称", "plan name"),
        LinkKey::RegionName => ("地区名称", "region name"),
        LinkKey::BaseYear => ("基准年", "base year"),
        LinkKey::EndYear => ("规划末年", "last year"),
        LinkKey::Targets => ("目标", "targets"),
        LinkKey::Runs => ("模拟次数", "number of runs"),
        LinkKey::Seed => ("随机种子", "random seed"),
        LinkKey::Model => ("计算口径", "model reading"),
        LinkKey::CertifiedTotal => ("持证社工总数", "certified in total"),
        LinkKey::Sources => ("来源说明", "sources"),
        LinkKey::Actuals => ("实际值", "actual figures"),
        LinkKey::ActualNotes => ("实际值的来源说明", "actual figures' notes"),
        LinkKey::RollUp => ("全省汇总", "province roll-up"),
        LinkKey::Lang => ("语言", "language"),
        LinkKey::Help => ("使用说明", "manual"),
        LinkKey::Story | LinkKey::Step | LinkKey::RecordedStory => ("导览步骤", "guided story"),
        LinkKey::Predict => ("预测提问", "prediction question"),
    };
    lang.pick(zh, en).to_string()
}

/// The key as the link shows it, with its meaning: "“h”（每年新增人才）", "'h' (New talent)".
fn named_key(plan: usize, key: &str, lang: Lang) -> String {
    let label = key_label(key, lang);
    let shown = if plan == 0 {
        key.to_string()
    } else {
        format!("{plan}.{key}")
    };
    match (lang, label.is_empty()) {
        (Lang::Zh, true) => format!("“{shown}”"),
        (Lang::Zh, false) => format!("“{shown}”（{label}）"),
        (Lang::En, true) => format!("'{shown}'"),
        (Lang::En, false) => format!("'{shown}' ({label})"),
    }
}

/// A preset's name in the language, or its slug when unknown.
fn preset_name(slug: &str, lang: Lang) -> String {
    presets::by_slug(slug).map_or_else(
        || slug.to_string(),
        |p| {
            lang.pick(&p.scenario.name.zh, &p.scenario.name.en)
                .to_string()
        },
    )
}

/// What is wrong with the value, as the middle of the sentence.
fn what(kind: &ProblemKind, lang: Lang) -> String {
    use ProblemKind as K;
    match (kind, lang) {
        (K::NotANumber { text }, Lang::Zh) => format!("的值“{text}”不是数字"),
        (K::NotANumber { text }, Lang::En) => format!("is not a number ('{text}')"),
        (K::NotASchedule { text }, Lang::Zh) => {
            format!("的值“{text}”不是数字、逐年列表或增长率写法")
        }
        (K::NotASchedule { text }, Lang::En) => {
            format!("is not a number, a yearly list or a growth ('{text}')")
        }
        (K::OneNumberOnly { text }, Lang::Zh) => format!("只能是一个数字，不能是“{text}”"),
        (K::OneNumberOnly { text }, Lang::En) => {
            format!("takes one number, not a schedule ('{text}')")
        }
        (K::NotAYear { text }, Lang::Zh) => format!("的值“{text}”不是年份"),
        (K::NotAYear { text }, Lang::En) => format!("is not a year ('{text}')"),
        (K::NotAName, Lang::Zh) => "无法读取（已损坏）".into(),
        (K::NotAName, Lang::En) => "cannot be read (damaged)".into(),
        (K::UnknownPreset { slug }, Lang::Zh) => format!("“{slug}”不是已知的预设"),
        (K::UnknownPreset { slug }, Lang::En) => format!("names no known preset ('{slug}')"),
        (
            K::UnknownDataVersion {
                slug,
                version,
                current,
            },
            Lang::Zh,
        ) => format!(
            "指定了{}预设数据的第“{version}”版，本应用只有第1–{current}版",
            preset_name(slug, lang)
        ),
        (
            K::UnknownDataVersion {
                slug,
                version,
                current,
            },
            Lang::En,
        ) => format!(
            "asks for version '{version}' of the {} preset's data; this app has versions 1–{current}",
            preset_name(slug, lang)
        ),
        (K::MissingOrigin, Lang::Zh) => "缺失".into(),
        (K::MissingOrigin, Lang::En) => "is missing".into(),
        (K::UnknownMetric { code }, Lang::Zh) => format!("中的指标代码“{code}”未知"),
        (K::UnknownMetric { code }, Lang::En) => {
            format!("names an unknown metric code ('{code}')")
        }
        (K::NotATarget { entry }, Lang::Zh) => {
            format!("中的“{entry}”不是“指标-目标值-年份”的写法")
        }
        (K::NotATarget { entry }, Lang::En) => {
            format!("holds '{entry}', which is not metric-threshold-year")
        }
        (K::UnknownLanguage { text }, Lang::Zh) => format!("的值“{text}”不是zh或en"),
        (K::UnknownLanguage { text }, Lang::En) => format!("is neither zh nor en ('{text}')"),
        (K::RunsOutOfRange { text, min, max }, Lang::Zh) => {
            format!("的值“{text}”不在{min}到{max}之间")
        }
        (K::RunsOutOfRange { text, min, max }, Lang::En) => {
            format!("is not between {min} and {max} ('{text}')")
        }
        (K::NotAVersion { text }, Lang::Zh) => format!("的值“{text}”不是版本号"),
        (K::NotAVersion { text }, Lang::En) => format!("is not a version number ('{text}')"),
        (K::MissingVersion, Lang::Zh) => "缺失".into(),
        (K::MissingVersion, Lang::En) => "is missing".into(),
        (K::NotALink, Lang::Zh) => "无法识别".into(),
        (K::NotALink, Lang::En) => "cannot be recognised".into(),
        (K::NotAStory { text }, Lang::Zh) => format!("的值“{text}”无法读取"),
        (K::NotAStory { text }, Lang::En) => format!("cannot be read ('{text}')"),
        (K::Duplicate, Lang::Zh) => "重复出现".into(),
        (K::Duplicate, Lang::En) => "appears more than once".into(),
        (K::Invalid { error }, Lang::Zh) => format!(
            "使方案无效（{}：{}）",
            field_label(&error.field, lang),
            problem_text(&error.problem, lang)
        ),
        (K::Invalid { error }, Lang::En) => format!(
            "makes the plan invalid ({}: {})",
            field_label(&error.field, lang),
            problem_text(&error.problem, lang)
        ),
        (K::Inconsistent, Lang::Zh) => "中的数值互相矛盾".into(),
        (K::Inconsistent, Lang::En) => "contradict each other".into(),
        (K::Damaged, Lang::Zh) => "与链接内容不符".into(),
        (K::Damaged, Lang::En) => "does not match the link".into(),
        (K::UnknownModel { text }, Lang::Zh) => format!("“{text}”不是本应用认得的计算口径"),
        (K::UnknownModel { text }, Lang::En) => {
            format!("'{text}' is not a model reading this app knows")
        }
        (K::NotAnActual { text }, Lang::Zh) => format!("中的“{text}”无法读取"),
        (K::NotAnActual { text }, Lang::En) => format!("holds '{text}', which cannot be read"),
        (K::UnusableActual { problem }, _) => crate::actuals::link_actual_problem(problem, lang),
    }
}

/// What was done instead, as the end of the sentence.
fn instead(fallback: Fallback, lang: Lang) -> &'static str {
    use Fallback as F;
    match (fallback, lang) {
        (F::PresetValue, Lang::Zh) => "已忽略，使用预设值",
        (F::PresetValue, Lang::En) => "ignored; the preset's value is used",
        (F::TemplateValue, Lang::Zh) => "已忽略，使用空白模板的值",
        (F::TemplateValue, Lang::En) => "ignored; the blank template's value is used",
        (F::DefaultPreset, Lang::Zh) => "已打开默认预设",
        (F::DefaultPreset, Lang::En) => "the default preset is opened",
        (F::CurrentData, Lang::Zh) => "已使用该预设的当前数据",
        (F::CurrentData, Lang::En) => "the preset's current data is used",
        (F::FirstPlanOrigin, Lang::Zh) => "已沿用第一个方案的预设",
        (F::FirstPlanOrigin, Lang::En) => "the first plan's preset is used",
        (F::FirstOccurrence, Lang::Zh) => "只使用第一次出现的值",
        (F::FirstOccurrence, Lang::En) => "only the first is used",
        (F::Dropped, Lang::Zh) => "已忽略",
        (F::Dropped, Lang::En) => "ignored",
        (F::DefaultSetting, Lang::Zh) => "已忽略，使用默认设置",
        (F::DefaultSetting, Lang::En) => "ignored; the default is used",
        (F::CurrentFormat, Lang::Zh) => "按当前版本读取",
        (F::CurrentFormat, Lang::En) => "read as the current version",
        (F::CurrentModel, Lang::Zh) => "按当前计算口径计算",
        (F::CurrentModel, Lang::En) => "computed with the current model reading",
        (F::Kept, Lang::Zh) => "按链接中尚存的内容打开",
        (F::Kept, Lang::En) => "what is left of the link is opened",
    }
}

/// One problem as a short reason, without what was done instead: for a list of links where the
/// whole link is skipped ("链接中的“h”（每年新增人才）的值“abc”不是数字").
pub fn problem_reason(problem: &LinkProblem, lang: Lang) -> String {
    match problem.kind {
        ProblemKind::Damaged => lang
            .pick(
                "链接不完整或被改动过（可能在聊天软件里被截断）",
                "the link is incomplete or was changed (a chat app may have cut it)",
            )
            .to_string(),
        ProblemKind::NotALink => lang
            .pick("没有可识别的分享链接", "no share link that can be read")
            .to_string(),
        // A link without its preset was most likely cut: say that first.
        ProblemKind::MissingOrigin => lang
            .pick(
                "链接不完整：缺少预设（“p”），可能在聊天软件里被截断",
                "the link is incomplete: its preset ('p') is missing (a chat app may have cut it)",
            )
            .to_string(),
        _ => {
            let (key, what) = (problem_key(problem, lang), what(&problem.kind, lang));
            match lang {
                Lang::Zh => format!("{key}{what}"),
                Lang::En => format!("{key} {what}"),
            }
        }
    }
}

/// The key a problem is about, as a sentence names it.
fn problem_key(problem: &LinkProblem, lang: Lang) -> String {
    if problem.key.contains(',') || problem.key.is_empty() {
        // `Inconsistent` names every key it reverted.
        match lang {
            Lang::Zh => format!("“{}”", problem.key),
            Lang::En => format!("'{}'", problem.key),
        }
    } else {
        named_key(problem.plan, &problem.key, lang)
    }
}

/// One problem as a sentence, e.g. "链接中的“h”（每年新增人才）的值“abc”不是数字，已忽略，使用预设值。"
pub fn problem_message(problem: &LinkProblem, lang: Lang) -> String {
    if problem.kind == ProblemKind::Damaged {
        return lang
            .pick(
                "这个链接不完整或被改动过（可能在聊天软件里被截断）：下面的数字按链接中尚存的内容计算，可能与分享者看到的不同。请向对方索要完整链接，或请对方发送方案文件。",
                "This link is incomplete or was changed (a chat app may have cut it): the numbers below come from what is left of it and may differ from what the sender saw. Ask for the whole link, or for the plan file.",
            )
            .to_string();
    }
    if problem.kind == ProblemKind::NotALink {
        return lang
            .pick(
                "文本中没有可识别的分享链接，已打开默认预设。",
                "The text holds no share link that can be read; the default preset is opened.",
            )
            .to_string();
    }
    let key = problem_key(problem, lang);
    let (what, instead) = (what(&problem.kind, lang), instead(problem.fallback, lang));
    match lang {
        Lang::Zh => {
            let plan = if problem.plan > 0 {
                format!("（方案{}）", problem.plan + 1)
            } else {
                String::new()
            };
            format!("链接{plan}中的{key}{what}，{instead}。")
        }
        Lang::En => {
            let plan = if problem.plan > 0 {
                format!(" (plan {})", problem.plan + 1)
            } else {
                String::new()
            };
            format!("In the link{plan}, {key} {what}; {instead}.")
        }
    }
}

/// One notice as a sentence.
pub fn notice_message(notice: &LinkNotice, lang: Lang) -> String {
    match (notice, lang) {
        (LinkNotice::NewerFormat { found, supported }, Lang::Zh) => format!(
            "此链接由更新版本的应用生成（链接格式第{found}版，本应用支持到第{supported}版），已读取能识别的内容。"
        ),
        (LinkNotice::NewerFormat { found, supported }, Lang::En) => format!(
            "This link was made by a newer version of the app (link format {found}; this app reads up to {supported}). What could be read is shown."
        ),
        (LinkNotice::OlderData(older), _) => older_data_message(older, lang),
    }
}

/// A plan made on older preset data: it keeps its numbers; what has been corrected since.
pub fn older_data_message(older: &OlderData, lang: Lang) -> String {
    let preset = preset_name(&older.slug, lang);
    let corrections: Vec<String> = older
        .corrections
        .iter()
        .map(|c| {
            let keys: Vec<String> = c
                .previous
                .keys()
                .iter()
                .map(|key| changed_key_label(key, lang))
                .collect();
            match lang {
                Lang::Zh => format!(
                    "第{}版（{}）更正了{}：{}",
                    c.version,
                    c.date,
                    keys.join("、"),
                    c.reason.trim_end_matches(['。', '.', ' '])
                ),
                Lang::En => format!(
                    "version {} ({}) corrected {}: {}",
                    c.version,
                    c.date,
                    keys.join(", "),
                    c.reason_en.trim_end_matches(['.', ' '])
                ),
            }
        })
        .collect();
    let plan = match (older.plan, lang) {
        (0, _) => String::new(),
        (n, Lang::Zh) => format!("中的方案{}", n + 1),
        (n, Lang::En) => format!(" (plan {})", n + 1),
    };
    match lang {
        Lang::Zh => format!(
            "此链接{plan}基于“{preset}”预设第{}版数据，现为第{}版；已按链接生成时的数据打开。此后{}。",
            older.made_with,
            older.current,
            corrections.join("；")
        ),
        Lang::En => format!(
            "This link{plan} was made on version {} of the {preset} preset's data; it is now at version {}. It opens with the numbers it was made with. Since then, {}.",
            older.made_with,
            older.current,
            corrections.join("; ")
        ),
    }
}

/// The name of a key a correction changed (parameter keys, `base_year`, `end_year`, `targets`).
fn changed_key_label(key: &str, lang: Lang) -> String {
    match key {
        "base_year" => lang.pick("基准年", "the base year").into(),
        "end_year" => lang.pick("规划末年", "the last year").into(),
        "targets" => lang.pick("目标", "the targets").into(),
        _ => crate::param_label(key, lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_number_names_the_key_its_meaning_and_what_was_used() {
        let problem = LinkProblem {
            plan: 0,
            key: "h".into(),
            kind: ProblemKind::NotANumber { text: "abc".into() },
            fallback: Fallback::PresetValue,
        };
        assert_eq!(
            problem_message(&problem, Lang::Zh),
            "链接中的“h”（每年新增人才）的值“abc”不是数字，已忽略，使用预设值。"
        );
        assert_eq!(
            problem_message(&problem, Lang::En),
            "In the link, 'h' (New talent) is not a number ('abc'); ignored; the preset's value is used."
        );
    }

    #[test]
    fn a_problem_in_a_compared_plan_says_which_plan() {
        let problem = LinkProblem {
            plan: 1,
            key: "h".into(),
            kind: ProblemKind::Duplicate,
            fallback: Fallback::FirstOccurrence,
        };
        assert!(problem_message(&problem, Lang::Zh).contains("方案2"));
        assert!(problem_message(&problem, Lang::En).contains("'1.h'"));
    }

    #[test]
    fn every_link_key_has_a_label() {
        let keys = LinkKey::GLOBAL
            .into_iter()
            .chain([LinkKey::RecordedStory])
            .chain(LinkKey::PLAN);
        for key in keys {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!key_label(key.code(), lang).is_empty(), "{key:?}");
            }
        }
    }
}
