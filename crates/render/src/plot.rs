//! Chart geometry: axes with round ticks, scales, and SVG path strings. Pure and tested natively;
//! the UI's chart component only places what this computes.

/// A linear map from data values to SVG coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Scale {
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Round tick values covering `[low, high]`, about `count` of them, starting at or below `low`
/// and ending at or above `high` (so the axis encloses the data).
pub fn nice_ticks(low: f64, high: f64, count: usize) -> Vec<f64> {
    let (low, high) = if low.is_finite() && high.is_finite() {
        (low.min(high), low.max(high))
    } else {
        (0.0, 1.0)
    };
    let span = if high > low {
        high - low
    } else {
        high.abs().max(1.0)
    };
    let rough = span / count.max(1) as f64;
    let exponent = rough.log10().floor() as i32;
    let magnitude = 10f64.powi(exponent);
    let mantissa = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .find(|m| m * magnitude >= rough)
        .unwrap_or(10.0);
    let step = mantissa * magnitude;
    // Ticks as (k·mantissa)·10^exponent, dividing by an exact power of ten for small steps, so
    // that 3 × 0.1 reads 0.3 and not 0.30000000000000004.
    let tick_at = |k: f64| {
        if exponent >= 0 {
            k * mantissa * magnitude
        } else {
            k * mantissa / 10f64.powi(-exponent)
        }
    };
    let first_k = (low / step).floor();
    let first = tick_at(first_k);
    let mut ticks = Vec::new();
    let mut k = first_k;
    loop {
        let tick = tick_at(k);
        ticks.push(tick);
        if tick >= high - step * 1e-9 || ticks.len() > 50 {
            break;
        }
        k += 1.0;
    }
    if ticks.len() == 1 {
        ticks.push(first + step);
    }
    ticks
}

/// An SVG path through the points, "M x y L x y …", with two decimals. A point that is not a
/// number (a plan that starts later, a year not simulated) breaks the line; drawing resumes at
/// the next point. A point standing alone (the base year in playback) is drawn as a small ring,
/// since a line through one point would not show at all.
pub fn line_path(points: &[(f64, f64)]) -> String {
    trace(points, true)
}

/// The points as a polyline; with `rings`, each point standing alone gets a small ring.
fn trace(points: &[(f64, f64)], rings: bool) -> String {
    let mut path = String::with_capacity(points.len() * 16);
    let mut run = 0;
    let mut last = (0.0, 0.0);
    let ring = |path: &mut String, run: usize, (x, y): (f64, f64)| {
        if rings && run == 1 {
            path.push_str(&format!(
                "M{:.2} {y:.2}a3 3 0 1 0 6 0a3 3 0 1 0 -6 0",
                x - 3.0
            ));
        }
    };
    for &(x, y) in points {
        if !(x.is_finite() && y.is_finite()) {
            ring(&mut path, run, last);
            run = 0;
            continue;
        }
        path.push_str(if run > 0 { "L" } else { "M" });
        path.push_str(&format!("{x:.2} {y:.2}"));
        run += 1;
        last = (x, y);
    }
    ring(&mut path, run, last);
    path
}

/// A closed SVG path for the area between a lower and an upper line over the same x values.
pub fn band_path(xs: &[f64], lower: &[f64], upper: &[f64]) -> String {
    // Only the years with both ends: a re-projection's band starts at its own first year.
    let years: Vec<(f64, f64, f64)> = xs
        .iter()
        .zip(lower.iter().zip(upper))
        .filter(|(_, (low, high))| low.is_finite() && high.is_finite())
        .map(|(x, (low, high))| (*x, *low, *high))
        .collect();
    let top: Vec<(f64, f64)> = years.iter().map(|(x, _, high)| (*x, *high)).collect();
    let bottom: Vec<(f64, f64)> = years.iter().rev().map(|(x, low, _)| (*x, *low)).collect();
    if top.is_empty() {
        return String::new();
    }
    let mut path = trace(&top, false);
    for (x, y) in bottom {
        path.push_str(&format!("L{x:.2} {y:.2}"));
    }
    path.push('Z');
    path
}

/// Approximate width of 12 px text: a CJK character about 12.5 px, others about half that.
pub fn text_width(text: &str) -> f64 {
    swplan_words::display_width(text) as f64 * 6.5
}

/// Breaks a label into lines no wider than `max_width` (12 px text): between words in English,
/// between characters in Chinese. A single word wider than the line keeps a line of its own.
pub fn wrap_label(text: &str, max_width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // Pieces: a CJK character alone, or a run of other characters up to and including a space.
    let mut pieces: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if (c as u32) >= 0x2E80 {
            if !word.is_empty() {
                pieces.push(std::mem::take(&mut word));
            }
            pieces.push(c.to_string());
        } else {
            word.push(c);
            if c == ' ' {
                pieces.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        pieces.push(word);
    }
    for piece in pieces {
        let candidate = format!("{line}{piece}");
        if !line.is_empty() && text_width(candidate.trim_end()) > max_width {
            lines.push(line.trim_end().to_string());
            line = piece.trim_start().to_string();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_band_covers_only_the_years_with_both_ends() {
        let nan = f64::NAN;
        let path = band_path(&[0.0, 10.0, 20.0], &[nan, 1.0, 2.0], &[nan, 3.0, 4.0]);
        assert!(!path.contains("NaN"), "{path}");
        assert!(!path.contains("M0.00") && !path.contains("L0.00"), "{path}");
    }

    #[test]
    fn long_labels_wrap_within_the_width() {
        let lines = wrap_label("Target Certified social workers 7,000", 120.0);
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l) <= 120.0), "{lines:?}");
        assert_eq!(lines.join(" "), "Target Certified social workers 7,000");
        let zh = wrap_label("目标 村（社区）社工室覆盖率 100%", 80.0);
        assert!(zh.iter().all(|l| text_width(l) <= 80.0), "{zh:?}");
        assert_eq!(wrap_label("short", 200.0), vec!["short"]);
    }

    #[test]
    fn ticks_are_round_and_enclose_the_data() {
        assert_eq!(
            nice_ticks(84_500.0, 121_548.0, 4),
            vec![80_000.0, 90_000.0, 100_000.0, 110_000.0, 120_000.0, 130_000.0]
        );
        assert_eq!(nice_ticks(0.0, 1.0, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        let ticks = nice_ticks(0.0, 0.3, 3);
        assert!(ticks.iter().all(|t| (t * 10.0).fract() == 0.0), "{ticks:?}");
    }

    #[test]
    fn flat_or_broken_data_still_gets_an_axis() {
        assert!(nice_ticks(5.0, 5.0, 4).len() >= 2);
        assert!(nice_ticks(f64::NAN, 3.0, 4).len() >= 2);
        assert!(nice_ticks(0.0, 0.0, 4).len() >= 2);
    }

    #[test]
    fn scale_maps_domain_onto_range_upside_down_for_svg() {
        let y = Scale {
            domain: (0.0, 100.0),
            range: (200.0, 0.0),
        };
        assert_eq!(y.map(0.0), 200.0);
        assert_eq!(y.map(100.0), 0.0);
        assert_eq!(y.map(25.0), 150.0);
    }

    #[test]
    fn paths_are_svg_commands() {
        assert_eq!(line_path(&[(0.0, 1.0), (2.0, 3.5)]), "M0.00 1.00L2.00 3.50");
        assert_eq!(
            band_path(&[0.0, 1.0], &[5.0, 6.0], &[1.0, 2.0]),
            "M0.00 1.00L1.00 2.00L1.00 6.00L0.00 5.00Z"
        );
        assert_eq!(band_path(&[], &[], &[]), "");
        assert_eq!(
            line_path(&[(0.0, f64::NAN), (1.0, 2.0), (2.0, 3.0)]),
            "M1.00 2.00L2.00 3.00",
            "a gap starts the line anew"
        );
    }

    #[test]
    fn a_point_standing_alone_is_drawn_as_a_ring() {
        // The base year in playback: one point, which a line alone would not show.
        assert_eq!(
            line_path(&[(10.0, 20.0)]),
            "M10.00 20.00M7.00 20.00a3 3 0 1 0 6 0a3 3 0 1 0 -6 0"
        );
        // Alone between gaps too; a run of two points is a line without a ring.
        let path = line_path(&[(0.0, 1.0), (1.0, f64::NAN), (2.0, 3.0), (3.0, 4.0)]);
        assert_eq!(path.matches('a').count(), 2, "{path}");
        assert!(path.ends_with("M2.00 3.00L3.00 4.00"), "{path}");
        // A band's top edge never gets one.
        assert!(!band_path(&[0.0], &[5.0], &[1.0]).contains('a'));
    }
}
