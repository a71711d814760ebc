//! Legend samples show each plan's line as the chart draws it, long enough to see its pattern,
//! and the target's line looks like no plan's (issue 20, item 12).

use swplan_plans::chart::Chart;
use swplan_plans::presets;
use swplan_plans::state::Computed;
use swplan_render::chart::{to_page_markup, to_svg_document, tone_style};
use swplan_render::charts::{compared, Plotted};
use swplan_words::Lang;

/// Four Yunnan plans compared, A to D: the talent chart with its target.
fn talent_chart() -> swplan_render::chart::ChartSpec {
    let computed = Computed::of(&presets::by_slug("yunnan").unwrap().scenario).unwrap();
    let plans: Vec<Plotted> = ["A · 甲", "B · 乙", "C · 丙", "D · 丁"]
        .iter()
        .map(|label| Plotted {
            label,
            name: None,
            computed: &computed,
            summary: None,
        })
        .collect();
    compared(&plans, Lang::Zh, 640.0)
        .into_iter()
        .find(|(chart, _)| *chart == Chart::Talent)
        .unwrap()
        .1
}

/// The `<li>` of the page legend that names `label`.
fn legend_entry<'a>(markup: &'a str, label: &str) -> &'a str {
    let legend = &markup[markup.find("<ul class=\"legend\">").unwrap()..];
    legend
        .split("<li>")
        .find(|item| item.contains(label))
        .unwrap_or_else(|| panic!("no legend entry {label} in {legend}"))
}

/// The length of one repeat of a dash pattern ("7 4" → 11).
fn dash_period(dash: &str) -> f64 {
    dash.split_whitespace()
        .filter_map(|d| d.parse::<f64>().ok())
        .sum()
}

/// The width of a sample's line (its `x2`), if it has one.
fn sample_length(entry: &str) -> f64 {
    let at = entry.find("x2=\"").expect("a line") + 4;
    entry[at..].split('"').next().unwrap().parse().unwrap()
}

#[test]
fn each_plans_legend_sample_shows_its_dashes_twice_over() {
    let markup = to_page_markup(&talent_chart(), "chart-talent");
    for (tone, label) in [(2, "B · 乙"), (3, "C · 丙"), (4, "D · 丁")] {
        let entry = legend_entry(&markup, label);
        let (_, dash) = tone_style(tone);
        assert!(
            entry.contains(&format!("stroke-dasharray=\"{dash}\"")),
            "{label}: {entry}"
        );
        assert!(
            sample_length(entry) >= 2.0 * dash_period(dash),
            "{label}: {entry}"
        );
    }
}

#[test]
fn the_target_line_is_unlike_any_plans_line_on_the_page_and_in_a_download() {
    let spec = talent_chart();
    let markup = to_page_markup(&spec, "chart-talent");
    let entry = legend_entry(&markup, "目标");
    assert!(
        !entry.contains("stroke-dasharray"),
        "solid, not dashed: {entry}"
    );
    assert!(entry.contains("<circle"), "a ringed point: {entry}");
    assert!(
        markup.contains("class=\"target-band\""),
        "a band behind the line"
    );
    let (document, _) = to_svg_document(&spec);
    assert!(
        !document.contains("stroke=\"#991b1b\" stroke-width=\"1.5\" stroke-dasharray"),
        "the downloaded target line is not dashed"
    );
    assert!(document.contains("stroke-width=\"8\" opacity=\"0.15\""));
}

#[test]
fn the_pages_tone_colours_are_the_downloads() {
    let css = include_str!("../../../style/app.css");
    for tone in swplan_render::sample::TONES {
        let (colour, dash) = tone_style(tone);
        assert!(
            css.contains(&format!("--tone-{tone}: {colour};")),
            "tone {tone}: {colour}"
        );
        if !dash.is_empty() {
            assert!(
                css.contains(&format!(
                    ".chart .line.tone-{tone} {{ fill: none; stroke-dasharray: {dash}; }}"
                )),
                "tone {tone}: {dash}"
            );
        }
    }
}
