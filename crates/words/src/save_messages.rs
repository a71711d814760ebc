//! Why a saved file or one of its plans could not be opened, in Chinese and English.

use crate::data_messages::data_problem_message;
use crate::messages::validation_messages;
use crate::Lang;
use swplan_engine::montecarlo::RUNS_RANGE;
use swplan_plans::share::save::{PlanProblem, RejectedPlan, SaveError, FORMAT_TAG};

/// Why the whole file was refused.
pub fn save_error_message(error: &SaveError, lang: Lang) -> String {
    match (error, lang) {
        (SaveError::NotJson(problem), Lang::Zh) => {
            format!("文件不是有效的方案文件：{}。", data_problem_message(problem, lang))
        }
        (SaveError::NotJson(problem), Lang::En) => format!(
            "The file is not a valid plan file: {}.",
            data_problem_message(problem, lang)
        ),
        (SaveError::Foreign { found: Some(tag) }, Lang::Zh) => {
            format!("这不是本应用的方案文件（文件类型为“{tag}”，应为“{FORMAT_TAG}”）。")
        }
        (SaveError::Foreign { found: Some(tag) }, Lang::En) => format!(
            "This is not a plan file of this app (its type is '{tag}', expected '{FORMAT_TAG}')."
        ),
        (SaveError::Foreign { found: None }, Lang::Zh) => {
            format!("这不是本应用的方案文件（缺少文件类型“{FORMAT_TAG}”）。")
        }
        (SaveError::Foreign { found: None }, Lang::En) => {
            format!("This is not a plan file of this app (it lacks the type '{FORMAT_TAG}').")
        }
        (SaveError::NoVersion, Lang::Zh) => "方案文件缺少版本号，无法读取。".into(),
        (SaveError::NoVersion, Lang::En) => {
            "The plan file has no version number and cannot be read.".into()
        }
        (SaveError::NewerVersion { found, supported }, Lang::Zh) => format!(
            "此文件由更新版本的应用保存（文件格式第{found}版，本应用支持到第{supported}版），请使用新版应用打开。"
        ),
        (SaveError::NewerVersion { found, supported }, Lang::En) => format!(
            "This file was saved by a newer version of the app (file format {found}; this app reads up to {supported}). Open it with the newer app."
        ),
        (SaveError::Migration { from, detail }, Lang::Zh) => {
            format!("无法升级第{from}版的方案文件：{detail}。")
        }
        (SaveError::Migration { from, detail }, Lang::En) => {
            format!("A plan file of version {from} cannot be upgraded: {detail}.")
        }
        (SaveError::NoPlans, Lang::Zh) => "方案文件中没有方案列表（“plans”缺失或格式有误）。".into(),
        (SaveError::NoPlans, Lang::En) => {
            "The plan file holds no list of plans ('plans' is missing or malformed).".into()
        }
        (SaveError::Unreadable, Lang::Zh) => {
            "浏览器无法读取这个文件（可能已被移走，或没有读取权限）。请重新选择文件。".into()
        }
        (SaveError::Unreadable, Lang::En) => {
            "The browser could not read this file (it may have been moved, or may not be readable). Choose it again."
                .into()
        }
    }
}

/// Why one plan of a file was not kept, naming the plan.
pub fn rejected_plan_message(rejected: &RejectedPlan, lang: Lang) -> String {
    let which = match (&rejected.name, lang) {
        (Some(name), Lang::Zh) => format!("第{}个方案“{name}”", rejected.index + 1),
        (Some(name), Lang::En) => format!("Plan {} ('{name}')", rejected.index + 1),
        (None, Lang::Zh) => format!("第{}个方案", rejected.index + 1),
        (None, Lang::En) => format!("Plan {}", rejected.index + 1),
    };
    let (min, max) = RUNS_RANGE;
    match (&rejected.problem, lang) {
        (PlanProblem::NotAnObject, Lang::Zh) => format!("{which}格式有误（不是一个方案），未导入。"),
        (PlanProblem::NotAnObject, Lang::En) => {
            format!("{which} is malformed (not a plan) and was not imported.")
        }
        (PlanProblem::Malformed(problem), Lang::Zh) => format!(
            "{which}格式有误，未导入：{}。",
            data_problem_message(problem, lang)
        ),
        (PlanProblem::Malformed(problem), Lang::En) => format!(
            "{which} is malformed and was not imported: {}.",
            data_problem_message(problem, lang)
        ),
        (PlanProblem::Invalid(errors), Lang::Zh) => format!(
            "{which}含有无效数值，未导入：\n{}",
            validation_messages(errors, lang)
        ),
        (PlanProblem::Invalid(errors), Lang::En) => format!(
            "{which} has invalid values and was not imported:\n{}",
            validation_messages(errors, lang)
        ),
        (PlanProblem::RunsOutOfRange { runs }, Lang::Zh) => {
            format!("{which}的模拟次数{runs}不在{min}到{max}之间，未导入。")
        }
        (PlanProblem::RunsOutOfRange { runs }, Lang::En) => format!(
            "{which} asks for {runs} Monte Carlo runs, not between {min} and {max}, and was not imported."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_plans::presets;
    use swplan_plans::share::save::{from_json, to_json, SavedPlan};
    use swplan_plans::share::{Origin, PlanSpec};

    /// A plan file of one plan named 稳步增长, with `change` made to its JSON.
    fn file_with(change: impl FnOnce(&mut serde_json::Value)) -> String {
        let plan = PlanSpec {
            name: Some("稳步增长".into()),
            origin: Origin::Preset {
                slug: "yunnan".into(),
                data_version: presets::default_preset().data_version,
            },
            scenario: presets::default_preset().scenario.clone(),
            mc: Default::default(),
        };
        let mut file: serde_json::Value =
            serde_json::from_str(&to_json(&[SavedPlan::new("a", plan, "t", "t")])).unwrap();
        change(&mut file["plans"][0]);
        file.to_string()
    }

    fn rejected(text: &str, lang: Lang) -> String {
        let imported = from_json(text).unwrap();
        rejected_plan_message(&imported.rejected[0], lang)
    }

    #[test]
    fn a_plan_with_text_for_a_yearly_lever_names_the_plan_and_the_lever() {
        let text = file_with(|plan| plan["scenario"]["levers"]["hires"] = "很多".into());
        assert_eq!(
            rejected(&text, Lang::Zh),
            "第1个方案“稳步增长”格式有误，未导入：“每年新增人才”应为一个数字、逐年数字的列表，或起始值加年增长率。"
        );
    }

    #[test]
    fn a_plan_missing_a_lever_names_it_in_the_users_language() {
        let text = file_with(|plan| {
            plan["scenario"]["levers"]
                .as_object_mut()
                .unwrap()
                .remove("hires");
        });
        assert_eq!(
            rejected(&text, Lang::Zh),
            "第1个方案“稳步增长”格式有误，未导入：缺少“每年新增人才”。"
        );
        let en = rejected(&text, Lang::En);
        assert!(en.starts_with("Plan 1 ('稳步增长') is malformed"), "{en}");
        assert!(!en.contains('`'), "{en}");
    }

    #[test]
    fn a_file_cut_short_says_so_without_the_parsers_words() {
        let text = file_with(|_| {});
        let cut = &text[..text.find("levers").unwrap()];
        let error = from_json(cut).unwrap_err();
        let zh = save_error_message(&error, Lang::Zh);
        assert_eq!(
            zh,
            "文件不是有效的方案文件：内容在结尾前中断了（可能在复制、下载或保存时被截断）。"
        );
        assert!(!save_error_message(&error, Lang::En).contains("EOF"));
    }

    #[test]
    fn a_file_that_is_not_json_says_so() {
        let error = from_json("这是一个普通的文本文件").unwrap_err();
        assert_eq!(
            save_error_message(&error, Lang::Zh),
            "文件不是有效的方案文件：内容不是本应用能读取的数据（可能是另一种文件）。"
        );
    }
}
