//! The planner's sources in a link (`q`, format 3): where the planner says each value comes
//! from, packed and base64url, like a recorded story (see [`super::packed`]).
//!
//! Layout 1: a layout byte, then per source its key's link code (a parameter's, or `ct` for the
//! certified total), document, date and quote, four texts; a document or date equal to the one
//! of the source before is written as one byte, [`DITTO`] (a planner cites one bulletin for
//! many numbers). A code this app does not know is skipped (a newer app's), a damaged value is
//! refused whole.
//!
//! A source is words, not numbers, and can be long: a link carries the sources that fit in
//! [`MAX_LINK_CHARS`], in the order of the settings, and the share dialog names those left out
//! (saves and files keep every one).

use std::collections::BTreeMap;

use super::base64url;
use super::packed::{packed_text, Reader, DITTO};
use super::LinkKey;
use swplan_engine::certified::TOTAL_KEY;
use swplan_engine::params::{self, PARAMS};
use swplan_engine::{PlannerSource, Scenario};

/// The layout this app writes.
const LAYOUT: u8 = 1;

/// The most characters the sources take in a link: about six sources of a sentence each. A
/// custom region with every parameter set takes about 440, so a link stays well within what
/// chat apps carry.
pub const MAX_LINK_CHARS: usize = 800;

/// Every key a planner can give a source for, in the order of the settings: the parameters,
/// with the certified total before the three stocks it gives.
pub fn source_keys() -> impl Iterator<Item = &'static str> {
    PARAMS.iter().flat_map(|p| {
        let total = (p.key == "certified_junior").then_some(TOTAL_KEY);
        total.into_iter().chain([p.key])
    })
}

/// The link code a source is filed under.
fn code_of(key: &str) -> Option<&'static str> {
    match key {
        TOTAL_KEY => Some(LinkKey::CertifiedTotal.code()),
        _ => params::param(key).map(|p| p.code),
    }
}

/// The key of a link code.
fn key_of(code: &str) -> Option<&'static str> {
    if code == LinkKey::CertifiedTotal.code() {
        return Some(TOTAL_KEY);
    }
    params::param_by_code(code).map(|p| p.key)
}

/// The characters base64url takes for `bytes` bytes.
fn encoded_len(bytes: usize) -> usize {
    (bytes * 4).div_ceil(3)
}

/// The sources a link carries, and the keys of those it leaves out for length.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkSources {
    pub carried: BTreeMap<String, PlannerSource>,
    pub left_out: Vec<&'static str>,
}

/// Which of the plan's sources fit in a link: each whole (cleaned as a link reads it back), in
/// the order of the settings, while the packed value stays within [`MAX_LINK_CHARS`]. Sources
/// for keys no setting has, and blank ones, are not carried (nor counted as left out).
pub fn link_sources(scenario: &Scenario) -> LinkSources {
    let mut chosen = LinkSources::default();
    let mut bytes = 1;
    let mut previous = None;
    for key in source_keys() {
        // As a link reads it back: trimmed, on one line, none when blank.
        let Some(source) = scenario.planner_sources.get(key).and_then(|s| s.cleaned()) else {
            continue;
        };
        let size = entry(key, &source, previous.as_ref()).len();
        if encoded_len(bytes + size) <= MAX_LINK_CHARS {
            bytes += size;
            chosen.carried.insert(key.to_string(), source.clone());
            previous = Some(source);
        } else {
            chosen.left_out.push(key);
        }
    }
    chosen
}

/// One source as packed bytes, after `previous` (whose document and date it may repeat).
fn entry(key: &str, source: &PlannerSource, previous: Option<&PlannerSource>) -> Vec<u8> {
    let mut out = packed_text(code_of(key).unwrap_or_default());
    let repeats =
        |text: &str, before: Option<&String>| !text.is_empty() && before.is_some_and(|b| b == text);
    for (text, before) in [
        (&source.document, previous.map(|p| &p.document)),
        (&source.date, previous.map(|p| &p.date)),
    ] {
        if repeats(text, before) {
            out.push(DITTO as u8);
        } else {
            out.extend(packed_text(text));
        }
    }
    out.extend(packed_text(&source.quote));
    out
}

/// The value of `q` for these sources; `None` when there are none.
pub fn encode(sources: &BTreeMap<String, PlannerSource>) -> Option<String> {
    if sources.is_empty() {
        return None;
    }
    let mut bytes = vec![LAYOUT];
    let mut previous = None;
    for key in source_keys() {
        if let Some(source) = sources.get(key) {
            bytes.extend(entry(key, source, previous));
            previous = Some(source);
        }
    }
    Some(base64url::encode(&bytes))
}

/// The sources in a value of `q`; `None` when it is damaged or of an unknown layout.
pub fn decode(text: &str) -> Option<BTreeMap<String, PlannerSource>> {
    let bytes = base64url::decode(text)?;
    let mut input = Reader::new(&bytes);
    if input.byte()? != LAYOUT {
        return None;
    }
    let mut sources = BTreeMap::new();
    let mut previous = PlannerSource::default();
    while !input.is_done() {
        let code = input.text()?;
        let document = input.text_or_ditto()?.unwrap_or(previous.document);
        let date = input.text_or_ditto()?.unwrap_or(previous.date);
        let quote = input.text()?;
        let source = PlannerSource {
            document,
            date,
            quote,
        };
        // A newer app's key is skipped; an empty source is none.
        if let (Some(key), Some(cleaned)) = (key_of(&code), source.cleaned()) {
            sources.insert(key.to_string(), cleaned);
        }
        previous = source;
    }
    Some(sources)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    fn source(quote: &str) -> PlannerSource {
        PlannerSource {
            document: "《2023年某市民政事业发展统计公报》".into(),
            date: "2024-03".into(),
            quote: quote.into(),
        }
    }

    #[test]
    fn sources_round_trip_through_their_link_value() {
        let mut sources = BTreeMap::new();
        sources.insert("talent".to_string(), source("全市社会工作人才2400人"));
        sources.insert(TOTAL_KEY.to_string(), source("持证社工达3658人"));
        sources.insert(
            "hires".to_string(),
            PlannerSource {
                quote: "Planning meeting, 12 May".into(),
                ..PlannerSource::default()
            },
        );
        let text = encode(&sources).unwrap();
        assert!(text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(decode(&text), Some(sources));
    }

    #[test]
    fn no_sources_write_no_value() {
        assert_eq!(encode(&BTreeMap::new()), None);
    }

    #[test]
    fn a_damaged_value_is_refused_whole() {
        let mut sources = BTreeMap::new();
        sources.insert("talent".to_string(), source("全市社会工作人才2400人"));
        let text = encode(&sources).unwrap();
        assert_eq!(decode(&text[..text.len() - 3]), None);
        assert_eq!(decode("AAAA"), None);
        assert_eq!(decode("%%"), None);
    }

    #[test]
    fn a_link_carries_the_sources_that_fit_in_the_order_of_the_settings() {
        let mut scenario = presets::blank().clone();
        let long = "持".repeat(150);
        for key in ["talent", "hires", "townships", "station_cost"] {
            scenario
                .planner_sources
                .insert(key.to_string(), source(&long));
        }
        scenario
            .planner_sources
            .insert("villages".to_string(), source("村（社区）2100个"));
        let chosen = link_sources(&scenario);
        assert_eq!(chosen.left_out, ["hires", "townships", "station_cost"]);
        assert!(chosen.carried.contains_key("talent"));
        assert!(
            chosen.carried.contains_key("villages"),
            "a short one still fits"
        );
        assert!(encode(&chosen.carried).unwrap().len() <= MAX_LINK_CHARS);
    }

    #[test]
    fn the_certified_total_comes_before_the_stocks_it_gives() {
        let keys: Vec<&str> = source_keys().collect();
        let total = keys.iter().position(|k| *k == TOTAL_KEY).unwrap();
        assert_eq!(keys[total + 1], "certified_junior");
        assert_eq!(keys.len(), PARAMS.len() + 1);
    }
}
