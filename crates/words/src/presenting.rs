//! The words of presenting to a room: the presenter's compact target cards, its hints for a
//! keyboard or a touch screen, the workshop result on the projector, the trainer's recorded
//! stories and the printed handout of a story. A struct, as in `strings`, so a string missing in
//! one language does not compile.

use super::messages::metric_value;
use super::Lang;
use swplan_engine::asof::AsOf;
use swplan_engine::Goal;

pub struct Presenting {
    /// The keys, for a trainer at a keyboard or with a clicker.
    pub keys_hint: &'static str,
    /// The same on a touch screen (a phone that opened a story link has no keys).
    pub touch_hint: &'static str,
    pub reveal_hint_touch: &'static str,
    pub intro_hint_touch: &'static str,
    /// The button that puts the workshop's pooled result on screen, and the one back.
    pub show_pool: &'static str,
    pub show_plan: &'static str,
    pub pool_title: &'static str,
    pub pool_levers: &'static str,
    pub pool_targets: &'static str,
    /// The trainer's recorded stories in the stories dialog.
    pub my_stories: &'static str,
    pub no_stories: &'static str,
    pub rename: &'static str,
    pub rename_label: &'static str,
    pub delete: &'static str,
    pub export: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub handout: &'static str,
    pub intro_label: &'static str,
    pub intro_placeholder: &'static str,
    /// The printed handout.
    pub handout_heading: &'static str,
    pub handout_scan: &'static str,
    pub handout_question: &'static str,
    pub handout_notes: &'static str,
    /// What a highlighted chart or card is, for a screen reader.
    pub look_here: &'static str,
}

pub const ZH: Presenting = Presenting {
    keys_hint:
        "空格 / → 下一步 · ← 上一步 · P 播放 · Q 二维码 · B 黑屏 · Home / End 首末步 · Esc 退出",
    touch_hint: "点 ▶ 下一步 · 点 ◀ 上一步",
    reveal_hint_touch: "请先预测，再点 ▶ 揭晓。",
    intro_hint_touch: "点 ▶ 开始。",
    show_pool: "汇总结果 (W)",
    show_plan: "返回方案 (W)",
    pool_title: "工作坊汇总结果",
    pool_levers: "大家怎样设置参数",
    pool_targets: "目标达成情况",
    my_stories: "我录制的故事",
    no_stories: "还没有录制的故事：点“录制新故事”，每设好一步就点“添加此步”。",
    rename: "改名",
    rename_label: "新名称",
    delete: "删除",
    export: "导出文件",
    copy_link: "复制链接",
    copied: "链接已复制，可粘贴到微信群。",
    copy_failed: "浏览器不允许复制：请选中下面的链接手动复制。",
    handout: "打印讲义",
    intro_label: "故事简介（第一步之前显示）",
    intro_placeholder: "这个故事要回答什么问题？",
    handout_heading: "学员讲义",
    handout_scan: "用手机扫码，打开同一个故事",
    handout_question: "请先预测：",
    handout_notes: "我的预测：",
    look_here: "请看这里",
};

pub const EN: Presenting = Presenting {
    keys_hint: "Space / → next · ← back · P play · Q QR code · B blank · Home / End first and last step · Esc leave",
    touch_hint: "Tap ▶ for next · ◀ for back",
    reveal_hint_touch: "Predict first, then tap ▶ to reveal.",
    intro_hint_touch: "Tap ▶ to begin.",
    show_pool: "Workshop result (W)",
    show_plan: "Back to the plan (W)",
    pool_title: "Workshop result",
    pool_levers: "How the room set the levers",
    pool_targets: "How the targets fare",
    my_stories: "My recorded stories",
    no_stories: "No recorded story yet: press “Record a story” and “Add this step” after setting up each step.",
    rename: "Rename",
    rename_label: "New name",
    delete: "Delete",
    export: "Export file",
    copy_link: "Copy link",
    copied: "Link copied: paste it into the workshop chat.",
    copy_failed: "The browser does not allow copying: select the link below and copy it.",
    handout: "Print handout",
    intro_label: "Introduction (shown before the first step)",
    intro_placeholder: "Which question does this story answer?",
    handout_heading: "Participant handout",
    handout_scan: "Scan with a phone to open the same story",
    handout_question: "Predict first:",
    handout_notes: "My prediction:",
    look_here: "Look here",
};

pub fn presenting(lang: Lang) -> &'static Presenting {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A compact card's figure: "1.3万 / 1.5万", "1.2亿元 / 上限 5亿元" / "13,000 / 15,000",
/// "¥120 M / ceiling ¥500 M".
pub fn as_of_figure(as_of: &AsOf, lang: Lang) -> String {
    let value = metric_value(as_of.metric, as_of.value, lang);
    let threshold = metric_value(as_of.metric, as_of.threshold, lang);
    match (as_of.metric.goal() == Some(Goal::AtMost), lang) {
        (false, _) => format!("{value} / {threshold}"),
        (true, Lang::Zh) => format!("{value} / 上限 {threshold}"),
        (true, Lang::En) => format!("{value} / ceiling {threshold}"),
    }
}

/// A compact card's year: "2027年 · 截止当年" / "2027 · deadline year".
pub fn as_of_when(as_of: &AsOf, lang: Lang) -> String {
    let left = super::playback::years_left_text(as_of.years_left, lang);
    match lang {
        Lang::Zh => format!("{}年 · {left}", as_of.year),
        Lang::En => format!("{} · {left}", as_of.year),
    }
}

/// After the deadline, a target missed at its deadline and reached later: "2028年达到，晚1年" /
/// "reached in 2028, 1 year late"; `None` when it was met on time or not reached yet.
pub fn late_hit(first_year_met: Option<i32>, deadline: i32, lang: Lang) -> Option<String> {
    let year = first_year_met.filter(|year| *year > deadline)?;
    let late = year - deadline;
    Some(match (lang, late) {
        (Lang::Zh, _) => format!("{year}年达到，晚{late}年"),
        (Lang::En, 1) => format!("reached in {year}, 1 year late"),
        (Lang::En, _) => format!("reached in {year}, {late} years late"),
    })
}

/// A handout's step: "第2步" / "Step 2" (counted from 1).
pub fn handout_step(step: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第{}步", step + 1),
        Lang::En => format!("Step {}", step + 1),
    }
}

/// A recorded story's line in the list: when it was recorded and its steps.
pub fn recorded_on(time: &str, steps: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{time} 录制 · {steps}步"),
        Lang::En => format!(
            "recorded {time} · {steps} step{}",
            if steps == 1 { "" } else { "s" }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::asof::verdicts_as_of;
    use swplan_engine::{simulate, Metric};
    use swplan_plans::presets;

    #[test]
    fn a_late_hit_says_how_late() {
        assert_eq!(
            late_hit(Some(2028), 2027, Lang::Zh).as_deref(),
            Some("2028年达到，晚1年")
        );
        assert_eq!(
            late_hit(Some(2029), 2027, Lang::En).as_deref(),
            Some("reached in 2029, 2 years late")
        );
        assert_eq!(late_hit(Some(2026), 2027, Lang::Zh), None, "on time");
        assert_eq!(late_hit(None, 2027, Lang::Zh), None, "not reached");
    }

    #[test]
    fn ningxias_institutions_are_reached_a_year_late() {
        // 150 at the end of 2027 against 160, and 160 a year later: the card says so.
        let scenario = &presets::by_slug("ningxia").unwrap().scenario;
        let trajectory = simulate(scenario).unwrap();
        let institutions = scenario
            .targets
            .iter()
            .position(|t| t.metric == Metric::Institutions)
            .unwrap();
        let later = &verdicts_as_of(&scenario.targets, &trajectory, 2030)[institutions];
        assert_eq!(
            late_hit(later.first_year_met, later.deadline, Lang::Zh).as_deref(),
            Some("2028年达到，晚1年")
        );
    }

    #[test]
    fn a_compact_card_reads_its_figure_and_year() {
        let scenario = &presets::by_slug("yunnan").unwrap().scenario;
        let trajectory = simulate(scenario).unwrap();
        let as_of = &verdicts_as_of(&scenario.targets, &trajectory, 2023)[0];
        assert_eq!(as_of_figure(as_of, Lang::Zh), "9.9万 / 14万");
        assert_eq!(as_of_when(as_of, Lang::Zh), "2023年 · 还剩2年");
        assert_eq!(as_of_figure(as_of, Lang::En), "98,996 / 140,000");
    }
}
