//! A workshop's pool in words: who is in, the tables per lever and per target, and why each
//! skipped entry was skipped.

use super::{param_value, terms_text, TextTable};
use crate::format::format_percent;
use crate::inputs::display_text;
use crate::messages::{field_label, validation_messages};
use crate::share_messages::problem_reason;
use crate::{metric_label, param_label, Lang};
use swplan_engine::params::Unit;
use swplan_engine::validate::Field;
use swplan_plans::pool::{Participant, Pool, Reason, Rejected, Source, Spread};
use swplan_plans::presets;
use swplan_plans::share::Origin;

/// A plan's origin as planners name it: "云南省（数据第2版）" / "Yunnan (data version 2)", or
/// "新建地区" / "new region".
pub fn origin_name(origin: &Origin, lang: Lang) -> String {
    let region = region_name(origin, lang);
    match (origin, lang) {
        (Origin::Preset { data_version, .. }, Lang::Zh) => {
            format!("{region}（数据第{data_version}版）")
        }
        (Origin::Preset { data_version, .. }, Lang::En) => {
            format!("{region} (data version {data_version})")
        }
        (Origin::Custom, _) => region,
    }
}

/// The preset's region ("云南省"), or "新建地区" / "new region".
fn region_name(origin: &Origin, lang: Lang) -> String {
    match origin {
        Origin::Preset { slug, .. } => presets::by_slug(slug).map_or_else(
            || slug.clone(),
            |p| {
                lang.pick(&p.scenario.name.zh, &p.scenario.name.en)
                    .to_string()
            },
        ),
        Origin::Custom => lang.pick("新建地区", "new region").to_string(),
    }
}

/// "工作坊预设：云南省（数据第2版）。参与者 23 人；跳过 4 条；另有 12 行不含链接的文字。"
pub fn pool_summary(pool: &Pool, lang: Lang) -> String {
    let workshop = pool.workshop.as_ref().map_or_else(
        || {
            lang.pick("（没有可用的链接）", "(no usable link)")
                .to_string()
        },
        |origin| origin_name(origin, lang),
    );
    let (people, skipped, other) = (
        pool.participants.len(),
        pool.rejected.len(),
        pool.other_lines.len(),
    );
    let mut text = match lang {
        Lang::Zh => format!("工作坊预设：{workshop}。参与者 {people} 人；跳过 {skipped} 条"),
        Lang::En => {
            format!("Workshop preset: {workshop}. Participants: {people}; skipped: {skipped}")
        }
    };
    if other > 0 {
        text += &match lang {
            Lang::Zh => format!("；另有 {other} 行不含链接的文字"),
            Lang::En => format!("; lines without a link: {other}"),
        };
    }
    text += lang.pick("。", ".");
    text
}

/// Per lever: how many changed it, baseline, min / median / max and the distribution.
/// `bars` draws the distribution as a bar line (▁▃█); otherwise it is the counts ("1 3 8").
pub fn lever_table(pool: &Pool, bars: bool, lang: Lang) -> TextTable {
    let header = match lang {
        Lang::Zh => ["参数", "改动人数", "基准", "最小", "中位", "最大", "分布"],
        Lang::En => [
            "Parameter",
            "Changed by",
            "Baseline",
            "Min",
            "Median",
            "Max",
            "Distribution",
        ],
    };
    let people = pool.participants.len();
    let rows = pool
        .levers
        .iter()
        .map(|lever| {
            let value = |v: f64| param_value(lever.key, v, lang);
            let distribution = if bars {
                bar_line(&lever.bins)
            } else {
                let counts: Vec<String> = lever.bins.iter().map(usize::to_string).collect();
                counts.join(" ")
            };
            vec![
                field_label(
                    &Field::Param {
                        key: lever.key,
                        year: None,
                    },
                    lang,
                ),
                format!("{}/{people}", lever.changed),
                value(lever.baseline),
                value(lever.spread.min),
                value(lever.spread.median),
                value(lever.spread.max),
                distribution,
            ]
        })
        .collect();
    TextTable {
        header: header.map(String::from).to_vec(),
        rows,
    }
}

/// Counts as a line of bars, the largest full height: [1, 3, 8, 0] → "▁▃█ ".
pub fn bar_line(counts: &[usize]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let most = counts.iter().copied().max().unwrap_or(0).max(1);
    counts
        .iter()
        .map(|&count| match count {
            0 => ' ',
            _ => BARS[((count * BARS.len()).div_ceil(most) - 1).min(BARS.len() - 1)],
        })
        .collect()
}

/// Per target: share met, how many, and the spread of first years met.
pub fn pool_target_table(pool: &Pool, lang: Lang) -> TextTable {
    let header = match lang {
        Lang::Zh => [
            "目标",
            "达成比例",
            "达成人数",
            "首次达到（最早/中位/最晚，只计达到者）",
            "截止后才达到",
            "规划期内未达到",
        ],
        Lang::En => [
            "Target",
            "Share met",
            "Met",
            "First met (earliest / median / latest, of those who meet it)",
            "Only after the deadline",
            "Not by the last year",
        ],
    };
    let rows = pool
        .targets
        .iter()
        .map(|t| {
            vec![
                format!(
                    "{} {}",
                    metric_label(t.metric, lang),
                    terms_text(t.metric, t.threshold, t.deadline, lang)
                ),
                format_percent(t.share_met, lang),
                match lang {
                    Lang::Zh => format!("{} / {}人", t.met, t.evaluated),
                    Lang::En => format!("{} of {}", t.met, t.evaluated),
                },
                t.first_year.map_or_else(|| "—".to_string(), year_spread),
                t.late.to_string(),
                t.never.to_string(),
            ]
        })
        .collect();
    TextTable {
        header: header.map(String::from).to_vec(),
        rows,
    }
}

/// "2023 / 2024–2025 / 2027": a median between two years names both (a year "2024.5" reads as
/// a typo).
fn year_spread(spread: Spread) -> String {
    let year = |y: f64| {
        if y.fract() == 0.5 {
            format!("{}–{}", y.floor(), y.ceil())
        } else {
            display_text(Unit::Count, y)
        }
    };
    format!(
        "{} / {} / {}",
        year(spread.min),
        year(spread.median),
        year(spread.max)
    )
}

/// Where an entry came from: "第3行" / "Line 3", with its sender when the chat says so
/// ("第3行（张三）" / "Line 3 (Zhang San)"); "导入的第2个方案" / "Imported plan 2".
pub fn source_label(source: &Source, lang: Lang) -> String {
    match (source, lang) {
        (Source::Line { line, sender, .. }, Lang::Zh) => match sender {
            Some(sender) => format!("第{line}行（{sender}）"),
            None => format!("第{line}行"),
        },
        (Source::Line { line, sender, .. }, Lang::En) => match sender {
            Some(sender) => format!("Line {line} ({sender})"),
            None => format!("Line {line}"),
        },
        (Source::Plan { index }, Lang::Zh) => format!("导入的第{}个方案", index + 1),
        (Source::Plan { index }, Lang::En) => format!("Imported plan {}", index + 1),
    }
}

/// A participant as the room knows them: the sender's name, with the plan's name when it has
/// one ("张三（稳步增长）"); without a sender, the plan's name, else where it came from ("第4行").
pub fn participant_name(participant: &Participant, lang: Lang) -> String {
    let plan = participant
        .plan
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    match (participant.source.sender(), plan, lang) {
        (Some(sender), Some(plan), Lang::Zh) => format!("{sender}（{plan}）"),
        (Some(sender), Some(plan), Lang::En) => format!("{sender} ({plan})"),
        (Some(sender), None, _) => sender.to_string(),
        (None, Some(plan), _) => plan.to_string(),
        (None, None, _) => source_label(&participant.source, lang),
    }
}

/// Each participant in a row: who, the levers they changed with their values, then per target
/// their verdict with the first year met ("✓ 2025", "✗ 2027", "✗"; "—" outside their years).
pub fn participant_table(pool: &Pool, lang: Lang) -> TextTable {
    let mut header = vec![
        lang.pick("参与者", "Participant").to_string(),
        lang.pick("改动的参数", "Levers changed").to_string(),
    ];
    header.extend(pool.targets.iter().map(|t| {
        format!(
            "{} {}",
            metric_label(t.metric, lang),
            terms_text(t.metric, t.threshold, t.deadline, lang)
        )
    }));
    let rows = pool
        .participants
        .iter()
        .map(|participant| {
            let mut row = vec![
                participant_name(participant, lang),
                changed_values(participant, lang),
            ];
            row.extend(participant.verdicts.iter().map(|verdict| match verdict {
                None => "—".to_string(),
                Some(v) => verdict_short(v.met, v.first_year_met),
            }));
            row
        })
        .collect();
    TextTable { header, rows }
}

/// "每年新增人才 1.5万、年流失率 6%" / "New talent 15,000, Attrition 6%"; "未改动参数".
pub fn changed_values(participant: &Participant, lang: Lang) -> String {
    if participant.changed.is_empty() {
        return lang.pick("未改动参数", "no lever changed").to_string();
    }
    let parts: Vec<String> = participant
        .changed
        .iter()
        .zip(&participant.values)
        .map(|(key, value)| {
            format!(
                "{} {}",
                param_label(key, lang),
                param_value(key, *value, lang)
            )
        })
        .collect();
    parts.join(lang.pick("、", ", "))
}

/// A verdict in a cell: met with its first year ("✓ 2025"), reached late ("✗ 2027"), never ("✗").
fn verdict_short(met: bool, first_year: Option<i32>) -> String {
    match (met, first_year) {
        (true, Some(year)) => format!("✓ {year}"),
        (true, None) => "✓".to_string(),
        (false, Some(year)) => format!("✗ {year}"),
        (false, None) => "✗".to_string(),
    }
}

/// Why an entry was skipped, with where it came from:
/// "第7行：与第2行的方案相同，已跳过。" / "Line 7: the same plan as line 2; skipped."
pub fn rejected_message(rejected: &Rejected, workshop: Option<&Origin>, lang: Lang) -> String {
    let at = source_label(&rejected.source, lang);
    let why = match (&rejected.reason, lang) {
        (Reason::NotALink, Lang::Zh) => "不是本应用的分享链接".to_string(),
        (Reason::NotALink, Lang::En) => "not a share link of this app".to_string(),
        (Reason::Problems(problems), _) => {
            // The whole link is skipped, so what a single link would do instead is not said.
            let reasons: Vec<String> = problems.iter().map(|p| problem_reason(p, lang)).collect();
            return match lang {
                // A colon, not brackets: a reason may hold brackets of its own.
                Lang::Zh => format!("{at}：链接有误，已跳过：{}。", reasons.join("；")),
                Lang::En => format!(
                    "{at}: the link has problems; skipped: {}.",
                    reasons.join("; ")
                ),
            };
        }
        (Reason::Invalid(errors), _) => {
            let errors = validation_messages(errors, lang).replace('\n', " ");
            return match lang {
                Lang::Zh => format!("{at}：方案中有无效数值，已跳过：{errors}"),
                Lang::En => format!("{at}: the plan has invalid values; skipped: {errors}"),
            };
        }
        (Reason::Replaced { by }, Lang::Zh) => {
            format!("同一人在{}发了新的方案，以新的为准", source_label(by, lang))
        }
        (Reason::Replaced { by }, Lang::En) => format!(
            "the same person sent a newer plan at {}, which counts",
            source_label(by, lang).to_lowercase()
        ),
        (Reason::Duplicate { of }, Lang::Zh) => {
            format!("与{}的方案相同", source_label(of, lang))
        }
        (Reason::Duplicate { of }, Lang::En) => {
            format!("the same plan as {}", source_label(of, lang).to_lowercase())
        }
        (Reason::OtherPreset { origin }, _) => {
            let theirs = region_name(origin, lang);
            let ours = workshop.map_or_else(String::new, |w| region_name(w, lang));
            match lang {
                Lang::Zh => format!("来自其他预设“{theirs}”（本次工作坊为“{ours}”）"),
                Lang::En => format!("another preset: {theirs} (the workshop's is {ours})"),
            }
        }
    };
    match lang {
        Lang::Zh => format!("{at}：{why}，已跳过。"),
        Lang::En => format!("{at}: {why}; skipped."),
    }
}

/// A participant whose plan repeats an earlier one, counted on the trainer's request:
/// "第7行：与第2行的方案相同，已分别计入。" / "Line 7: the same plan as line 2; counted as well."
pub fn repeat_message(repeat: &Source, first: &Source, lang: Lang) -> String {
    let (at, of) = (source_label(repeat, lang), source_label(first, lang));
    match lang {
        Lang::Zh => format!("{at}：与{of}的方案相同，已分别计入。"),
        Lang::En => format!(
            "{at}: the same plan as {}; counted as well.",
            of.to_lowercase()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_plans::pool::pool;
    use swplan_plans::share::{self, open::open_name};

    fn link(hires: &str) -> String {
        let mut plan = open_name("yunnan").unwrap().plans.remove(0);
        swplan_engine::params::set_assignment(&mut plan.scenario, &format!("hires={hires}"))
            .unwrap();
        share::encode(&[plan], None)
    }

    #[test]
    fn a_median_between_two_years_names_both() {
        let spread = Spread {
            min: 2024.0,
            median: 2026.5,
            max: 2029.0,
        };
        assert_eq!(year_spread(spread), "2024 / 2026–2027 / 2029");
    }

    #[test]
    fn bars_scale_to_the_largest_count_and_leave_empty_bins_blank() {
        assert_eq!(bar_line(&[1, 3, 8, 0]), "▁▃█ ");
        assert_eq!(bar_line(&[2]), "█");
        assert_eq!(bar_line(&[]), "");
    }

    #[test]
    fn the_summary_names_the_workshop_and_the_counts() {
        let text = format!(
            "张三\n{}\n{}\n{}",
            link("15000"),
            link("16000"),
            link("15000")
        );
        let pooled = pool(&text, &[]);
        assert_eq!(
            pool_summary(&pooled, Lang::En),
            "Workshop preset: Yunnan (data version 2). Participants: 2; skipped: 1; lines without a link: 1."
                .replace("version 2", &format!("version {}", presets::by_slug("yunnan").unwrap().data_version))
        );
        let duplicate = rejected_message(&pooled.rejected[0], pooled.workshop.as_ref(), Lang::Zh);
        assert_eq!(duplicate, "第4行：与第2行的方案相同，已跳过。");
    }

    #[test]
    fn the_lever_table_shows_values_in_their_units() {
        let text = format!("{}\n{}\n{}", link("15000"), link("16000"), link("20000"));
        let table = lever_table(&pool(&text, &[]), false, Lang::Zh);
        assert_eq!(
            table.rows[0],
            [
                "每年新增人才",
                "3/3",
                "1.2万",
                "1.5万",
                "1.6万",
                "2万",
                "1 1 0 0 1"
            ]
        );
    }

    #[test]
    fn participants_are_listed_by_name_with_their_values_verdicts_and_first_years() {
        let text = format!(
            "张三 10:02\n{}\n2024-03-05 10:03:40 李四(123456)\n{}",
            link("15000"),
            link("20000")
        );
        let table = participant_table(&pool(&text, &[]), Lang::Zh);
        assert_eq!(table.header[..2], ["参与者", "改动的参数"]);
        assert!(
            table.header[2].starts_with("社会工作人才总量"),
            "{:?}",
            table.header
        );
        assert_eq!(table.rows[0][..2], ["张三", "每年新增人才 1.5万"]);
        assert_eq!(table.rows[1][..2], ["李四", "每年新增人才 2万"]);
        // Yunnan's 140,000 by 2025: 15,000 a year reaches it in 2030, 20,000 in 2025.
        assert_eq!(table.rows[0][2], "✗ 2030");
        assert_eq!(table.rows[1][2], "✓ 2025");
    }

    #[test]
    fn a_replaced_plan_says_who_sent_the_newer_one() {
        let text = format!(
            "张三 10:02\n{}\n张三 10:09\n{}",
            link("15000"),
            link("16000")
        );
        let pooled = pool(&text, &[]);
        assert_eq!(
            rejected_message(&pooled.rejected[0], pooled.workshop.as_ref(), Lang::Zh),
            "第2行（张三）：同一人在第4行（张三）发了新的方案，以新的为准，已跳过。"
        );
    }

    #[test]
    fn a_skipped_link_keeps_its_problem_messages() {
        let pooled = pool("v=1&p=yunnan&h=lots", &[]);
        let message = rejected_message(&pooled.rejected[0], None, Lang::En);
        assert!(
            message.starts_with("Line 1: the link has problems; skipped: 'h'"),
            "{message}"
        );
    }
}
