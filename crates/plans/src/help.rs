//! The manual's topics (使用说明 and 模型说明), one typed identity each: the slug that anchors
//! its section, links to it (`?help=what-it-takes`) and `swplan help TOPIC`; the part it sits in;
//! and the feature of the app it opens. The words are in `swplan_words::manual`; a test there
//! checks that every topic has its section in both languages and every section is a topic.

use swplan_engine::params::{self, Group};
use swplan_engine::Metric;

use crate::share::LinkKey;

/// Where the manual opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HelpTopic {
    /// The top of the manual: its contents. Also where an unknown topic of a link opens.
    Contents,
    /// A section of the contents.
    Section(Section),
    /// A group of parameters, as the settings group them.
    Group(Group),
    /// A parameter's entry, by its registry key.
    Param(&'static str),
    /// An output figure's entry.
    Figure(Metric),
}

/// The sections of the manual, in reading order: the tasks of the user guide, then the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// 使用说明: the user guide's title and introduction.
    Guide,
    Tour,
    Explore,
    OwnRegion,
    Schedules,
    TargetCards,
    WhatItTakes,
    ShareSave,
    Compare,
    Actuals,
    RollUp,
    Cheapest,
    Sensitivity,
    PrintExport,
    Present,
    Stories,
    Workshop,
    CommandLine,
    Questions,
    /// 模型说明: the model's title and introduction.
    Model,
    ModelYear,
    ModelTalent,
    ModelCertified,
    ModelStations,
    ModelRooms,
    ModelCoverage,
    ModelPositions,
    ModelBudget,
    ModelInputs,
    ModelFigures,
    ModelTargets,
    ModelValidation,
    ModelMonteCarlo,
    ModelSeek,
    ModelOptimiser,
    ModelSensitivity,
    ModelActuals,
    ModelReadings,
    ModelLimits,
}

/// The two parts of the manual.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// 使用说明 / How to use.
    Guide,
    /// 模型说明 / The model.
    Model,
}

/// A feature of the app that a topic opens ("open it" beside the section): a dialog, a control
/// brought into view and focused, a view. The page decides how (`crates/web/src/manual/open.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Feature {
    /// The preset picker in the header.
    PresetPicker,
    /// 地区与目标: the region's name, years and targets.
    RegionAndTargets,
    /// The per-year editor of a yearly lever.
    Schedule(&'static str),
    /// The target cards.
    TargetCards,
    /// "What it takes" on the first target card.
    WhatItTakes,
    Share,
    Saves,
    /// The comparison bar under the cards.
    Compare,
    /// Actual figures and calibration (issue 21).
    Actuals,
    /// A province rolled up from its cities (issue 21).
    RollUp,
    /// The cheapest plan (issue 22).
    Cheapest,
    /// Which lever matters most (issue 22).
    Sensitivity,
    /// The export menu: the CSV and the printed report.
    Export,
    Presenter,
    Stories,
    Pool,
    /// A setting (a parameter's control), by registry key.
    Setting(&'static str),
    /// The Monte Carlo's runs and seed.
    MonteCarloSettings,
}

impl Section {
    pub const ALL: [Section; 39] = [
        Section::Guide,
        Section::Tour,
        Section::Explore,
        Section::OwnRegion,
        Section::Schedules,
        Section::TargetCards,
        Section::WhatItTakes,
        Section::ShareSave,
        Section::Compare,
        Section::Actuals,
        Section::RollUp,
        Section::Cheapest,
        Section::Sensitivity,
        Section::PrintExport,
        Section::Present,
        Section::Stories,
        Section::Workshop,
        Section::CommandLine,
        Section::Questions,
        Section::Model,
        Section::ModelYear,
        Section::ModelTalent,
        Section::ModelCertified,
        Section::ModelStations,
        Section::ModelRooms,
        Section::ModelCoverage,
        Section::ModelPositions,
        Section::ModelBudget,
        Section::ModelInputs,
        Section::ModelFigures,
        Section::ModelTargets,
        Section::ModelValidation,
        Section::ModelMonteCarlo,
        Section::ModelSeek,
        Section::ModelOptimiser,
        Section::ModelSensitivity,
        Section::ModelActuals,
        Section::ModelReadings,
        Section::ModelLimits,
    ];

    /// The permanent slug: the section's anchor, `?help=…` and `swplan help …`.
    pub const fn slug(self) -> &'static str {
        match self {
            Section::Guide => "guide",
            Section::Tour => "tour",
            Section::Explore => "explore",
            Section::OwnRegion => "own-region",
            Section::Schedules => "schedules",
            Section::TargetCards => "target-cards",
            Section::WhatItTakes => "what-it-takes",
            Section::ShareSave => "share-save",
            Section::Compare => "compare",
            Section::Actuals => "actuals",
            Section::RollUp => "rollup",
            Section::Cheapest => "cheapest",
            Section::Sensitivity => "sensitivity",
            Section::PrintExport => "print-export",
            Section::Present => "present",
            Section::Stories => "stories",
            Section::Workshop => "workshop",
            Section::CommandLine => "command-line",
            Section::Questions => "questions",
            Section::Model => "model",
            Section::ModelYear => "model-year",
            Section::ModelTalent => "model-talent",
            Section::ModelCertified => "model-certified",
            Section::ModelStations => "model-stations",
            Section::ModelRooms => "model-rooms",
            Section::ModelCoverage => "model-coverage",
            Section::ModelPositions => "model-positions",
            Section::ModelBudget => "model-budget",
            Section::ModelInputs => "model-inputs",
            Section::ModelFigures => "model-figures",
            Section::ModelTargets => "model-targets",
            Section::ModelValidation => "model-validation",
            Section::ModelMonteCarlo => "model-montecarlo",
            Section::ModelSeek => "model-seek",
            Section::ModelOptimiser => "model-optimiser",
            Section::ModelSensitivity => "model-sensitivity",
            Section::ModelActuals => "model-actuals",
            Section::ModelReadings => "model-readings",
            Section::ModelLimits => "model-limits",
        }
    }

    /// The part the section sits in.
    pub fn part(self) -> Part {
        let first_of_model = Section::ALL
            .iter()
            .position(|s| *s == Section::Model)
            .unwrap_or(0);
        let index = Section::ALL.iter().position(|s| *s == self).unwrap_or(0);
        if index < first_of_model {
            Part::Guide
        } else {
            Part::Model
        }
    }

    /// The feature the section explains, which "open it" beside it opens.
    pub fn opens(self) -> Option<Feature> {
        Some(match self {
            Section::Explore => Feature::PresetPicker,
            Section::OwnRegion => Feature::RegionAndTargets,
            Section::Schedules => Feature::Schedule("hires"),
            Section::TargetCards => Feature::TargetCards,
            Section::WhatItTakes => Feature::WhatItTakes,
            Section::ShareSave => Feature::Share,
            Section::Compare => Feature::Compare,
            Section::Actuals => Feature::Actuals,
            Section::RollUp => Feature::RollUp,
            Section::Cheapest => Feature::Cheapest,
            Section::Sensitivity => Feature::Sensitivity,
            Section::PrintExport => Feature::Export,
            Section::Present => Feature::Presenter,
            Section::Stories => Feature::Stories,
            Section::Workshop => Feature::Pool,
            Section::ModelTalent => Feature::Setting("hires"),
            Section::ModelCertified => Feature::Setting("candidates_junior"),
            Section::ModelStations => Feature::Setting("stations_per_year"),
            Section::ModelRooms => Feature::Setting("rooms_per_year"),
            Section::ModelPositions => Feature::Setting("positions_per_year"),
            Section::ModelBudget => Feature::Setting("station_cost"),
            Section::ModelMonteCarlo => Feature::MonteCarloSettings,
            _ => return None,
        })
    }
}

/// The slug of a parameter group's subsection of the model (`group-talent`).
pub fn group_slug(group: Group) -> &'static str {
    match group {
        Group::Talent => "group-talent",
        Group::Certification => "group-certification",
        Group::Stations => "group-stations",
        Group::Institutions => "group-institutions",
        Group::Budget => "group-budget",
        Group::Uncertainty => "group-uncertainty",
    }
}

const PARAM_PREFIX: &str = "param-";
const FIGURE_PREFIX: &str = "figure-";
const CONTENTS: &str = "contents";

impl HelpTopic {
    /// The topic's slug: its anchor in the manual, `?help=…` and `swplan help …`.
    pub fn slug(self) -> String {
        match self {
            HelpTopic::Contents => CONTENTS.to_string(),
            HelpTopic::Section(section) => section.slug().to_string(),
            HelpTopic::Group(group) => group_slug(group).to_string(),
            HelpTopic::Param(key) => format!("{PARAM_PREFIX}{key}"),
            HelpTopic::Figure(metric) => format!("{FIGURE_PREFIX}{}", metric.key()),
        }
    }

    /// The topic a slug names, if any: a section, a group, `param-<key>` of a parameter of the
    /// registry, `figure-<key>` of a figure, or `contents`.
    pub fn from_slug(slug: &str) -> Option<HelpTopic> {
        if slug == CONTENTS {
            return Some(HelpTopic::Contents);
        }
        if let Some(section) = Section::ALL.into_iter().find(|s| s.slug() == slug) {
            return Some(HelpTopic::Section(section));
        }
        if let Some(group) = Group::ALL.into_iter().find(|g| group_slug(*g) == slug) {
            return Some(HelpTopic::Group(group));
        }
        if let Some(key) = slug.strip_prefix(PARAM_PREFIX) {
            return params::param(key).map(|p| HelpTopic::Param(p.key));
        }
        let key = slug.strip_prefix(FIGURE_PREFIX)?;
        Metric::from_key(key).map(HelpTopic::Figure)
    }

    /// Every topic the manual has a section for, in reading order of the parts (entries after
    /// their sections, as the manual lists them).
    pub fn all() -> Vec<HelpTopic> {
        let mut topics: Vec<HelpTopic> = Section::ALL.map(HelpTopic::Section).to_vec();
        topics.extend(Group::ALL.map(HelpTopic::Group));
        topics.extend(params::PARAMS.iter().map(|p| HelpTopic::Param(p.key)));
        topics.extend(Metric::ALL.map(HelpTopic::Figure));
        topics
    }

    /// The section of the contents the topic sits in (entries sit in the model's sections of
    /// inputs and figures).
    pub fn section(self) -> Option<Section> {
        match self {
            HelpTopic::Contents => None,
            HelpTopic::Section(section) => Some(section),
            HelpTopic::Group(_) | HelpTopic::Param(_) => Some(Section::ModelInputs),
            HelpTopic::Figure(_) => Some(Section::ModelFigures),
        }
    }

    /// The feature the topic opens, if any: a parameter's entry opens its setting.
    pub fn opens(self) -> Option<Feature> {
        match self {
            HelpTopic::Contents | HelpTopic::Figure(_) => None,
            HelpTopic::Section(section) => section.opens(),
            HelpTopic::Group(group) => params::PARAMS
                .iter()
                .find(|p| p.group == group)
                .map(|p| Feature::Setting(p.key)),
            HelpTopic::Param(key) => Some(Feature::Setting(key)),
        }
    }
}

/// The topic an address asks for (`?help=model-talent`), if it asks for one: an unknown or
/// empty topic is the contents, never an error. The key is outside the plans and the checksum,
/// so a plan link with it opens the same plan in an app without a manual.
pub fn topic_in_query(query: &str) -> Option<HelpTopic> {
    let key = LinkKey::Help.code();
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
        .map(|slug| HelpTopic::from_slug(slug).unwrap_or(HelpTopic::Contents))
}

/// The address's query with the manual at `topic` (or closed, `None`): every other key kept.
pub fn with_topic(query: &str, topic: Option<HelpTopic>) -> String {
    let key = LinkKey::Help.code();
    let mut pairs: Vec<String> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| pair.split_once('=').map_or(*pair, |(k, _)| k) != key)
        .map(str::to_string)
        .collect();
    if let Some(topic) = topic {
        pairs.push(format!("{key}={}", topic.slug()));
    }
    pairs.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_topic_reads_back_from_its_slug() {
        for topic in HelpTopic::all().into_iter().chain([HelpTopic::Contents]) {
            assert_eq!(
                HelpTopic::from_slug(&topic.slug()),
                Some(topic),
                "{topic:?}"
            );
        }
    }

    #[test]
    fn slugs_are_unique_and_stay_inside_a_link() {
        let slugs: Vec<String> = HelpTopic::all().iter().map(|t| t.slug()).collect();
        for (i, slug) in slugs.iter().enumerate() {
            assert!(!slugs[i + 1..].contains(slug), "{slug}");
            assert!(
                slug.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~')),
                "{slug}"
            );
        }
    }

    #[test]
    fn a_parameter_or_figure_that_does_not_exist_is_no_topic() {
        assert_eq!(HelpTopic::from_slug("param-nonsense"), None);
        assert_eq!(HelpTopic::from_slug("figure-hires"), None);
        assert_eq!(HelpTopic::from_slug("nonsense"), None);
    }

    #[test]
    fn an_address_opens_its_topic_and_an_unknown_one_the_contents() {
        assert_eq!(
            topic_in_query("?v=3&p=yunnan.2&help=model-talent"),
            Some(HelpTopic::Section(Section::ModelTalent))
        );
        assert_eq!(
            topic_in_query("help=param-hires"),
            Some(HelpTopic::Param("hires"))
        );
        assert_eq!(topic_in_query("?help=nonsense"), Some(HelpTopic::Contents));
        assert_eq!(topic_in_query("?help="), Some(HelpTopic::Contents));
        assert_eq!(topic_in_query("?v=3&p=yunnan.2"), None);
    }

    #[test]
    fn the_topic_is_added_to_and_taken_from_an_address_keeping_the_rest() {
        let query = "v=2&c=abcde&p=yunnan.2&h=15000";
        let open = with_topic(query, Some(HelpTopic::Section(Section::WhatItTakes)));
        assert_eq!(open, format!("{query}&help=what-it-takes"));
        let moved = with_topic(&open, Some(HelpTopic::Contents));
        assert_eq!(moved, format!("{query}&help=contents"));
        assert_eq!(with_topic(&moved, None), query);
    }

    #[test]
    fn a_plan_link_with_a_topic_opens_the_same_plan() {
        let preset = crate::presets::default_preset();
        let mut scenario = preset.scenario.clone();
        scenario.levers.hires = swplan_engine::Yearly::Constant(15_000.0);
        let spec = crate::share::PlanSpec {
            name: None,
            origin: crate::share::Origin::Preset {
                slug: preset.slug.to_string(),
                data_version: preset.data_version,
            },
            scenario,
            mc: swplan_engine::montecarlo::Settings::default(),
        };
        let link = crate::share::encode(&[spec], None);
        let with_help = with_topic(&link, Some(HelpTopic::Section(Section::Model)));
        let plain = crate::share::decode(&link);
        let opened = crate::share::decode(&with_help);
        assert_eq!(opened.plans, plain.plans);
        assert!(opened.problems.is_empty(), "{:?}", opened.problems);
    }

    #[test]
    fn the_guide_comes_before_the_model() {
        assert_eq!(Section::Questions.part(), Part::Guide);
        assert_eq!(Section::Model.part(), Part::Model);
        assert_eq!(Section::ModelLimits.part(), Part::Model);
    }
}
