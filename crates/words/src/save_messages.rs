//! Why a saved file or one of its plans could not be opened, in Chinese and English.

use crate::messages::validation_messages;
use crate::Lang;
use swplan_engine::montecarlo::RUNS_RANGE;
use swplan_plans::share::save::{PlanProblem, RejectedPlan, SaveError, FORMAT_TAG};

/// Why the whole file was refused.
pub fn save_error_message(error: &SaveError, lang: Lang) -> String {
    match (error, lang) {
        (SaveError::NotJson { detail }, Lang::Zh) => {
            format!("文件不是有效的方案文件（JSON格式有误，可能已损坏或被截断：{detail}）。")
        }
        (SaveError::NotJson { detail }, Lang::En) => format!(
            "The file is not a valid plan file (its JSON is malformed, perhaps damaged or cut short: {detail})."
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
        (PlanProblem::Malformed { detail }, Lang::Zh) => {
            format!("{which}格式有误，未导入：{detail}")
        }
        (PlanProblem::Malformed { detail }, Lang::En) => {
            format!("{which} is malformed and was not imported: {detail}")
        }
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
