//! Plans kept aside: a plan the planner edited that another plan replaced — a link opened in
//! the address or pasted in, a save or a kept plan opened over unsaved changes. Each stays,
//! newest first, with the time it was replaced and its region, until the planner brings it
//! back or dismisses it, so no edit is lost to a click on a link. The page stores the list
//! like the saves (in the saves' file format) and writes it whenever `revision` changes.

use crate::share::save::SavedPlan;
use crate::share::{same_plan, PlanSpec};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct KeptPlans {
    /// Newest first. `modified` is when the plan was replaced.
    pub plans: Vec<SavedPlan>,
    /// Bumped by every change the page must write back; not by loading what is stored.
    pub revision: u64,
}

impl KeptPlans {
    /// Keeps a replaced plan under `id` at `now`. The same plan kept before moves to the top
    /// with the new time instead of being listed twice.
    pub fn keep(&mut self, plan: PlanSpec, id: &str, now: &str) {
        self.plans.retain(|kept| !same_plan(&kept.plan(), &plan));
        self.plans.insert(0, SavedPlan::new(id, plan, now, now));
        self.revision += 1;
    }

    pub fn get(&self, id: &str) -> Option<&SavedPlan> {
        self.plans.iter().find(|kept| kept.id == id)
    }

    /// Takes a kept plan off the list (to open it, or because the planner dismissed it).
    pub fn remove(&mut self, id: &str) -> Option<SavedPlan> {
        let index = self.plans.iter().position(|kept| kept.id == id)?;
        self.revision += 1;
        Some(self.plans.remove(index))
    }

    /// Takes the newest kept plan off the list if it is `plan` (it came back by undo).
    pub fn forget_if_newest(&mut self, plan: &PlanSpec) {
        if self
            .plans
            .first()
            .is_some_and(|kept| same_plan(&kept.plan(), plan))
        {
            self.plans.remove(0);
            self.revision += 1;
        }
    }

    /// What storage holds (at start, or written by another tab): taken as it is.
    pub fn replace_from_storage(&mut self, plans: Vec<SavedPlan>) {
        self.plans = plans;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;
    use crate::share::Origin;
    use swplan_engine::Yearly;

    fn plan(hires: f64) -> PlanSpec {
        let mut scenario = presets::default_preset().scenario.clone();
        scenario.sources.clear();
        scenario.levers.hires = Yearly::Constant(hires);
        PlanSpec {
            name: None,
            origin: Origin::Preset {
                slug: "yunnan".into(),
                data_version: presets::default_preset().data_version,
            },
            scenario,
            mc: Default::default(),
        }
    }

    #[test]
    fn the_newest_comes_first_and_the_same_plan_is_listed_once() {
        let mut kept = KeptPlans::default();
        kept.keep(plan(15_000.0), "k1", "t1");
        kept.keep(plan(16_000.0), "k2", "t2");
        kept.keep(plan(15_000.0), "k3", "t3");
        let listed: Vec<(&str, &str)> = kept
            .plans
            .iter()
            .map(|k| (k.id.as_str(), k.modified.as_str()))
            .collect();
        assert_eq!(listed, [("k3", "t3"), ("k2", "t2")]);
        assert_eq!(kept.revision, 3);
    }

    #[test]
    fn a_plan_taken_off_the_list_is_returned_once() {
        let mut kept = KeptPlans::default();
        kept.keep(plan(15_000.0), "k1", "t1");
        assert_eq!(kept.remove("k1").map(|k| k.id), Some("k1".into()));
        assert_eq!(kept.remove("k1"), None);
        assert!(kept.plans.is_empty());
    }
}
