//! Recording a story in the app: the trainer sets up the plan, writes a caption, and presses
//! "add step"; each step captures the changes since the step before. The first step captures
//! the plan's own changes from its origin, so the recording replays from the origin alone.
//! Pure: the app keeps a `Recorder` in its state and calls these functions.

use super::link::story_link;
use super::{Highlight, Step, Story, StoryError, FORMAT_VERSION, NEW_REGION};
use crate::share::changes::{apply_changes, encode_changes};
use crate::share::{baseline, normalized, Origin, PlanSpec};
use swplan_engine::{validate, RegionName, Scenario, ValidationErrors};

/// The id a recorded story has until the trainer names it.
pub const RECORDED_ID: &str = "recorded";

/// A story being recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct Recorder {
    /// The story's id in a file (`recorded` until changed).
    pub id: String,
    pub title: String,
    pub title_en: String,
    pub intro: String,
    pub intro_en: String,
    origin: Origin,
    /// The region the recording is about (its slug and name): steps of another region's plan
    /// are refused.
    region: String,
    region_name: RegionName,
    /// The plan as the last step left it (the origin's scenario before the first step).
    last: Scenario,
    /// The model's reading of the plan the recording started from: the story replays with it.
    model: u32,
    steps: Vec<Step>,
}

/// Why a step cannot be added. `i18n::story` words each in both languages.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordError {
    /// Neither a Chinese nor an English caption was given.
    NoCaption,
    /// The plan on screen is not valid.
    Invalid(ValidationErrors),
    /// The plan on screen is of another region than the one being recorded.
    OtherRegion {
        recording: RegionName,
        found: RegionName,
    },
    /// Not a chart id nor a target metric key.
    UnknownHighlight { text: String },
    /// The captured changes do not rebuild the plan (a model feature links cannot carry).
    NotCaptured { changes: String },
}

impl Recorder {
    /// Starts recording from `plan`: the story starts at the plan's origin (a preset at its
    /// data version, or the blank template). `title` is its title in Chinese and English until
    /// the trainer names it (the app words one after the region).
    pub fn new(plan: &PlanSpec, title: [String; 2]) -> Recorder {
        // The region as the app holds it, before `normalized` gives a custom region the
        // template's slug: steps are compared with what the app will pass.
        let region = plan.scenario.region.clone();
        let plan = normalized(plan);
        let [title, title_en] = title;
        Recorder {
            id: RECORDED_ID.to_string(),
            title,
            title_en,
            intro: String::new(),
            intro_en: String::new(),
            last: Scenario {
                model: plan.scenario.model,
                ..baseline(&plan.origin).clone()
            },
            model: plan.scenario.model,
            region,
            region_name: plan.scenario.name.clone(),
            origin: plan.origin,
            steps: Vec::new(),
        }
    }

    /// Captures the changes from the last step to `current` as a new step. A caption given in
    /// one language only is used for both, so that no step is blank in either language.
    pub fn add_step(
        &mut self,
        current: &Scenario,
        caption_zh: &str,
        caption_en: &str,
        highlight: Option<&str>,
        question: Option<(&str, &str)>,
    ) -> Result<&Step, RecordError> {
        let (caption, caption_en) = both_languages(caption_zh, caption_en);
        if caption.is_empty() {
            return Err(RecordError::NoCaption);
        }
        if current.region != self.region {
            return Err(RecordError::OtherRegion {
                recording: self.region_name.clone(),
                found: current.name.clone(),
            });
        }
        validate(current).map_err(RecordError::Invalid)?;
        let highlight = match highlight.map(str::trim).filter(|h| !h.is_empty()) {
            None => None,
            Some(text) => match Highlight::parse(text) {
                Some(parsed) => Some(parsed.key().to_string()),
                None => {
                    let text = text.to_string();
                    return Err(RecordError::UnknownHighlight { text });
                }
            },
        };
        let question = question
            .map(|(zh, en)| both_languages(zh, en))
            .filter(|(zh, _)| !zh.is_empty());
        let changes = encode_changes(&self.last, current);
        let replayed =
            apply_changes(&self.last, &changes).map_err(|_| RecordError::NotCaptured {
                changes: changes.clone(),
            })?;
        if !encode_changes(&replayed, current).is_empty() {
            return Err(RecordError::NotCaptured { changes });
        }
        let (question, question_en) = question.unzip();
        self.steps.push(Step {
            changes,
            caption,
            caption_en,
            highlight,
            question,
            question_en,
            // A recorded question asks about what the step highlights.
            asks: Vec::new(),
            // A recorded question is answered yes or no.
            choices: Vec::new(),
            choices_en: Vec::new(),
            answer: None,
            sources: Vec::new(),
        });
        self.last = replayed;
        // Cannot fail: a step was pushed on the line above.
        Ok(&self.steps[self.steps.len() - 1])
    }

    /// Takes back the last step; the next step captures its changes again.
    pub fn undo_step(&mut self) -> Option<Step> {
        let step = self.steps.pop()?;
        let story = self.story();
        self.last = match story.plans() {
            Ok(mut plans) => plans
                .pop()
                .unwrap_or_else(|| baseline(&self.origin).clone()),
            // Every recorded step replayed when it was added; with none left, the origin.
            Err(_) => baseline(&self.origin).clone(),
        };
        Some(step)
    }

    /// The steps recorded so far.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The recording as a story (which `story::parse` accepts once it has a step).
    pub fn story(&self) -> Story {
        let (preset, data_version) = match &self.origin {
            Origin::Preset { slug, data_version } => (slug.clone(), Some(*data_version)),
            Origin::Custom => (NEW_REGION.to_string(), None),
        };
        Story {
            format: FORMAT_VERSION,
            id: self.id.clone(),
            title: self.title.clone(),
            title_en: self.title_en.clone(),
            preset,
            data_version,
            model: self.model,
            intro: self.intro.clone(),
            intro_en: self.intro_en.clone(),
            steps: self.steps.clone(),
        }
    }

    /// The recording as a file for `seeds/stories/`.
    pub fn to_toml(&self) -> String {
        self.story().to_toml()
    }

    /// The recording as a file the app opens.
    pub fn to_json(&self) -> String {
        self.story().to_json()
    }

    /// A link that opens the recording at its first step, the story carried in `sr`:
    /// `base_url?query`, or the query alone without a base. Fails only without a step.
    pub fn to_link(&self, base_url: Option<&str>) -> Result<String, StoryError> {
        story_link(&self.story(), 0, base_url, None)
    }
}

/// Both texts trimmed; an empty one takes the other's text.
fn both_languages(zh: &str, en: &str) -> (String, String) {
    let (zh, en) = (zh.trim(), en.trim());
    match (zh.is_empty(), en.is_empty()) {
        (true, false) => (en.to_string(), en.to_string()),
        (false, true) => (zh.to_string(), zh.to_string()),
        _ => (zh.to_string(), en.to_string()),
    }
}
