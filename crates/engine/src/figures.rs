//! The registry of output figures: every number of the year table, its permanent key, what it
//! counts and whether it can be a target. `YearRow`, `Metric`, the year table, the CSV/JSON
//! reports and the charts all read this one table, so a figure is named in one place. Names for
//! people live in `i18n`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What a figure counts, which decides how it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureUnit {
    /// People or units (stations, rooms, institutions, positions).
    Count,
    /// A fraction of a ceiling (coverage), shown as a percentage.
    Share,
    /// Money in 元.
    Yuan,
}

/// Which way a target on a figure points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    /// Reach at least the threshold (talent, stations, coverage…).
    AtLeast,
    /// Stay at or below the threshold (a budget ceiling).
    AtMost,
}

macro_rules! figures {
    ($($field:ident = $key:literal : $variant:ident $unit:ident $goal:ident;)*) => {
        /// End-of-year figures for one year, in the order of [`Metric::ALL`].
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        pub struct YearRow {
            pub year: i32,
            $(pub $field: f64,)*
        }

        /// The number of figures in a row (all but `year`).
        pub const FIGURE_COUNT: usize = [$($key,)*].len();

        impl YearRow {
            /// The permanent keys of the figures of a row, in table order (JSON, CSV, links).
            pub const FIELDS: [&'static str; FIGURE_COUNT] = [$($key,)*];

            /// The figures of the row in the order of [`YearRow::FIELDS`].
            pub fn fields(&self) -> [f64; FIGURE_COUNT] {
                [$(self.$field,)*]
            }

            /// A row from figures in the order of [`YearRow::FIELDS`].
            pub fn from_fields(year: i32, figures: [f64; FIGURE_COUNT]) -> YearRow {
                let [$($field,)*] = figures;
                YearRow { year, $($field,)* }
            }
        }

        /// An output figure of the model: what a target measures, a chart plots, a column shows.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Metric {
            $($variant,)*
        }

        impl Metric {
            /// Every figure, in table order.
            pub const ALL: [Metric; FIGURE_COUNT] = [$(Metric::$variant,)*];

            /// The permanent key, as in files, links and JSON.
            pub fn key(self) -> &'static str {
                match self {
                    $(Metric::$variant => $key,)*
                }
            }

            /// The figure's value in one row of the year table.
            pub fn value(self, row: &YearRow) -> f64 {
                match self {
                    $(Metric::$variant => row.$field,)*
                }
            }

            /// What the figure counts.
            pub fn unit(self) -> FigureUnit {
                match self {
                    $(Metric::$variant => FigureUnit::$unit,)*
                }
            }

            /// Which way a target on this figure points, or `None` when it cannot be a target.
            pub fn goal(self) -> Option<Goal> {
                match self {
                    $(Metric::$variant => figures!(@goal $goal),)*
                }
            }
        }
    };
    (@goal AtLeast) => { Some(Goal::AtLeast) };
    (@goal AtMost) => { Some(Goal::AtMost) };
    (@goal None) => { None };
}

figures! {
    talent = "talent": Talent Count AtLeast;
    certified = "certified": Certified Count AtLeast;
    certified_junior = "certified_junior": CertifiedJunior Count AtLeast;
    certified_mid = "certified_mid": CertifiedMid Count AtLeast;
    certified_senior = "certified_senior": CertifiedSenior Count AtLeast;
    institutions = "institutions": Institutions Count AtLeast;
    stations = "stations": Stations Count AtLeast;
    demo_stations = "demo_stations": DemoStations Count AtLeast;
    rooms = "rooms": Rooms Count AtLeast;
    positions = "positions": Positions Count AtLeast;
    budget = "budget": Budget Yuan None;
    budget_cumulative = "budget_cumulative": BudgetCumulative Yuan AtMost;
    station_coverage = "station_coverage": StationCoverage Share AtLeast;
    room_coverage = "room_coverage": RoomCoverage Share AtLeast;
    staff_needed = "staff_needed": StaffNeeded Count None;
}

impl Metric {
    /// Every figure in the order a person reads a year table: each coverage beside what it
    /// covers, money last. The app's year table, the printed report and the command line's
    /// table show these columns; files (CSV, JSON) keep the registry's order, [`Metric::ALL`].
    pub const READING_ORDER: [Metric; FIGURE_COUNT] = [
        Metric::Talent,
        Metric::Certified,
        Metric::CertifiedJunior,
        Metric::CertifiedMid,
        Metric::CertifiedSenior,
        Metric::Institutions,
        Metric::Stations,
        Metric::StationCoverage,
        Metric::DemoStations,
        Metric::Rooms,
        Metric::RoomCoverage,
        Metric::Positions,
        Metric::StaffNeeded,
        Metric::Budget,
        Metric::BudgetCumulative,
    ];

    /// The figures a target can be set on, in the order pickers list them.
    pub fn targetable() -> impl Iterator<Item = Metric> {
        Metric::ALL.into_iter().filter(|m| m.goal().is_some())
    }

    /// The figure with this key, if any.
    pub fn from_key(key: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.key() == key)
    }

    /// Whether the figure counts people (rather than stations, rooms, institutions or posts):
    /// what a unit after its number says ("人" or "个").
    pub fn counts_people(self) -> bool {
        matches!(
            self,
            Metric::Talent
                | Metric::Certified
                | Metric::CertifiedJunior
                | Metric::CertifiedMid
                | Metric::CertifiedSenior
                | Metric::StaffNeeded
        )
    }

    /// Whether the figure is a fraction (coverage) rather than a count or money.
    pub fn is_coverage(self) -> bool {
        self.unit() == FigureUnit::Share
    }
}

impl Serialize for Metric {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for Metric {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Metric, D::Error> {
        let key = String::deserialize(deserializer)?;
        Metric::from_key(&key).ok_or_else(|| {
            let known: Vec<&str> = Metric::ALL.iter().map(|m| m.key()).collect();
            serde::de::Error::custom(format!(
                "unknown metric '{key}' (known: {})",
                known.join(", ")
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_reading_order_has_every_figure_once() {
        let mut read = super::Metric::READING_ORDER.to_vec();
        read.sort();
        let mut all = super::Metric::ALL.to_vec();
        all.sort();
        assert_eq!(read, all);
    }

    use super::*;

    #[test]
    fn keys_round_trip_and_are_unique() {
        for (i, metric) in Metric::ALL.into_iter().enumerate() {
            assert_eq!(Metric::from_key(metric.key()), Some(metric));
            assert_eq!(YearRow::FIELDS[i], metric.key());
        }
    }

    #[test]
    fn a_row_reads_back_its_figures_by_metric() {
        let figures: [f64; FIGURE_COUNT] = std::array::from_fn(|i| i as f64 + 0.5);
        let row = YearRow::from_fields(2024, figures);
        assert_eq!(row.fields(), figures);
        for (i, metric) in Metric::ALL.into_iter().enumerate() {
            assert_eq!(metric.value(&row), figures[i], "{}", metric.key());
        }
    }

    #[test]
    fn metrics_serialize_as_their_keys() {
        let json = serde_json::to_string(&Metric::RoomCoverage).unwrap();
        assert_eq!(json, "\"room_coverage\"");
        assert_eq!(
            serde_json::from_str::<Metric>("\"budget_cumulative\"").unwrap(),
            Metric::BudgetCumulative
        );
        assert!(serde_json::from_str::<Metric>("\"nonsense\"").is_err());
    }

    #[test]
    fn only_budget_is_a_ceiling_and_some_figures_are_not_targets() {
        assert_eq!(Metric::BudgetCumulative.goal(), Some(Goal::AtMost));
        assert_eq!(Metric::Talent.goal(), Some(Goal::AtLeast));
        assert_eq!(Metric::StaffNeeded.goal(), None);
        assert!(Metric::targetable().all(|m| m.goal().is_some()));
    }
}
