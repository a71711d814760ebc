//! Stories in share links. A story link is a plan link (format version 1, see `share`) with
//! the story's keys added, so an app that knows nothing of stories still opens the plan of the
//! step, and the link decoder, which ignores keys it does not know, reads the plan as usual:
//!
//! | key | value | meaning |
//! |---|---|---|
//! | `story` | `yunnan-14wan` | a built-in story, by id |
//! | `sr` | base64url | a story carried in the link itself (a recorded one), in the compact form described in `compact.rs` |
//! | `step` | `0`, `2` | the step to open, counted from 0 (absent: the first) |
//! | `pr` | `1` | the step's question opens on a phone, to be answered (see `predict`) |
//!
//! The plan keys (`p`, parameter codes…) hold the plan at that step. When both `story` and
//! `sr` are present, `sr` is read: it is the story the link was made from.

use super::{by_id, check, compact, Story, StoryError};
use crate::share::{self, LinkKey, PlanSpec};
use crate::Lang;
use swplan_engine::montecarlo::Settings;

/// A story opened from a link, and the step to show.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedStory {
    pub story: Story,
    /// Counted from 0; always a step of the story.
    pub step: usize,
    /// Whether the story came in the link (`sr`) rather than by the id of a built-in one.
    pub carried: bool,
    /// Whether the link asks for a prediction (`pr=1`) at a step with a question.
    pub predict: bool,
}

/// The link that opens `story` at `step`: `base_url?query`, or the query alone without a base.
/// A built-in story goes by its id; any other story (a recorded one, or a built-in one changed)
/// travels whole in `sr`.
pub fn story_link(
    story: &Story,
    step: usize,
    base_url: Option<&str>,
    lang: Option<Lang>,
) -> Result<String, StoryError> {
    let mut scenario = story.plan_at(step)?;
    scenario.sources.clear();
    let plan = PlanSpec {
        name: None,
        origin: story.origin(),
        scenario,
        mc: Settings::default(),
    };
    let mut query = share::encode(&[plan], lang);
    if by_id(&story.id) == Some(story) {
        query += &format!("&story={}", story.id);
    } else {
        query += &format!("&sr={}", compact::encode(story));
    }
    query += &format!("&step={step}");
    Ok(match base_url {
        // A base that already holds a query or fragment loses them: the link is the whole query.
        Some(base) => format!("{}?{query}", base.split(['?', '#']).next().unwrap_or(base)),
        None => query,
    })
}

/// The link participants open on their phones to answer the question of `story` at `step`: the
/// step's link with `pr=1`.
pub fn prediction_link(
    story: &Story,
    step: usize,
    base_url: Option<&str>,
    lang: Option<Lang>,
) -> Result<String, StoryError> {
    Ok(story_link(story, step, base_url, lang)? + "&" + LinkKey::Predict.code() + "=1")
}

/// The story a link opens, if it names one: a full address, a query, or a chat message holding
/// one. `Ok(None)` for a plain plan link; an error, with its message in `i18n::story`, when the
/// link names a story that cannot be opened (unknown, damaged, or a step past its end).
pub fn parse_story_link(text: &str) -> Result<Option<OpenedStory>, StoryError> {
    let query = share::query_part(text);
    let step = match value_of(query, LinkKey::Step.code()) {
        None => 0,
        Some(text) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => {
            // Digits that overflow are no step of any story.
            text.parse::<usize>().unwrap_or(usize::MAX)
        }
        Some(_) => return Err(StoryError::DamagedLink),
    };
    let (story, carried) = if let Some(carried) = value_of(query, LinkKey::RecordedStory.code()) {
        let story = compact::decode(carried).ok_or(StoryError::DamagedLink)?;
        check::check(&story)?;
        (story, true)
    } else if let Some(id) = value_of(query, LinkKey::Story.code()) {
        let story = by_id(id).ok_or_else(|| StoryError::UnknownStory { id: id.to_string() })?;
        (story.clone(), false)
    } else {
        return Ok(None);
    };
    if step >= story.steps.len() {
        return Err(StoryError::NoSuchStep {
            step,
            steps: story.steps.len(),
        });
    }
    let predict = value_of(query, LinkKey::Predict.code()) == Some("1")
        && story.steps[step].question.is_some();
    Ok(Some(OpenedStory {
        story,
        step,
        carried,
        predict,
    }))
}

/// The first value of `key` in a query. Story keys and their values use only characters that
/// nothing escapes; an HTML-escaped `&amp;` still separates.
fn value_of<'a>(query: &'a str, key: &str) -> Option<&'a str> {
    query.split('&').find_map(|segment| {
        let segment = segment.strip_prefix("amp;").unwrap_or(segment);
        let (k, value) = segment.split_once('=')?;
        (k == key).then_some(value)
    })
}
