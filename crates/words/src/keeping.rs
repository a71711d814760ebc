//! What the page says about keeping the planner's work, in Chinese and English: plans kept
//! aside when another plan replaced them, stored data set aside because it could not be read,
//! an address that is not a link, a file's plans already in the saves and what an import did,
//! and the saved plan on screen.

use crate::data_messages::data_problem_message;
use crate::save_messages::{rejected_plan_message, save_error_message};
use crate::Lang;
use swplan_plans::presets;
use swplan_plans::share::save::{SaveError, SavedPlan};
use swplan_plans::state::{
    ImportReport, Library, PendingImport, ShownInstead, StoredEntry, Unreadable,
};

/// The fixed texts.
pub struct KeepingText {
    pub kept_heading: &'static str,
    pub kept_help: &'static str,
    pub restore: &'static str,
    pub remove: &'static str,
    pub download_set_aside: &'static str,
    pub set_aside_heading: &'static str,
    pub set_aside_help: &'static str,
    pub delete_set_aside: &'static str,
    pub import_skip: &'static str,
    pub import_keep_both: &'static str,
    pub import_replace: &'static str,
    pub plan_name_label: &'static str,
}

const ZH: KeepingText = KeepingText {
    kept_heading: "您编辑过的方案已保留",
    kept_help: "打开链接或其他方案时，被替换下来的、您编辑过但未保存的方案保留在这里（只存于本浏览器），直到您恢复或移除它。",
    restore: "恢复",
    remove: "移除",
    download_set_aside: "下载无法读取的数据",
    set_aside_heading: "另存的无法读取的数据",
    set_aside_help: "这些数据无法读取，已原样另存在本浏览器中，没有删除。可以下载后交给技术支持恢复；其中仍可读取的方案可用“导入方案文件…”导入。",
    delete_set_aside: "删除（无法恢复）",
    import_skip: "跳过这些方案",
    import_keep_both: "两个都保留",
    import_replace: "用文件中的替换",
    plan_name_label: "方案",
};

const EN: KeepingText = KeepingText {
    kept_heading: "Plans you edited are kept",
    kept_help: "When a link or another plan replaces a plan you edited and did not save, it is kept here (in this browser only) until you bring it back or remove it.",
    restore: "Bring back",
    remove: "Remove",
    download_set_aside: "Download the unreadable data",
    set_aside_heading: "Unreadable data kept aside",
    set_aside_help: "This data could not be read. It is kept in this browser as it was, not deleted: download it for technical support to recover; plans in it that can still be read can be imported with “Import a plan file…”.",
    delete_set_aside: "Delete (cannot be undone)",
    import_skip: "Skip them",
    import_keep_both: "Keep both",
    import_replace: "Replace with the file’s",
    plan_name_label: "Plan",
};

pub fn keeping_text(lang: Lang) -> &'static KeepingText {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A plan's region, then its name when it has one: "云南省 · 稳步增长".
fn region_and_name(plan: &SavedPlan, lang: Lang) -> String {
    let region = lang.pick(&plan.scenario.name.zh, &plan.scenario.name.en);
    match plan.name.as_deref() {
        Some(name) if name != region => format!("{region} · {name}"),
        _ => region.to_string(),
    }
}

/// One plan kept aside: its region, name and when it was replaced (`time`, local).
pub fn kept_row(kept: &SavedPlan, time: &str, lang: Lang) -> String {
    let what = region_and_name(kept, lang);
    match lang {
        Lang::Zh => format!("{what} · {time} 被替换"),
        Lang::En => format!("{what} · replaced {time}"),
    }
}

/// How many plans are kept aside, beside the heading of their box when it is folded to one
/// line: "（2）".
pub fn kept_count(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（{count}）"),
        Lang::En => format!(" ({count})"),
    }
}

/// The address was not a link this app can read: what is shown instead, and where the plans
/// the planner edited are when they are kept aside (`kept`).
pub fn link_unreadable(shown: &ShownInstead, kept: bool, lang: Lang) -> String {
    let opening = lang.pick(
        "地址中的链接无法读取：它不是本应用的分享链接，或在传递中损坏了，所以没有从中打开任何内容。",
        "The link in the address could not be read: it is not a link of this app, or it was damaged on the way, so nothing was opened from it. ",
    );
    let shown = match (shown, lang) {
        (ShownInstead::Work, Lang::Zh) => {
            "现在显示的是您正在编辑的方案，含您未保存的修改。".to_string()
        }
        (ShownInstead::Work, Lang::En) => {
            "This is the plan you were working on, with your unsaved changes.".to_string()
        }
        (ShownInstead::LastShown { name, region }, _) => {
            let region = lang.pick(&region.zh, &region.en);
            let what = match name.as_deref() {
                Some(name) if name != region => match lang {
                    Lang::Zh => format!("{region}的“{name}”"),
                    Lang::En => format!("“{name}” ({region})"),
                },
                _ => region.to_string(),
            };
            match lang {
                Lang::Zh => format!("现在显示的是上次显示的方案：{what}，没有未保存的修改。"),
                Lang::En => {
                    format!("This is the plan last on screen: {what}, with no unsaved change.")
                }
            }
        }
        (ShownInstead::DefaultPreset, _) => {
            let default = &presets::default_preset().scenario.name;
            match lang {
                Lang::Zh => format!("现在显示的是默认的{}方案。", default.zh),
                Lang::En => format!("This is the default plan ({}).", default.en),
            }
        }
    };
    let text = keeping_text(lang);
    let kept = match (kept, lang) {
        (false, _) => String::new(),
        (true, Lang::Zh) => format!(
            "您编辑过的方案没有丢失：它们在“{}”中，点“{}”即可找回。",
            text.kept_heading, text.restore
        ),
        (true, Lang::En) => format!(
            " The plans you edited are not lost: they are under “{}”; “{}” brings one back.",
            text.kept_heading, text.restore
        ),
    };
    format!("{opening}{shown}{kept}")
}

/// Stored data found unreadable: what happened to the list, why, and that nothing was
/// deleted — never the storage key.
pub fn set_aside_notice(
    entry: StoredEntry,
    unreadable: &Unreadable,
    lang: Lang,
) -> (String, Vec<String>) {
    let heading = match (entry, unreadable, lang) {
        (StoredEntry::Saves, Unreadable::Whole(_), Lang::Zh) => {
            "“我的方案”中保存的数据无法读取，所以列表暂时是空的。".to_string()
        }
        (StoredEntry::Saves, Unreadable::Whole(_), Lang::En) => {
            "The data of “Saved plans” could not be read, so the list is empty for now.".into()
        }
        (StoredEntry::Saves, Unreadable::Plans { rejected, readable }, Lang::Zh) => format!(
            "“我的方案”中有{}个方案无法读取；其余{readable}个照常列出。",
            rejected.len()
        ),
        (StoredEntry::Saves, Unreadable::Plans { rejected, readable }, Lang::En) => format!(
            "{} plan(s) in “Saved plans” could not be read; the other {readable} are listed as before.",
            rejected.len()
        ),
        (StoredEntry::Autosave, _, Lang::Zh) => {
            "您上次正在编辑的方案无法读取，所以打开的是默认方案。".into()
        }
        (StoredEntry::Autosave, _, Lang::En) => {
            "The plan you were last working on could not be read, so the default plan is open."
                .into()
        }
        (StoredEntry::Kept, _, Lang::Zh) => {
            "保留的、您编辑过的方案中有数据无法读取，所以没有列出。".into()
        }
        (StoredEntry::Kept, _, Lang::En) => {
            "Some of the plans kept for you could not be read, so they are not listed.".into()
        }
    };
    let mut details: Vec<String> = match unreadable {
        Unreadable::Whole(SaveError::NotJson(problem)) => vec![match lang {
            Lang::Zh => format!("原因：{}。", data_problem_message(problem, lang)),
            Lang::En => format!("Why: {}.", data_problem_message(problem, lang)),
        }],
        Unreadable::Whole(error) => vec![save_error_message(error, lang)],
        Unreadable::Plans { rejected, .. } => rejected
            .iter()
            .map(|r| rejected_plan_message(r, lang))
            .collect(),
    };
    details.push(
        lang.pick(
            "没有删除任何数据：原来的数据已原样另存在本浏览器中。可以点“下载无法读取的数据”交给技术支持恢复；它也一直列在“我的方案”里，直到您删除它。",
            "Nothing was deleted: the original data is kept in this browser as it was. “Download the unreadable data” to hand it to technical support; it also stays listed in “Saved plans” until you delete it.",
        )
        .to_string(),
    );
    (heading, details)
}

/// A copy of unreadable data in the saves dialog: what it was and when it was set aside.
pub fn set_aside_row(entry: StoredEntry, time: &str, lang: Lang) -> String {
    let what = match (entry, lang) {
        (StoredEntry::Saves, Lang::Zh) => "“我的方案”的数据",
        (StoredEntry::Saves, Lang::En) => "The data of “Saved plans”",
        (StoredEntry::Autosave, Lang::Zh) => "上次编辑的方案",
        (StoredEntry::Autosave, Lang::En) => "The plan last worked on",
        (StoredEntry::Kept, Lang::Zh) => "保留的方案",
        (StoredEntry::Kept, Lang::En) => "The plans kept for you",
    };
    match lang {
        Lang::Zh => format!("{what} · {time} 另存"),
        Lang::En => format!("{what} · set aside {time}"),
    }
}

/// Quoted titles joined: “A”、“B” / “A”, “B”.
fn titles(plans: &[SavedPlan], lang: Lang) -> String {
    let quoted: Vec<String> = plans
        .iter()
        .map(|p| format!("“{}”", p.title(lang)))
        .collect();
    quoted.join(lang.pick("、", ", "))
}

/// A file's plans already in the saves: the question, and one line per plan.
pub fn import_question(
    pending: &PendingImport,
    library: &Library,
    lang: Lang,
) -> (String, Vec<String>) {
    let count = pending.duplicates.len();
    let heading = match lang {
        Lang::Zh => format!("文件中有{count}个方案已在“我的方案”中。要怎样处理它们？"),
        Lang::En => format!(
            "{count} plan(s) of the file are already in “Saved plans”. What should happen to them?"
        ),
    };
    let lines = pending
        .duplicates
        .iter()
        .filter_map(|duplicate| {
            let plan = pending.plans.get(duplicate.index)?;
            let existing = library
                .get(&duplicate.existing)
                .map_or_else(|| plan.title(lang), |save| save.title(lang));
            let title = plan.title(lang);
            Some(match (duplicate.same_numbers, title == existing, lang) {
                (true, true, Lang::Zh) => format!("“{title}”：与已有的完全相同"),
                (true, true, Lang::En) => format!("“{title}”: the same as the one in the list"),
                (true, false, Lang::Zh) => {
                    format!("“{title}”：与已有的“{existing}”数字相同，名称不同")
                }
                (true, false, Lang::En) => format!(
                    "“{title}”: the same numbers as “{existing}” in the list, another name"
                ),
                (false, _, Lang::Zh) => {
                    format!("“{title}”：与已有的“{existing}”同名或同源，但数字不同")
                }
                (false, _, Lang::En) => format!(
                    "“{title}”: the same name or save as “{existing}” in the list, but other numbers"
                ),
            })
        })
        .collect();
    (heading, lines)
}

/// What an import did, one sentence per kind of outcome, then each plan that was refused.
pub fn import_report(report: &ImportReport, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    let mut said = |plans: &[SavedPlan], zh: &str, en: &str| {
        if !plans.is_empty() {
            let n = plans.len();
            let names = titles(plans, lang);
            lines.push(match lang {
                Lang::Zh => format!("{zh}{n}个方案：{names}。"),
                Lang::En => format!("{en} {n} plan(s): {names}."),
            });
        }
    };
    said(&report.added, "已导入", "Imported");
    said(&report.replaced, "已替换", "Replaced");
    said(&report.skipped, "已跳过已有的", "Skipped, already there,");
    if report.added.is_empty() && report.replaced.is_empty() && report.skipped.is_empty() {
        lines.push(
            lang.pick("没有导入任何方案。", "No plan was imported.")
                .to_string(),
        );
    }
    lines.extend(
        report
            .rejected
            .iter()
            .map(|r| rejected_plan_message(r, lang)),
    );
    lines
}

/// The plan on the main screen: its name, and whether it has changes its save does not have.
pub fn plan_on_screen(name: &str, unsaved: Option<bool>, lang: Lang) -> String {
    let label = keeping_text(lang).plan_name_label;
    match (unsaved, lang) {
        (Some(true), Lang::Zh) => format!("{label}“{name}”（有未保存的修改）"),
        (Some(true), Lang::En) => format!("{label} “{name}” (unsaved changes)"),
        (Some(false), Lang::Zh) => format!("{label}“{name}”（已保存）"),
        (Some(false), Lang::En) => format!("{label} “{name}” (saved)"),
        (None, Lang::Zh) => format!("{label}“{name}”"),
        (None, Lang::En) => format!("{label} “{name}”"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_plans::share::save::{PlanProblem, RejectedPlan};

    #[test]
    fn corrupted_storage_is_explained_without_its_key() {
        let (heading, details) = set_aside_notice(
            StoredEntry::Saves,
            &Unreadable::Whole(SaveError::NotJson(
                swplan_plans::data_problem::DataProblem::Truncated,
            )),
            Lang::Zh,
        );
        assert_eq!(
            heading,
            "“我的方案”中保存的数据无法读取，所以列表暂时是空的。"
        );
        let all = details.join("\n");
        assert!(all.contains("没有删除任何数据"), "{all}");
        assert!(all.contains("下载"), "{all}");
        assert!(!all.contains("swplan."), "{all}");
    }

    #[test]
    fn unreadable_plans_among_readable_ones_are_counted_and_named() {
        let unreadable = Unreadable::Plans {
            rejected: vec![RejectedPlan {
                index: 1,
                name: Some("坏方案".into()),
                problem: PlanProblem::NotAnObject,
            }],
            readable: 3,
        };
        let (heading, details) = set_aside_notice(StoredEntry::Saves, &unreadable, Lang::En);
        assert_eq!(
            heading,
            "1 plan(s) in “Saved plans” could not be read; the other 3 are listed as before."
        );
        assert!(details[0].contains("坏方案"));
    }

    #[test]
    fn the_folded_kept_box_counts_its_plans() {
        assert_eq!(kept_count(2, Lang::Zh), "（2）");
        assert_eq!(kept_count(1, Lang::En), " (1)");
    }

    #[test]
    fn an_unreadable_address_names_what_is_shown_instead() {
        let work = link_unreadable(&ShownInstead::Work, false, Lang::Zh);
        assert!(
            work.ends_with("现在显示的是您正在编辑的方案，含您未保存的修改。"),
            "{work}"
        );
        let default = link_unreadable(&ShownInstead::DefaultPreset, false, Lang::Zh);
        assert!(default.contains("默认的云南省方案"), "{default}");
        assert!(!default.contains("编辑"), "{default}");
        assert!(
            link_unreadable(&ShownInstead::DefaultPreset, false, Lang::En)
                .contains("could not be read")
        );
    }

    #[test]
    fn an_unreadable_address_over_an_unedited_plan_does_not_call_it_the_planners_edits() {
        // The reviewer's sequence: Yunnan edited, a link to no preset (the edits kept aside,
        // the unedited preset on screen), then an unreadable address.
        let shown = ShownInstead::LastShown {
            name: None,
            region: presets::default_preset().scenario.name.clone(),
        };
        let zh = link_unreadable(&shown, true, Lang::Zh);
        assert!(!zh.contains("上次编辑的方案"), "{zh}");
        assert!(
            zh.contains("现在显示的是上次显示的方案：云南省，没有未保存的修改。"),
            "{zh}"
        );
        assert!(
            zh.ends_with(
                "您编辑过的方案没有丢失：它们在“您编辑过的方案已保留”中，点“恢复”即可找回。"
            ),
            "{zh}"
        );
        let en = link_unreadable(&shown, true, Lang::En);
        assert!(
            en.contains("This is the plan last on screen: Yunnan"),
            "{en}"
        );
        assert!(en.ends_with("“Bring back” brings one back."), "{en}");
        // Without plans kept aside, nothing is said of them.
        assert!(!link_unreadable(&shown, false, Lang::Zh).contains("恢复"));
        // A save on screen is named with its region.
        let save = ShownInstead::LastShown {
            name: Some("稳步增长".into()),
            region: presets::default_preset().scenario.name.clone(),
        };
        assert!(link_unreadable(&save, false, Lang::Zh).contains("云南省的“稳步增长”"));
    }

    #[test]
    fn the_plan_on_screen_says_whether_its_save_is_up_to_date() {
        assert_eq!(
            plan_on_screen("稳步增长", Some(true), Lang::Zh),
            "方案“稳步增长”（有未保存的修改）"
        );
        assert_eq!(plan_on_screen("Steady", None, Lang::En), "Plan “Steady”");
    }
}
