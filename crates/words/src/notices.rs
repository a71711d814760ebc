//! What the page tells the planner that is not about one field — a notice (storage, links,
//! imports, stories) and the undo offered after a destructive edit — in words.

use crate::strings::strings;
use crate::Lang;

/// A notice as a sentence, and its details one per line (what a link could not give, which
/// plans a file could not keep).
pub fn notice_text(notice: &swplan_plans::state::Notice, lang: Lang) -> (String, Vec<String>) {
    use crate::share_messages::{notice_message, problem_message};
    use swplan_plans::state::Notice;
    let text = strings(lang);
    match notice {
        Notice::StorageFailed => (text.storage_failed.to_string(), vec![]),
        Notice::StorageUnavailable => (text.storage_unavailable.to_string(), vec![]),
        Notice::StorageSetAside {
            entry, unreadable, ..
        } => crate::keeping::set_aside_notice(*entry, unreadable, lang),
        Notice::LinkUnreadable { shown, kept } => {
            (crate::keeping::link_unreadable(shown, *kept, lang), vec![])
        }
        Notice::LinkOpened { problems, notices } => {
            let heading = if problems.is_empty() {
                text.link_opened_with_notes
            } else {
                text.link_opened_with_problems
            };
            let details = notices
                .iter()
                .map(|n| notice_message(n, lang))
                .chain(problems.iter().map(|p| problem_message(p, lang)))
                .collect();
            (heading.to_string(), details)
        }
        Notice::OlderModel => (
            lang.pick(
                "这个方案是按旧的计算口径做的：计划中安排的社工站、社工室都算作当年建成。为了与当初的数字一致，它仍按旧口径显示。",
                "This plan was made with the earlier reading of the model: every station and room scheduled counted as finished in its year. It still shows the numbers it was made with.",
            )
            .to_string(),
            vec![lang
                .pick(
                    "现在的口径按预期完成率计算（未当年建成的部分顺延一年），计划线与模拟区间、达成概率一致。",
                    "The current reading applies the expected completion (what is not finished in its year follows the next), so the plan line agrees with its band and its odds.",
                )
                .to_string()],
        ),
        Notice::StoryRecorded { steps } => (
            match lang {
                Lang::Zh => format!("录制的故事（{steps}步）已加入“培训故事”列表，但只在本次打开期间有效：请用“导出故事文件”或“生成故事链接”保存。"),
                Lang::En => format!("The recorded story ({steps} steps) is in the “Stories” list for this visit only: keep it with “Export story file” or “Make a story link”."),
            },
            vec![],
        ),
        Notice::StoryLinkBroken(error) => (
            crate::story::story_error_message(error, lang),
            vec![],
        ),
    }
}

/// The last destructive edit, offered for undo.
pub fn undo_hint_text(hint: &swplan_plans::state::UndoHint, lang: Lang) -> String {
    use swplan_plans::state::UndoHint;
    match (hint, lang) {
        (UndoHint::ScheduleReplaced { key }, Lang::Zh) => {
            format!(
                "已把“{}”的逐年设置替换为每年相同的值。",
                super::param_label(key, lang)
            )
        }
        (UndoHint::ScheduleReplaced { key }, Lang::En) => format!(
            "The yearly schedule of “{}” was replaced by one value for every year.",
            super::param_label(key, lang)
        ),
        (UndoHint::TargetRemoved { metric }, Lang::Zh) => {
            format!("已删除目标“{}”。", super::metric_label(*metric, lang))
        }
        (UndoHint::TargetRemoved { metric }, Lang::En) => format!(
            "The target “{}” was removed.",
            super::metric_label(*metric, lang)
        ),
        (UndoHint::SaveDeleted { save, .. }, Lang::Zh) => format!(
            "已删除保存的方案“{}”。",
            save.name.as_deref().unwrap_or("未命名方案")
        ),
        (UndoHint::SaveDeleted { save, .. }, Lang::En) => format!(
            "The saved plan “{}” was deleted.",
            save.name.as_deref().unwrap_or("Untitled plan")
        ),
        (UndoHint::PlanRemoved { .. }, Lang::Zh) => "已从对比中移除一个方案。".to_string(),
        (UndoHint::PlanRemoved { .. }, Lang::En) => {
            "A plan was removed from the comparison.".to_string()
        }
        (UndoHint::StartedOver, Lang::Zh) => "已换用新的起点，之前的修改可撤销找回。".to_string(),
        (UndoHint::StartedOver, Lang::En) => {
            "Started over from a new starting point; undo brings back the previous plan."
                .to_string()
        }
        (UndoHint::OpenedOver { name, region }, Lang::Zh) => {
            let title = name.as_deref().unwrap_or(&region.zh);
            format!("已打开“{title}”；之前未保存的修改可点“撤销”找回。")
        }
        (UndoHint::OpenedOver { name, region }, Lang::En) => {
            let title = name.as_deref().unwrap_or(&region.en);
            format!("Opened “{title}”; Undo brings back the changes that were not saved.")
        }
        (UndoHint::StoryLeft, Lang::Zh) => {
            "已回到打开故事之前的方案；要保留故事里的方案，请点“撤销”。".to_string()
        }
        (UndoHint::StoryLeft, Lang::En) => {
            "Back to the plan from before the story; to keep the story's plan, press Undo."
                .to_string()
        }
    }
}
