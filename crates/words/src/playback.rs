//! Year-by-year playback in words: where a target stands as of a year ("2023年：9.9万 / 14万，
//! 还剩2年") and what happened that year. The data comes from `model::asof`.

use super::messages::{metric_value, warning_message};
use super::{metric_label, Lang};
use swplan_engine::asof::{AsOf, Event, Status};
use swplan_engine::{Goal, Metric, Warning};

/// "2023年：9.9万 / 14万，还剩2年" / "2023: 98,996 of 140,000, 2 years left"; a ceiling reads
/// "2023年：1.2亿元 / 上限 5亿元，…" / "2023: ¥120 M of a ¥500 M ceiling, …".
pub fn as_of_sentence(as_of: &AsOf, lang: Lang) -> String {
    let value = metric_value(as_of.metric, as_of.value, lang);
    let threshold = metric_value(as_of.metric, as_of.threshold, lang);
    let ceiling = as_of.metric.goal() == Some(Goal::AtMost);
    let left = years_left_text(as_of.years_left, lang);
    match (lang, ceiling) {
        (Lang::Zh, false) => format!("{}年：{value} / {threshold}，{left}", as_of.year),
        (Lang::Zh, true) => format!("{}年：{value} / 上限 {threshold}，{left}", as_of.year),
        (Lang::En, false) => format!("{}: {value} of {threshold}, {left}", as_of.year),
        (Lang::En, true) => format!("{}: {value} of a {threshold} ceiling, {left}", as_of.year),
    }
}

/// "还剩2年" / "2 years left"; "截止当年" / "deadline year"; "已过截止年1年" / "1 year past the
/// deadline".
pub fn years_left_text(years_left: i32, lang: Lang) -> String {
    let past = years_left.unsigned_abs();
    match (lang, years_left) {
        (Lang::Zh, 0) => "截止当年".to_string(),
        (Lang::Zh, left) if left > 0 => format!("还剩{left}年"),
        (Lang::Zh, _) => format!("已过截止年{past}年"),
        (Lang::En, 0) => "deadline year".to_string(),
        (Lang::En, 1) => "1 year left".to_string(),
        (Lang::En, left) if left > 0 => format!("{left} years left"),
        (Lang::En, -1) => "1 year past the deadline".to_string(),
        (Lang::En, _) => format!("{past} years past the deadline"),
    }
}

/// A status as a short label for a card: "已达到" / "reached", "按计划可达成" / "on track"…
/// A ceiling that is kept so far reads "未超上限" / "within the ceiling".
pub fn status_label(status: Status, metric: Metric, lang: Lang) -> &'static str {
    let ceiling = metric.goal() == Some(Goal::AtMost);
    let (zh, en) = match status {
        Status::Reached if ceiling => ("未超上限", "within the ceiling"),
        Status::Reached => ("已达到", "reached"),
        Status::OnTrack => ("按计划可按期达成", "on track"),
        Status::Behind => ("按计划无法按期达成", "behind"),
        Status::Met => ("已按期达成", "met"),
        Status::Missed => ("未按期达成", "missed"),
    };
    lang.pick(zh, en)
}

/// An event of the year as a sentence.
pub fn event_sentence(event: &Event, lang: Lang) -> String {
    match event {
        Event::TargetReached {
            metric,
            threshold,
            deadline,
            ..
        } => {
            let (name, threshold) = named(*metric, *threshold, lang);
            match lang {
                Lang::Zh => format!("{name}首次达到 {threshold}（目标截止 {deadline}年底）。"),
                Lang::En => format!(
                    "{name} reaches {threshold} for the first time (target by end-{deadline})."
                ),
            }
        }
        Event::CeilingExceeded {
            metric,
            threshold,
            value,
            ..
        } => {
            let (name, threshold) = named(*metric, *threshold, lang);
            let value = metric_value(*metric, *value, lang);
            match lang {
                Lang::Zh => format!("{name}超出上限 {threshold}（已达 {value}）。"),
                Lang::En => format!("{name} exceeds its ceiling of {threshold} ({value})."),
            }
        }
        Event::Deadline {
            metric,
            threshold,
            met,
            value,
            ..
        } => {
            let sign = if metric.goal() == Some(Goal::AtMost) {
                "≤"
            } else {
                "≥"
            };
            let (name, threshold) = named(*metric, *threshold, lang);
            let value = metric_value(*metric, *value, lang);
            match (lang, met) {
                (Lang::Zh, true) => {
                    format!("目标到期：{name} {sign} {threshold}，已达成（{value}）。")
                }
                (Lang::Zh, false) => {
                    format!("目标到期：{name} {sign} {threshold}，未达成（{value}）。")
                }
                (Lang::En, true) => {
                    format!("Deadline: {name} {sign} {threshold} is met ({value}).")
                }
                (Lang::En, false) => {
                    format!("Deadline: {name} {sign} {threshold} is missed ({value}).")
                }
            }
        }
        Event::WarningStarts {
            code,
            first_year,
            last_year,
        } => warning_message(
            &Warning {
                code: *code,
                first_year: *first_year,
                last_year: *last_year,
            },
            lang,
        ),
    }
}

/// A figure's name and a value of it.
fn named(metric: Metric, value: f64, lang: Lang) -> (&'static str, String) {
    (
        metric_label(metric, lang),
        metric_value(metric, value, lang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::asof::{events_in, verdicts_as_of};
    use swplan_engine::{simulate, WarningCode};
    use swplan_plans::presets;

    fn yunnan_as_of(year: i32) -> AsOf {
        let scenario = &presets::by_slug("yunnan").unwrap().scenario;
        let trajectory = simulate(scenario).unwrap();
        verdicts_as_of(&scenario.targets, &trajectory, year).remove(0)
    }

    #[test]
    fn yunnan_2023_reads_as_the_issue_writes_it() {
        let as_of = yunnan_as_of(2023);
        assert_eq!(
            as_of_sentence(&as_of, Lang::Zh),
            "2023年：9.9万 / 14万，还剩2年"
        );
        assert_eq!(
            as_of_sentence(&as_of, Lang::En),
            "2023: 98,996 of 140,000, 2 years left"
        );
    }

    #[test]
    fn the_deadline_year_and_the_years_after_it_are_named() {
        assert_eq!(years_left_text(0, Lang::Zh), "截止当年");
        assert_eq!(years_left_text(1, Lang::En), "1 year left");
        assert_eq!(years_left_text(-1, Lang::En), "1 year past the deadline");
        assert_eq!(years_left_text(-3, Lang::Zh), "已过截止年3年");
        let after = yunnan_as_of(2027);
        assert_eq!(
            status_label(after.status, after.metric, Lang::Zh),
            "未按期达成"
        );
    }

    #[test]
    fn a_ceiling_reads_as_a_ceiling() {
        let mut as_of = yunnan_as_of(2023);
        as_of.metric = Metric::BudgetCumulative;
        as_of.threshold = 5e8;
        as_of.value = 1.2e8;
        assert_eq!(
            as_of_sentence(&as_of, Lang::Zh),
            "2023年：1.2亿元 / 上限 5亿元，还剩2年"
        );
        assert!(as_of_sentence(&as_of, Lang::En).contains("of a ¥500 M ceiling"));
        assert_eq!(
            status_label(Status::Reached, Metric::BudgetCumulative, Lang::En),
            "within the ceiling"
        );
    }

    #[test]
    fn every_status_and_event_has_words_in_both_languages() {
        let events = [
            Event::TargetReached {
                target: 0,
                metric: Metric::Talent,
                threshold: 140_000.0,
                deadline: 2025,
            },
            Event::CeilingExceeded {
                target: 0,
                metric: Metric::BudgetCumulative,
                threshold: 1e8,
                deadline: 2025,
                value: 1.1e8,
            },
            Event::Deadline {
                target: 0,
                metric: Metric::Talent,
                threshold: 140_000.0,
                met: false,
                value: 106_830.0,
            },
            Event::WarningStarts {
                code: WarningCode::Understaffed,
                first_year: 2023,
                last_year: 2025,
            },
        ];
        for event in &events {
            let (zh, en) = (
                event_sentence(event, Lang::Zh),
                event_sentence(event, Lang::En),
            );
            assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{event:?}");
        }
        assert_eq!(
            event_sentence(&events[2], Lang::Zh),
            "目标到期：社会工作人才总量 ≥ 14万，未达成（10.68万）。"
        );
        for status in [
            Status::Reached,
            Status::OnTrack,
            Status::Behind,
            Status::Met,
            Status::Missed,
        ] {
            let zh = status_label(status, Metric::Talent, Lang::Zh);
            assert_ne!(zh, status_label(status, Metric::Talent, Lang::En));
        }
    }

    #[test]
    fn a_presets_deadline_year_has_its_deadline_in_words() {
        let scenario = &presets::by_slug("ningxia").unwrap().scenario;
        let trajectory = simulate(scenario).unwrap();
        let sentences: Vec<String> = events_in(&scenario.targets, &trajectory, 2025)
            .iter()
            .map(|e| event_sentence(e, Lang::En))
            .collect();
        assert!(
            sentences
                .iter()
                .any(|s| s.starts_with("Deadline: Demonstration stations ≥ 100 is met")),
            "{sentences:?}"
        );
    }
}
