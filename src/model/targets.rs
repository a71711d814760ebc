//! Official targets and their verdicts: met at the deadline, first year met, gap.

use serde::{Deserialize, Serialize};

use super::scenario::Provenance;
use super::simulate::{Trajectory, YearRow};

/// What a target measures. Counts are people or units; coverages are fractions of the ceiling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Talent,
    Certified,
    CertifiedJunior,
    CertifiedMid,
    CertifiedSenior,
    Institutions,
    Stations,
    DemoStations,
    Rooms,
    Positions,
    /// Stations as a fraction of townships (1.0 is full coverage).
    StationCoverage,
    /// Rooms as a fraction of villages and communities.
    RoomCoverage,
}

impl Metric {
    /// Every metric, in the order tables and pickers list them.
    pub const ALL: [Metric; 12] = [
        Metric::Talent,
        Metric::Certified,
        Metric::CertifiedJunior,
        Metric::CertifiedMid,
        Metric::CertifiedSenior,
        Metric::Institutions,
        Metric::Stations,
        Metric::DemoStations,
        Metric::Rooms,
        Metric::Positions,
        Metric::StationCoverage,
        Metric::RoomCoverage,
    ];

    /// The stable key, as in files, links and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Metric::Talent => "talent",
            Metric::Certified => "certified",
            Metric::CertifiedJunior => "certified_junior",
            Metric::CertifiedMid => "certified_mid",
            Metric::CertifiedSenior => "certified_senior",
            Metric::Institutions => "institutions",
            Metric::Stations => "stations",
            Metric::DemoStations => "demo_stations",
            Metric::Rooms => "rooms",
            Metric::Positions => "positions",
            Metric::StationCoverage => "station_coverage",
            Metric::RoomCoverage => "room_coverage",
        }
    }

    /// The metric with this key, if any.
    pub fn from_key(key: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.key() == key)
    }

    /// Whether the threshold is a fraction (coverage) rather than a count.
    pub fn is_coverage(self) -> bool {
        matches!(self, Metric::StationCoverage | Metric::RoomCoverage)
    }

    /// The metric's value in one row of the year table.
    pub fn value(self, row: &YearRow) -> f64 {
        match self {
            Metric::Talent => row.talent,
            Metric::Certified => row.certified,
            Metric::CertifiedJunior => row.certified_junior,
            Metric::CertifiedMid => row.certified_mid,
            Metric::CertifiedSenior => row.certified_senior,
            Metric::Institutions => row.institutions,
            Metric::Stations => row.stations,
            Metric::DemoStations => row.demo_stations,
            Metric::Rooms => row.rooms,
            Metric::Positions => row.positions,
            Metric::StationCoverage => row.station_coverage,
            Metric::RoomCoverage => row.room_coverage,
        }
    }

    /// Name for people, in Chinese and English.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::Lang::{En, Zh};
        match (self, lang) {
            (Metric::Talent, Zh) => "社会工作人才总量",
            (Metric::Talent, En) => "Social-work talent",
            (Metric::Certified, Zh) => "持证社工",
            (Metric::Certified, En) => "Certified social workers",
            (Metric::CertifiedJunior, Zh) => "助理社会工作师",
            (Metric::CertifiedJunior, En) => "Junior certified",
            (Metric::CertifiedMid, Zh) => "社会工作师",
            (Metric::CertifiedMid, En) => "Mid-level certified",
            (Metric::CertifiedSenior, Zh) => "高级社会工作师",
            (Metric::CertifiedSenior, En) => "Senior certified",
            (Metric::Institutions, Zh) => "社会工作服务机构",
            (Metric::Institutions, En) => "Service institutions",
            (Metric::Stations, Zh) => "乡镇（街道）社工站",
            (Metric::Stations, En) => "Township stations",
            (Metric::DemoStations, Zh) => "示范站",
            (Metric::DemoStations, En) => "Demonstration stations",
            (Metric::Rooms, Zh) => "村（社区）社工室",
            (Metric::Rooms, En) => "Village/community rooms",
            (Metric::Positions, Zh) => "社会工作专业岗位",
            (Metric::Positions, En) => "Professional positions",
            (Metric::StationCoverage, Zh) => "社工站覆盖率",
            (Metric::StationCoverage, En) => "Station coverage",
            (Metric::RoomCoverage, Zh) => "社工室覆盖率",
            (Metric::RoomCoverage, En) => "Room coverage",
        }
    }
}

/// An official target: reach at least `threshold` of `metric` by the end of `deadline`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub metric: Metric,
    /// A count, or a fraction for coverage metrics (1.0 is full coverage).
    pub threshold: f64,
    /// The year by whose end the threshold must be reached.
    pub deadline: i32,
    /// The sentence that sets this target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Provenance>,
}

/// Tolerance for "reached": stocks are real numbers, and 13999.9999999 people is 14000.
const REACHED_EPSILON: f64 = 1e-6;

/// Whether `value` reaches `threshold`.
pub fn reaches(value: f64, threshold: f64) -> bool {
    value >= threshold - REACHED_EPSILON * threshold.abs().max(1.0)
}

/// The verdict on one target for one trajectory.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verdict {
    pub metric: Metric,
    pub threshold: f64,
    pub deadline: i32,
    /// Reached at the end of the deadline year.
    pub met: bool,
    /// The first year of the table in which the threshold is reached, if any.
    pub first_year_met: Option<i32>,
    /// How much is missing at the deadline (0 when met).
    pub gap: f64,
    /// The metric's value at the deadline.
    pub value_at_deadline: f64,
}

/// Evaluates a target against a trajectory. A deadline outside the table is rejected by
/// validation; here it reads as the nearest year so that evaluation never panics.
pub fn evaluate(target: &Target, trajectory: &Trajectory) -> Verdict {
    let value_at_deadline = trajectory
        .row(target.deadline)
        .or(trajectory.years.last())
        .map_or(0.0, |row| target.metric.value(row));
    let met = reaches(value_at_deadline, target.threshold);
    let first_year_met = trajectory
        .years
        .iter()
        .find(|row| reaches(target.metric.value(row), target.threshold))
        .map(|row| row.year);
    Verdict {
        metric: target.metric,
        threshold: target.threshold,
        deadline: target.deadline,
        met,
        first_year_met,
        gap: if met {
            0.0
        } else {
            target.threshold - value_at_deadline
        },
        value_at_deadline,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trajectory(talent: &[f64]) -> Trajectory {
        Trajectory {
            years: talent
                .iter()
                .enumerate()
                .map(|(i, t)| YearRow {
                    year: 2020 + i as i32,
                    talent: *t,
                    ..YearRow::default()
                })
                .collect(),
            warnings: vec![],
        }
    }

    fn talent_target(threshold: f64, deadline: i32) -> Target {
        Target {
            metric: Metric::Talent,
            threshold,
            deadline,
            source: None,
        }
    }

    #[test]
    fn met_target_has_no_gap_and_its_first_year() {
        let v = evaluate(
            &talent_target(100.0, 2022),
            &trajectory(&[50.0, 100.0, 120.0]),
        );
        assert!(v.met);
        assert_eq!(v.first_year_met, Some(2021));
        assert_eq!(v.gap, 0.0);
    }

    #[test]
    fn missed_target_reports_gap_at_deadline_and_later_first_year() {
        let v = evaluate(
            &talent_target(100.0, 2021),
            &trajectory(&[50.0, 80.0, 120.0]),
        );
        assert!(!v.met);
        assert_eq!(v.gap, 20.0);
        assert_eq!(v.first_year_met, Some(2022));
    }

    #[test]
    fn never_reached_has_no_first_year() {
        let v = evaluate(&talent_target(1000.0, 2022), &trajectory(&[1.0, 2.0, 3.0]));
        assert_eq!(v.first_year_met, None);
    }

    #[test]
    fn rounding_noise_still_counts_as_reached() {
        assert!(reaches(13_999.999_999_9, 14_000.0));
        assert!(!reaches(13_999.0, 14_000.0));
    }

    #[test]
    fn metric_keys_round_trip() {
        for metric in Metric::ALL {
            assert_eq!(Metric::from_key(metric.key()), Some(metric));
        }
    }
}
