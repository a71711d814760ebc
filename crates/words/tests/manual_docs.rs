//! `docs/user-guide.*.md` and `docs/model.*.md` are the in-app manual written out: the app reads
//! them when the manual opens, GitHub shows them. This fails when they are not in step with the
//! manual's sources; `UPDATE_DOCS=1 cargo test -p swplan-words --test manual_docs` rewrites them.

use swplan_words::manual::{file_name, manual, markdown, read, Part};
use swplan_words::Lang;

fn docs_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs")
}

#[test]
fn the_docs_are_the_manual_written_out() {
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    let mut stale = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        let document = manual(lang);
        for part in Part::ALL {
            let path = docs_dir().join(file_name(part, lang));
            let written = markdown(&document, part, lang);
            if update {
                std::fs::write(&path, &written).unwrap();
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(written.as_str()) {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "not in step with crates/words/src/manual/ (run UPDATE_DOCS=1 cargo test -p swplan-words --test manual_docs): {stale:?}"
    );
}

#[test]
fn the_app_reads_the_docs_back_as_the_manual() {
    // While the other test rewrites the files, they are read by the next run.
    if std::env::var_os("UPDATE_DOCS").is_some() {
        return;
    }
    for lang in [Lang::Zh, Lang::En] {
        let texts: Vec<String> = Part::ALL
            .iter()
            .map(|part| std::fs::read_to_string(docs_dir().join(file_name(*part, lang))).unwrap())
            .collect();
        let parts: Vec<&str> = texts.iter().map(String::as_str).collect();
        assert_eq!(read(&parts).unwrap(), manual(lang), "{lang:?}");
    }
}
