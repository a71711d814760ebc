//! The planner's named saves. The browser keeps them in its storage (written by the page
//! whenever `revision` changes); here they are plain data so every operation is tested
//! natively. Timestamps and ids come from the caller: the state has no clock.

use crate::share::save::SavedPlan;
use crate::share::PlanSpec;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    /// Newest first.
    pub saves: Vec<SavedPlan>,
    /// Whether the browser lets the app store anything (private modes and intranet policies
    /// may not).
    pub available: bool,
    /// Bumped by every change the page must write back; not by loading what is stored.
    pub revision: u64,
    /// Stored data that could not be read, copied aside: listed with the saves, to download
    /// or delete.
    pub set_aside: Vec<super::start::SetAside>,
}

impl Library {
    pub fn get(&self, id: &str) -> Option<&SavedPlan> {
        self.saves.iter().find(|s| s.id == id)
    }

    /// Adds a save (newest first).
    pub fn add(&mut self, save: SavedPlan) {
        self.saves.insert(0, save);
        self.revision += 1;
    }

    /// Replaces the plan of an existing save, keeping its id and creation time.
    pub fn update(&mut self, id: &str, plan: PlanSpec, now: &str) -> bool {
        let Some(index) = self.saves.iter().position(|s| s.id == id) else {
            return false;
        };
        let created = self.saves[index].created.clone();
        let mut save = SavedPlan::new(id, plan, &created, now);
        // The latest change first.
        self.saves.remove(index);
        save.modified = now.to_string();
        self.saves.insert(0, save);
        self.revision += 1;
        true
    }

    pub fn rename(&mut self, id: &str, name: &str, now: &str) {
        if let Some(save) = self.saves.iter_mut().find(|s| s.id == id) {
            let name = name.trim();
            save.name = (!name.is_empty()).then(|| name.to_string());
            save.modified = now.to_string();
            self.revision += 1;
        }
    }

    /// A copy under a new id, named "<name> (副本)" by the caller.
    pub fn duplicate(&mut self, id: &str, new_id: &str, name: &str, now: &str) {
        if let Some(save) = self.get(id) {
            let mut copy = save.clone();
            copy.id = new_id.to_string();
            copy.name = Some(name.to_string());
            copy.created = now.to_string();
            copy.modified = now.to_string();
            self.add(copy);
        }
    }

    /// Removes a save and returns it, so it can be restored.
    pub fn remove(&mut self, id: &str) -> Option<(usize, SavedPlan)> {
        let index = self.saves.iter().position(|s| s.id == id)?;
        self.revision += 1;
        Some((index, self.saves.remove(index)))
    }

    /// Puts a removed save back where it was.
    pub fn restore(&mut self, index: usize, save: SavedPlan) {
        if self.get(&save.id).is_none() {
            let index = index.min(self.saves.len());
            self.saves.insert(index, save);
            self.revision += 1;
        }
    }

    /// What another tab (or the stored copy at start) holds: taken as it is, not written back.
    pub fn replace_from_storage(&mut self, saves: Vec<SavedPlan>) {
        self.saves = saves;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;
    use crate::share::Origin;
    use swplan_engine::montecarlo::Settings;

    fn spec(name: &str) -> PlanSpec {
        PlanSpec {
            name: Some(name.into()),
            origin: Origin::Preset {
                slug: "yunnan".into(),
                data_version: 2,
            },
            scenario: presets::default_preset().scenario.clone(),
            mc: Settings::default(),
        }
    }

    fn library() -> Library {
        let mut library = Library {
            available: true,
            ..Library::default()
        };
        library.add(SavedPlan::new("a", spec("方案A"), "t1", "t1"));
        library.add(SavedPlan::new("b", spec("方案B"), "t2", "t2"));
        library
    }

    #[test]
    fn the_newest_save_comes_first() {
        let library = library();
        let ids: Vec<_> = library.saves.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
    }

    #[test]
    fn updating_keeps_the_creation_time_and_moves_it_first() {
        let mut library = library();
        assert!(library.update("a", spec("方案A2"), "t3"));
        let first = &library.saves[0];
        assert_eq!(
            (
                first.id.as_str(),
                first.created.as_str(),
                first.modified.as_str()
            ),
            ("a", "t1", "t3")
        );
        assert_eq!(first.name.as_deref(), Some("方案A2"));
        assert!(!library.update("missing", spec("x"), "t4"));
    }

    #[test]
    fn a_deleted_save_comes_back_where_it_was() {
        let mut library = library();
        let revision = library.revision;
        let (index, save) = library.remove("b").unwrap();
        assert!(library.revision > revision);
        library.restore(index, save);
        let ids: Vec<_> = library.saves.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
    }

    #[test]
    fn rename_and_duplicate() {
        let mut library = library();
        library.rename("a", "  ", "t5");
        assert_eq!(
            library.get("a").unwrap().name,
            None,
            "a blank name clears it"
        );
        library.duplicate("b", "c", "方案B（副本）", "t6");
        assert_eq!(library.saves[0].id, "c");
        assert_eq!(
            library.saves[0].scenario,
            library.get("b").unwrap().scenario
        );
    }

    #[test]
    fn what_storage_holds_is_not_written_back() {
        let mut library = library();
        let revision = library.revision;
        library.replace_from_storage(vec![]);
        assert_eq!(library.revision, revision);
    }
}
