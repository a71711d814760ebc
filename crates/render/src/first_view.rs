//! The first view: what the page shows while the full app loads. A small module
//! (`crates/web/src/bin/boot.rs`: the model, the link reader and the charts, no UI framework)
//! opens the plan the app is about to open, the same way, and draws its header, verdicts,
//! settings and charts with the page's own markup and CSS. Its sliders already work: a step
//! redraws the verdicts and results ([`redraw`]), and the edits are handed to the app, which
//! opens the plan and applies them as the planner's own changes (undoable), then takes the
//! page. So a planner on an old PC or a phone can work after about a fifth of the download.
//!
//! Pure, so the choice of plan and the drawing are tested natively against the app's own.

use crate::chart::{escape, to_page_markup};
use crate::charts::{chart_width, single_plan, Plotted};
use swplan_engine::params::{self, Group, Kind, Param, Shape, Value, PARAMS};
use swplan_engine::{first_year_over, Goal, Scenario};
use swplan_plans::presets;
use swplan_plans::share::{self, Origin};
use swplan_plans::state::plan::baseline_of;
use swplan_plans::state::Computed;
use swplan_words::inputs::{
    display_text, from_display, parse_typed, slider_range_for, step_through, to_display,
};
use swplan_words::labels::metric_column_label;
use swplan_words::labels::param_label;
use swplan_words::messages::{metric_amount, target_difference, target_terms};
use swplan_words::results::{chip_terms, figure_against, first_over_label, first_over_text};
use swplan_words::strings::{horizon_note, param_unit, strings, tr, year_text};
use swplan_words::{group_label, metric_label, Lang};

/// Where the app keeps the autosave (a save file of one plan).
pub const AUTOSAVE_KEY: &str = "swplan.v1.autosave";
/// Where the app keeps the link of the autosaved plan, beside the autosave itself: the first
/// view reads the plan from it with the link reader it already carries, not a JSON parser.
pub const AUTOSAVE_LINK_KEY: &str = "swplan.v1.autosave.link";
/// Where the app remembers the language.
pub const LANG_KEY: &str = "swplan.lang";

/// The autosave as the first view finds it in storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Autosave<'a> {
    None,
    /// An autosave and the link written beside it.
    Link(&'a str),
    /// An autosave without a link (written by an older version): only the app can read it.
    Unreadable,
}

/// What the first view draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    pub scenario: Scenario,
    /// Where the plan comes from: its baseline scales the sliders, as in the app.
    pub origin: Origin,
    /// The language the link asks for, if any.
    pub lang: Option<Lang>,
    /// The app will open with a note on the link (what could not be read, older preset data, the
    /// autosave kept aside): the first view says so, in the note's place.
    pub notes: bool,
}

/// The plan the app will open (as `ui::persistence::initial_state` decides: the link in the
/// address, else the autosave, else the default preset). `None` when the app opens something
/// the first view does not draw (a comparison of several plans, a story in the presenter, an
/// autosave it cannot read): the page then waits for the app.
pub fn starting_plan(query: &str, autosave: Autosave) -> Option<Start> {
    // A story opens in the presenter, on top of the page.
    let story = query
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair.starts_with("story=") || pair.starts_with("sr="));
    if story {
        return None;
    }
    if share::is_link(query) {
        let opened = share::decode(query);
        let [plan] = opened.plans.as_slice() else {
            return None;
        };
        // A different autosave is kept aside, and the app says so.
        let kept_aside = match autosave {
            Autosave::Link(link) => share::decode(link).plans.first() != Some(plan),
            Autosave::Unreadable => true,
            Autosave::None => false,
        };
        return Some(Start {
            scenario: plan.scenario.clone(),
            origin: plan.origin.clone(),
            lang: opened.lang,
            notes: kept_aside || !opened.problems.is_empty() || !opened.notices.is_empty(),
        });
    }
    let (scenario, origin) = match autosave {
        Autosave::Link(link) => match share::decode(link).plans.as_slice() {
            [plan] => (plan.scenario.clone(), plan.origin.clone()),
            _ => return None,
        },
        Autosave::Unreadable => return None,
        Autosave::None => {
            let preset = presets::default_preset();
            let origin = Origin::Preset {
                slug: preset.slug.to_string(),
                data_version: preset.data_version,
            };
            (preset.scenario.clone(), origin)
        }
    };
    Some(Start {
        scenario,
        origin,
        lang: None,
        notes: false,
    })
}

/// The first view of a plan for a window width: the header, the verdict of every target as
/// planned, the settings with live sliders, and the four charts. `None` for a scenario the
/// model rejects (the app shows why). With `notes`, a line where the app's notes on the link
/// will be.
pub fn render(start: &Start, lang: Lang, window_width: f64) -> Option<String> {
    let scenario = &start.scenario;
    let computed = Computed::of(scenario).ok()?;
    let region = lang.pick(&scenario.name.zh, &scenario.name.en);
    let baseline = baseline_of(&start.origin);
    Some(format!(
        "<div class=\"first-view\" lang=\"{tag}\" aria-busy=\"true\">\
<header class=\"topbar\" inert><div class=\"brand\"><h1>{title}</h1><p class=\"subtitle\">{subtitle}</p></div>\
<p class=\"horizon-note\"><strong>{region}</strong> · {horizon}</p></header>{notes}\
<nav class=\"verdict-bar\" aria-label=\"{bar}\" inert><ul class=\"verdict-chips\" id=\"{CHIPS_ID}\">{chips}</ul>\
<p class=\"first-view-status\" role=\"status\">{loading}</p></nav>\
<main class=\"layout show-results\">\
<section class=\"controls\" aria-labelledby=\"first-view-controls\"><div class=\"controls-inner\"><div class=\"controls-head\"><h2 id=\"first-view-controls\">{controls}</h2></div>\
{settings}</div></section>\
<section class=\"results\" id=\"results\" aria-label=\"{results_label}\" inert>{results}</section></main></div>",
        tag = lang.tag(),
        notes = if start.notes {
            format!(
                "<div class=\"notices\"><div class=\"notice\" role=\"status\"><p>{}</p></div></div>",
                escape(tr!(lang, first_view_notes))
            )
        } else {
            String::new()
        },
        title = escape(tr!(lang, app_title)),
        subtitle = escape(tr!(lang, app_subtitle)),
        region = escape(region),
        horizon = escape(&horizon_note(scenario.base_year, scenario.end_year, lang)),
        bar = escape(tr!(lang, verdict_bar_label)),
        chips = chips(&computed, lang),
        loading = escape(tr!(lang, first_view_loading)),
        controls = escape(tr!(lang, controls_heading)),
        settings = settings(scenario, &baseline, lang),
        results_label = escape(tr!(lang, view_results)),
        results = results(scenario, &computed, lang, window_width),
    ))
}

/// The id of the list of verdict chips, which a slider step redraws.
pub const CHIPS_ID: &str = "first-view-chips";

/// The first view after a slider step: the verdict chips and the results region (target cards
/// and charts) of the edited plan, to put in place of the ones on the page. `None` for a
/// scenario the model rejects.
pub fn redraw(scenario: &Scenario, lang: Lang, window_width: f64) -> Option<Redrawn> {
    let computed = Computed::of(scenario).ok()?;
    Some(Redrawn {
        chips: chips(&computed, lang),
        results: results(scenario, &computed, lang, window_width),
    })
}

/// What a slider step redraws (see [`redraw`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Redrawn {
    /// The inside of the list with id [`CHIPS_ID`].
    pub chips: String,
    /// The inside of the section with id `results`.
    pub results: String,
}

/// The verdict chips: the app's, without the odds that come with it.
fn chips(computed: &Computed, lang: Lang) -> String {
    let mut chips = String::new();
    if computed.verdicts.is_empty() {
        chips += &format!("<li class=\"muted\">{}</li>", escape(tr!(lang, no_targets)));
    }
    for v in &computed.verdicts {
        let (mark, class, said) = if v.met {
            ("✓", "is-met", tr!(lang, met))
        } else {
            ("✗", "is-not-met", tr!(lang, not_met))
        };
        let label = metric_label(v.metric, lang);
        let title = format!("{mark} {label} {}", chip_terms(v, lang));
        let (value, threshold) = figure_against(v.metric, v.value_at_deadline, v.threshold, lang);
        chips += &format!(
            "<li><span class=\"verdict-chip {class}\" title=\"{}\"><span class=\"mark\" aria-hidden=\"true\">{mark}</span><span class=\"visually-hidden\">{}</span><span class=\"chip-metric\">{}</span><span class=\"chip-metric-short\" aria-hidden=\"true\">{}</span><span class=\"chip-figures\"><span class=\"chip-value\">{} / {}</span></span></span></li>",
            escape(&title),
            escape(said),
            escape(label),
            escape(metric_column_label(v.metric, lang)),
            escape(&value),
            escape(&threshold),
        );
    }
    chips
}

/// The results region: the target cards as planned (their odds come with the app), in the
/// cards' own places so nothing moves when the app takes over, and the four charts.
fn results(scenario: &Scenario, computed: &Computed, lang: Lang, window_width: f64) -> String {
    let mut cards = String::new();
    for (target, v) in scenario.targets.iter().zip(&computed.verdicts) {
        let ceiling = target.goal() == Goal::AtMost;
        let (badge_class, badge) = if v.met {
            ("met", format!("✓ {}", tr!(lang, met_as_planned)))
        } else {
            ("not-met", format!("✗ {}", tr!(lang, not_met_as_planned)))
        };
        let (gap_label, gap) = target_difference(v, ceiling, lang);
        let (first_label, first) = if ceiling {
            (
                first_over_label(lang),
                first_over_text(first_year_over(target, &computed.trajectory), lang),
            )
        } else {
            (tr!(lang, first_met), year_text(v.first_year_met, lang))
        };
        cards += &format!(
            "<article class=\"first-view-card is-{badge_class}\"><header class=\"target-head\"><span class=\"badge {badge_class}\">{}</span><h3>{}</h3></header>\
<p class=\"target-line\">{}</p><dl class=\"target-facts\"><div><dt>{}</dt><dd class=\"at-deadline\">{}</dd></div><div><dt>{}</dt><dd class=\"{}\">{}</dd></div>\
<div><dt>{}</dt><dd>{}</dd></div></dl></article>",
            escape(&badge),
            escape(metric_label(v.metric, lang)),
            escape(&target_terms(v, ceiling, lang)),
            escape(tr!(lang, at_deadline)),
            escape(&metric_amount(v.metric, v.value_at_deadline, lang)),
            escape(gap_label),
            if v.met { "margin" } else { "gap" },
            escape(&gap),
            escape(first_label),
            escape(&first),
        );
    }
    let targets = if cards.is_empty() {
        format!("<p class=\"muted\">{}</p>", escape(tr!(lang, no_targets)))
    } else {
        format!("<div class=\"target-grid\">{cards}</div>")
    };
    let plotted = Plotted {
        label: "",
        name: None,
        computed,
        summary: None,
    };
    let charts: String = single_plan(&plotted, None, lang, chart_width(window_width, false))
        .iter()
        .map(|(chart, spec)| to_page_markup(spec, chart.id()))
        .collect();
    format!(
        "<section class=\"targets\" aria-labelledby=\"first-view-targets\"><h2 id=\"first-view-targets\">{targets_heading}</h2>{targets}</section>\
<section class=\"compare-bar\"><details class=\"compare-fold\"><summary><h2 class=\"compare-heading\">{compare}</h2></summary></details></section>\
<section class=\"charts\" aria-labelledby=\"first-view-charts\"><h2 id=\"first-view-charts\">{charts_heading}</h2>\
<div class=\"chart-grid\">{charts}</div></section>",
        targets_heading = escape(tr!(lang, targets_heading)),
        compare = escape(tr!(lang, compare_fold)),
        charts_heading = escape(tr!(lang, charts_heading)),
    )
}

/// The settings column as the app draws it (`controls.rs`, `param_control.rs`), one group per
/// area, levers first: a live slider and a field for the number it sets, for every parameter
/// with one value (`data-key` names it). A schedule that varies by year, the certified total, the Monte Carlo
/// settings and the parameters' sources wait for the app.
fn settings(scenario: &Scenario, baseline: &Scenario, lang: Lang) -> String {
    let text = strings(lang);
    let mut html = format!(
        "<details class=\"group targets-group\"><summary><h3>{} ({})</h3></summary></details>",
        escape(text.region_and_targets),
        scenario.targets.len()
    );
    let by_total = scenario.certified_total.is_some();
    for group in Group::ALL {
        let shown =
            |p: &&Param| p.group == group && !(by_total && CERTIFIED_LEVELS.contains(&p.key));
        let levers: String = PARAMS
            .iter()
            .filter(|p| p.kind != Kind::Assumption)
            .filter(shown)
            .map(|p| control(p, scenario, baseline, lang))
            .collect();
        let assumptions: String = PARAMS
            .iter()
            .filter(|p| p.kind == Kind::Assumption)
            .filter(shown)
            .map(|p| control(p, scenario, baseline, lang))
            .collect();
        html += &format!(
            "<details class=\"group\" open><summary><h3>{}</h3></summary>",
            escape(group_label(group, lang))
        );
        if !levers.is_empty() && group != Group::Uncertainty {
            html += &format!(
                "<h4 class=\"subheading\">{}</h4>",
                escape(text.levers_subheading)
            );
        }
        html += &levers;
        if !assumptions.is_empty() {
            html += &format!(
                "<div class=\"assumptions\"><h4 class=\"subheading\">{}</h4>{assumptions}</div>",
                escape(text.assumptions_subheading)
            );
        }
        html += "</details>";
    }
    html
}

/// The three certified stocks, which the certified total stands for when the plan has one.
const CERTIFIED_LEVELS: [&str; 3] = ["certified_junior", "certified_mid", "certified_senior"];

/// One parameter's control, with the classes and ids of the app's.
fn control(param: &Param, scenario: &Scenario, baseline: &Scenario, lang: Lang) -> String {
    let text = strings(lang);
    let key = param.key;
    let unit = param.unit;
    let first = |s: &Scenario| match params::value(s, key) {
        Some(Value::Scalar(v)) => (*v, None),
        Some(Value::Yearly(y)) => {
            let values = y.expand(s.horizon().max(1));
            let varies = values.iter().any(|v| *v != values[0]);
            (y.first(), varies.then_some(()))
        }
        None => (0.0, None),
    };
    let (value, varies) = first(scenario);
    let varies = varies.is_some();
    let (base, _) = first(baseline);
    let range = slider_range_for(param, base, value, params::slider_ceiling(scenario, key));
    let shown = to_display(unit, value);
    let step = step_through(shown, range.step).map_or_else(|| "any".to_string(), |s| s.to_string());
    let label = param_label(key, lang);
    let unit_text = param_unit(param, lang);
    let field = if varies {
        text.varies_by_year.to_string()
    } else {
        display_text(unit, value)
    };
    let per_year = if param.shape == Shape::Yearly {
        format!(
            "<button type=\"button\" class=\"link\" disabled>{}</button>",
            escape(text.per_year)
        )
    } else {
        String::new()
    };
    format!(
        "<div class=\"param{assumption}{schedule}\" id=\"param-{key}\" data-key=\"{key}\"><div class=\"param-head\"><label for=\"input-{key}\">{label}</label>{varies_chip}\
<span class=\"chip changed is-idle\">{changed}</span><span class=\"param-actions\">{per_year}<button type=\"button\" class=\"link is-idle\" disabled>{reset}</button></span></div>\
<div class=\"param-inputs\"><input type=\"range\" class=\"slider\" min=\"{min}\" max=\"{max}\" step=\"{step}\" value=\"{shown}\"{disabled} data-key=\"{key}\" \
title=\"{title}\" aria-label=\"{label}\" aria-valuetext=\"{valuetext}\">\
<input type=\"text\" inputmode=\"decimal\" id=\"input-{key}\" class=\"number{long}\" value=\"{field}\" data-key=\"{key}\"{readonly}><span class=\"unit\">{unit_text}</span></div></div>",
        assumption = if param.kind == Kind::Assumption { " is-assumption" } else { "" },
        schedule = if varies { " is-schedule" } else { "" },
        label = escape(label),
        varies_chip = if varies {
            format!("<span class=\"chip varies\">{}</span>", escape(text.varies_by_year))
        } else {
            String::new()
        },
        changed = escape(text.changed_chip),
        reset = escape(text.reset),
        min = range.min,
        max = range.max,
        disabled = if varies { " disabled" } else { "" },
        readonly = if varies { " readonly" } else { "" },
        title = escape(&format!(
            "{} – {} {unit_text}",
            display_text(unit, from_display(unit, range.min)),
            display_text(unit, from_display(unit, range.max))
        )),
        valuetext = escape(&format!("{} {unit_text}", display_text(unit, value))),
        long = if field.chars().count() > 7 { " is-long" } else { "" },
        field = escape(&field),
        unit_text = escape(&unit_text),
    )
}

/// A slider step in the first view, as the first view applies it: the value the slider shows
/// (a percentage for a rate) into the plan. `None` for a key that is not a parameter with one
/// value, or a number the slider cannot show.
pub fn slide(scenario: &mut Scenario, key: &str, shown: f64) -> Option<(&'static str, f64)> {
    let param = params::param(key)?;
    if !shown.is_finite() {
        return None;
    }
    let value = from_display(param.unit, shown);
    params::set(scenario, param.key, value).ok()?;
    Some((param.key, value))
}

/// A number typed into a parameter's field in the first view and committed (Enter, or leaving
/// the field), as the field shows it (a rate in percent; "1.5万" and full-width digits read as
/// in the app). `None`, and the plan unchanged, for text that is not a number or a value the
/// model refuses: the field then shows the plan's value again, and the app explains such input.
pub fn type_in(scenario: &mut Scenario, key: &str, text: &str) -> Option<(&'static str, f64)> {
    let shown = parse_typed(text).ok()?;
    let mut edited = scenario.clone();
    let edit = slide(&mut edited, key, shown)?;
    Computed::of(&edited).ok()?;
    *scenario = edited;
    Some(edit)
}

/// The text of the first view's slider edits, handed to the app (`data-first-view-edits` on
/// the document): `key=value` pairs joined by `;`, one per parameter, the newest value.
pub fn edits_text(edits: &[(&'static str, f64)]) -> String {
    edits
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// The edits in [`edits_text`]'s text: what is not a known parameter with a finite number is
/// left out (the text comes from the page, which anything may have touched).
pub fn read_edits(text: &str) -> Vec<(&'static str, f64)> {
    text.split(';')
        .filter_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            let param = params::param(key)?;
            let value: f64 = value.parse().ok()?;
            value.is_finite().then_some((param.key, value))
        })
        .collect()
}

/// The attributes on the document (`<html>`) by which the first view hands over to the app:
/// its slider edits ([`edits_text`]), the parameter whose slider has the focus, and `down`
/// while a pointer is held on a slider (the page's start script waits for its release before
/// the app takes the page, so a drag is never cut under the mouse).
pub const EDITS_ATTR: &str = "data-first-view-edits";
pub const FOCUS_ATTR: &str = "data-first-view-focus";
pub const POINTER_ATTR: &str = "data-first-view-pointer";

/// Records a slider edit: the newest value of each parameter, in the order first edited.
pub fn record_edit(edits: &mut Vec<(&'static str, f64)>, edit: (&'static str, f64)) {
    match edits.iter_mut().find(|(key, _)| *key == edit.0) {
        Some(slot) => slot.1 = edit.1,
        None => edits.push(edit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::Metric;
    use swplan_plans::share::{encode, PlanSpec};

    /// The first view of a preset's plan as it is.
    fn start_of(scenario: Scenario) -> Start {
        let origin = spec_of(scenario.clone()).origin;
        Start {
            scenario,
            origin,
            lang: None,
            notes: false,
        }
    }

    fn spec_of(scenario: Scenario) -> PlanSpec {
        let preset = presets::by_slug(&scenario.region).expect("a preset");
        let origin = share::Origin::Preset {
            slug: preset.slug.to_string(),
            data_version: preset.data_version,
        };
        share::open::plan_of(origin, scenario)
    }

    #[test]
    fn a_plain_visit_opens_the_default_preset() {
        let start = starting_plan("", Autosave::None).expect("drawn");
        assert_eq!(start.scenario, presets::default_preset().scenario);
        assert_eq!((start.lang, start.notes), (None, false));
        // `?lang=en` is a plain visit too.
        let start = starting_plan("?lang=en", Autosave::None).expect("drawn");
        assert_eq!(start.scenario.region, presets::DEFAULT_SLUG);
    }

    #[test]
    fn a_link_wins_over_the_autosave_and_opens_its_plan_with_its_numbers() {
        let mut scenario = presets::by_slug("ningxia").unwrap().scenario.clone();
        scenario.end_year = 2028;
        let link = encode(&[spec_of(scenario.clone())], Some(Lang::En));
        let autosave = encode(
            &[spec_of(presets::by_slug("lhasa").unwrap().scenario.clone())],
            None,
        );
        let start = starting_plan(&format!("?{link}"), Autosave::Link(&autosave)).expect("drawn");
        assert_eq!(start.scenario, share::decode(&link).plans[0].scenario);
        assert_eq!(start.scenario.end_year, 2028);
        assert_eq!(start.lang, Some(Lang::En));
        // The app keeps the other autosave aside and says so: a note is coming.
        assert!(start.notes);
        // The same plan autosaved: nothing to say.
        let same = starting_plan(&format!("?{link}"), Autosave::Link(&link)).expect("drawn");
        assert!(!same.notes);
        // Without a link, the autosaved plan.
        let start = starting_plan("", Autosave::Link(&autosave)).expect("drawn");
        assert_eq!(start.scenario.region, "lhasa");
        // An autosave from before links were kept beside it: the app reads it, not this.
        assert!(starting_plan("", Autosave::Unreadable).is_none());
        assert!(starting_plan(&format!("?{link}"), Autosave::Unreadable).is_some());
    }

    #[test]
    fn a_link_the_app_will_comment_on_gets_a_note_in_its_place() {
        // A mangled value and older preset data: the app explains both in a notice.
        for query in ["?v=1&p=guizhou.2&h=abc", "?v=1&p=guizhou.1"] {
            let start = starting_plan(query, Autosave::None).expect("drawn");
            assert!(start.notes, "{query}");
            let html = render(&start, Lang::Zh, 1400.0).unwrap();
            assert!(html.contains("class=\"notice\""), "{query}");
        }
        let clean = presets::by_slug("guizhou").unwrap();
        let query = format!("?v=1&p=guizhou.{}", clean.data_version);
        let start = starting_plan(&query, Autosave::None).expect("drawn");
        assert!(!start.notes);
        let html = render(&start, Lang::Zh, 1400.0).unwrap();
        assert!(!html.contains("class=\"notice\""));
    }

    #[test]
    fn comparisons_and_stories_are_left_to_the_app() {
        let a = spec_of(presets::by_slug("yunnan").unwrap().scenario.clone());
        let b = spec_of(presets::by_slug("guizhou").unwrap().scenario.clone());
        assert!(starting_plan(&format!("?{}", encode(&[a, b], None)), Autosave::None).is_none());
        assert!(starting_plan("?story=yunnan-14wan&step=2", Autosave::None).is_none());
        assert!(starting_plan("?sr=abc", Autosave::None).is_none());
    }

    #[test]
    fn the_view_shows_the_models_verdicts_and_charts_in_the_pages_markup() {
        let scenario = presets::by_slug("guizhou").unwrap().scenario.clone();
        let computed = Computed::of(&scenario).unwrap();
        let html = render(&start_of(scenario.clone()), Lang::Zh, 1400.0).expect("valid preset");
        assert!(html.contains("贵州"), "the region");
        // One chip per target, saying met or missed as the model does, with its value.
        assert_eq!(
            html.matches("class=\"verdict-chip ").count(),
            computed.verdicts.len()
        );
        for v in &computed.verdicts {
            let (value, threshold) =
                figure_against(v.metric, v.value_at_deadline, v.threshold, Lang::Zh);
            let chip = format!("{value} / {threshold}");
            assert!(html.contains(&escape(&chip)), "{chip}");
        }
        assert_eq!(
            html.matches("verdict-chip is-met").count(),
            computed.verdicts.iter().filter(|v| v.met).count()
        );
        // The four charts, with the ids and classes the page's CSS and tests know.
        for id in [
            "chart-talent",
            "chart-certified",
            "chart-coverage",
            "chart-budget",
        ] {
            assert!(
                html.contains(&format!("<figure class=\"chart\" id=\"{id}\">")),
                "{id}"
            );
        }
        assert!(html.contains("<path class=\"line tone-1\""));
        assert!(html.contains(metric_label(Metric::Talent, Lang::Zh)));
        // A card per target in the cards' places, as planned.
        assert_eq!(
            html.matches("<article class=\"first-view-card").count(),
            computed.verdicts.len()
        );
        // Busy, its results inert, and not the app's root, which tests and the app recognise.
        assert!(html.contains("<div class=\"first-view\" lang=\"zh-CN\" aria-busy=\"true\">"));
        assert!(html.contains(&format!(
            "id=\"results\" aria-label=\"{}\" inert>",
            tr!(Lang::Zh, view_results)
        )));
        assert!(!html.contains("class=\"app") && !html.contains("target-card"));
    }

    #[test]
    fn an_invalid_scenario_is_left_to_the_app() {
        let mut scenario = presets::default_preset().scenario.clone();
        scenario.assumptions.attrition = -1.0;
        assert!(render(&start_of(scenario.clone()), Lang::En, 390.0).is_none());
        assert!(redraw(&scenario, Lang::En, 390.0).is_none());
    }

    /// The value a slider shows, read back from the markup of its control.
    fn slider_value(html: &str, key: &str) -> f64 {
        let control = html
            .split(&format!("id=\"param-{key}\""))
            .nth(1)
            .expect("the control");
        let slider = control.split("type=\"range\"").nth(1).expect("its slider");
        slider
            .split("value=\"")
            .nth(1)
            .and_then(|v| v.split('"').next())
            .and_then(|v| v.parse().ok())
            .expect("a value")
    }

    #[test]
    fn every_parameter_with_one_value_has_a_live_slider_with_the_apps_ids() {
        let scenario = presets::by_slug("guizhou").unwrap().scenario.clone();
        let html = render(&start_of(scenario.clone()), Lang::Zh, 1400.0).unwrap();
        for param in PARAMS {
            let by_total =
                scenario.certified_total.is_some() && CERTIFIED_LEVELS.contains(&param.key);
            if by_total {
                continue;
            }
            let key = param.key;
            assert!(
                html.contains(&format!("id=\"param-{key}\" data-key=\"{key}\"")),
                "{key}"
            );
            assert!(html.contains(&format!("id=\"input-{key}\"")), "{key}");
            // The slider shows the value as the app's does: a rate as a percentage.
            let value = match params::value(&scenario, key).unwrap() {
                Value::Scalar(v) => *v,
                Value::Yearly(y) => y.first(),
            };
            let shown = slider_value(&html, key);
            assert!(
                (shown - to_display(param.unit, value)).abs() < 1e-9,
                "{key}: {shown}"
            );
        }
        // The settings are not inert: only the results wait for the app.
        let controls = html.split("<section class=\"controls\"").nth(1).unwrap();
        let controls = controls.split("</section>").next().unwrap();
        assert!(!controls.contains("inert"));
        assert!(controls.contains(tr!(Lang::Zh, levers_subheading)));
    }

    #[test]
    fn a_slider_step_redraws_the_verdicts_and_results_of_the_edited_plan() {
        let mut scenario = presets::by_slug("yunnan").unwrap().scenario.clone();
        let before = redraw(&scenario, Lang::En, 1400.0).unwrap();
        // Hires are the talent lever: a tenth of them changes the talent at the deadline.
        let hires = match params::value(&scenario, "hires").unwrap() {
            Value::Scalar(v) => *v,
            Value::Yearly(y) => y.first(),
        };
        let edit = slide(&mut scenario, "hires", hires / 10.0).expect("a parameter");
        assert_eq!(edit, ("hires", hires / 10.0));
        let after = redraw(&scenario, Lang::En, 1400.0).unwrap();
        assert_ne!(before.results, after.results);
        // What is drawn is the model's result for the edited plan, as the app would draw it.
        let computed = Computed::of(&scenario).unwrap();
        let talent = computed
            .verdicts
            .iter()
            .find(|v| v.metric == Metric::Talent)
            .expect("a talent target");
        let amount = metric_amount(Metric::Talent, talent.value_at_deadline, Lang::En);
        assert!(after.results.contains(&format!(
            "<dd class=\"at-deadline\">{}</dd>",
            escape(&amount)
        )));
        assert_eq!(after.chips, chips(&computed, Lang::En));
        // A rate slides in percent and is kept as a fraction.
        assert_eq!(
            slide(&mut scenario, "attrition", 12.0),
            Some(("attrition", 0.12))
        );
        assert_eq!(scenario.assumptions.attrition, 0.12);
        // Not a parameter, or not a number: nothing changes.
        let kept = scenario.clone();
        assert_eq!(slide(&mut scenario, "nonsense", 1.0), None);
        assert_eq!(slide(&mut scenario, "hires", f64::NAN), None);
        assert_eq!(scenario, kept);
    }

    #[test]
    fn a_number_typed_in_a_field_applies_as_the_app_reads_it_and_a_refused_one_changes_nothing() {
        let mut scenario = presets::by_slug("yunnan").unwrap().scenario.clone();
        assert_eq!(
            type_in(&mut scenario, "hires", "1.5万"),
            Some(("hires", 15000.0))
        );
        assert_eq!(scenario.levers.hires.first(), 15000.0);
        assert_eq!(
            type_in(&mut scenario, "attrition", "１０"),
            Some(("attrition", 0.1))
        );
        let kept = scenario.clone();
        for text in ["abc", "", "-5", "1e308"] {
            assert_eq!(type_in(&mut scenario, "hires", text), None, "{text}");
        }
        assert_eq!(type_in(&mut scenario, "attrition", "150"), None);
        assert_eq!(scenario, kept);
    }

    #[test]
    fn the_edits_reach_the_app_as_text_that_reads_back_exactly() {
        let mut edits = Vec::new();
        record_edit(&mut edits, ("hires", 1200.0));
        record_edit(&mut edits, ("attrition", 0.123_456_789_012_345_6));
        record_edit(&mut edits, ("hires", 1350.5));
        assert_eq!(
            edits,
            vec![("hires", 1350.5), ("attrition", 0.123_456_789_012_345_6)]
        );
        let text = edits_text(&edits);
        assert_eq!(text, "hires=1350.5;attrition=0.1234567890123456");
        assert_eq!(read_edits(&text), edits);
        // What anything else wrote there is left out, not guessed at.
        assert_eq!(
            read_edits("hires=abc;nope=3;attrition=inf;;=;stations=12"),
            vec![("stations", 12.0)]
        );
        assert!(read_edits("").is_empty());
    }

    #[test]
    fn a_schedule_that_varies_by_year_waits_for_the_app() {
        let mut scenario = presets::by_slug("yunnan").unwrap().scenario.clone();
        scenario.levers.hires =
            swplan_engine::Yearly::List(vec![100.0, 200.0, 300.0, 400.0, 500.0]);
        let html = render(&start_of(scenario.clone()), Lang::En, 1400.0).unwrap();
        let control = html.split("id=\"param-hires\"").nth(1).unwrap();
        let control = control.split("id=\"param-").next().unwrap();
        assert!(
            control.contains(" disabled data-key=\"hires\""),
            "{control}"
        );
        assert!(control.contains(tr!(Lang::En, varies_by_year)));
    }
}
