//! The first view: what the page shows while the interactive app loads. A small module
//! (`src/bin/boot.rs`: the model, the link reader and the charts, no UI framework) opens the
//! plan the app is about to open, the same way, and draws its header, verdicts and charts with
//! the page's own markup and CSS. The app then replaces it with the same numbers, now editable.
//! So a planner on an old PC or a phone sees the plan after about a fifth of the download.
//!
//! Pure, so the choice of plan and the drawing are tested natively against the app's own.

use crate::chart::{escape, to_page_markup};
use crate::charts::{chart_width, single_plan, Plotted};
use swplan_engine::{first_year_over, Goal, Scenario};
use swplan_plans::presets;
use swplan_plans::share;
use swplan_plans::state::Computed;
use swplan_words::labels::metric_column_label;
use swplan_words::messages::{metric_amount, target_difference, target_terms};
use swplan_words::results::{chip_terms, figure_against, first_over_label, first_over_text};
use swplan_words::strings::{horizon_note, tr, year_text};
use swplan_words::{metric_label, Lang};

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
            lang: opened.lang,
            notes: kept_aside || !opened.problems.is_empty() || !opened.notices.is_empty(),
        });
    }
    let scenario = match autosave {
        Autosave::Link(link) => match share::decode(link).plans.as_slice() {
            [plan] => plan.scenario.clone(),
            _ => return None,
        },
        Autosave::Unreadable => return None,
        Autosave::None => presets::default_preset().scenario.clone(),
    };
    Some(Start {
        scenario,
        lang: None,
        notes: false,
    })
}

/// The first view of a scenario for a window width: the header, the verdict of every target
/// as planned, and the four charts; the settings column says it is loading. `None` for a
/// scenario the model rejects (the app shows why). With `notes`, a line where the app's notes
/// on the link will be.
pub fn render(scenario: &Scenario, lang: Lang, notes: bool, window_width: f64) -> Option<String> {
    let computed = Computed::of(scenario).ok()?;
    let region = lang.pick(&scenario.name.zh, &scenario.name.en);

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
        // The app's chip, without the odds that come with it.
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

    // The target cards as planned (their odds come with the app), in the cards' own places, so
    // nothing moves when the app takes over.
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
<p class=\"target-line\">{}</p><dl class=\"target-facts\"><div><dt>{}</dt><dd>{}</dd></div><div><dt>{}</dt><dd class=\"{}\">{}</dd></div>\
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
        computed: &computed,
        summary: None,
    };
    let charts: String = single_plan(&plotted, None, lang, chart_width(window_width, false))
        .iter()
        .map(|(chart, spec)| to_page_markup(spec, chart.id()))
        .collect();

    Some(format!(
        "<div class=\"first-view\" lang=\"{tag}\" aria-busy=\"true\" inert>\
<header class=\"topbar\"><div class=\"brand\"><h1>{title}</h1><p class=\"subtitle\">{subtitle}</p></div>\
<p class=\"horizon-note\"><strong>{region}</strong> · {horizon}</p></header>{notes}\
<nav class=\"verdict-bar\" aria-label=\"{bar}\"><ul class=\"verdict-chips\">{chips}</ul>\
<p class=\"first-view-status\" role=\"status\">{loading}</p></nav>\
<main class=\"layout show-results\">\
<section class=\"controls\" aria-labelledby=\"first-view-controls\"><div class=\"controls-inner\"><div class=\"controls-head\"><h2 id=\"first-view-controls\">{controls}</h2></div></div></section>\
<section class=\"results\"><section class=\"targets\" aria-labelledby=\"first-view-targets\"><h2 id=\"first-view-targets\">{targets_heading}</h2>{targets}</section>\
<section class=\"compare-bar\"><details class=\"compare-fold\"><summary><h2 class=\"compare-heading\">{compare}</h2></summary></details></section>\
<section class=\"charts\" aria-labelledby=\"first-view-charts\"><h2 id=\"first-view-charts\">{charts_heading}</h2>\
<div class=\"chart-grid\">{charts}</div></section></section></main></div>",
        tag = lang.tag(),
        notes = if notes {
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
        controls = escape(tr!(lang, controls_heading)),
        loading = escape(tr!(lang, first_view_loading)),
        targets_heading = escape(tr!(lang, targets_heading)),
        compare = escape(tr!(lang, compare_fold)),
        charts_heading = escape(tr!(lang, charts_heading)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::Metric;
    use swplan_plans::share::{encode, PlanSpec};

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
            let html = render(&start.scenario, Lang::Zh, start.notes, 1400.0).unwrap();
            assert!(html.contains("class=\"notice\""), "{query}");
        }
        let clean = presets::by_slug("guizhou").unwrap();
        let query = format!("?v=1&p=guizhou.{}", clean.data_version);
        let start = starting_plan(&query, Autosave::None).expect("drawn");
        assert!(!start.notes);
        let html = render(&start.scenario, Lang::Zh, start.notes, 1400.0).unwrap();
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
        let html = render(&scenario, Lang::Zh, false, 1400.0).expect("valid preset");
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
        // Busy and inert, and not the app's root, which tests and the app recognise.
        assert!(html.contains("aria-busy=\"true\" inert"));
        assert!(!html.contains("class=\"app") && !html.contains("target-card"));
    }

    #[test]
    fn an_invalid_scenario_is_left_to_the_app() {
        let mut scenario = presets::default_preset().scenario.clone();
        scenario.assumptions.attrition = -1.0;
        assert!(render(&scenario, Lang::En, false, 390.0).is_none());
    }
}
