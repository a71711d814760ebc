//! The manual speaks to planners, not to programmers, and calls every setting what the app
//! calls it:
//!
//! - no source path, function name, Rust identifier or parameter key in its text (a command
//!   line to type and a value to enter are the only code it shows), and in the Chinese text no
//!   English word a planner has not seen on the screen;
//! - every link to a parameter's, figure's or group's entry reads as that setting's label on
//!   the screen, every entry is headed by it, and the names a writer reaches for instead of a
//!   label are not used;
//! - every phrase the manual puts in quotation marks as the app's words (a button, a label, a
//!   message) is the app's words, letter for letter.

use std::collections::BTreeSet;

use swplan_engine::params::{Group, PARAMS};
use swplan_engine::Metric;
use swplan_plans::help::group_slug;
use swplan_words::manual::{manual, Block, Document, Inline};
use swplan_words::{group_label, metric_label, param_label, Lang};

const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

/// A piece of the manual's text and what kind of text it is.
enum Piece<'a> {
    /// Running text: paragraphs, list items, table cells, headings, link texts.
    Prose(&'a str),
    /// A `code` span.
    Code(&'a str),
    /// A line of a formula.
    Formula(&'a str),
}

/// Every piece of text of the manual with the section it is in.
fn pieces(document: &Document) -> Vec<(&str, Piece<'_>)> {
    fn inlines<'a>(id: &'a str, list: &'a [Inline], out: &mut Vec<(&'a str, Piece<'a>)>) {
        for inline in list {
            out.push((
                id,
                match inline {
                    Inline::Text(t) | Inline::Strong(t) => Piece::Prose(t),
                    Inline::Link { text, .. } => Piece::Prose(text),
                    Inline::Code(c) => Piece::Code(c),
                },
            ));
        }
    }
    let mut out = Vec::new();
    for section in &document.sections {
        let id = section.id.as_str();
        inlines(id, &section.title, &mut out);
        for block in &section.blocks {
            match block {
                Block::Paragraph(list) => inlines(id, list, &mut out),
                Block::List { items, .. } => items.iter().for_each(|i| inlines(id, i, &mut out)),
                Block::Table { head, rows } => std::iter::once(head)
                    .chain(rows)
                    .flatten()
                    .for_each(|cell| inlines(id, cell, &mut out)),
                Block::Formula(lines) => out.extend(lines.iter().map(|l| (id, Piece::Formula(l)))),
                Block::Picture { alt, .. } => out.push((id, Piece::Prose(alt))),
            }
        }
    }
    out
}

/// The words made of ASCII letters and digits (and `_`) in a text.
fn ascii_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .collect()
}

/// What marks a programmer's text: a path, a Rust path or file, an identifier in snake_case.
fn code_marks(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for mark in [
        "crates/", "src/", ".rs", "::", "fn ", "()", "seeds/", "Cargo",
    ] {
        if text.contains(mark) {
            found.push(mark.to_string());
        }
    }
    for word in ascii_words(text) {
        let snake =
            word.contains('_') && word.split('_').filter(|part| !part.is_empty()).count() >= 2;
        if snake {
            found.push(word.to_string());
        }
    }
    found
}

/// A command to type (`swplan …`, `--set …`) or a value to enter (`1.5万`, `8%`, `0.08`).
fn command_or_value(code: &str) -> bool {
    code.starts_with("swplan")
        || code.starts_with("--")
        || !code.chars().any(|c| c.is_ascii_alphabetic())
}

/// The English words a Chinese planner meets on the screen or in the office, which the Chinese
/// text may use as they are.
const ZH_ASCII_WORDS: &[&str] = &[
    // Files and programs.
    "Excel",
    "CSV",
    "UTF",
    "PDF",
    "SVG",
    "PNG",
    "JSON",
    "A4",
    // Keys of the keyboard, and the language switch.
    "Ctrl",
    "Shift",
    "Esc",
    "Home",
    "End",
    "F1",
    "English",
    // Percentiles.
    "P10",
    "P50",
    "P90",
    // Symbols of two letters: the stations of the equations, the samples and the total
    // effect of the variance split.
    "St",
    "AB",
    "ST",
    // Method names of the literature, written as their authors do.
    "Saltelli",
    "Sobol",
    "Levenberg",
    "Marquardt",
    "Campi",
    "Garatti",
    // The address of a computer of one's own.
    "127",
];

/// Function names of mathematics a formula may hold.
const FORMULA_WORDS: &[&str] = &["min", "max", "argmin", "mean", "cov", "SE"];

#[test]
fn the_manual_shows_no_programmers_text() {
    let keys: BTreeSet<String> = PARAMS
        .iter()
        .flat_map(|p| [p.key.to_string(), p.code.to_string()])
        .chain(Metric::ALL.iter().map(|m| m.key().to_string()))
        .collect();
    for word in ZH_ASCII_WORDS {
        assert!(
            !keys.contains(*word),
            "'{word}' is a key: it cannot be a word of the text"
        );
    }
    let mut problems = Vec::new();
    for lang in LANGS {
        let document = manual(lang);
        for (id, piece) in pieces(&document) {
            let mut say = |what: String| problems.push(format!("{lang:?} {id}: {what}"));
            match piece {
                Piece::Prose(text) => {
                    for mark in code_marks(text) {
                        say(format!("'{mark}' in “{text}”"));
                    }
                    if lang == Lang::Zh {
                        // A single letter is a symbol of an equation (T, a, y).
                        for word in ascii_words(text).into_iter().filter(|w| w.len() > 1) {
                            if keys.contains(word) {
                                say(format!("the key '{word}' in “{text}”"));
                            } else if !ZH_ASCII_WORDS.contains(&word) {
                                say(format!("the English word '{word}' in “{text}”"));
                            }
                        }
                    }
                }
                Piece::Code(code) => {
                    if !command_or_value(code) {
                        say(format!("`{code}` is neither a command nor a value"));
                    }
                    for mark in code_marks(code) {
                        // A command names parameters by their keys, which may be snake_case.
                        if !(code.starts_with("swplan") || code.starts_with("--"))
                            || !mark.contains('_')
                        {
                            say(format!("'{mark}' in `{code}`"));
                        }
                    }
                }
                Piece::Formula(line) => {
                    for mark in code_marks(line) {
                        say(format!("'{mark}' in the formula “{line}”"));
                    }
                    // The Chinese reader meets no English word in an equation either (the
                    // English one is written in words as well as in symbols).
                    let words = if lang == Lang::Zh {
                        ascii_words(line)
                    } else {
                        Vec::new()
                    };
                    for word in words {
                        if word.len() > 2 && !FORMULA_WORDS.contains(&word) {
                            say(format!("the word '{word}' in the formula “{line}”"));
                        }
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_link_to_an_entry_reads_as_the_label_on_the_screen() {
    let mut problems = Vec::new();
    for lang in LANGS {
        let document = manual(lang);
        let label = |topic: &str| -> Option<String> {
            if let Some(key) = topic.strip_prefix("param-") {
                return Some(param_label(key, lang).to_string());
            }
            if let Some(key) = topic.strip_prefix("figure-") {
                return Metric::from_key(key).map(|m| metric_label(m, lang).to_string());
            }
            Group::ALL
                .into_iter()
                .find(|g| group_slug(*g) == topic)
                .map(|g| group_label(g, lang).to_string())
        };
        for section in &document.sections {
            if let Some(label) = label(&section.id) {
                let title = section.title_text();
                if title != label {
                    problems.push(format!(
                        "{lang:?}: the entry {} is headed “{title}”, the screen says “{label}”",
                        section.id
                    ));
                }
            }
            let mut links = Vec::new();
            collect_links(&section.title, &mut links);
            for block in &section.blocks {
                match block {
                    Block::Paragraph(list) => collect_links(list, &mut links),
                    Block::List { items, .. } => {
                        items.iter().for_each(|i| collect_links(i, &mut links))
                    }
                    Block::Table { head, rows } => std::iter::once(head)
                        .chain(rows)
                        .flatten()
                        .for_each(|cell| collect_links(cell, &mut links)),
                    Block::Formula(_) | Block::Picture { .. } => {}
                }
            }
            for (topic, text) in links {
                if let Some(label) = label(topic) {
                    if text != label {
                        problems.push(format!(
                            "{lang:?} {}: a link to {topic} reads “{text}”, the screen says “{label}”",
                            section.id
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn collect_links<'a>(list: &'a [Inline], out: &mut Vec<(&'a str, &'a str)>) {
    for inline in list {
        if let Inline::Link { topic, text } = inline {
            out.push((topic, text));
        }
    }
}

/// Names of settings a writer reaches for instead of the app's label, with the label's key: a
/// planner who reads one in the manual looks for it on the screen and does not find it.
const NOT_THE_LABEL: &[(&str, &str)] = &[
    ("当年建成比例", "station_completion"),
    ("建成比例", "room_completion"),
    ("当年完成率", "station_completion"),
    ("每站建设费", "station_cost"),
    ("每室建设费", "room_cost"),
    ("每站所需社工", "staff_per_station"),
    ("每室所需社工", "staff_per_room"),
    ("每站运营经费", "station_operating_cost"),
    ("每室运营经费", "room_operating_cost"),
    ("新开发的岗位", "positions_per_year"),
    ("completion rate", "station_completion"),
    ("staff per station", "staff_per_station"),
    ("staff per room", "staff_per_room"),
];

#[test]
fn settings_are_not_called_by_other_names() {
    let mut problems = Vec::new();
    for lang in LANGS {
        let document = manual(lang);
        for (id, piece) in pieces(&document) {
            let Piece::Prose(text) = piece else { continue };
            for (other, key) in NOT_THE_LABEL {
                let label = param_label(key, lang);
                if text.to_lowercase().contains(other) && !text.contains(label) {
                    problems.push(format!(
                        "{lang:?} {id}: “{other}” in “{text}”; the screen says “{label}”"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The app's words: every string literal of this crate outside the manual's text (the labels,
/// the buttons, the messages), read from its sources.
fn app_words() -> String {
    fn walk(dir: &std::path::Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let manual_text = path.components().any(|c| c.as_os_str() == "manual")
                    && !path.ends_with("ui.rs");
                if manual_text {
                    continue;
                }
                let source = std::fs::read_to_string(&path).unwrap();
                for line in source.lines() {
                    if line.trim_start().starts_with("//") {
                        continue;
                    }
                    // The literals of the line: between unescaped double quotes.
                    let mut inside = false;
                    let mut escaped = false;
                    for c in line.chars() {
                        match c {
                            '\\' if inside && !escaped => {
                                escaped = true;
                                continue;
                            }
                            '"' if !escaped => {
                                inside = !inside;
                                out.push('\n');
                            }
                            c if inside => out.push(c),
                            _ => {}
                        }
                        escaped = false;
                    }
                }
            }
        }
    }
    let mut out = String::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut out,
    );
    out
}

/// Quotations that are not the app's words: a policy's or a planner's sentence, an example of
/// what a planner writes, a word the text defines, a number filled into a message of the app.
const QUOTED_NOT_FROM_THE_APP: &[&str] = &[
    // Planners' questions and policies' words.
    "全省各市加起来能不能完成省里的目标？",
    "预算只有这么多，怎么安排最省钱又能达标？",
    "到2025年底社会工作人才总量至少14万",
    "十三五",
    "十四五",
    "Do the cities together meet the province's targets?",
    "With this budget, what is the cheapest schedule that still meets the targets?",
    "at least 140,000 social-work talent by the end of 2025",
    // Examples of what a planner writes or says.
    "2025年以后不再新建社工站",
    "每年新增最多2.5万人",
    "2024年民政统计公报",
    "计划建1000个",
    "到期建成1000个",
    "计划建多少",
    "建成多少",
    "累计不超过……",
    "no new stations after 2025",
    "at most 25,000 new talent a year",
    "2024 civil-affairs statistical bulletin",
    "at most …",
    // Words the manual defines.
    "存量—流量",
    "买得到",
    "运气",
    "护栏",
    "约束生成",
    "Guard",
    "每年新增 ÷ 流失率",
    "new a year ÷ attrition",
    // A message of the app with its numbers filled in.
    "按2024年实际值推算……",
    "按计划达成，但若约15%的社工室延期一年……",
    "from the 2024 actuals…",
    "met as planned, but if about 15 % of the rooms slip by a year…",
    // The browser's own words.
    "另存为 PDF",
    "Save as PDF",
];

/// The phrases of a text between quotation marks: “…” in both languages, "…" in English.
fn quoted(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for (open, close) in [('“', '”'), ('"', '"')] {
        let mut rest = text;
        while let Some(start) = rest.find(open) {
            let after = &rest[start + open.len_utf8()..];
            let Some(end) = after.find(close) else { break };
            found.push(&after[..end]);
            rest = &after[end + close.len_utf8()..];
        }
    }
    found
}

/// A text with what a message fills in made one mark, in lower case: `{…}` of a format string,
/// and the numbers and the plans' letters (A–D) that a quotation shows in their place.
fn without_fillings(text: &str, format_string: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let filling_starts =
        |c: char| (format_string && c == '{') || c.is_ascii_digit() || ('A'..='D').contains(&c);
    while let Some(c) = chars.next() {
        if !filling_starts(c) {
            out.extend(c.to_lowercase());
            continue;
        }
        // One filling: `{…}`, digits and what joins them (2020–2024, 1.5, {first}–{last}).
        let mut c = c;
        loop {
            if format_string && c == '{' {
                for inner in chars.by_ref() {
                    if inner == '}' {
                        break;
                    }
                }
            }
            match chars.peek() {
                Some(&n) if n.is_ascii_digit() || matches!(n, '.' | ',' | '–') => {
                    c = n;
                    chars.next();
                }
                Some(&'{') if format_string => {
                    c = '{';
                    chars.next();
                }
                _ => break,
            }
        }
        out.push('#');
    }
    out
}

#[test]
fn every_quoted_name_is_the_apps_words() {
    let words = without_fillings(&app_words(), true);
    let mut problems = Vec::new();
    for lang in LANGS {
        let document = manual(lang);
        let labels: BTreeSet<String> = PARAMS
            .iter()
            .map(|p| param_label(p.key, lang).to_string())
            .chain(
                Metric::ALL
                    .iter()
                    .map(|m| metric_label(*m, lang).to_string()),
            )
            .collect();
        for (id, piece) in pieces(&document) {
            let Piece::Prose(text) = piece else { continue };
            for phrase in quoted(text) {
                let ok = labels.contains(phrase)
                    || words.contains(&without_fillings(phrase, false))
                    || QUOTED_NOT_FROM_THE_APP.contains(&phrase);
                if !ok {
                    problems.push(format!(
                        "{lang:?} {id}: “{phrase}” is not what the app says"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
