//! The command line's grammar, derived with `clap`, and the reading of it: `clap`'s refusals
//! become our own [`UsageError`]s in the chosen language. The words of the help are set at run
//! time from `swplan_words::cli_help` (see `help.rs`); nothing here is shown to a user, so the
//! fields carry plain comments, not doc comments (`clap` would show those as English help).

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Args, Parser, Subcommand};
use swplan_engine::montecarlo;
use swplan_render::report::Format;
use swplan_words::cli_help::UsageError;
use swplan_words::Lang;

use crate::{help, usage_failure, Failure};

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
pub struct HelpArgs {
    pub topic: Option<String>,
}

/// An output format by name; the refusal is worded from the error's kind (see `usage_error`).
fn format_name(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| name.to_string())
}

/// What the command line asks for.
pub enum Parsed {
    /// A command to run.
    Command(Cli),
    /// `--help` or `-h`: the help page to print.
    Help(String),
}

/// Reads the command line (`args` without the program's name) with the help in `lang`.
pub fn parse(args: &[OsString], lang: Lang) -> Result<Parsed, Failure> {
    let mut command = help::command(lang);
    let line = std::iter::once(OsString::from("swplan")).chain(args.iter().cloned());
    match command.try_get_matches_from_mut(line) {
        Ok(matches) => {
            use clap::FromArgMatches;
            Cli::from_arg_matches(&matches)
                .map(Parsed::Command)
                .map_err(|e| usage_failure(usage_error(&e, &command, args), lang))
        }
        Err(e) if e.kind() == ErrorKind::DisplayHelp => Ok(Parsed::Help(e.render().to_string())),
        Err(e) => Err(usage_failure(usage_error(&e, &command, args), lang)),
    }
}

/// Our words for what `clap` refused: by the error's kind, with the argument it names.
fn usage_error(error: &clap::Error, command: &clap::Command, args: &[OsString]) -> UsageError {
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(ContextValue::Strings(texts)) => texts.first().cloned(),
        _ => None,
    };
    // `clap` names an option with its value ("--runs <次数>"): the flag is the first word.
    let argument = context(ContextKind::InvalidArg);
    let flag = argument
        .as_deref()
        .and_then(|a| a.split_whitespace().next())
        .map(|f| f.split('=').next().unwrap_or(f).to_string());
    let value = context(ContextKind::InvalidValue);
    match (error.kind(), flag) {
        (ErrorKind::InvalidSubcommand, _) => UsageError::UnknownCommand {
            command: context(ContextKind::InvalidSubcommand).unwrap_or_default(),
        },
        (ErrorKind::UnknownArgument, Some(flag)) if flag.starts_with('-') => {
            match command_word(args, command) {
                Some(name) if taken_by_another(command, &name, &flag) => {
                    UsageError::OptionNotTaken {
                        command: name,
                        option: flag,
                    }
                }
                _ => UsageError::UnknownOption { option: flag },
            }
        }
        (ErrorKind::UnknownArgument, _) => UsageError::UnexpectedArgument {
            argument: argument.unwrap_or_default(),
        },
        (ErrorKind::MissingRequiredArgument, _) => UsageError::MissingSource,
        (ErrorKind::InvalidValue, Some(flag)) if value.as_deref().is_none_or(str::is_empty) => {
            UsageError::MissingValue { option: flag }
        }
        (ErrorKind::InvalidValue | ErrorKind::ValueValidation, Some(flag))
            if flag == "--format" =>
        {
            UsageError::UnknownFormat {
                format: value.unwrap_or_default(),
            }
        }
        (ErrorKind::InvalidValue | ErrorKind::ValueValidation, Some(flag)) => {
            UsageError::NotANumber {
                option: flag,
                text: value.unwrap_or_default(),
            }
        }
        _ => UsageError::Malformed { argument },
    }
}

/// The command the line names: its first word that is not an option or `--lang`'s value.
fn command_word(args: &[OsString], command: &clap::Command) -> Option<String> {
    let mut words = args.iter().map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--lang" {
            words.next();
        } else if !word.starts_with('-') {
            return command
                .find_subcommand(word.as_ref())
                .map(|c| c.get_name().to_string());
        }
    }
    None
}

/// Whether a command other than `name` takes the option `flag` (`--set`).
fn taken_by_another(command: &clap::Command, name: &str, flag: &str) -> bool {
    let long = flag.trim_start_matches('-');
    command
        .get_subcommands()
        .filter(|c| c.get_name() != name)
        .flat_map(clap::Command::get_arguments)
        .any(|a| a.get_long() == Some(long))
}
