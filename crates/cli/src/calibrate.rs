//! `swplan calibrate SOURCE --fit hires,attrition`: the levers fitted to the plan's actuals,
//! with their uncertainty, the fit per year, R² and the largest miss — or why the data cannot
//! tell them.

use swplan_engine::calibrate::{calibrate, Lever};
use swplan_render::life_report::{calibration_csv, calibration_json, calibration_text};
use swplan_render::report::Format;
use swplan_words::calibration::refusal_text;
use swplan_words::Lang;

use crate::args::CalibrateArgs;
use crate::options::{load, Loaded};
use crate::Failure;

pub fn calibrate_command(args: &CalibrateArgs, lang: Lang) -> Result<String, Failure> {
    args.plan.refuse_seek_target(lang)?;
    let Loaded { plan, .. } = load(&args.plan, lang)?;
    let scenario = plan.scenario;
    let levers = match &args.fit {
        Some(list) => parse_levers(list, lang)?,
        None => default_levers(&scenario),
    };
    let calibration = calibrate(&scenario, &scenario.actuals, &levers)
        .map_err(|refusal| Failure::Input(refusal_text(&refusal, lang)))?;
    Ok(match args.format.unwrap_or(Format::Table) {
        Format::Table => calibration_text(&calibration, lang),
        Format::Csv => calibration_csv(&calibration, lang),
        Format::Json => calibration_json(&calibration, lang),
    })
}

/// `hires,attrition` as levers; an unknown key names the ones there are.
fn parse_levers(list: &str, lang: Lang) -> Result<Vec<Lever>, Failure> {
    list.split(',')
        .map(str::trim)
        .filter(|key| !key.is_empty())
        .map(|key| {
            Lever::from_key(key).ok_or_else(|| {
                let known: Vec<&str> = Lever::ALL.iter().map(|l| l.key()).collect();
                Failure::Input(swplan_words::calibration::unknown_lever_text(
                    key, &known, lang,
                ))
            })
        })
        .collect()
}

/// The levers that drive the figures with enough actuals to fit them (talent: hiring and
/// attrition, from two years after the base year on…).
fn default_levers(scenario: &swplan_engine::Scenario) -> Vec<Lever> {
    let actuals = &scenario.actuals;
    let mut levers: Vec<Lever> = actuals
        .metrics()
        .filter(|m| {
            let points = actuals
                .series(*m)
                .filter(|(year, _)| *year > scenario.base_year)
                .count();
            points >= Lever::driving(*m).len()
        })
        .flat_map(|m| Lever::driving(m).iter().copied())
        .collect();
    levers.sort();
    levers.dedup();
    levers
}
