//! What a control needs to show and read a parameter: the slider's range and step, the number
//! as displayed (rates as percentages), and the reading of what a planner types ("1.5万",
//! "12,000", "8%"). Pure, so it is tested natively; the UI only calls it.

use crate::Lang;
use swplan_engine::params::{Param, Unit};

/// A slider's range and step, in displayed units (percent for rates).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SliderRange {
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

/// The slider range for a parameter, scaled to the preset's value so that a region with 300
/// hires a year and one with 20,000 both get a useful slider. Typed values may go beyond it.
pub fn slider_range(param: &Param, preset_value: f64, ceiling: Option<f64>) -> SliderRange {
    if param.unit == Unit::Rate {
        return SliderRange {
            min: 0.0,
            max: 100.0,
            step: 0.5,
        };
    }
    let floor = match param.unit {
        Unit::People => 100.0,
        Unit::Count => 20.0,
        Unit::Yuan => 10_000.0,
        Unit::PerUnit => 5.0,
        Unit::Rate => 1.0,
    };
    let raw_max = ceiling.unwrap_or((preset_value.abs() * 3.0).max(floor));
    let max = nice_ceiling(raw_max);
    let step = if param.unit == Unit::PerUnit {
        0.1
    } else {
        let rough = max / 400.0;
        if rough <= 1.0 {
            1.0
        } else {
            10f64.powi(rough.log10().floor() as i32)
        }
    };
    SliderRange {
        min: 0.0,
        max,
        step,
    }
}

/// The slider range for a parameter whose value may lie beyond what its baseline suggests (a
/// blank region starts at 0; a planner types 1,500): scaled to the baseline while the value fits,
/// else to the value, so a slider never pins a typed value to its end and a touch never resets
/// it to a small number. Within the range the range stays put, so dragging does not rescale it.
pub fn slider_range_for(
    param: &Param,
    baseline: f64,
    value: f64,
    ceiling: Option<f64>,
) -> SliderRange {
    let range = slider_range(param, baseline, ceiling);
    let shown = to_display(param.unit, value);
    if shown.is_finite() && shown > range.max {
        slider_range(param, value, ceiling.map(|c| c.max(value)))
    } else {
        range
    }
}

/// A slider step on whose grid `shown` lies, so the slider never shows a rounded value (84,500
/// on a step of 1,000 would read 85,000): the preferred step, or a divisor of it (½, ¼, ⅕, ⅒…),
/// or `None` ("any") when no tidy step fits.
pub fn step_through(shown: f64, preferred: f64) -> Option<f64> {
    if !(shown.is_finite() && preferred > 0.0) {
        return None;
    }
    let mut step = preferred;
    for _ in 0..6 {
        for divisor in [1.0, 2.0, 4.0, 5.0] {
            let candidate = step / divisor;
            let ratio = shown / candidate;
            if (ratio - ratio.round()).abs() < 1e-9 * ratio.abs().max(1.0) {
                return Some(candidate);
            }
        }
        step /= 10.0;
    }
    None
}

/// The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `value`.
pub fn nice_ceiling(value: f64) -> f64 {
    if !(value.is_finite() && value > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powi(value.log10().floor() as i32);
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|candidate| *candidate >= value * (1.0 - 1e-12))
        .unwrap_or(10.0 * magnitude)
}

/// The number shown in a control: percentages for rates, the value otherwise.
pub fn to_display(unit: Unit, value: f64) -> f64 {
    if unit == Unit::Rate {
        value * 100.0
    } else {
        value
    }
}

/// The model value of a displayed number.
pub fn from_display(unit: Unit, shown: f64) -> f64 {
    if unit == Unit::Rate {
        shown / 100.0
    } else {
        shown
    }
}

/// A yearly value as text: one number when every year is the same, else each year with its value
/// ("2021: 500, 2022: 500, …" with `colon` ": " and `separator` ", "), as the report and CSV list
/// a schedule.
pub fn yearly_text(
    unit: Unit,
    values: &[f64],
    base_year: i32,
    colon: &str,
    separator: &str,
) -> String {
    match values.first() {
        Some(first) if values.iter().all(|v| v == first) => display_text(unit, *first),
        _ => values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                format!(
                    "{}{colon}{}",
                    base_year + 1 + i as i32,
                    display_text(unit, *v)
                )
            })
            .collect::<Vec<_>>()
            .join(separator),
    }
}

/// Text for a number input: no needless decimals, no float noise (8.000000001 → "8").
pub fn display_text(unit: Unit, value: f64) -> String {
    let shown = to_display(unit, value);
    let rounded = (shown * 1e4).round() / 1e4;
    if rounded == rounded.trunc() {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

/// Why typed text is not a number.
#[derive(Clone, Debug, PartialEq)]
pub struct NotANumber;

impl NotANumber {
    pub fn message(&self, lang: Lang) -> &'static str {
        lang.pick(
            "请输入数字（可写 1.5万、12,000 或 8%）",
            "Enter a number (1.5万, 12,000 or 8% also work)",
        )
    }
}

/// Reads what a planner typed, in displayed units: accepts thousands separators, full-width
/// digits, a 万 or 亿 suffix and a trailing % (for rates, where the display is a percentage).
pub fn parse_typed(text: &str) -> Result<f64, NotANumber> {
    let mapped: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '－' | '−' => '-',
            '，' => ',',
            other => other,
        })
        .collect();
    // A comma separates thousands only: "12,000" is twelve thousand, while "3,5" (a decimal
    // comma elsewhere) is refused rather than read as 35.
    let whole = mapped.split('.').next().unwrap_or("");
    if whole
        .split(',')
        .skip(1)
        .any(|group| group.chars().filter(char::is_ascii_digit).count() != 3)
    {
        return Err(NotANumber);
    }
    let normalised: String = mapped
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '_'))
        .collect();
    let (body, factor) = if let Some(rest) = normalised.strip_suffix('万') {
        (rest, 1e4)
    } else if let Some(rest) = normalised.strip_suffix('亿') {
        (rest, 1e8)
    } else if let Some(rest) = normalised.strip_suffix('%') {
        (rest, 1.0)
    } else {
        (normalised.as_str(), 1.0)
    };
    // Only plain decimal notation: "inf", "NaN" and "1e5" are not what a planner means.
    let plain = !body.is_empty()
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-');
    if !plain {
        return Err(NotANumber);
    }
    body.parse::<f64>()
        .map(|v| v * factor)
        .map_err(|_| NotANumber)
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::params::param;

    #[test]
    fn typed_numbers_in_planner_notation() {
        assert_eq!(parse_typed("12000"), Ok(12_000.0));
        assert_eq!(parse_typed(" 12,000 "), Ok(12_000.0));
        assert_eq!(parse_typed("1.5万"), Ok(15_000.0));
        assert_eq!(parse_typed("2亿"), Ok(200_000_000.0));
        assert_eq!(parse_typed("8%"), Ok(8.0));
        assert_eq!(parse_typed("１２００"), Ok(1_200.0));
        assert_eq!(parse_typed("-5"), Ok(-5.0));
        assert_eq!(parse_typed("1,234,567.5"), Ok(1_234_567.5));
        assert_eq!(parse_typed("12，000"), Ok(12_000.0));
    }

    #[test]
    fn text_that_is_not_a_number_is_refused() {
        for text in [
            "", "abc", "NaN", "inf", "1e5", "12a", "--", ".", "3,5", "1,50", "12,0000",
        ] {
            assert_eq!(parse_typed(text), Err(NotANumber), "{text:?}");
        }
    }

    #[test]
    fn rates_show_as_percentages() {
        assert_eq!(to_display(Unit::Rate, 0.08), 8.0);
        assert_eq!(from_display(Unit::Rate, 8.0), 0.08);
        assert_eq!(display_text(Unit::Rate, 0.07), "7");
        assert_eq!(display_text(Unit::Rate, 0.125), "12.5");
        assert_eq!(display_text(Unit::People, 84_500.0), "84500");
    }

    #[test]
    fn slider_scales_with_the_preset_value() {
        let hires = param("hires").unwrap();
        let big = slider_range(hires, 12_000.0, None);
        assert_eq!(big.max, 50_000.0);
        assert_eq!(big.step, 100.0);
        let small = slider_range(hires, 300.0, None);
        assert_eq!(small.max, 1_000.0);
        assert_eq!(small.step, 1.0);
        let rate = slider_range(param("attrition").unwrap(), 0.08, None);
        assert_eq!((rate.min, rate.max), (0.0, 100.0));
    }

    #[test]
    fn a_ceiling_bounds_the_slider() {
        let stations = param("stations").unwrap();
        assert_eq!(slider_range(stations, 12.0, Some(65.0)).max, 100.0);
    }

    #[test]
    fn a_value_beyond_the_baselines_range_widens_the_slider() {
        let hires = param("hires").unwrap();
        // A blank region: baseline 0, the planner typed 1,500.
        let range = slider_range_for(hires, 0.0, 1_500.0, None);
        assert!(range.max >= 1_500.0 * 2.0, "{range:?}");
        // Within the baseline's range the range does not move while dragging.
        assert_eq!(
            slider_range_for(hires, 12_000.0, 20_000.0, None),
            slider_range(hires, 12_000.0, None)
        );
        let rate = param("attrition").unwrap();
        assert_eq!(slider_range_for(rate, 0.0, 0.08, None).max, 100.0);
    }

    #[test]
    fn the_slider_step_goes_through_the_value() {
        assert_eq!(step_through(84_500.0, 1_000.0), Some(500.0));
        assert_eq!(step_through(85_000.0, 1_000.0), Some(1_000.0));
        assert_eq!(step_through(84_517.0, 1_000.0), Some(1.0));
        assert_eq!(step_through(7.25, 0.5), Some(0.25));
        assert_eq!(step_through(2_000.7, 10.0), Some(0.1));
        assert_eq!(step_through(1.0 / 3.0, 0.5), None);
    }

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(36_000.0), 50_000.0);
        assert_eq!(nice_ceiling(1_500.0), 2_000.0);
        assert_eq!(nice_ceiling(2_000.0), 2_000.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
    }
}
