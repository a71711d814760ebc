//! The command line's help in Chinese and English: per command its usage line, a one-line
//! summary (`-h`) and a paragraph (`--help`), per option the name of its value and one line of
//! help, the help topics (`swplan help sources|keys|targets|links`) and the usage errors.
//!
//! The command line (`swplan`, crate `swplan`) parses with `clap` and asks these tables for
//! every sentence, by the names a user types: the command (`run`) and the option's long name
//! without dashes (`set`, `no-targets`) or, for a positional argument, its name (`source`).
//! Nothing here knows `clap`; the command line's tests check that every command and option it
//! defines has its words here, and nothing more.

mod options;
pub(crate) mod topics;
mod usage_errors;

pub use options::{option_text, worded_options, OptionText};
pub use topics::{topic_text, topics_overview, Topic};
pub use usage_errors::{usage_error_message, UsageError};

use super::Lang;

/// The name of the program, as typed and as every usage line starts.
pub const PROGRAM: &str = "swplan";

/// The headings of a help page, in place of `clap`'s English ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Headings {
    pub usage: &'static str,
    /// Positional arguments (sources, files, a topic).
    pub arguments: &'static str,
    pub options: &'static str,
    pub commands: &'static str,
    pub topics: &'static str,
}

const HEADINGS_ZH: Headings = Headings {
    usage: "用法：",
    arguments: "位置参数：",
    options: "选项：",
    commands: "命令：",
    topics: "帮助主题（swplan help <主题>）：",
};

const HEADINGS_EN: Headings = Headings {
    usage: "Usage:",
    arguments: "Arguments:",
    options: "Options:",
    commands: "Commands:",
    topics: "Help topics (swplan help <topic>):",
};

/// The headings of a help page in `lang`.
pub fn headings(lang: Lang) -> &'static Headings {
    in_lang(lang, &HEADINGS_ZH, &HEADINGS_EN)
}

/// The Chinese or the English entry of a table.
fn in_lang<'a, T>(lang: Lang, zh: &'a T, en: &'a T) -> &'a T {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// What the help says of one command (or of `swplan` itself).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommandText {
    /// The usage line, from `swplan` on.
    pub usage: &'static str,
    /// One line: what the command does (`-h`, and the list of commands).
    pub about: &'static str,
    /// A paragraph: what it does and what it prints (`--help`, `swplan help <command>`).
    pub long_about: &'static str,
}

/// Commands in the order the help lists them: (name, Chinese, English). [`PROGRAM`] is
/// `swplan` itself.
const COMMANDS: &[(&str, CommandText, CommandText)] = &[
    (
        PROGRAM,
        CommandText {
            usage: "swplan <命令> [选项] [--lang zh|en]",
            about: "社工人才规划沙盘：在命令行上运行规划模型。",
            long_about: "社工人才规划沙盘：在命令行上运行规划模型——运行方案、求“需要多少”、生成分享链接、比较方案、汇总工作坊。\n语言：取 --lang，否则取环境变量 LANG，否则中文。\nswplan help <命令> 显示一个命令的说明。",
        },
        CommandText {
            usage: "swplan <command> [options] [--lang zh|en]",
            about: "Social Work Workforce Planner: the planning model on the command line.",
            long_about: "Social Work Workforce Planner: the planning model on the command line — run a plan, find what it takes, print a share link, compare plans, pool a workshop.\nLanguage: --lang, else the LANG environment variable, else Chinese.\nswplan help <command> explains one command.",
        },
    ),
    (
        "run",
        CommandText {
            usage: "swplan run <来源> [--set 参数=值 ...] [--target 指标=目标值@年份 ...] [--no-targets] [--runs 次数] [--seed 种子] [--format table|json|csv] [--lang zh|en]",
            about: "运行一个方案：逐年结果表与各目标是否达成。",
            long_about: "运行一个方案：输出到规划末年的逐年结果表，以及每个目标是否达成、何时首次达到、差距或余量多少。\n加 --runs 时另做蒙特卡洛模拟，给出 P10/P50/P90 与每个目标的达成概率。\n链接读不出的部分作为警告写到标准错误输出；run \"<链接>\" 给出的数字与应用中打开该链接时完全相同。",
        },
        CommandText {
            usage: "swplan run <source> [--set key=value ...] [--target metric=threshold@year ...] [--no-targets] [--runs N] [--seed S] [--format table|json|csv] [--lang zh|en]",
            about: "Run one plan: the year table and whether each target is met.",
            long_about: "Runs one plan and prints the year table to the last year, and for each target whether it is met, when it is first reached, and the gap or margin.\nWith --runs it also runs Monte Carlo simulations and adds P10/P50/P90 and each target's probability.\nWhat a link could not deliver is a warning on stderr; run \"<link>\" gives exactly the numbers the app shows for that link.",
        },
    ),
    (
        "seek",
        CommandText {
            usage: "swplan seek <来源> --target <指标> --lever <杠杆> [--confidence 0.8] [--runs 次数] [--seed 种子] [--set 参数=值 ...] [--format table|json] [--lang zh|en]",
            about: "需要多少：达成一个目标所需的政策杠杆最小值。",
            long_about: "需要多少：求一个逐年政策杠杆的最小值（每年相同），使方案按计划达成指定目标；加 --confidence 时，求在蒙特卡洛模拟中以该概率达成所需的值。\n答案是一句话（--format json 时另有数字）；达不到时说明原因。",
        },
        CommandText {
            usage: "swplan seek <source> --target <metric> --lever <key> [--confidence 0.8] [--runs N] [--seed S] [--set key=value ...] [--format table|json] [--lang zh|en]",
            about: "What it takes: the least value of a policy lever that meets a target.",
            long_about: "What it takes: finds the least value of a yearly policy lever (the same every year) with which the plan meets the target as planned; with --confidence, the value that meets it with that probability across Monte Carlo simulations.\nThe answer is a sentence (with the numbers too in --format json); when no value reaches the target, it says why.",
        },
    ),
    (
        "link",
        CommandText {
            usage: "swplan link <来源> [--set 参数=值 ...] [--target 指标=目标值@年份 ...] [--no-targets] [--runs 次数] [--seed 种子] [--base-url 网址] [--lang zh|en]",
            about: "生成方案的分享链接。",
            long_about: "生成方案的分享链接，改动与 run 相同；在应用中打开这个链接就是这个方案，数字永远不变（见 swplan help links）。\n给出 --lang 时，链接也带上界面语言。",
        },
        CommandText {
            usage: "swplan link <source> [--set key=value ...] [--target metric=threshold@year ...] [--no-targets] [--runs N] [--seed S] [--base-url URL] [--lang zh|en]",
            about: "Print a plan's share link.",
            long_about: "Prints the share link of the plan, with the same changes run takes; the link opens this plan in the app, with the same numbers for ever (see swplan help links).\nWith --lang the link carries the interface language too.",
        },
    ),
    (
        "compare",
        CommandText {
            usage: "swplan compare <来源> <来源> [<来源> <来源>] [--format table|json|csv] [--lang zh|en]",
            about: "比较2–4个方案：不同的输入、各目标的结论与预算。",
            long_about: "比较2–4个方案，依次编为A–D：先列出每个不同的输入（各方案都保持不变的参数列一行，否则逐年列出），以及地区名、年份、目标和蒙特卡洛设置的不同；再列出任一方案的每个目标在各方案下的结论（*：不是该方案自己的目标；—：截止年份不在其年份内）和累计预算。\n对比链接或方案保存文件中的每个方案都计入。",
        },
        CommandText {
            usage: "swplan compare <source> <source> [<source> <source>] [--format table|json|csv] [--lang zh|en]",
            about: "Compare 2–4 plans: the inputs that differ, each target's verdicts and the budgets.",
            long_about: "Compares two to four plans, lettered A–D: first every input that differs (a parameter once when each plan keeps it constant, else one row per year), and the region's name, years, targets and Monte Carlo settings; then every target of any plan with each plan's verdict (*: not the plan's own target; —: a deadline outside its years) and each cumulative budget.\nEvery plan of a comparison link or a saved-plans file counts.",
        },
    ),
    (
        "pool",
        CommandText {
            usage: "swplan pool <文件> [<方案保存文件> ...] [--count-identical] [--format table|json|csv] [--lang zh|en]",
            about: "汇总工作坊学员发来的链接。",
            long_about: "汇总一个工作坊：读取每行一个链接的文件或粘贴的聊天记录（“-”表示标准输入），其后的方案保存文件加入其中的方案。\n输出工作坊的预设；每个参数多少人改动、基准、最小、中位、最大与分布；每个目标的达成比例与首次达成年份的范围；以及每条被跳过的内容和原因。",
        },
        CommandText {
            usage: "swplan pool <file> [<saved plans> ...] [--count-identical] [--format table|json|csv] [--lang zh|en]",
            about: "Pool a workshop's links.",
            long_about: "Pools a workshop: reads a file of links, one per line, or a pasted chat (- reads standard input); saved-plans files after it add their plans.\nPrints the workshop's preset; per lever how many changed it, the baseline, min, median, max and a distribution; per target the share that meets it and the spread of first years met; and every skipped entry with its reason.",
        },
    ),
    (
        "optimise",
        CommandText {
            usage: "swplan optimise <来源> [--levers hires,rooms_per_year,...] [--bound 杠杆=最少..最多 ...] [--confidence 0.9] [--budget 8亿] [--discount 0.03] [--seed 种子] [--set 参数=值 ...] [--format table|json|csv] [--link] [--lang zh|en]",
            about: "最省钱方案：达成全部目标、成本最低的逐年安排。",
            long_about: "最省钱方案：在各杠杆每年的范围内，求逐年安排，使方案达成全部目标且全期成本最低（线性规划，结果确定）。成本 = 模型预算（社工站、社工室的建设与运营、证书奖补）+ 每名新增人才的招聘培训费 + 每名报考者的培训费（参数 hire_cost、candidate_cost）。\n加 --confidence 时，方案须在按 Campi–Garatti 界抽样的每个情景中都达标，再在10,000个新情景上实测达成概率（输出的是实测值，不是所要求的值）。加 --budget 时，求预算上限内差距最小的方案。\n输出逐年安排（现方案与最省钱方案）、成本、各目标与实测概率，以及原因：哪些目标和范围起约束、放宽它们各可省多少。达不到时给出最接近的方案和差距。--link 输出这个方案的分享链接。",
        },
        CommandText {
            usage: "swplan optimise <source> [--levers hires,rooms_per_year,...] [--bound key=min..max ...] [--confidence 0.9] [--budget 8亿] [--discount 0.03] [--seed S] [--set key=value ...] [--format table|json|csv] [--link] [--lang zh|en]",
            about: "The cheapest plan: the yearly amounts that meet every target at the least cost.",
            long_about: "The cheapest plan: within each lever's yearly range, finds the yearly amounts with which the plan meets every target at the least cost over the whole period (a linear programme: the answer is exact and the same every time). Cost = the model's budget (building and running stations and rooms, certificate subsidies) + recruiting and training per new talent + training per exam candidate (parameters hire_cost, candidate_cost).\nWith --confidence the plan must meet the targets in every future sampled by the Campi–Garatti bound; its odds are then measured on 10,000 fresh futures (what is printed is the measured rate, not the one asked for). With --budget, the plan that falls least short within the ceiling.\nPrints the plan year by year (current and cheapest), its cost, each target with its measured odds, and why: which targets and ranges bind and what relaxing each would save. When no plan meets every target, the nearest plan and how far it falls short. --link prints the plan as a share link.",
        },
    ),
    (
        "sensitivity",
        CommandText {
            usage: "swplan sensitivity <来源> [--set 参数=值 ...] [--format table|json|csv] [--lang zh|en]",
            about: "哪个杠杆最要紧：每个目标的龙卷风图与不确定性来源的方差占比。",
            long_about: "哪个杠杆最要紧：每次只把一个杠杆或假设调到其合理范围的两端（有不确定性设定的按其波动幅度，否则±20%；完工率按其范围），按目标在截止年的数值变化从大到小排列（龙卷风图）；再用蒙特卡洛（Saltelli 方法、Sobol 点列）估计各不确定性来源对数值和达标与否的一阶与总方差占比。",
        },
        CommandText {
            usage: "swplan sensitivity <source> [--set key=value ...] [--format table|json|csv] [--lang zh|en]",
            about: "Which lever matters most: a tornado per target and the variance shares of the sources of uncertainty.",
            long_about: "Which lever matters most: each lever and assumption swung alone to both ends of its plausible range (its uncertainty spread where it has one, else ±20 %; completion shares across their range), sorted by how far the target's value at its deadline moves (a tornado); then, over the Monte Carlo (Saltelli's estimator on Sobol points), the first-order and total shares of the variance of each target's value, and of whether it is met, that each source of uncertainty explains.",
        },
    ),
    (
        "calibrate",
        CommandText {
            usage: "swplan calibrate <来源> [--fit 杠杆,杠杆] [--actual 指标@年份=值 ...] [--set 参数=值 ...] [--format table|json|csv] [--lang zh|en]",
            about: "用实际值校准：以最小二乘拟合杠杆。",
            long_about: "用方案中的实际值（文件的 [actuals]、链接或 --actual）反推杠杆：每年新增与流失、站室建设与完成率、考试通过率。
输出拟合值及其误差范围（±1个标准误）、逐年的实际值与拟合值、R² 与误差最大的一年；数据不足以区分杠杆时（只有一个数据点、数字几乎不变、新增与流失分不开），说明原因而不给出数字。",
        },
        CommandText {
            usage: "swplan calibrate <source> [--fit lever,lever] [--actual metric@year=value ...] [--set key=value ...] [--format table|json|csv] [--lang zh|en]",
            about: "Calibrate to the actuals: fit levers by least squares.",
            long_about: "Works levers back from the plan's actual figures (the file's [actuals], a link's, or --actual): yearly new talent and attrition, station and room builds and completion, exam pass rates.
Prints the fitted values with their uncertainty (± one standard error), the actual and fitted value per year, R² and the largest miss; when the data cannot tell the levers apart (one point, a flat series, hiring and attrition alike) it says why instead of giving numbers.",
        },
    ),
    (
        "rollup",
        CommandText {
            usage: "swplan rollup <来源> <来源> ... [--target 指标=目标值@年份 ...] [--format table|json|csv] [--lang zh|en]",
            about: "全省汇总：各市方案加起来，按合计判断全省目标。",
            long_about: "把各市的方案加起来：人数、站室、资金逐年相加，覆盖率按合计站数除以合计乡镇（街道）数；全省目标按合计判断，各市自己的目标仍按各市判断。输出全省逐年表、各市的贡献与占比，以及两种目标的结论。",
        },
        CommandText {
            usage: "swplan rollup <source> <source> ... [--target metric=threshold@year ...] [--format table|json|csv] [--lang zh|en]",
            about: "Province roll-up: add up the cities' plans and judge the province's targets on the sum.",
            long_about: "Adds up the cities' plans: people, stations, rooms and money year by year, coverage as the summed stations over the summed townships; the province's targets are judged on the sum and each city's own targets on the city. Prints the province's year table, each city's part and share, and both kinds of verdicts.",
        },
    ),
    (
        "presets",
        CommandText {
            usage: "swplan presets [--lang zh|en]",
            about: "列出内置的地区预设。",
            long_about: "列出内置的地区预设：预设名（可作来源）、地区名与规划年份。",
        },
        CommandText {
            usage: "swplan presets [--lang zh|en]",
            about: "List the built-in presets.",
            long_about: "Lists the built-in regional presets: the slug (a source), the region's name and the years planned.",
        },
    ),
    (
        "help",
        CommandText {
            usage: "swplan help [<命令>|<主题>]",
            about: "显示一个命令或主题的帮助。",
            long_about: "显示帮助：swplan help <命令> 与 swplan <命令> --help 相同；主题有 sources（来源）、keys（参数）、targets（目标）、links（分享链接）。",
        },
        CommandText {
            usage: "swplan help [<command>|<topic>]",
            about: "Show help on a command or a topic.",
            long_about: "Shows help: swplan help <command> is swplan <command> --help; the topics are sources, keys (parameters), targets and links.",
        },
    ),
];

/// The commands, in the order the help lists them (without `swplan` itself).
pub fn command_names() -> impl Iterator<Item = &'static str> {
    COMMANDS
        .iter()
        .map(|(name, _, _)| *name)
        .filter(|name| *name != PROGRAM)
}

/// What the help says of `command` ([`PROGRAM`] for `swplan` itself), if it is one.
pub fn command_text(command: &str, lang: Lang) -> Option<&'static CommandText> {
    COMMANDS
        .iter()
        .find(|(name, _, _)| *name == command)
        .map(|(_, zh, en)| in_lang(lang, zh, en))
}

/// Every command's usage line, then where to read more: what follows a usage error.
pub fn usage_overview(lang: Lang) -> String {
    let mut text = format!("{}\n", headings(lang).usage);
    for name in command_names() {
        if let Some(command) = command_text(name, lang) {
            text += &format!("  {}\n", command.usage);
        }
    }
    text += lang.pick(
        "swplan help <命令> 显示一个命令的说明；swplan help sources|keys|targets|links 显示主题。",
        "swplan help <command> explains one command; swplan help sources|keys|targets|links a topic.",
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_worded_in_both_languages() {
        for (name, zh, en) in COMMANDS {
            assert!(!zh.usage.is_empty() && !en.usage.is_empty(), "{name}");
            for (field, zh, en) in [
                ("about", zh.about, en.about),
                ("long_about", zh.long_about, en.long_about),
            ] {
                assert!(!zh.is_empty() && !en.is_empty(), "{name} {field}");
                assert_ne!(zh, en, "{name} {field}");
            }
        }
    }

    #[test]
    fn every_usage_line_starts_with_the_program_and_its_command() {
        for (name, zh, en) in COMMANDS {
            for usage in [zh.usage, en.usage] {
                assert!(
                    !usage.contains('{'),
                    "a help template would read it: {usage}"
                );
                let expected = if *name == PROGRAM {
                    PROGRAM.to_string()
                } else {
                    format!("{PROGRAM} {name}")
                };
                assert!(usage.starts_with(&expected), "{usage}");
            }
        }
    }

    #[test]
    fn the_overview_lists_every_command_in_the_language() {
        let zh = usage_overview(Lang::Zh);
        let en = usage_overview(Lang::En);
        for name in command_names() {
            assert!(zh.contains(&format!("swplan {name}")), "{zh}");
            assert!(en.contains(&format!("swplan {name}")), "{en}");
        }
        assert!(zh.starts_with("用法：") && !zh.contains("Usage"), "{zh}");
    }
}
