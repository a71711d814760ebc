//! The fixed words of the workshop pooling screen, in both languages; the tables and the reasons
//! an entry was skipped are in `compare::pool`. A struct, as in `strings`, so a string missing in
//! one language does not compile.

use super::Lang;

pub struct PoolUi {
    pub title: &'static str,
    pub intro: &'static str,
    pub input_label: &'static str,
    pub input_hint: &'static str,
    pub load_files: &'static str,
    pub remove_files: &'static str,
    pub files_label: &'static str,
    pub run: &'static str,
    pub stale: &'static str,
    pub results_heading: &'static str,
    pub levers_heading: &'static str,
    pub no_lever_changed: &'static str,
    pub targets_heading: &'static str,
    pub no_targets: &'static str,
    pub trajectories_heading: &'static str,
    pub median: &'static str,
    pub baseline: &'static str,
    pub participants_heading: &'static str,
    pub no_lever_of_own: &'static str,
    pub rejected_heading: &'static str,
    pub count_identical: &'static str,
    pub count_identical_hint: &'static str,
    pub repeats_heading: &'static str,
    pub actions: &'static str,
    pub open: &'static str,
    pub compare: &'static str,
    pub present: &'static str,
    pub compare_full: &'static str,
}

pub const ZH: PoolUi = PoolUi {
    title: "工作坊汇总",
    intro: "粘贴学员发来的分享链接，或导入他们的方案文件，再点“汇总”：看大家怎样设置各项参数、有多少人能达成目标。全部在本机计算，不上传任何数据。",
    input_label: "学员的分享链接",
    input_hint: "每行一个链接，也可以直接粘贴整段群聊记录（微信、QQ、钉钉）：读出每条链接的发送人，同一人后发的方案代替先发的；其他文字会被忽略。记录变长了，再粘贴一次即可，结果随之更新。",
    load_files: "导入方案文件…",
    remove_files: "移除已导入的文件",
    files_label: "已导入的方案文件",
    run: "汇总",
    stale: "链接或文件已改动，点“汇总”更新结果。",
    results_heading: "汇总结果",
    levers_heading: "各项参数的设置",
    no_lever_changed: "没有学员改动任何参数。",
    targets_heading: "各项目标的达成情况",
    no_targets: "这些方案没有设定目标。",
    trajectories_heading: "逐年轨迹",
    median: "中位数",
    baseline: "基准（不作新决策）",
    participants_heading: "参与者名单",
    no_lever_of_own: "未改动参数",
    rejected_heading: "已跳过",
    count_identical: "相同的方案分别计入",
    count_identical_hint: "不勾选时，与前面相同的方案只算一次（有人重复粘贴）；若是不同学员交了相同方案（例如都没改动），请勾选。",
    repeats_heading: "相同的方案，已分别计入",
    actions: "查看",
    open: "打开",
    compare: "比较",
    present: "演示",
    compare_full: "比较已满（最多4个方案）",
};

pub const EN: PoolUi = PoolUi {
    title: "Workshop pooling",
    intro: "Paste the share links your participants sent, or load their plan files, then press Pool: see how the room set each lever and how many meet each target. Everything is computed on this computer; nothing is uploaded.",
    input_label: "Participants' share links",
    input_hint: "One link per line, or paste the whole group chat (WeChat, QQ, DingTalk): each link's sender is read from it, and a person's later plan replaces their earlier one; other text is ignored. As the chat grows, paste it again: the results follow.",
    load_files: "Load plan files…",
    remove_files: "Remove the loaded files",
    files_label: "Loaded plan files",
    run: "Pool",
    stale: "The links or files have changed: press Pool to update the results.",
    results_heading: "Results",
    levers_heading: "How the levers were set",
    no_lever_changed: "No participant changed any lever.",
    targets_heading: "How the targets fare",
    no_targets: "These plans have no targets.",
    trajectories_heading: "Year by year",
    median: "Median",
    baseline: "Baseline (no new decisions)",
    participants_heading: "Participants",
    no_lever_of_own: "no lever changed",
    rejected_heading: "Skipped",
    count_identical: "Count identical plans separately",
    count_identical_hint: "Unticked, a plan identical to an earlier one counts once (someone pasted it twice); tick it when different participants sent the same plan (say, none changed anything).",
    repeats_heading: "Identical plans, each counted",
    actions: "See",
    open: "Open",
    compare: "Compare",
    present: "Present",
    compare_full: "The comparison is full (four plans at most)",
};

pub fn pool_ui(lang: Lang) -> &'static PoolUi {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The key to the thin lines under a chart: "细线：每位参与者一条（共4条）".
pub fn participant_lines_key(participants: usize, lang: Lang) -> String {
    match (lang, participants) {
        (Lang::Zh, n) => format!("细线：每位参与者一条（共{n}条）"),
        (Lang::En, 1) => "Thin line: the one participant".to_string(),
        (Lang::En, n) => format!("Thin lines: one per participant ({n})"),
    }
}

/// A pooling chart's title: "社会工作人才总量：每位参与者与中位数".
pub fn trajectories_title(metric_label: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{metric_label}：每位参与者与中位数"),
        Lang::En => format!("{metric_label}: every participant and the median"),
    }
}

/// What a distribution's little bars say to a screen reader: the count in each bin, from the
/// smallest value to the largest. `counts` is already written out ("1 1 0 0 1").
pub fn distribution_label(bins: usize, counts: &str, lang: Lang) -> String {
    match (lang, bins) {
        (Lang::Zh, 1) => format!("分布：全部相同（{counts}人）"),
        (Lang::En, 1) => format!("Distribution: all the same ({counts})"),
        (Lang::Zh, n) => format!(
            "分布：从最小值到最大值分为{n}组，各组人数 {}",
            counts.replace(' ', "、")
        ),
        (Lang::En, n) => format!(
            "Distribution in {n} bins from the smallest to the largest value, participants per bin: {}",
            counts.replace(' ', ", ")
        ),
    }
}

/// One bin of a distribution, as a tooltip: "1.5万–1.6万：2人" / "15,000–16,000: 2".
pub fn bin_tooltip(from: &str, to: &str, count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{from}–{to}：{count}人"),
        Lang::En => format!("{from}–{to}: {count}"),
    }
}

/// "参与者名单（4人）" / "Participants (4)".
pub fn participants_summary(participants: usize, lang: Lang) -> String {
    counted(pool_ui(lang).participants_heading, participants, "人", lang)
}

/// "已跳过（2条）" / "Skipped (2)".
pub fn rejected_summary(rejected: usize, lang: Lang) -> String {
    counted(pool_ui(lang).rejected_heading, rejected, "条", lang)
}

/// A heading with how many it holds; Chinese names the unit of what is counted.
fn counted(heading: &str, count: usize, unit_zh: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{heading}（{count}{unit_zh}）"),
        Lang::En => format!("{heading} ({count})"),
    }
}

/// A file that was read: "a.json：3个方案（导入的第1–3个方案）" / "a.json: 3 plans (imported
/// plans 1–3)"; "b.json：没有可用的方案" / "b.json: no usable plan".
pub fn file_plans(name: &str, plans: usize, first: usize, lang: Lang) -> String {
    let last = first + plans.saturating_sub(1);
    match (lang, plans) {
        (Lang::Zh, 0) => format!("{name}：没有可用的方案"),
        (Lang::En, 0) => format!("{name}: no usable plan"),
        (Lang::Zh, 1) => format!("{name}：1个方案（导入的第{first}个方案）"),
        (Lang::En, 1) => format!("{name}: 1 plan (imported plan {first})"),
        (Lang::Zh, n) => format!("{name}：{n}个方案（导入的第{first}–{last}个方案）"),
        (Lang::En, n) => format!("{name}: {n} plans (imported plans {first}–{last})"),
    }
}

/// A file that could not be read, with why: "b.json：这不是本应用的方案文件…".
pub fn file_failed(name: &str, message: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{name}：{message}"),
        Lang::En => format!("{name}: {message}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_distribution_reads_its_counts_in_order() {
        assert_eq!(
            distribution_label(5, "1 1 0 0 2", Lang::Zh),
            "分布：从最小值到最大值分为5组，各组人数 1、1、0、0、2"
        );
        assert_eq!(
            distribution_label(1, "4", Lang::En),
            "Distribution: all the same (4)"
        );
    }

    #[test]
    fn a_file_names_the_plan_numbers_it_gave() {
        assert_eq!(
            file_plans("a.json", 3, 1, Lang::Zh),
            "a.json：3个方案（导入的第1–3个方案）"
        );
        assert_eq!(
            file_plans("b.json", 1, 4, Lang::En),
            "b.json: 1 plan (imported plan 4)"
        );
    }
}
