//! Words of the results as they leave the model's hands: a figure beside its target with the
//! digits that show the gap, what a ceiling's card says instead of "first reached", the
//! notices folded when several stack up, what a chart carries on its face and in its file name,
//! a number with its unit (never "1 people" or "(was 1 )").

pub use super::format::quantity;
use super::format::{format_count_fine, format_percent_fine, format_yuan_fine, YuanScale};
use super::messages::metric_value;
use super::Lang;
use swplan_engine::{FigureUnit, Goal, Metric, Verdict};

/// A figure and its target's threshold side by side ("1.105万 / 1.2万"), each with enough
/// digits that the gap between them reads from the two numbers: the last digit shown is at
/// most a tenth of the gap. 11,049 against 12,000 is not "1.1万 / 1.2万", which reads as one
/// step short; 98,996 against 140,000 stays "9.9万 / 14万".
pub fn figure_against(metric: Metric, value: f64, threshold: f64, lang: Lang) -> (String, String) {
    let resolution = (value - threshold).abs() / 10.0;
    if !(resolution > 0.0 && resolution.is_finite()) {
        return (
            metric_value(metric, value, lang),
            metric_value(metric, threshold, lang),
        );
    }
    let shown = |v: f64| match metric.unit() {
        FigureUnit::Count => format_count_fine(v, resolution, lang),
        FigureUnit::Share => format_percent_fine(v, resolution),
        FigureUnit::Yuan => {
            // One unit for both, so "5000万元 / 1.2亿元" never hides which is larger.
            let scale = YuanScale::for_largest(value.abs().max(threshold.abs()), lang);
            format_yuan_fine(v, scale, resolution, lang)
        }
    };
    (shown(value), shown(threshold))
}

/// A verdict chip's terms, as its tooltip says them: "2025年底 ≥ 14万", and "2027年底 ≤ 3.2亿元"
/// for a ceiling (never "≥" for a budget that must not be exceeded).
pub fn chip_terms(verdict: &Verdict, lang: Lang) -> String {
    let threshold = metric_value(verdict.metric, verdict.threshold, lang);
    if verdict.metric.goal() == Some(Goal::AtMost) {
        super::strings::ceiling_by_deadline(&threshold, verdict.deadline, lang)
    } else {
        super::strings::threshold_by_deadline(&threshold, verdict.deadline, lang)
    }
}

/// A target card's row for a ceiling (the cumulative budget), in place of "first reached"
/// (a ceiling is "met" from the base year on, so that year says nothing): the first year the
/// plan goes over it.
pub fn first_over_label(lang: Lang) -> &'static str {
    lang.pick("首次超出上限", "First year over the ceiling")
}

/// The value of [`first_over_label`]: the year, or that the plan stays under it throughout.
pub fn first_over_text(year: Option<i32>, lang: Lang) -> String {
    match (year, lang) {
        (Some(year), Lang::Zh) => format!("{year}年"),
        (Some(year), Lang::En) => year.to_string(),
        (None, Lang::Zh) => "规划期内未超出".to_string(),
        (None, Lang::En) => "Not within the horizon".to_string(),
    }
}

/// A ceiling card's row in place of the simulations' median first year: where the simulated
/// values lie at the deadline.
pub fn simulated_range_label(deadline: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{deadline}年底模拟区间（P10–P90）"),
        Lang::En => format!("Simulated at end-{deadline} (P10–P90)"),
    }
}

/// "2.9亿元–3.4亿元": two simulated values of a figure.
pub fn simulated_range(metric: Metric, low: f64, high: f64, lang: Lang) -> String {
    format!(
        "{}–{}",
        metric_value(metric, low, lang),
        metric_value(metric, high, lang)
    )
}

/// The fold under the first of several notices: "另有2条通知".
pub fn more_notices(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("另有{count}条通知"),
        Lang::En if count == 1 => "1 more notice".to_string(),
        Lang::En => format!("{count} more notices"),
    }
}

/// The toggle that unfolds a notice's details beyond their first line, and folds them again.
pub fn expand_details(lang: Lang) -> &'static str {
    lang.pick("展开详情", "Show all details")
}

/// See [`expand_details`].
pub fn collapse_details(lang: Lang) -> &'static str {
    lang.pick("收起", "Show less")
}

/// The button that dismisses every notice at once.
pub fn dismiss_all(lang: Lang) -> &'static str {
    lang.pick("全部知道了", "Dismiss all")
}

/// The line under a downloaded chart's title: whose plan it is and its years, so an image
/// pasted into a slide or a report still says what it shows ("云南省 · 多招人 · 2020–2030年").
pub fn chart_subtitle(region: &str, plan: Option<&str>, years: (i32, i32), lang: Lang) -> String {
    let plan = plan
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!(" · {p}"))
        .unwrap_or_default();
    let (first, last) = years;
    match lang {
        Lang::Zh => format!("{region}{plan} · {first}–{last}年"),
        Lang::En => format!("{region}{plan} · {first}–{last}"),
    }
}

/// The legend of one series' P10–P90 band, where a chart has several ("社工室覆盖率 P10–P90").
pub fn band_legend_of(series: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{series} P10–P90 区间"),
        Lang::En => format!("{series}: P10–P90 band"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_beside_its_target_keeps_the_digits_of_the_gap() {
        let pair = |v: f64, t: f64, lang: Lang| figure_against(Metric::Talent, v, t, lang);
        assert_eq!(
            pair(11_049.0, 12_000.0, Lang::Zh),
            ("1.105万".into(), "1.2万".into())
        );
        // A wide gap reads at the usual two decimals.
        assert_eq!(
            pair(98_996.0, 140_000.0, Lang::Zh),
            ("9.9万".into(), "14万".into())
        );
        assert_eq!(
            pair(139_990.0, 140_000.0, Lang::Zh),
            ("13.999万".into(), "14万".into())
        );
        // English writes every person already.
        assert_eq!(
            pair(11_049.0, 12_000.0, Lang::En),
            ("11,049".into(), "12,000".into())
        );
        let share = figure_against(Metric::RoomCoverage, 0.9996, 1.0, Lang::Zh);
        assert_eq!(share, ("99.96%".into(), "100%".into()));
        // Money in one unit for both.
        let money = figure_against(Metric::BudgetCumulative, 3.21e8, 3.2e8, Lang::Zh);
        assert_eq!(money, ("3.21亿元".into(), "3.2亿元".into()));
        let money = figure_against(Metric::BudgetCumulative, 4.5e7, 1.2e8, Lang::Zh);
        assert_eq!(money, ("0.45亿元".into(), "1.2亿元".into()));
        // Equal or unknown: as everywhere else.
        assert_eq!(
            pair(12_000.0, 12_000.0, Lang::Zh),
            ("1.2万".into(), "1.2万".into())
        );
        assert_eq!(pair(f64::NAN, 12_000.0, Lang::Zh).0, "—");
    }

    #[test]
    fn one_person_is_a_person_and_an_empty_unit_leaves_no_space() {
        assert_eq!(quantity("1", "people", Lang::En), "1 person");
        assert_eq!(quantity("1", "people/yr", Lang::En), "1 person/yr");
        assert_eq!(quantity("2", "people", Lang::En), "2 people");
        assert_eq!(quantity("1", "", Lang::En), "1");
        assert_eq!(quantity("1", "人", Lang::Zh), "1 人");
    }

    #[test]
    fn a_chart_says_whose_plan_it_shows() {
        assert_eq!(
            chart_subtitle("云南省", Some("多招人"), (2020, 2030), Lang::Zh),
            "云南省 · 多招人 · 2020–2030年"
        );
        assert_eq!(
            chart_subtitle("Yunnan", Some(" "), (2020, 2030), Lang::En),
            "Yunnan · 2020–2030"
        );
    }
}
