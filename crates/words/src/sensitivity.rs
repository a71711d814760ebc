//! Which lever matters most, in words: a tornado's title, each bar's factor and the range it was
//! swung across, and the sources of uncertainty of the variance shares.

use swplan_engine::sensitivity::{Share, Source, SwingRange, TargetShares};
use swplan_engine::Target;
use swplan_plans::analysis::{TargetTornado, TornadoBar};

use super::compare::TextTable;

use super::messages::metric_value;
use super::optimiser::target_phrase;
use super::{format_percent, param_label, Lang};

/// A source of uncertainty of the Monte Carlo.
pub fn source_label(source: Source, lang: Lang) -> &'static str {
    let (zh, en) = match source {
        Source::Hires => ("每年新增人才", "New talent"),
        Source::Attrition => ("流失率", "Attrition"),
        Source::Candidates => ("报考人数", "Exam candidates"),
        Source::PassRates => ("通过率", "Pass rates"),
        Source::StationCompletion => ("社工站当年完工", "Stations finished on schedule"),
        Source::RoomCompletion => ("社工室当年完工", "Rooms finished on schedule"),
    };
    lang.pick(zh, en)
}

/// The range a factor was swung across: "±15%（不确定性设定）", "±20%（默认）", "60%–100%".
pub fn range_text(range: SwingRange, lang: Lang) -> String {
    match (range, lang) {
        (SwingRange::Spread(s), Lang::Zh) => {
            format!("±{}（按不确定性设定）", format_percent(s, lang))
        }
        (SwingRange::Spread(s), Lang::En) => {
            format!("±{} (its uncertainty)", format_percent(s, lang))
        }
        (SwingRange::Default(s), Lang::Zh) => {
            format!("±{}（未设不确定性，默认）", format_percent(s, lang))
        }
        (SwingRange::Default(s), Lang::En) => format!(
            "±{} (no uncertainty given: the default)",
            format_percent(s, lang)
        ),
        (SwingRange::Completion { low, high }, _) => {
            format!(
                "{}–{}",
                format_percent(low, lang),
                format_percent(high, lang)
            )
        }
    }
}

/// A tornado's title: "2025年社会工作人才总量达到14万人：哪个因素影响最大".
pub fn tornado_title(target: &Target, lang: Lang) -> String {
    let phrase = target_phrase(target, lang);
    match lang {
        Lang::Zh => format!("{phrase}：哪个因素影响最大"),
        Lang::En => format!("{phrase}: what moves it most"),
    }
}

/// A bar's label: the factor and its range, "每年新增人才（±15%）".
pub fn bar_label(bar: &TornadoBar, lang: Lang) -> String {
    let name = param_label(&bar.key, lang);
    let range = match bar.range {
        SwingRange::Spread(s) | SwingRange::Default(s) => format!("±{}", format_percent(s, lang)),
        SwingRange::Completion { low, high } => {
            format!(
                "{}–{}",
                format_percent(low, lang),
                format_percent(high, lang)
            )
        }
    };
    match lang {
        Lang::Zh => format!("{name}（{range}）"),
        Lang::En => format!("{name} ({range})"),
    }
}

/// What a bar says in a sentence, for those who cannot see the chart: "每年新增人才±15%：
/// 13.2万 – 14.9万（相差1.7万）".
pub fn bar_sentence(bar: &TornadoBar, target: &Target, lang: Lang) -> String {
    let value =
        |v: Option<f64>| v.map_or("—".to_string(), |v| metric_value(target.metric, v, lang));
    let swing = metric_value(target.metric, bar.swing, lang);
    let (low, high) = (value(bar.value_at_low), value(bar.value_at_high));
    let name = param_label(&bar.key, lang);
    let range = range_text(bar.range, lang);
    match lang {
        Lang::Zh => format!("{name}{range}：{low} 至 {high}（相差{swing}）"),
        Lang::En => format!("{name} {range}: {low} to {high} (a swing of {swing})"),
    }
}

/// A tornado as a table: every factor that moves the target, widest swing first.
pub fn tornado_table(tornado: &TargetTornado, target: &Target, lang: Lang) -> TextTable {
    let ui = super::optimiser_ui::optimiser_ui(lang);
    let value =
        |v: Option<f64>| v.map_or("—".to_string(), |v| metric_value(target.metric, v, lang));
    TextTable {
        header: vec![
            lang.pick("因素", "Factor").to_string(),
            lang.pick("范围", "Range").to_string(),
            ui.tornado_low.to_string(),
            ui.tornado_high.to_string(),
            lang.pick("相差", "Swing").to_string(),
        ],
        rows: tornado
            .moving_bars()
            .map(|bar| {
                vec![
                    param_label(&bar.key, lang).to_string(),
                    range_text(bar.range, lang),
                    value(bar.value_at_low),
                    value(bar.value_at_high),
                    metric_value(target.metric, bar.swing, lang),
                ]
            })
            .collect(),
    }
}

/// The variance shares of one target: per source of uncertainty, its first-order and total
/// shares of the value's variance and of "met or not".
pub fn shares_table(shares: &TargetShares, lang: Lang) -> TextTable {
    let ui = super::optimiser_ui::optimiser_ui(lang);
    let column = |what: &str, which: &str| match lang {
        Lang::Zh => format!("{what}（{which}）"),
        Lang::En => format!("{what} ({which})"),
    };
    let find = |list: &[Share], source: Source| {
        list.iter()
            .find(|s| s.source == source)
            .map_or((0.0, 0.0), |s| (s.first_order, s.total))
    };
    TextTable {
        header: vec![
            ui.source.to_string(),
            column(ui.share_value, ui.first_order),
            column(ui.share_value, ui.total),
            column(ui.share_odds, ui.first_order),
            column(ui.share_odds, ui.total),
        ],
        // Only the sources that move the value or the odds at all.
        rows: shares
            .value
            .iter()
            .filter(|share| share.total > 0.0 || find(&shares.odds, share.source).1 > 0.0)
            .map(|share| {
                let (odds_first, odds_total) = find(&shares.odds, share.source);
                vec![
                    source_label(share.source, lang).to_string(),
                    format_percent(share.first_order, lang),
                    format_percent(share.total, lang),
                    format_percent(odds_first, lang),
                    format_percent(odds_total, lang),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::Metric;

    fn talent() -> Target {
        Target {
            metric: Metric::Talent,
            threshold: 140_000.0,
            deadline: 2025,
            source: None,
        }
    }

    #[test]
    fn every_source_has_words_in_both_languages() {
        for source in Source::ALL {
            assert!(!source_label(source, Lang::Zh).is_empty());
            assert!(source_label(source, Lang::En).is_ascii());
        }
    }

    #[test]
    fn a_range_says_where_it_comes_from() {
        assert_eq!(
            range_text(SwingRange::Spread(0.15), Lang::Zh),
            "±15%（按不确定性设定）"
        );
        assert_eq!(
            range_text(
                SwingRange::Completion {
                    low: 0.6,
                    high: 1.0
                },
                Lang::En
            ),
            "60%–100%"
        );
    }

    #[test]
    fn a_tornado_is_titled_by_its_target() {
        assert_eq!(
            tornado_title(&talent(), Lang::Zh),
            "2025年社会工作人才总量达到14万人：哪个因素影响最大"
        );
    }

    #[test]
    fn a_bar_reads_as_a_sentence_with_both_ends() {
        let bar = TornadoBar {
            key: "hires".into(),
            range: SwingRange::Spread(0.15),
            value_at_low: Some(132_000.0),
            value_at_high: Some(149_000.0),
            swing: 17_000.0,
        };
        assert_eq!(
            bar_sentence(&bar, &talent(), Lang::Zh),
            "每年新增人才±15%（按不确定性设定）：13.2万 至 14.9万（相差1.7万）"
        );
        assert_eq!(bar_label(&bar, Lang::En), "New talent (±15%)");
    }
}
