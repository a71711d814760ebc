//! Predictions from the room's phones, without a server. A story step's question has choices
//! (listed in the story, or yes / no); a participant opens the step's prediction link on their
//! phone (`…&story=…&step=2&pr=1`), picks a choice, and is given a short message to send into
//! the workshop's chat. The message ends with a code (`#a3k`) that names the story, the step
//! and the choice at once, so the trainer can paste the whole chat back and have the answers
//! counted, whatever language, spacing or punctuation the chat app left around them.
//!
//! The message's words are in `swplan_words::prediction`; this module holds the codes, finds
//! them in a pasted chat, and counts them: one vote per person (their last), read with the
//! sender names of [`crate::chat`].

use super::{Step, Story};

/// The most choices a question may offer (a phone shows them as buttons, one a line).
pub const MAX_CHOICES: usize = 6;

/// Characters of a code: digits and lower-case letters.
const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// The length of a code after `#`.
pub const CODE_LENGTH: usize = 3;

/// What the room picks from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choices<'a> {
    /// Yes or no (worded by `swplan_words`); yes is the first.
    YesNo,
    /// The story's own choices, in Chinese and English (as many of each).
    Listed { zh: &'a [String], en: &'a [String] },
}

impl Choices<'_> {
    pub fn len(&self) -> usize {
        match self {
            Choices::YesNo => 2,
            Choices::Listed { zh, .. } => zh.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The codes of a step's choices, in order (empty for a step without a question). Each is
/// three characters of `0–9 a–z`, from a hash of the story (its id and title), the step and
/// the choice; a code equal to an earlier choice's is hashed again with a counter, so the codes
/// of one step are always distinct.
pub fn codes(story: &Story, step: usize) -> Vec<String> {
    let count = story
        .steps
        .get(step)
        .and_then(Step::choices)
        .map_or(0, |c| c.len());
    let mut codes: Vec<String> = Vec::with_capacity(count);
    for choice in 0..count {
        let mut salt = 0u32;
        let code = loop {
            let code = hash_code(&format!(
                "{}\n{}\n{step}\n{choice}\n{salt}",
                story.id, story.title
            ));
            if !codes.contains(&code) {
                break code;
            }
            salt += 1;
        };
        codes.push(code);
    }
    codes
}

/// Three base-36 digits of an FNV-1a hash.
fn hash_code(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    let mut value = hash % 36u64.pow(CODE_LENGTH as u32);
    let mut digits = [b'0'; CODE_LENGTH];
    for digit in digits.iter_mut().rev() {
        *digit = DIGITS[(value % 36) as usize];
        value /= 36;
    }
    String::from_utf8_lossy(&digits).into_owned()
}

/// A code found in pasted chat text: who sent it, where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vote {
    /// The line of the text, from 1.
    pub line: usize,
    pub sender: Option<String>,
    /// The three characters after `#`, lower-cased.
    pub code: String,
}

/// Every prediction code in a pasted chat (`#` and three letters or digits, standing alone),
/// with its sender. Full-width `＃` counts as well: an input method may type it.
pub fn votes(text: &str) -> Vec<Vote> {
    let senders = crate::chat::senders(text);
    let mut votes = Vec::new();
    for ((index, line), sender) in text.lines().enumerate().zip(senders) {
        for code in codes_in(line) {
            votes.push(Vote {
                line: index + 1,
                sender: sender.clone(),
                code,
            });
        }
    }
    votes
}

/// The codes in one line: `#a3k`, `＃A3K`; not `#a3k9` nor the middle of an address.
fn codes_in(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut found = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if *c != '#' && *c != '＃' {
            continue;
        }
        // A link's fragment ("…/#a3k") is no vote.
        if i > 0 && (chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '/') {
            continue;
        }
        let code: String = chars[i + 1..].iter().take(CODE_LENGTH).collect();
        let after = chars.get(i + 1 + CODE_LENGTH);
        if code.chars().count() == CODE_LENGTH
            && code.chars().all(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        {
            found.push(code.to_ascii_lowercase());
        }
    }
    found
}

/// The room's predictions on one step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    /// Votes per choice, in the order of the choices.
    pub counts: Vec<usize>,
    /// Everyone counted: named people once (their last vote), unnamed votes each.
    pub voters: usize,
    /// Named people whose last vote differs from an earlier one (they changed their mind).
    pub changed_mind: usize,
    /// Votes on other steps of the same story (pasted early or late), not counted here.
    pub other_steps: usize,
    /// The choice the result bears out, from 0, when the story says.
    pub answer: Option<usize>,
    /// Who voted for what (named people only, by their last vote), in order of first vote.
    pub named: Vec<(String, usize)>,
}

impl Tally {
    /// How many predicted the answer (none when the story gives no answer).
    pub fn right(&self) -> Option<usize> {
        self.answer.and_then(|a| self.counts.get(a).copied())
    }
}

/// Counts the votes on `step` of `story`: `None` when the step asks no question.
pub fn tally(story: &Story, step: usize, votes: &[Vote]) -> Option<Tally> {
    let choices = story.steps.get(step)?.choices()?;
    let step_codes = codes(story, step);
    let other_codes: Vec<String> = (0..story.steps.len())
        .filter(|s| *s != step)
        .flat_map(|s| codes(story, s))
        .collect();
    let mut tally = Tally {
        counts: vec![0; choices.len()],
        answer: story.steps[step]
            .answer
            .map(|a| a as usize - 1)
            .filter(|a| *a < choices.len()),
        ..Tally::default()
    };
    // (sender, first choice, last choice)
    let mut people: Vec<(String, usize, usize)> = Vec::new();
    for vote in votes {
        let Some(choice) = step_codes.iter().position(|c| *c == vote.code) else {
            if other_codes.contains(&vote.code) {
                tally.other_steps += 1;
            }
            continue;
        };
        match &vote.sender {
            None => {
                tally.counts[choice] += 1;
                tally.voters += 1;
            }
            Some(name) => match people.iter_mut().find(|(n, _, _)| n == name) {
                Some(person) => person.2 = choice,
                None => people.push((name.clone(), choice, choice)),
            },
        }
    }
    for (name, first, last) in people {
        tally.counts[last] += 1;
        tally.voters += 1;
        if first != last {
            tally.changed_mind += 1;
        }
        tally.named.push((name, last));
    }
    Some(tally)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::by_id;

    fn yunnan() -> &'static Story {
        by_id("yunnan-14wan").expect("built in")
    }

    #[test]
    fn every_question_of_every_built_in_story_has_distinct_codes() {
        for story in crate::story::all() {
            let mut all: Vec<String> = Vec::new();
            for step in 0..story.steps.len() {
                let codes = codes(story, step);
                let asked = story.steps[step].question.is_some();
                assert_eq!(codes.is_empty(), !asked, "{} step {step}", story.id);
                for code in codes {
                    assert_eq!(code.len(), CODE_LENGTH);
                    assert!(code.bytes().all(|b| DIGITS.contains(&b)));
                    assert!(
                        !all.contains(&code),
                        "{} step {step}: {code} twice",
                        story.id
                    );
                    all.push(code);
                }
            }
        }
    }

    #[test]
    fn codes_never_change() {
        // Messages already sent into chats must still count: these are the codes a phone gave.
        assert_eq!(codes(yunnan(), 2).len(), 3);
        let first = codes(yunnan(), 0);
        assert_eq!(first, codes(yunnan(), 0));
        assert_eq!(
            first,
            ["gh5", "86a"],
            "the codes of Yunnan's first question"
        );
    }

    #[test]
    fn codes_are_found_standing_alone_in_any_case_and_width() {
        assert_eq!(codes_in("【预测】云南 第1步：能 #h2k"), ["h2k"]);
        assert_eq!(codes_in("[Prediction] Yunnan step 1: Yes ＃H2K!"), ["h2k"]);
        assert!(codes_in("#h2k9 http://x/#h2k a#h2k").is_empty());
    }

    #[test]
    fn each_named_person_counts_once_by_their_last_vote() {
        let [yes, no] = [0, 1].map(|i| codes(yunnan(), 0)[i].clone());
        let chat = format!(
            "张三 10:02\n【预测】云南 第1步：能 #{yes}\n李四 10:03\n#{no}\n张三 10:04\n改一下 #{no}\n\
             王五 10:05\n#{yes}\n#{yes}\n匿名的一行\n"
        );
        let tally = tally(yunnan(), 0, &votes(&chat)).unwrap();
        assert_eq!(tally.counts, [1, 2]);
        assert_eq!(tally.voters, 3);
        assert_eq!(tally.changed_mind, 1);
        assert_eq!(
            tally.named,
            [("张三".into(), 1), ("李四".into(), 1), ("王五".into(), 0)]
        );
    }

    #[test]
    fn unnamed_votes_each_count_and_other_steps_are_set_apart() {
        let yes = codes(yunnan(), 0)[0].clone();
        let later = codes(yunnan(), 3)[1].clone();
        let text = format!("#{yes}\n#{yes}\n#{later}\n#zzz");
        let tally = tally(yunnan(), 0, &votes(&text)).unwrap();
        assert_eq!((tally.counts.clone(), tally.voters), (vec![2, 0], 2));
        assert_eq!(tally.other_steps, 1);
    }

    #[test]
    fn the_answer_is_the_stories_counted_from_one() {
        let story = yunnan();
        let step = story.steps.iter().position(|s| s.answer.is_some()).unwrap();
        let tally = tally(story, step, &[]).unwrap();
        assert_eq!(
            tally.answer,
            story.steps[step].answer.map(|a| a as usize - 1)
        );
        assert_eq!(tally.right(), Some(0), "no vote yet");
    }
}
