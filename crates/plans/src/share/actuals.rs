//! Actual figures in a link (format 4): `ac` holds the values, `an` their source notes.
//!
//! `ac` is short and readable: per figure its target code (`tl` talent, `c` certified…, see
//! [`super::codes`]), then runs of consecutive years, each a first year and its values, joined
//! by `-`; runs of one figure are joined by `_`, figures by `~`:
//!
//! ```text
//! ac=tl-2021-84500-88000_2024-95000~c-2024-4100
//! ```
//!
//! is talent 84,500 (2021), 88,000 (2022) and 95,000 (2024), certified 4,100 (2024). Values are
//! never negative (an actual below zero is refused before it is entered), so `-` separates.
//!
//! `an` holds the notes, packed like the planner's sources (`q`): a layout byte, then per note
//! its figure's code, year and text. Notes are words and may be long: a link carries those that
//! fit in [`MAX_NOTE_CHARS`], earliest figure and year first; saves and files keep every one.

use super::base64url;
use super::codes::{metric_by_code, metric_code};
use super::packed::{Reader, Writer};
use super::values::{number_text, parse_number, parse_whole};
use swplan_engine::actuals::{is_actual_figure, Actual};
use swplan_engine::{Actuals, Metric};

/// The layout of `an` this app writes.
const NOTES_LAYOUT: u8 = 1;

/// The most characters `an` takes: a few notes of a bulletin's title each.
pub const MAX_NOTE_CHARS: usize = 300;

/// The value of `ac` for these actuals; `None` when there are none.
pub fn encode_values(actuals: &Actuals) -> Option<String> {
    let figures: Vec<String> = actuals
        .metrics()
        .filter_map(|metric| {
            let code = metric_code(metric)?;
            let mut runs: Vec<String> = Vec::new();
            let mut previous: Option<i32> = None;
            for (year, actual) in actuals.series(metric) {
                let value = number_text(actual.value);
                match (previous, runs.last_mut()) {
                    (Some(p), Some(run)) if p + 1 == year => {
                        run.push('-');
                        run.push_str(&value);
                    }
                    _ => runs.push(format!("{year}-{value}")),
                }
                previous = Some(year);
            }
            Some(format!("{code}-{}", runs.join("_")))
        })
        .collect();
    (!figures.is_empty()).then(|| figures.join("~"))
}

/// What a value of `ac` holds: the actuals it could read, and the parts it could not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DecodedValues {
    pub actuals: Actuals,
    /// Each figure or run that could not be read, as written.
    pub unreadable: Vec<String>,
}

/// Reads a value of `ac`. Never fails: what cannot be read is named and skipped.
pub fn decode_values(text: &str) -> DecodedValues {
    let mut decoded = DecodedValues::default();
    for figure in text.split('~').filter(|f| !f.is_empty()) {
        let (code, runs) = figure.split_once('-').unwrap_or((figure, ""));
        let Some(metric) = metric_by_code(code).filter(|m| is_actual_figure(*m)) else {
            decoded.unreadable.push(figure.to_string());
            continue;
        };
        for run in runs.split('_') {
            let mut parts = run.split('-');
            let year = parts.next().and_then(parse_whole::<i32>);
            let values: Option<Vec<f64>> = parts
                .map(|v| parse_number(v).filter(|v| *v >= 0.0))
                .collect();
            match (year, values) {
                (Some(year), Some(values)) if !values.is_empty() && values.len() <= 64 => {
                    for (i, value) in values.into_iter().enumerate() {
                        decoded
                            .actuals
                            .insert(metric, year + i as i32, Actual::new(value));
                    }
                }
                _ => decoded.unreadable.push(format!("{code}-{run}")),
            }
        }
    }
    decoded
}

/// The notes of `actuals` a link carries: whole notes in figure and year order while `an`
/// stays within [`MAX_NOTE_CHARS`]. Returns them and how many are left out.
pub fn link_notes(actuals: &Actuals) -> (Vec<(Metric, i32, String)>, usize) {
    let mut carried = Vec::new();
    let mut left_out = 0;
    let mut writer = Writer::new(NOTES_LAYOUT);
    for (metric, year, actual) in actuals.entries() {
        let Some(note) = actual.note.as_deref().map(clean).filter(|n| !n.is_empty()) else {
            continue;
        };
        let Some(code) = metric_code(metric) else {
            continue;
        };
        let before = writer.bytes().len();
        let mut trial = Writer::new(NOTES_LAYOUT);
        trial.text(code);
        trial.number(year.max(0) as u64);
        trial.text(&note);
        let size = trial.bytes().len() - 1;
        if (before + size) * 4 / 3 < MAX_NOTE_CHARS {
            writer.text(code);
            writer.number(year.max(0) as u64);
            writer.text(&note);
            carried.push((metric, year, note));
        } else {
            left_out += 1;
        }
    }
    (carried, left_out)
}

/// A note as a link carries it: on one line, trimmed, at most 200 characters.
fn clean(note: &str) -> String {
    let note: String = note
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    note.trim()
        .chars()
        .take(200)
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// The value of `an` for the notes a link carries; `None` when there are none.
pub fn encode_notes(actuals: &Actuals) -> Option<String> {
    let (notes, _) = link_notes(actuals);
    if notes.is_empty() {
        return None;
    }
    let mut writer = Writer::new(NOTES_LAYOUT);
    for (metric, year, note) in &notes {
        writer.text(metric_code(*metric).unwrap_or_default());
        writer.number(*year as u64);
        writer.text(note);
    }
    Some(base64url::encode(writer.bytes()))
}

/// Reads `an`: each note for its figure and year; `None` when damaged.
pub fn decode_notes(text: &str) -> Option<Vec<(Metric, i32, String)>> {
    let bytes = base64url::decode(text)?;
    let mut input = Reader::new(&bytes);
    if input.byte()? != NOTES_LAYOUT {
        return None;
    }
    let mut notes = Vec::new();
    while !input.is_done() {
        let code = input.text()?;
        let year = i32::try_from(input.number()?).ok()?;
        let note = input.text()?;
        if let Some(metric) = metric_by_code(&code) {
            notes.push((metric, year, note));
        }
    }
    Some(notes)
}

/// The actuals as a link carries them: every value, and the notes that fit (cleaned).
pub fn as_carried(actuals: &Actuals) -> Actuals {
    let (notes, _) = link_notes(actuals);
    let mut carried = Actuals::default();
    for (metric, year, actual) in actuals.entries() {
        let note = notes
            .iter()
            .find(|(m, y, _)| *m == metric && *y == year)
            .map(|(_, _, n)| n.clone());
        carried.insert(
            metric,
            year,
            Actual {
                value: actual.value,
                note,
            },
        );
    }
    carried
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Actuals {
        let mut a: Actuals = [
            (Metric::Talent, 2021, 84_500.0),
            (Metric::Talent, 2022, 88_000.0),
            (Metric::Talent, 2024, 95_000.0),
            (Metric::Certified, 2024, 4100.5),
        ]
        .into_iter()
        .collect();
        a.insert(
            Metric::Certified,
            2024,
            Actual {
                value: 4100.5,
                note: Some("2024年民政统计公报".into()),
            },
        );
        a
    }

    #[test]
    fn values_are_written_as_runs_of_years() {
        assert_eq!(
            encode_values(&sample()).unwrap(),
            "tl-2021-84500-88000_2024-95000~c-2024-4100.5"
        );
        assert_eq!(encode_values(&Actuals::default()), None);
    }

    #[test]
    fn values_and_notes_read_back() {
        let a = sample();
        let mut read = decode_values(&encode_values(&a).unwrap());
        assert!(read.unreadable.is_empty());
        for (metric, year, note) in decode_notes(&encode_notes(&a).unwrap()).unwrap() {
            read.actuals.insert(
                metric,
                year,
                Actual {
                    value: read.actuals.value(metric, year).unwrap(),
                    note: Some(note),
                },
            );
        }
        assert_eq!(read.actuals, a);
        let text = encode_notes(&a).unwrap();
        assert!(text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }

    #[test]
    fn unreadable_parts_are_named_and_the_rest_kept() {
        let read = decode_values("tl-2021-1-2_x-3~zz-2020-5~c-2024-abc~c-2023-7~s");
        assert_eq!(read.actuals.value(Metric::Talent, 2022), Some(2.0));
        assert_eq!(read.actuals.value(Metric::Certified, 2023), Some(7.0));
        assert_eq!(read.unreadable, ["tl-x-3", "zz-2020-5", "c-2024-abc", "s-"]);
        // A coverage code is a target's, not an actual figure's.
        assert_eq!(decode_values("sv-2023-0.5").unreadable, ["sv-2023-0.5"]);
    }

    #[test]
    fn notes_that_do_not_fit_are_left_out_whole() {
        let mut a = Actuals::default();
        for year in 2000..2030 {
            a.insert(
                Metric::Talent,
                year,
                Actual {
                    value: 1.0,
                    note: Some("某市民政事业发展统计公报".into()),
                },
            );
        }
        let (carried, left_out) = link_notes(&a);
        assert!(left_out > 0 && !carried.is_empty());
        assert!(encode_notes(&a).unwrap().len() <= MAX_NOTE_CHARS);
        assert_eq!(
            as_carried(&a)
                .entries()
                .filter(|(_, _, x)| x.note.is_some())
                .count(),
            carried.len()
        );
    }

    #[test]
    fn a_link_drops_each_actual_its_plan_cannot_use_and_says_so() {
        use crate::share::{decode, ProblemKind};
        // Yunnan runs 2020–2030: 2040 is outside; certified above talent in 2022.
        let opened = decode("v=4&p=yunnan.2&ac=tl-2021-90000-91000~c-2022-95000~i-2040-5~x-1");
        let actuals = &opened.plans[0].scenario.actuals;
        assert_eq!(actuals.value(Metric::Talent, 2022), Some(91_000.0));
        assert_eq!(actuals.value(Metric::Certified, 2022), None);
        assert_eq!(actuals.value(Metric::Institutions, 2040), None);
        let kinds: Vec<&ProblemKind> = opened.problems.iter().map(|p| &p.kind).collect();
        assert_eq!(kinds.len(), 3, "{kinds:?}");
        assert!(matches!(kinds[0], ProblemKind::NotAnActual { .. }));
        assert!(kinds[1..]
            .iter()
            .all(|k| matches!(k, ProblemKind::UnusableActual { .. })));
    }

    #[test]
    fn a_link_without_actuals_is_written_as_before() {
        let plan = crate::share::open::open_name("yunnan")
            .unwrap()
            .plans
            .remove(0);
        let query = crate::share::encode(&[plan], None);
        assert!(query.starts_with("v=2&"), "{query}");
    }

    #[test]
    fn damaged_notes_are_refused_whole() {
        assert_eq!(decode_notes("%%"), None);
        assert_eq!(decode_notes("AAAA"), None);
        let text = encode_notes(&sample()).unwrap();
        assert_eq!(decode_notes(&text[..text.len() - 2]), None);
    }
}
