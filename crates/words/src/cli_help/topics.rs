//! The help topics of `swplan help TOPIC`: what a source can be, the parameter keys, the target
//! metrics and what a share link holds. Lists come from the registries (`params::PARAMS`,
//! `Metric::targetable`, the presets) and their labels, so they cannot drift from the model.

use swplan_engine::params::{Group, Kind, Param, Shape, Unit, PARAMS};
use swplan_engine::{FigureUnit, Goal, Metric};
use swplan_plans::presets;

use crate::format::display_width;
use crate::strings::strings;
use crate::{group_label, metric_label, param_label, Lang};

/// A subject of `swplan help`, beside the commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    /// What a source can be: a file, a saved-plans file, a preset, `new`, a link.
    Sources,
    /// The parameter keys of `--set`, with their units.
    Keys,
    /// The target metrics and the `metric=threshold@year` form.
    Targets,
    /// What a share link holds, and that it opens for ever with the same numbers.
    Links,
}

impl Topic {
    pub const ALL: [Topic; 4] = [Topic::Sources, Topic::Keys, Topic::Targets, Topic::Links];

    /// The name typed after `swplan help`.
    pub fn name(self) -> &'static str {
        match self {
            Topic::Sources => "sources",
            Topic::Keys => "keys",
            Topic::Targets => "targets",
            Topic::Links => "links",
        }
    }

    /// The topic typed as `name`, if any.
    pub fn from_name(name: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.name() == name)
    }

    /// One line: what the topic explains.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Topic::Sources => lang.pick(
                "来源可以是什么：文件、预设、new、链接",
                "what a source can be: a file, a preset, new, a link",
            ),
            Topic::Keys => lang.pick(
                "--set 的参数名及其单位",
                "the parameter keys of --set and their units",
            ),
            Topic::Targets => lang.pick(
                "目标的指标与 指标=目标值@年份 的写法",
                "target metrics and the metric=threshold@year form",
            ),
            Topic::Links => lang.pick(
                "分享链接保存什么，为何永远打开同样的数字",
                "what a share link holds, and why it always opens with the same numbers",
            ),
        }
    }
}

/// The topics with their titles, for the end of `swplan --help`.
pub fn topics_overview(lang: Lang) -> String {
    Topic::ALL
        .iter()
        .map(|t| format!("  {:<9}{}\n", t.name(), t.title(lang)))
        .collect()
}

/// The text of `swplan help <topic>`.
pub fn topic_text(topic: Topic, lang: Lang) -> String {
    match topic {
        Topic::Sources => sources(lang),
        Topic::Keys => keys(lang),
        Topic::Targets => targets(lang),
        Topic::Links => links(lang),
    }
}

fn sources(lang: Lang) -> String {
    let presets: Vec<[String; 2]> = presets::all()
        .iter()
        .map(|p| {
            let s = &p.scenario;
            let name = lang.pick(&s.name.zh, &s.name.en);
            [
                p.slug.to_string(),
                format!("{name}  {}–{}", s.base_year, s.end_year),
            ]
        })
        .collect();
    let presets = columns(&presets, "      ");
    match lang {
        Lang::Zh => format!(
            "来源：run、seek、link 各取一个来源，compare 取2–4个。来源可以是：\n\n\
             \x20 方案文件      TOML 或 JSON 格式的地区方案，如 seeds/yunnan.toml（每个数字可注明出处）\n\
             \x20 方案保存文件  应用“我的方案”导出的文件；run、seek、link 用其中第一个方案，compare 计入全部\n\
             \x20 预设名        内置的地区预设（swplan presets 列出）：\n{presets}\
             \x20 new           新建地区的空白模板（seeds/blank.toml），用 --set 填入自己的数字\n\
             \x20 分享链接      完整网址、“?”之后的部分，或含有链接的整条聊天消息；\n\
             \x20               链接中读不出的部分作为警告写到标准错误输出，其余照常运行\n\n\
             一个存在的文件按文件读取；否则按预设名、new 或链接读取。\n\
             pool 的第一个文件是每行一个链接的文件或粘贴的聊天记录（不含链接的行略过），“-”表示标准输入；其后可跟方案保存文件。\n"
        ),
        Lang::En => format!(
            "Sources: run, seek and link take one source, compare two to four. A source is:\n\n\
             \x20 a scenario file    a region's plan in TOML or JSON, e.g. seeds/yunnan.toml (each number may name its source)\n\
             \x20 a saved-plans file a file exported from the app's Saved plans; run, seek and link use its first plan, compare counts them all\n\
             \x20 a preset slug      a built-in regional preset (swplan presets lists them):\n{presets}\
             \x20 new                the blank template of a new region (seeds/blank.toml); fill in your own numbers with --set\n\
             \x20 a share link       a full address, the part after '?', or a whole chat message holding one;\n\
             \x20                    what the link could not deliver is a warning on stderr, and the rest runs\n\n\
             A file that exists is read as a file; anything else as a preset slug, new or a link.\n\
             The first file of pool holds links one per line or a pasted chat (lines without a link are set aside); - reads standard input; saved-plans files may follow.\n"
        ),
    }
}

fn keys(lang: Lang) -> String {
    let mut text = lang
        .pick(
            "--set 参数=值 可改的参数；方案文件与分享链接用同样的键。比例用小数：attrition=0.08 即 8%。\n逐年参数用 --set 时变为每年相同的值；标“逐年”的政策杠杆可作 seek 的 --lever。\n",
            "The parameters --set key=value changes; files and share links use the same keys. Rates are fractions: attrition=0.08 is 8 %.\nA yearly input set with --set becomes that value in every year; a yearly policy lever can be seek's --lever.\n",
        )
        .to_string();
    let rows: Vec<[String; 4]> = PARAMS
        .iter()
        .map(|p| {
            [
                p.key.to_string(),
                param_label(p.key, lang).to_string(),
                param_unit(p, lang),
                kind_label(p, lang),
            ]
        })
        .collect();
    // One set of column widths for every group, so the groups line up.
    let widths = column_widths(&rows);
    let mut groups: Vec<Group> = Vec::new();
    for group in PARAMS.iter().map(|p| p.group) {
        if !groups.contains(&group) {
            groups.push(group);
        }
    }
    for group in groups {
        let in_group: Vec<[String; 4]> = PARAMS
            .iter()
            .zip(&rows)
            .filter(|(p, _)| p.group == group)
            .map(|(_, row)| row.clone())
            .collect();
        text += &format!(
            "\n{}\n{}",
            group_label(group, lang),
            lay_out(&in_group, &widths, "  ")
        );
    }
    text
}

/// A parameter's unit as `--set` takes it: rates as fractions, yearly amounts per year.
fn param_unit(param: &Param, lang: Lang) -> String {
    let unit = match param.unit {
        Unit::Rate => return lang.pick("比例（0–1）", "fraction (0–1)").to_string(),
        Unit::People | Unit::PerUnit => lang.pick("人", "people"),
        Unit::Count => lang.pick("个", "count"),
        Unit::Yuan => lang.pick("元", "yuan"),
    };
    match param.shape {
        Shape::Yearly => format!("{unit}{}", strings(lang).per_year_suffix),
        Shape::Scalar => unit.to_string(),
    }
}

fn kind_label(param: &Param, lang: Lang) -> String {
    let kind = match param.kind {
        Kind::Assumption => lang.pick("起点或假设", "starting point or assumption"),
        Kind::Lever => lang.pick("政策杠杆", "policy lever"),
        Kind::Uncertainty => lang.pick("不确定性", "uncertainty"),
    };
    match param.shape {
        Shape::Yearly => format!("{kind}{}", lang.pick("，逐年", ", yearly")),
        Shape::Scalar => kind.to_string(),
    }
}

fn targets(lang: Lang) -> String {
    let rows: Vec<[String; 4]> = Metric::targetable()
        .map(|m| {
            let goal = match m.goal() {
                Some(Goal::AtMost) => lang.pick("≤ 至多", "≤ at most"),
                _ => lang.pick("≥ 至少", "≥ at least"),
            };
            [
                m.key().to_string(),
                metric_label(m, lang).to_string(),
                goal.to_string(),
                metric_unit(m, lang).to_string(),
            ]
        })
        .collect();
    let metrics = columns(&rows, "  ");
    match lang {
        Lang::Zh => format!(
            "目标写作 --target 指标=目标值@年份（可重复），如 --target talent=140000@2025：到 2025 年底社会工作人才总量至少 14 万。\n\
             覆盖率用小数：station_coverage=1@2025 表示 2025 年底社工站覆盖率达到 100%。\n\
             累计预算是上限：budget_cumulative=5e8@2030 表示到 2030 年底累计不超过 5 亿元。\n\
             截止年份须在方案的年份之内。--no-targets 先去掉来源自带的目标；\n\
             seek 的 --target 只写指标（如 --target talent），指方案中已有的这个目标。\n\n\
             指标：\n{metrics}"
        ),
        Lang::En => format!(
            "A target is --target metric=threshold@year (repeatable), e.g. --target talent=140000@2025: at least 140,000 social-work talent by the end of 2025.\n\
             Coverage is a fraction: station_coverage=1@2025 is 100 % station coverage by the end of 2025.\n\
             The cumulative budget is a ceiling: budget_cumulative=5e8@2030 is at most 500 million yuan spent by the end of 2030.\n\
             The deadline must lie within the plan's years. --no-targets first drops the source's own targets;\n\
             seek's --target names only the metric (e.g. --target talent) of a target the plan has.\n\n\
             Metrics:\n{metrics}"
        ),
    }
}

/// The unit of a target's threshold.
fn metric_unit(metric: Metric, lang: Lang) -> &'static str {
    match metric.unit() {
        FigureUnit::Share => lang.pick("比例（0–1）", "fraction (0–1)"),
        FigureUnit::Yuan => lang.pick("元", "yuan"),
        FigureUnit::Count if metric.counts_people() => lang.pick("人", "people"),
        FigureUnit::Count => lang.pick("个", "count"),
    }
}

fn links(lang: Lang) -> String {
    // The example is of the format most links are written in today.
    let example = format!(
        "?v={}&c=…&p=yunnan.2&h=15000",
        swplan_plans::share::PLAIN_FORMAT
    );
    lang.pick(
        "分享链接把一个方案放在网址的查询部分（如 {example}），只用字母、数字和 - . _ ~，聊天软件和二维码都不会改动它。\n\n\
         链接保存：\n\
         \x20 · 方案的出发点：预设名及其数据版本（p=yunnan.2），或 p=new 表示自建地区；\n\
         \x20 · 与出发点不同的部分：改过的参数（按各自的链接代码，数值用模型单位，比例为小数）、逐年安排、起止年份、方案名与地区名、改过的目标、蒙特卡洛次数与种子；\n\
         \x20 · 对比链接中的第2–4个方案；可选的界面语言（lang）；\n\
         \x20 · 一个校验码（c=…）：链接被截断或手工改过时会说明，而不是悄悄打开另一个方案。\n\n\
         同一个链接永远打开同样的数字：预设的数字日后更正时，旧链接仍按它的数据版本打开，并说明哪些数字已更正；旧格式的链接按明确的迁移步骤读取。\n\
         读取链接从不失败：读不出的键被跳过，并说明用了什么代替。\n\n\
         swplan link 生成链接；swplan run \"<链接>\" 给出与应用中完全相同的数字；compare 与 pool 也接受链接。\n",
        "A share link holds one plan in the query of an address (e.g. {example}), with nothing but letters, digits and - . _ ~, so no chat app or QR reader changes it.\n\n\
         A link holds:\n\
         \x20 · where the plan starts from: a preset's slug and data version (p=yunnan.2), or p=new for a region of your own;\n\
         \x20 · only what differs from it: changed parameters (by their link codes, in model units, rates as fractions), yearly schedules, the years, the plan's and region's names, changed targets, Monte Carlo runs and seed;\n\
         \x20 · plans 2–4 of a comparison link; the interface language if asked (lang);\n\
         \x20 · a checksum (c=…), so a link cut short or edited by hand says so instead of quietly opening another plan.\n\n\
         A link opens with the same numbers for ever: when a preset's numbers are corrected, an older link still opens with its data version's numbers and says what has been corrected since; links of an older format go through explicit migration steps.\n\
         Reading a link never fails: a key that cannot be read is skipped, saying what was used instead.\n\n\
         swplan link prints a link; swplan run \"<link>\" gives exactly the numbers the app shows; compare and pool take links too.\n",
    )
    .replace("{example}", &example)
}

/// Rows laid out in columns padded to the widest cell (Chinese characters two columns wide),
/// each row indented and ending in a newline.
fn columns<const N: usize>(rows: &[[String; N]], indent: &str) -> String {
    lay_out(rows, &column_widths(rows), indent)
}

/// The width of each column: its widest cell.
fn column_widths<const N: usize>(rows: &[[String; N]]) -> [usize; N] {
    std::array::from_fn(|i| rows.iter().map(|r| display_width(&r[i])).max().unwrap_or(0))
}

/// Rows laid out in columns of `widths`; the last column is not padded.
fn lay_out<const N: usize>(rows: &[[String; N]], widths: &[usize; N], indent: &str) -> String {
    let mut text = String::new();
    for row in rows {
        let mut line = indent.to_string();
        for (cell, width) in row.iter().zip(widths) {
            line += cell;
            line += &" ".repeat(width.saturating_sub(display_width(cell)) + 2);
        }
        text += line.trim_end();
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_topic_is_found_by_its_name() {
        for topic in Topic::ALL {
            assert_eq!(Topic::from_name(topic.name()), Some(topic));
        }
        assert_eq!(Topic::from_name("nonsense"), None);
    }

    #[test]
    fn keys_lists_every_parameter_with_its_label_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            let text = topic_text(Topic::Keys, lang);
            for p in PARAMS {
                let line = text
                    .lines()
                    .find(|l| l.split_whitespace().next() == Some(p.key))
                    .unwrap_or_else(|| panic!("{} missing in {lang:?}", p.key));
                assert!(line.contains(param_label(p.key, lang)), "{line}");
            }
        }
    }

    #[test]
    fn keys_gives_rates_as_fractions_and_yearly_amounts_per_year() {
        let zh = topic_text(Topic::Keys, Lang::Zh);
        let line = |key: &str| {
            zh.lines()
                .find(|l| l.split_whitespace().next() == Some(key))
                .unwrap()
                .to_string()
        };
        assert!(line("attrition").contains("比例（0–1）"), "{zh}");
        assert!(line("hires").contains("人/年"), "{zh}");
        assert!(line("station_cost").contains("元"), "{zh}");
    }

    #[test]
    fn targets_lists_every_target_metric_and_no_other() {
        for lang in [Lang::Zh, Lang::En] {
            let text = topic_text(Topic::Targets, lang);
            let listed: Vec<&str> = text
                .lines()
                .filter_map(|l| l.strip_prefix("  "))
                .filter_map(|l| l.split_whitespace().next())
                .collect();
            let expected: Vec<&str> = Metric::targetable().map(Metric::key).collect();
            assert_eq!(listed, expected, "{lang:?}");
        }
        assert!(topic_text(Topic::Targets, Lang::En).contains("station_coverage=1@2025"));
    }

    #[test]
    fn sources_lists_every_preset() {
        let text = topic_text(Topic::Sources, Lang::Zh);
        for p in presets::all() {
            assert!(text.contains(p.slug), "{}", p.slug);
            assert!(text.contains(&p.scenario.name.zh), "{}", p.slug);
        }
    }

    #[test]
    fn chinese_topics_hold_no_english_sentence() {
        for topic in Topic::ALL {
            let text = topic_text(topic, Lang::Zh);
            for english in [" the ", " is ", " a link"] {
                assert!(!text.contains(english), "{topic:?}: {english}");
            }
        }
    }
}
