//! Numbers as planners read them: 1.5万 and 14万 in Chinese, 15,000 and 140,000 in English.

use super::Lang;

/// A count of people or units. Chinese switches to 万 from ten thousand and to 亿 from a
/// hundred million, with up to two decimals; English uses thousands separators.
pub fn format_count(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    match lang {
        Lang::Zh => {
            let magnitude = value.abs();
            if magnitude >= 1e8 {
                format!("{}亿", trim_decimals(value / 1e8, 2))
            } else if magnitude >= 1e4 {
                format!("{}万", trim_decimals(value / 1e4, 2))
            } else {
                format!("{}", value.round() as i64)
            }
        }
        Lang::En => with_separators(value.round()),
    }
}

/// A count written in the unit [`format_count`] writes `reference` in (万 or 亿 in Chinese,
/// from its size), with up to `places` decimals of that unit: an actual beside its plan reads
/// "0.98万" beside "1.02万", never "9800" beside "1.02万". English writes every count whole.
pub fn format_count_as(value: f64, reference: f64, places: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    let magnitude = if reference.is_finite() {
        reference.abs()
    } else {
        value.abs()
    };
    match lang {
        Lang::Zh if value == 0.0 => "0".into(),
        Lang::Zh if magnitude >= 1e8 => format!("{}亿", trim_decimals(value / 1e8, places)),
        Lang::Zh if magnitude >= 1e4 => format!("{}万", trim_decimals(value / 1e4, places)),
        Lang::Zh => format!("{}", value.round() as i64),
        Lang::En => with_separators(value.round()),
    }
}

/// A count shown without rounding away information, for tables where two close values must
/// not read alike: Chinese keeps 万 with up to four decimals (19790 → "1.979万"), English writes
/// the whole number.
pub fn format_exact(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    match lang {
        Lang::Zh if value.abs() >= 1e4 => format!("{}万", trim_decimals(value.round() / 1e4, 4)),
        Lang::Zh => format!("{}", value.round() as i64),
        Lang::En => with_separators(value.round()),
    }
}

/// A whole number of people or units to act on ("需 ≥ 19784人"): "1.9784万" reads as a
/// measurement, not a number anyone would hire.
pub fn format_whole(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    match lang {
        Lang::Zh => format!("{}", value.round() as i64),
        Lang::En => with_separators(value.round()),
    }
}

/// A fraction as a percentage: 0.65 → "65%", 0.125 → "12.5%".
pub fn format_percent(fraction: f64, lang: Lang) -> String {
    if !fraction.is_finite() {
        return "—".into();
    }
    let _ = lang; // Both languages write percentages the same way.
    format!("{}%", trim_decimals(fraction * 100.0, 1))
}

/// Money in 元: "2516万元" / "1.2亿元" in Chinese, "¥25.16 M" / "¥6,000" in English.
pub fn format_yuan(yuan: f64, lang: Lang) -> String {
    format_yuan_in(yuan, YuanScale::for_largest(yuan, lang), lang)
}

/// The unit money is written in: 亿元 / 万元 / 元 in Chinese, ¥ bn / ¥ M / ¥ in English. A
/// column or an axis keeps one, chosen by its largest amount, so "5000万元" never stands next to
/// "1.2亿元".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YuanScale {
    Ones,
    Middle,
    Large,
}

impl YuanScale {
    /// The unit for amounts up to `largest`.
    pub fn for_largest(largest: f64, lang: Lang) -> YuanScale {
        let magnitude = if largest.is_finite() {
            largest.abs()
        } else {
            0.0
        };
        if magnitude >= YuanScale::Large.divisor(lang) {
            YuanScale::Large
        } else if magnitude >= YuanScale::Middle.divisor(lang) {
            YuanScale::Middle
        } else {
            YuanScale::Ones
        }
    }

    fn divisor(self, lang: Lang) -> f64 {
        match (self, lang) {
            (YuanScale::Large, Lang::Zh) => 1e8,
            (YuanScale::Middle, Lang::Zh) => 1e4,
            (YuanScale::Large, Lang::En) => 1e9,
            (YuanScale::Middle, Lang::En) => 1e6,
            (YuanScale::Ones, _) => 1.0,
        }
    }

    /// The amount as a number in this unit, rounded for reading.
    fn number(self, yuan: f64, lang: Lang) -> String {
        match (self, lang) {
            (YuanScale::Middle, Lang::Zh) => trim_decimals(yuan / 1e4, 1),
            _ => self.exact_number(yuan, lang),
        }
    }

    /// The same with two decimals in every unit, for axis ticks (2500元 is 0.25万元, not 0.2).
    fn exact_number(self, yuan: f64, lang: Lang) -> String {
        match (self, lang) {
            (YuanScale::Ones, Lang::Zh) => (yuan.round() as i64).to_string(),
            (YuanScale::Ones, Lang::En) => with_separators(yuan.round()),
            _ => trim_decimals(yuan / self.divisor(lang), 2),
        }
    }
}

/// Money in a given unit ([`YuanScale`]). An amount that would read 0 in it is written in its
/// own unit instead.
pub fn format_yuan_in(yuan: f64, scale: YuanScale, lang: Lang) -> String {
    yuan_text(yuan, scale, false, lang)
}

/// An axis tick of money in the axis's unit, with two decimals where it needs them.
pub fn format_yuan_tick(yuan: f64, scale: YuanScale, lang: Lang) -> String {
    yuan_text(yuan, scale, true, lang)
}

fn yuan_text(yuan: f64, scale: YuanScale, exact: bool, lang: Lang) -> String {
    if !yuan.is_finite() {
        return "—".into();
    }
    let number_in = |scale: YuanScale| {
        if exact {
            scale.exact_number(yuan, lang)
        } else {
            scale.number(yuan, lang)
        }
    };
    let mut number = number_in(scale);
    let mut scale = scale;
    if yuan != 0.0 && (number == "0" || number == "-0") {
        scale = YuanScale::for_largest(yuan, lang);
        number = number_in(scale);
    }
    with_yuan_unit(&number, scale, lang)
}

fn with_yuan_unit(number: &str, scale: YuanScale, lang: Lang) -> String {
    match (scale, lang) {
        (YuanScale::Large, Lang::Zh) => format!("{number}亿元"),
        (YuanScale::Middle, Lang::Zh) => format!("{number}万元"),
        (YuanScale::Ones, Lang::Zh) => format!("{number}元"),
        (YuanScale::Large, Lang::En) => format!("¥{number} bn"),
        (YuanScale::Middle, Lang::En) => format!("¥{number} M"),
        (YuanScale::Ones, Lang::En) => format!("¥{number}"),
    }
}

/// A count rounded no coarser than `resolution` (people or units): Chinese keeps as many
/// decimals of 万 or 亿 as that takes, at least two and at most four; English writes every one.
pub(crate) fn format_count_fine(value: f64, resolution: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    let magnitude = value.abs();
    let (divisor, suffix) = match lang {
        Lang::Zh if magnitude >= 1e8 => (1e8, "亿"),
        Lang::Zh if magnitude >= 1e4 => (1e4, "万"),
        _ => return format_count(value, lang),
    };
    let places = places_for(divisor, resolution, 2, 4);
    format!("{}{suffix}", trim_decimals(value / divisor, places))
}

/// A fraction as a percentage rounded no coarser than `resolution` (a fraction): one decimal
/// of a percent at least, three at most.
pub(crate) fn format_percent_fine(fraction: f64, resolution: f64) -> String {
    if !fraction.is_finite() {
        return "—".into();
    }
    let places = places_for(0.01, resolution, 1, 3);
    format!("{}%", trim_decimals(fraction * 100.0, places))
}

/// Money in a given unit rounded no coarser than `resolution` (元), with at most four decimals.
pub(crate) fn format_yuan_fine(yuan: f64, scale: YuanScale, resolution: f64, lang: Lang) -> String {
    if !yuan.is_finite() {
        return "—".into();
    }
    let least = match (scale, lang) {
        (YuanScale::Ones, _) => return format_yuan_in(yuan, scale, lang),
        (YuanScale::Middle, Lang::Zh) => 1,
        _ => 2,
    };
    let places = places_for(scale.divisor(lang), resolution, least, 4);
    with_yuan_unit(
        &trim_decimals(yuan / scale.divisor(lang), places),
        scale,
        lang,
    )
}

/// The decimals of a number written in units of `unit` whose last digit is worth at most
/// `resolution`, between `least` and `most`.
fn places_for(unit: f64, resolution: f64, least: usize, most: usize) -> usize {
    (least..=most)
        .find(|places| unit / 10f64.powi(*places as i32) <= resolution * (1.0 + 1e-9))
        .unwrap_or(most)
}

/// A number and the unit written after it: "12000 人/年", "1 person/yr", "300" when the unit
/// is empty (English counts of stations and rooms) — never "1 people" or "300 ".
pub fn quantity(number: &str, unit: &str, lang: Lang) -> String {
    if unit.is_empty() {
        return number.to_string();
    }
    match (lang, number, unit.strip_prefix("people")) {
        (Lang::En, "1", Some(rest)) => format!("1 person{rest}"),
        _ => format!("{number} {unit}"),
    }
}

/// Rounds to at most `decimals` places and drops trailing zeros: 8.450 → "8.45", 14.0 → "14".
pub(crate) fn trim_decimals(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

/// Columns a string takes in a terminal (or roughly, in half-em units on screen): CJK
/// characters are two columns wide.
pub fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 })
        .sum()
}

fn with_separators(value: f64) -> String {
    let digits = format!("{}", value.abs() as u64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0.0 && value.abs() >= 0.5 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn money_in_a_column_keeps_one_unit() {
        let scale = YuanScale::for_largest(1.2e8, Lang::Zh);
        assert_eq!(format_yuan_in(2.516e7, scale, Lang::Zh), "0.25亿元");
        assert_eq!(format_yuan_in(1.2e8, scale, Lang::Zh), "1.2亿元");
        assert_eq!(format_yuan_in(0.0, scale, Lang::Zh), "0亿元");
        // Too small to show in the column's unit: its own unit, never a misleading 0.
        assert_eq!(format_yuan_in(6000.0, scale, Lang::Zh), "6000元");
        let scale = YuanScale::for_largest(3.5e9, Lang::En);
        assert_eq!(format_yuan_in(2.516e8, scale, Lang::En), "¥0.25 bn");
        assert_eq!(format_yuan_in(6000.0, scale, Lang::En), "¥6,000");
        // Ticks keep the digits that tell them apart.
        let scale = YuanScale::for_largest(1e4, Lang::Zh);
        assert_eq!(format_yuan_tick(2500.0, scale, Lang::Zh), "0.25万元");
        assert_eq!(format_yuan_tick(7500.0, scale, Lang::Zh), "0.75万元");
        // Alone, each amount in its own unit, as before.
        assert_eq!(format_yuan(2.516e7, Lang::Zh), "2516万元");
        assert_eq!(format_yuan(2.516e7, Lang::En), "¥25.16 M");
    }

    use super::*;

    #[test]
    fn chinese_counts_use_wan() {
        assert_eq!(format_count(15_000.0, Lang::Zh), "1.5万");
        assert_eq!(format_count(140_000.0, Lang::Zh), "14万");
        assert_eq!(format_count(84_500.0, Lang::Zh), "8.45万");
        assert_eq!(format_count(7_000.0, Lang::Zh), "7000");
        assert_eq!(format_count(250_000_000.0, Lang::Zh), "2.5亿");
    }

    #[test]
    fn english_counts_use_separators() {
        assert_eq!(format_count(140_000.0, Lang::En), "140,000");
        assert_eq!(format_count(84_500.4, Lang::En), "84,500");
        assert_eq!(format_count(999.0, Lang::En), "999");
        assert_eq!(format_count(1_234_567.0, Lang::En), "1,234,567");
        assert_eq!(format_count(-1_500.0, Lang::En), "-1,500");
    }

    #[test]
    fn exact_counts_keep_every_digit() {
        assert_eq!(format_exact(19_790.0, Lang::Zh), "1.979万");
        assert_eq!(format_exact(19_791.0, Lang::Zh), "1.9791万");
        assert_eq!(format_exact(12_000.0, Lang::Zh), "1.2万");
        assert_eq!(format_whole(19_791.4, Lang::Zh), "19791");
        assert_eq!(format_whole(19_791.4, Lang::En), "19,791");
        assert_eq!(format_exact(366.0, Lang::Zh), "366");
        assert_eq!(format_exact(19_790.0, Lang::En), "19,790");
    }

    #[test]
    fn percentages_drop_needless_decimals() {
        assert_eq!(format_percent(0.65, Lang::Zh), "65%");
        assert_eq!(format_percent(0.125, Lang::En), "12.5%");
        assert_eq!(format_percent(1.0, Lang::En), "100%");
    }

    #[test]
    fn money_in_wan_yuan_and_millions() {
        assert_eq!(format_yuan(25_160_000.0, Lang::Zh), "2516万元");
        assert_eq!(format_yuan(120_000_000.0, Lang::Zh), "1.2亿元");
        assert_eq!(format_yuan(6_000.0, Lang::Zh), "6000元");
        assert_eq!(format_yuan(25_160_000.0, Lang::En), "¥25.16 M");
        assert_eq!(format_yuan(6_000.0, Lang::En), "¥6,000");
    }

    #[test]
    fn non_finite_numbers_show_a_dash() {
        assert_eq!(format_count(f64::NAN, Lang::Zh), "—");
        assert_eq!(format_yuan(f64::INFINITY, Lang::En), "—");
    }
}
