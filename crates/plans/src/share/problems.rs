//! What a link could not deliver (problems) and what the planner should know although nothing
//! was lost (notices), as data; `messages` words them in both languages.

use crate::presets::history::Correction;
use swplan_engine::ValidationError;

/// One key of a link that could not be used as written.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkProblem {
    /// The plan it belongs to: 0 for the first, 1–3 for plans of a comparison (`1.h`).
    pub plan: usize,
    /// The key as the link writes it, without the plan prefix (`h`, `t`, `p`).
    pub key: String,
    pub kind: ProblemKind,
    /// What was used instead.
    pub fallback: Fallback,
}

/// Why a key could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// A parameter, runs or seed that is not a number.
    NotANumber { text: String },
    /// A yearly parameter that is neither a number, a list (`1_2`) nor growth (`1g0.05`).
    NotASchedule { text: String },
    /// A list or growth given for a parameter that takes one number.
    OneNumberOnly { text: String },
    /// A base or last year that is not a whole number.
    NotAYear { text: String },
    /// A name that is not base64url of UTF-8 text.
    NotAName,
    /// `p` names no preset.
    UnknownPreset { slug: String },
    /// `p` names a data version this app does not have (0, or later than its own).
    UnknownDataVersion {
        slug: String,
        version: String,
        current: u32,
    },
    /// The plan has no `p`.
    MissingOrigin,
    /// A target names a metric code that does not exist.
    UnknownMetric { code: String },
    /// A target entry is not `metric-threshold-deadline`.
    NotATarget { entry: String },
    /// `lang` is neither `zh` nor `en`.
    UnknownLanguage { text: String },
    /// `mr` is outside the accepted number of runs.
    RunsOutOfRange {
        text: String,
        min: usize,
        max: usize,
    },
    /// `v` is not a whole number.
    NotAVersion { text: String },
    /// `v` is missing from a link that names a plan (`p`): read as the current format.
    MissingVersion,
    /// The text holds no share link at all.
    NotALink,
    /// `story` or `step` cannot be read.
    NotAStory { text: String },
    /// The key appears more than once; the first is used.
    Duplicate,
    /// The value was read but makes the plan invalid (the validation error says why).
    Invalid { error: ValidationError },
    /// The values together make the plan invalid in a way no single key explains.
    Inconsistent,
    /// The link's checksum (`c`) does not match: it was cut short or changed after it was made.
    Damaged,
    /// `m` names a model reading this app does not know.
    UnknownModel { text: String },
    /// A part of `ac` (a figure, or a run of years) that cannot be read.
    NotAnActual { text: String },
    /// An actual figure that cannot be used in this plan (a year outside it, a part above its
    /// whole): it is left out.
    UnusableActual {
        problem: swplan_engine::deviation::ActualsProblem,
    },
}

/// What the app used instead of a key it could not use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fallback {
    /// The preset's value (the data version the link names).
    PresetValue,
    /// The blank template's value (custom regions).
    TemplateValue,
    /// The default preset.
    DefaultPreset,
    /// The preset's current data.
    CurrentData,
    /// The origin of the link's first plan.
    FirstPlanOrigin,
    /// The first occurrence of the key.
    FirstOccurrence,
    /// Nothing: the key is dropped (a target, a name, a language, a story).
    Dropped,
    /// What the link still holds is used as it is.
    Kept,
    /// The default Monte Carlo settings.
    DefaultSetting,
    /// The link is read as the current format.
    CurrentFormat,
    /// The plan is computed with the current model reading.
    CurrentModel,
}

/// Something the planner should know about a link that opened fully.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkNotice {
    /// The link was written by a newer app (format `found`); what this app knows was read.
    NewerFormat { found: u32, supported: u32 },
    /// A plan was made on older preset data: it opens with those numbers, and the corrections
    /// since are listed so the app can offer to switch to the current data.
    OlderData(OlderData),
}

/// A plan made on an older version of a preset's data.
#[derive(Clone, Debug, PartialEq)]
pub struct OlderData {
    /// The plan it concerns (0 for the first).
    pub plan: usize,
    pub slug: String,
    /// The data version the plan was made on.
    pub made_with: u32,
    /// The preset's data version today.
    pub current: u32,
    /// The corrections since, oldest first: which keys changed, and why.
    pub corrections: Vec<Correction>,
}

/// Collects the problems of one plan.
pub(super) struct Reader<'a> {
    pub plan: usize,
    pub problems: &'a mut Vec<LinkProblem>,
}

impl Reader<'_> {
    pub fn problem(&mut self, key: &str, kind: ProblemKind, fallback: Fallback) {
        self.problems.push(LinkProblem {
            plan: self.plan,
            key: key.to_string(),
            kind,
            fallback,
        });
    }
}
