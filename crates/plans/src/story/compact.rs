//! The compact form of a story, for links (`sr=…`): the story's fields in a fixed order as
//! bytes, then base64url. Chat apps and QR codes want short links, and a caption is most of a
//! story, so each text is stored in whichever of UTF-8 and UTF-16 is shorter: Chinese takes two
//! bytes a character in UTF-16 instead of three, English one byte in UTF-8 instead of two.
//!
//! Layout, version 2 (every number an unsigned LEB128 varint):
//!
//! ```text
//! 2                                     layout version
//! id, preset                            texts
//! data_version                          0 when none (a new region)
//! model                                 the model's reading (layout 1 has none: reading 1)
//! title, title_en, intro, intro_en      texts
//! step count, then per step:
//!   flags                               1 highlight, 2 question, 4 sources, 8 asks,
//!                                       16 choices, 32 answer
//!   changes                             text (link keys)
//!   caption, caption_en                 texts
//!   [highlight]                         text
//!   [question, question_en]             texts
//!   [source count, (doc, quote)…]       texts
//!   [asks]                              text: metric keys joined by `,` (flag 8, layout 2)
//!   [choice count, (choice, choice_en)…] texts (flag 16, layout 2)
//!   [answer]                            the choice it bears out, from 1 (flag 32, layout 2)
//! ```
//!
//! A text (ASCII ones too) is a varint `byte length × 2 + (1 if UTF-16 big-endian else 0)`,
//! then its bytes. Reading refuses a buffer cut short or with bytes left over, bad UTF-8 or
//! UTF-16, unknown flags and an unknown layout version; the story it reads is then checked
//! like any other.

use super::{Citation, Step, Story, FORMAT_VERSION};
use crate::share::changes::{base64url_decode, base64url_encode};
use crate::share::packed::{Reader, Writer};

/// The layout this app writes; layout 1 (stories recorded before model readings) is read too.
const LAYOUT_VERSION: u8 = 2;

const HAS_HIGHLIGHT: u64 = 1;
const HAS_QUESTION: u64 = 2;
const HAS_SOURCES: u64 = 4;
/// Layout 2: the figures a question asks about, as one text of metric keys joined by `,`.
const HAS_ASKS: u64 = 8;
/// Layout 2: the choices the room picks from, each in both languages.
const HAS_CHOICES: u64 = 16;
/// Layout 2: the choice the step's result bears out.
const HAS_ANSWER: u64 = 32;

/// The story as the value of `sr`.
pub(super) fn encode(story: &Story) -> String {
    let mut out = Writer::new(LAYOUT_VERSION);
    out.text(&story.id);
    out.text(&story.preset);
    out.number(u64::from(story.data_version.unwrap_or(0)));
    out.number(u64::from(story.model));
    for text in [&story.title, &story.title_en, &story.intro, &story.intro_en] {
        out.text(text);
    }
    out.number(story.steps.len() as u64);
    for step in &story.steps {
        let question = step.question.as_ref().zip(step.question_en.as_ref());
        let flags = [
            (step.highlight.is_some(), HAS_HIGHLIGHT),
            (question.is_some(), HAS_QUESTION),
            (!step.sources.is_empty(), HAS_SOURCES),
            (!step.asks.is_empty(), HAS_ASKS),
            (!step.choices.is_empty(), HAS_CHOICES),
            (step.answer.is_some(), HAS_ANSWER),
        ]
        .iter()
        .filter(|(present, _)| *present)
        .fold(0, |flags, (_, bit)| flags | bit);
        out.number(flags);
        out.text(&step.changes);
        out.text(&step.caption);
        out.text(&step.caption_en);
        if let Some(highlight) = &step.highlight {
            out.text(highlight);
        }
        if let Some((zh, en)) = question {
            out.text(zh);
            out.text(en);
        }
        if !step.sources.is_empty() {
            out.number(step.sources.len() as u64);
            for citation in &step.sources {
                out.text(&citation.doc);
                out.text(&citation.quote);
            }
        }
        if !step.asks.is_empty() {
            out.text(&step.asks.join(","));
        }
        if !step.choices.is_empty() {
            out.number(step.choices.len() as u64);
            for (zh, en) in step.choices.iter().zip(&step.choices_en) {
                out.text(zh);
                out.text(en);
            }
        }
        if let Some(answer) = step.answer {
            out.number(u64::from(answer));
        }
    }
    base64url_encode(out.bytes())
}

/// Reads the value of `sr`; `None` when it is damaged. The story is not checked here.
pub(super) fn decode(text: &str) -> Option<Story> {
    let bytes = base64url_decode(text)?;
    let mut input = Reader::new(&bytes);
    let layout = input.byte()?;
    if !(1..=LAYOUT_VERSION).contains(&layout) {
        return None;
    }
    let id = input.text()?;
    let preset = input.text()?;
    let data_version = match input.number()? {
        0 => None,
        version => Some(u32::try_from(version).ok()?),
    };
    // Layout 1 was written before model readings: its stories are of the first.
    let model = match layout {
        1 => swplan_engine::scenario::FIRST_MODEL_VERSION,
        _ => u32::try_from(input.number()?).ok()?,
    };
    let title = input.text()?;
    let title_en = input.text()?;
    let intro = input.text()?;
    let intro_en = input.text()?;
    let count = input.count()?;
    let mut steps = Vec::with_capacity(count);
    for _ in 0..count {
        let flags = input.number()?;
        let known = match layout {
            1 => HAS_HIGHLIGHT | HAS_QUESTION | HAS_SOURCES,
            _ => HAS_HIGHLIGHT | HAS_QUESTION | HAS_SOURCES | HAS_ASKS | HAS_CHOICES | HAS_ANSWER,
        };
        if flags & !known != 0 {
            return None;
        }
        let changes = input.text()?;
        let caption = input.text()?;
        let caption_en = input.text()?;
        let highlight = if flags & HAS_HIGHLIGHT != 0 {
            Some(input.text()?)
        } else {
            None
        };
        let (question, question_en) = if flags & HAS_QUESTION != 0 {
            (Some(input.text()?), Some(input.text()?))
        } else {
            (None, None)
        };
        let mut sources = Vec::new();
        if flags & HAS_SOURCES != 0 {
            for _ in 0..input.count()? {
                let doc = input.text()?;
                let quote = input.text()?;
                sources.push(Citation { doc, quote });
            }
        }
        let asks = if flags & HAS_ASKS != 0 {
            input.text()?.split(',').map(str::to_string).collect()
        } else {
            Vec::new()
        };
        let (mut choices, mut choices_en) = (Vec::new(), Vec::new());
        if flags & HAS_CHOICES != 0 {
            for _ in 0..input.count()? {
                choices.push(input.text()?);
                choices_en.push(input.text()?);
            }
        }
        let answer = if flags & HAS_ANSWER != 0 {
            Some(u32::try_from(input.number()?).ok()?)
        } else {
            None
        };
        steps.push(Step {
            asks,
            choices,
            choices_en,
            answer,
            changes,
            caption,
            caption_en,
            highlight,
            question,
            question_en,
            sources,
        });
    }
    if !input.is_done() {
        return None;
    }
    Some(Story {
        format: FORMAT_VERSION,
        id,
        title,
        title_en,
        preset,
        data_version,
        model,
        intro,
        intro_en,
        steps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> Story {
        Story {
            format: FORMAT_VERSION,
            id: "recorded".into(),
            title: "宁夏的故事".into(),
            title_en: "A story of Ningxia".into(),
            preset: "ningxia".into(),
            data_version: Some(2),
            model: swplan_engine::scenario::MODEL_VERSION,
            intro: String::new(),
            intro_en: String::new(),
            steps: vec![Step {
                changes: "r=400".into(),
                caption: "多建社工室".into(),
                caption_en: "More rooms".into(),
                ..Step::default()
            }],
        }
    }

    #[test]
    fn a_story_round_trips_with_its_model_reading() {
        let story = story();
        assert_eq!(decode(&encode(&story)), Some(story));
    }

    #[test]
    fn a_layout_1_story_of_an_older_link_replays_with_the_first_model_reading() {
        // The bytes a recorded story's link held before model readings: layout 1, no model.
        let current = base64url_decode(&encode(&story())).unwrap();
        let mut reader = Reader::new(&current);
        reader.byte().unwrap();
        for _ in 0..2 {
            reader.text().unwrap();
        }
        reader.number().unwrap();
        let model_at = reader.position();
        reader.number().unwrap();
        let mut layout_1 = vec![1];
        layout_1.extend_from_slice(&current[1..model_at]);
        layout_1.extend_from_slice(&current[reader.position()..]);
        let old = decode(&base64url_encode(&layout_1)).expect("layout 1 still reads");
        assert_eq!(old.model, swplan_engine::scenario::FIRST_MODEL_VERSION);
        assert_eq!(old.steps, story().steps);
    }

    #[test]
    fn a_steps_choices_and_answer_round_trip() {
        let mut story = story();
        story.steps[0].question = Some("能全覆盖吗？".into());
        story.steps[0].question_en = Some("Full coverage?".into());
        story.steps[0].choices = vec!["能".into(), "差一点".into(), "差很多".into()];
        story.steps[0].choices_en = vec!["Yes".into(), "Almost".into(), "Far from it".into()];
        story.steps[0].answer = Some(2);
        assert_eq!(decode(&encode(&story)), Some(story));
    }

    #[test]
    fn an_unknown_layout_is_refused() {
        let mut bytes = base64url_decode(&encode(&story())).unwrap();
        bytes[0] = 9;
        assert_eq!(decode(&base64url_encode(&bytes)), None);
    }
}
