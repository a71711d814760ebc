//! The workshop's pooled result on the projector, in large type: how the room set each lever
//! (the spread and its distribution as bars) and how the targets fare across the room. The words
//! are the pooling dialog's (`swplan_words::compare`); this screen only draws them larger.

use yew::prelude::*;

use swplan_plans::pool::Pool;
use swplan_words::compare::{lever_table, pool_summary, pool_target_table, TextTable};
use swplan_words::presenting::presenting;
use swplan_words::Lang;

#[derive(Properties, PartialEq)]
pub struct PooledResultProps {
    pub lang: Lang,
    pub pool: std::rc::Rc<swplan_plans::state::workshop::Pooled>,
}

/// A table of words, each cell drawn by `cell` (row, column, its words): a drawing beside the
/// words where one helps (the distribution, the share met).
fn table(
    table: &TextTable,
    class: &'static str,
    cell: impl Fn(usize, usize, &str) -> Html,
) -> Html {
    html! {
        <table class={classes!("presenter-pool-table", class)}>
            <thead>
                <tr>{ for table.header.iter().map(|cell| html! { <th scope="col">{ cell.clone() }</th> }) }</tr>
            </thead>
            <tbody>
                { for table.rows.iter().enumerate().map(|(i, row)| html! {
                    <tr>
                        <th scope="row">{ row[0].clone() }</th>
                        { for row.iter().enumerate().skip(1).map(|(j, words)| html! { <td>{ cell(i, j, words) }</td> }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// A lever's distribution as bars, the tallest full height.
fn bars(pool: &Pool, lever: usize, counts: &str) -> Html {
    let Some(stats) = pool.levers.get(lever) else {
        return Html::default();
    };
    let most = stats.bins.iter().copied().max().unwrap_or(0).max(1);
    html! {
        <span class="pool-bars" role="img" aria-label={counts.to_string()}>
            { for stats.bins.iter().map(|&count| {
                let height = (count as f64 / most as f64 * 100.0).round();
                html! { <span class={classes!("pool-bar", (count == 0).then_some("is-empty"))} style={format!("height: {height}%")}></span> }
            }) }
        </span>
    }
}

#[function_component(PooledResult)]
pub fn pooled_result(props: &PooledResultProps) -> Html {
    let lang = props.lang;
    let words = presenting(lang);
    let pool = &props.pool.pool;
    let levers = lever_table(pool, false, lang);
    let targets = pool_target_table(pool, lang);
    html! {
        <section class="presenter-pool" aria-labelledby="presenter-pool-title">
            // The presenter's own title already says it on screen: once is enough for the room.
            <h2 id="presenter-pool-title" class="visually-hidden">{ words.pool_title }</h2>
            <p class="presenter-pool-summary">{ pool_summary(pool, lang) }</p>
            if !targets.rows.is_empty() {
                <h3>{ words.pool_targets }</h3>
                { table(&targets, "is-targets", |i, j, words| {
                    // The share met (the second column), also as a bar.
                    if j != 1 {
                        return html! { { words.to_string() } };
                    }
                    let share = pool.targets.get(i).map_or(0.0, |t| t.share_met * 100.0).clamp(0.0, 100.0);
                    html! {
                        <>
                            <span class="pool-share" aria-hidden="true"><span class="pool-share-met" style={format!("width: {share:.1}%")}></span></span>
                            { words.to_string() }
                        </>
                    }
                }) }
            }
            if !levers.rows.is_empty() {
                <h3>{ words.pool_levers }</h3>
                { table(&levers, "is-levers", |i, j, words| {
                    // The distribution (the last column) as bars; its counts for a screen reader.
                    if j + 1 == levers.header.len() {
                        bars(pool, i, words)
                    } else {
                        html! { { words.to_string() } }
                    }
                }) }
            }
        </section>
    }
}
