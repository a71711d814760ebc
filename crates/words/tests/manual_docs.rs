//! `docs/user-guide.*.md` and `docs/model.*.md` are the in-app manual written out: the app reads
//! them when the manual opens, GitHub shows them. This fails when they are not in step with the
//! manual's sources; `UPDATE_DOCS=1 cargo test -p swplan-words --test manual_docs` rewrites them.

use swplan_words::manual::{file_name, manual, markdown, read, Block, Part};
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

/// The width and height of a WebP file, from its first chunk: lossy (`VP8 `), lossless
/// (`VP8L`) or extended (`VP8X`).
fn webp_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.len() < 30 || &bytes[0..4] != b"RIFF" || &bytes[8..12] != b"WEBP" {
        return None;
    }
    let at = |i: usize| u32::from(bytes[i]);
    match &bytes[12..16] {
        b"VP8 " => Some((
            (at(26) | at(27) << 8) & 0x3fff,
            (at(28) | at(29) << 8) & 0x3fff,
        )),
        b"VP8L" => {
            let bits = at(21) | at(22) << 8 | at(23) << 16 | at(24) << 24;
            Some(((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1))
        }
        b"VP8X" => Some((
            (at(24) | at(25) << 8 | at(26) << 16) + 1,
            (at(27) | at(28) << 8 | at(29) << 16) + 1,
        )),
        _ => None,
    }
}

/// What the tour's pictures may weigh together: the app is a folder on an intranet share.
const PICTURES_BUDGET: u64 = 150 * 1024;

#[test]
fn every_picture_is_in_docs_at_its_stated_size_and_all_are_small() {
    let mut used = std::collections::BTreeSet::new();
    for lang in [Lang::Zh, Lang::En] {
        for section in manual(lang).sections {
            for block in section.blocks {
                let Block::Picture {
                    src,
                    alt,
                    width,
                    height,
                } = block
                else {
                    continue;
                };
                let path = docs_dir().join(&src);
                let bytes = std::fs::read(&path)
                    .unwrap_or_else(|e| panic!("{lang:?} {}: {src}: {e}", section.id));
                assert_eq!(
                    webp_size(&bytes),
                    Some((width, height)),
                    "{src}: the <img> line states another size than the file's"
                );
                let chinese = alt.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                assert_eq!(
                    chinese,
                    lang == Lang::Zh,
                    "{src}: “{alt}” is not in {lang:?}"
                );
                assert!(
                    src.contains(match lang {
                        Lang::Zh => ".zh.",
                        Lang::En => ".en.",
                    }),
                    "{src}: a picture of the screen in the reader's language"
                );
                used.insert(src);
            }
        }
    }
    assert!(!used.is_empty(), "the tour has its pictures");
    let mut total = 0;
    for entry in std::fs::read_dir(docs_dir().join("manual"))
        .unwrap()
        .flatten()
    {
        let name = format!("manual/{}", entry.file_name().to_string_lossy());
        assert!(
            used.contains(&name),
            "{name} is in docs/ but no section shows it"
        );
        total += entry.metadata().unwrap().len();
    }
    assert!(
        total <= PICTURES_BUDGET,
        "the manual's pictures weigh {total} bytes, more than {PICTURES_BUDGET}"
    );
}
