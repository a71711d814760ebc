//! Searching the manual: the sections whose title or text holds every word typed, with the
//! headings above them so that each reads in its place; and where in a text the words are, so
//! that the page can mark them.

use super::doc::{block_text, Document};

/// What a search shows: the sections that match, and the headings above them (shown as
/// headings only), by id in the manual's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chapter {
    pub matched: Vec<String>,
    pub context: Vec<String>,
}

/// The words of a query as a search compares them: lower case, split at spaces.
pub fn query_words(query: &str) -> Vec<String> {
    query.split_whitespace().map(str::to_lowercase).collect()
}

/// A text cut where the words of a search are: (piece, whether it is one of the words), in
/// order, the pieces together the text. Case does not matter; overlapping or touching finds
/// are one marked piece; no word, no mark.
pub fn marked(text: &str, words: &[String]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    // Lower case letter by letter, so that positions stay those of the text.
    let lower: Vec<char> = chars
        .iter()
        .map(|c| {
            let mut lowered = c.to_lowercase();
            match (lowered.next(), lowered.next()) {
                (Some(l), None) => l,
                _ => *c,
            }
        })
        .collect();
    let mut hit = vec![false; chars.len()];
    for word in words {
        let word: Vec<char> = word.chars().collect();
        if word.is_empty() || word.len() > lower.len() {
            continue;
        }
        for start in 0..=lower.len() - word.len() {
            if lower[start..start + word.len()] == word[..] {
                hit[start..start + word.len()]
                    .iter_mut()
                    .for_each(|h| *h = true);
            }
        }
    }
    let mut pieces: Vec<(String, bool)> = Vec::new();
    for (c, is_hit) in chars.into_iter().zip(hit) {
        match pieces.last_mut() {
            Some((piece, was_hit)) if *was_hit == is_hit => piece.push(c),
            _ => pieces.push((c.to_string(), is_hit)),
        }
    }
    pieces
}

/// The sections holding every word of `query` (case does not matter; words are separated by
/// spaces), and their headings. An empty query matches nothing.
pub fn matching_chapters(document: &Document, query: &str) -> Chapter {
    let words = query_words(query);
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
    fn the_words_found_are_marked_in_place_whatever_their_case() {
        let words = query_words("ROOMS 流失率");
        assert_eq!(
            marked("Rooms and 年流失率, rooms.", &words),
            vec![
                ("Rooms".to_string(), true),
                (" and 年".to_string(), false),
                ("流失率".to_string(), true),
                (", ".to_string(), false),
                ("rooms".to_string(), true),
                (".".to_string(), false),
            ]
        );
        // Overlapping words are one mark; a text without them is one unmarked piece.
        assert_eq!(
            marked("aaa", &query_words("aa")),
            vec![("aaa".to_string(), true)]
        );
        assert_eq!(
            marked("nothing", &query_words("x")),
            vec![("nothing".to_string(), false)]
        );
        assert!(marked("", &query_words("x")).is_empty());
        assert_eq!(marked("İx", &query_words("x"))[1], ("x".to_string(), true));
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
