//! Recorded stories kept in the browser beside the saves, so a trainer's recording survives a
//! reload. One JSON document, versioned like the saves:
//!
//! ```json
//! {"format":"swplan-stories","version":1,"stories":[
//!   {"id":"s18c…","created":"…","modified":"…","story":{ …a story file, as `Story::to_json`… }}]}
//! ```
//!
//! A later version is refused with a message saying so; a story that no longer reads or plays
//! (`story::parse`) is left out and counted, the others are kept. Pure: the page stores the text.

use std::rc::Rc;

use serde::Serialize;
use serde_json::Value;

use super::{parse, Story};
use crate::data_problem;
use crate::share::save::SaveError;

/// The `format` tag of the stored stories.
pub const STORIES_TAG: &str = "swplan-stories";

/// The version this app writes.
pub const STORIES_VERSION: u32 = 1;

/// A recorded story kept in this browser.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptStory {
    /// The caller's identifier, unique among the kept stories (the story's own id is the same
    /// for every recording).
    pub id: String,
    pub story: Rc<Story>,
    /// When it was recorded and last renamed (ISO 8601, from the caller).
    pub created: String,
    pub modified: String,
}

/// What the stored text gave.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadStories {
    pub stories: Vec<KeptStory>,
    /// How many stored stories could not be read or no longer play.
    pub unreadable: usize,
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    stories: Vec<EntryOut<'a>>,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    id: &'a str,
    created: &'a str,
    modified: &'a str,
    story: &'a Story,
}

/// The kept stories as the stored text.
pub fn to_json(stories: &[KeptStory]) -> String {
    let file = FileOut {
        format: STORIES_TAG,
        version: STORIES_VERSION,
        stories: stories
            .iter()
            .map(|kept| EntryOut {
                id: &kept.id,
                created: &kept.created,
                modified: &kept.modified,
                story: &kept.story,
            })
            .collect(),
    };
    // Cannot fail: strings, numbers and lists only.
    serde_json::to_string(&file).unwrap_or_default()
}

/// Reads the stored text: every story that reads and plays, and how many did not.
pub fn from_json(text: &str) -> Result<ReadStories, SaveError> {
    let file = data_problem::json_value(text).map_err(SaveError::NotJson)?;
    match file.get("format") {
        Some(Value::String(tag)) if tag == STORIES_TAG => {}
        Some(Value::String(tag)) => {
            return Err(SaveError::Foreign {
                found: Some(tag.clone()),
            })
        }
        _ => return Err(SaveError::Foreign { found: None }),
    }
    let found = file
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(SaveError::NoVersion)?;
    if found > u64::from(STORIES_VERSION) {
        return Err(SaveError::NewerVersion {
            found,
            supported: STORIES_VERSION,
        });
    }
    let entries = file
        .get("stories")
        .and_then(Value::as_array)
        .ok_or(SaveError::NoPlans)?;
    let mut read = ReadStories::default();
    for entry in entries {
        match read_entry(entry) {
            Some(kept) if !read.stories.iter().any(|k| k.id == kept.id) => read.stories.push(kept),
            _ => read.unreadable += 1,
        }
    }
    Ok(read)
}

fn read_entry(entry: &Value) -> Option<KeptStory> {
    let text = |key: &str| entry.get(key)?.as_str().map(str::to_string);
    let story = parse(&entry.get("story")?.to_string()).ok()?;
    Some(KeptStory {
        id: text("id").filter(|id| !id.is_empty())?,
        story: Rc::new(story),
        created: text("created")?,
        modified: text("modified")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(id: &str) -> KeptStory {
        let mut story = super::super::by_id("guizhou-exams").unwrap().clone();
        story.id = "recorded".into();
        story.title = format!("录制 {id}");
        KeptStory {
            id: id.into(),
            story: Rc::new(story),
            created: "2026-12-01T10:00:00Z".into(),
            modified: "2026-12-01T10:05:00Z".into(),
        }
    }

    #[test]
    fn kept_stories_read_back_as_they_were_written() {
        let stories = vec![kept("a"), kept("b")];
        let read = from_json(&to_json(&stories)).unwrap();
        assert_eq!(read.stories, stories);
        assert_eq!(read.unreadable, 0);
    }

    #[test]
    fn a_story_that_no_longer_reads_is_left_out_and_counted() {
        let text = to_json(&[kept("a"), kept("b")]);
        let mut file: Value = serde_json::from_str(&text).unwrap();
        file["stories"][0]["story"]["step"] = Value::Array(Vec::new());
        let read = from_json(&file.to_string()).unwrap();
        assert_eq!(read.stories.len(), 1);
        assert_eq!(read.stories[0].id, "b");
        assert_eq!(read.unreadable, 1);
    }

    #[test]
    fn a_later_version_or_another_file_is_refused_whole() {
        let text = to_json(&[kept("a")]).replace("\"version\":1", "\"version\":9");
        assert_eq!(
            from_json(&text),
            Err(SaveError::NewerVersion {
                found: 9,
                supported: STORIES_VERSION
            })
        );
        assert!(matches!(
            from_json("{\"format\":\"swplan-plans\",\"version\":1,\"plans\":[]}"),
            Err(SaveError::Foreign { .. })
        ));
        assert!(matches!(from_json("{"), Err(SaveError::NotJson(_))));
    }
}
