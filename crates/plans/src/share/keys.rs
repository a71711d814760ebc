//! Every key a share link holds, by one typed name, spelled once: the writer, the reader, the
//! checksum, the stories and the wording all name a key by [`LinkKey`]. Parameters carry their
//! own permanent codes (`h`, `a`…) in `swplan_engine::params`. Codes are permanent: a link made
//! today opens forever.

/// A key of a share link other than a parameter's code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkKey {
    /// `v`: the format version.
    Version,
    /// `c`: the checksum over the plans' keys.
    Checksum,
    /// `lang`: the interface language.
    Lang,
    /// `story`: a built-in guided story's id.
    Story,
    /// `step`: the story's step.
    Step,
    /// `sr`: a recorded story carried whole.
    RecordedStory,
    /// `pr`: the story step's question opens on a phone to be answered (`pr=1`).
    Predict,
    /// `p`: a plan's origin (preset and data version, or `new`).
    Origin,
    /// `n`: the plan's name.
    Name,
    /// `rn`: the region's name.
    RegionName,
    /// `by`: the base year.
    BaseYear,
    /// `ey`: the last year.
    EndYear,
    /// `t`: the whole target list.
    Targets,
    /// `mr`: Monte Carlo runs.
    Runs,
    /// `ms`: Monte Carlo seed.
    Seed,
    /// `m`: the model's reading, when it is not the origin's (a plan kept at an earlier one).
    Model,
    /// `ct`: certified social workers entered as a total, with its split when not the default
    /// (`3658`, `3658_0.8_0.001`); the three certified stocks follow from it (format 3).
    CertifiedTotal,
    /// `q`: the planner's sources of values, packed (format 3; see `share::sources`).
    Sources,
    /// `help`: the manual open at a topic (`help=what-it-takes`; see `crate::help`). The page's
    /// own key, like `lang`: outside the plans and the checksum, and ignored by the plan reader,
    /// so links with it stay readable by apps without a manual.
    Help,
    /// `ac`: actual figures, `tl-2023-90000-95000~c-2024-4100` (format 4; see `share::actuals`).
    Actuals,
    /// `an`: the actual figures' source notes, packed (format 4).
    ActualNotes,
    /// `ru`: the link is a province rolled up from its plans (the cities), with the province's
    /// targets and name (format 4; see `share::rollup_link`).
    RollUp,
}

impl LinkKey {
    /// Keys that belong to the whole link rather than to one plan, as the plan reader sorts
    /// them (a recorded story, `sr`, is read by the stories' own reader).
    pub const GLOBAL: [LinkKey; 6] = [
        LinkKey::Version,
        LinkKey::Checksum,
        LinkKey::Lang,
        LinkKey::Story,
        LinkKey::Step,
        LinkKey::RollUp,
    ];

    /// Keys that the stories' own reader reads (`story::link`), which the plan reader ignores.
    pub const STORY: [LinkKey; 2] = [LinkKey::RecordedStory, LinkKey::Predict];

    /// Keys of a plan besides the parameters' codes, in the order a link writes them.
    pub const PLAN: [LinkKey; 13] = [
        LinkKey::Origin,
        LinkKey::Name,
        LinkKey::RegionName,
        LinkKey::BaseYear,
        LinkKey::EndYear,
        LinkKey::Targets,
        LinkKey::Runs,
        LinkKey::Seed,
        LinkKey::Model,
        LinkKey::CertifiedTotal,
        LinkKey::Sources,
        LinkKey::Actuals,
        LinkKey::ActualNotes,
    ];

    /// The key as the link spells it.
    pub const fn code(self) -> &'static str {
        match self {
            LinkKey::Version => "v",
            LinkKey::Checksum => "c",
            LinkKey::Lang => "lang",
            LinkKey::Story => "story",
            LinkKey::Step => "step",
            LinkKey::RecordedStory => "sr",
            LinkKey::Predict => "pr",
            LinkKey::Origin => "p",
            LinkKey::Name => "n",
            LinkKey::RegionName => "rn",
            LinkKey::BaseYear => "by",
            LinkKey::EndYear => "ey",
            LinkKey::Targets => "t",
            LinkKey::Runs => "mr",
            LinkKey::Seed => "ms",
            LinkKey::Model => "m",
            LinkKey::CertifiedTotal => "ct",
            LinkKey::Sources => "q",
            LinkKey::Help => "help",
            LinkKey::Actuals => "ac",
            LinkKey::ActualNotes => "an",
            LinkKey::RollUp => "ru",
        }
    }

    /// The key a link spells `code`, if any (parameter codes are not among these).
    pub fn from_code(code: &str) -> Option<LinkKey> {
        LinkKey::GLOBAL
            .into_iter()
            .chain(LinkKey::STORY)
            .chain(LinkKey::PLAN)
            .find(|k| k.code() == code)
    }

    /// Whether a plan's key (rather than the link's).
    pub fn is_plan_key(self) -> bool {
        LinkKey::PLAN.contains(&self)
    }

    /// The link format that introduced the key: a link holding none of format 3's keys is
    /// written as format 2, and one holding none of format 4's as format 3 at most, so that an
    /// app reading the older format opens it without a notice.
    pub const fn since_format(self) -> u32 {
        match self {
            LinkKey::Actuals | LinkKey::ActualNotes | LinkKey::RollUp => 4,
            LinkKey::CertifiedTotal | LinkKey::Sources => 3,
            LinkKey::Model => 2,
            _ => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_engine::params::PARAMS;

    #[test]
    fn codes_are_unique_and_never_a_parameters() {
        let all: Vec<LinkKey> = LinkKey::GLOBAL
            .into_iter()
            .chain(LinkKey::STORY)
            .chain(LinkKey::PLAN)
            .collect();
        for (i, key) in all.iter().enumerate() {
            assert_eq!(LinkKey::from_code(key.code()), Some(*key));
            assert!(all[i + 1..].iter().all(|k| k.code() != key.code()));
            assert!(PARAMS.iter().all(|p| p.code != key.code()), "{key:?}");
        }
        // The manual's key is read by the page alone: no other key or parameter spells it.
        assert!(all.iter().all(|k| k.code() != LinkKey::Help.code()));
        assert!(PARAMS.iter().all(|p| p.code != LinkKey::Help.code()));
    }
}
