//! Searching the manual: the sections whose title or text holds every word typed, with the
//! headings above them so that each reads in its place.

use super::doc::{block_text, Document};

/// What a search shows: the sections that match, and the headings above them (shown as
/// headings only), by id in the manual's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chapter {
    pub matched: Vec<String>,
    pub context: Vec<String>,
}

/// The sections holding every word of `query` (case does not matter; words are separated by
/// spaces), and their headings. An empty query matches nothing.
pub fn matching_chapters(document: &Document, query: &str) -> Chapter {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Chapter::default();
    }
    let mut found = Chapter::default();
    for (index, section) in document.sections.iter().enumerate() {
        let mut text = section.title_text();
        for block in &section.blocks {
            text.push('\n');
            text.push_str(&block_text(block));
        }
        let text = text.to_lowercase();
        if !words.iter().all(|w| text.contains(w.as_str())) {
            continue;
        }
        found.matched.push(section.id.clone());
        // The headings above it: the nearest of each higher level.
        let mut level = section.level;
        for above in document.sections[..index].iter().rev() {
            if above.level < level {
                level = above.level;
                if !found.context.contains(&above.id) && !found.matched.contains(&above.id) {
                    found.context.push(above.id.clone());
                }
            }
        }
    }
    found.context.retain(|id| !found.matched.contains(id));
    found
}

#[cfg(test)]
mod tests {
    use super::super::doc::{Block, Inline, Section};
    use super::*;

    fn section(id: &str, level: u8, text: &str) -> Section {
        Section {
            id: id.into(),
            level,
            title: vec![Inline::Text(id.to_uppercase())],
            blocks: vec![Block::Paragraph(vec![Inline::Text(text.into())])],
        }
    }

    #[test]
    fn a_search_finds_every_word_and_shows_the_headings_above() {
        let document = Document {
            sections: vec![
                section("model", 1, "intro"),
                section("model-inputs", 2, "levers and assumptions"),
                section("group-talent", 3, "talent"),
                section("param-attrition", 4, "Attrition is 8 % a year"),
                section("param-hires", 4, "new talent a year"),
            ],
        };
        let found = matching_chapters(&document, "ATTRITION year");
        assert_eq!(found.matched, vec!["param-attrition".to_string()]);
        assert_eq!(
            found.context,
            vec![
                "group-talent".to_string(),
                "model-inputs".into(),
                "model".into()
            ]
        );
        assert_eq!(matching_chapters(&document, "  "), Chapter::default());
        assert!(matching_chapters(&document, "nothing here")
            .matched
            .is_empty());
    }
}
