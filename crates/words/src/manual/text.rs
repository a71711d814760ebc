//! The manual on a terminal: `swplan help TOPIC` prints a section with everything under it, as
//! plain text — headings underlined, lists indented, tables in columns, formulas as they are,
//! and a link as its text with the topic to ask for next.

use super::doc::{plain, Block, Document, Inline};
use crate::format::display_width;
use crate::Lang;

/// The section `id` and everything under it, as plain text; `None` if there is no such section.
pub fn section_text(document: &Document, id: &str, lang: Lang) -> Option<String> {
    let sections = document.with_children(id);
    if sections.is_empty() {
        return None;
    }
    let mut out = String::new();
    for section in sections {
        if !out.is_empty() {
            out.push('\n');
        }
        let title = line_text(&section.title, lang);
        let rule = if section.level <= 2 { '=' } else { '-' };
        out.push_str(&format!(
            "{title}\n{}\n",
            rule.to_string().repeat(display_width(&title))
        ));
        for block in &section.blocks {
            out.push('\n');
            out.push_str(&block_text(block, lang));
        }
    }
    Some(out)
}

/// The contents: every section of level 2 (and each part's title) with its topic name.
pub fn contents_text(document: &Document, lang: Lang) -> String {
    let rows: Vec<(String, String)> = document
        .sections
        .iter()
        .filter(|s| s.level <= 2)
        .map(|s| {
            let indent = if s.level == 1 { "" } else { "  " };
            (format!("{indent}{}", s.id), s.title_text())
        })
        .collect();
    let width = rows
        .iter()
        .map(|(id, _)| display_width(id))
        .max()
        .unwrap_or(0);
    let mut out = lang
        .pick(
            "使用说明与模型说明的主题（swplan help <主题>；参数与指标的条目为 param-<参数名>、figure-<指标名>）：\n\n",
            "Topics of the user guide and the model (swplan help <topic>; the entries of parameters and figures are param-<key> and figure-<key>):\n\n",
        )
        .to_string();
    for (id, title) in rows {
        out.push_str(&format!(
            "{id}{}  {title}\n",
            " ".repeat(width - display_width(&id))
        ));
    }
    out
}

fn block_text(block: &Block, lang: Lang) -> String {
    match block {
        Block::Paragraph(inlines) => format!("{}\n", line_text(inlines, lang)),
        Block::List { ordered, items } => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let mark = if *ordered {
                    format!("{}.", i + 1)
                } else {
                    "·".to_string()
                };
                format!("  {mark} {}\n", line_text(item, lang))
            })
            .collect(),
        Block::Table { head, rows } => {
            let cells: Vec<Vec<String>> = std::iter::once(head)
                .chain(rows)
                .map(|row| row.iter().map(|cell| line_text(cell, lang)).collect())
                .collect();
            let columns = head.len();
            let widths: Vec<usize> = (0..columns)
                .map(|c| {
                    cells
                        .iter()
                        .map(|row| row.get(c).map_or(0, |t| display_width(t)))
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            let mut out = String::new();
            for (r, row) in cells.iter().enumerate() {
                let mut line = "  ".to_string();
                for (c, cell) in row.iter().enumerate() {
                    line.push_str(cell);
                    if c + 1 < row.len() {
                        line.push_str(&" ".repeat(widths[c] - display_width(cell) + 2));
                    }
                }
                out.push_str(line.trim_end());
                out.push('\n');
                if r == 0 {
                    let total = widths.iter().sum::<usize>() + 2 * columns.saturating_sub(1);
                    out.push_str(&format!("  {}\n", "─".repeat(total)));
                }
            }
            out
        }
        Block::Formula(lines) => lines.iter().map(|l| format!("    {l}\n")).collect(),
        // A terminal shows no picture: what it shows, in words.
        Block::Picture { alt, .. } => match lang {
            Lang::Zh => format!("  〔图：{alt}〕\n"),
            Lang::En => format!("  [Picture: {alt}]\n"),
        },
    }
}

/// Running text on one line: a link keeps its text and names the topic that explains it.
fn line_text(inlines: &[Inline], lang: Lang) -> String {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Link { topic, text } => match lang {
                Lang::Zh => format!("{text}（swplan help {topic}）"),
                Lang::En => format!("{text} (swplan help {topic})"),
            },
            other => plain(std::slice::from_ref(other)),
        })
        .collect()
}
