//! Where a chart's target labels go: clear of the plan's lines, inside the drawing.

use swplan_render::chart::{
    layout, Axis, ChartSpec, Series, Shape, TargetMark, HEIGHT, LINE_HEIGHT, MARGIN,
};
use swplan_render::plot::text_width;
use swplan_words::Lang;

/// Ningxia's rooms on the first model reading: coverage climbs to 100 % in 2027, the target.
fn coverage() -> ChartSpec {
    let line = |values: Vec<f64>, tone: u8| Series {
        label: format!("tone {tone}"),
        tone,
        shape: Shape::Line,
        values,
        band: None,
        faint: false,
    };
    ChartSpec {
        title: "社工站与社工室覆盖率".into(),
        years: (2022..=2030).collect(),
        series: vec![
            line(vec![1.0; 9], 1),
            line(vec![0.0, 0.12, 0.24, 0.36, 0.68, 1.0, 1.0, 1.0, 1.0], 2),
        ],
        marks: vec![
            TargetMark {
                value: 1000.0 / 2800.0,
                deadline: 2025,
                label: "村（社区）社工室 1000 ≈ 35.7%".into(),
            },
            TargetMark {
                value: 1.0,
                deadline: 2027,
                label: "社工室覆盖率 100%".into(),
            },
        ],
        axis: Axis::Percent,
        lang: Lang::Zh,
        width: 460.0,
        note: None,
        subtitle: String::new(),
        file_stem: "ningxia".into(),
        y_floor: 0.0,
        fixed_scale: false,
    }
}

/// Points along every line of a laid-out chart ("M85.11 16.00L127.33 16.00…").
fn line_points(paths: &[Option<String>]) -> Vec<(f64, f64)> {
    paths
        .iter()
        .flatten()
        .flat_map(|path| {
            let corners: Vec<(f64, f64)> = path
                .trim_start_matches('M')
                .split('L')
                .filter_map(|p| {
                    let (x, y) = p.split_once(' ')?;
                    Some((x.parse().ok()?, y.parse().ok()?))
                })
                .collect();
            corners
                .windows(2)
                .flat_map(|w| {
                    let ((x0, y0), (x1, y1)) = (w[0], w[1]);
                    (0..=20).map(move |i| {
                        let t = f64::from(i) / 20.0;
                        (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
                    })
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn target_labels_stay_clear_of_the_plans_lines_and_inside_the_drawing() {
    for width in [300.0, 460.0, 640.0] {
        let spec = ChartSpec {
            width,
            ..coverage()
        };
        let chart = layout(&spec);
        let points = line_points(&chart.lines);
        for mark in &chart.marks {
            let widest = mark.lines.iter().map(|l| text_width(l)).fold(0.0, f64::max);
            let (left, right) = match mark.anchor {
                "end" => (mark.label_x - widest, mark.label_x),
                _ => (mark.label_x, mark.label_x + widest),
            };
            let top = mark.first_baseline - 11.0;
            let bottom = mark.first_baseline + LINE_HEIGHT * (mark.lines.len() as f64 - 1.0);
            assert!(
                top >= 0.0 && bottom <= HEIGHT,
                "{width}: {:?} at {top}",
                mark.lines
            );
            for (x, y) in &points {
                assert!(
                    !(*x > left + 1.0 && *x < right - 1.0 && *y > top + 1.0 && *y < bottom),
                    "{width}: {:?} over the line at {x:.0},{y:.0}",
                    mark.lines
                );
            }
        }
    }
}

#[test]
fn a_label_on_the_top_edge_gets_room_above_when_nothing_else_is_clear() {
    // Lines run through the space below the 100 % line on both sides of the deadline.
    let mut spec = coverage();
    spec.series[0].values = vec![1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.85, 0.85, 0.85];
    spec.series[1].values = vec![0.0, 0.2, 0.5, 0.8, 0.9, 1.0, 0.9, 0.9, 0.9];
    spec.marks.remove(0);
    let chart = layout(&spec);
    let mark = &chart.marks[0];
    assert!(mark.first_baseline < mark.y, "above its line: {mark:?}");
    assert!(chart.top > MARGIN.0, "the plot starts lower");
}

#[test]
fn a_label_at_the_last_year_stays_inside_the_drawing() {
    // A target at the last year, where the right of its marker has no room, and a line
    // climbing through the place on its left: the label may cross the line, never leave the
    // drawing.
    let mut spec = coverage();
    spec.series[1].values = vec![0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.85, 0.98];
    spec.marks = vec![TargetMark {
        value: 0.8,
        deadline: 2030,
        label: "社工室覆盖率 80%".into(),
    }];
    for width in [300.0, 460.0] {
        let chart = layout(&ChartSpec {
            width,
            ..spec.clone()
        });
        let mark = &chart.marks[0];
        let widest = mark.lines.iter().map(|l| text_width(l)).fold(0.0, f64::max);
        let (left, right) = match mark.anchor {
            "end" => (mark.label_x - widest, mark.label_x),
            _ => (mark.label_x, mark.label_x + widest),
        };
        assert!(
            left >= 0.0 && right <= chart.width,
            "{width}: {:?} from {left} to {right}",
            mark.lines
        );
    }
}

#[test]
fn a_target_label_stays_off_the_plans_band() {
    // Guizhou's certified social workers: the total climbs through 5000 before 2025 in a wide
    // P10–P90 band; the label "目标 持证社工 5000" must not hide where the plan may end up.
    let total: Vec<f64> = (0..10).map(|i| 3658.0 + 700.0 * f64::from(i)).collect();
    let band = (
        total.iter().map(|v| v * 0.8).collect::<Vec<f64>>(),
        total.iter().map(|v| v * 1.2).collect::<Vec<f64>>(),
    );
    let spec = ChartSpec {
        title: "持证社工".into(),
        years: (2021..=2030).collect(),
        series: vec![Series {
            label: "合计".into(),
            tone: 1,
            shape: Shape::Line,
            values: total,
            band: Some(band.clone()),
            faint: false,
        }],
        marks: vec![TargetMark {
            value: 5000.0,
            deadline: 2025,
            label: "持证社工 5000".into(),
        }],
        axis: Axis::Count,
        lang: Lang::En,
        ..coverage()
    };
    for width in [300.0, 460.0, 640.0] {
        let chart = layout(&ChartSpec {
            width,
            ..spec.clone()
        });
        let mark = &chart.marks[0];
        let widest = mark.lines.iter().map(|l| text_width(l)).fold(0.0, f64::max);
        let (left, right) = match mark.anchor {
            "end" => (mark.label_x - widest, mark.label_x),
            _ => (mark.label_x, mark.label_x + widest),
        };
        let top = mark.first_baseline - 11.0;
        let bottom = mark.first_baseline + LINE_HEIGHT * (mark.lines.len() as f64 - 1.0);
        // The band's edges on screen, year by year: no year inside the label's span may have
        // the band reaching into the label's height.
        let (top_y, top_label) = chart.grid.last().cloned().unwrap();
        let top_tick: f64 = top_label.replace(',', "").parse().unwrap();
        let y_of = |value: f64| chart.bottom - (chart.bottom - top_y) * value / top_tick;
        for (i, year) in spec.years.iter().enumerate() {
            let x = chart.left + (chart.right - chart.left) * (f64::from(year - 2021) + 0.5) / 10.0;
            if x < left || x > right {
                continue;
            }
            let (high, low) = (y_of(band.1[i]), y_of(band.0[i]));
            assert!(
                high > bottom + 2.0 || low < top - 2.0,
                "{width}: {:?} over the band in {year}",
                mark.lines
            );
        }
    }
}

#[test]
fn the_first_year_is_named_under_the_axis_at_any_width() {
    for width in [280.0, 300.0, 360.0, 460.0, 640.0] {
        let chart = layout(&ChartSpec {
            width,
            years: (2020..=2030).collect(),
            series: vec![Series {
                label: "x".into(),
                tone: 1,
                shape: Shape::Line,
                values: vec![0.5; 11],
                band: None,
                faint: false,
            }],
            ..coverage()
        });
        let years: Vec<i32> = chart.x_labels.iter().map(|(_, y)| *y).collect();
        assert_eq!(years.first(), Some(&2020), "{width}: {years:?}");
        assert_eq!(years.last(), Some(&2030), "{width}: {years:?}");
        for pair in chart.x_labels.windows(2) {
            assert!(pair[1].0 - pair[0].0 >= 30.0, "{width}: {years:?} crowd");
        }
    }
}
