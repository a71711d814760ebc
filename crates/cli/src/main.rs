//! `swplan`: the planner's model on the command line.
//!
//! ```text
//! swplan run  <source> [--set key=value ...] [--target metric=threshold@year ...] [--no-targets]
//!              [--runs N] [--seed S] [--format table|json|csv] [--lang zh|en]
//! swplan seek <source> --target <metric> --lever <key> [--confidence 0.8]
//!              [--runs N] [--seed S] [--set key=value ...] [--format table|json]
//! swplan link <source> [--set ...] [--target ...] [--no-targets] [--base-url URL]
//! swplan compare <source> <source> [<source> <source>] [--format table|json|csv]
//! swplan pool <file> [<saved plans> ...] [--count-identical] [--format table|json|csv]
//! swplan optimise <source> [--levers k,...] [--bound key=min..max ...] [--confidence 0.9]
//!              [--budget yuan] [--discount 0.03] [--seed S] [--format table|json|csv] [--link]
//! swplan sensitivity <source> [--set key=value ...] [--format table|json|csv]
//! swplan calibrate <source> [--fit hires,attrition] [--actual metric@year=value ...] [--format table|json|csv]
//! swplan rollup <source> <source> ... [--target metric=threshold@year ...] [--format table|json|csv]
//! swplan presets
//! swplan help [<command>|sources|keys|targets|links]
//! ```
//!
//! A source is a scenario file (TOML or JSON), a saved-plans file, a preset slug, `new` (the
//! blank template of a new region), or a share link (full address or query string). `args`
//! holds the grammar (derived with `clap`), `help` words it in the chosen language from
//! `swplan_words::cli_help`, `options` opens sources; one module per command.

mod args;
mod calibrate;
mod compare;
mod help;
mod link;
mod optimise;
mod options;
mod parse;
mod pool;
mod rollup;
mod run;
mod seek;
mod sensitivity;

use std::ffi::OsString;
use std::process::ExitCode;

use swplan_plans::presets;
use swplan_words::cli_help::{usage_error_message, usage_overview, UsageError};
use swplan_words::terminal::terminal_words;
use swplan_words::Lang;

use args::Command;
use parse::Parsed;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let lang = language(&args);
    let outcome = match parse::parse(&args, lang) {
        Ok(Parsed::Help(page)) => Ok(page),
        Ok(Parsed::Command(cli)) => dispatch(cli.command, cli.lang.is_some(), lang),
        Err(failure) => Err(failure),
    };
    match outcome {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(message)) => {
            eprintln!("{message}\n\n{}", usage_overview(lang));
            ExitCode::from(2)
        }
        Err(Failure::Input(message)) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Why a command did not run.
pub enum Failure {
    /// The command line itself is wrong (exit code 2).
    Usage(String),
    /// The scenario, a file or an override is wrong (exit code 1).
    Input(String),
}

/// A usage error worded in `lang`.
pub fn usage_failure(error: UsageError, lang: Lang) -> Failure {
    Failure::Usage(usage_error_message(&error, lang))
}

/// The language of messages and help: `--lang` (or `--lang=…`), else the environment's `LANG`,
/// else Chinese. Read before parsing, since the parser's help and refusals are worded in it.
fn language(args: &[OsString]) -> Lang {
    let mut words = args.iter().map(|a| a.to_string_lossy());
    let mut tag = None;
    while let Some(word) = words.next() {
        if word == "--lang" {
            tag = words.next().map(|t| t.into_owned());
            break;
        }
        if let Some(value) = word.strip_prefix("--lang=") {
            tag = Some(value.to_string());
            break;
        }
    }
    tag.and_then(|t| Lang::from_tag(&t))
        .or_else(|| std::env::var("LANG").ok().and_then(|v| Lang::from_tag(&v)))
        .unwrap_or_default()
}

/// Runs the command; `lang_given` says whether `--lang` was given (a link then carries it).
fn dispatch(command: Option<Command>, lang_given: bool, lang: Lang) -> Result<String, Failure> {
    match command {
        Some(Command::Run(args)) => run::run_command(&args, lang),
        Some(Command::Seek(args)) => seek::seek_command(&args, lang),
        Some(Command::Link(args)) => link::link_command(&args, lang_given, lang),
        Some(Command::Compare(args)) => compare::compare_command(&args, lang),
        Some(Command::Pool(args)) => pool::pool_command(&args, lang),
        Some(Command::Optimise(args)) => optimise::optimise_command(&args, lang_given, lang),
        Some(Command::Sensitivity(args)) => sensitivity::sensitivity_command(&args, lang),
        Some(Command::Calibrate(args)) => calibrate::calibrate_command(&args, lang),
        Some(Command::Rollup(args)) => rollup::rollup_command(&args, lang),
        Some(Command::Presets) => Ok(list_presets(lang)),
        Some(Command::Help(args)) => help::help_command(args.topic.as_deref(), lang),
        None => help::help_command(None, lang),
    }
}

/// A warning on stderr (link problems and notices): the command still runs.
pub fn warn(message: &str, lang: Lang) {
    eprintln!("{}{message}", terminal_words(lang).warning_prefix);
}

fn list_presets(lang: Lang) -> String {
    presets::all()
        .iter()
        .map(|p| {
            let s = &p.scenario;
            format!(
                "{:<10} {}  {}–{}\n",
                p.slug,
                lang.pick(&s.name.zh, &s.name.en),
                s.base_year,
                s.end_year
            )
        })
        .collect()
}
