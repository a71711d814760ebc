//! How numbers and yearly schedules are written in links: `12000`, `0.075`, a list
//! `12000_13000_15000` (the last value holds, so trailing repeats are dropped), growth
//! `12000g0.05`. Only digits, `.`, `-`, `_` and `g`: nothing a chat app escapes.

use swplan_engine::{CertifiedTotal, Yearly};

/// The shortest decimal that reads back as exactly the same number (`0.075`, `12000`).
pub fn number_text(value: f64) -> String {
    // Rust's `Display` for f64 is the shortest round-trip form, never in exponent notation.
    format!("{value}")
}

/// Reads a finite decimal number. Only `0–9 . - e E` are accepted, so `inf`, `NaN` and other
/// words that Rust's parser knows are refused.
pub fn parse_number(text: &str) -> Option<f64> {
    let plain = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'e' | b'E'));
    if !plain {
        return None;
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Reads a whole number such as a year, runs or a seed (digits, with a leading `-` for `T`s
/// that allow it).
pub fn parse_whole<T: std::str::FromStr>(text: &str) -> Option<T> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A schedule in its shortest equivalent form: trailing repeats of a list dropped, and a list
/// of one value written as that value. The numbers of every year are unchanged.
pub fn normalized_yearly(yearly: &Yearly) -> Yearly {
    match yearly {
        Yearly::List(values) => {
            let mut kept = values.as_slice();
            while let [rest @ .., before, last] = kept {
                if before != last {
                    break;
                }
                kept = &kept[..rest.len() + 1];
            }
            match kept {
                [single] => Yearly::Constant(*single),
                _ => Yearly::List(kept.to_vec()),
            }
        }
        other => other.clone(),
    }
}

/// A schedule as link text (in its normalized form).
pub fn yearly_text(yearly: &Yearly) -> String {
    match normalized_yearly(yearly) {
        Yearly::Constant(value) => number_text(value),
        Yearly::Growth { start, growth } => {
            format!("{}g{}", number_text(start), number_text(growth))
        }
        Yearly::List(values) => values
            .iter()
            .map(|v| number_text(*v))
            .collect::<Vec<_>>()
            .join("_"),
    }
}

/// Reads a schedule: a number, a `_`-separated list, or `start`g`growth`.
pub fn parse_yearly(text: &str) -> Option<Yearly> {
    if text.contains('_') {
        let values: Option<Vec<f64>> = text.split('_').map(parse_number).collect();
        return values.map(Yearly::List);
    }
    if let Some((start, growth)) = text.split_once('g') {
        return Some(Yearly::Growth {
            start: parse_number(start)?,
            growth: parse_number(growth)?,
        });
    }
    parse_number(text).map(Yearly::Constant)
}

/// `ct`: the total, then its junior and senior shares when they are not the default split.
pub fn certified_total_text(total: &CertifiedTotal) -> String {
    if total.has_default_split() {
        number_text(total.total)
    } else {
        [total.total, total.junior_share, total.senior_share]
            .map(number_text)
            .join("_")
    }
}

/// Reads `ct` (see [`certified_total_text`]).
pub fn read_certified_total(text: &str) -> Option<CertifiedTotal> {
    let numbers: Option<Vec<f64>> = text.split('_').map(parse_number).collect();
    match numbers?.as_slice() {
        [total] => Some(CertifiedTotal::with_default_split(*total)),
        [total, junior_share, senior_share] => Some(CertifiedTotal {
            total: *total,
            junior_share: *junior_share,
            senior_share: *senior_share,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_shortest_and_read_back_exactly() {
        for value in [
            0.075,
            12000.0,
            0.1 + 0.2,
            190606.0,
            1e-7,
            123456789.125,
            -0.05,
        ] {
            let text = number_text(value);
            assert_eq!(parse_number(&text), Some(value), "{text}");
        }
        assert_eq!(number_text(12000.0), "12000");
        assert_eq!(number_text(0.075), "0.075");
    }

    #[test]
    fn words_and_infinities_are_not_numbers() {
        for text in [
            "", "inf", "NaN", "infinity", "1e999", "12 000", "1,5", "+5", "1.2.3", "-",
        ] {
            assert_eq!(parse_number(text), None, "{text}");
        }
    }

    #[test]
    fn a_list_drops_trailing_repeats_and_a_single_value_is_a_number() {
        let list = Yearly::List(vec![15000.0, 12000.0, 12000.0, 12000.0]);
        assert_eq!(yearly_text(&list), "15000_12000");
        assert_eq!(yearly_text(&Yearly::List(vec![7.0, 7.0])), "7");
        assert_eq!(
            parse_yearly("15000_12000"),
            Some(Yearly::List(vec![15000.0, 12000.0]))
        );
    }

    #[test]
    fn growth_reads_as_start_and_rate() {
        let growth = Yearly::Growth {
            start: 12000.0,
            growth: 0.05,
        };
        assert_eq!(yearly_text(&growth), "12000g0.05");
        assert_eq!(parse_yearly("12000g0.05"), Some(growth));
        assert_eq!(
            parse_yearly("12000g-0.05").map(|y| y.first()),
            Some(12000.0)
        );
    }

    #[test]
    fn mangled_schedules_are_refused() {
        for text in ["", "_", "1_", "1__2", "1g", "g1", "1g2g3", "1_2g3", "abc"] {
            assert_eq!(parse_yearly(text), None, "{text}");
        }
    }

    #[test]
    fn whole_numbers_take_digits_only() {
        assert_eq!(parse_whole::<i32>("2025"), Some(2025));
        assert_eq!(parse_whole::<i32>("-3"), Some(-3));
        assert_eq!(parse_whole::<u64>("-3"), None);
        for text in ["", "20.5", "+1", "1e3", "99999999999"] {
            assert_eq!(parse_whole::<i32>(text), None, "{text}");
        }
    }
}
