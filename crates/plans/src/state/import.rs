//! Plans read from a file into the saves. A plan that is already in the list — the same save
//! (by id), or a save of the same name — is not silently doubled: the planner is told which
//! and chooses to skip them, keep both or replace the ones in the list. What the import did is
//! shown in the saves dialog, where it began.

use super::library::Library;
use crate::share::same_numbers;
use crate::share::save::{RejectedPlan, SaveError, SavedPlan};
use crate::Lang;

/// A plan of the file that is already in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    /// Its position among the file's readable plans.
    pub index: usize,
    /// The id of the save it matches.
    pub existing: String,
    /// Whether it gives the same numbers as that save (an exact copy) or different ones.
    pub same_numbers: bool,
}

/// A file's plans waiting for the planner's choice about those already in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    pub plans: Vec<SavedPlan>,
    pub rejected: Vec<RejectedPlan>,
    pub duplicates: Vec<Duplicate>,
}

/// What to do with the plans that are already in the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportChoice {
    /// Leave them out: the list keeps its own.
    Skip,
    /// Add them too, under a numbered name ("方案A (2)").
    KeepBoth,
    /// Put them in place of the ones in the list.
    Replace,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// Plans added to the list (under their new names when both were kept).
    pub added: Vec<SavedPlan>,
    /// Saves whose plan the file's replaced.
    pub replaced: Vec<SavedPlan>,
    /// The file's plans left out because they were already there.
    pub skipped: Vec<SavedPlan>,
    /// The file's plans that could not be read, and why.
    pub rejected: Vec<RejectedPlan>,
}

/// Where an import stands, shown in the saves dialog until the planner does something else.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportOutcome {
    /// Some plans are already in the list: waiting for the planner's choice.
    Asking(PendingImport),
    Done(ImportReport),
    /// The file could not be read at all; nothing was imported.
    Failed(SaveError),
}

/// The save a file's plan matches: the same id, else the same name.
fn matching<'a>(library: &'a Library, plan: &SavedPlan) -> Option<&'a SavedPlan> {
    library.get(&plan.id).or_else(|| {
        let name = plan.name.as_deref().map(str::trim)?;
        library
            .saves
            .iter()
            .find(|save| save.name.as_deref().map(str::trim) == Some(name))
    })
}

/// The file's plans that are already in the list.
pub fn duplicates(library: &Library, plans: &[SavedPlan]) -> Vec<Duplicate> {
    plans
        .iter()
        .enumerate()
        .filter_map(|(index, plan)| {
            let existing = matching(library, plan)?;
            Some(Duplicate {
                index,
                existing: existing.id.clone(),
                same_numbers: same_numbers(&existing.plan(), &plan.plan()),
            })
        })
        .collect()
}

/// The first of `base`, "`base` (2)"-like candidates that `taken` does not hold.
fn first_free(candidates: impl Iterator<Item = String>, taken: impl Fn(&str) -> bool) -> String {
    candidates
        .into_iter()
        .find(|candidate| !taken(candidate))
        .unwrap_or_default()
}

/// Adds the file's plans as the planner chose; the list keeps the file's order at its top.
pub fn apply(
    library: &mut Library,
    pending: PendingImport,
    choice: ImportChoice,
    lang: Lang,
) -> ImportReport {
    let mut report = ImportReport {
        rejected: pending.rejected,
        ..ImportReport::default()
    };
    let mut to_add = Vec::new();
    for (index, mut plan) in pending.plans.into_iter().enumerate() {
        let duplicate = pending.duplicates.iter().find(|d| d.index == index);
        match (duplicate, choice) {
            (None, _) => to_add.push(plan),
            (Some(_), ImportChoice::Skip) => report.skipped.push(plan),
            (Some(duplicate), ImportChoice::Replace) => {
                if let Some(save) = library
                    .saves
                    .iter_mut()
                    .find(|s| s.id == duplicate.existing)
                {
                    let (id, created) = (save.id.clone(), save.created.clone());
                    *save = SavedPlan {
                        id,
                        created,
                        ..plan
                    };
                    report.replaced.push(save.clone());
                    library.revision += 1;
                } else {
                    // Removed meanwhile (another tab): nothing to replace, so it is added.
                    to_add.push(plan);
                }
            }
            (Some(_), ImportChoice::KeepBoth) => {
                let title = plan.title(lang);
                let taken = |name: &str| {
                    library
                        .saves
                        .iter()
                        .chain(&to_add)
                        .any(|s| s.title(lang) == name)
                };
                plan.name = Some(first_free((2..).map(|n| format!("{title} ({n})")), taken));
                to_add.push(plan);
            }
        }
    }
    // Ids the list does not hold yet (an empty one, or the id of a save kept beside it).
    for i in 0..to_add.len() {
        let id = to_add[i].id.trim();
        let base = if id.is_empty() { "import" } else { id }.to_string();
        let taken = |candidate: &str| {
            library.get(candidate).is_some() || to_add[..i].iter().any(|plan| plan.id == candidate)
        };
        let candidates = std::iter::once(base.clone()).chain((2..).map(|n| format!("{base}-{n}")));
        to_add[i].id = first_free(candidates, taken);
    }
    // Added in reverse so the file's first plan ends up first.
    for plan in to_add.iter().rev() {
        library.add(plan.clone());
    }
    report.added = to_add;
    report
}
