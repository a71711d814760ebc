//! `swplan`: the planner's model on the command line.
//!
//! ```text
//! swplan run <scenario file | preset> [--set key=value ...] [--format table|json|csv] [--lang zh|en]
//! swplan presets
//! ```

use std::path::Path;
use std::process::ExitCode;

use swplan::i18n::Lang;
use swplan::model::{evaluate, params, simulate, validate, Scenario, Verdict};
use swplan::presets::{self, LoadError};
use swplan::report::{self, Format};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = language(&args);
    match dispatch(&args, lang) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(message)) => {
            eprintln!("{message}\n\n{}", usage(lang));
            ExitCode::from(2)
        }
        Err(Failure::Input(message)) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

enum Failure {
    /// The command line itself is wrong.
    Usage(String),
    /// The scenario or an override is wrong.
    Input(String),
}

/// The language of messages: `--lang`, else the environment's `LANG`, else Chinese.
fn language(args: &[String]) -> Lang {
    args.iter()
        .position(|a| a == "--lang")
        .and_then(|i| args.get(i + 1))
        .and_then(|tag| Lang::from_tag(tag))
        .or_else(|| std::env::var("LANG").ok().and_then(|v| Lang::from_tag(&v)))
        .unwrap_or_default()
}

fn usage(lang: Lang) -> &'static str {
    lang.pick(
        "用法：\n  swplan run <方案文件或预设名> [--set 参数=值 ...] [--format table|json|csv] [--lang zh|en]\n  swplan presets    列出内置预设",
        "Usage:\n  swplan run <scenario file or preset> [--set key=value ...] [--format table|json|csv] [--lang zh|en]\n  swplan presets    list the built-in presets",
    )
}

fn dispatch(args: &[String], lang: Lang) -> Result<String, Failure> {
    match args.first().map(String::as_str) {
        Some("run") => run(&args[1..], lang),
        Some("presets") => Ok(list_presets(lang)),
        Some("help" | "--help" | "-h") | None => Ok(format!("{}\n", usage(lang))),
        Some(other) => Err(Failure::Usage(match lang {
            Lang::Zh => format!("未知命令“{other}”。"),
            Lang::En => format!("Unknown command '{other}'."),
        })),
    }
}

/// Options shared by the commands that read a scenario.
struct Options {
    source: String,
    sets: Vec<String>,
    format: Format,
}

fn parse_options(args: &[String], lang: Lang) -> Result<Options, Failure> {
    let mut source = None;
    let mut sets = Vec::new();
    let mut format = Format::Table;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |flag: &str| {
            rest.next().cloned().ok_or_else(|| {
                Failure::Usage(match lang {
                    Lang::Zh => format!("{flag} 后缺少取值。"),
                    Lang::En => format!("{flag} needs a value."),
                })
            })
        };
        match arg.as_str() {
            "--set" => sets.push(value("--set")?),
            "--format" => {
                let name = value("--format")?;
                format = Format::from_name(&name).ok_or_else(|| {
                    Failure::Usage(match lang {
                        Lang::Zh => format!("未知输出格式“{name}”（可选 table、json、csv）。"),
                        Lang::En => format!("Unknown format '{name}' (table, json or csv)."),
                    })
                })?;
            }
            "--lang" => {
                value("--lang")?;
            }
            flag if flag.starts_with("--") => {
                return Err(Failure::Usage(match lang {
                    Lang::Zh => format!("未知选项“{flag}”。"),
                    Lang::En => format!("Unknown option '{flag}'."),
                }))
            }
            _ if source.is_none() => source = Some(arg.clone()),
            extra => {
                return Err(Failure::Usage(match lang {
                    Lang::Zh => format!("多余的参数“{extra}”。"),
                    Lang::En => format!("Unexpected argument '{extra}'."),
                }))
            }
        }
    }
    let source = source.ok_or_else(|| {
        Failure::Usage(
            lang.pick("缺少方案文件。", "Missing the scenario file.")
                .into(),
        )
    })?;
    Ok(Options {
        source,
        sets,
        format,
    })
}

/// Loads the scenario named on the command line (a file, else a preset slug) and applies `--set`.
fn load(options: &Options, lang: Lang) -> Result<Scenario, Failure> {
    let path = Path::new(&options.source);
    let mut scenario = if path.exists() {
        // Overrides may repair an invalid file, so parse here and validate after `--set`.
        let text = std::fs::read_to_string(path).map_err(|e| {
            Failure::Input(
                LoadError::Io {
                    path: options.source.clone(),
                    reason: e.to_string(),
                }
                .message(lang),
            )
        })?;
        presets::parse(&text).map_err(|e| Failure::Input(e.message(lang)))?
    } else if let Some(preset) = presets::by_slug(&options.source) {
        preset.scenario.clone()
    } else {
        return Err(Failure::Input(match lang {
            Lang::Zh => format!(
                "找不到方案文件或预设“{}”。内置预设：{}",
                options.source,
                slugs()
            ),
            Lang::En => format!(
                "No scenario file or preset named '{}'. Presets: {}",
                options.source,
                slugs()
            ),
        }));
    };
    for assignment in &options.sets {
        params::set_assignment(&mut scenario, assignment)
            .map_err(|e| Failure::Input(e.message(lang)))?;
    }
    validate(&scenario).map_err(|e| Failure::Input(LoadError::Invalid(e).message(lang)))?;
    Ok(scenario)
}

fn slugs() -> String {
    presets::all()
        .iter()
        .map(|p| p.slug)
        .collect::<Vec<_>>()
        .join(", ")
}

fn run(args: &[String], lang: Lang) -> Result<String, Failure> {
    let options = parse_options(args, lang)?;
    let scenario = load(&options, lang)?;
    let trajectory =
        simulate(&scenario).map_err(|e| Failure::Input(LoadError::Invalid(e).message(lang)))?;
    let verdicts: Vec<Verdict> = scenario
        .targets
        .iter()
        .map(|t| evaluate(t, &trajectory))
        .collect();
    Ok(match options.format {
        Format::Table => report::table(&scenario, &trajectory, &verdicts, lang),
        Format::Csv => report::csv(&trajectory),
        Format::Json => {
            report::json(
                &scenario,
                &trajectory,
                &verdicts,
                lang,
                |row| row.clone(),
                |_, v| v.clone(),
            ) + "\n"
        }
    })
}

fn list_presets(lang: Lang) -> String {
    presets::all()
        .iter()
        .map(|p| {
            let s = &p.scenario;
            format!(
                "{:<10} {}  {}–{}\n",
                p.slug,
                lang.pick(&s.name.zh, &s.name.en),
                s.base_year,
                s.end_year
            )
        })
        .collect()
}
