//! `swplan link`: the share link of a plan, with the overrides applied.

use swplan_plans::share::{self, PlanSpec};
use swplan_words::Lang;

use crate::args::LinkArgs;
use crate::options::{load, Loaded};
use crate::Failure;

/// Where the app is served by `trunk serve` (scripts/serve.sh).
pub const DEFAULT_BASE_URL: &str = "http://127.0.0.1:8080/";

/// The link of the plan; it carries the language when `--lang` was given (`lang_given`).
pub fn link_command(args: &LinkArgs, lang_given: bool, lang: Lang) -> Result<String, Failure> {
    let monte_carlo = args.monte_carlo.checked(lang)?;
    args.plan.refuse_seek_target(lang)?;
    let Loaded { mut plan, others } = load(&args.plan, lang)?;
    if let Some(runs) = monte_carlo.runs {
        plan.mc.runs = runs;
    }
    if let Some(seed) = monte_carlo.seed {
        plan.mc.seed = seed;
    }
    let plans: Vec<PlanSpec> = std::iter::once(plan).chain(others).collect();
    let query = share::encode(&plans, lang_given.then_some(lang));
    let base = args.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL);
    // A base that already holds a query or fragment loses them: the link is the whole query.
    let base = base.split(['?', '#']).next().unwrap_or(base);
    Ok(format!("{base}?{query}\n"))
}
