//! The manual: 使用说明 (how to use the app, task by task) and 模型说明 (the model, equation by
//! equation), in Chinese and English, one source for every place it is read:
//!
//! - written by hand in `guide.*.md` and `model.*.md` here, with the parameter and figure
//!   entries, the equations and the tables generated from the engine's registries
//!   ([`assemble`]);
//! - written out as `docs/user-guide.*.md` and `docs/model.*.md` ([`markdown`]) by a test that
//!   fails when `docs/` is not in step (`tests/manual_docs.rs`);
//! - read back from those files by the app when the manual opens ([`read`]), so the manual's
//!   text is not in the app's code;
//! - printed by `swplan help TOPIC` ([`section_text`]).
//!
//! Sections are anchored by the slugs of `swplan_plans::help::HelpTopic`.

mod assemble;
mod doc;
mod entries;
mod equations;
mod parse;
mod search;
mod text;
mod ui;
mod write;

pub use assemble::{citations, manual, source};
pub use doc::{block_text, plain, Block, Document, Inline, Part, Section};
pub use entries::{AWAITING_PARAMS, FIGURE_ENTRIES, PARAM_ENTRIES};
pub use equations::{Equation, EQUATIONS};
pub use parse::{parse, ParseError, Problem};
pub use search::{marked, matching_chapters, query_words, Chapter};
pub use text::{contents_text, section_text};
pub use ui::{about_setting, found_sections, manual_words, ManualWords};
pub use write::{file_name, markdown};

/// The manual read back from the Markdown of its parts (the files the app fetches), in order.
pub fn read(parts: &[&str]) -> Result<Document, ParseError> {
    let mut sections = Vec::new();
    for part in parts {
        sections.extend(parse(part)?);
    }
    Ok(Document { sections })
}
