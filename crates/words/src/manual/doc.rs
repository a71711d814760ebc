//! The manual as data: sections with an id, a heading level and a title, each holding blocks of
//! text. The same value is written as Markdown (`docs/`), read back from it (the app fetches
//! those files when the manual opens), printed on a terminal (`swplan help TOPIC`) and drawn by
//! the app; so the four cannot say different things.

/// One of the two parts of the manual, each a file of `docs/` per language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// 使用说明: one section per task a planner or trainer does.
    Guide,
    /// 模型说明: the equations, the parameters and figures, the searches, the limits.
    Model,
}

impl Part {
    pub const ALL: [Part; 2] = [Part::Guide, Part::Model];

    /// The stem of the part's file in `docs/` and in the built app (`user-guide.zh.md`).
    pub fn file_stem(self) -> &'static str {
        match self {
            Part::Guide => "user-guide",
            Part::Model => "model",
        }
    }
}

/// A heading and what follows it up to the next heading. Level 1 is a part's title (its blocks
/// are the part's introduction), 2 a section of the contents, 3 a subsection, 4 an entry (a
/// parameter, a figure).
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// The anchor: a help topic's slug (`what-it-takes`, `param-hires`), unique in the manual.
    pub id: String,
    pub level: u8,
    pub title: Vec<Inline>,
    pub blocks: Vec<Block>,
}

/// A block of text.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// A list; `ordered` lists are numbered (the steps of a year, in order).
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    /// A table: a header row and body rows of cells.
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// Lines of an equation or a worked number, shown as they are (monospaced).
    Formula(Vec<String>),
    /// A small picture of the app (the tour's): a file beside the manual's Markdown, its size in
    /// pixels (so that the text does not move while it loads) and what it shows, for those who
    /// do not see it.
    Picture {
        src: String,
        alt: String,
        width: u32,
        height: u32,
    },
}

/// A piece of running text.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    /// A key, a command, a symbol: `hires`, `swplan help model`.
    Code(String),
    Strong(String),
    /// A link to another section of the manual, by its id.
    Link {
        topic: String,
        text: String,
    },
}

/// The manual in one language: its sections in reading order, both parts.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub sections: Vec<Section>,
}

impl Section {
    /// The section's title as plain text.
    pub fn title_text(&self) -> String {
        plain(&self.title)
    }
}

impl Document {
    /// The section with this id, if any.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The sections of a part: from its title (level 1) to the next part's.
    pub fn part(&self, part: Part) -> &[Section] {
        let starts: Vec<usize> = self
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.level == 1)
            .map(|(i, _)| i)
            .collect();
        let index = Part::ALL.iter().position(|p| *p == part).unwrap_or(0);
        let start = starts.get(index).copied().unwrap_or(self.sections.len());
        let end = starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.sections.len());
        &self.sections[start..end]
    }

    /// The part a section belongs to.
    pub fn part_of(&self, id: &str) -> Option<Part> {
        Part::ALL
            .into_iter()
            .find(|part| self.part(*part).iter().any(|s| s.id == id))
    }

    /// A section with everything under it (its subsections and entries), up to the next
    /// heading of its level or above.
    pub fn with_children(&self, id: &str) -> &[Section] {
        let Some(start) = self.sections.iter().position(|s| s.id == id) else {
            return &[];
        };
        let level = self.sections[start].level;
        let end = self.sections[start + 1..]
            .iter()
            .position(|s| s.level <= level)
            .map_or(self.sections.len(), |i| start + 1 + i);
        &self.sections[start..end]
    }

    /// The level-2 section (or the part's title) a section sits in: what the contents lists.
    pub fn chapter_of(&self, id: &str) -> Option<&Section> {
        let index = self.sections.iter().position(|s| s.id == id)?;
        self.sections[..=index].iter().rev().find(|s| s.level <= 2)
    }
}

/// Inline text as plain text (links by their text, code as it is).
pub fn plain(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(t) | Inline::Code(t) | Inline::Strong(t) => t.as_str(),
            Inline::Link { text, .. } => text.as_str(),
        })
        .collect()
}

/// Every word of a block as plain text, for search.
pub fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph(inlines) => plain(inlines),
        Block::List { items, .. } => items
            .iter()
            .map(|i| plain(i))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Table { head, rows } => std::iter::once(head)
            .chain(rows)
            .flat_map(|row| row.iter().map(|cell| plain(cell)))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Formula(lines) => lines.join("\n"),
        Block::Picture { alt, .. } => alt.clone(),
    }
}
