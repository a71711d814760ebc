//! `swplan rollup A B C … [--target …]`: a province from its cities' plans — the sums, each
//! city's part, the province's targets on the sum and each city's own.

use swplan_plans::life::rollup::{from_json, is_rollup_file, RollUpPlan};
use swplan_plans::state::rollup::RollUpRefusal;
use swplan_render::report::Format;
use swplan_render::rollup::{rollup_csv, rollup_json, rollup_text};
use swplan_words::rollup::{refusal_text, rollup_error_text};
use swplan_words::Lang;

use crate::args::RollupArgs;
use crate::options::{open_source, parse_target, read_file};
use crate::Failure;

pub fn rollup_command(args: &RollupArgs, lang: Lang) -> Result<String, Failure> {
    let mut plan = RollUpPlan::default();
    for source in &args.sources {
        let path = std::path::Path::new(source);
        if path.is_file() {
            let text = read_file(source, lang)?;
            if is_rollup_file(&text) {
                let file = from_json(&text)
                    .map_err(|e| Failure::Input(refusal_text(&RollUpRefusal::File(e), lang)))?;
                plan.name = plan.name.or(file.name);
                plan.targets.extend(file.targets);
                plan.cities.extend(file.cities);
                continue;
            }
        } else if let Some(province) = swplan_plans::share::decode(source)
            .rollup
            .filter(|_| source.contains("ru="))
        {
            plan.targets.extend(province.targets);
            plan.name = plan.name.or(province.name);
        }
        plan.cities.extend(open_source(source, lang)?);
    }
    for text in &args.target {
        plan.targets.push(parse_target(text, lang)?);
    }
    let names: Vec<String> = plan
        .cities
        .iter()
        .map(|c| {
            lang.pick(&c.scenario.name.zh, &c.scenario.name.en)
                .to_string()
        })
        .collect();
    let rollup = plan.compute().map_err(|e| {
        Failure::Input(rollup_error_text(
            &e,
            &|i| names.get(i).cloned().unwrap_or_default(),
            lang,
        ))
    })?;
    Ok(match args.format.unwrap_or(Format::Table) {
        Format::Table => rollup_text(&rollup, &names, &plan.targets, lang),
        Format::Csv => rollup_csv(&rollup, &names, lang),
        Format::Json => rollup_json(&rollup, &names),
    })
}
