//! The session: what belongs to this visit rather than to a plan — the language, the Monte
//! Carlo settings, which panel is open, and what the user must be told.

use crate::i18n::Lang;
use crate::model::montecarlo::Settings;
use crate::model::Metric;

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub lang: Lang,
    pub mc: Settings,
    /// Messages about something outside the plan (storage, links), newest last.
    pub notices: Vec<Notice>,
    /// The parameter whose per-year editor is open.
    pub schedule_open: Option<&'static str>,
    /// Which column a narrow screen shows: the results or the settings.
    pub view: View,
    /// The last destructive edit, offered for undo until the next one.
    pub undo_hint: Option<UndoHint>,
}

/// Which column a narrow screen shows. Wide screens show both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Results,
    Settings,
}

/// Something the user must be told that is not about a field.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The browser refused to store something (full, blocked or absent storage).
    StorageFailed,
}

/// A destructive edit that was just made, so the page can offer "undo" beside its message.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum UndoHint {
    /// A schedule that varied by year was replaced by one value.
    ScheduleReplaced { key: &'static str },
    /// A target was removed.
    TargetRemoved { metric: Metric },
    /// The plan was started over from a preset or a blank region.
    StartedOver,
}

impl Session {
    pub fn new(lang: Lang) -> Session {
        Session {
            lang,
            mc: Settings::default(),
            notices: Vec::new(),
            schedule_open: None,
            view: View::default(),
            undo_hint: None,
        }
    }

    /// Adds a notice unless the same one is already showing.
    pub fn notify(&mut self, notice: Notice) {
        if !self.notices.contains(&notice) {
            self.notices.push(notice);
        }
    }
}
