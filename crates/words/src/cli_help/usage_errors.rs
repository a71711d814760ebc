//! Why a command line could not be read, worded: the command line maps its parser's errors
//! (and its own checks of the options) to a [`UsageError`], so no parser's English reaches a
//! Chinese reader.

use super::command_names;
use super::topics::Topic;
use crate::Lang;

/// A command line that cannot run as typed (exit code 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UsageError {
    /// The first word is no command.
    UnknownCommand { command: String },
    /// An option no command takes.
    UnknownOption { option: String },
    /// An option another command takes, given to this one.
    OptionNotTaken { command: String, option: String },
    /// A word where none is expected (a second source to `run`, say).
    UnexpectedArgument { argument: String },
    /// An option given without its value, at the end of the line.
    MissingValue { option: String },
    /// No scenario file, preset or link was named.
    MissingSource,
    /// An option's value is not a number.
    NotANumber { option: String, text: String },
    /// `--format` names no output format.
    UnknownFormat { format: String },
    /// `--confidence` outside (0, 1).
    ConfidenceOutOfRange,
    /// `--runs` outside the Monte Carlo's range.
    RunsOutOfRange { min: usize, max: usize },
    /// `--target metric` without `=threshold@year`, outside `seek`.
    TargetWithoutThreshold { text: String },
    /// `seek` without the option it needs (`--target` or `--lever`).
    SeekNeeds { option: String },
    /// `pool` was given two files of links: line numbers would be ambiguous.
    OneFileOfLinks,
    /// `swplan help` of something that is neither a command nor a topic.
    UnknownTopic { topic: String },
    /// `optimise --levers` or `--bound` names no lever the optimiser can move.
    NotAnOptimiserLever { lever: String },
    /// `optimise --bound` is not `key=min..max` (or `key@year=min..max`).
    MalformedBound { text: String },
    /// Anything else the parser refused, with the argument it names if any.
    Malformed { argument: Option<String> },
}

/// The sentence for a usage error.
pub fn usage_error_message(error: &UsageError, lang: Lang) -> String {
    match (error, lang) {
        (UsageError::UnknownCommand { command }, Lang::Zh) => format!("未知命令“{command}”。"),
        (UsageError::UnknownCommand { command }, Lang::En) => {
            format!("Unknown command '{command}'.")
        }
        (UsageError::UnknownOption { option }, Lang::Zh) => format!("未知选项“{option}”。"),
        (UsageError::UnknownOption { option }, Lang::En) => format!("Unknown option '{option}'."),
        (UsageError::OptionNotTaken { command, option }, Lang::Zh) => {
            format!("{command} 不接受选项“{option}”。")
        }
        (UsageError::OptionNotTaken { command, option }, Lang::En) => {
            format!("{command} does not take '{option}'.")
        }
        (UsageError::UnexpectedArgument { argument }, Lang::Zh) => {
            format!("多余的参数“{argument}”。")
        }
        (UsageError::UnexpectedArgument { argument }, Lang::En) => {
            format!("Unexpected argument '{argument}'.")
        }
        (UsageError::MissingValue { option }, Lang::Zh) => format!("{option} 后缺少取值。"),
        (UsageError::MissingValue { option }, Lang::En) => format!("{option} needs a value."),
        (UsageError::MissingSource, _) => lang
            .pick(
                "缺少方案文件、预设名或链接。",
                "Missing the scenario file, preset or link.",
            )
            .into(),
        (UsageError::NotANumber { option, text }, Lang::Zh) => {
            format!("{option} 的值“{text}”不是有效数字。")
        }
        (UsageError::NotANumber { option, text }, Lang::En) => {
            format!("The value '{text}' of {option} is not a valid number.")
        }
        (UsageError::UnknownFormat { format }, Lang::Zh) => {
            format!("未知输出格式“{format}”（可选 table、json、csv）。")
        }
        (UsageError::UnknownFormat { format }, Lang::En) => {
            format!("Unknown format '{format}' (table, json or csv).")
        }
        (UsageError::ConfidenceOutOfRange, _) => lang
            .pick(
                "--confidence 必须在 0 与 1 之间（如 0.8 表示 80%）。",
                "--confidence must lie between 0 and 1 (0.8 is 80 %).",
            )
            .into(),
        (UsageError::RunsOutOfRange { min, max }, Lang::Zh) => {
            format!("--runs 必须在 {min} 到 {max} 之间。")
        }
        (UsageError::RunsOutOfRange { min, max }, Lang::En) => {
            format!("--runs must be between {min} and {max}.")
        }
        (UsageError::TargetWithoutThreshold { text }, Lang::Zh) => {
            format!("--target “{text}”缺少“=目标值@年份”（如 talent=140000@2025）。")
        }
        (UsageError::TargetWithoutThreshold { text }, Lang::En) => {
            format!("--target '{text}' lacks '=threshold@year' (e.g. talent=140000@2025).")
        }
        (UsageError::SeekNeeds { option }, Lang::Zh) => format!("seek 需要 {option}。"),
        (UsageError::SeekNeeds { option }, Lang::En) => format!("seek needs {option}."),
        (UsageError::OneFileOfLinks, _) => lang
            .pick(
                "pool 只接受一个链接文本文件（可另加方案保存文件）。",
                "pool takes one file of links (and any saved-plans files).",
            )
            .into(),
        (UsageError::NotAnOptimiserLever { lever }, _) => {
            let levers: Vec<&str> = swplan_engine::optimise::Lever::ALL
                .iter()
                .map(|l| l.key())
                .collect();
            match lang {
                Lang::Zh => format!(
                    "“{lever}”不是可优化的逐年杠杆。可选：{}。",
                    levers.join("、")
                ),
                Lang::En => format!(
                    "'{lever}' is not a yearly lever the optimiser can move. Choose from: {}.",
                    levers.join(", ")
                ),
            }
        }
        (UsageError::MalformedBound { text }, Lang::Zh) => format!(
            "--bound “{text}”应写成 杠杆=最少..最多（如 hires=0..25000，或 rooms_per_year@2026=..400）。"
        ),
        (UsageError::MalformedBound { text }, Lang::En) => format!(
            "--bound '{text}' should read key=min..max (e.g. hires=0..25000, or rooms_per_year@2026=..400)."
        ),
        (UsageError::UnknownTopic { topic }, _) => {
            let topics: Vec<&str> = Topic::ALL.iter().map(|t| t.name()).collect();
            let commands: Vec<&str> = command_names().collect();
            match lang {
                Lang::Zh => format!(
                    "没有“{topic}”这个帮助主题。主题：{}；命令：{}。",
                    topics.join("、"),
                    commands.join("、")
                ),
                Lang::En => format!(
                    "No help topic '{topic}'. Topics: {}; commands: {}.",
                    topics.join(", "),
                    commands.join(", ")
                ),
            }
        }
        (
            UsageError::Malformed {
                argument: Some(argument),
            },
            Lang::Zh,
        ) => {
            format!("命令行在“{argument}”处有误。")
        }
        (
            UsageError::Malformed {
                argument: Some(argument),
            },
            Lang::En,
        ) => {
            format!("The command line is wrong at '{argument}'.")
        }
        (UsageError::Malformed { argument: None }, _) => lang
            .pick("命令行有误。", "The command line is wrong.")
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_topic_names_every_topic_and_command() {
        let error = UsageError::UnknownTopic {
            topic: "colours".into(),
        };
        for lang in [Lang::Zh, Lang::En] {
            let message = usage_error_message(&error, lang);
            assert!(message.contains("colours"), "{message}");
            for topic in Topic::ALL {
                assert!(message.contains(topic.name()), "{message}");
            }
            for command in command_names() {
                assert!(message.contains(command), "{message}");
            }
        }
    }

    #[test]
    fn chinese_usage_errors_are_chinese() {
        let errors = [
            UsageError::UnknownCommand {
                command: "fly".into(),
            },
            UsageError::UnknownOption {
                option: "--colour".into(),
            },
            UsageError::MissingSource,
            UsageError::NotANumber {
                option: "--seed".into(),
                text: "abc".into(),
            },
            UsageError::Malformed { argument: None },
        ];
        for error in errors {
            let message = usage_error_message(&error, Lang::Zh);
            assert!(
                message
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{message}"
            );
            assert_ne!(message, usage_error_message(&error, Lang::En));
        }
    }
}
