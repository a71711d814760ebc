//! Reads the manual's Markdown: the small part of it the manual writes ([`super::write`]) —
//! headings, each after an anchor (`<a id="…"></a>`); paragraphs; lists (`- `, `1. `); tables;
//! fenced blocks (formulas); pictures, one `<img src="…" alt="…" width="…" height="…">` a
//! line; and inside text `code`, **strong** and [links](#topic). The app
//! reads `docs/` with it when the manual opens, and the manual's sources are written in it.

use super::doc::{Block, Inline, Section};

/// Why a text is not the manual's Markdown, with the line (1-based) where it went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A heading without an anchor line before it: no link could reach it.
    HeadingWithoutId,
    /// Text before the first heading.
    TextBeforeHeading,
    /// A fenced block that never closes.
    UnclosedFence,
    /// A table row with another number of cells than its header.
    RaggedTable,
    /// An `<img>` line without its source, description or size.
    IncompletePicture,
}

/// The sections of a Markdown text, in order.
pub fn parse(text: &str) -> Result<Vec<Section>, ParseError> {
    let mut reader = Reader::default();
    let mut lines = text.lines().enumerate();
    while let Some((index, line)) = lines.next() {
        let error = |problem| ParseError {
            line: index + 1,
            problem,
        };
        let trimmed = line.trim_end();
        if trimmed.starts_with("<!--") && trimmed.ends_with("-->") {
            continue;
        }
        if let Some(id) = anchor(trimmed) {
            reader.close_block();
            reader.pending_id = Some(id.to_string());
            continue;
        }
        if let Some((level, title)) = heading(trimmed) {
            reader.close_block();
            let id = reader
                .pending_id
                .take()
                .ok_or_else(|| error(Problem::HeadingWithoutId))?;
            reader.sections.push(Section {
                id,
                level,
                title: inlines(title),
                blocks: Vec::new(),
            });
            continue;
        }
        if trimmed.is_empty() {
            reader.close_block();
            continue;
        }
        if reader.sections.is_empty() {
            return Err(error(Problem::TextBeforeHeading));
        }
        if trimmed.starts_with("<img ") {
            reader.close_block();
            let picture = picture(trimmed).ok_or_else(|| error(Problem::IncompletePicture))?;
            reader.push(picture);
            continue;
        }
        if trimmed.starts_with("```") {
            reader.close_block();
            let mut formula = Vec::new();
            loop {
                match lines.next() {
                    Some((_, line)) if line.trim_end() == "```" => break,
                    Some((_, line)) => formula.push(line.trim_end().to_string()),
                    None => return Err(error(Problem::UnclosedFence)),
                }
            }
            reader.push(Block::Formula(formula));
            continue;
        }
        if let Some(row) = trimmed.strip_prefix('|') {
            if !matches!(reader.open, Open::Table(..)) {
                reader.close_block();
                reader.open = Open::Table(Vec::new());
            }
            if let Open::Table(rows) = &mut reader.open {
                let cells = table_cells(row);
                let separator = cells
                    .iter()
                    .all(|c| !c.is_empty() && c.chars().all(|ch| ch == '-' || ch == ':'));
                if !separator {
                    if rows.first().is_some_and(|head| head.len() != cells.len()) {
                        return Err(error(Problem::RaggedTable));
                    }
                    rows.push(cells.iter().map(|c| inlines(c)).collect());
                }
            }
            continue;
        }
        if let Some((ordered, item)) = list_item(trimmed) {
            if !matches!(&reader.open, Open::List(o, _) if *o == ordered) {
                reader.close_block();
                reader.open = Open::List(ordered, Vec::new());
            }
            if let Open::List(_, items) = &mut reader.open {
                items.push(item.to_string());
            }
            continue;
        }
        // A line of text: it continues a list item (indented), or a paragraph.
        match &mut reader.open {
            Open::List(_, items) if line.starts_with("  ") => {
                if let Some(last) = items.last_mut() {
                    join_line(last, trimmed.trim_start());
                }
            }
            Open::Paragraph(text) => join_line(text, trimmed),
            _ => {
                reader.close_block();
                reader.open = Open::Paragraph(trimmed.trim_start().to_string());
            }
        }
    }
    reader.close_block();
    Ok(reader.sections)
}

/// What is being read and not yet a block.
#[derive(Default)]
enum Open {
    #[default]
    Nothing,
    Paragraph(String),
    List(bool, Vec<String>),
    Table(Vec<Vec<Vec<Inline>>>),
}

#[derive(Default)]
struct Reader {
    sections: Vec<Section>,
    pending_id: Option<String>,
    open: Open,
}

impl Reader {
    fn push(&mut self, block: Block) {
        if let Some(section) = self.sections.last_mut() {
            section.blocks.push(block);
        }
    }

    fn close_block(&mut self) {
        match std::mem::take(&mut self.open) {
            Open::Nothing => {}
            Open::Paragraph(text) => self.push(Block::Paragraph(inlines(&text))),
            Open::List(ordered, items) => self.push(Block::List {
                ordered,
                items: items.iter().map(|i| inlines(i)).collect(),
            }),
            Open::Table(mut rows) => {
                if !rows.is_empty() {
                    let head = rows.remove(0);
                    self.push(Block::Table { head, rows });
                }
            }
        }
    }
}

/// `<a id="tour"></a>` → `tour`.
fn anchor(line: &str) -> Option<&str> {
    line.strip_prefix("<a id=\"")?.strip_suffix("\"></a>")
}

/// `<img src="manual/tour-top.zh.webp" alt="…" width="760" height="328">` → a picture; every
/// attribute is needed (the description for those who do not see it, the size so that the text
/// does not move while it loads).
fn picture(line: &str) -> Option<Block> {
    let attribute = |name: &str| -> Option<String> {
        let start = line.find(&format!(" {name}=\""))? + name.len() + 3;
        let end = line[start..].find('"')? + start;
        Some(line[start..end].to_string())
    };
    let src = attribute("src")?;
    let alt = attribute("alt")?;
    if src.is_empty() || alt.trim().is_empty() {
        return None;
    }
    Some(Block::Picture {
        src,
        alt,
        width: attribute("width")?.parse().ok()?,
        height: attribute("height")?.parse().ok()?,
    })
}

/// `## Title` → (2, "Title"), levels 1 to 4.
fn heading(line: &str) -> Option<(u8, &str)> {
    let level = line.chars().take_while(|c| *c == '#').count();
    if !(1..=4).contains(&level) {
        return None;
    }
    let title = line[level..].strip_prefix(' ')?;
    Some((level as u8, title.trim()))
}

/// `- item` or `3. item`.
fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(item) = line.strip_prefix("- ") {
        return Some((false, item));
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        if let Some(item) = line[digits..].strip_prefix(". ") {
            return Some((true, item));
        }
    }
    None
}

/// The cells of a table row after its first `|`, split at every `|` that is not escaped.
fn table_cells(row: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = row.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cell.push(c);
                if let Some(next) = chars.next() {
                    cell.push(next);
                }
            }
            '|' => cells.push(std::mem::take(&mut cell).trim().to_string()),
            _ => cell.push(c),
        }
    }
    if !cell.trim().is_empty() {
        cells.push(cell.trim().to_string());
    }
    cells
}

/// Joins a wrapped line to the text before it: with a space, except between two Chinese
/// characters (a line break there is no space in Chinese).
fn join_line(text: &mut String, line: &str) {
    let wide = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
    if !(wide(text.chars().last()) && wide(line.chars().next())) {
        text.push(' ');
    }
    text.push_str(line);
}

/// Running text with `code`, **strong**, [links](#topic) and backslash escapes.
pub fn inlines(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let flush = |plain: &mut String, out: &mut Vec<Inline>| {
        if !plain.is_empty() {
            out.push(Inline::Text(std::mem::take(plain)));
        }
    };
    let find = |from: usize, pattern: &[char]| -> Option<usize> {
        (from..chars.len()).find(|&j| chars[j..].starts_with(pattern))
    };
    while i < chars.len() {
        match chars[i] {
            '\\' if i + 1 < chars.len() => {
                plain.push(chars[i + 1]);
                i += 2;
            }
            '`' => match find(i + 1, &['`']) {
                Some(end) => {
                    flush(&mut plain, &mut out);
                    out.push(Inline::Code(chars[i + 1..end].iter().collect()));
                    i = end + 1;
                }
                None => {
                    plain.push('`');
                    i += 1;
                }
            },
            '*' if chars.get(i + 1) == Some(&'*') => match find(i + 2, &['*', '*']) {
                Some(end) => {
                    flush(&mut plain, &mut out);
                    out.push(Inline::Strong(unescape(&chars[i + 2..end])));
                    i = end + 2;
                }
                None => {
                    plain.push_str("**");
                    i += 2;
                }
            },
            '[' => {
                let link = find(i + 1, &[']', '(']).and_then(|middle| {
                    let end = find(middle + 2, &[')'])?;
                    Some((middle, end))
                });
                match link {
                    Some((middle, end)) => {
                        flush(&mut plain, &mut out);
                        let target: String = chars[middle + 2..end].iter().collect();
                        let topic = target
                            .split_once('#')
                            .map_or(target.as_str(), |(_, t)| t)
                            .to_string();
                        out.push(Inline::Link {
                            topic,
                            text: unescape(&chars[i + 1..middle]),
                        });
                        i = end + 1;
                    }
                    None => {
                        plain.push('[');
                        i += 1;
                    }
                }
            }
            c => {
                plain.push(c);
                i += 1;
            }
        }
    }
    flush(&mut plain, &mut out);
    out
}

fn unescape(chars: &[char]) -> String {
    let mut text = String::new();
    let mut escaped = false;
    for c in chars {
        if *c == '\\' && !escaped {
            escaped = true;
            continue;
        }
        escaped = false;
        text.push(*c);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_needs_its_anchor() {
        let err = parse("## Title\n").unwrap_err();
        assert_eq!(err.problem, Problem::HeadingWithoutId);
        let sections = parse("<a id=\"t\"></a>\n\n## Title\n\nText.\n").unwrap();
        assert_eq!(sections[0].id, "t");
        assert_eq!(sections[0].level, 2);
        assert_eq!(
            sections[0].blocks,
            vec![Block::Paragraph(vec![Inline::Text("Text.".into())])]
        );
    }

    #[test]
    fn inline_marks_are_read() {
        assert_eq!(
            inlines("Set `hires` to **more**, see [the model](model.en.md#model-talent)."),
            vec![
                Inline::Text("Set ".into()),
                Inline::Code("hires".into()),
                Inline::Text(" to ".into()),
                Inline::Strong("more".into()),
                Inline::Text(", see ".into()),
                Inline::Link {
                    topic: "model-talent".into(),
                    text: "the model".into()
                },
                Inline::Text(".".into()),
            ]
        );
        assert_eq!(
            inlines(r"a \* b \| c"),
            vec![Inline::Text("a * b | c".into())]
        );
    }

    #[test]
    fn lists_tables_and_formulas_are_blocks() {
        let text = "<a id=\"x\"></a>\n\n### X\n\n- one\n  more\n- two\n\n1. first\n2. second\n\n| a | b |\n| --- | --- |\n| 1 \\| 2 | 3 |\n\n```text\nT = 1\n```\n";
        let blocks = &parse(text).unwrap()[0].blocks;
        assert_eq!(blocks.len(), 4);
        assert_eq!(
            blocks[0],
            Block::List {
                ordered: false,
                items: vec![
                    vec![Inline::Text("one more".into())],
                    vec![Inline::Text("two".into())]
                ]
            }
        );
        assert!(matches!(&blocks[1], Block::List { ordered: true, items } if items.len() == 2));
        assert_eq!(
            blocks[2],
            Block::Table {
                head: vec![
                    vec![Inline::Text("a".into())],
                    vec![Inline::Text("b".into())]
                ],
                rows: vec![vec![
                    vec![Inline::Text("1 | 2".into())],
                    vec![Inline::Text("3".into())]
                ]],
            }
        );
        assert_eq!(blocks[3], Block::Formula(vec!["T = 1".into()]));
    }

    #[test]
    fn a_picture_is_a_block_with_its_description_and_size() {
        let text = "<a id=\"x\"></a>\n\n## X\n\n<img src=\"manual/a.webp\" alt=\"顶栏\" width=\"760\" height=\"328\">\nText.\n";
        let blocks = &parse(text).unwrap()[0].blocks;
        assert_eq!(
            blocks[0],
            Block::Picture {
                src: "manual/a.webp".into(),
                alt: "顶栏".into(),
                width: 760,
                height: 328
            }
        );
        assert_eq!(blocks.len(), 2);
        let without_alt =
            "<a id=\"x\"></a>\n\n## X\n\n<img src=\"a.webp\" width=\"1\" height=\"1\">\n";
        assert_eq!(
            parse(without_alt).unwrap_err().problem,
            Problem::IncompletePicture
        );
    }

    #[test]
    fn chinese_lines_join_without_a_space() {
        let sections = parse("<a id=\"x\"></a>\n\n## 题\n\n人才\n总量 and\nmore\n").unwrap();
        assert_eq!(
            sections[0].blocks,
            vec![Block::Paragraph(vec![Inline::Text(
                "人才总量 and more".into()
            )])]
        );
    }

    #[test]
    fn broken_text_says_where() {
        let err = parse("<a id=\"x\"></a>\n\n## X\n\n```text\nT\n").unwrap_err();
        assert_eq!(err.problem, Problem::UnclosedFence);
        assert_eq!(err.line, 5);
        assert_eq!(
            parse("Hello\n").unwrap_err().problem,
            Problem::TextBeforeHeading
        );
    }
}
