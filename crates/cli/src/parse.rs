//! Reading the command line: the grammar of `args` with the help of `help` in the chosen
//! language; what clap refuses comes back in our words.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;

use crate::args::Cli;
use crate::{help, usage_failure, Failure};
use swplan_words::cli_help::UsageError;
use swplan_words::Lang;

/// What the command line asks for.
pub enum Parsed {
    /// A command to run (boxed: the optimiser's options make it large beside a help page).
    Command(Box<Cli>),
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
                .map(|cli| Parsed::Command(Box::new(cli)))
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
