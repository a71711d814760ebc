//! Predictions from the room's phones, in words: the choices of a question (yes / no when the
//! story lists none), the message a phone gives its participant to send into the workshop's
//! chat, the phone's few labels, and the trainer's tally beside the revealed result. The codes
//! and the counting are `swplan_plans::story::predict`.

use super::Lang;
use swplan_plans::story::predict::{codes, Choices, Tally};
use swplan_plans::story::{Step, Story};

/// The choices of a step's question in the language on screen (empty without a question).
pub fn choice_labels(step: &Step, lang: Lang) -> Vec<String> {
    match step.choices() {
        None => Vec::new(),
        Some(Choices::YesNo) => vec![
            lang.pick("是", "Yes").to_string(),
            lang.pick("否", "No").to_string(),
        ],
        Some(Choices::Listed { zh, en }) => zh
            .iter()
            .zip(en)
            .map(|(zh, en)| lang.pick(zh, en).to_string())
            .collect(),
    }
}

/// A story as a message names it: its title up to the first colon ("宁夏", "Ningxia"), at most
/// twelve characters.
pub fn story_label(story: &Story, lang: Lang) -> String {
    let title = lang.pick(&story.title, &story.title_en);
    let head = title.split([':', '：']).next().unwrap_or(title).trim();
    head.chars().take(12).collect()
}

/// What a participant sends into the chat for choice `choice` (from 0) of step `step`:
/// "【预测】宁夏 第2步：把握变大 #k3q" / "[Prediction] Ningxia step 2: Better odds #k3q".
/// The code at the end is what counts; the words are for the people in the chat.
pub fn prediction_message(story: &Story, step: usize, choice: usize, lang: Lang) -> Option<String> {
    let label = choice_labels(story.steps.get(step)?, lang)
        .get(choice)?
        .clone();
    let code = codes(story, step).get(choice)?.clone();
    let name = story_label(story, lang);
    let n = step + 1;
    Some(match lang {
        Lang::Zh => format!("【预测】{name} 第{n}步：{label} #{code}"),
        Lang::En => format!("[Prediction] {name} step {n}: {label} #{code}"),
    })
}

/// The fixed words of the phone's question and the presenter's tally.
pub struct PredictionUi {
    pub heading: &'static str,
    pub pick: &'static str,
    pub message_label: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_refused: &'static str,
    pub send_hint: &'static str,
    pub see_plan: &'static str,
    pub tally_heading: &'static str,
    pub no_votes: &'static str,
    pub paste_label: &'static str,
    pub paste_hint: &'static str,
    pub answer_mark: &'static str,
}

pub const ZH: PredictionUi = PredictionUi {
    heading: "预测",
    pick: "先别看结果，选出你的预测：",
    message_label: "把这条消息发到工作坊群里",
    copy: "复制消息",
    copied: "✓ 已复制，请粘贴到群聊中发送。",
    copy_refused: "浏览器不允许复制：请长按上面的消息，选择“复制”。",
    send_hint: "培训老师把群聊记录粘贴到应用里，就能统计全场的预测。改主意了？重新选择，再发一次：只算你最后一条。",
    see_plan: "看这一步的方案",
    tally_heading: "全场预测",
    no_votes: "还没有收到预测：学员扫码作答后把消息发到群里，再把群聊记录粘贴到下面。",
    paste_label: "粘贴群聊记录",
    paste_hint: "整段粘贴即可：只统计带 # 编号的预测消息，每人只算最后一条；再次粘贴更长的记录会重新统计。",
    answer_mark: "结果",
};

pub const EN: PredictionUi = PredictionUi {
    heading: "Prediction",
    pick: "Before the result is shown, pick your prediction:",
    message_label: "Send this message to the workshop chat",
    copy: "Copy the message",
    copied: "✓ Copied: paste it into the chat and send it.",
    copy_refused: "The browser does not allow copying: press and hold the message above, then Copy.",
    send_hint: "The trainer pastes the chat into the app to count the room's predictions. Changed your mind? Pick again and send again: only your last one counts.",
    see_plan: "See this step's plan",
    tally_heading: "The room's predictions",
    no_votes: "No predictions yet: participants scan the code, answer and send the message to the chat; then paste the chat below.",
    paste_label: "Paste the chat",
    paste_hint: "Paste it whole: only prediction messages with a # code count, each person's last one; pasting a longer chat again counts again.",
    answer_mark: "Result",
};

pub fn prediction_ui(lang: Lang) -> &'static PredictionUi {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The phone's question heading: "预测 · 第2步（共7步）" / "Prediction · step 2 of 7".
pub fn phone_heading(step: usize, steps: usize, lang: Lang) -> String {
    let n = step + 1;
    match lang {
        Lang::Zh => format!("预测 · 第{n}步（共{steps}步）"),
        Lang::En => format!("Prediction · step {n} of {steps}"),
    }
}

/// "已收到 12 人的预测" / "12 predictions"; with a note of changed minds and votes on other
/// steps when there are any.
pub fn tally_summary(tally: &Tally, lang: Lang) -> String {
    let mut text = match lang {
        Lang::Zh => format!("已收到 {} 人的预测", tally.voters),
        Lang::En if tally.voters == 1 => "1 prediction".to_string(),
        Lang::En => format!("{} predictions", tally.voters),
    };
    if tally.changed_mind > 0 {
        text += &match lang {
            Lang::Zh => format!("（{}人改过答案，按最后一条计）", tally.changed_mind),
            Lang::En => format!(
                " ({} changed their mind; the last one counts)",
                tally.changed_mind
            ),
        };
    }
    if tally.other_steps > 0 {
        text += &match lang {
            Lang::Zh => format!("；另有{}条是其他步骤的预测", tally.other_steps),
            Lang::En => format!("; {} for other steps, not counted here", tally.other_steps),
        };
    }
    text
}

/// One choice's count and share: "7人 · 58%" / "7 · 58%".
pub fn tally_count(count: usize, voters: usize, lang: Lang) -> String {
    let share = if voters == 0 {
        0.0
    } else {
        count as f64 / voters as f64
    };
    // Whole percentages: a room reads "67%", not "66.7%".
    let percent = format!("{:.0}%", share * 100.0);
    match lang {
        Lang::Zh => format!("{count}人 · {percent}"),
        Lang::En => format!("{count} · {percent}"),
    }
}

/// After the reveal: "结果：不能 — 12人中5人猜对" / "Result: No — 5 of 12 predicted it".
pub fn tally_result(tally: &Tally, labels: &[String], lang: Lang) -> Option<String> {
    let answer = labels.get(tally.answer?)?;
    let right = tally.right().unwrap_or(0);
    Some(match lang {
        Lang::Zh => format!("结果：{answer} — {}人中{right}人猜对", tally.voters),
        Lang::En => format!(
            "Result: {answer} — {right} of {} predicted it",
            tally.voters
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_plans::story::by_id;
    use swplan_plans::story::predict::{tally, votes};

    #[test]
    fn the_message_names_the_story_step_and_choice_and_ends_with_its_code() {
        let story = by_id("ningxia-rooms").unwrap();
        let code = &codes(story, 1)[0];
        assert_eq!(
            prediction_message(story, 1, 0, Lang::Zh).unwrap(),
            format!("【预测】宁夏 第2步：把握变大 #{code}")
        );
        assert_eq!(
            prediction_message(story, 1, 0, Lang::En).unwrap(),
            format!("[Prediction] Ningxia step 2: Better odds #{code}")
        );
        assert_eq!(prediction_message(story, 1, 3, Lang::Zh), None);
    }

    #[test]
    fn a_message_in_either_language_counts_for_its_choice() {
        let story = by_id("yunnan-14wan").unwrap();
        let chat = [
            "张三 10:02".to_string(),
            prediction_message(story, 0, 0, Lang::Zh).unwrap(),
            "Li Si 10:03".to_string(),
            prediction_message(story, 0, 1, Lang::En).unwrap(),
        ]
        .join("\n");
        let tally = tally(story, 0, &votes(&chat)).unwrap();
        assert_eq!(tally.counts, [1, 1]);
        let labels = choice_labels(&story.steps[0], Lang::Zh);
        assert_eq!(
            tally_result(&tally, &labels, Lang::Zh).unwrap(),
            "结果：不能 — 2人中1人猜对"
        );
        assert_eq!(tally_summary(&tally, Lang::En), "2 predictions");
        assert_eq!(tally_count(1, 2, Lang::Zh), "1人 · 50%");
        assert_eq!(tally_count(2, 3, Lang::En), "2 · 67%");
    }

    #[test]
    fn a_question_without_listed_choices_is_answered_yes_or_no() {
        let step = Step {
            question: Some("能吗？".into()),
            question_en: Some("Can it?".into()),
            ..Step::default()
        };
        assert_eq!(choice_labels(&step, Lang::Zh), ["是", "否"]);
        assert_eq!(choice_labels(&step, Lang::En), ["Yes", "No"]);
        assert!(choice_labels(&Step::default(), Lang::Zh).is_empty());
    }
}
