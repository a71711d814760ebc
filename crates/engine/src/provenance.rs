//! Where a number comes from: a sentence of a source document, or a stated assumption.

use serde::{Deserialize, Serialize};

/// Where a number comes from: a sentence of a source document, or a stated assumption.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
pub enum Provenance {
    /// A sentence quoted from a source document (`doc` is its number, e.g. `004`).
    Source {
        doc: String,
        quote: String,
        /// How the number follows from the sentence, when it is not read off directly (Chinese).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        /// The same note in English; every note exists in both languages.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note_en: Option<String>,
    },
    /// No source gives this number: the reasoning behind the chosen value, in both languages.
    Assumption {
        assumption: String,
        assumption_en: String,
    },
}

/// Where the planner says a value of their plan comes from (来源说明): the document, its date,
/// and the sentence quoted from it or a note. Any part may be empty, and a source with every
/// part empty is none. A planner's source changes no number: it travels with the plan (saves,
/// files, links) so that a number typed from a report can be checked by whoever reads the plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlannerSource {
    /// The document: a report, a statistics bulletin, a meeting, a person (《……统计公报》).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub document: String,
    /// When the document was published or the figure counted, as the planner writes it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// The sentence quoted from the document, or how the number follows from it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
}

impl PlannerSource {
    /// The longest part a source keeps, in characters: a sentence or two, not a document.
    pub const MAX_CHARS: usize = 300;

    /// Whether every part is blank.
    pub fn is_empty(&self) -> bool {
        [&self.document, &self.date, &self.quote]
            .iter()
            .all(|part| part.trim().is_empty())
    }

    /// The source with each part trimmed, cut to [`Self::MAX_CHARS`] and rid of control
    /// characters (a line break becomes a space); `None` when nothing is left.
    pub fn cleaned(&self) -> Option<PlannerSource> {
        let clean = |text: &str| -> String {
            let text: String = text
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            text.trim()
                .chars()
                .take(Self::MAX_CHARS)
                .collect::<String>()
                .trim_end()
                .to_string()
        };
        let source = PlannerSource {
            document: clean(&self.document),
            date: clean(&self.date),
            quote: clean(&self.quote),
        };
        (!source.is_empty()).then_some(source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_of_blanks_is_none() {
        let blank = PlannerSource {
            document: "  ".into(),
            date: String::new(),
            quote: "\n".into(),
        };
        assert!(blank.is_empty());
        assert_eq!(blank.cleaned(), None);
    }

    #[test]
    fn a_cleaned_source_is_trimmed_cut_and_on_one_line() {
        let source = PlannerSource {
            document: " 《统计公报》\n第3页 ".into(),
            date: "2024-03".into(),
            quote: "持".repeat(PlannerSource::MAX_CHARS + 10),
        };
        let cleaned = source.cleaned().unwrap();
        assert_eq!(cleaned.document, "《统计公报》 第3页");
        assert_eq!(cleaned.date, "2024-03");
        assert_eq!(cleaned.quote.chars().count(), PlannerSource::MAX_CHARS);
    }

    #[test]
    fn only_the_parts_given_are_written() {
        let source = PlannerSource {
            quote: "全市持证社工3658人".into(),
            ..PlannerSource::default()
        };
        let json = serde_json::to_string(&source).unwrap();
        assert_eq!(json, r#"{"quote":"全市持证社工3658人"}"#);
        assert_eq!(
            serde_json::from_str::<PlannerSource>(&json).unwrap(),
            source
        );
    }
}
