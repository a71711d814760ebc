//! Calibration and back-test in the planner's words (issue 21, part 2): the levers fitted with
//! their uncertainty, how well the fit explains the actuals, every refusal said as a planner
//! would understand it (not the engine's terms), the back-test's finding (which lever's change
//! the fit could not see), and the provenance of a fitted value.

use crate::actuals::actuals_problem_text;
use crate::labels::{metric_label, param_label};
use crate::messages::{metric_value, validation_message};
use crate::{format_count, format_percent, Lang};
use swplan_engine::backtest::{Backtest, BacktestRefusal};
use swplan_engine::calibrate::{Calibration, FitPoint, FittedLever, Lever, Refusal};
use swplan_plans::life::backtest::BacktestShortfall;

/// The fixed words of the calibration panel and the back-test.
pub struct CalibrationWords {
    pub heading: &'static str,
    pub intro: &'static str,
    pub levers: &'static str,
    pub fit: &'static str,
    pub fitting: &'static str,
    pub apply: &'static str,
    pub applied: &'static str,
    pub stale: &'static str,
    pub lever: &'static str,
    pub fitted: &'static str,
    pub planned: &'static str,
    pub range: &'static str,
    pub per_year: &'static str,
    pub actual: &'static str,
    pub model: &'static str,
    pub residual: &'static str,
    pub backtest_heading: &'static str,
    pub backtest_intro: &'static str,
    pub base_year: &'static str,
    pub cutoff: &'static str,
    pub run_backtest: &'static str,
    pub projected: &'static str,
}

pub const ZH: CalibrationWords = CalibrationWords {
    heading: "用实际值校准",
    intro: "用历年实际值反推杠杆：每年实际新增多少人、流失多少，站室每年建成多少。以最小二乘拟合，给出误差范围。",
    levers: "要拟合的杠杆",
    fit: "拟合",
    fitting: "正在拟合……",
    apply: "把拟合值用于方案",
    applied: "已用于方案（可撤销）。",
    stale: "方案在拟合之后又改过，结果可能已不对应当前方案，可重新拟合。",
    lever: "杠杆",
    fitted: "拟合值",
    planned: "原计划",
    range: "误差范围（±1个标准误）",
    per_year: "逐年对照",
    actual: "实际",
    model: "拟合",
    residual: "残差",
    backtest_heading: "回测",
    backtest_intro: "假装身处较早的年份：只用截止年以前的实际值拟合，再推算之后几年，与后来的实际值比较。",
    base_year: "基准年",
    cutoff: "截止年",
    run_backtest: "回测",
    projected: "推算",
};

pub const EN: CalibrationWords = CalibrationWords {
    heading: "Calibrate to the actuals",
    intro: "Work the levers back from the actual figures: how many really joined and left each year, how many stations and rooms were really built. A least-squares fit, with its uncertainty.",
    levers: "Levers to fit",
    fit: "Fit",
    fitting: "Fitting…",
    apply: "Use the fitted values in the plan",
    applied: "Used in the plan (undo takes them back).",
    stale: "The plan has changed since this fit; fit again to match it.",
    lever: "Lever",
    fitted: "Fitted",
    planned: "Planned",
    range: "Uncertainty (± one standard error)",
    per_year: "Year by year",
    actual: "Actual",
    model: "Fitted",
    residual: "Residual",
    backtest_heading: "Back-test",
    backtest_intro: "Pretend to stand in an earlier year: fit on the actuals up to a cut-off only, project the years after it and compare with what then happened.",
    base_year: "Base year",
    cutoff: "Cut-off",
    run_backtest: "Back-test",
    projected: "Projected",
};

pub fn calibration_words(lang: Lang) -> &'static CalibrationWords {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A lever by its name in the settings.
pub fn lever_label(lever: Lever, lang: Lang) -> &'static str {
    param_label(lever.key(), lang)
}

/// A lever's value as the settings show it: a rate in percent, a count whole.
pub fn lever_value(lever: Lever, value: f64, lang: Lang) -> String {
    if lever.range().1 == 1.0 {
        format_percent(value, lang)
    } else {
        format_count(value, lang)
    }
}

/// A lever's standard error: percentage points for a rate ("±0.3个百分点").
pub fn lever_error(lever: Lever, error: f64, lang: Lang) -> String {
    if lever.range().1 == 1.0 {
        let points = crate::format::trim_decimals(error * 100.0, 2);
        match lang {
            Lang::Zh => format!("±{points}个百分点"),
            Lang::En => format!("± {points} points"),
        }
    } else {
        format!("±{}", format_count(error, lang))
    }
}

/// One fitted lever in a sentence: "每年新增人才：1.5万 ±320（原计划1.2万）".
pub fn fitted_lever_text(fitted: &FittedLever, lang: Lang) -> String {
    let lever = fitted.lever;
    let error = fitted
        .standard_error
        .map(|e| format!(" {}", lever_error(lever, e, lang)))
        .unwrap_or_default();
    match lang {
        Lang::Zh => format!(
            "{}：{}{error}（原计划{}）",
            lever_label(lever, lang),
            lever_value(lever, fitted.value, lang),
            lever_value(lever, fitted.planned, lang)
        ),
        Lang::En => format!(
            "{}: {}{error} (planned {})",
            lever_label(lever, lang),
            lever_value(lever, fitted.value, lang),
            lever_value(lever, fitted.planned, lang)
        ),
    }
}

/// How well the fit explains the actuals, in a sentence.
pub fn fit_quality(calibration: &Calibration, lang: Lang) -> String {
    let r2: Vec<String> = calibration
        .series
        .iter()
        .map(|s| {
            let value = s
                .r_squared
                .map_or("—".to_string(), |r| crate::format::trim_decimals(r, 4));
            match lang {
                Lang::Zh => format!("{} R² = {value}", metric_label(s.metric, lang)),
                Lang::En => format!("{}: R² = {value}", metric_label(s.metric, lang)),
            }
        })
        .collect();
    let (first, last) = calibration.years;
    match lang {
        Lang::Zh => format!(
            "按{first}–{last}年的实际值拟合（{}）。{}",
            r2.join("，"),
            largest_miss_text(&calibration.largest_miss, lang)
        ),
        Lang::En => format!(
            "Fitted to the actuals of {first}–{last} ({}). {}",
            r2.join("; "),
            largest_miss_text(&calibration.largest_miss, lang)
        ),
    }
}

/// The point the fit misses by most.
pub fn largest_miss_text(point: &FitPoint, lang: Lang) -> String {
    let m = point.metric;
    let percent = point
        .relative()
        .map(|r| format_percent(r.abs(), lang))
        .unwrap_or_else(|| "—".into());
    match lang {
        Lang::Zh => format!(
            "误差最大的是{}年{}：实际{}，拟合{}，差{}（{percent}）。",
            point.year,
            metric_label(m, lang),
            metric_value(m, point.actual, lang),
            metric_value(m, point.fitted, lang),
            metric_value(m, point.residual.abs(), lang)
        ),
        Lang::En => format!(
            "The largest miss is {} in {}: actual {}, fitted {}, off by {} ({percent}).",
            metric_label(m, lang).to_lowercase(),
            point.year,
            metric_value(m, point.actual, lang),
            metric_value(m, point.fitted, lang),
            metric_value(m, point.residual.abs(), lang)
        ),
    }
}

/// Why the levers cannot be fitted, in the planner's words: what is missing from the data and
/// what to do about it.
pub fn refusal_text(refusal: &Refusal, lang: Lang) -> String {
    match (refusal, lang) {
        (Refusal::Invalid(errors), _) => {
            let first = errors
                .0
                .first()
                .map(|e| validation_message(e, lang))
                .unwrap_or_default();
            match lang {
                Lang::Zh => format!("方案中有无效的数值，先改正它：{first}"),
                Lang::En => format!("The plan has an invalid value; correct it first: {first}"),
            }
        }
        (Refusal::Actuals { problems }, _) => {
            let list = problems
                .iter()
                .map(|p| actuals_problem_text(p, lang))
                .collect::<Vec<_>>()
                .join(" ");
            match lang {
                Lang::Zh => format!("有的实际值无法采用，先改正：{list}"),
                Lang::En => format!("Some actuals cannot be used; correct them first: {list}"),
            }
        }
        (Refusal::NoLevers, _) => lang
            .pick(
                "请至少选一个要拟合的杠杆。",
                "Choose at least one lever to fit.",
            )
            .to_string(),
        (
            Refusal::TooFewPoints {
                metric,
                points,
                levers,
            },
            Lang::Zh,
        ) => format!(
            "要同时拟合{levers}个杠杆，需要{}在基准年之后至少{levers}个年份的实际值，现在只有{points}个。数据点比杠杆少时，有无数组数值都能刚好对上，得不出结论：请再填几年的实际值，或少选几个杠杆。",
            metric_label(*metric, lang)
        ),
        (
            Refusal::TooFewPoints {
                metric,
                points,
                levers,
            },
            Lang::En,
        ) => format!(
            "Fitting {levers} levers together needs actuals of {} in at least {levers} years after the base year; there are {points}. With fewer points than levers, countless values fit exactly, which proves nothing: enter more years, or fit fewer levers.",
            metric_label(*metric, lang).to_lowercase()
        ),
        (Refusal::FlatSeries { metric }, Lang::Zh) => format!(
            "{}的实际值这几年几乎没变：进来多少、出去多少（建了多少、建成多少）从中分不开。请只拟合其中一个，另一个用估计值。",
            metric_label(*metric, lang)
        ),
        (Refusal::FlatSeries { metric }, Lang::En) => format!(
            "The actuals of {} barely move over these years: how many come in and how many leave (are scheduled and are finished) cannot be told apart. Fit one of the two and keep an estimate for the other.",
            metric_label(*metric, lang).to_lowercase()
        ),
        (Refusal::NoEffect { lever }, Lang::Zh) => format!(
            "{}对这些实际值没有影响（比如覆盖已满后的建设数、没有建设时的完成率），无法从中拟合：请不要选它。",
            lever_label(*lever, lang)
        ),
        (Refusal::NoEffect { lever }, Lang::En) => format!(
            "{} has no effect on these actuals (building past full coverage, a completion with nothing built), so they cannot fit it: leave it out.",
            lever_label(*lever, lang)
        ),
        (Refusal::Indistinguishable { levers: [a, b], .. }, Lang::Zh) => format!(
            "这些实际值分不清{}和{}：两者对数字的影响几乎一样（人数变化太小）。请把其中一个定为估计值（如流失率），只拟合另一个。",
            lever_label(*a, lang),
            lever_label(*b, lang)
        ),
        (Refusal::Indistinguishable { levers: [a, b], .. }, Lang::En) => format!(
            "These actuals cannot tell {} from {}: both move the figures almost alike (the stock barely changes). Keep one at an estimate (attrition, say) and fit the other.",
            lever_label(*a, lang).to_lowercase(),
            lever_label(*b, lang).to_lowercase()
        ),
        (
            Refusal::OutsideRange {
                lever,
                value,
                min,
                max,
            },
            Lang::Zh,
        ) => format!(
            "最能对上实际值的{}是{}，超出了它可能的范围（{}）：实际值与方案的其他假设（如报考人数、起点数字）对不上，请先检查它们。",
            lever_label(*lever, lang),
            lever_value(*lever, *value, lang),
            range_text(*lever, *min, *max, lang)
        ),
        (
            Refusal::OutsideRange {
                lever,
                value,
                min,
                max,
            },
            Lang::En,
        ) => format!(
            "The {} that best fits the actuals is {}, outside what it can be ({}): the actuals disagree with the plan's other assumptions (candidates, starting figures). Check those first.",
            lever_label(*lever, lang).to_lowercase(),
            lever_value(*lever, *value, lang),
            range_text(*lever, *min, *max, lang)
        ),
        (Refusal::NoConvergence, _) => lang
            .pick(
                "计算没有得到稳定的结果：请检查实际值有无录错，或少选几个杠杆。",
                "The search did not settle on a result: check the actuals for typing errors, or fit fewer levers.",
            )
            .to_string(),
    }
}

/// A fitted value's provenance: "按2019–2024年实际值拟合" / "Fitted to actuals 2019–2024".
pub fn fitted_provenance(years: (i32, i32), lang: Lang) -> String {
    let (first, last) = years;
    match lang {
        Lang::Zh if first == last => format!("按{first}年实际值拟合"),
        Lang::Zh => format!("按{first}–{last}年实际值拟合"),
        Lang::En if first == last => format!("Fitted to actuals {first}"),
        Lang::En => format!("Fitted to actuals {first}–{last}"),
    }
}

/// The chip of a fitted value, and the heading of its pop-up.
pub fn fitted_chip(lang: Lang) -> (&'static str, &'static str) {
    (
        lang.pick("拟合值", "Fitted"),
        lang.pick("由实际值拟合的数值", "A value fitted to the actuals"),
    )
}

/// Why a back-test cannot run.
pub fn backtest_refusal_text(refusal: &BacktestRefusal, lang: Lang) -> String {
    match (refusal, lang) {
        (BacktestRefusal::CutoffBeforeBase { base_year, cutoff }, Lang::Zh) => {
            format!("截止年（{cutoff}年）不能早于基准年（{base_year}年）。")
        }
        (BacktestRefusal::CutoffBeforeBase { base_year, cutoff }, Lang::En) => {
            format!("The cut-off ({cutoff}) cannot be before the base year ({base_year}).")
        }
        (BacktestRefusal::NoActualAtBase { metric }, Lang::Zh) => format!(
            "回测从基准年开始，需要基准年的{}实际值：请填上，或选有实际值的年份作基准年。",
            metric_label(*metric, lang)
        ),
        (BacktestRefusal::NoActualAtBase { metric }, Lang::En) => format!(
            "A back-test starts from its base year and needs the actual {} there: enter it, or choose a base year that has one.",
            metric_label(*metric, lang).to_lowercase()
        ),
        (BacktestRefusal::NoLaterActuals, _) => lang
            .pick(
                "截止年之后没有可对照的实际值：请选更早的截止年。",
                "There are no actuals after the cut-off to test against: choose an earlier cut-off.",
            )
            .to_string(),
        (BacktestRefusal::Fit(refusal), Lang::Zh) => {
            format!("截止年以前的实际值无法拟合：{}", refusal_text(refusal, lang))
        }
        (BacktestRefusal::Fit(refusal), Lang::En) => format!(
            "The actuals up to the cut-off cannot be fitted: {}",
            refusal_text(refusal, lang)
        ),
    }
}

/// Why the actuals cannot support a back-test of the chosen levers, and what would.
pub fn backtest_shortfall_text(shortfall: &BacktestShortfall, lang: Lang) -> String {
    match (shortfall, lang) {
        (BacktestShortfall::NoLevers, _) => lang
            .pick(
                "回测前请在上面选要拟合的杠杆。",
                "Choose the levers to fit above before a back-test.",
            )
            .to_string(),
        (
            BacktestShortfall::TooFewYears {
                figure,
                have,
                need,
                levers,
            },
            Lang::Zh,
        ) => {
            let fit = need - 2;
            let fewer = if *levers > 1 {
                "，或少选一个要拟合的杠杆"
            } else {
                ""
            };
            format!(
                "现有实际值还不够回测：{}只有{have}年的实际值，拟合{levers}个杠杆的回测至少需要{need}年（1年作基准年、{fit}年用来拟合、之后至少1年用来检验）。请再填几年的实际值{fewer}。",
                metric_label(*figure, lang)
            )
        }
        (
            BacktestShortfall::TooFewYears {
                figure,
                have,
                need,
                levers,
            },
            Lang::En,
        ) => {
            let fit = need - 2;
            let years = |n: usize| if n == 1 { "year" } else { "years" };
            let fewer = if *levers > 1 {
                ", or fit fewer levers"
            } else {
                ""
            };
            let lever_word = if *levers == 1 { "lever" } else { "levers" };
            format!(
                "The actuals cannot support a back-test yet: {} has actuals for {have} {}, and a back-test fitting {levers} {lever_word} needs at least {need} (a base year, {fit} {} to fit on and at least one later year to test against). Enter more years{fewer}.",
                metric_label(*figure, lang).to_lowercase(),
                years(*have),
                years(fit)
            )
        }
        (BacktestShortfall::NoCommonBase, _) => lang
            .pick(
                "现有实际值还不够回测：所选杠杆涉及的几个指标没有同一个有实际值、之后又有足够年份拟合和检验的基准年。请补齐这些指标同一年的实际值，或只拟合一个指标的杠杆。",
                "The actuals cannot support a back-test yet: the figures of the chosen levers have no common year with an actual that leaves years enough after it to fit and to test. Enter their actuals for the same years, or fit the levers of one figure only.",
            )
            .to_string(),
    }
}

/// What the back-test found: how far the projection lands, and why.
pub fn backtest_finding(backtest: &Backtest, lang: Lang) -> Vec<String> {
    let (base, cutoff) = (backtest.base_year, backtest.cutoff);
    let miss = &backtest.largest_miss;
    let m = miss.metric;
    // Of the projection, as the table of misses and every deviation of an actual from a plan.
    let percent = if miss.fitted != 0.0 {
        format_percent((miss.residual / miss.fitted).abs(), lang)
    } else {
        "—".into()
    };
    let direction = match (miss.residual >= 0.0, lang) {
        (true, Lang::Zh) => "高于",
        (false, Lang::Zh) => "低于",
        (true, Lang::En) => "above",
        (false, Lang::En) => "below",
    };
    let mut lines = vec![match lang {
        Lang::Zh => format!(
            "以{base}年为基准、只用{base}–{cutoff}年的实际值拟合，推算之后的年份：偏差最大的是{}年{}，实际{}，{direction}推算的{}（差{percent}）。",
            miss.year,
            metric_label(m, lang),
            metric_value(m, miss.actual, lang),
            metric_value(m, miss.fitted, lang)
        ),
        Lang::En => format!(
            "Based in {base} and fitted on the actuals of {base}–{cutoff} only, projected onward: the largest miss is {} in {}, actually {}, {direction} the projected {} (off by {percent}).",
            metric_label(m, lang).to_lowercase(),
            miss.year,
            metric_value(m, miss.actual, lang),
            metric_value(m, miss.fitted, lang)
        ),
    }];
    let shift = backtest
        .unseen
        .and_then(|lever| backtest.shifts.iter().find(|s| s.lever == lever));
    lines.push(match (shift, lang) {
        (Some(shift), _) => {
            let lever = shift.lever;
            let after = shift
                .after
                .map(|a| lever_value(lever, a, lang))
                .unwrap_or_else(|| "—".into());
            let explained = format_percent(shift.explained, lang);
            match lang {
                Lang::Zh => format!(
                    "拟合看不到的变化：{cutoff}年以后{}变了。只用之后几年重新拟合，它是{after}（之前拟合为{}），这一变化解释了偏差的{explained}。",
                    lever_label(lever, lang),
                    lever_value(lever, shift.before, lang)
                ),
                Lang::En => format!(
                    "What the fit could not see: {} changed after {cutoff}. Refitted on the later years alone it is {after} (fitted {} before), which explains {explained} of the miss.",
                    lever_label(lever, lang).to_lowercase(),
                    lever_value(lever, shift.before, lang)
                ),
            }
        }
        (None, _) => lang
            .pick(
                "之后的偏差没有超出拟合本身的误差，或不能由单独一个杠杆的变化解释：没有看出哪个杠杆在截止年后变了。",
                "The later misses are within the fit's own scatter, or no single lever's change explains them: no lever is seen to have changed after the cut-off.",
            )
            .to_string(),
    });
    lines
}

/// What a lever can be: "0–100%", or "不小于0" / "at least 0" when it has no ceiling.
fn range_text(lever: Lever, min: f64, max: f64, lang: Lang) -> String {
    let low = lever_value(lever, min, lang);
    if max.is_finite() {
        format!("{low}–{}", lever_value(lever, max, lang))
    } else {
        match lang {
            Lang::Zh => format!("不小于{low}"),
            Lang::En => format!("at least {low}"),
        }
    }
}

/// Why `--fit` refuses a key: it names no lever; `known` are the keys there are.
pub fn unknown_lever_text(key: &str, known: &[&str], lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("--fit：“{key}”不是可拟合的杠杆，可选：{}", known.join("、")),
        Lang::En => format!(
            "--fit: '{key}' is not a lever that can be fitted; choose from {}",
            known.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::Metric;

    #[test]
    fn a_lever_without_a_ceiling_is_said_to_be_at_least_its_floor() {
        let refusal = Refusal::OutsideRange {
            lever: Lever::Hires,
            value: -11482.0,
            min: 0.0,
            max: f64::INFINITY,
        };
        let zh = refusal_text(&refusal, Lang::Zh);
        assert!(zh.contains("（不小于0"), "{zh}");
        let en = refusal_text(&refusal, Lang::En);
        assert!(en.contains("(at least 0"), "{en}");
        assert!(!en.contains('—'), "{en}");
    }

    #[test]
    fn the_backtest_says_its_miss_as_its_table_of_misses_does() {
        use swplan_engine::actuals::Actual;
        let mut s = swplan_plans::presets::by_slug("yunnan")
            .unwrap()
            .scenario
            .clone();
        let plan = swplan_engine::simulate(&s).unwrap();
        // Three years 3% above the plan, then 10% above: the projection falls short.
        for (year, above) in [(2021, 1.03), (2022, 1.03), (2023, 1.03), (2024, 1.10)] {
            let talent = Metric::Talent.value(plan.row(year).unwrap()) * above;
            s.actuals.insert(
                Metric::Talent,
                year,
                Actual::new((talent / 100.0).round() * 100.0),
            );
        }
        let levers = [Lever::Hires, Lever::Attrition];
        let backtest =
            swplan_engine::backtest::backtest(&s, &s.actuals, &levers, 2021, 2023).unwrap();
        let miss = &backtest.misses[0];
        let table = crate::actuals::signed_percent(Some(miss.residual / miss.fitted), Lang::Zh);
        let finding = backtest_finding(&backtest, Lang::Zh);
        assert!(
            finding[0].contains(&format!(
                "高于推算的{}（差{}）",
                metric_value(Metric::Talent, miss.fitted, Lang::Zh),
                table.trim_start_matches('+')
            )),
            "{} | {table}",
            finding[0]
        );
    }

    #[test]
    fn actuals_too_few_for_a_backtest_are_said_with_what_it_takes() {
        let short = BacktestShortfall::TooFewYears {
            figure: Metric::Talent,
            have: 3,
            need: 4,
            levers: 2,
        };
        assert_eq!(
            backtest_shortfall_text(&short, Lang::Zh),
            "现有实际值还不够回测：社会工作人才总量只有3年的实际值，拟合2个杠杆的回测至少需要4年（1年作基准年、2年用来拟合、之后至少1年用来检验）。请再填几年的实际值，或少选一个要拟合的杠杆。"
        );
        assert_eq!(
            backtest_shortfall_text(&short, Lang::En),
            "The actuals cannot support a back-test yet: social-work talent has actuals for 3 years, and a back-test fitting 2 levers needs at least 4 (a base year, 2 years to fit on and at least one later year to test against). Enter more years, or fit fewer levers."
        );
        for shortfall in [
            BacktestShortfall::NoLevers,
            BacktestShortfall::NoCommonBase,
            BacktestShortfall::TooFewYears {
                figure: Metric::Stations,
                have: 1,
                need: 3,
                levers: 1,
            },
        ] {
            for lang in [Lang::Zh, Lang::En] {
                let text = backtest_shortfall_text(&shortfall, lang);
                assert!(!text.is_empty() && !text.contains("Shortfall"), "{text}");
            }
        }
        let one = backtest_shortfall_text(
            &BacktestShortfall::TooFewYears {
                figure: Metric::Stations,
                have: 1,
                need: 3,
                levers: 1,
            },
            Lang::En,
        );
        assert!(
            one.contains("for 1 year,") && one.contains("1 year to fit on"),
            "{one}"
        );
    }

    #[test]
    fn every_refusal_is_said_without_the_engines_terms() {
        let refusals = [
            Refusal::NoLevers,
            Refusal::TooFewPoints {
                metric: Metric::Talent,
                points: 1,
                levers: 2,
            },
            Refusal::FlatSeries {
                metric: Metric::Talent,
            },
            Refusal::NoEffect {
                lever: Lever::PassSenior,
            },
            Refusal::Indistinguishable {
                levers: [Lever::Hires, Lever::Attrition],
                condition: 1e9,
            },
            Refusal::OutsideRange {
                lever: Lever::PassJunior,
                value: 1.4,
                min: 0.0,
                max: 1.0,
            },
            Refusal::NoConvergence,
            Refusal::Actuals { problems: vec![] },
        ];
        for refusal in &refusals {
            for lang in [Lang::Zh, Lang::En] {
                let text = refusal_text(refusal, lang);
                for jargon in ["condition", "Jacobian", "JᵀJ", "κ", "Levenberg", "residual"] {
                    assert!(!text.contains(jargon), "{text}");
                }
            }
        }
        assert!(refusal_text(&refusals[4], Lang::Zh).contains("分不清每年新增人才和"));
    }

    #[test]
    fn a_fitted_rate_reads_in_percent_and_its_error_in_points() {
        assert_eq!(lever_value(Lever::Attrition, 0.085, Lang::Zh), "8.5%");
        assert_eq!(
            lever_error(Lever::Attrition, 0.0031, Lang::Zh),
            "±0.31个百分点"
        );
        assert_eq!(lever_error(Lever::Hires, 320.4, Lang::En), "±320");
    }

    #[test]
    fn the_provenance_names_the_years_in_both_languages() {
        assert_eq!(
            fitted_provenance((2019, 2024), Lang::Zh),
            "按2019–2024年实际值拟合"
        );
        assert_eq!(
            fitted_provenance((2019, 2024), Lang::En),
            "Fitted to actuals 2019–2024"
        );
    }
}
