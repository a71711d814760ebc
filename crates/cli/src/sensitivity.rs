//! `swplan sensitivity`: which lever or assumption moves each target most (a tornado per
//! target), and how much of each target's spread each source of uncertainty explains.

use serde::Serialize;
use swplan_plans::analysis::{sensitivity, Sensitivity};
use swplan_plans::state::optimiser::SENSITIVITY_SETTINGS;
use swplan_render::report::Format;
use swplan_render::table;
use swplan_words::optimiser::target_phrase;
use swplan_words::optimiser_ui::optimiser_ui;
use swplan_words::sensitivity::{shares_table, tornado_table, tornado_title};
use swplan_words::{messages, Lang};

use crate::args::SensitivityArgs;
use crate::options::{load, Loaded};
use crate::Failure;

pub fn sensitivity_command(args: &SensitivityArgs, lang: Lang) -> Result<String, Failure> {
    args.plan.refuse_seek_target(lang)?;
    let Loaded { plan, .. } = load(&args.plan, lang)?;
    let scenario = plan.scenario;
    // Cannot be refused: `load` validated the scenario.
    let Some(found) = sensitivity(&scenario, SENSITIVITY_SETTINGS) else {
        return Err(Failure::Input(messages::refusal_message(
            &swplan_plans::compute::Refusal::InvalidScenario,
            lang,
        )));
    };
    Ok(match args.format.unwrap_or(Format::Table) {
        Format::Table => report(&scenario, &found, lang),
        Format::Csv => {
            let mut out = String::from("\u{feff}");
            for tornado in &found.tornadoes {
                let Some(target) = scenario.targets.get(tornado.target) else {
                    continue;
                };
                out += &table::csv(&swplan_words::compare::TextTable {
                    header: vec![tornado_title(target, lang)],
                    rows: vec![],
                });
                out += &table::csv(&tornado_table(tornado, target, lang));
                out += "\r\n";
            }
            for shares in &found.shares {
                let Some(target) = scenario.targets.get(shares.target) else {
                    continue;
                };
                out += &table::csv(&swplan_words::compare::TextTable {
                    header: vec![format!(
                        "{} — {}",
                        target_phrase(target, lang),
                        optimiser_ui(lang).shares_heading
                    )],
                    rows: vec![],
                });
                out += &table::csv(&shares_table(shares, lang));
                out += "\r\n";
            }
            out
        }
        Format::Json => {
            #[derive(Serialize)]
            struct SensitivityJson<'a> {
                region: &'a str,
                #[serde(flatten)]
                sensitivity: &'a Sensitivity,
            }
            let json = SensitivityJson {
                region: &scenario.region,
                sensitivity: &found,
            };
            // Cannot fail: plain numbers, strings and lists.
            serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
        }
    })
}

fn report(scenario: &swplan_engine::Scenario, found: &Sensitivity, lang: Lang) -> String {
    let ui = optimiser_ui(lang);
    let name = lang.pick(&scenario.name.zh, &scenario.name.en);
    let mut out = format!("{name}  {}\n", ui.sensitivity_title);
    for tornado in &found.tornadoes {
        let Some(target) = scenario.targets.get(tornado.target) else {
            continue;
        };
        out += &format!("\n{}\n", tornado_title(target, lang));
        if tornado.moving_bars().next().is_none() {
            out += &format!("  {}\n", ui.no_moving_factor);
            continue;
        }
        out += &indent(&table::aligned(&tornado_table(tornado, target, lang)));
    }
    out += &format!("\n{}\n", ui.shares_heading);
    for shares in &found.shares {
        let Some(target) = scenario.targets.get(shares.target) else {
            continue;
        };
        out += &format!("\n{}\n", target_phrase(target, lang));
        let rows = shares_table(shares, lang);
        if rows.rows.is_empty() {
            out += &format!("  {}\n", ui.nothing_varies);
            continue;
        }
        out += &indent(&table::aligned(&rows));
        if shares.odds.iter().all(|s| s.total == 0.0) {
            out += &format!("  {}\n", ui.odds_never_vary);
        }
    }
    out
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}
