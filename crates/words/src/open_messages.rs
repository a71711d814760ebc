//! Why a file, a preset name or a link could not be opened, and what opening one left out, in
//! Chinese and English.

use crate::data_messages::data_problem_message;
use crate::messages::validation_messages;
use crate::{save_messages, share_messages, Lang};
use swplan_plans::presets::{self, LoadError};
use swplan_plans::share::open::{OpenError, OpenWarning};

/// Why a scenario could not be loaded, as a sentence.
pub fn load_error_message(error: &LoadError, lang: Lang) -> String {
    {
        match (error, lang) {
            (LoadError::Io { path, reason }, Lang::Zh) => {
                format!("无法读取方案文件“{path}”：{reason}")
            }
            (LoadError::Io { path, reason }, Lang::En) => {
                format!("Cannot read the scenario file '{path}': {reason}")
            }
            (LoadError::Syntax(problem), Lang::Zh) => {
                format!(
                    "方案文件格式有误：{}。",
                    data_problem_message(problem, lang)
                )
            }
            (LoadError::Syntax(problem), Lang::En) => format!(
                "The scenario file is malformed: {}.",
                data_problem_message(problem, lang)
            ),
            (LoadError::Invalid(errors), Lang::Zh) => {
                format!("方案中有无效数值：\n{}", validation_messages(errors, lang))
            }
            (LoadError::Invalid(errors), Lang::En) => {
                format!(
                    "The scenario has invalid values:\n{}",
                    validation_messages(errors, lang)
                )
            }
        }
    }
}

/// A warning as a sentence.
pub fn warning_message(warning: &OpenWarning, lang: Lang) -> String {
    match warning {
        OpenWarning::LinkProblem(problem) => share_messages::problem_message(problem, lang),
        OpenWarning::LinkNotice(notice) => share_messages::notice_message(notice, lang),
        OpenWarning::Rejected(rejected) => save_messages::rejected_plan_message(rejected, lang),
        OpenWarning::OlderData(older) => share_messages::older_data_message(older, lang),
    }
}

/// Why nothing could be opened, as a sentence.
pub fn error_message(error: &OpenError, lang: Lang) -> String {
    match error {
        OpenError::Scenario(error) => load_error_message(error, lang),
        OpenError::Save(error) => save_messages::save_error_message(error, lang),
        OpenError::NoUsablePlan { rejected } => {
            let mut lines = vec![lang
                .pick("文件中没有可用的方案。", "The file holds no usable plan.")
                .to_string()];
            lines.extend(
                rejected
                    .iter()
                    .map(|r| save_messages::rejected_plan_message(r, lang)),
            );
            lines.join("\n")
        }
        OpenError::UnknownName { name } => {
            let slugs: Vec<&str> = presets::all().iter().map(|p| p.slug).collect();
            match lang {
                Lang::Zh => format!(
                    "找不到方案文件、预设或链接“{name}”。内置预设：{}（新建地区用 new）",
                    slugs.join(", ")
                ),
                Lang::En => format!(
                    "No scenario file, preset or link named '{name}'. Presets: {} (new for a new region)",
                    slugs.join(", ")
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_plans::share::open::open_name;

    #[test]
    fn an_unknown_name_lists_the_presets() {
        let error = open_name("atlantis").unwrap_err();
        assert!(error_message(&error, Lang::En).contains("yunnan"));
        assert!(error_message(&error, Lang::Zh).contains("atlantis"));
    }
}
