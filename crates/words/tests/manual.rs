//! The manual against the code it explains: every parameter of the engine's registry
//! (`params::PARAMS`) and every figure (`Metric::ALL`) has an entry and every entry names one
//! that exists; every help topic of the app has its section in both languages and every section
//! is a topic; the two languages have the same sections; every link lands on a section; every
//! function the manual cites exists in its file.

use std::collections::BTreeSet;

use swplan_engine::params::PARAMS;
use swplan_engine::Metric;
use swplan_plans::help::HelpTopic;
use swplan_words::manual::{
    block_text, citations, manual, source, Block, Document, Inline, AWAITING_PARAMS,
    FIGURE_ENTRIES, PARAM_ENTRIES,
};
use swplan_words::Lang;

const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

fn ids(document: &Document) -> Vec<String> {
    document.sections.iter().map(|s| s.id.clone()).collect()
}

#[test]
fn every_parameter_has_an_entry_and_every_entry_a_parameter() {
    for param in PARAMS {
        assert!(
            PARAM_ENTRIES.iter().any(|(key, _, _)| *key == param.key),
            "the parameter '{}' has no entry in crates/words/src/manual/entries.rs",
            param.key
        );
    }
    for (key, zh, en) in PARAM_ENTRIES {
        assert!(
            PARAMS.iter().any(|p| p.key == *key),
            "the entry '{key}' names no parameter of the registry"
        );
        assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{key}");
    }
    // An entry written ahead of its parameter (the optimiser's costs, issue 22) moves into
    // PARAM_ENTRIES the day the parameter is in the registry: this fails until it does.
    for (key, _, _) in AWAITING_PARAMS {
        assert!(
            PARAMS.iter().all(|p| p.key != *key),
            "'{key}' is in the registry now: move its entry from AWAITING_PARAMS to PARAM_ENTRIES"
        );
    }
}

#[test]
fn every_figure_has_an_entry_and_every_entry_a_figure() {
    for metric in Metric::ALL {
        assert!(
            FIGURE_ENTRIES
                .iter()
                .any(|(key, _, _)| *key == metric.key()),
            "the figure '{}' has no entry in crates/words/src/manual/entries.rs",
            metric.key()
        );
    }
    for (key, zh, en) in FIGURE_ENTRIES {
        assert!(
            Metric::from_key(key).is_some(),
            "the entry '{key}' names no figure"
        );
        assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{key}");
    }
}

#[test]
fn the_sources_expand_without_a_problem() {
    for lang in LANGS {
        if let Err(problem) = source(lang) {
            panic!("{lang:?}: {problem}");
        }
    }
}

#[test]
fn every_topic_has_its_section_in_both_languages_and_every_section_is_a_topic() {
    for lang in LANGS {
        let document = manual(lang);
        let sections = ids(&document);
        for topic in HelpTopic::all() {
            assert!(
                sections.contains(&topic.slug()),
                "{lang:?}: no section for {}",
                topic.slug()
            );
        }
        for id in &sections {
            assert!(
                HelpTopic::from_slug(id).is_some(),
                "{lang:?}: the section '{id}' is no help topic"
            );
        }
        let unique: BTreeSet<&String> = sections.iter().collect();
        assert_eq!(unique.len(), sections.len(), "{lang:?}: an anchor twice");
    }
}

#[test]
fn both_languages_have_the_same_sections_in_the_same_order_and_shape() {
    let zh = manual(Lang::Zh);
    let en = manual(Lang::En);
    assert_eq!(ids(&zh), ids(&en));
    for (a, b) in zh.sections.iter().zip(&en.sections) {
        assert_eq!(a.level, b.level, "{}", a.id);
        let shape = |blocks: &[Block]| {
            blocks
                .iter()
                .map(|block| match block {
                    Block::Paragraph(_) => "p".to_string(),
                    Block::List { items, .. } => format!("list{}", items.len()),
                    Block::Table { rows, .. } => format!("table{}", rows.len()),
                    // An equation in words differs by language; in symbols it is the same.
                    Block::Formula(lines) => {
                        let symbols = lines.rsplit(|l| l.is_empty()).next().unwrap_or(lines);
                        format!("formula of {} lines: {}", lines.len(), symbols.join("\n"))
                    }
                    // The same picture, taken in each language.
                    Block::Picture { src, .. } => {
                        format!("picture {}", src.replace(".zh.", ".en."))
                    }
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(shape(&a.blocks), shape(&b.blocks), "{}", a.id);
    }
}

#[test]
fn every_link_lands_on_a_section() {
    for lang in LANGS {
        let document = manual(lang);
        let sections = ids(&document);
        let check = |inlines: &[Inline], id: &str| {
            for inline in inlines {
                if let Inline::Link { topic, .. } = inline {
                    assert!(
                        sections.contains(topic),
                        "{lang:?}: '{id}' links to '{topic}', no section"
                    );
                }
            }
        };
        for section in &document.sections {
            check(&section.title, &section.id);
            for block in &section.blocks {
                match block {
                    Block::Paragraph(inlines) => check(inlines, &section.id),
                    Block::List { items, .. } => items.iter().for_each(|i| check(i, &section.id)),
                    Block::Table { head, rows } => std::iter::once(head)
                        .chain(rows)
                        .flatten()
                        .for_each(|cell| check(cell, &section.id)),
                    Block::Formula(_) | Block::Picture { .. } => {}
                }
            }
        }
    }
}

#[test]
fn every_cited_function_exists_in_its_file() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../engine/src/");
    for lang in LANGS {
        let cited = citations(lang);
        assert!(!cited.is_empty());
        for (file, function) in cited {
            let path = format!("{root}{file}");
            let path = if std::path::Path::new(&path).exists() {
                path
            } else {
                format!("{root}{}/mod.rs", file.trim_end_matches(".rs"))
            };
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{lang:?}: cited file {file}: {e}"));
            let name = function.rsplit("::").next().unwrap_or(&function);
            assert!(
                text.contains(&format!("fn {name}(")) || text.contains(&format!("fn {name}<")),
                "{lang:?}: {file} has no function {function}"
            );
        }
    }
}

#[test]
fn the_model_part_states_an_equation_for_every_stock() {
    let document = manual(Lang::Zh);
    for id in [
        "model-talent",
        "model-certified",
        "model-stations",
        "model-rooms",
        "model-coverage",
        "model-positions",
        "model-budget",
    ] {
        let section = document.section(id).unwrap();
        assert!(
            section
                .blocks
                .iter()
                .any(|b| matches!(b, Block::Formula(_))),
            "{id} has no equation"
        );
    }
}

#[test]
fn the_manual_answers_the_planners_questions() {
    // The questions of issue 23, each answered where a planner who reads only Chinese looks.
    let document = manual(Lang::Zh);
    let text = |id: &str| {
        document
            .section(id)
            .unwrap()
            .blocks
            .iter()
            .map(block_text)
            .collect::<String>()
    };
    let questions = text("questions");
    assert!(questions.contains("1000个社工室"));
    assert!(questions.contains("8%的流失率"));
    assert!(questions.contains("明年还能打开"));
    // One senior share everywhere: the guide's "约0.05%" and the model's split agree.
    assert!(text("own-region").contains("高级约0.05%"));
    assert!(
        text("model-certified").contains("高级 0.05%"),
        "{}",
        text("model-certified")
    );
}
