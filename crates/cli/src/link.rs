//! `swplan link`: the share link of a plan, with the overrides applied.

use swplan_plans::share::{self, PlanSpec};
use swplan_words::Lang;

use crate::options::{load, parse_options, refuse_seek_target, Loaded};
use crate::Failure;

/// Where the app is served by `trunk serve` (scripts/serve.sh).
const DEFAULT_BASE_URL: &str = "http://127.0.0.1:8080/";

pub fn link_command(args: &[String], lang: Lang) -> Result<String, Failure> {
    let options = parse_options(args, lang)?;
    refuse_seek_target(&options, lang)?;
    let Loaded { mut plan, others } = load(&options, lang)?;
    if let Some(runs) = options.runs {
        plan.mc.runs = runs;
    }
    if let Some(seed) = options.seed {
        plan.mc.seed = seed;
    }
    let plans: Vec<PlanSpec> = std::iter::once(plan).chain(others).collect();
    let query = share::encode(&plans, options.lang_given.then_some(lang));
    let base = options.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL);
    // A base that already holds a query or fragment loses them: the link is the whole query.
    let base = base.split(['?', '#']).next().unwrap_or(base);
    Ok(format!("{base}?{query}\n"))
}
