//! Workshop pooling as state: the text the trainer pasted (links, or a whole chat export), the
//! plan files they loaded, whether identical plans count separately, and the last pool with
//! what it was made from, so the page can say when what is on screen no longer matches the
//! input. Pooling itself is `crate::pool`.

use std::rc::Rc;

use crate::pool::{pool_with, Pool};
use crate::share::save::{Imported, SaveError, SavedPlan};
use crate::share::PlanSpec;

/// A plan file the trainer loaded: its name and what reading it gave.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedFile {
    pub name: String,
    pub read: Result<Imported, SaveError>,
}

/// The pooling dialog's input and its last result.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workshop {
    /// The pasted text.
    pub text: String,
    /// The loaded files, in the order chosen.
    pub files: Vec<LoadedFile>,
    /// Changes whenever the files do, so a pool of other files is told apart.
    pub files_version: u32,
    /// Whether identical plans from different participants each count.
    pub count_identical: bool,
    /// The last pool and what it was made from.
    pub pooled: Option<Rc<Pooled>>,
}

/// A pool and the input it was made from.
#[derive(Debug, PartialEq)]
pub struct Pooled {
    pub pool: Pool,
    pub text: String,
    pub files_version: u32,
    pub count_identical: bool,
}

/// What the trainer does in the pooling dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkshopAction {
    /// The pasted text changed.
    SetText(String),
    /// Files were read.
    AddFiles(Vec<LoadedFile>),
    /// The loaded files are removed.
    ClearFiles,
    /// Whether identical plans each count: re-pools what was pooled at once.
    CountIdentical(bool),
    /// Pool the text and the files.
    Pool,
}

impl Workshop {
    /// Every plan of the readable files, in file order: the pool's imported plans.
    pub fn file_plans(&self) -> Vec<PlanSpec> {
        self.files
            .iter()
            .filter_map(|file| file.read.as_ref().ok())
            .flat_map(|imported| imported.plans.iter().map(SavedPlan::plan))
            .collect()
    }

    /// Whether the pool on screen was made from other input than the dialog now holds.
    pub fn is_stale(&self) -> bool {
        self.pooled.as_ref().is_some_and(|p| {
            p.text != self.text
                || p.files_version != self.files_version
                || p.count_identical != self.count_identical
        })
    }

    pub fn apply(&mut self, action: WorkshopAction) {
        match action {
            WorkshopAction::SetText(text) => self.text = text,
            WorkshopAction::AddFiles(files) => {
                self.files.extend(files);
                self.files_version = self.files_version.wrapping_add(1);
            }
            WorkshopAction::ClearFiles => {
                self.files.clear();
                self.files_version = self.files_version.wrapping_add(1);
            }
            WorkshopAction::CountIdentical(count) => {
                self.count_identical = count;
                // Only how repeats count changes: the pool on screen follows at once, as long
                // as it is of the files still loaded.
                if let Some(last) = self
                    .pooled
                    .clone()
                    .filter(|p| p.files_version == self.files_version)
                {
                    self.pool_text(last.text.clone());
                }
            }
            WorkshopAction::Pool => self.pool_text(self.text.clone()),
        }
    }

    fn pool_text(&mut self, text: String) {
        let pool = pool_with(&text, &self.file_plans(), self.count_identical);
        self.pooled = Some(Rc::new(Pooled {
            pool,
            text,
            files_version: self.files_version,
            count_identical: self.count_identical,
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::save::{from_json, to_json};

    const TWO_LINKS: &str =
        "张三 http://x/?v=1&p=yunnan.2&h=15000\n李四 http://x/?v=1&p=yunnan.2&h=15000";

    fn file(name: &str, slug: &str) -> LoadedFile {
        let preset = crate::presets::by_slug(slug).unwrap();
        let plan = crate::share::open::plan_of(
            crate::share::Origin::Preset {
                slug: slug.into(),
                data_version: preset.data_version,
            },
            preset.scenario.clone(),
        );
        let saved = SavedPlan::new("a", plan, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
        LoadedFile {
            name: name.into(),
            read: from_json(&to_json(&[saved])),
        }
    }

    #[test]
    fn pooling_pools_the_text_and_the_files_and_says_when_the_input_moved_on() {
        let mut workshop = Workshop::default();
        workshop.apply(WorkshopAction::SetText(TWO_LINKS.into()));
        assert_eq!(workshop.pooled, None);
        workshop.apply(WorkshopAction::Pool);
        let pooled = workshop.pooled.clone().unwrap();
        // Two identical plans: the second is a repeat by default.
        assert_eq!(pooled.pool.participants.len(), 1);
        assert!(!workshop.is_stale());
        workshop.apply(WorkshopAction::AddFiles(vec![file("组1.json", "yunnan")]));
        assert!(workshop.is_stale(), "a file came in after the pool");
        workshop.apply(WorkshopAction::Pool);
        assert_eq!(workshop.pooled.as_ref().unwrap().pool.participants.len(), 2);
        workshop.apply(WorkshopAction::SetText(String::new()));
        assert!(workshop.is_stale());
    }

    #[test]
    fn counting_identical_plans_repools_what_was_pooled_at_once() {
        let mut workshop = Workshop::default();
        workshop.apply(WorkshopAction::SetText(TWO_LINKS.into()));
        workshop.apply(WorkshopAction::Pool);
        workshop.apply(WorkshopAction::CountIdentical(true));
        let pooled = workshop.pooled.clone().unwrap();
        assert!(pooled.count_identical);
        assert_eq!(pooled.pool.participants.len(), 2);
        assert!(!workshop.is_stale());
    }

    #[test]
    fn clearing_the_files_leaves_the_pool_on_screen_marked_stale() {
        let mut workshop = Workshop::default();
        workshop.apply(WorkshopAction::AddFiles(vec![file("组1.json", "ningxia")]));
        workshop.apply(WorkshopAction::Pool);
        assert_eq!(workshop.file_plans().len(), 1);
        workshop.apply(WorkshopAction::ClearFiles);
        assert!(workshop.file_plans().is_empty());
        assert!(workshop.is_stale());
        // Counting repeats does not re-pool files that are gone.
        workshop.apply(WorkshopAction::CountIdentical(true));
        assert!(!workshop.pooled.as_ref().unwrap().count_identical);
    }
}
