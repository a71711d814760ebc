//! Where a chart's target labels go: beside their deadline marker, above their line where they
//! can, and never across a plan's line or another label. A label on a target of 100 % sits on
//! the plot's top edge; below its line it would lie where the plan's lines climb to it, so the
//! label takes another side, or the chart makes room above it (the layout asks for it).

use crate::plot::{text_width, wrap_label};

/// Line spacing of wrapped target labels.
pub const LINE_HEIGHT: f64 = 14.0;

/// A target mark placed on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedMark {
    /// The target line's height and the deadline's position.
    pub y: f64,
    pub x: f64,
    pub label_x: f64,
    /// `start` or `end`.
    pub anchor: &'static str,
    /// The label's lines and the baseline of the first one.
    pub lines: Vec<String>,
    pub first_baseline: f64,
}

/// A target to label, in drawing coordinates: its line's height, its deadline's position and
/// the label's text.
pub(crate) struct Mark {
    pub y: f64,
    pub x: f64,
    pub label: String,
}

/// The plot's edges in drawing coordinates: left, right, bottom (the top is the drawing's),
/// and the drawing's width.
pub(crate) struct Plot {
    pub left: f64,
    pub right: f64,
    pub bottom: f64,
    pub width: f64,
}

/// A label's box: left, right, top, bottom (the last line's baseline).
#[derive(Clone, Copy, Debug)]
struct LabelBox {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

impl LabelBox {
    fn overlaps(&self, other: &LabelBox) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom + 2.0
            && other.top < self.bottom + 2.0
    }

    /// Whether a polyline (the plan's line, in drawing coordinates) runs through the box, with
    /// the glyphs' descent below the baseline.
    fn crossed_by(&self, line: &[(f64, f64)]) -> bool {
        let (top, bottom) = (self.top - 1.0, self.bottom + 4.0);
        line.windows(2).any(|segment| {
            let ((x0, y0), (x1, y1)) = (segment[0], segment[1]);
            let (from, to) = (x0.max(self.left), x1.min(self.right));
            if from > to {
                return false;
            }
            let at = |x: f64| {
                if x1 == x0 {
                    y0
                } else {
                    y0 + (y1 - y0) * (x - x0) / (x1 - x0)
                }
            };
            let (ya, yb) = (at(from), at(to));
            ya.min(yb) <= bottom && ya.max(yb) >= top
        })
    }

    /// Whether a band (per point: x, its upper edge's y, its lower edge's y) covers part of
    /// the box: between two points both edges are straight, so the corners and the box's own
    /// edges are the places to look.
    fn covered_by(&self, band: &[(f64, f64, f64)]) -> bool {
        let (top, bottom) = (self.top - 1.0, self.bottom + 4.0);
        band.windows(2).any(|segment| {
            let ((x0, hi0, lo0), (x1, hi1, lo1)) = (segment[0], segment[1]);
            let (from, to) = (x0.max(self.left), x1.min(self.right));
            if from > to {
                return false;
            }
            let at = |x: f64, y0: f64, y1: f64| {
                if x1 == x0 {
                    y0
                } else {
                    y0 + (y1 - y0) * (x - x0) / (x1 - x0)
                }
            };
            [from, to]
                .into_iter()
                .any(|x| at(x, hi0, hi1) <= bottom && at(x, lo0, lo1) >= top)
        })
    }
}

/// One way to set a label: its side of the marker, above or below its line, wrapped lines.
struct Candidate {
    left_side: bool,
    lines: Vec<String>,
    area: LabelBox,
}

/// Places every target label, and says how far the highest label that found no clear place
/// would rise above the drawing (0 or less when none needs room above). The order of
/// preference: above the line on the side with room, above on the other side, below on either;
/// a place must stay inside the drawing and clear of the plan's lines, its P10–P90 bands (each
/// point's x, upper and lower edge) and the labels placed before. Where no place is clear of the
/// bands, one clear of the lines will do; where none is clear at all, the label goes above its
/// line (below if that leaves the drawing), and the chart is asked for room above.
pub(crate) fn place_marks(
    marks: &[Mark],
    lines: &[Vec<(f64, f64)>],
    bands: &[Vec<(f64, f64, f64)>],
    plot: &Plot,
) -> (Vec<PlacedMark>, f64) {
    let mut placed: Vec<LabelBox> = Vec::new();
    let mut overflow = f64::NEG_INFINITY;
    let placed_marks = marks
        .iter()
        .map(|m| {
            let (ty, dx, label) = (m.y, m.x, &m.label);
            let room_left = dx - 6.0 - plot.left;
            let room_right = plot.right - dx - 6.0;
            let prefer_left = text_width(label) <= room_left || room_left >= room_right;
            let candidate = |left_side: bool, above: bool| {
                let room = if left_side { room_left } else { room_right }.max(60.0);
                let lines = wrap_label(label, room);
                let widest = lines.iter().map(|l| text_width(l)).fold(0.0, f64::max);
                let height = LINE_HEIGHT * (lines.len() as f64 - 1.0) + 11.0;
                let (mut top, mut bottom) = if above {
                    (ty - 7.0 - height, ty - 7.0)
                } else {
                    (ty + 18.0, ty + 18.0 + height)
                };
                let (from, to) = if left_side {
                    (dx - 6.0 - widest, dx - 6.0)
                } else {
                    (dx + 6.0, dx + 6.0 + widest)
                };
                // Labels on one side of one deadline stack away from their line.
                for other in &placed {
                    let area = LabelBox {
                        left: from,
                        right: to,
                        top,
                        bottom,
                    };
                    if area.overlaps(other) {
                        let shift = if above {
                            bottom - (other.top - 4.0)
                        } else {
                            top - (other.bottom + 4.0)
                        };
                        top -= shift;
                        bottom -= shift;
                    }
                }
                Candidate {
                    left_side,
                    lines,
                    area: LabelBox {
                        left: from,
                        right: to,
                        top,
                        bottom,
                    },
                }
            };
            let inside = |c: &Candidate| {
                c.area.top >= 2.0
                    && c.area.bottom + 4.0 <= plot.bottom
                    && c.area.left >= 0.0
                    && c.area.right <= plot.width
            };
            let clear = |c: &Candidate| {
                inside(c)
                    && !lines.iter().any(|line| c.area.crossed_by(line))
                    && !placed.iter().any(|other| c.area.overlaps(other))
            };
            let places = || {
                [
                    (prefer_left, true),
                    (!prefer_left, true),
                    (prefer_left, false),
                    (!prefer_left, false),
                ]
                .into_iter()
                .map(|(side, above)| candidate(side, above))
            };
            let chosen = places()
                .find(|c| clear(c) && !bands.iter().any(|band| c.area.covered_by(band)))
                .or_else(|| places().find(|c| clear(c)));
            let chosen = chosen.unwrap_or_else(|| {
                // No clear place: above its line, with room made above for the next pass.
                let preferred = candidate(prefer_left, true);
                overflow = overflow.max(2.0 - preferred.area.top);
                if preferred.area.top >= 2.0 {
                    preferred
                } else {
                    candidate(prefer_left, false)
                }
            });
            placed.push(chosen.area);
            let label_x = if chosen.left_side { dx - 6.0 } else { dx + 6.0 };
            PlacedMark {
                y: ty,
                x: dx,
                label_x,
                anchor: if chosen.left_side { "end" } else { "start" },
                first_baseline: chosen.area.bottom
                    - LINE_HEIGHT * (chosen.lines.len() as f64 - 1.0),
                lines: chosen.lines,
            }
        })
        .collect();
    (placed_marks, overflow)
}
