//! "工作坊汇总 / Workshop pooling": a trainer pastes the participants' links (or the whole group
//! chat, again as it grows) and loads their plan files; the room's choices come back per lever,
//! per target and year by year, then each participant by name — what they changed, their
//! verdicts, and their plan to open, compare or present with one click — with every skipped
//! entry and why. The pooling itself is `swplan_plans::pool`, pure and fast enough to run as the
//! text comes in, and what the dialog holds is the state's (`swplan_plans::state::Workshop`);
//! this file only draws it and sends the trainer's actions.

use gloo::events::EventListener;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::chart::{sample_html, Chart};
use super::dialog::Dialog;
use swplan_engine::FigureUnit;
use swplan_plans::pool::{LeverStats, MetricLines, Pool, Source};
use swplan_plans::share::save::{self, SaveError};
use swplan_plans::state::{Action, LoadedFile, ParticipantUse, Workshop, WorkshopAction};
use swplan_render::chart::{Axis, ChartSpec, Series, Shape, TargetMark};
use swplan_render::sample::Sample;
use swplan_words::compare::{
    lever_table, param_value, participant_name, participant_table, pool_summary, pool_target_table,
    rejected_message, repeat_message,
};
use swplan_words::messages::metric_value;
use swplan_words::pool_ui::{self, pool_ui};
use swplan_words::save_messages::{rejected_plan_message, save_error_message};
use swplan_words::{metric_label, Lang};

#[derive(Properties, PartialEq)]
pub struct PoolViewProps {
    pub lang: Lang,
    /// What was pasted and loaded, and the last pool (the state's).
    pub workshop: Workshop,
    /// The comparison holds four plans: no participant can join it.
    #[prop_or_default]
    pub compare_full: bool,
    pub on_action: Callback<Action>,
    pub on_close: Callback<()>,
}

fn window_width() -> f64 {
    gloo::utils::window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(1200.0)
}

/// The drawing width of one chart: the dialog's inner width (at most 1100 px, 12 px from each
/// edge on a phone, its padding and a scroll bar off), two charts a row when there is room.
fn chart_width(window_width: f64, charts: usize) -> f64 {
    let inner = window_width.min(1124.0) - 24.0 - 32.0 - 16.0;
    if charts > 1 && inner >= 860.0 {
        (inner - 16.0) / 2.0
    } else {
        inner
    }
}

#[function_component(PoolView)]
pub fn pool_view(props: &PoolViewProps) -> Html {
    let lang = props.lang;
    let words = pool_ui(lang);
    let workshop = &props.workshop;
    let width = use_state(window_width);
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| {
                width.set(window_width())
            });
            move || drop(listener)
        });
    }
    let emit = {
        let on_action = props.on_action.clone();
        move |action: WorkshopAction| on_action.emit(Action::Workshop(action))
    };
    let on_text = {
        let emit = emit.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            emit(WorkshopAction::SetText(text))
        })
    };
    let on_files = {
        let emit = emit.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else {
                return;
            };
            let chosen: Vec<web_sys::File> =
                (0..list.length()).filter_map(|i| list.get(i)).collect();
            // Cleared, so choosing the same file again is a change the page hears.
            input.set_value("");
            let emit = emit.clone();
            spawn_local(async move {
                let mut loaded = Vec::new();
                for file in chosen {
                    let read = match JsFuture::from(file.text()).await {
                        Ok(content) => save::from_json(&content.as_string().unwrap_or_default()),
                        Err(_) => Err(SaveError::Unreadable),
                    };
                    loaded.push(LoadedFile {
                        name: file.name(),
                        read,
                    });
                }
                emit(WorkshopAction::AddFiles(loaded));
            });
        })
    };
    let on_remove_files = {
        let emit = emit.clone();
        Callback::from(move |_| emit(WorkshopAction::ClearFiles))
    };
    let on_run = {
        let emit = emit.clone();
        Callback::from(move |_| emit(WorkshopAction::Pool))
    };
    // The box re-pools what was pooled at once: only how repeats count changes.
    let on_count_identical = Callback::from(move |e: Event| {
        let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
        emit(WorkshopAction::CountIdentical(checked))
    });
    let stale = workshop.is_stale();
    let summary = workshop
        .pooled
        .as_ref()
        .map(|p| pool_summary(&p.pool, lang))
        .unwrap_or_default();

    html! {
        <Dialog id="pool-dialog" title={words.title} {lang} on_close={props.on_close.clone()}>
            <p class="muted">{ words.intro }</p>
            <div class="pool-input">
                <label for="pool-input">{ words.input_label }</label>
                <p id="pool-input-hint" class="muted">{ words.input_hint }</p>
                <textarea id="pool-input" rows="6" spellcheck="false" autocomplete="off"
                    aria-describedby="pool-input-hint" placeholder={swplan_words::strings::link_placeholder()}
                    value={workshop.text.clone()} oninput={on_text} />
            </div>
            <div class="dialog-actions pool-actions">
                <button type="button" id="pool-run" class="apply" onclick={on_run}>{ words.run }</button>
                <label class="file-button">
                    { words.load_files }
                    <input id="pool-files" type="file" multiple=true accept=".json,application/json"
                        class="visually-hidden" onchange={on_files} />
                </label>
                if !workshop.files.is_empty() {
                    <button type="button" class="link" onclick={on_remove_files}>{ words.remove_files }</button>
                }
            </div>
            <label class="check pool-identical">
                <input type="checkbox" id="pool-count-identical" checked={workshop.count_identical}
                       aria-describedby="pool-identical-hint" onchange={on_count_identical} />
                { words.count_identical }
            </label>
            <p id="pool-identical-hint" class="muted pool-hint">{ words.count_identical_hint }</p>
            if !workshop.files.is_empty() {
                { loaded_files(&workshop.files, lang) }
            }
            <p id="pool-summary" class="pool-summary" role="status" aria-live="polite">
                { summary }
                if stale { <span class="pool-stale">{ format!(" {}", words.stale) }</span> }
            </p>
            if let Some(pooled) = &workshop.pooled {
                { results(&pooled.pool, lang, *width, props.compare_full, &props.on_action) }
            }
        </Dialog>
    }
}

/// The loaded files: which imported plans each gave (the skipped entries name them by that
/// number), or why it could not be read, and any plan of it that was not kept.
fn loaded_files(files: &[LoadedFile], lang: Lang) -> Html {
    let mut first = 1;
    let items = files.iter().map(|file| match &file.read {
        Ok(imported) => {
            let line = pool_ui::file_plans(&file.name, imported.plans.len(), first, lang);
            first += imported.plans.len();
            html! {
                <li>
                    { line }
                    if !imported.rejected.is_empty() {
                        <ul>
                            { for imported.rejected.iter().map(|r| html! {
                                <li class="pool-file-error">{ rejected_plan_message(r, lang) }</li>
                            }) }
                        </ul>
                    }
                </li>
            }
        }
        Err(error) => html! {
            <li class="pool-file-error">
                { pool_ui::file_failed(&file.name, &save_error_message(error, lang), lang) }
            </li>
        },
    });
    html! {
        <ul class="pool-files" aria-label={pool_ui(lang).files_label}>{ for items }</ul>
    }
}

fn results(
    pool: &Pool,
    lang: Lang,
    window_width: f64,
    compare_full: bool,
    on_action: &Callback<Action>,
) -> Html {
    let words = pool_ui(lang);
    let width = chart_width(window_width, pool.lines.len());
    html! {
        <section class="pool-results" aria-labelledby="pool-results-heading">
            <h3 id="pool-results-heading">{ words.results_heading }</h3>
            if !pool.participants.is_empty() {
                <h4 id="pool-levers-heading">{ words.levers_heading }</h4>
                { lever_section(pool, lang) }
                <h4 id="pool-targets-heading">{ words.targets_heading }</h4>
                { target_section(pool, lang) }
                if !pool.lines.is_empty() {
                    <h4>{ words.trajectories_heading }</h4>
                    <div class="pool-charts">
                        { for pool.lines.iter().enumerate().map(|(i, lines)| html! {
                            <div class="pool-chart">
                                <Chart id={format!("pool-chart-{i}")} spec={trajectory_chart(pool, lines, lang, width)} />
                                <p class="pool-chart-key">
                                    { sample_html(Sample::Line { tone: 1, faint: true }) }
                                    { pool_ui::participant_lines_key(pool.participants.len(), lang) }
                                </p>
                            </div>
                        }) }
                    </div>
                }
                { participant_section(pool, lang, compare_full, on_action) }
            }
            if !pool.repeats.is_empty() {
                <h4>{ words.repeats_heading }</h4>
                <ul class="pool-rejected pool-repeats">
                    { for pool.repeats.iter().map(|(repeat, first)| html! {
                        <li>{ repeat_message(repeat, first, lang) }</li>
                    }) }
                </ul>
            }
            if !pool.rejected.is_empty() {
                <h4>{ pool_ui::rejected_summary(pool.rejected.len(), lang) }</h4>
                <ul class="pool-rejected">
                    { for pool.rejected.iter().map(|rejected| html! {
                        <li>
                            { rejected_message(rejected, pool.workshop.as_ref(), lang) }
                            if let Source::Line { link, .. } = &rejected.source {
                                <code class="pool-link">{ link.clone() }</code>
                            }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// A table that scrolls inside its own box on a phone, reachable and named for the keyboard.
fn scrolling_table(label: &str, class: &'static str, head: &[String], rows: Html) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={label.to_string()}>
            <table class={classes!("pool-table", class)}>
                <thead>
                    <tr>{ for head.iter().map(|cell| html! { <th scope="col">{ cell.clone() }</th> }) }</tr>
                </thead>
                <tbody>{ rows }</tbody>
            </table>
        </div>
    }
}

/// Per lever: the words of `lever_table`, with the distribution drawn as little bars.
fn lever_section(pool: &Pool, lang: Lang) -> Html {
    let words = pool_ui(lang);
    if pool.levers.is_empty() {
        return html! { <p class="muted">{ words.no_lever_changed }</p> };
    }
    let table = lever_table(pool, false, lang);
    let rows = table.rows.iter().zip(&pool.levers).map(|(row, lever)| {
        let counts = row.last().cloned().unwrap_or_default();
        html! {
            <tr>
                <th scope="row">{ row[0].clone() }</th>
                { for row[1..row.len() - 1].iter().map(|cell| html! { <td>{ cell.clone() }</td> }) }
                <td class="pool-distribution">{ distribution(lever, &counts, lang) }</td>
            </tr>
        }
    });
    scrolling_table(
        words.levers_heading,
        "pool-levers",
        &table.header,
        rows.collect::<Html>(),
    )
}

/// A lever's bins as bars, the tallest full height; a screen reader hears the counts.
fn distribution(lever: &LeverStats, counts: &str, lang: Lang) -> Html {
    let bins = lever.bins.len().max(1);
    let most = lever.bins.iter().copied().max().unwrap_or(0).max(1);
    let step = (lever.spread.max - lever.spread.min) / bins as f64;
    let value = |v: f64| param_value(lever.key, v, lang);
    let bars = lever.bins.iter().enumerate().map(|(i, &count)| {
        let from = lever.spread.min + step * i as f64;
        let to = if i + 1 == bins {
            lever.spread.max
        } else {
            from + step
        };
        let height = (count as f64 / most as f64 * 100.0).round();
        html! {
            <span class={classes!("pool-bar", (count == 0).then_some("is-empty"))}
                style={format!("height: {height}%")}
                title={pool_ui::bin_tooltip(&value(from), &value(to), count, lang)}></span>
        }
    });
    html! {
        <span class="pool-bars" role="img" aria-label={pool_ui::distribution_label(bins, counts, lang)}>
            { for bars }
        </span>
    }
}

/// Per target: the words of `pool_target_table`, with the share met also drawn as a bar.
fn target_section(pool: &Pool, lang: Lang) -> Html {
    let words = pool_ui(lang);
    if pool.targets.is_empty() {
        return html! { <p class="muted">{ words.no_targets }</p> };
    }
    let table = pool_target_table(pool, lang);
    let rows = table.rows.iter().zip(&pool.targets).map(|(row, target)| {
        let share = (target.share_met * 100.0).clamp(0.0, 100.0);
        html! {
            <tr>
                <th scope="row">{ row[0].clone() }</th>
                <td class="pool-share-cell">
                    <span class="pool-share" aria-hidden="true">
                        <span class="pool-share-met" style={format!("width: {share:.1}%")}></span>
                    </span>
                    { row[1].clone() }
                </td>
                { for row[2..].iter().map(|cell| html! { <td>{ cell.clone() }</td> }) }
            </tr>
        }
    });
    scrolling_table(
        words.targets_heading,
        "pool-targets",
        &table.header,
        rows.collect::<Html>(),
    )
}

/// One target metric year by year: every participant thin and pale, the workshop's baseline,
/// the median bold, and the targets on that metric.
fn trajectory_chart(pool: &Pool, lines: &MetricLines, lang: Lang, width: f64) -> ChartSpec {
    let words = pool_ui(lang);
    let values =
        |line: &[Option<f64>]| -> Vec<f64> { line.iter().map(|v| v.unwrap_or(f64::NAN)).collect() };
    let series = |label: String, tone: u8, faint: bool, line: &[Option<f64>]| Series {
        label,
        tone,
        shape: Shape::Line,
        values: values(line),
        band: None,
        faint,
    };
    let mut plotted: Vec<Series> = pool
        .participants
        .iter()
        .zip(&lines.participants)
        .map(|(participant, line)| series(participant_name(participant, lang), 1, true, line))
        .collect();
    if lines.baseline.iter().any(Option::is_some) {
        plotted.push(series(words.baseline.to_string(), 2, true, &lines.baseline));
    }
    plotted.push(series(words.median.to_string(), 1, false, &lines.median));
    let marks = pool
        .targets
        .iter()
        .filter(|t| t.metric == lines.metric)
        .map(|t| TargetMark {
            value: t.threshold,
            deadline: t.deadline,
            label: metric_value(t.metric, t.threshold, lang),
        })
        .collect();
    ChartSpec {
        title: pool_ui::trajectories_title(metric_label(lines.metric, lang), lang),
        years: pool.years.clone(),
        series: plotted,
        marks,
        axis: match lines.metric.unit() {
            FigureUnit::Count => Axis::Count,
            FigureUnit::Share => Axis::Percent,
            FigureUnit::Yuan => Axis::Yuan,
        },
        lang,
        width,
        note: None,
        subtitle: String::new(),
        file_stem: format!("pool-{}", lines.metric.key()),
        y_floor: 0.0,
    }
}

/// Each participant by name: the levers they changed with their values, their verdict and first
/// year on every target, and their plan to open, compare or present with one click.
fn participant_section(
    pool: &Pool,
    lang: Lang,
    compare_full: bool,
    on_action: &Callback<Action>,
) -> Html {
    let words = pool_ui(lang);
    let table = participant_table(pool, lang);
    let mut head = table.header.clone();
    head.push(words.actions.to_string());
    let rows = table.rows.iter().enumerate().map(|(index, row)| {
        let name = row[0].clone();
        let button = |to: ParticipantUse, label: &'static str, disabled: bool| {
            let on_action = on_action.clone();
            let onclick = Callback::from(move |_| {
                on_action.emit(Action::UseParticipant {
                    index,
                    to,
                    now: super::storage::now(),
                })
            });
            let title = (disabled && to == ParticipantUse::Compare).then_some(words.compare_full);
            html! {
                <button type="button" class="link" {onclick} {disabled} {title}>
                    { label }<span class="visually-hidden">{ swplan_words::strings::naming(&name, lang) }</span>
                </button>
            }
        };
        html! {
            <tr data-participant={index.to_string()}>
                <th scope="row">{ name.clone() }</th>
                <td class="pool-changed">{ row[1].clone() }</td>
                { for row[2..].iter().map(|cell| html! {
                    <td class={classes!("pool-verdict", if cell.starts_with('✓') { "met" } else if cell.starts_with('✗') { "not-met" } else { "" })}>{ cell.clone() }</td>
                }) }
                <td class="pool-actions">
                    { button(ParticipantUse::Open, words.open, false) }
                    { button(ParticipantUse::Compare, words.compare, compare_full) }
                    { button(ParticipantUse::Present, words.present, false) }
                </td>
            </tr>
        }
    });
    html! {
        <>
            <h4 id="pool-participants-heading">{ pool_ui::participants_summary(pool.participants.len(), lang) }</h4>
            { scrolling_table(words.participants_heading, "pool-participants", &head, rows.collect::<Html>()) }
        </>
    }
}
