//! Who sent each line of a pasted chat export. A trainer copies the workshop's group chat out of
//! WeChat, QQ or DingTalk and pastes it whole: participants' links and prediction messages sit
//! among names, times and talk. The pool and the prediction tally name people by what this
//! finds, so "第4行" becomes "张三".
//!
//! # What is read
//!
//! - A **header** line names the sender of the lines below it, up to the next header: a name
//!   with a time (`张三 10:02`, `张三 2024-03-05 10:02:11`, `李四  昨天 上午9:15`), a time with a
//!   name (`2024-03-05 10:02:11 张三(123456789)`, QQ's export, whose QQ number or address in
//!   brackets is dropped, as is a group title such as `【组长】`), or a name alone with a colon
//!   (`张三：`).
//! - A line that starts with a time and a name with a colon (`[10:02] 张三: …`) names its own
//!   sender, whatever header is above.
//! - Before any header, a line `张三：…` or `Zhang San: …` names its own sender (copies of
//!   messages made one by one).
//! - A name is at most 30 characters and 3 words, holds a letter, and no link or sentence
//!   punctuation.
//!
//! The rest is talk. Nothing here fails: a line whose sender cannot be told has none.

/// The longest text read as a name.
const MAX_NAME_CHARS: usize = 30;
/// The most words in a name ("Zhang San", "Li Xiao Ming"): more is a sentence.
const MAX_NAME_WORDS: usize = 3;

/// Who sent a line, and in which message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sent {
    pub sender: String,
    /// The message the line belongs to: the index of its header line (or of the line itself
    /// when it names its own sender). The lines under one header are one message.
    pub message: usize,
}

/// The sender of every line of `text` (by line index, from 0), where it can be told.
pub fn senders(text: &str) -> Vec<Option<String>> {
    read(text)
        .into_iter()
        .map(|sent| sent.map(|s| s.sender))
        .collect()
}

/// Who sent every line of `text`, and in which message (by line index, from 0).
pub fn read(text: &str) -> Vec<Option<Sent>> {
    let mut current: Option<Sent> = None;
    text.lines()
        .enumerate()
        .map(|(index, line)| {
            let own = |sender| {
                Some(Sent {
                    sender,
                    message: index,
                })
            };
            match read_line(line) {
                Line::Header(name) => {
                    current = own(name);
                    current.clone()
                }
                Line::Own(name) => own(name),
                Line::Prefixed(name) if current.is_none() => own(name),
                Line::Prefixed(_) | Line::Talk => current.clone(),
            }
        })
        .collect()
}

/// What one line of an export is.
#[derive(Debug, PartialEq)]
enum Line {
    /// Names the sender of the lines that follow (and of itself).
    Header(String),
    /// A message that names its own sender with a time (`[10:02] 张三: …`).
    Own(String),
    /// `张三：…`: a sender's name before a message, or talk that happens to hold a colon.
    Prefixed(String),
    Talk,
}

fn read_line(line: &str) -> Line {
    let line = line.trim();
    if line.is_empty() {
        return Line::Talk;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let has_link = line.contains("://") || line.contains("?v=") || line.contains("&p=");
    // A time and a name with a colon, then the message: "[10:02] 张三: …".
    let leading = count_datetime(&words);
    if leading > 0 && leading < words.len() {
        let rest = words[leading..].join(" ");
        if let Some((name, _)) = split_prefix(&rest) {
            return Line::Own(name);
        }
        if !has_link {
            if let Some(name) = name_of(&rest) {
                return Line::Header(name);
            }
        }
    }
    if !has_link {
        // A name alone with a colon: "张三：".
        if let Some(name) = line.strip_suffix([':', '：']).and_then(name_of) {
            return Line::Header(name);
        }
        // A name and a time: "张三 10:02", "张三 2024-03-05 10:02:11", "王五 (10:02):".
        let words: Vec<&str> = line
            .trim_end_matches([':', '：'])
            .split_whitespace()
            .collect();
        let trailing = count_datetime_from_end(&words);
        if trailing > 0 && trailing < words.len() {
            if let Some(name) = name_of(&words[..words.len() - trailing].join(" ")) {
                return Line::Header(name);
            }
        }
    }
    match split_prefix(line) {
        Some((name, _)) => Line::Prefixed(name),
        None => Line::Talk,
    }
}

/// "张三：message" → the name and the message.
fn split_prefix(text: &str) -> Option<(String, &str)> {
    let at = text.find([':', '：'])?;
    let (name, rest) = text.split_at(at);
    // A clock's colon ("10:30") is no name's.
    let digit_before = name.ends_with(|c: char| c.is_ascii_digit());
    if digit_before && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = rest.trim_start_matches([':', '：']).trim();
    // A link's own colon ("http://…") is no name's.
    if rest.is_empty() || rest.starts_with("//") {
        return None;
    }
    Some((name_of(name)?, rest))
}

/// A sender's name from what a header holds: QQ's number or address and a group title dropped.
fn name_of(text: &str) -> Option<String> {
    let mut name = text.trim();
    // A group title before the name: "【组长】李四".
    if let Some(rest) = name.strip_prefix('【').and_then(|r| r.split_once('】')) {
        name = rest.1.trim();
    }
    // QQ's number or address after the name: "张三(123456789)", "李四<li@example.com>".
    for (open, close) in [('(', ')'), ('（', '）'), ('<', '>')] {
        if let Some(inner) = name.strip_suffix(close).and_then(|n| n.rsplit_once(open)) {
            if !inner.0.trim().is_empty() && !inner.1.contains(char::is_whitespace) {
                name = inner.0.trim();
            }
        }
    }
    let plausible = !name.is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && name.split_whitespace().count() <= MAX_NAME_WORDS
        && name.chars().any(char::is_alphabetic)
        && !name.contains("://")
        && !name.contains([
            '=', '?', '&', ':', '：', '#', '【', '】', '[', ']', '，', '。', '！', '？', ',', '!',
        ]);
    plausible.then(|| name.to_string())
}

/// How many of the first words are a date or a time (a time must be among them).
fn count_datetime(words: &[&str]) -> usize {
    let run = words.iter().take_while(|w| is_datetime_word(w)).count();
    if words[..run].iter().any(|w| has_clock(w)) {
        run
    } else {
        0
    }
}

/// How many of the last words are a date or a time (a time must be among them).
fn count_datetime_from_end(words: &[&str]) -> usize {
    let run = words
        .iter()
        .rev()
        .take_while(|w| is_datetime_word(w))
        .count();
    if words[words.len() - run..].iter().any(|w| has_clock(w)) {
        run
    } else {
        0
    }
}

/// A word of a date or a time as chat apps write them: `10:02`, `10:02:11`, `上午9:15`,
/// `2024-03-05`, `2024/3/5`, `3月5日`, `昨天`, `星期二`, `AM`, and any of them in brackets.
fn is_datetime_word(word: &str) -> bool {
    let word = word.trim_matches(['[', ']', '(', ')', '（', '）']);
    if word.is_empty() {
        return false;
    }
    const DAYS: [&str; 12] = [
        "昨天",
        "前天",
        "今天",
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
        "星期天",
        "周末",
    ];
    if DAYS.contains(&word) || ["AM", "PM", "am", "pm"].contains(&word) {
        return true;
    }
    let word = ["上午", "下午", "中午", "晚上", "凌晨", "早上"]
        .iter()
        .find_map(|p| word.strip_prefix(p))
        .unwrap_or(word);
    let digits = |part: &str| {
        !part.is_empty() && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit())
    };
    // A time: 1–2 digits, then one or two groups of two digits.
    let clock = word.split(':').collect::<Vec<_>>();
    if clock.len() >= 2
        && clock.len() <= 3
        && clock[0].len() <= 2
        && clock.iter().all(|p| digits(p))
        && clock[1..].iter().all(|p| p.len() == 2)
    {
        return true;
    }
    // A date: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 3月5日.
    let parts: Vec<&str> = word
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    (2..=3).contains(&parts.len())
        && parts.iter().all(|p| digits(p))
        && word.chars().any(|c| "-/.年月".contains(c))
}

/// Whether a word holds a clock time (`10:02`, `上午9:15`).
fn has_clock(word: &str) -> bool {
    word.contains(':') && is_datetime_word(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str) -> Vec<Option<&str>> {
        // Leaked for short assertions; tests only.
        senders(text)
            .into_iter()
            .map(|s| s.map(|s| &*Box::leak(s.into_boxed_str())))
            .collect()
    }

    #[test]
    fn a_name_with_a_time_names_the_lines_below_it() {
        let text =
            "张三 10:02\n我的方案 http://x/?v=2&p=yunnan.2&h=15000\n\n李四 10:03\nhttp://x/?v=2";
        assert_eq!(
            named(text),
            [
                Some("张三"),
                Some("张三"),
                Some("张三"),
                Some("李四"),
                Some("李四")
            ]
        );
    }

    #[test]
    fn qq_headers_drop_the_number_the_address_and_the_group_title() {
        let text = "2024-03-05 10:02:11 张三(123456789)\nhttp://x/?v=2\n\n2024-03-05 10:03:40 【组长】李四<li@example.com>\nhi";
        assert_eq!(
            named(text),
            [
                Some("张三"),
                Some("张三"),
                Some("张三"),
                Some("李四"),
                Some("李四")
            ]
        );
    }

    #[test]
    fn dates_and_times_in_the_forms_chat_apps_write_them() {
        for header in [
            "王五 2024/3/5 10:02",
            "王五  昨天 上午9:15",
            "王五 3月5日 10:02",
            "王五 星期二 10:02:11",
            "[2024-03-05 10:02] 王五",
            "王五：",
            "王五 (10:02):",
        ] {
            assert_eq!(named(&format!("{header}\nx"))[1], Some("王五"), "{header}");
        }
        assert_eq!(named("Zhang San 10:02 AM\nx")[1], Some("Zhang San"));
    }

    #[test]
    fn a_message_with_its_own_time_and_name_names_itself() {
        let text = "张三 10:02\n[10:05] 李四: http://x/?v=2\nhttp://x/?v=2";
        assert_eq!(named(text), [Some("张三"), Some("李四"), Some("张三")]);
    }

    #[test]
    fn before_any_header_a_name_and_colon_name_the_line() {
        let text = "王五：http://x/?v=2\nhttp://x/?v=2\n赵六: 我的 http://x/?v=2";
        assert_eq!(named(text), [Some("王五"), None, Some("赵六")]);
    }

    #[test]
    fn under_a_header_a_colon_in_a_message_is_talk() {
        let text = "张三 10:02\n我的方案：http://x/?v=2";
        assert_eq!(named(text), [Some("张三"), Some("张三")]);
    }

    #[test]
    fn the_lines_under_one_header_are_one_message() {
        let messages: Vec<Option<usize>> = read("张三 10:02\na\nb\n李四 10:03\nc\n王五：d")
            .into_iter()
            .map(|s| s.map(|s| s.message))
            .collect();
        assert_eq!(
            messages,
            [Some(0), Some(0), Some(0), Some(3), Some(3), Some(3)]
        );
        let own: Vec<Option<usize>> = read("王五：a\n赵六：b")
            .into_iter()
            .map(|s| s.map(|s| s.message))
            .collect();
        assert_eq!(own, [Some(0), Some(1)]);
    }

    #[test]
    fn links_times_and_numbers_are_never_names() {
        let text = "http://x/?v=2&p=yunnan.2\n10:02\n2024-03-05 10:02:11\n会议定在 10:02 开始吧";
        assert_eq!(named(text), [None, None, None, None]);
    }
}
