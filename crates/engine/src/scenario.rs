//! The scenario: everything a planner sets, as a plain serde value with stable keys.
//!
//! Starting stocks and other facts about the region (*assumptions*) are kept apart from the
//! choices a policy makes (*levers*), because planners argue about the second and check the first.
//! Rates are fractions everywhere in data (`0.08` is 8 %); only the UI shows percentages.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::actuals::Actuals;
use super::certified::CertifiedTotal;
use super::provenance::{PlannerSource, Provenance};
use super::targets::Target;
use super::uncertainty::Uncertainty;

/// The schema version written into every scenario; share links and saves migrate from older ones.
pub const SCHEMA_VERSION: u32 = 1;

/// The model's reading of a plan that this app computes, and writes into every scenario.
///
/// - 1: the plan run finishes every scheduled station and room in its year (only the Monte
///   Carlo lets a share slip a year). Files and links made before December 2026 were computed
///   so, and keep opening with those numbers.
/// - 2: the plan run applies the expected completion share (`station_completion`,
///   `room_completion`), the rest finishing a year later, as the Monte Carlo does on average:
///   the plan line is the expected path, inside its band.
pub const MODEL_VERSION: u32 = 2;

/// The reading a scenario written before model versions existed is computed with.
pub const FIRST_MODEL_VERSION: u32 = 1;

fn first_model_version() -> u32 {
    FIRST_MODEL_VERSION
}

/// The longest horizon the model accepts, in years past the base year.
pub const MAX_HORIZON_YEARS: i32 = 30;

/// A complete planning scenario for one region.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Schema version of this value (see [`SCHEMA_VERSION`]).
    pub schema: u32,
    /// The model's reading this scenario is computed with (see [`MODEL_VERSION`]); a file
    /// without it was written before there were readings, and is read as the first.
    #[serde(default = "first_model_version")]
    pub model: u32,
    /// Stable slug of the region, e.g. `yunnan`.
    pub region: String,
    /// The region's name as users read it.
    pub name: RegionName,
    /// The year whose end-of-year figures are the starting stocks (first row of the table).
    pub base_year: i32,
    /// The last simulated year (at most [`MAX_HORIZON_YEARS`] after the base year).
    pub end_year: i32,
    /// Facts and estimates about the region: starting stocks, counts, rates, costs.
    pub assumptions: Assumptions,
    /// Policy choices, most of them given per year.
    pub levers: Levers,
    /// How uncertain each yearly input is, for the Monte Carlo bands.
    #[serde(default)]
    pub uncertainty: Uncertainty,
    /// Official targets (metric, threshold, deadline).
    #[serde(default)]
    pub targets: Vec<Target>,
    /// Where each number comes from, keyed by parameter key (`talent`, `hires`, `base_year`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sources: BTreeMap<String, Provenance>,
    /// Actual figures as they come in (实际值), per figure and year: `[actuals]` in files.
    #[serde(default, skip_serializing_if = "Actuals::is_empty")]
    pub actuals: Actuals,
    /// Certified social workers entered as one total with its split into levels, when the
    /// planner entered them so; the three `certified_*` stocks are then the split of it
    /// ([`CertifiedTotal::levels`]). Absent: the stocks were entered level by level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certified_total: Option<CertifiedTotal>,
    /// Where the planner says a value comes from, by parameter key (or `certified_total`):
    /// the plan's own sources, kept with it, unlike `sources`, which belong to its origin.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub planner_sources: BTreeMap<String, PlannerSource>,
}

/// A region's display name in both interface languages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionName {
    pub zh: String,
    pub en: String,
}

/// Facts about the starting point and the region, plus behavioural estimates.
///
/// Stocks are end-of-base-year figures. Money is in 元 (yuan).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumptions {
    /// 社会工作人才总量: total social-work talent at the end of the base year (people).
    pub talent: f64,
    /// 助理社会工作师: holders of the junior certificate (people).
    pub certified_junior: f64,
    /// 社会工作师: holders of the mid-level certificate (people).
    pub certified_mid: f64,
    /// 高级社会工作师: holders of the senior certificate (people).
    pub certified_senior: f64,
    /// 社会工作服务机构: service institutions.
    pub institutions: f64,
    /// Number of townships and streets (乡镇/街道), the ceiling for stations.
    pub townships: f64,
    /// 乡镇（街道）社会工作服务站 built.
    pub stations: f64,
    /// 示范站: demonstration stations among the built stations.
    pub demo_stations: f64,
    /// Number of villages and communities (村/社区), the ceiling for rooms.
    pub villages: f64,
    /// 村（社区）社会工作服务室 built.
    pub rooms: f64,
    /// 社会工作专业岗位: professional positions.
    pub positions: f64,
    /// 人才流失: share of talent (and of certificate holders) leaving each year.
    pub attrition: f64,
    /// Share of new mid-level certificates won by people who already hold the junior one.
    pub mid_from_junior: f64,
    /// Social workers each station needs (驻站社工).
    pub staff_per_station: f64,
    /// Social workers each village/community room needs.
    pub staff_per_room: f64,
    /// One-off cost of building a station (元).
    pub station_cost: f64,
    /// One-off cost of setting up a room (元).
    pub room_cost: f64,
    /// Yearly operating cost of a station, e.g. purchased services (政府购买服务, 元/year).
    pub station_operating_cost: f64,
    /// Yearly operating cost of a room (元/year).
    pub room_operating_cost: f64,
    /// Recruiting and training one new social worker (元 per new talent). The model's budget
    /// leaves it out (so no figure depends on it, and files and links older than it keep their
    /// numbers); only the optimiser counts it.
    #[serde(default = "default_hire_cost")]
    pub hire_cost: f64,
    /// Training one exam candidate, at any level (元 per candidate). Like `hire_cost`, used by
    /// the optimiser only.
    #[serde(default = "default_candidate_cost")]
    pub candidate_cost: f64,
}

/// What a scenario written before the optimiser's costs existed reads as: the presets' planning
/// assumption (see `seeds/blank.toml`). No figure of the model depends on it.
pub const DEFAULT_HIRE_COST: f64 = 3_000.0;

/// The same for the cost of training an exam candidate.
pub const DEFAULT_CANDIDATE_COST: f64 = 1_350.0;

fn default_hire_cost() -> f64 {
    DEFAULT_HIRE_COST
}

fn default_candidate_cost() -> f64 {
    DEFAULT_CANDIDATE_COST
}

/// Policy levers. Yearly ones may differ from year to year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Levers {
    /// New talent per year: hiring, graduates and conversion of existing staff (转化).
    pub hires: Yearly,
    /// Exam candidates for the junior certificate per year (报考人数).
    pub candidates_junior: Yearly,
    /// Exam candidates for the mid-level certificate per year.
    pub candidates_mid: Yearly,
    /// Candidates for the senior certificate per year (exam and review).
    pub candidates_senior: Yearly,
    /// Pass rate of the junior exam (fraction).
    pub pass_junior: Yearly,
    /// Pass rate of the mid-level exam (fraction).
    pub pass_mid: Yearly,
    /// Pass rate of the senior assessment (fraction).
    pub pass_senior: Yearly,
    /// Net new service institutions per year.
    pub institutions_per_year: Yearly,
    /// Township stations built per year.
    pub stations_per_year: Yearly,
    /// Stations upgraded to demonstration stations per year.
    pub demo_per_year: Yearly,
    /// Village/community rooms set up per year.
    pub rooms_per_year: Yearly,
    /// New professional positions per year.
    pub positions_per_year: Yearly,
    /// One-off subsidy per new junior certificate (元).
    pub subsidy_junior: f64,
    /// One-off subsidy per new mid-level certificate (元).
    pub subsidy_mid: f64,
    /// One-off subsidy per new senior certificate (元).
    pub subsidy_senior: f64,
}

/// A yearly input: one value for every year, a value growing at a fixed rate, or a list.
///
/// A list gives the values of the first simulated years in order; past its end its last value
/// holds, so a planner can type only the years they care about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Yearly {
    Constant(f64),
    Growth { start: f64, growth: f64 },
    List(Vec<f64>),
}

impl Yearly {
    /// The values for `years` simulated years (index 0 is the year after the base year).
    ///
    /// Growth is compounded by repeated multiplication rather than `powf`, so the numbers are
    /// bit-identical on every platform (native and WebAssembly).
    pub fn expand(&self, years: usize) -> Vec<f64> {
        match self {
            Yearly::Constant(value) => vec![*value; years],
            Yearly::Growth { start, growth } => {
                let mut value = *start;
                (0..years)
                    .map(|_| {
                        let this_year = value;
                        value *= 1.0 + growth;
                        this_year
                    })
                    .collect()
            }
            Yearly::List(values) => (0..years)
                .map(|i| match values.get(i).or(values.last()) {
                    Some(value) => *value,
                    // An empty list is rejected by validation; read it as zero, never panic.
                    None => 0.0,
                })
                .collect(),
        }
    }

    /// The value in the first simulated year, which the UI shows as "the" value.
    pub fn first(&self) -> f64 {
        self.expand(1)[0]
    }
}

impl Scenario {
    /// Number of simulated years after the base year.
    pub fn horizon(&self) -> usize {
        // Saturating: a mangled file can hold any pair of years.
        self.end_year
            .saturating_sub(self.base_year)
            .clamp(0, MAX_HORIZON_YEARS) as usize
    }

    /// The years of the table, base year first.
    pub fn years(&self) -> impl Iterator<Item = i32> {
        self.base_year..=self.base_year.saturating_add(self.horizon() as i32)
    }
}

impl Scenario {
    /// Sets the three certified stocks from the total, when the plan has one.
    pub fn apply_certified_total(&mut self) {
        if let Some(total) = &self.certified_total {
            let [junior, mid, senior] = total.levels();
            self.assumptions.certified_junior = junior;
            self.assumptions.certified_mid = mid;
            self.assumptions.certified_senior = senior;
        }
    }

    /// The three certified stocks, `[junior, mid, senior]`.
    pub fn certified_levels(&self) -> [f64; 3] {
        let a = &self.assumptions;
        [a.certified_junior, a.certified_mid, a.certified_senior]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_repeats_for_every_year() {
        assert_eq!(Yearly::Constant(5.0).expand(3), vec![5.0, 5.0, 5.0]);
    }

    #[test]
    fn growth_compounds_from_the_first_year() {
        let values = Yearly::Growth {
            start: 100.0,
            growth: 0.1,
        }
        .expand(3);
        assert_eq!(values[0], 100.0);
        assert!((values[1] - 110.0).abs() < 1e-9);
        assert!((values[2] - 121.0).abs() < 1e-9);
    }

    #[test]
    fn list_holds_its_last_value() {
        assert_eq!(
            Yearly::List(vec![1.0, 2.0]).expand(4),
            vec![1.0, 2.0, 2.0, 2.0]
        );
    }

    #[test]
    fn empty_list_reads_as_zero_without_panicking() {
        assert_eq!(Yearly::List(vec![]).expand(2), vec![0.0, 0.0]);
    }

    #[test]
    fn a_scenario_written_before_the_optimiser_s_costs_reads_them_as_the_defaults() {
        let written = crate::test_presets::by_slug("ningxia")
            .unwrap()
            .scenario
            .clone();
        let mut json = serde_json::to_value(&written).unwrap();
        let assumptions = json["assumptions"].as_object_mut().unwrap();
        assumptions.remove("hire_cost");
        assumptions.remove("candidate_cost");
        let read: Scenario = serde_json::from_value(json).unwrap();
        assert_eq!(read.assumptions.hire_cost, DEFAULT_HIRE_COST);
        assert_eq!(read.assumptions.candidate_cost, DEFAULT_CANDIDATE_COST);
        // The presets hold the same values, so a preset's old file reads as its preset.
        assert_eq!(read, written);
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // TOML is read natively only.
    fn yearly_forms_parse_from_toml() {
        #[derive(Deserialize)]
        struct Holder {
            a: Yearly,
            b: Yearly,
            c: Yearly,
        }
        let parsed: Holder =
            toml::from_str("a = 3\nb = { start = 10, growth = 0.05 }\nc = [1, 2.5]").unwrap();
        assert_eq!(parsed.a, Yearly::Constant(3.0));
        assert_eq!(
            parsed.b,
            Yearly::Growth {
                start: 10.0,
                growth: 0.05
            }
        );
        assert_eq!(parsed.c, Yearly::List(vec![1.0, 2.5]));
    }
}
