//! The help line and value name of every option and positional argument, by command.

use super::in_lang;
use crate::Lang;

/// What the help says of one option or positional argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionText {
    /// The name of its value, shown as `<value>` (none for a flag).
    pub value: Option<&'static str>,
    /// One line: what it does.
    pub help: &'static str,
}

const fn text(value: Option<&'static str>, help: &'static str) -> OptionText {
    OptionText { value, help }
}

/// Any command: an option every command takes means the same in all of them.
const ANY: &str = "*";

/// Options by command (or [`ANY`]) and name: (command, option, Chinese, English). A command's
/// own entry wins over the [`ANY`] one.
const OPTIONS: &[(&str, &str, OptionText, OptionText)] = &[
    (
        ANY,
        "lang",
        text(Some("zh|en"), "提示与输出的语言（未给出时取环境变量 LANG，否则中文）"),
        text(Some("zh|en"), "language of messages and output (else from LANG, else Chinese)"),
    ),
    (
        ANY,
        "help",
        text(None, "显示帮助（-h 简要）"),
        text(None, "show this help (-h: in brief)"),
    ),
    (
        ANY,
        "source",
        text(Some("来源"), "方案文件（TOML/JSON）、方案保存文件、预设名、new 或分享链接（见 swplan help sources）"),
        text(Some("source"), "a scenario file (TOML/JSON), a saved-plans file, a preset slug, new or a share link (see swplan help sources)"),
    ),
    (
        ANY,
        "set",
        text(Some("参数=值"), "改一个参数（可重复）；逐年参数变为每年相同；比例用小数，如 attrition=0.08（参数见 swplan help keys）"),
        text(Some("key=value"), "override one parameter (repeatable); a yearly input becomes that value every year; rates are fractions, e.g. attrition=0.08 (keys: swplan help keys)"),
    ),
    (
        ANY,
        "target",
        text(Some("指标=目标值@年份"), "增加一个目标（可重复），如 talent=140000@2025；覆盖率用小数（见 swplan help targets）"),
        text(Some("metric=threshold@year"), "add a target (repeatable), e.g. talent=140000@2025; coverage is a fraction (see swplan help targets)"),
    ),
    (
        "seek",
        "target",
        text(Some("指标"), "要达成的目标的指标，方案中须有这个目标，如 talent；写成 指标=目标值@年份 时是增加一个目标"),
        text(Some("metric"), "the metric of the target to meet, which the plan must have, e.g. talent; metric=threshold@year adds a target instead"),
    ),
    (
        ANY,
        "no-targets",
        text(None, "去掉来源自带的目标（再用 --target 加自己的）"),
        text(None, "drop the source's own targets (add your own with --target)"),
    ),
    (
        ANY,
        "runs",
        text(Some("次数"), "蒙特卡洛模拟次数；加上 P10/P50/P90 与达成概率"),
        text(Some("N"), "Monte Carlo runs; adds P10/P50/P90 and the probabilities"),
    ),
    (
        "seek",
        "runs",
        text(Some("次数"), "--confidence 所用的蒙特卡洛模拟次数（默认取方案的设置）"),
        text(Some("N"), "Monte Carlo runs behind --confidence (default: the plan's own)"),
    ),
    (
        "link",
        "runs",
        text(Some("次数"), "链接中记下的蒙特卡洛模拟次数"),
        text(Some("N"), "Monte Carlo runs the link records"),
    ),
    (
        ANY,
        "seed",
        text(Some("种子"), "蒙特卡洛随机种子（默认取方案的设置；种子相同，结果相同）"),
        text(Some("S"), "Monte Carlo seed (default: the plan's own; the same seed, the same output)"),
    ),
    (
        "link",
        "seed",
        text(Some("种子"), "链接中记下的蒙特卡洛随机种子"),
        text(Some("S"), "Monte Carlo seed the link records"),
    ),
    (
        ANY,
        "format",
        text(Some("table|json|csv"), "输出格式：table（表格，默认）、json，或 csv（UTF-8 带 BOM，供 Excel 打开）"),
        text(Some("table|json|csv"), "output format: table (the default), json, or csv (UTF-8 with a byte-order mark, for Excel)"),
    ),
    (
        "seek",
        "format",
        text(Some("table|json"), "输出格式：table（一句话，默认）或 json（数字与这句话）"),
        text(Some("table|json"), "output format: table (a sentence, the default) or json (the numbers and the sentence)"),
    ),
    (
        "seek",
        "lever",
        text(Some("杠杆"), "要调整的逐年政策杠杆的参数名，如 hires（见 swplan help keys）"),
        text(Some("key"), "the yearly policy lever to change, e.g. hires (see swplan help keys)"),
    ),
    (
        "seek",
        "confidence",
        text(Some("0–1"), "要求的达成概率，在 0 与 1 之间，如 0.8 表示 80%；不给时按计划达成即可"),
        text(Some("0–1"), "the probability to meet the target with, between 0 and 1 (0.8 is 80 %); without it, meeting it as planned"),
    ),
    (
        "link",
        "base-url",
        text(Some("网址"), "应用所在的网址（默认 http://127.0.0.1:8080/，即 scripts/serve.sh 的地址）"),
        text(Some("URL"), "where the app is served (default http://127.0.0.1:8080/, as scripts/serve.sh serves it)"),
    ),
    (
        "compare",
        "sources",
        text(Some("来源"), "2–4个来源：方案文件、方案保存文件、预设名、new 或链接；对比链接与保存文件中的每个方案都计入"),
        text(Some("source"), "two to four sources: files, saved-plans files, presets, new or links; each plan of a comparison link or a saved-plans file counts"),
    ),
    (
        "pool",
        "files",
        text(Some("文件"), "先是每行一个链接的文件或聊天记录（- 为标准输入），其后可跟方案保存文件"),
        text(Some("file"), "a file of links, one per line, or a chat (- is standard input), then any saved-plans files"),
    ),
    (
        "pool",
        "count-identical",
        text(None, "相同的方案分别计入（默认只计第一个）"),
        text(None, "count identical plans each (by default only the first counts)"),
    ),
    (
        "optimise",
        "levers",
        text(Some("杠杆,..."), "可调整的逐年杠杆，逗号分隔，如 hires,rooms_per_year（默认：推动方案目标的杠杆；其余保持现方案）"),
        text(Some("key,..."), "the yearly levers it may move, comma-separated, e.g. hires,rooms_per_year (default: those that drive the plan's targets; the others keep the plan's values)"),
    ),
    (
        "optimise",
        "bound",
        text(Some("杠杆=最少..最多"), "一个杠杆每年的范围（可重复），如 hires=0..25000、rooms_per_year=..400；在 杠杆 后加 @年份 只限那一年，如 stations_per_year@2026=0..0；默认 0 到现方案最大值的两倍"),
        text(Some("key=min..max"), "a lever's yearly range (repeatable), e.g. hires=0..25000, rooms_per_year=..400; key@year bounds that year only, e.g. stations_per_year@2026=0..0; default 0 to twice the plan's largest amount"),
    ),
    (
        "optimise",
        "confidence",
        text(Some("0–1"), "要求的把握程度，如 0.9；方案须在抽样的每个情景中都达标，并输出在新情景中实测的达成概率；不给时按计划达成即可"),
        text(Some("0–1"), "the confidence asked for, e.g. 0.9: the plan must meet the targets in every sampled future, and the odds measured on fresh futures are printed; without it, meeting them as planned"),
    ),
    (
        "optimise",
        "budget",
        text(Some("金额"), "全期成本上限（元，可写 8亿、5000万）：改为求上限内差距最小的方案"),
        text(Some("yuan"), "a ceiling on the whole period's cost (yuan; 8亿 or 5000万 also work): finds the plan that falls least short within it"),
    ),
    (
        "optimise",
        "discount",
        text(Some("比例"), "求最低成本时的年折现率，如 0.03（默认 0，不折现）"),
        text(Some("rate"), "yearly discount rate of the least cost, e.g. 0.03 (default 0: none)"),
    ),
    (
        "optimise",
        "seed",
        text(Some("种子"), "抽样情景与实测所用的随机种子（默认取方案的设置；种子相同，结果相同）"),
        text(Some("S"), "seed of the sampled and the fresh futures (default: the plan's own; the same seed, the same answer)"),
    ),
    (
        "optimise",
        "link",
        text(None, "输出把最省钱方案放进方案后的分享链接，而不是报告"),
        text(None, "print the share link of the plan with the cheapest plan in place, instead of the report"),
    ),
    (
        ANY,
        "actual",
        text(Some("指标@年份=值"), "一个实际值（可重复），如 talent@2023=90000 或 certified@2024=4100；与文件中的 [actuals] 一起使用"),
        text(Some("metric@year=value"), "an actual figure (repeatable), e.g. talent@2023=90000 or certified@2024=4100; added to the file's [actuals]"),
    ),
    (
        "run",
        "reproject",
        text(None, "从最新实际值重新推算：逐年表从最新有实际值的年份开始，目标按重新推算判断，--runs 的模拟也从那里开始"),
        text(None, "re-project from the latest actual: the year table starts in the last year with actuals, the targets are judged on the re-projection, and --runs starts there too"),
    ),
    (
        "calibrate",
        "fit",
        text(Some("杠杆,杠杆"), "要拟合的杠杆，逗号分隔：hires、attrition、stations_per_year、station_completion、rooms_per_year、room_completion、pass_junior、pass_mid、pass_senior（默认：有实际值的指标的驱动杠杆）"),
        text(Some("lever,lever"), "the levers to fit, comma-separated: hires, attrition, stations_per_year, station_completion, rooms_per_year, room_completion, pass_junior, pass_mid, pass_senior (default: the drivers of the figures with actuals)"),
    ),
    (
        "rollup",
        "sources",
        text(Some("来源"), "各市的方案：方案文件、方案保存文件、预设名、链接，或汇总文件与汇总链接（带全省目标）"),
        text(Some("source"), "the cities' plans: files, saved-plans files, presets, links, or a roll-up file or link (with the province's targets)"),
    ),
    (
        "rollup",
        "target",
        text(Some("指标=目标值@年份"), "一个全省目标（可重复），按各市合计判断，如 station_coverage=1@2025"),
        text(Some("metric=threshold@year"), "a province target (repeatable), judged on the cities' sum, e.g. station_coverage=1@2025"),
    ),
    (
        "help",
        "topic",
        text(Some("命令|主题"), "命令名（run、seek、link、compare、pool、optimise、sensitivity、calibrate、rollup、presets）或主题：sources、keys、targets、links"),
        text(Some("command|topic"), "a command (run, seek, link, compare, pool, optimise, sensitivity, calibrate, rollup, presets) or a topic: sources, keys, targets, links"),
    ),
];

/// What the help says of `option` (its long name without dashes, or a positional argument's
/// name) in `command`, if the tables have it.
pub fn option_text(command: &str, option: &str, lang: Lang) -> Option<&'static OptionText> {
    let entry = |scope: &str| {
        OPTIONS
            .iter()
            .find(|(c, o, _, _)| *c == scope && *o == option)
    };
    entry(command)
        .or_else(|| entry(ANY))
        .map(|(_, _, zh, en)| in_lang(lang, zh, en))
}

/// Every (command, option) the tables word, the command `None` for an option worded for any
/// command: for the command line's test that none is left over.
pub fn worded_options() -> impl Iterator<Item = (Option<&'static str>, &'static str)> {
    OPTIONS
        .iter()
        .map(|(command, option, _, _)| ((*command != ANY).then_some(*command), *option))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_is_worded_in_both_languages() {
        for (command, option, zh, en) in OPTIONS {
            assert!(!zh.help.is_empty() && !en.help.is_empty());
            assert_ne!(zh.help, en.help, "{command} --{option}");
            assert_eq!(
                zh.value.is_some(),
                en.value.is_some(),
                "{command} --{option}"
            );
        }
    }

    #[test]
    fn a_commands_own_option_text_wins_over_the_shared_one() {
        let seek = option_text("seek", "target", Lang::En).unwrap();
        let run = option_text("run", "target", Lang::En).unwrap();
        assert_eq!(seek.value, Some("metric"));
        assert_eq!(run.value, Some("metric=threshold@year"));
        assert_eq!(option_text("run", "nonsense", Lang::Zh), None);
    }
}
