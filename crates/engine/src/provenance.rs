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
