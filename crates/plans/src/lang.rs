//! The interface language: data the state and links carry; the sentences are in `swplan-words`.

use serde::{Deserialize, Serialize};

/// An interface language. Chinese is the default: it is the language of the users.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Reads `zh`, `zh-CN`, `en`, `en-US`… (anything else is `None`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase();
        if lower.starts_with("zh") {
            Some(Lang::Zh)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Picks the optional text for this language.
    pub fn pick_option<'a>(
        self,
        zh: &'a Option<String>,
        en: &'a Option<String>,
    ) -> Option<&'a str> {
        match self {
            Lang::Zh => zh.as_deref(),
            Lang::En => en.as_deref(),
        }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
