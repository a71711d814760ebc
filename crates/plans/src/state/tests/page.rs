//! The page as a planner lives it across visits: what opens, what is kept aside, what is said.
//! Each test is a sequence — edit, open a link, open another, reload, restore — through what
//! the page writes to storage and reads back on its next opening.

use super::*;
use crate::share::save::{PlanProblem, RejectedPlan, SaveError};
use crate::share::ProblemKind;
use swplan_engine::Yearly;

const NOW: &str = "2026-11-23T12:00:00Z";

/// Opens a page at `address` on what storage holds.
fn open(address: &str, stored: Stored) -> State {
    State::open_page(address, Lang::Zh, Some(stored), NOW)
}

/// What the page wrote to storage, as the next page opening reads it.
fn stored(page: &State) -> Stored {
    Stored {
        autosave: Some(page.autosave()),
        saves: page.session.library.saves.clone(),
        kept: page.session.kept.plans.clone(),
        stories: page.session.stories.stories.clone(),
        set_aside: Vec::new(),
        view: page.stored_view(),
    }
}

/// The address of the page: the plans on screen as a link.
fn address(page: &State) -> String {
    format!("?{}", crate::share::encode(&page.specs(), None))
}

fn hires(page: &State) -> Yearly {
    page.plan().scenario.levers.hires.clone()
}

/// The kept plans by region and new talent per year.
fn kept(page: &State) -> Vec<(String, Yearly)> {
    page.session
        .kept
        .plans
        .iter()
        .map(|k| (k.scenario.region.clone(), k.scenario.levers.hires.clone()))
        .collect()
}

fn edited_yunnan() -> State {
    let mut page = open("", Stored::default());
    page.apply(Action::SetValue {
        key: "hires",
        value: 15_000.0,
    });
    page
}

#[test]
fn an_edited_plan_is_kept_when_a_link_opens_and_a_second_link_does_not_displace_it() {
    let page = edited_yunnan();
    let page = open("?v=2&p=ningxia.2", stored(&page));
    assert_eq!(page.plan().origin.slug(), Some("ningxia"));
    assert_eq!(
        kept(&page),
        [("yunnan".to_string(), Yearly::Constant(15_000.0))]
    );
    // The first link's plan was only opened: the second link replaces it and keeps nothing new.
    let page = open("?v=2&p=guizhou.2", stored(&page));
    assert_eq!(page.plan().origin.slug(), Some("guizhou"));
    assert_eq!(
        kept(&page),
        [("yunnan".to_string(), Yearly::Constant(15_000.0))]
    );
}

#[test]
fn a_kept_plan_comes_back_with_its_edits_and_leaves_the_list() {
    let page = edited_yunnan();
    let page = open("?v=2&p=ningxia.2", stored(&page));
    let mut page = open("?v=2&p=guizhou.2", stored(&page));
    let id = page.session.kept.plans[0].id.clone();
    page.apply(Action::RestoreKept {
        id,
        now: NOW.into(),
    });
    assert_eq!(page.plan().origin.slug(), Some("yunnan"));
    assert_eq!(hires(&page), Yearly::Constant(15_000.0));
    assert!(page.session.kept.plans.is_empty());
    // And it is work again: the next link keeps it aside once more.
    let page = open("?v=2&p=lhasa.2", stored(&page));
    assert_eq!(kept(&page).len(), 1);
}

#[test]
fn a_chain_of_broken_links_does_not_lose_an_edited_plan() {
    let page = edited_yunnan();
    let page = open("?v=2&p=ningxia.2&h=abc", stored(&page));
    assert!(
        !page.session.notices.is_empty(),
        "the first says what it could not read"
    );
    let page = open("?v=2&c=zzzzz&p=guizhou.2&h=9", stored(&page));
    let page = open("?%%%25%zz%E4%B8", stored(&page));
    let page = open("?v=2&p=nowhere.3", stored(&page));
    assert_eq!(
        kept(&page),
        [("yunnan".to_string(), Yearly::Constant(15_000.0))]
    );
}

#[test]
fn an_edited_link_plan_is_kept_too() {
    let page = open("?v=2&p=ningxia.2", Stored::default());
    let mut page = open("?v=2&p=ningxia.2", stored(&page));
    page.apply(Action::SetValue {
        key: "hires",
        value: 3_000.0,
    });
    let page = open("?v=2&p=guizhou.2", stored(&page));
    assert_eq!(
        kept(&page),
        [("ningxia".to_string(), Yearly::Constant(3_000.0))]
    );
}

#[test]
fn a_save_unchanged_is_not_kept_aside_but_its_unsaved_changes_are() {
    let mut page = edited_yunnan();
    save_as(&mut page, "s1", "稳步增长");
    let page = open("?v=2&p=ningxia.2", stored(&page));
    assert!(kept(&page).is_empty(), "the save keeps it");
    let mut page = open("", stored(&page));
    page.apply(Action::OpenSave {
        id: "s1".into(),
        now: NOW.into(),
    });
    page.apply(Action::SetValue {
        key: "hires",
        value: 16_000.0,
    });
    let page = open("?v=2&p=guizhou.2", stored(&page));
    assert_eq!(
        kept(&page),
        [("yunnan".to_string(), Yearly::Constant(16_000.0))]
    );
}

#[test]
fn a_link_pasted_over_unsaved_work_keeps_it_and_undo_takes_it_off_the_list() {
    let mut page = edited_yunnan();
    page.apply(Action::OpenLink {
        opened: Box::new(crate::share::decode("?v=2&p=ningxia.2")),
        now: NOW.into(),
    });
    assert_eq!(kept(&page).len(), 1);
    // After a reload the undo is gone, the kept plan is not.
    let page_after_reload = open(&address(&page), stored(&page));
    assert_eq!(kept(&page_after_reload).len(), 1);
    page.apply(Action::Undo);
    assert_eq!(hires(&page), Yearly::Constant(15_000.0));
    assert!(kept(&page).is_empty(), "back on screen");
}

#[test]
fn a_kept_plan_can_be_dismissed() {
    let page = edited_yunnan();
    let mut page = open("?v=2&p=ningxia.2", stored(&page));
    let id = page.session.kept.plans[0].id.clone();
    let revision = page.session.kept.revision;
    page.apply(Action::DismissKept(id));
    assert!(page.session.kept.plans.is_empty());
    assert!(page.session.kept.revision > revision, "written to storage");
}

#[test]
fn another_tabs_kept_plans_are_read_in() {
    let page = edited_yunnan();
    let other = open("?v=2&p=ningxia.2", stored(&page));
    let mut page = open("", Stored::default());
    page.apply(Action::KeptFromStorage(other.session.kept.plans.clone()));
    assert_eq!(kept(&page).len(), 1);
}

#[test]
fn a_reload_after_editing_one_year_is_the_same_plan_and_still_its_save() {
    let mut page = open("", Stored::default());
    save_as(&mut page, "s1", "逐年");
    page.apply(Action::SetYear {
        key: "hires",
        index: 1,
        value: 15_000.0,
    });
    page.apply(Action::SaveOver { now: NOW.into() });
    assert_eq!(page.current_save().map(|(_, changed)| changed), Some(false));
    let reloaded = open(&address(&page), stored(&page));
    assert!(kept(&reloaded).is_empty(), "nothing to keep: the same plan");
    assert!(reloaded.session.notices.is_empty(), "nothing to say");
    assert_eq!(
        reloaded
            .current_save()
            .map(|(save, changed)| (save.id.as_str(), changed)),
        Some(("s1", false)),
        "still the save, without unsaved changes"
    );
}

#[test]
fn a_reload_of_an_edited_plan_keeps_it_work() {
    let page = edited_yunnan();
    let reloaded = open(&address(&page), stored(&page));
    assert_eq!(hires(&reloaded), Yearly::Constant(15_000.0));
    // Reopened through its address, it is still the planner's work, not "a link's plan".
    let page = open("?v=2&p=ningxia.2", stored(&reloaded));
    assert_eq!(kept(&page).len(), 1);
}

#[test]
fn an_unreadable_address_says_so_and_opens_the_plan_being_worked_on() {
    let page = edited_yunnan();
    let page = open("?%%%25%zz%E4%B8", stored(&page));
    assert_eq!(hires(&page), Yearly::Constant(15_000.0));
    assert_eq!(
        page.session.notices,
        vec![Notice::LinkUnreadable {
            shown: ShownInstead::Work,
            kept: false
        }]
    );
    let fresh = open("?%%%25%zz%E4%B8", Stored::default());
    assert_eq!(
        fresh.session.notices,
        vec![Notice::LinkUnreadable {
            shown: ShownInstead::DefaultPreset,
            kept: false
        }]
    );
    for plain in ["", "?lang=en", "?workers=0"] {
        assert!(
            open(plain, Stored::default()).session.notices.is_empty(),
            "{plain}"
        );
    }
    // The link reader agrees: not a link.
    assert!(crate::share::decode("?%%%25%zz%E4%B8")
        .problems
        .iter()
        .any(|p| p.kind == ProblemKind::NotALink));
}

#[test]
fn an_unreadable_address_after_a_link_to_nothing_says_the_unedited_plan_is_shown() {
    // Edited Yunnan; a link to a preset that does not exist opens the default preset (the
    // edits kept aside); then an address that is no link at all.
    let page = edited_yunnan();
    let page = open("?v=2&p=nowhere.9", stored(&page));
    assert_eq!(hires(&page), Yearly::Constant(12_000.0));
    assert_eq!(kept(&page).len(), 1);
    let page = open("?%%%25%zz%E4%B8", stored(&page));
    // On screen: the unedited preset, not the planner's edits, which are kept aside.
    assert_eq!(hires(&page), Yearly::Constant(12_000.0));
    assert!(!page.has_unsaved_edits());
    assert_eq!(
        kept(&page),
        vec![("yunnan".to_string(), Yearly::Constant(15_000.0))]
    );
    assert_eq!(
        page.session.notices,
        vec![Notice::LinkUnreadable {
            shown: ShownInstead::LastShown {
                name: None,
                region: presets::default_preset().scenario.name.clone(),
            },
            kept: true,
        }]
    );
}

#[test]
fn storage_set_aside_is_said_once_and_listed_until_deleted() {
    let aside = SetAside {
        key: "swplan.corrupt.swplan.v1.saves.1".into(),
        entry: StoredEntry::Saves,
        at: NOW.into(),
        found_now: Some(Unreadable::Whole(SaveError::NoPlans)),
    };
    let earlier = SetAside {
        key: "swplan.corrupt.swplan.v1.saves.0".into(),
        found_now: None,
        ..aside.clone()
    };
    let stored = Stored {
        set_aside: vec![aside.clone(), earlier],
        ..Stored::default()
    };
    let mut page = open("", stored);
    assert_eq!(
        page.session.notices,
        vec![Notice::StorageSetAside {
            entry: StoredEntry::Saves,
            key: aside.key.clone(),
            unreadable: Unreadable::Whole(SaveError::NoPlans),
        }]
    );
    assert_eq!(page.session.library.set_aside.len(), 2);
    page.apply(Action::ForgetSetAside(aside.key.clone()));
    assert_eq!(page.session.library.set_aside.len(), 1);
    assert!(page.session.notices.is_empty(), "its notice goes with it");
}

#[test]
fn unreadable_plans_set_aside_are_named() {
    let rejected = RejectedPlan {
        index: 1,
        name: Some("坏方案".into()),
        problem: PlanProblem::NotAnObject,
    };
    let stored = Stored {
        set_aside: vec![SetAside {
            key: "k".into(),
            entry: StoredEntry::Saves,
            at: NOW.into(),
            found_now: Some(Unreadable::Plans {
                rejected: vec![rejected.clone()],
                readable: 2,
            }),
        }],
        ..Stored::default()
    };
    let page = open("", stored);
    assert!(matches!(
        &page.session.notices[..],
        [Notice::StorageSetAside { unreadable: Unreadable::Plans { rejected: r, readable: 2 }, .. }] if *r == vec![rejected]
    ));
}

#[test]
fn a_browser_that_stores_nothing_opens_the_link_and_says_so() {
    let page = State::open_page("?v=2&p=ningxia.2", Lang::En, None, NOW);
    assert_eq!(page.plan().origin.slug(), Some("ningxia"));
    assert_eq!(page.session.notices, vec![Notice::StorageUnavailable]);
}

#[test]
fn a_reload_keeps_the_reprojection_drawn_and_a_link_elsewhere_does_not_carry_it() {
    use crate::state::life::LifeAction;
    use swplan_engine::Metric;
    let mut page = open("", Stored::default());
    for (year, talent) in [(2021, 90_000.0), (2022, 95_000.0)] {
        page.apply(Action::Life(LifeAction::EnterActual {
            metric: Metric::Talent,
            year,
            text: talent.to_string(),
            value: Some(talent),
        }));
    }
    page.apply(Action::Life(LifeAction::ShowReprojection(true)));
    assert_eq!(page.stored_view(), StoredView { reprojection: true });
    let reloaded = open(&address(&page), stored(&page));
    assert!(reloaded.session.life.show_reprojection);
    assert!(reloaded
        .plan()
        .computed
        .actuals
        .as_ref()
        .unwrap()
        .reprojection
        .is_some());
    // The link is the plan's numbers only: a fresh browser opens it as its reader last looked.
    let elsewhere = open(&address(&page), Stored::default());
    assert!(!elsewhere.session.life.show_reprojection);
    assert_eq!(
        elsewhere.plan().scenario.actuals,
        page.plan().scenario.actuals
    );
    // Hidden again, it stays hidden over a reload.
    let mut page = reloaded;
    page.apply(Action::Life(LifeAction::ShowReprojection(false)));
    assert!(
        !open(&address(&page), stored(&page))
            .session
            .life
            .show_reprojection
    );
}

#[test]
fn stored_view_settings_read_back_and_anything_unreadable_is_the_default_view() {
    let view = StoredView { reprojection: true };
    assert_eq!(StoredView::from_json(&view.to_json()), view);
    for text in ["", "nonsense", "{\"reprojection\":\"yes\"}", "[]"] {
        assert_eq!(StoredView::from_json(text), StoredView::default(), "{text}");
    }
    // A setting of a later version is ignored, the known ones kept.
    assert_eq!(
        StoredView::from_json("{\"reprojection\":true,\"later\":1}"),
        view
    );
}
