//! Legend samples: a stretch of each line long enough to show its pattern (two repeats of the
//! longest dash), drawn as the chart draws it — the same colour, width and dashes — and the
//! target line's own look, which no plan's line shares: a pale wide band with a thin solid line
//! inside and a ringed point at the deadline. So plan B's dashes and plan C's dash-dot never
//! read as the target, in colour or in grey.

/// How long a legend sample is, in CSS pixels: two repeats of the longest dash pattern (tone 3,
/// 18 px) fit.
pub const SAMPLE_WIDTH: f64 = 36.0;
/// How tall a sample is: room for the target's band and ring.
pub const SAMPLE_HEIGHT: f64 = 14.0;

/// A plan's line width on a chart (a faint one is thinner).
pub const LINE_WIDTH: f64 = 2.5;
pub const FAINT_LINE_WIDTH: f64 = 1.5;
pub const FAINT_OPACITY: f64 = 0.45;

/// The target's colour, and how its line is drawn: a band `TARGET_BAND_WIDTH` wide at
/// `TARGET_BAND_OPACITY`, and a solid line `TARGET_LINE_WIDTH` wide inside it.
pub const TARGET_COLOUR: &str = "#991b1b";
pub const TARGET_BAND_WIDTH: f64 = 8.0;
pub const TARGET_BAND_OPACITY: f64 = 0.15;
pub const TARGET_LINE_WIDTH: f64 = 1.5;

/// The tone of the re-projection from the latest actual: its own colour (a magenta no plan,
/// figure or target is drawn in), its own long dash and a hollow diamond at each year, so it
/// never reads as a certificate level's line or a compared plan's — in colour, for colour-blind
/// readers and in black-and-white print. No other series takes it (plans and cities cycle
/// through tones 1–4).
pub const REPROJECTION_TONE: u8 = 5;

/// The tones a chart draws, each unlike the others.
pub const TONES: [u8; 5] = [1, 2, 3, 4, REPROJECTION_TONE];

/// A tone's colour (the same as the page's CSS) and dash pattern.
pub fn tone_style(tone: u8) -> (&'static str, &'static str) {
    match tone {
        2 => ("#b45309", "7 4"),
        3 => ("#0f766e", "10 3 2 3"),
        4 => ("#7c3aed", "2 3"),
        REPROJECTION_TONE => ("#c026a3", "12 3"),
        _ => ("#1f4e79", ""),
    }
}

/// Whether a tone's line carries a marker at each year (the re-projection's diamonds).
pub fn tone_marked(tone: u8) -> bool {
    tone == REPROJECTION_TONE
}

/// The outline of a marker on a line at (`x`, `y`): a diamond, unlike the round points of the
/// actuals and the ringed point of a target.
pub fn marker_path(x: f64, y: f64) -> String {
    let r = MARKER_RADIUS;
    format!(
        "M{x:.2},{:.2}L{:.2},{y:.2}L{x:.2},{:.2}L{:.2},{y:.2}Z",
        y - r,
        x + r,
        y + r,
        x - r
    )
}

/// How far a marker's corners reach from its centre, in CSS pixels.
pub const MARKER_RADIUS: f64 = 4.5;

/// A marker drawn whole (for downloads and legends): white inside, outlined in the tone.
pub fn marker(x: f64, y: f64, tone: u8) -> String {
    let (colour, _) = tone_style(tone);
    format!(
        "<path d=\"{}\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"2\"/>",
        marker_path(x, y)
    )
}

/// What a legend entry shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sample {
    /// A plan's line (or the faint one behind the plans).
    Line { tone: u8, faint: bool },
    /// A series drawn as bars.
    Bars { tone: u8 },
    /// A P10–P90 band.
    Band { tone: u8 },
    /// Points (actual figures), ringed in the tone of their line.
    Points { tone: u8 },
    /// A target: its line and the point at its deadline.
    Target,
}

/// The sample's drawing, inside a box of `SAMPLE_WIDTH` × `SAMPLE_HEIGHT` at (`x`, `y`).
pub fn sample_shapes(sample: Sample, x: f64, y: f64) -> String {
    let mid = y + SAMPLE_HEIGHT / 2.0;
    let end = x + SAMPLE_WIDTH;
    match sample {
        Sample::Line { tone, faint } => {
            let (colour, dash) = tone_style(tone);
            let (width, opacity) = if faint {
                (FAINT_LINE_WIDTH, FAINT_OPACITY)
            } else {
                (LINE_WIDTH, 1.0)
            };
            let line = format!("<line x1=\"{x}\" x2=\"{end}\" y1=\"{mid}\" y2=\"{mid}\" stroke=\"{colour}\" stroke-width=\"{width}\" stroke-dasharray=\"{dash}\" opacity=\"{opacity}\"/>");
            if tone_marked(tone) {
                format!("{line}{}", marker(x + SAMPLE_WIDTH / 2.0, mid, tone))
            } else {
                line
            }
        }
        Sample::Bars { tone } => {
            let (colour, _) = tone_style(tone);
            format!("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\" fill=\"{colour}\" opacity=\"0.55\"/>", x + 6.0, mid - 5.0, SAMPLE_WIDTH - 12.0)
        }
        Sample::Band { tone } => {
            let (colour, _) = tone_style(tone);
            format!("<rect x=\"{x}\" y=\"{}\" width=\"{SAMPLE_WIDTH}\" height=\"10\" fill=\"{colour}\" opacity=\"0.2\"/>", mid - 5.0)
        }
        Sample::Points { tone } => actual_point(x + SAMPLE_WIDTH / 2.0, mid, tone),
        Sample::Target => format!(
            "{}{}",
            target_line(x, end, mid),
            target_point(end - 6.0, mid)
        ),
    }
}

/// A target's line from `x1` to `x2` at height `y`: the band, then the thin line.
pub fn target_line(x1: f64, x2: f64, y: f64) -> String {
    format!(
        "<line x1=\"{x1}\" x2=\"{x2}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{TARGET_COLOUR}\" stroke-width=\"{TARGET_BAND_WIDTH}\" opacity=\"{TARGET_BAND_OPACITY}\"/><line x1=\"{x1}\" x2=\"{x2}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{TARGET_COLOUR}\" stroke-width=\"{TARGET_LINE_WIDTH}\"/>"
    )
}

/// The target's point at its deadline: a ring with a dot, as no line's point is drawn.
pub fn target_point(x: f64, y: f64) -> String {
    format!(
        "<circle cx=\"{x}\" cy=\"{y}\" r=\"5\" fill=\"#fff\" stroke=\"{TARGET_COLOUR}\" stroke-width=\"2\"/><circle cx=\"{x}\" cy=\"{y}\" r=\"1.8\" fill=\"{TARGET_COLOUR}\"/>"
    )
}

/// An actual figure's point: a white dot ringed in the tone of its figure's line.
pub fn actual_point(x: f64, y: f64, tone: u8) -> String {
    let (colour, _) = tone_style(tone);
    format!("<circle cx=\"{x:.2}\" cy=\"{y:.2}\" r=\"4\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"2.5\"/>")
}

/// The sample as an inline SVG element for a page's legend (hidden from screen readers: the
/// legend's words say what it is).
pub fn sample_svg(sample: Sample) -> String {
    let class = match sample {
        Sample::Line { tone, faint: false } => format!("sample line-sample tone-{tone}"),
        Sample::Line { tone, faint: true } => format!("sample line-sample tone-{tone} faint"),
        Sample::Bars { tone } => format!("sample bar-sample tone-{tone}"),
        Sample::Band { tone } => format!("sample band-sample tone-{tone}"),
        Sample::Points { tone } => format!("sample point-sample tone-{tone}"),
        Sample::Target => "sample target-sample".to_string(),
    };
    format!(
        "<svg class=\"{class}\" width=\"{SAMPLE_WIDTH}\" height=\"{SAMPLE_HEIGHT}\" viewBox=\"0 0 {SAMPLE_WIDTH} {SAMPLE_HEIGHT}\" aria-hidden=\"true\" focusable=\"false\">{}</svg>",
        sample_shapes(sample, 0.0, 0.0)
    )
}

/// The length of one repeat of a dash pattern ("7 4" → 11; solid → 0).
pub fn dash_period(dash: &str) -> f64 {
    dash.split_whitespace()
        .filter_map(|d| d.parse::<f64>().ok())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_is_long_enough_to_show_two_repeats_of_its_pattern() {
        for tone in TONES {
            let (_, dash) = tone_style(tone);
            assert!(
                SAMPLE_WIDTH >= 2.0 * dash_period(dash),
                "tone {tone}: {dash}"
            );
            let svg = sample_svg(Sample::Line { tone, faint: false });
            assert!(
                svg.contains(&format!("stroke-dasharray=\"{dash}\"")),
                "{svg}"
            );
            assert!(svg.contains(&format!("x2=\"{SAMPLE_WIDTH}\"")), "{svg}");
        }
    }

    #[test]
    fn the_target_is_drawn_unlike_any_plans_line() {
        let target = sample_svg(Sample::Target);
        assert!(!target.contains("stroke-dasharray"), "no dashes: {target}");
        assert!(target.contains(&format!("stroke-width=\"{TARGET_BAND_WIDTH}\"")));
        assert!(target.contains("<circle"), "a ringed point");
        for tone in TONES {
            let (colour, _) = tone_style(tone);
            assert_ne!(colour, TARGET_COLOUR);
        }
    }

    #[test]
    fn the_reprojection_shares_no_colour_dash_or_look_with_any_other_line() {
        let (colour, dash) = tone_style(REPROJECTION_TONE);
        for tone in TONES.into_iter().filter(|t| *t != REPROJECTION_TONE) {
            let (other_colour, other_dash) = tone_style(tone);
            assert_ne!(colour, other_colour, "tone {tone}");
            assert_ne!(dash, other_dash, "tone {tone}");
            assert!(!tone_marked(tone), "only the re-projection has markers");
        }
        assert_ne!(colour, TARGET_COLOUR);
        let sample = sample_svg(Sample::Line {
            tone: REPROJECTION_TONE,
            faint: false,
        });
        assert!(
            sample.contains(&format!("stroke-dasharray=\"{dash}\"")),
            "{sample}"
        );
        assert!(
            sample.contains("<path d=\"M"),
            "a diamond in the legend: {sample}"
        );
    }
}
