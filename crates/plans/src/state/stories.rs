//! The trainer's recorded stories, kept beside the saves: listed with the built-in stories,
//! renamed, deleted (with undo) and exported. The page stores the list (`story::kept`'s format)
//! and writes it whenever `revision` changes; ids and times come from the caller.

use std::rc::Rc;

use crate::story::kept::KeptStory;
use crate::story::Story;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoryShelf {
    /// Newest first.
    pub stories: Vec<KeptStory>,
    /// Bumped by every change the page must write back; not by loading what is stored.
    pub revision: u64,
}

impl StoryShelf {
    pub fn get(&self, id: &str) -> Option<&KeptStory> {
        self.stories.iter().find(|kept| kept.id == id)
    }

    /// Keeps a story just recorded (newest first).
    pub fn add(&mut self, id: &str, story: Story, now: &str) {
        self.stories.insert(
            0,
            KeptStory {
                id: id.to_string(),
                story: Rc::new(story),
                created: now.to_string(),
                modified: now.to_string(),
            },
        );
        self.revision += 1;
    }

    /// A new title, in both languages (a recording is titled in the trainer's language); a
    /// blank one changes nothing.
    pub fn rename(&mut self, id: &str, title: &str, now: &str) {
        let title = title.trim();
        if title.is_empty() {
            return;
        }
        if let Some(kept) = self.stories.iter_mut().find(|kept| kept.id == id) {
            let story = Rc::make_mut(&mut kept.story);
            story.title = title.to_string();
            story.title_en = title.to_string();
            kept.modified = now.to_string();
            self.revision += 1;
        }
    }

    /// Takes a story off the list and returns it with its place, so it can come back.
    pub fn remove(&mut self, id: &str) -> Option<(usize, KeptStory)> {
        let index = self.stories.iter().position(|kept| kept.id == id)?;
        self.revision += 1;
        Some((index, self.stories.remove(index)))
    }

    /// Puts a removed story back where it was.
    pub fn restore(&mut self, index: usize, kept: KeptStory) {
        if self.get(&kept.id).is_none() {
            let index = index.min(self.stories.len());
            self.stories.insert(index, kept);
            self.revision += 1;
        }
    }

    /// What storage holds (at start, or written by another tab): taken as it is.
    pub fn replace_from_storage(&mut self, stories: Vec<KeptStory>) {
        self.stories = stories;
    }
}
