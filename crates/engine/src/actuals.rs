//! Actual figures (实际值): what the civil-affairs statistics say a region really had at the end
//! of a year, entered beside the plan as the years go by. Data only: checked here, compared
//! with the plan here ([`deviations`]), re-projected from in `reproject`; worded elsewhere.
//!
//! In a scenario file they sit under `[actuals]`, one table per figure, keyed by year; a value is
//! a number, or a table with a `note` saying where it comes from:
//!
//! ```toml
//! [actuals.talent]
//! 2023 = 90000
//! 2024 = { value = 95000, note = "2024年民政统计公报" }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::figures::Metric;

/// The figures that can have actual values: the model's stocks, as the year table names them.
/// Coverage follows from stations (or rooms) and townships (or villages), and the yearly budget
/// and the staff needed from the stocks, so they are not entered.
pub const ACTUAL_FIGURES: [Metric; 11] = [
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
    Metric::BudgetCumulative,
];

/// The certificate levels, lowest first: the parts of [`Metric::Certified`].
pub const CERTIFIED_LEVELS: [Metric; 3] = [
    Metric::CertifiedJunior,
    Metric::CertifiedMid,
    Metric::CertifiedSenior,
];

/// Whether a figure can have actual values (see [`ACTUAL_FIGURES`]).
pub fn is_actual_figure(metric: Metric) -> bool {
    ACTUAL_FIGURES.contains(&metric)
}

/// One actual figure: its value at the end of a year and, optionally, where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "ActualForm", into = "ActualForm")]
pub struct Actual {
    pub value: f64,
    /// The planner's note on the source ("2024年民政统计公报"), kept as typed.
    pub note: Option<String>,
}

impl Actual {
    /// An actual value without a note.
    pub fn new(value: f64) -> Actual {
        Actual { value, note: None }
    }
}

/// How an actual is written: a bare number when it has no note.
#[derive(Clone, Serialize, Deserialize)]
#[serde(untagged)]
enum ActualForm {
    Value(f64),
    Noted {
        value: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
}

impl From<ActualForm> for Actual {
    fn from(form: ActualForm) -> Actual {
        match form {
            ActualForm::Value(value) => Actual::new(value),
            ActualForm::Noted { value, note } => Actual { value, note },
        }
    }
}

impl From<Actual> for ActualForm {
    fn from(actual: Actual) -> ActualForm {
        match actual.note {
            None => ActualForm::Value(actual.value),
            note => ActualForm::Noted {
                value: actual.value,
                note,
            },
        }
    }
}

/// A plan's actual figures, per figure and year. Empty for a plan made before any came in.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Actuals(BTreeMap<Metric, BTreeMap<i32, Actual>>);

/// Years are table keys: text in TOML and JSON (`2023 = 90000`, `"2023": 90000`). Read from a
/// tree of values (a TOML table, a JSON value) a key arrives as text, which an integer key does
/// not accept, so a year key reads either.
impl<'de> Deserialize<'de> for Actuals {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Actuals, D::Error> {
        let read: BTreeMap<Metric, BTreeMap<YearKey, Actual>> =
            BTreeMap::deserialize(deserializer)?;
        Ok(Actuals(
            read.into_iter()
                .map(|(metric, years)| (metric, years.into_iter().map(|(y, a)| (y.0, a)).collect()))
                .collect(),
        ))
    }
}

/// A year as a key: a whole number, or text holding one.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct YearKey(i32);

impl<'de> Deserialize<'de> for YearKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<YearKey, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = YearKey;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a year")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<YearKey, E> {
                i32::try_from(v).map(YearKey).map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<YearKey, E> {
                i32::try_from(v).map(YearKey).map_err(E::custom)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<YearKey, E> {
                v.trim()
                    .parse()
                    .map(YearKey)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(v), &self))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl Actuals {
    /// Whether no actual figure is entered.
    pub fn is_empty(&self) -> bool {
        self.0.values().all(BTreeMap::is_empty)
    }

    /// Sets the actual of `metric` at the end of `year`; returns the one it replaces.
    pub fn insert(&mut self, metric: Metric, year: i32, actual: Actual) -> Option<Actual> {
        self.0.entry(metric).or_default().insert(year, actual)
    }

    /// Removes the actual of `metric` in `year`; returns it.
    pub fn remove(&mut self, metric: Metric, year: i32) -> Option<Actual> {
        let series = self.0.get_mut(&metric)?;
        let removed = series.remove(&year);
        if series.is_empty() {
            self.0.remove(&metric);
        }
        removed
    }

    /// The actual of `metric` in `year`, with its note.
    pub fn get(&self, metric: Metric, year: i32) -> Option<&Actual> {
        self.0.get(&metric)?.get(&year)
    }

    /// The actual value of `metric` in `year`, as entered.
    pub fn value(&self, metric: Metric, year: i32) -> Option<f64> {
        self.get(metric, year).map(|actual| actual.value)
    }

    /// The entered actuals of `metric`, earliest year first.
    pub fn series(&self, metric: Metric) -> impl Iterator<Item = (i32, &Actual)> {
        self.0
            .get(&metric)
            .into_iter()
            .flat_map(|series| series.iter().map(|(year, actual)| (*year, actual)))
    }

    /// Every entered actual: figure, year and value, in figure order then year order.
    pub fn entries(&self) -> impl Iterator<Item = (Metric, i32, &Actual)> {
        self.0.iter().flat_map(|(metric, series)| {
            series
                .iter()
                .map(move |(year, actual)| (*metric, *year, actual))
        })
    }

    /// The figures that have at least one actual, in table order.
    pub fn metrics(&self) -> impl Iterator<Item = Metric> + '_ {
        self.0
            .iter()
            .filter(|(_, series)| !series.is_empty())
            .map(|(metric, _)| *metric)
    }

    /// The last year with any actual: where a re-projection starts.
    pub fn latest_year(&self) -> Option<i32> {
        self.entries().map(|(_, year, _)| year).max()
    }

    /// The latest actual of `metric`: its year and value.
    pub fn latest(&self, metric: Metric) -> Option<(i32, &Actual)> {
        self.series(metric).last()
    }

    /// The actuals of the years up to and including `year` (to fit on a back-test's early years).
    pub fn up_to(&self, year: i32) -> Actuals {
        self.filter_years(|y| y <= year)
    }

    /// The actuals of the years after `year`.
    pub fn after(&self, year: i32) -> Actuals {
        self.filter_years(|y| y > year)
    }

    fn filter_years(&self, keep: impl Fn(i32) -> bool) -> Actuals {
        let mut kept = Actuals::default();
        for (metric, year, actual) in self.entries().filter(|(_, year, _)| keep(*year)) {
            kept.insert(metric, year, actual.clone());
        }
        kept
    }
}

/// Actuals without notes from (figure, year, value) triples, as `--actual METRIC@YEAR=VALUE`
/// gives them; a later triple for the same figure and year replaces an earlier one.
impl FromIterator<(Metric, i32, f64)> for Actuals {
    fn from_iter<I: IntoIterator<Item = (Metric, i32, f64)>>(triples: I) -> Actuals {
        let mut actuals = Actuals::default();
        for (metric, year, value) in triples {
            actuals.insert(metric, year, Actual::new(value));
        }
        actuals
    }
}
