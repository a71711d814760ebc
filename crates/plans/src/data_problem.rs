//! Why data from outside — a saved-plans file, a scenario or a story file — could not be read,
//! as the parser found it: typed, so `swplan-words` can say it in the planner's language and
//! name the field as the planner knows it ("每年新增人才" for `levers.hires`). The parser's own
//! English text is never kept: a planner never sees it.

use serde::de::DeserializeOwned;
use swplan_engine::params;

/// One step of the way to a value: a field by name, or a position in a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathPart {
    Field(String),
    Index(usize),
}

/// Where in the data a value sits: `scenario.levers.hires`, `scenario.targets[1].deadline`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataPath(pub Vec<PathPart>);

/// The sections of a scenario whose fields are parameters, keyed as [`params::PARAMS`] are.
const PARAM_SECTIONS: [&str; 3] = ["assumptions", "levers", "uncertainty"];

impl DataPath {
    /// A path from its field names (tests and callers that know it).
    pub fn fields(names: &[&str]) -> DataPath {
        DataPath(
            names
                .iter()
                .map(|name| PathPart::Field(name.to_string()))
                .collect(),
        )
    }

    /// The field names and positions, in order.
    pub fn parts(&self) -> &[PathPart] {
        &self.0
    }

    /// The parameter the path leads to or into (`levers.hires[2]` → `hires`), by its key.
    pub fn param(&self) -> Option<&'static str> {
        self.0.windows(2).find_map(|pair| match pair {
            [PathPart::Field(section), PathPart::Field(key)]
                if PARAM_SECTIONS.contains(&section.as_str()) =>
            {
                params::param(key).map(|p| p.key)
            }
            _ => None,
        })
    }

    /// The position in a list the path ends in or passes through last (a year of a schedule,
    /// a target), with the field holding the list.
    pub fn index_in(&self, list: &str) -> Option<usize> {
        self.0.windows(2).rev().find_map(|pair| match pair {
            [PathPart::Field(field), PathPart::Index(index)] if field == list => Some(*index),
            _ => None,
        })
    }

    /// The field names only, without list positions: `["scenario", "targets", "deadline"]`.
    pub fn names(&self) -> Vec<&str> {
        self.0
            .iter()
            .filter_map(|part| match part {
                PathPart::Field(name) => Some(name.as_str()),
                PathPart::Index(_) => None,
            })
            .collect()
    }

    /// The path as data files spell it: `scenario.targets[1].deadline`.
    pub fn dotted(&self) -> String {
        let mut text = String::new();
        for part in &self.0 {
            match part {
                PathPart::Field(name) => {
                    if !text.is_empty() {
                        text.push('.');
                    }
                    text.push_str(name);
                }
                PathPart::Index(index) => text.push_str(&format!("[{index}]")),
            }
        }
        text
    }

    fn with(mut self, name: &str) -> DataPath {
        self.0.push(PathPart::Field(name.to_string()));
        self
    }
}

/// What was wrong with the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataProblem {
    /// Nothing in it.
    Empty,
    /// Not data of this kind at all: it does not begin as JSON (or TOML) does — another kind of
    /// file, or text.
    NotData,
    /// It stops before the data ends: cut short while copying, downloading or saving.
    Truncated,
    /// A character where none belongs, at a line and column (counted from 1): damaged, or
    /// edited by hand.
    Syntax { line: usize, column: usize },
    /// A field the data must have is missing.
    Missing(DataPath),
    /// A field this format does not have: misspelt, or written by a newer app.
    Unknown(DataPath),
    /// A value that must be a number is not one (text, true/false, a fraction for a year).
    NotANumber(DataPath),
    /// A yearly value that is neither one number, a list of numbers, nor a start and growth.
    NotAYearly(DataPath),
    /// A value of another kind than the field takes (text for a list, a list for text).
    WrongType(DataPath),
    /// A value the field does not know (an unknown metric or origin, a negative count).
    Invalid(DataPath),
}

impl DataProblem {
    /// The field the problem is about, if it is about one.
    pub fn path(&self) -> Option<&DataPath> {
        match self {
            DataProblem::Missing(path)
            | DataProblem::Unknown(path)
            | DataProblem::NotANumber(path)
            | DataProblem::NotAYearly(path)
            | DataProblem::WrongType(path)
            | DataProblem::Invalid(path) => Some(path),
            DataProblem::Empty
            | DataProblem::NotData
            | DataProblem::Truncated
            | DataProblem::Syntax { .. } => None,
        }
    }
}

/// Reads JSON text as a `T`, or says what is wrong and where.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, DataProblem> {
    let value: serde_json::Value = json_value(text)?;
    from_value(value)
}

/// Reads JSON text as a tree of values, or says why it is not JSON.
pub fn json_value(text: &str) -> Result<serde_json::Value, DataProblem> {
    // A byte-order mark from an editor is not part of the JSON.
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(DataProblem::Empty);
    }
    serde_json::from_str(text).map_err(|e| json_syntax(&e))
}

/// Reads a tree of JSON values as a `T`, naming the field that does not fit.
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, DataProblem> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = data_path(e.path());
        classify(path, &e.inner().to_string())
    })
}

/// A JSON error of the text itself (not of its fields).
fn json_syntax(error: &serde_json::Error) -> DataProblem {
    use serde_json::error::Category;
    match error.classify() {
        Category::Eof => DataProblem::Truncated,
        // The very first character is wrong: this is not JSON at all.
        _ if error.line() == 1 && error.column() <= 1 => DataProblem::NotData,
        _ => DataProblem::Syntax {
            line: error.line(),
            column: error.column(),
        },
    }
}

/// The path as the parser tracked it.
fn data_path(path: &serde_path_to_error::Path) -> DataPath {
    use serde_path_to_error::Segment;
    DataPath(
        path.iter()
            .filter_map(|segment| match segment {
                Segment::Map { key } => Some(PathPart::Field(key.clone())),
                Segment::Seq { index } => Some(PathPart::Index(*index)),
                Segment::Enum { .. } | Segment::Unknown => None,
            })
            .collect(),
    )
}

/// The kind of a field error, from the message serde's standard errors write (`missing field
/// `x``, `invalid type: …, expected f64`, …): their wording is serde's own and stable.
fn classify(path: DataPath, message: &str) -> DataProblem {
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        return DataProblem::Missing(path.with(field));
    }
    if message.starts_with("unknown field `") {
        return DataProblem::Unknown(path);
    }
    if message.contains("untagged enum Yearly") {
        return DataProblem::NotAYearly(path);
    }
    if message.starts_with("invalid type:") {
        let expected = message.rsplit("expected ").next().unwrap_or("");
        let number = [
            "f64", "f32", "i32", "i64", "u32", "u64", "usize", "a number",
        ]
        .iter()
        .any(|kind| expected.trim() == *kind);
        return if number {
            DataProblem::NotANumber(path)
        } else {
            DataProblem::WrongType(path)
        };
    }
    if message.starts_with("invalid length") || message.contains("did not match any variant") {
        return DataProblem::WrongType(path);
    }
    DataProblem::Invalid(path)
}

/// A TOML error, at the line and column of its place in the text when it has one.
#[cfg(not(target_arch = "wasm32"))]
pub fn toml_syntax(text: &str, error: &toml::de::Error) -> DataProblem {
    let Some(span) = error.span() else {
        return DataProblem::NotData;
    };
    if text.trim().is_empty() {
        return DataProblem::Empty;
    }
    if span.start >= text.trim_end().len() {
        return DataProblem::Truncated;
    }
    let before = &text[..span.start.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    DataProblem::Syntax { line, column }
}

/// Reads a TOML table as a `T`, naming the field that does not fit.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_toml<T: DeserializeOwned>(table: toml::Table) -> Result<T, DataProblem> {
    serde_path_to_error::deserialize(toml::Value::Table(table)).map_err(|e| {
        let path = data_path(e.path());
        classify(path, e.inner().message())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::save::SavedPlan;
    use crate::share::{Origin, PlanSpec};
    use serde_json::{json, Value};

    /// A saved plan as JSON, to break one field at a time.
    fn saved() -> Value {
        let spec = PlanSpec {
            name: Some("方案A".into()),
            origin: Origin::Custom,
            scenario: crate::presets::default_preset().scenario.clone(),
            mc: Default::default(),
        };
        serde_json::to_value(SavedPlan::new("a", spec, "t", "t")).unwrap()
    }

    fn read(value: Value) -> DataProblem {
        from_value::<SavedPlan>(value).unwrap_err()
    }

    fn path(text: &str) -> DataPath {
        DataPath::fields(&text.split('.').collect::<Vec<_>>())
    }

    #[test]
    fn a_missing_field_is_named_with_its_place() {
        let mut value = saved();
        value["scenario"]["levers"]
            .as_object_mut()
            .unwrap()
            .remove("hires");
        let problem = read(value);
        assert_eq!(problem, DataProblem::Missing(path("scenario.levers.hires")));
        assert_eq!(problem.path().unwrap().param(), Some("hires"));
    }

    #[test]
    fn text_where_a_number_belongs_is_not_a_number() {
        let mut value = saved();
        value["scenario"]["assumptions"]["talent"] = json!("abc");
        assert_eq!(
            read(value),
            DataProblem::NotANumber(path("scenario.assumptions.talent"))
        );
        let mut value = saved();
        value["scenario"]["base_year"] = json!(2020.5);
        assert_eq!(
            read(value),
            DataProblem::NotANumber(path("scenario.base_year"))
        );
    }

    #[test]
    fn a_yearly_value_of_another_shape_says_so() {
        let mut value = saved();
        value["scenario"]["levers"]["hires"] = json!([1, "x"]);
        assert_eq!(
            read(value),
            DataProblem::NotAYearly(path("scenario.levers.hires"))
        );
    }

    #[test]
    fn unknown_fields_and_values_are_told_apart() {
        let mut value = saved();
        value["scenario"]["levers"]["hirez"] = json!(1);
        assert_eq!(
            read(value),
            DataProblem::Unknown(path("scenario.levers.hirez"))
        );
        let mut value = saved();
        value["origin"]["kind"] = json!("zzz");
        assert_eq!(read(value), DataProblem::Invalid(path("origin.kind")));
        let mut value = saved();
        value["scenario"]["targets"][0]["metric"] = json!("zzz");
        let problem = read(value);
        assert_eq!(problem.path().unwrap().index_in("targets"), Some(0));
        assert!(matches!(problem, DataProblem::Invalid(_)));
    }

    #[test]
    fn text_that_is_not_json_cut_short_or_damaged_is_told_apart() {
        let text = saved().to_string();
        let cut = text.char_indices().nth(text.chars().count() / 2).unwrap().0;
        assert_eq!(
            from_json::<SavedPlan>(&text[..cut]),
            Err(DataProblem::Truncated)
        );
        assert_eq!(
            from_json::<SavedPlan>("%PDF-1.4"),
            Err(DataProblem::NotData)
        );
        assert_eq!(from_json::<SavedPlan>("  \n"), Err(DataProblem::Empty));
        assert_eq!(
            from_json::<SavedPlan>("{\"id\": 1,, }"),
            Err(DataProblem::Syntax {
                line: 1,
                column: 10
            })
        );
    }

    #[test]
    fn a_path_reads_as_files_spell_it() {
        let path = DataPath(vec![
            PathPart::Field("scenario".into()),
            PathPart::Field("targets".into()),
            PathPart::Index(1),
            PathPart::Field("deadline".into()),
        ]);
        assert_eq!(path.dotted(), "scenario.targets[1].deadline");
        assert_eq!(path.names(), ["scenario", "targets", "deadline"]);
        assert_eq!(path.param(), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn toml_errors_carry_their_line() {
        let text = "schema = 1\nregion = \"x\"\n[levers\nhires = 3";
        let error = toml::from_str::<toml::Table>(text).unwrap_err();
        assert!(matches!(
            toml_syntax(text, &error),
            DataProblem::Syntax { line: 3, .. }
        ));
        let table: toml::Table = toml::from_str("[levers]\nhires = \"a\"").unwrap();
        let problem = from_toml::<swplan_engine::Scenario>(table).unwrap_err();
        assert!(matches!(
            problem,
            DataProblem::Missing(_) | DataProblem::NotAYearly(_)
        ));
    }
}
