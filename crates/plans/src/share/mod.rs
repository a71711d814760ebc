//! Plans that travel: share links and saved files. Pure Rust, no web import: the browser's
//! address bar, clipboard, localStorage and downloads call these functions.
//!
//! # Share links, format version 4
//!
//! A link carries one plan, or up to four for a comparison, in the query (`?…`) only: chat
//! apps on phones mangle the fragment (`#`). Keys and values use only `A–Z a–z 0–9 - . _ ~`,
//! joined by `=` and `&`, so no chat app or QR reader needs to escape anything.
//!
//! | key | value | meaning |
//! |---|---|---|
//! | `v` | `2`, `3`, `4` | format version: 4 when the link holds `ac`, `an` or `ru`, 3 when it holds `ct` or `q`, else 2, so that an app reading format 2 opens it without a notice. Absent with `lang`: version 0, the first app's links, which carried only `lang` and showed Yunnan (read as `p=yunnan.1`). Absent otherwise: the app's plain address, not a plan: the default preset at its current data |
//! | `p` | `yunnan.1`, `new` | origin: a preset's slug and data version, or `new` for a custom region read against the blank template |
//! | *param code* | `12000`, `12000_13000`, `12000g0.05` | a parameter that differs from the origin (codes from `model::params`, e.g. `h` for hires), in model units (rates as fractions): one number, a yearly list (`_`-separated; the last value holds, so trailing repeats are dropped), or a start value growing yearly (`g`) |
//! | `by`, `ey` | `2025` | base year and last year, when they differ |
//! | `n` | base64url | the plan's name (UTF-8, no padding) |
//! | `rn` | base64url, or two joined by `.` | the region's name (Chinese, English when it differs), when it differs |
//! | `t` | `tl-140000-2025_sv-1-2027`, `none` | the whole target list, when it differs: `metric code-threshold-deadline` joined by `_` |
//! | `mr`, `ms` | `2000`, `7` | Monte Carlo runs and seed, when not the defaults (1000, 2025) |
//! | `m` | `1` | the model's reading, when not the origin's (format 2) |
//! | `ct` | `3658`, `3658_0.6_0.01` | certified social workers entered as a total, with its junior and senior shares when not the default; the three certified stocks follow from it and are not written (format 3) |
//! | `q` | base64url | the planner's sources of values, packed ([`sources`]; format 3) |
//! | `ac` | `tl-2021-84500-88000_2024-95000~c-2024-4100` | actual figures: per figure its code, then runs of consecutive years ([`actuals`]; format 4) |
//! | `an` | base64url | the actual figures' source notes, packed, those that fit (format 4) |
//! | `ru` | `sv-1-2025~5YWo55yB`, `none` | the plans are the cities of a province rolled up, with its targets and name ([`rollup_link`]; format 4) |
//! | `lang` | `zh`, `en` | the interface language (optional) |
//! | `story`, `step` | id, number | a guided story and its step (reserved) |
//!
//! Plans 2–4 of a comparison carry the same plan keys prefixed `1.`, `2.`, `3.`
//! (`1.p=yunnan.1&1.h=15000`); the cities of a roll-up up to `15.`. Unknown keys are ignored (chat apps append
//! `from=singlemessage&isappinstalled=0`). Reading never fails: what cannot be read is listed as
//! a [`LinkProblem`] and the rest is kept; a decoded plan always validates.
//!
//! # Saves
//!
//! See [`save`]: one JSON format, versioned with explicit migrations, for the autosave, named
//! saves and exported files.

pub mod actuals;
mod base64url;
pub mod changes;
pub mod codes;
mod extract;
pub mod keys;
pub mod link;
pub mod open;
pub(crate) mod packed;
mod problems;
mod read_plan;
mod repair;
mod rollup_key;
pub mod rollup_link;
pub mod save;
pub mod sources;
mod values;

pub use extract::{extract_links, query_part};
pub use keys::LinkKey;
pub use link::{
    baseline, decode, encode, normalized, query_example, same_numbers, same_plan, FORMAT_VERSION,
    MAX_PLANS, PLAIN_FORMAT,
};
pub use problems::{Fallback, LinkNotice, LinkProblem, OlderData, ProblemKind};

use serde::{Deserialize, Serialize};

use crate::Lang;
use swplan_engine::montecarlo::Settings;
use swplan_engine::Scenario;

/// Where a plan starts from: a preset at a data version, or the blank template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Origin {
    /// A preset by its permanent slug, and the version of its data the plan was made on.
    Preset { slug: String, data_version: u32 },
    /// A region of the planner's own, started from the blank template.
    Custom,
}

/// One plan as links and saves carry it: a complete scenario (sources cleared: they belong to
/// the origin), its name, where it came from and its Monte Carlo settings.
impl Origin {
    /// The preset slug, for a plan made from a preset.
    pub fn slug(&self) -> Option<&str> {
        match self {
            Origin::Preset { slug, .. } => Some(slug),
            Origin::Custom => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanSpec {
    /// The planner's name for the plan ("方案B"), if any.
    #[serde(default)]
    pub name: Option<String>,
    pub origin: Origin,
    pub scenario: Scenario,
    #[serde(with = "settings_serde::SettingsDef")]
    pub mc: Settings,
}

/// A guided story and the step it is open at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryRef {
    pub id: String,
    pub step: usize,
}

/// What a link opened: always at least one plan, and what could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedLink {
    /// The format version the link was written in (0 for the first app's links).
    pub format_version: u32,
    /// The plans, first the one to show; never empty.
    pub plans: Vec<PlanSpec>,
    /// When the plans are the cities of a province rolled up (`ru`): the province.
    pub rollup: Option<rollup_link::RollUpLink>,
    pub lang: Option<Lang>,
    pub story: Option<StoryRef>,
    /// What could not be read and was skipped or replaced.
    pub problems: Vec<LinkProblem>,
    /// What the planner should know although nothing was lost (older data, newer app).
    pub notices: Vec<LinkNotice>,
}

/// Serde for the model's Monte Carlo settings, which the model only serializes.
pub(crate) mod settings_serde {
    use serde::{Deserialize, Serialize};

    use swplan_engine::montecarlo::Settings;

    #[derive(Serialize, Deserialize)]
    #[serde(remote = "Settings", deny_unknown_fields)]
    pub struct SettingsDef {
        pub runs: usize,
        pub seed: u64,
    }
}

/// Keys that make an address a link (anything else, like `?lang=en`, is a plain visit).
pub fn is_link(query: &str) -> bool {
    query.trim_start_matches('?').split('&').any(|pair| {
        let key = pair.split_once('=').map_or("", |(key, _)| key);
        [LinkKey::Version, LinkKey::Origin, LinkKey::Story]
            .iter()
            .any(|k| key == k.code())
            || key == format!("1.{}", LinkKey::Origin.code())
    })
}

/// The language an address asks for (`lang=en`), if any.
pub fn lang_in_query(query: &str) -> Option<Lang> {
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix(LinkKey::Lang.code())?.strip_prefix('='))
        .and_then(Lang::from_tag)
}
