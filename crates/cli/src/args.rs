//! The command line's grammar, derived with `clap`, and the reading of it: `clap`'s refusals
//! become our own [`UsageError`]s in the chosen language. The words of the help are set at run
//! time from `swplan_words::cli_help` (see `help.rs`); nothing here is shown to a user, so the
//! fields carry plain comments, not doc comments (`clap` would show those as English help).

use clap::{ArgAction, Args, Parser, Subcommand};
use swplan_engine::montecarlo;
use swplan_render::report::Format;
use swplan_words::cli_help::UsageError;
use swplan_words::Lang;

use crate::{usage_failure, Failure};

#[derive(Parser)]
#[command(
    name = "swplan",
    disable_help_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    // Read before parsing, to build the help in the right language (see `language`); declared
    // so that every command accepts it.
    // Listed after each command's own options.
    #[arg(long, global = true, display_order = 100)]
    pub lang: Option<String>,
    // Our own `-h`/`--help`, so its help line can be worded like every other.
    #[arg(short, long, action = ArgAction::Help, global = true, display_order = 101)]
    help: Option<bool>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    Run(RunArgs),
    Seek(SeekArgs),
    Link(LinkArgs),
    Compare(CompareArgs),
    Pool(PoolArgs),
    Optimise(OptimiseArgs),
    Sensitivity(SensitivityArgs),
    Calibrate(CalibrateArgs),
    Rollup(RollupArgs),
    Presets,
    Help(HelpArgs),
}

// The plan of `run`, `seek` and `link`: one source and the changes made to it.
#[derive(Args)]
pub struct PlanArgs {
    pub source: String,
    #[arg(long)]
    pub set: Vec<String>,
    // `metric=threshold@year` adds a target; a bare `metric` is the question of `seek`.
    #[arg(long)]
    pub target: Vec<String>,
    #[arg(long)]
    pub no_targets: bool,
    // `metric@year=value`: an actual figure added to the source's.
    #[arg(long)]
    pub actual: Vec<String>,
}

impl PlanArgs {
    /// The targets to add: every `--target` with a threshold.
    pub fn added_targets(&self) -> impl Iterator<Item = &str> {
        self.target
            .iter()
            .map(String::as_str)
            .filter(|t| t.contains('='))
    }

    /// The `--target metric` without `=` (the last one given): the target `seek` answers for.
    pub fn seek_metric(&self) -> Option<&str> {
        self.target
            .iter()
            .rev()
            .map(String::as_str)
            .find(|t| !t.contains('='))
    }

    /// The `--target metric` of `seek` is a question, not a target to add: other commands
    /// refuse it.
    pub fn refuse_seek_target(&self, lang: Lang) -> Result<(), Failure> {
        match self.seek_metric() {
            Some(text) => Err(usage_failure(
                UsageError::TargetWithoutThreshold { text: text.into() },
                lang,
            )),
            None => Ok(()),
        }
    }
}

#[derive(Args)]
pub struct MonteCarloArgs {
    // Negative numbers are values here, so `--runs -5` is refused as a number, not as an option.
    #[arg(long, allow_negative_numbers = true)]
    pub runs: Option<usize>,
    #[arg(long, allow_negative_numbers = true)]
    pub seed: Option<u64>,
}

impl MonteCarloArgs {
    /// Refuses a number of runs outside the Monte Carlo's range.
    pub fn checked(&self, lang: Lang) -> Result<&Self, Failure> {
        let (min, max) = montecarlo::RUNS_RANGE;
        match self.runs {
            Some(n) if !(min..=max).contains(&n) => {
                Err(usage_failure(UsageError::RunsOutOfRange { min, max }, lang))
            }
            _ => Ok(self),
        }
    }
}

#[derive(Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub plan: PlanArgs,
    #[command(flatten)]
    pub monte_carlo: MonteCarloArgs,
    #[arg(long, value_parser = format_name)]
    pub format: Option<Format>,
    #[arg(long)]
    pub reproject: bool,
}

#[derive(Args)]
pub struct CalibrateArgs {
    #[command(flatten)]
    pub plan: PlanArgs,
    // Comma-separated lever keys; without it, the drivers of the figures with actuals.
    #[arg(long)]
    pub fit: Option<String>,
    #[arg(long, value_parser = format_name)]
    pub format: Option<Format>,
}

#[derive(Args)]
pub struct RollupArgs {
    #[arg(required = true)]
    pub sources: Vec<String>,
    // Province targets, `metric=threshold@year`.
    #[arg(long)]
    pub target: Vec<String>,
    #[arg(long, value_parser = format_name)]
    pub format: Option<Format>,
}

#[derive(Args)]
pub struct SeekArgs {
    #[command(flatten)]
    pub plan: PlanArgs,
    #[arg(long)]
    pub lever: Option<String>,
    #[arg(long, allow_negative_numbers = true)]
    pub confidence: Option<f64>,
    #[command(flatten)]
    pub monte_carlo: MonteCarloArgs,
    #[arg(long, value_parser = format_name)]
    pub format: Option<Format>,
}

#[derive(Args)]
pub struct LinkArgs {
    #[command(flatten)]
    pub plan: PlanArgs,
    #[command(flatten)]
    pub monte_carlo: MonteCarloArgs,
    #[arg(long)]
    pub base_url: Option<String>,
}

#[derive(Args)]
pub struct CompareArgs {
    // Two to four plans; a comparison link or a saved-plans file may hold several, so the
    // count is checked once the sources are open.
    #[arg(required = true)]
    pub sources: Vec<String>,
    #[arg(long, value_parser = format_name)]
    pub format: Option<Format>,
}

#[derive(Args)]
pub struct PoolArgs {
    #[arg(required = true)]
    pub files: Vec<String>,
    #[arg(long)]
    pub count_identical: bool,
    #[arg(long, value_parser = format_name)]
    pub format: Option<Format>,
}

#[derive(Args)]
pub struct OptimiseArgs {
    #[command(flatten)]
    pub plan: PlanArgs,
    // Comma-separated lever keys.
    #[arg(long)]
    pub levers: Option<String>,
    // `key=min..max` or `key@year=min..max`, repeatable.
    #[arg(long)]
    pub bound: Vec<String>,
    #[arg(long, allow_negative_numbers = true)]
    pub confidence: Option<f64>,
    // Yuan, as a planner writes it (with a wan or yi suffix too).
    #[arg(long, allow_hyphen_values = true)]
    pub budget: Option<String>,
    #[arg(long, allow_negative_numbers = true)]
    pub discount: Option<f64>,
    #[arg(long, allow_negative_numbers = true)]
    pub seed: Option<u64>,
    #[arg(long, value_parser = format_name)]
    pub format: Option<Format>,
    #[arg(long)]
    pub link: bool,
}

#[derive(Args)]
pub struct SensitivityArgs {
    #[command(flatten)]
    pub plan: PlanArgs,
    #[arg(long, value_parser = format_name)]
    pub format: Option<Format>,
}

#[derive(Args)]
pub struct HelpArgs {
    pub topic: Option<String>,
}

/// An output format by name; the refusal is worded from the error's kind (see `usage_error`).
fn format_name(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| name.to_string())
}
