//! What makes a story playable: a known start, texts in both languages, readable highlights,
//! quotes that occur in their documents, and changes that apply and validate at every step.

use super::{Highlight, Story, StoryError, TextField, FORMAT_VERSION};
#[cfg(not(target_arch = "wasm32"))]
use crate::presets::SOURCE_DOCUMENTS;
use swplan_engine::Metric;

/// The longest story id: links carry it (`story=<id>`).
pub const MAX_ID_LENGTH: usize = 64;

/// Whether a story id can travel in a link as it is: `A–Z a–z 0–9 - _`, 1 to 64 characters.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LENGTH
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The first reason the story cannot be played, if any.
pub(super) fn check(story: &Story) -> Result<(), StoryError> {
    if story.format > FORMAT_VERSION {
        return Err(StoryError::NewerFormat {
            found: story.format,
            supported: FORMAT_VERSION,
        });
    }
    if !is_valid_id(&story.id) {
        return Err(StoryError::BadId {
            id: story.id.clone(),
        });
    }
    let missing = |field, step| StoryError::MissingText { field, step };
    if !both_given(&story.title, &story.title_en) {
        return Err(missing(TextField::Title, None));
    }
    // An intro may be left out, but not in one language only.
    if story.intro.trim().is_empty() != story.intro_en.trim().is_empty() {
        return Err(missing(TextField::Intro, None));
    }
    if story.steps.is_empty() {
        return Err(StoryError::NoSteps);
    }
    for (index, step) in story.steps.iter().enumerate() {
        if !both_given(&step.caption, &step.caption_en) {
            return Err(missing(TextField::Caption, Some(index)));
        }
        match (&step.question, &step.question_en) {
            (None, None) => {}
            (Some(zh), Some(en)) if both_given(zh, en) => {}
            _ => return Err(missing(TextField::Question, Some(index))),
        }
        check_choices(step, index)?;
        if let Some(text) = &step.highlight {
            if Highlight::parse(text).is_none() {
                return Err(StoryError::UnknownHighlight {
                    step: index,
                    text: text.clone(),
                });
            }
        }
        if let Some(text) = step.asks.iter().find(|k| Metric::from_key(k).is_none()) {
            return Err(StoryError::UnknownHighlight {
                step: index,
                text: text.clone(),
            });
        }
        for citation in &step.sources {
            if crate::presets::document(&citation.doc).is_none() {
                return Err(StoryError::UnknownDocument {
                    step: index,
                    doc: citation.doc.clone(),
                });
            }
            if citation.quote.trim().is_empty()
                || !quote_in_document(&citation.doc, &citation.quote)
            {
                return Err(StoryError::QuoteNotFound {
                    step: index,
                    doc: citation.doc.clone(),
                    quote: citation.quote.clone(),
                });
            }
        }
    }
    story.plans().map(|_| ())
}

/// Whether `quote` occurs in source document `doc`, checked against the documents' text.
#[cfg(not(target_arch = "wasm32"))]
fn quote_in_document(doc: &str, quote: &str) -> bool {
    SOURCE_DOCUMENTS
        .iter()
        .find(|(id, _)| *id == doc)
        .is_some_and(|(_, text)| quote_occurs(text, quote))
}

/// The browser carries no copy of the source documents (some 45 KB): the native tests check
/// every quote of every built-in story, and a recorded story has no sources. A story file with
/// a quote that is not in its document is refused by `swplan` and the tests, not by the page.
#[cfg(target_arch = "wasm32")]
fn quote_in_document(_doc: &str, _quote: &str) -> bool {
    true
}

/// Choices need a question, two to six of them, each given in both languages; an answer is one
/// of them.
fn check_choices(step: &super::Step, index: usize) -> Result<(), StoryError> {
    let listed = !step.choices.is_empty() || !step.choices_en.is_empty();
    let bad = listed
        && (step.question.is_none()
            || step.choices.len() != step.choices_en.len()
            || !(2..=super::predict::MAX_CHOICES).contains(&step.choices.len())
            || step
                .choices
                .iter()
                .zip(&step.choices_en)
                .any(|(zh, en)| !both_given(zh, en)));
    if bad {
        return Err(StoryError::BadChoices { step: index });
    }
    let count = step.choices().map_or(0, |c| c.len());
    match step.answer {
        Some(answer) if answer == 0 || answer as usize > count => Err(StoryError::BadAnswer {
            step: index,
            answer,
            choices: count,
        }),
        _ => Ok(()),
    }
}

fn both_given(zh: &str, en: &str) -> bool {
    !zh.trim().is_empty() && !en.trim().is_empty()
}

/// Whether `quote` occurs in `document`, ignoring white space: the pages are typeset in narrow
/// columns, so a sentence runs across line breaks and spaces surround its numbers.
pub fn quote_occurs(document: &str, quote: &str) -> bool {
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    squeeze(document).contains(&squeeze(quote))
}
