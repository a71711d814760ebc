//! The help in the chosen language: the derived `clap` command with every about, help line,
//! value name and heading set from `swplan_words::cli_help`, and `swplan help [command|topic]`.

use clap::CommandFactory;
use swplan_plans::help::HelpTopic;
use swplan_words::cli_help::{
    command_text, headings, option_text, topic_text, topics_overview, Topic, UsageError, PROGRAM,
};
use swplan_words::manual;
use swplan_words::Lang;

use crate::args::Cli;
use crate::{usage_failure, Failure};

/// The command line's grammar with its help worded in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let root = worded(Cli::command(), PROGRAM, lang).after_help(format!(
        "{}\n{}",
        headings(lang).topics,
        topics_overview(lang).trim_end()
    ));
    root.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        worded(sub, &name, lang)
    })
}

/// One command with its about, the help line and value name of each of its arguments, and a
/// template of our own headings instead of `clap`'s English ones. The global `--lang` and
/// `--help` are worded on the root and copied into each command when `clap` builds it.
fn worded(command: clap::Command, name: &str, lang: Lang) -> clap::Command {
    let command = command.mut_args(|arg| {
        let option = arg
            .get_long()
            .unwrap_or_else(|| arg.get_id().as_str())
            .to_string();
        match option_text(name, &option, lang) {
            // Values are listed in our words, never in `clap`'s "[possible values: …]".
            Some(text) => match text.value {
                Some(value) => arg
                    .help(text.help)
                    .value_name(value)
                    .hide_possible_values(true),
                None => arg.help(text.help),
            },
            None => arg,
        }
    });
    let Some(text) = command_text(name, lang) else {
        return command;
    };
    let template = template(&command, text.usage, lang);
    // Without `clap`'s `unicode` feature a Chinese value name (`<参数=值>`) counts one column a
    // character and would misalign the help after it: each help on its own line instead.
    let wide_values = command.get_arguments().any(|arg| {
        arg.get_value_names()
            .is_some_and(|names| names.iter().any(|name| !name.as_str().is_ascii()))
    });
    command
        .about(text.about)
        .long_about(text.long_about)
        .help_template(template)
        .next_line_help(wide_values)
}

/// The layout of a help page: about, usage, then the sections the command has, each under our
/// heading (`clap`'s `{all-args}` would bring its English ones).
fn template(command: &clap::Command, usage: &str, lang: Lang) -> String {
    let h = headings(lang);
    let mut template = format!("{{about-with-newline}}\n{}\n  {usage}\n", h.usage);
    if command.get_positionals().next().is_some() {
        template += &format!("\n{}\n{{positionals}}\n", h.arguments);
    }
    if command.has_subcommands() {
        template += &format!("\n{}\n{{subcommands}}\n", h.commands);
    }
    template += &format!("\n{}\n{{options}}{{after-help}}", h.options);
    template
}

/// `swplan help`, `swplan help <command>` (its `--help`) and `swplan help <topic>`.
pub fn help_command(topic: Option<&str>, lang: Lang) -> Result<String, Failure> {
    let mut root = command(lang);
    let Some(name) = topic else {
        return Ok(page(root.render_long_help()));
    };
    if let Some(topic) = Topic::from_name(name) {
        return Ok(topic_text(topic, lang));
    }
    root.build();
    if let Some(command) = root.find_subcommand_mut(name) {
        return Ok(page(command.render_long_help()));
    }
    manual_text(name, lang)
        .ok_or_else(|| usage_failure(UsageError::UnknownTopic { topic: name.into() }, lang))
}

/// A section of the manual (使用说明, 模型说明) by its topic, the same text the app shows;
/// `manual` lists the topics.
fn manual_text(name: &str, lang: Lang) -> Option<String> {
    let document = manual::manual(lang);
    if name == MANUAL_CONTENTS {
        return Some(manual::contents_text(&document, lang));
    }
    let topic = HelpTopic::from_slug(name)?;
    manual::section_text(&document, &topic.slug(), lang)
}

/// `swplan help manual`: the manual's topics.
const MANUAL_CONTENTS: &str = "manual";

/// A rendered help page as printed: plain text ending in one newline.
pub fn page(help: clap::builder::StyledStr) -> String {
    format!("{}\n", help.to_string().trim_end())
}

/// Every (command, option) the grammar defines: for the test that each has its words.
#[cfg(test)]
fn defined_options() -> Vec<(String, String)> {
    let mut root = Cli::command();
    root.build();
    let mut options = Vec::new();
    for command in std::iter::once(&root).chain(root.get_subcommands()) {
        let name = if command.get_name() == root.get_name() {
            PROGRAM
        } else {
            command.get_name()
        };
        for arg in command.get_arguments() {
            let option = arg.get_long().unwrap_or_else(|| arg.get_id().as_str());
            options.push((name.to_string(), option.to_string()));
        }
    }
    options
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_words::cli_help;

    #[test]
    fn every_command_and_option_has_its_words_in_both_languages() {
        for (command, option) in defined_options() {
            for lang in [Lang::Zh, Lang::En] {
                assert!(command_text(&command, lang).is_some(), "{command}");
                assert!(
                    option_text(&command, &option, lang).is_some(),
                    "{command} --{option} has no {lang:?} help"
                );
            }
        }
    }

    #[test]
    fn every_worded_command_and_option_exists() {
        let defined = defined_options();
        for name in cli_help::command_names() {
            assert!(
                defined.iter().any(|(command, _)| command == name),
                "{name} is worded but no command"
            );
        }
        for (command, option) in cli_help::worded_options() {
            assert!(
                defined
                    .iter()
                    .any(|(c, o)| o == option && command.is_none_or(|command| c == command)),
                "{command:?} --{option} is worded but not defined"
            );
        }
    }

    #[test]
    fn help_prints_a_section_of_the_manual_in_either_language() {
        let zh = help_command(Some("param-attrition"), Lang::Zh)
            .ok()
            .unwrap();
        assert!(zh.contains("年流失率") || zh.contains("流失"), "{zh}");
        let en = help_command(Some("model-rooms"), Lang::En).ok().unwrap();
        assert!(en.starts_with("Rooms"), "{en}");
        assert!(en.contains("R(y)"), "{en}");
        let contents = help_command(Some("manual"), Lang::Zh).ok().unwrap();
        assert!(contents.contains("what-it-takes") && contents.contains("model-limits"));
        assert!(help_command(Some("nonsense"), Lang::En).is_err());
    }

    #[test]
    fn a_command_keeps_its_own_help_before_a_section_of_the_same_name() {
        let compare = help_command(Some("compare"), Lang::En).ok().unwrap();
        assert!(
            !compare.starts_with("Compare plans and the baseline"),
            "{compare}"
        );
    }

    #[test]
    fn the_grammar_is_consistent() {
        command(Lang::Zh).debug_assert();
    }
}
