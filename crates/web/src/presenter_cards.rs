//! The presenter's target cards: one compact card per target in a strip across the screen, so
//! six targets leave the charts their room. Each says where the target stands as of the year
//! on screen (past its deadline: at the deadline, with the year on screen and a late hit in a
//! line that is always there, so cards never grow during playback), and its odds. With several
//! plans compared, each card has a row per plan.

use std::rc::Rc;

use yew::prelude::*;

use super::charts::ChartPlan;
use super::verdict_bar::is_fragile;
use swplan_engine::asof::{verdicts_as_of, AsOf, Status};
use swplan_engine::Metric;
use swplan_words::messages::metric_value_in_year;
use swplan_words::playback::status_label;
use swplan_words::presenting::{as_of_figure, as_of_when, late_hit};
use swplan_words::strings::{fragile_note, strings};
use swplan_words::{format_percent, metric_label, Lang};

/// From this many targets the cards are a compact strip (`.as-of.is-strip` in `style/app.css`).
const STRIP_FROM: usize = 4;

#[derive(Properties, PartialEq)]
pub struct PresenterCardsProps {
    pub lang: Lang,
    /// The plans on screen: one, or several compared (their titles in `label`).
    pub plans: Vec<ChartPlan>,
    pub year: i32,
    /// The target a story step points at: its card stands out.
    #[prop_or_default]
    pub highlighted: Option<Metric>,
    /// Hidden while the room predicts (the space stays, so nothing moves on the reveal).
    #[prop_or_default]
    pub hidden: bool,
}

/// One plan's standing on one target, as the card reads it.
struct Standing {
    /// At the deadline once it has passed (the verdict the room reads), else the year on screen.
    shown: AsOf,
    /// The year on screen, when it is past the deadline.
    later: Option<AsOf>,
    odds: Option<f64>,
}

fn standings(plan: &ChartPlan, year: i32) -> Vec<Standing> {
    let computed = &plan.computed;
    let targets = &computed.scenario.targets;
    let now = verdicts_as_of(targets, &computed.trajectory, year);
    now.into_iter()
        .enumerate()
        .map(|(i, now)| {
            let odds = plan
                .summary
                .as_ref()
                .and_then(|s| s.targets.get(i))
                .map(|o| o.probability);
            if now.year > now.deadline {
                let at_deadline = verdicts_as_of(targets, &computed.trajectory, now.deadline)
                    .get(i)
                    .cloned();
                if let Some(shown) = at_deadline {
                    return Standing {
                        shown,
                        later: Some(now),
                        odds,
                    };
                }
            }
            Standing {
                shown: now,
                later: None,
                odds,
            }
        })
        .collect()
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Reached | Status::Met => "is-met",
        Status::OnTrack => "is-on-track",
        Status::Behind | Status::Missed => "is-not-met",
    }
}

/// The line under the figure: the year it is read at, or past the deadline the year on screen
/// and a late hit ("2030年：180 · 2028年达到，晚1年").
fn when_line(standing: &Standing, lang: Lang) -> String {
    match &standing.later {
        None => as_of_when(&standing.shown, lang),
        Some(later) => {
            let mut line = metric_value_in_year(later, lang);
            if let Some(late) = late_hit(later.first_year_met, later.deadline, lang) {
                line = format!("{line} · {late}");
            }
            line
        }
    }
}

fn odds_text(standing: &Standing, lang: Lang) -> Option<(String, bool)> {
    let odds = standing.odds?;
    let planned_to_meet = matches!(
        standing.shown.status,
        Status::Reached | Status::Met | Status::OnTrack
    );
    let fragile = is_fragile(planned_to_meet, Some(odds));
    let text = strings(lang);
    let mut line = format!(
        "{}{}{}",
        text.probability,
        lang.pick(" ", ": "),
        format_percent(odds, lang)
    );
    if fragile {
        line = format!("⚠ {line}");
    }
    Some((line, fragile))
}

#[function_component(PresenterCards)]
pub fn presenter_cards(props: &PresenterCardsProps) -> Html {
    let lang = props.lang;
    let Some(first) = props.plans.first() else {
        return Html::default();
    };
    let per_plan: Vec<(Rc<str>, Vec<Standing>)> = props
        .plans
        .iter()
        .map(|p| (Rc::from(p.label.as_str()), standings(p, props.year)))
        .collect();
    let comparing = props.plans.len() > 1;
    let targets = first.computed.scenario.targets.len();
    let class = classes!(
        "as-of",
        comparing.then_some("is-compared"),
        // Many targets (Ningxia has six) compact into a strip: the charts keep the screen.
        (targets >= STRIP_FROM).then_some("is-strip"),
        props.hidden.then_some("is-hidden")
    );
    let cards = (0..targets).map(|i| {
        let Some(lead) = per_plan[0].1.get(i) else {
            return Html::default();
        };
        let metric = lead.shown.metric;
        let highlighted = props.highlighted == Some(metric);
        if comparing {
            let rows = per_plan.iter().map(|(label, standings)| {
                // The same target in another plan: by figure and deadline.
                let standing = standings.iter().find(|s| {
                    s.shown.metric == metric && s.shown.deadline == lead.shown.deadline
                });
                match standing {
                    Some(s) => html! {
                        <li class={classes!("as-of-row", status_class(s.shown.status))}>
                            <span class="as-of-plan">{ label.to_string() }</span>
                            <span class="as-of-figure">{ as_of_figure(&s.shown, lang) }</span>
                            <span class="as-of-status">{ status_label(s.shown.status, metric, lang) }</span>
                            if let Some((odds, _)) = odds_text(s, lang) {
                                <span class="as-of-odds">{ odds }</span>
                            }
                        </li>
                    },
                    None => html! {
                        <li class="as-of-row"><span class="as-of-plan">{ label.to_string() }</span>{ "—" }</li>
                    },
                }
            });
            return html! {
                <li class={classes!("as-of-card", highlighted.then_some("is-highlighted"))} data-metric={metric.key()}>
                    <strong class="as-of-label">{ metric_label(metric, lang) }</strong>
                    <span class="as-of-when">{ as_of_when(&lead.shown, lang) }</span>
                    <ul class="as-of-rows">{ for rows }</ul>
                </li>
            };
        }
        let odds = odds_text(lead, lang);
        let fragile = odds.as_ref().is_some_and(|(_, fragile)| *fragile);
        let fragile_title = fragile.then(|| {
            fragile_note(
                lead.shown.status == Status::OnTrack,
                lead.odds.unwrap_or(0.0),
                lang,
            )
        });
        html! {
            <li class={classes!("as-of-card", status_class(lead.shown.status), fragile.then_some("is-fragile"), highlighted.then_some("is-highlighted"))}
                data-metric={metric.key()} title={fragile_title}>
                <span class="as-of-head">
                    <span class="as-of-status">{ status_label(lead.shown.status, metric, lang) }</span>
                    if let Some((odds, _)) = odds {
                        <span class="as-of-odds">{ odds }</span>
                    }
                </span>
                <strong class="as-of-label">{ metric_label(metric, lang) }</strong>
                <span class="as-of-figure">{ as_of_figure(&lead.shown, lang) }</span>
                <span class="as-of-when">{ when_line(lead, lang) }</span>
            </li>
        }
    });
    html! {
        <ul {class} aria-hidden={props.hidden.then_some("true")} style={format!("--cards: {}", targets.max(1))}>
            { for cards }
        </ul>
    }
}
