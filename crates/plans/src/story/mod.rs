//! Guided stories: a trainer walks a room through a plan, one step at a time. A story is data
//! (`seeds/stories/<id>.toml`, embedded like the presets): where it starts (a preset at a data
//! version), and steps, each a change to the plan in share-link keys with a caption in Chinese
//! and English, optionally a chart or target to look at and a question to ask the room before
//! the result is shown ("predict first"). Every number a caption takes from a source document
//! cites it, with a quote that must occur in the document.
//!
//! ```toml
//! format = 1
//! id = "yunnan-14wan"
//! title = "云南：“十四五”末能否突破14万人？"
//! title_en = "Yunnan: can it pass 140,000 by the end of the 14th five-year plan?"
//! preset = "yunnan"              # a preset's slug, or "new" for the blank template
//! data_version = 2               # the preset data the story was written on
//! intro = "…"
//! intro_en = "…"
//!
//! [[step]]
//! changes = "h=15000"            # link keys, applied on top of the previous step
//! caption = "…"
//! caption_en = "…"
//! highlight = "chart-talent"     # or a target metric key such as "talent"
//! question = "…"                 # optional, with question_en
//! question_en = "…"
//! choices = ["能", "不能"]         # optional: what the room picks from (absent: yes / no)
//! choices_en = ["Yes", "No"]
//! answer = 2                     # optional: the choice the result bears out, from 1
//! sources = [{ doc = "004", quote = "…" }]
//! ```
//!
//! A story that [`parse`] accepts always plays: every step's changes apply and validate, every
//! quote occurs in its document. Recorded stories ([`Recorder`]) are written in the same format
//! and travel as files or as links ([`link`]).

mod check;
mod compact;
pub mod link;
pub mod predict;
mod recorder;
mod write;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use check::{is_valid_id, quote_occurs};
pub use link::{parse_story_link, prediction_link, story_link, OpenedStory};
pub use recorder::{RecordError, Recorder, RECORDED_ID};

pub use crate::chart::Chart;

use crate::computed::Computed;
use crate::presets::{self, history};
use crate::share::changes::{apply_changes, ChangeProblem};
use crate::share::Origin;
use swplan_engine::{Metric, Scenario};

/// The story file format this app writes; later formats are refused with a message. Format 2
/// records the model's reading a story was written for (`model`); a story of format 1 was
/// written for the first reading, and replays with it.
pub const FORMAT_VERSION: u32 = 2;

/// The `preset` of a story that starts from the blank template of a new region.
pub const NEW_REGION: &str = "new";

/// A guided story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// The file format (1 when absent).
    #[serde(default = "format_one")]
    pub format: u32,
    /// The permanent id, as links name it (`story=<id>`): `a–z 0–9 - _`, at most 64 characters.
    pub id: String,
    pub title: String,
    pub title_en: String,
    /// A preset's slug, or [`NEW_REGION`].
    pub preset: String,
    /// The version of the preset's data the story was written on (absent for a new region).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_version: Option<u32>,
    /// The model's reading the story's numbers are of (see `swplan_engine::scenario::
    /// MODEL_VERSION`); absent in stories written before readings existed, which read as the
    /// first.
    #[serde(default = "first_model")]
    pub model: u32,
    /// What the story is about, read before the first step (may be empty in recorded stories).
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub intro_en: String,
    #[serde(rename = "step")]
    pub steps: Vec<Step>,
}

fn format_one() -> u32 {
    1
}

fn first_model() -> u32 {
    swplan_engine::scenario::FIRST_MODEL_VERSION
}

/// One step of a story.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Changes to the previous step's plan in link keys (`h=15000&a=0.05`); empty for "this is
    /// where the plan stands".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub changes: String,
    pub caption: String,
    pub caption_en: String,
    /// A chart id (`chart-talent`…) or a target metric key (`talent`) to draw the eye to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub highlight: Option<String>,
    /// A question for the room before the result is revealed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The figures the question asks about (metric keys), when more than the highlight says:
    /// after the reveal the presenter shows how each moved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asks: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question_en: Option<String>,
    /// The answers the room picks from on their phones (see [`predict`]), with `choices_en`;
    /// none: yes or no.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices_en: Vec<String>,
    /// The choice the model's result bears out, counted from 1 (yes is 1, no is 2), shown
    /// beside the room's predictions after the reveal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<u32>,
    /// The sentences of the source documents that the caption's numbers come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Citation>,
}

/// A sentence of a source document (`doc` is its number, e.g. `004`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub doc: String,
    pub quote: String,
}

/// A story step against the step before it (see [`Story::step_context`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepContext {
    /// What the step changes, one row per input (as a comparison of the two plans lists them).
    pub changes: Vec<crate::compare::Row>,
    /// The plan after the step before, and what the model makes of it.
    pub previous: Option<std::rc::Rc<Computed>>,
}

/// What a step draws the eye to: a chart, or the card of a target on a metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Highlight {
    Chart(Chart),
    Target(Metric),
}

impl Highlight {
    /// Reads `chart-talent` or a target metric key (`talent`, `room_coverage`).
    pub fn parse(text: &str) -> Option<Highlight> {
        if let Some(chart) = Chart::from_id(text) {
            return Some(Highlight::Chart(chart));
        }
        Metric::from_key(text)
            .filter(|m| m.goal().is_some())
            .map(Highlight::Target)
    }

    /// The text a story file holds.
    pub fn key(self) -> &'static str {
        match self {
            Highlight::Chart(chart) => chart.id(),
            Highlight::Target(metric) => metric.key(),
        }
    }
}

/// Why a story cannot be read or played. `i18n::story` words each in both languages.
#[derive(Clone, Debug, PartialEq)]
pub enum StoryError {
    /// The text is not a story file (TOML or JSON): what is wrong, and where.
    Syntax(crate::data_problem::DataProblem),
    /// Written by a newer app.
    NewerFormat { found: u32, supported: u32 },
    /// The id has characters a link cannot carry, or is empty or too long.
    BadId { id: String },
    /// A text that must be given in both languages is missing or empty in one.
    MissingText {
        field: TextField,
        step: Option<usize>,
    },
    /// The story has no step.
    NoSteps,
    /// No preset has this slug.
    UnknownPreset { slug: String },
    /// A preset needs a data version this app has (1 to `current`).
    UnknownDataVersion {
        slug: String,
        version: Option<u32>,
        current: u32,
    },
    /// The preset's history cannot rebuild the data version (a build that skipped the tests).
    BrokenHistory { slug: String },
    /// A highlight that is neither a chart id nor a target metric key.
    UnknownHighlight { step: usize, text: String },
    /// A source names a document that does not exist.
    UnknownDocument { step: usize, doc: String },
    /// A quote that does not occur in its document.
    QuoteNotFound {
        step: usize,
        doc: String,
        quote: String,
    },
    /// A step's changes cannot be applied, each problem named.
    Changes {
        step: usize,
        problems: Vec<ChangeProblem>,
    },
    /// A step past the story's end.
    NoSuchStep { step: usize, steps: usize },
    /// Choices without a question, fewer than two or more than [`predict::MAX_CHOICES`], an
    /// empty one, or not as many in English as in Chinese.
    BadChoices { step: usize },
    /// An answer that is not one of the step's choices (counted from 1).
    BadAnswer {
        step: usize,
        answer: u32,
        choices: usize,
    },
    /// A link names a story this app does not have.
    UnknownStory { id: String },
    /// A link's recorded story cannot be read (damaged or cut short).
    DamagedLink,
}

/// The texts of a story, for [`StoryError::MissingText`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    Title,
    Caption,
    Question,
    Intro,
}

impl Story {
    /// The steps, in order.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// Where the story starts, as links name it.
    pub fn origin(&self) -> Origin {
        match self.data_version {
            Some(data_version) if self.preset != NEW_REGION => Origin::Preset {
                slug: self.preset.clone(),
                data_version,
            },
            _ => Origin::Custom,
        }
    }

    /// The scenario before the first step: the preset at the story's data version (with its
    /// sources), or the blank template.
    pub fn start(&self) -> Result<Scenario, StoryError> {
        let read = |mut scenario: Scenario| {
            scenario.model = self.model;
            scenario
        };
        if self.preset == NEW_REGION {
            return Ok(read(presets::blank().clone()));
        }
        let slug = self.preset.clone();
        let current = presets::by_slug(&slug)
            .ok_or_else(|| StoryError::UnknownPreset { slug: slug.clone() })?
            .data_version;
        let Some(version) = self.data_version else {
            let version = None;
            return Err(StoryError::UnknownDataVersion {
                slug,
                version,
                current,
            });
        };
        history::scenario_at(&slug, version)
            .map(read)
            .map_err(|error| match error {
                history::HistoryError::Corrupt { .. } => StoryError::BrokenHistory { slug },
                _ => StoryError::UnknownDataVersion {
                    slug,
                    version: Some(version),
                    current,
                },
            })
    }

    /// The plan at `step` (0 is the first step): the start with the changes of every step up
    /// to and including `step` applied. Sources of changed values are dropped.
    pub fn plan_at(&self, step: usize) -> Result<Scenario, StoryError> {
        let no_such_step = StoryError::NoSuchStep {
            step,
            steps: self.steps.len(),
        };
        if step >= self.steps.len() {
            return Err(no_such_step);
        }
        self.plans_until(step)?.pop().ok_or(no_such_step)
    }

    /// Where the step before `step` left the plan and what `step` changes from it, so the
    /// presenter can show the decision before the room predicts, and the result it compares
    /// with. Empty at the first step, or when a plan cannot be simulated.
    pub fn step_context(&self, step: usize) -> StepContext {
        let (Some(previous), Ok(current)) = (
            step.checked_sub(1).and_then(|s| self.plan_at(s).ok()),
            self.plan_at(step),
        ) else {
            return StepContext::default();
        };
        StepContext {
            changes: crate::compare::diff(&[&previous, &current])
                .map(|diff| diff.rows)
                .unwrap_or_default(),
            previous: Computed::of(&previous).ok().map(std::rc::Rc::new),
        }
    }

    /// The plan at every step, in order (what a presenter steps through).
    pub fn plans(&self) -> Result<Vec<Scenario>, StoryError> {
        match self.steps.len() {
            0 => Err(StoryError::NoSteps),
            n => self.plans_until(n - 1),
        }
    }

    fn plans_until(&self, last: usize) -> Result<Vec<Scenario>, StoryError> {
        let mut scenario = self.start()?;
        let mut plans = Vec::with_capacity(last + 1);
        for (index, step) in self.steps.iter().enumerate().take(last + 1) {
            scenario = apply_changes(&scenario, &step.changes).map_err(|problems| {
                StoryError::Changes {
                    step: index,
                    problems,
                }
            })?;
            plans.push(scenario.clone());
        }
        Ok(plans)
    }
}

impl Step {
    /// The highlight as a chart or a target (a parsed story's highlights are all readable).
    pub fn highlighted(&self) -> Option<Highlight> {
        self.highlight.as_deref().and_then(Highlight::parse)
    }

    /// What the room picks from for the step's question; `None` without a question.
    pub fn choices(&self) -> Option<predict::Choices<'_>> {
        self.question.as_ref()?;
        Some(if self.choices.is_empty() {
            predict::Choices::YesNo
        } else {
            predict::Choices::Listed {
                zh: &self.choices,
                en: &self.choices_en,
            }
        })
    }

    /// The figures the question names in `asks` (unknown keys are refused when a story is read).
    pub fn asked(&self) -> Vec<Metric> {
        self.asks
            .iter()
            .filter_map(|k| Metric::from_key(k))
            .collect()
    }
}

/// Reads and checks a story: TOML (natively), or JSON when the text starts with `{`. A story
/// this returns plays to its end (see the module's documentation).
pub fn parse(text: &str) -> Result<Story, StoryError> {
    let story = if text.trim_start().starts_with('{') {
        crate::data_problem::from_json::<Story>(text).map_err(StoryError::Syntax)?
    } else {
        parse_toml(text)?
    };
    check::check(&story)?;
    Ok(story)
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_toml(text: &str) -> Result<Story, StoryError> {
    use crate::data_problem::{from_toml, toml_syntax};
    let table: toml::Table =
        toml::from_str(text).map_err(|e| StoryError::Syntax(toml_syntax(text, &e)))?;
    from_toml(table).map_err(StoryError::Syntax)
}

/// The browser carries no TOML parser (see `build.rs`); it reads stories as JSON.
#[cfg(target_arch = "wasm32")]
fn parse_toml(_text: &str) -> Result<Story, StoryError> {
    Err(StoryError::Syntax(
        crate::data_problem::DataProblem::NotData,
    ))
}

/// `seeds/stories/*.toml` as JSON, converted by `build.rs`: (file stem, text), by file name.
const FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/story_files.rs"));

/// The built-in stories, in file-name order. A file that does not parse is left out here and
/// fails the test `every_built_in_story_parses`.
pub fn all() -> &'static [Story] {
    static STORIES: OnceLock<Vec<Story>> = OnceLock::new();
    STORIES.get_or_init(|| {
        FILES
            .iter()
            .filter_map(|(_, text)| parse(text).ok())
            .collect()
    })
}

/// The built-in story with this id.
pub fn by_id(id: &str) -> Option<&'static Story> {
    all().iter().find(|story| story.id == id)
}

/// Every built-in story file, parsed: (file stem, result), for tests and diagnostics.
pub fn files() -> Vec<(&'static str, Result<Story, StoryError>)> {
    FILES
        .iter()
        .map(|(stem, text)| (*stem, parse(text)))
        .collect()
}

// Native only: the specifications read stories written in TOML.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
