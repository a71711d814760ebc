//! The levers the optimiser may move, each with its least and most a year: one row per lever
//! (a tick, the least, the most, empty for no limit), and per lever a by-year table for
//! ranges that differ from year to year ("no new stations after 2025").

use yew::prelude::*;

use super::amount_field::AmountField;
use swplan_engine::optimise::{BoundSide, Bounds, Lever};
use swplan_plans::state::{Action, LeverSetting, OptimiserAction};
use swplan_words::optimiser_ui::optimiser_ui;
use swplan_words::strings::param_in_year;
use swplan_words::{param_label, Lang};

#[derive(Properties, PartialEq)]
pub struct LeverBoundsProps {
    pub lang: Lang,
    pub levers: Vec<LeverSetting>,
    /// The first simulated year and how many there are.
    pub first_year: i32,
    pub years: usize,
    pub on_action: Callback<Action>,
}

fn bound_action(lever: Lever, year: Option<usize>, side: BoundSide, value: Option<f64>) -> Action {
    Action::Optimiser(OptimiserAction::SetBound {
        lever,
        year,
        side,
        value: value.unwrap_or(match side {
            BoundSide::Min => 0.0,
            BoundSide::Max => f64::INFINITY,
        }),
    })
}

/// The bounds in simulated year `index`, the last entry holding past the list.
fn bounds_in(bounds: &[Bounds], index: usize) -> Bounds {
    bounds
        .get(index)
        .or(bounds.last())
        .copied()
        .unwrap_or(Bounds {
            min: 0.0,
            max: f64::INFINITY,
        })
}

#[function_component(LeverBounds)]
pub fn lever_bounds(props: &LeverBoundsProps) -> Html {
    let lang = props.lang;
    let ui = optimiser_ui(lang);
    let rows = props.levers.iter().map(|setting| {
        let lever = setting.lever;
        let key = lever.key();
        let name = param_label(key, lang);
        let on_action = props.on_action.clone();
        let chosen = setting.chosen;
        let on_tick = Callback::from(move |_| {
            on_action.emit(Action::Optimiser(OptimiserAction::ChooseLever {
                lever,
                chosen: !chosen,
            }))
        });
        // One range for every year, or "by year" when the years differ.
        let same = (0..props.years).all(|i| bounds_in(&setting.bounds, i) == bounds_in(&setting.bounds, 0));
        let every = bounds_in(&setting.bounds, 0);
        let field = |side: BoundSide, year: Option<usize>, b: Bounds| {
            let on_action = props.on_action.clone();
            let (value, id, placeholder) = match side {
                BoundSide::Min => (Some(b.min), "min", None),
                BoundSide::Max => (
                    b.max.is_finite().then_some(b.max),
                    "max",
                    Some(AttrValue::from(ui.no_ceiling)),
                ),
            };
            let id = match year {
                Some(i) => format!("opt-{key}-{id}-{i}"),
                None => format!("opt-{key}-{id}"),
            };
            let column = match side {
                BoundSide::Min => ui.at_least,
                BoundSide::Max => ui.at_most,
            };
            let label = match year {
                Some(i) => format!("{} · {column}", param_in_year(key, props.first_year + i as i32, lang)),
                None => format!("{name} · {column}"),
            };
            html! {
                <AmountField {id} {lang} label={AttrValue::from(label)} {value} {placeholder}
                             allow_empty={side == BoundSide::Max} disabled={!chosen}
                             on_commit={Callback::from(move |v| on_action.emit(bound_action(lever, year, side, v)))} />
            }
        };
        let by_year = (0..props.years).map(|i| {
            let b = bounds_in(&setting.bounds, i);
            html! {
                <tr>
                    <th scope="row">{ props.first_year + i as i32 }</th>
                    <td>{ field(BoundSide::Min, Some(i), b) }</td>
                    <td>{ field(BoundSide::Max, Some(i), b) }</td>
                </tr>
            }
        });
        html! {
            <>
                <tr class={classes!(chosen.then_some("is-chosen"))} data-lever={key}>
                    <th scope="row">
                        <label class="lever-tick">
                            <input type="checkbox" id={format!("opt-{key}")} checked={chosen} onchange={on_tick} />
                            { name }
                        </label>
                    </th>
                    if same {
                        <td>{ field(BoundSide::Min, None, every) }</td>
                        <td>{ field(BoundSide::Max, None, every) }</td>
                    } else {
                        <td colspan="2" class="muted">{ ui.by_year }</td>
                    }
                </tr>
                if chosen {
                    <tr class="by-year-row">
                        <td colspan="3">
                            <details class="by-year" open={!same}>
                                <summary>{ ui.by_year }</summary>
                                <p class="muted">{ ui.by_year_hint }</p>
                                <table>
                                    <thead><tr>
                                        <th scope="col">{ swplan_words::strings::strings(lang).year }</th>
                                        <th scope="col">{ ui.at_least }</th>
                                        <th scope="col">{ ui.at_most }</th>
                                    </tr></thead>
                                    <tbody>{ for by_year }</tbody>
                                </table>
                            </details>
                        </td>
                    </tr>
                }
            </>
        }
    });
    let on_reset = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::Optimiser(OptimiserAction::ResetLevers)))
    };
    html! {
        <fieldset class="lever-bounds">
            <legend>{ ui.levers_heading }</legend>
            <table>
                <thead><tr>
                    <th scope="col">{ ui.lever }</th>
                    <th scope="col">{ ui.at_least }</th>
                    <th scope="col">{ ui.at_most }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="muted">{ ui.costs_note }
                <button type="button" class="link" onclick={on_reset}>{ ui.reset_levers }</button>
            </p>
        </fieldset>
    }
}
