//! Writes the manual as Markdown, one file per part and language (`docs/user-guide.zh.md`,
//! `docs/model.en.md`…): what GitHub shows and what the app reads back with [`super::parse`].
//! Every paragraph is one line; links to the other part name its file, so they work on GitHub
//! and the app reads the anchor after `#`.

use super::doc::{Block, Document, Inline, Part, Section};
use crate::Lang;

/// The note at the top of every generated file.
const GENERATED: &str = "<!-- Generated from crates/words/src/manual/ (the app's manual) by \
`UPDATE_DOCS=1 cargo test -p swplan-words --test manual_docs`: edit the sources there, not this file. -->";

/// The file name of a part in a language: `user-guide.zh.md`.
pub fn file_name(part: Part, lang: Lang) -> String {
    let code = match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    };
    format!("{}.{code}.md", part.file_stem())
}

/// One part of the manual as Markdown.
pub fn markdown(document: &Document, part: Part, lang: Lang) -> String {
    let mut out = format!("{GENERATED}\n");
    let link = |topic: &str| match document.part_of(topic) {
        Some(p) if p != part => format!("{}#{topic}", file_name(p, lang)),
        _ => format!("#{topic}"),
    };
    for section in document.part(part) {
        write_section(&mut out, section, &link);
    }
    out
}

fn write_section(out: &mut String, section: &Section, link: &dyn Fn(&str) -> String) {
    out.push_str(&format!(
        "\n<a id=\"{}\"></a>\n\n{} {}\n",
        section.id,
        "#".repeat(section.level as usize),
        inline_text(&section.title, link, false)
    ));
    for block in &section.blocks {
        out.push('\n');
        write_block(out, block, link);
    }
}

fn write_block(out: &mut String, block: &Block, link: &dyn Fn(&str) -> String) {
    match block {
        Block::Paragraph(inlines) => {
            out.push_str(&guard_start(&inline_text(inlines, link, false)));
            out.push('\n');
        }
        Block::List { ordered, items } => {
            for (i, item) in items.iter().enumerate() {
                let mark = if *ordered {
                    format!("{}. ", i + 1)
                } else {
                    "- ".to_string()
                };
                out.push_str(&format!("{mark}{}\n", inline_text(item, link, false)));
            }
        }
        Block::Table { head, rows } => {
            let row = |cells: &Vec<Vec<Inline>>| {
                let cells: Vec<String> = cells
                    .iter()
                    .map(|cell| inline_text(cell, link, true))
                    .collect();
                format!("| {} |\n", cells.join(" | "))
            };
            out.push_str(&row(head));
            out.push_str(&format!("|{}\n", " --- |".repeat(head.len())));
            for cells in rows {
                out.push_str(&row(cells));
            }
        }
        Block::Picture {
            src,
            alt,
            width,
            height,
        } => {
            out.push_str(&format!(
                "<img src=\"{src}\" alt=\"{alt}\" width=\"{width}\" height=\"{height}\">\n"
            ));
        }
        Block::Formula(lines) => {
            out.push_str("```text\n");
            for line in lines {
                out.push_str(line);
                out.push('\n');
            }
            out.push_str("```\n");
        }
    }
}

/// Inline text as Markdown; `in_table` escapes the cell separator too.
fn inline_text(inlines: &[Inline], link: &dyn Fn(&str) -> String, in_table: bool) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(&escape(text, in_table)),
            Inline::Code(code) => out.push_str(&format!("`{code}`")),
            Inline::Strong(text) => out.push_str(&format!("**{}**", escape(text, in_table))),
            Inline::Link { topic, text } => {
                out.push_str(&format!("[{}]({})", escape(text, in_table), link(topic)))
            }
        }
    }
    out
}

/// Escapes what Markdown would read as a mark.
fn escape(text: &str, in_table: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '[' | ']' | '<' | '_') || (in_table && c == '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A paragraph must not start like a list item, a heading or a table row.
fn guard_start(line: &str) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let numbered = digits > 0 && line[digits..].starts_with(". ");
    if line.starts_with("- ") || line.starts_with('#') || line.starts_with('|') || numbered {
        let split = if numbered { digits } else { 0 };
        format!("{}\\{}", &line[..split], &line[split..])
    } else {
        line.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    fn section(id: &str, level: u8, blocks: Vec<Block>) -> Section {
        Section {
            id: id.into(),
            level,
            title: vec![
                Inline::Text(format!("Title {id}")),
                Inline::Code("k".into()),
            ],
            blocks,
        }
    }

    #[test]
    fn written_markdown_reads_back_as_the_same_sections() {
        let text = |t: &str| vec![Inline::Text(t.into())];
        let document = Document {
            sections: vec![
                section(
                    "guide",
                    1,
                    vec![Block::Paragraph(text("Intro_with *marks* [x] <y>"))],
                ),
                section(
                    "tour",
                    2,
                    vec![
                        Block::Paragraph(vec![
                            Inline::Text("- not a list, see ".into()),
                            Inline::Link {
                                topic: "model-talent".into(),
                                text: "talent".into(),
                            },
                            Inline::Strong("now".into()),
                        ]),
                        Block::Paragraph(text("3. not numbered")),
                        Block::List {
                            ordered: true,
                            items: vec![text("a"), text("b")],
                        },
                        Block::Table {
                            head: vec![text("a|b"), text("c")],
                            rows: vec![vec![text("1"), vec![Inline::Code("x".into())]]],
                        },
                        Block::Formula(vec!["T = 1".into(), "  H = 2".into()]),
                        Block::Picture {
                            src: "manual/tour.en.webp".into(),
                            alt: "The top of the screen".into(),
                            width: 760,
                            height: 200,
                        },
                    ],
                ),
                section("model", 1, vec![]),
                section("model-talent", 2, vec![Block::Paragraph(text("T"))]),
            ],
        };
        let guide = markdown(&document, Part::Guide, Lang::En);
        assert!(guide.contains("(model.en.md#model-talent)"), "{guide}");
        let model = markdown(&document, Part::Model, Lang::En);
        let read = [parse(&guide).unwrap(), parse(&model).unwrap()].concat();
        assert_eq!(read, document.sections);
    }
}
