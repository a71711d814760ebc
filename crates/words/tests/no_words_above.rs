//! No crate above this one words anything: a Chinese character in the code of `swplan-render`,
//! `swplan-web` or `swplan` (the command line) is a sentence, heading, label or unit written
//! there, and it belongs in a module of this crate. Comments and test code may hold Chinese
//! (test data, expected output); so may the lines of the allowlist below, each with its reason.
//! Chinese punctuation alone (a colon or comma picked by language) is not a word and passes.
//!
//! The sources are read as text: comments and `#[cfg(test)]` items are blanked by a small
//! lexer that knows strings, raw strings and character literals (so `"http://…"` is no
//! comment and `'"'` opens no string), and `tests/` folders are not read.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// The crates above the wording crate, under `crates/`.
const CRATES_ABOVE: [&str; 3] = ["render", "web", "cli"];

/// Chinese that must stay in a crate above: (file under `crates/`, text on the line), each with
/// the reason it is not a word of the interface. Empty: every Chinese word of the renderers,
/// the app and the command line comes from this crate. An entry no line needs any more fails
/// the test, so the list cannot outlive its reasons.
const ALLOWED: &[(&str, &str)] = &[];

#[test]
fn no_crate_above_the_words_holds_a_chinese_character_outside_comments_and_tests() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = 0;
    let mut found = Vec::new();
    let mut used = vec![false; ALLOWED.len()];
    for name in CRATES_ABOVE {
        for file in rust_files(&crates.join(name).join("src")) {
            files += 1;
            let source = fs::read_to_string(&file).expect("a readable source file");
            let shown = file
                .strip_prefix(&crates)
                .expect("a file under crates/")
                .to_string_lossy()
                .replace('\\', "/");
            for (number, line) in code_of(&source).lines().enumerate() {
                if !line.chars().any(is_chinese) {
                    continue;
                }
                let allowed = ALLOWED
                    .iter()
                    .position(|(path, text)| *path == shown && line.contains(text));
                match allowed {
                    Some(index) => used[index] = true,
                    None => found.push(format!("crates/{shown}:{}: {}", number + 1, line.trim())),
                }
            }
        }
    }
    assert!(
        files >= 30,
        "read only {files} source files: is {} the crates folder?",
        crates.display()
    );
    assert!(
        found.is_empty(),
        "Chinese outside swplan-words; move each into a words module (or, if it is no word of \
         the interface, into ALLOWED with its reason):\n{}",
        found.join("\n")
    );
    let stale: Vec<_> = ALLOWED
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(entry, _)| entry)
        .collect();
    assert!(stale.is_empty(), "allowed but no longer found: {stale:?}");
}

#[test]
fn comments_and_test_items_are_left_out_and_literals_kept() {
    let source = [
        r#"let a = "年份"; // 年份"#,
        r#"/* 目标 /* 嵌套 */ 仍是注释 */ let b = '"'; let c: &'static str = "";"#,
        r#"let url = "http://x/年";"#,
        "#[cfg(test)]",
        r#"mod tests { fn f() { let s = "}"; let t = '{'; "年"; } }"#,
        r##"let d = r#"提示 " 仍在字符串里"#; /// 说明"##,
        r#"let e = '\u{4e00}'; let f = '年';"#,
        "#[cfg(test)]",
        r#"const G: &str = "测试";"#,
        r#"let h = "提示";"#,
    ]
    .join("\n");
    let code = code_of(&source);
    assert_eq!(code.lines().count(), 10, "lines are kept: {code}");
    let chinese: Vec<usize> = code
        .lines()
        .enumerate()
        .filter(|(_, line)| line.chars().any(is_chinese))
        .map(|(index, _)| index + 1)
        .collect();
    assert_eq!(chinese, [1, 3, 6, 7, 10], "{code}");
    assert!(!code.lines().next().unwrap().contains("//"), "{code}");
}

#[test]
fn chinese_punctuation_alone_is_no_word() {
    assert!(!"：，、（）“”。".chars().any(is_chinese));
    assert!("年份".chars().all(is_chinese));
}

/// A CJK ideograph: unified, extension A, or compatibility.
fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Every `.rs` file under `dir`, `tests/` folders left out.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    entries
        .into_iter()
        .flat_map(|path| {
            if path.is_dir() {
                if path.file_name().is_some_and(|name| name == "tests") {
                    Vec::new()
                } else {
                    rust_files(&path)
                }
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                vec![path]
            } else {
                Vec::new()
            }
        })
        .collect()
}

/// The code of a Rust source outside tests: comments and `#[cfg(test)]` items blanked, string
/// and character literals kept, every newline kept so line numbers hold.
fn code_of(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    // `code` is the source without comments; `shape` is that with the literals blanked too,
    // so braces and attributes are found in code only.
    let mut code = Vec::with_capacity(chars.len());
    let mut shape = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let (token, len) = token_at(&chars, i);
        for &c in &chars[i..i + len] {
            let blank = if c == '\n' { '\n' } else { ' ' };
            code.push(if token == Token::Comment { blank } else { c });
            shape.push(if token == Token::Code { c } else { blank });
        }
        i += len;
    }
    let mark: Vec<char> = "#[cfg(test)]".chars().collect();
    let mut i = 0;
    while i < shape.len() {
        if shape[i..].starts_with(&mark) {
            let end = item_end(&shape, i + mark.len());
            for c in &mut code[i..end] {
                if *c != '\n' {
                    *c = ' ';
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
    code.into_iter().collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    Comment,
    Literal,
    Code,
}

/// What starts at `i`, and how many characters it takes (one for plain code).
fn token_at(chars: &[char], i: usize) -> (Token, usize) {
    let rest = &chars[i..];
    if rest.starts_with(&['/', '/']) {
        let len = rest.iter().position(|&c| c == '\n').unwrap_or(rest.len());
        (Token::Comment, len)
    } else if rest.starts_with(&['/', '*']) {
        (Token::Comment, block_comment_len(rest))
    } else if let Some(len) = literal_len(chars, i) {
        (Token::Literal, len)
    } else {
        (Token::Code, 1)
    }
}

/// The length of a block comment at the start of `rest`, nested ones included.
fn block_comment_len(rest: &[char]) -> usize {
    let mut depth = 0;
    let mut j = 0;
    while j < rest.len() {
        if rest[j..].starts_with(&['/', '*']) {
            depth += 1;
            j += 2;
        } else if rest[j..].starts_with(&['*', '/']) {
            depth -= 1;
            j += 2;
            if depth == 0 {
                return j;
            }
        } else {
            j += 1;
        }
    }
    rest.len()
}

/// The length of a string (plain, byte, C or raw) or character literal starting at `i`, if one
/// does; a lifetime or a label (`'a`) is none.
fn literal_len(chars: &[char], i: usize) -> Option<usize> {
    // A prefix (`b`, `c`, `r`) is one only at the start of a word: `br` in `abr"` is none.
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    if chars[i].is_alphabetic() && i > 0 && is_ident(chars[i - 1]) {
        return None;
    }
    let mut j = i;
    if matches!(chars.get(j), Some('b' | 'c')) {
        j += 1;
    }
    let raw = chars.get(j) == Some(&'r');
    let mut hashes = 0;
    if raw {
        j += 1;
        while chars.get(j) == Some(&'#') {
            hashes += 1;
            j += 1;
        }
    }
    match chars.get(j) {
        Some('"') => {
            j += 1;
            while j < chars.len() {
                match chars[j] {
                    '\\' if !raw => j += 2,
                    '"' if chars[j + 1..].iter().take_while(|&&c| c == '#').count() >= hashes => {
                        return Some(j + 1 + hashes - i);
                    }
                    _ => j += 1,
                }
            }
            Some(chars.len() - i)
        }
        Some('\'') if !raw => {
            let close = if chars.get(j + 1) == Some(&'\\') {
                chars.get(j + 3..)?.iter().position(|&c| c == '\'')? + j + 3
            } else if chars.get(j + 2) == Some(&'\'') {
                j + 2
            } else {
                return None;
            };
            Some(close + 1 - i)
        }
        _ => None,
    }
}

/// Where the item after an attribute ends: after its first `;` or its first `{ … }` block,
/// whichever comes first.
fn item_end(shape: &[char], from: usize) -> usize {
    let mut depth = 0usize;
    for (k, &c) in shape.iter().enumerate().skip(from) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return k + 1;
                }
            }
            ';' if depth == 0 => return k + 1,
            _ => {}
        }
    }
    shape.len()
}
