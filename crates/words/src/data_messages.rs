//! What was wrong with data from outside (a plan file, a scenario or story file, stored
//! plans), in Chinese and English: the problem, and the field named as the planner knows it —
//! "每年新增人才" for `levers.hires`, "第2个目标的期限" for `targets[1].deadline`.

use crate::labels::param_label;
use crate::Lang;
use swplan_plans::data_problem::{DataPath, DataProblem};

/// The problem as a clause, without a final full stop: it follows "文件不是有效的方案文件：".
pub fn data_problem_message(problem: &DataProblem, lang: Lang) -> String {
    use DataProblem as P;
    match (problem, lang) {
        (P::Empty, Lang::Zh) => "文件是空的".into(),
        (P::Empty, Lang::En) => "it is empty".into(),
        (P::NotData, Lang::Zh) => "内容不是本应用能读取的数据（可能是另一种文件）".into(),
        (P::NotData, Lang::En) => {
            "its content is not data this app reads (perhaps another kind of file)".into()
        }
        (P::Truncated, Lang::Zh) => {
            "内容在结尾前中断了（可能在复制、下载或保存时被截断）".into()
        }
        (P::Truncated, Lang::En) => {
            "it stops before its end (perhaps cut short while copying, downloading or saving)"
                .into()
        }
        (P::Syntax { line, column }, Lang::Zh) => {
            format!("第{line}行第{column}个字符处格式有误（可能已损坏，或被手工改动过）")
        }
        (P::Syntax { line, column }, Lang::En) => format!(
            "it is malformed at line {line}, character {column} (damaged, or edited by hand)"
        ),
        (P::Missing(path), Lang::Zh) => format!("缺少“{}”", field_name(path, lang)),
        (P::Missing(path), Lang::En) => format!("“{}” is missing", field_name(path, lang)),
        (P::Unknown(path), Lang::Zh) => format!(
            "含有本应用不认识的一项“{}”（可能拼写有误，或由更新版本的应用写入）",
            last_name(path)
        ),
        (P::Unknown(path), Lang::En) => format!(
            "it holds an entry this app does not know, “{}” (misspelt, or written by a newer version of the app)",
            last_name(path)
        ),
        (P::NotANumber(path), Lang::Zh) => format!("“{}”应为数字", field_name(path, lang)),
        (P::NotANumber(path), Lang::En) => {
            format!("“{}” must be a number", field_name(path, lang))
        }
        (P::NotAYearly(path), Lang::Zh) => format!(
            "“{}”应为一个数字、逐年数字的列表，或起始值加年增长率",
            field_name(path, lang)
        ),
        (P::NotAYearly(path), Lang::En) => format!(
            "“{}” must be one number, a list of yearly numbers, or a start value with a yearly growth",
            field_name(path, lang)
        ),
        (P::WrongType(path), Lang::Zh) => format!("“{}”的写法不对", field_name(path, lang)),
        (P::WrongType(path), Lang::En) => {
            format!("“{}” is not written as it should be", field_name(path, lang))
        }
        (P::Invalid(path), Lang::Zh) => format!("“{}”的值无法识别", field_name(path, lang)),
        (P::Invalid(path), Lang::En) => {
            format!("the value of “{}” is not one this app knows", field_name(path, lang))
        }
    }
}

/// The last field name of a path (an unknown field is named as it is written).
fn last_name(path: &DataPath) -> String {
    path.names()
        .last()
        .map_or_else(|| path.dotted(), |name| name.to_string())
}

/// A field as the planner knows it: a parameter by its label (and the year's position in a
/// schedule), a target by its place in the list, the rest by what it holds.
pub fn field_name(path: &DataPath, lang: Lang) -> String {
    if let Some(key) = path.param() {
        let label = param_label(key, lang);
        return match (path.index_in(key), lang) {
            (Some(i), Lang::Zh) => format!("{label}（逐年值中的第{}个）", i + 1),
            (Some(i), Lang::En) => format!("{label} (yearly value {})", i + 1),
            (None, _) => label.to_string(),
        };
    }
    let names = path.names();
    if let Some(index) = path.index_in("targets") {
        let target = match lang {
            Lang::Zh => format!("第{}个目标", index + 1),
            Lang::En => format!("target {}", index + 1),
        };
        let part = match (names.last().copied(), lang) {
            (Some("metric"), Lang::Zh) => "的指标",
            (Some("metric"), Lang::En) => "’s figure",
            (Some("threshold"), Lang::Zh) => "的目标值",
            (Some("threshold"), Lang::En) => "’s threshold",
            (Some("deadline"), Lang::Zh) => "的期限",
            (Some("deadline"), Lang::En) => "’s deadline",
            _ => "",
        };
        return format!("{target}{part}");
    }
    // The plan's own name sits at the top of a saved plan; a region's name inside its scenario.
    let (zh, en) = match names.as_slice() {
        ["name"] => ("方案名称", "the plan’s name"),
        [.., "name"] | [.., "name", "zh" | "en"] => ("地区名称", "the region’s name"),
        [.., "region"] => ("地区代码", "the region’s code"),
        [.., "base_year"] => ("基准年", "the base year"),
        [.., "end_year"] => ("规划末年", "the last year"),
        [.., "schema"] => ("数据格式版本", "the data format’s version"),
        [.., "model"] => ("计算口径版本", "the model reading"),
        [.., "mc", "runs"] => ("模拟次数", "the number of simulations"),
        [.., "mc", "seed"] => ("随机种子", "the random seed"),
        [.., "mc"] => ("模拟设置", "the simulation settings"),
        ["origin", ..] => (
            "方案的起点（预设及其数据版本）",
            "where the plan starts from (preset and data version)",
        ),
        ["id"] | ["created"] | ["modified"] => {
            ("保存记录（编号和时间）", "the save’s record (id and times)")
        }
        names if names.contains(&"sources") => ("数字的来源说明", "the sources of the numbers"),
        names if names.contains(&"actuals") => ("实际值", "the actual figures"),
        [.., "assumptions"] => ("基础数据与假设", "the starting point and assumptions"),
        [.., "levers"] => ("政策杠杆", "the policy levers"),
        [.., "uncertainty"] => ("不确定性设置", "the uncertainty settings"),
        [.., "scenario"] => ("方案数据", "the plan’s data"),
        _ => {
            return match lang {
                Lang::Zh => format!("字段 {}", path.dotted()),
                Lang::En => format!("the field {}", path.dotted()),
            }
        }
    };
    lang.pick(zh, en).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use swplan_plans::data_problem::PathPart;

    fn path(text: &str) -> DataPath {
        DataPath::fields(&text.split('.').collect::<Vec<_>>())
    }

    #[test]
    fn a_parameter_is_named_by_its_label() {
        let missing = DataProblem::Missing(path("scenario.levers.hires"));
        assert_eq!(
            data_problem_message(&missing, Lang::Zh),
            "缺少“每年新增人才”"
        );
        let text = DataProblem::NotANumber(path("scenario.assumptions.talent"));
        assert_eq!(
            data_problem_message(&text, Lang::En),
            format!("“{}” must be a number", param_label("talent", Lang::En))
        );
    }

    #[test]
    fn a_year_of_a_schedule_and_a_target_are_named_by_position() {
        let mut year = path("scenario.levers.hires");
        year.0.push(PathPart::Index(2));
        assert_eq!(
            field_name(&year, Lang::Zh),
            "每年新增人才（逐年值中的第3个）"
        );
        let deadline = DataPath(vec![
            PathPart::Field("scenario".into()),
            PathPart::Field("targets".into()),
            PathPart::Index(1),
            PathPart::Field("deadline".into()),
        ]);
        assert_eq!(field_name(&deadline, Lang::Zh), "第2个目标的期限");
        assert_eq!(field_name(&deadline, Lang::En), "target 2’s deadline");
    }

    #[test]
    fn other_fields_are_named_by_what_they_hold() {
        assert_eq!(field_name(&path("mc"), Lang::Zh), "模拟设置");
        assert_eq!(field_name(&path("name"), Lang::En), "the plan’s name");
        assert_eq!(field_name(&path("scenario.name.zh"), Lang::Zh), "地区名称");
        assert_eq!(field_name(&path("scenario.base_year"), Lang::Zh), "基准年");
    }

    #[test]
    fn no_message_carries_the_parsers_words() {
        let problems = [
            DataProblem::Empty,
            DataProblem::NotData,
            DataProblem::Truncated,
            DataProblem::Syntax { line: 3, column: 8 },
            DataProblem::Missing(path("scenario.levers.hires")),
            DataProblem::Unknown(path("scenario.levers.hirez")),
            DataProblem::NotANumber(path("scenario.base_year")),
            DataProblem::NotAYearly(path("scenario.levers.hires")),
            DataProblem::WrongType(path("scenario.targets")),
            DataProblem::Invalid(path("origin.kind")),
        ];
        for problem in &problems {
            for lang in [Lang::Zh, Lang::En] {
                let text = data_problem_message(problem, lang);
                for machine in ["EOF", "serde", "untagged", "invalid type", "`", "Yearly"] {
                    assert!(!text.contains(machine), "{text}");
                }
            }
        }
    }
}
