//! Fuzzing: mangled, truncated and tampered links and saved files never panic, a decoded plan
//! always validates and re-encodes to a link that opens cleanly, and every problem carries a
//! message in both languages. Deterministic (fixed seeds), so a failure reproduces.
#![cfg(not(target_arch = "wasm32"))]

use rand_xoshiro::rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use serde_json::Value;
use swplan_engine::validate;
use swplan_plans::share::save::{self, SavedPlan};
use swplan_plans::share::{decode, encode, normalized, open};
use swplan_plans::Lang;
use swplan_words::save_messages::{rejected_plan_message, save_error_message};
use swplan_words::share_messages as messages;

const LINKS: usize = 100_000;
const FILES: usize = 12_000;

fn below(rng: &mut Xoshiro256PlusPlus, n: usize) -> usize {
    (rng.next_u64() % n.max(1) as u64) as usize
}

fn pick<'a, T>(rng: &mut Xoshiro256PlusPlus, items: &'a [T]) -> &'a T {
    &items[below(rng, items.len())]
}

/// Links people actually send, to mutate.
fn seed_links() -> Vec<String> {
    let mut links: Vec<String> = [
        "v=1&p=yunnan.1",
        "v=1&p=ningxia.2&h=1500_2000_2500&r=400_400_300_0&lang=zh",
        "v=1&p=guizhou.1&h=8000g0.05&pj=0.3&t=tl-100000-2025_c-5000-2025",
        "v=1&p=new&n=6LWj5bee5pa55qGI&rn=6LWj5bee5biC.R2FuemhvdQ&by=2024&t0=6234&tw=290&s0=120&s=45&t=tl-10000-2027_sv-1-2026_b-300000000-2030&mr=2000&ms=7",
        "v=1&p=lhasa.1&1.p=lhasa.1&1.h=400&2.p=jinan.1&3.p=new&3.t0=50",
        "http://127.0.0.1:8080/?lang=en",
        "看这个 http://127.0.0.1:8080/?v=1&p=nanchang.1&s=20&from=singlemessage&isappinstalled=0 谢谢",
        "v=1&p=yunnan&story=intro&step=2&ey=2035&a=0.1",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for slug in ["jinan", "guangxi", "lanzhou"] {
        let mut plan = open::open_name(slug).unwrap().plans.remove(0);
        plan.scenario.levers.hires = swplan_engine::Yearly::List(vec![100.0, 250.5, 400.0]);
        plan.name = Some("方案&=?#%".into());
        links.push(encode(&[plan], Some(Lang::En)));
    }
    links
}

/// Pieces a mangled link may gain: separators, escapes, numbers that are not, other scripts.
const JUNK: &[&str] = &[
    "&",
    "=",
    "&&",
    "==",
    "%",
    "%2",
    "%ZZ",
    "%26",
    "%3D",
    "_",
    "__",
    "-",
    ".",
    "..",
    "g",
    "gg",
    "e",
    "1e999",
    "-1",
    "-0",
    "NaN",
    "inf",
    "99999999999999999999",
    "0.0000000001",
    "1.",
    ".5",
    "?",
    "#",
    "#frag",
    "http://",
    "https://x.cn/?",
    " ",
    "\n",
    "\t",
    "\u{0}",
    "云南",
    "🙂",
    "（",
    "，",
    "amp;",
    "&amp;",
    "1.",
    "2.",
    "3.",
    "4.",
    "0.",
    "p=",
    "t=",
    "n=",
    "rn=",
    "v=",
    "v=2",
    "v=0",
    "v=-1",
    "by=",
    "ey=",
    "mr=",
    "ms=",
    "lang=",
    "story=",
    "step=",
    "t=none",
    "t=tl-1-2025",
    "t=zz-1-1",
    "p=new",
    "p=yunnan.0",
    "p=yunnan.9",
    "p=.",
    "p=yunnan.",
    "h=",
    "h=1_",
    "h=_1",
    "h=1g",
    "a=2",
    "tw=0",
    "s0=1e9",
    "cj0=1e9",
    "ey=1990",
    "by=3000",
];

fn mutate(rng: &mut Xoshiro256PlusPlus, link: &str, pool: &[String]) -> String {
    let mut chars: Vec<char> = link.chars().collect();
    for _ in 0..1 + below(rng, 4) {
        let at = below(rng, chars.len() + 1);
        match below(rng, 9) {
            0 => chars.truncate(at),
            1 if at < chars.len() => {
                chars.remove(at);
            }
            2 => {
                let junk: Vec<char> = pick(rng, JUNK).chars().collect();
                chars.splice(at..at, junk);
            }
            3 if at < chars.len() => {
                let junk = pick(rng, JUNK).chars().next().unwrap_or('x');
                chars[at] = junk;
            }
            4 => {
                // A segment of another link spliced in.
                let other: Vec<char> = pick(rng, pool).chars().collect();
                let from = below(rng, other.len());
                let to = from + below(rng, other.len() - from + 1);
                chars.splice(at..at, other[from..to].iter().copied());
            }
            5 => {
                // A whole key=value appended, as chat apps and tinkerers do.
                let junk: Vec<char> = format!("&{}", pick(rng, JUNK)).chars().collect();
                chars.extend(junk);
            }
            6 if !chars.is_empty() => {
                // A random slice repeated: duplicated keys.
                let from = below(rng, chars.len());
                let to = (from + below(rng, 12)).min(chars.len());
                let copy: Vec<char> = chars[from..to].to_vec();
                chars.splice(at..at, copy);
            }
            7 => {
                let byte = char::from(below(rng, 128) as u8);
                chars.insert(at, byte);
            }
            _ => {
                // Digits changed: numbers out of every range.
                if let Some(c) = chars.get_mut(at) {
                    if c.is_ascii_digit() {
                        *c = char::from(b'0' + below(rng, 10) as u8);
                    }
                }
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn mangled_links_open_valid_plans_and_explain_every_problem() {
    let pool = seed_links();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(20_26);
    let (mut with_problems, mut rechecked) = (0, 0);
    for i in 0..LINKS {
        let seed = pick(&mut rng, &pool).clone();
        let link = mutate(&mut rng, &seed, &pool);
        let opened = decode(&link);
        assert!(
            !opened.plans.is_empty() && opened.plans.len() <= 4,
            "{link:?}"
        );
        for plan in &opened.plans {
            if let Err(e) = validate(&plan.scenario) {
                panic!("{link:?} opened an invalid plan: {e}");
            }
        }
        for problem in &opened.problems {
            for lang in [Lang::Zh, Lang::En] {
                let message = messages::problem_message(problem, lang);
                assert!(message.len() > 10, "{link:?}: {problem:?}");
            }
        }
        for notice in &opened.notices {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!messages::notice_message(notice, lang).is_empty());
            }
        }
        with_problems += usize::from(!opened.problems.is_empty());
        // Whatever opened can be shared again, and opens the same (checked on a sample to
        // keep the suite fast).
        if i % 8 == 0 {
            let again = encode(&opened.plans, opened.lang);
            let reopened = decode(&again);
            assert!(
                reopened.problems.is_empty(),
                "{link:?} → {again}: {:?}",
                reopened.problems
            );
            let expected: Vec<_> = opened.plans.iter().map(normalized).collect();
            assert_eq!(reopened.plans, expected, "{link:?} → {again}");
            rechecked += 1;
        }
    }
    println!("{LINKS} mangled links: {with_problems} with problems, {rechecked} re-shared");
    assert!(
        with_problems > LINKS / 4,
        "the mutations must actually damage links"
    );
}

/// Saved files people actually keep, to mutate.
fn seed_file() -> String {
    let plans: Vec<SavedPlan> = [
        "v=1&p=yunnan&h=15000",
        "v=1&p=new&t0=500&tw=20",
        "v=1&p=lhasa.1",
    ]
    .iter()
    .enumerate()
    .map(|(i, link)| {
        let plan = decode(link).plans.remove(0);
        SavedPlan::new(
            &format!("id{i}"),
            plan,
            "2026-01-01T00:00:00Z",
            "2026-01-02T00:00:00Z",
        )
    })
    .collect();
    save::to_json(&plans)
}

/// Replaces one random value deep in the JSON with something of another kind.
fn tamper(rng: &mut Xoshiro256PlusPlus, value: &mut Value) {
    let replacements = [
        Value::Null,
        Value::Bool(true),
        serde_json::json!(-1),
        serde_json::json!(1e300),
        serde_json::json!(0.5),
        serde_json::json!("文本"),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!(99),
    ];
    match value {
        Value::Object(map) if !map.is_empty() => {
            let key = map
                .keys()
                .nth(below(rng, map.len()))
                .cloned()
                .unwrap_or_default();
            match below(rng, 4) {
                0 => {
                    map.remove(&key);
                }
                1 => {
                    map.insert(key, pick(rng, &replacements).clone());
                }
                2 => {
                    map.insert("unexpected".into(), Value::Null);
                }
                _ => {
                    if let Some(inner) = map.get_mut(&key) {
                        tamper(rng, inner);
                    }
                }
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let at = below(rng, items.len());
            if below(rng, 3) == 0 {
                items[at] = pick(rng, &replacements).clone();
            } else {
                tamper(rng, &mut items[at]);
            }
        }
        other => *other = pick(rng, &replacements).clone(),
    }
}

#[test]
fn corrupted_files_are_refused_or_read_with_every_loss_explained() {
    let file = seed_file();
    let parsed: Value = serde_json::from_str(&file).unwrap();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
    let (mut refused, mut partly) = (0, 0);
    for _ in 0..FILES {
        let text = if below(&mut rng, 2) == 0 {
            let mut value = parsed.clone();
            for _ in 0..1 + below(&mut rng, 3) {
                tamper(&mut rng, &mut value);
            }
            value.to_string()
        } else {
            // Damaged bytes: truncated, characters lost or inserted.
            let pool = [file.clone()];
            mutate(&mut rng, &file, &pool)
        };
        match save::from_json(&text) {
            Err(error) => {
                refused += 1;
                for lang in [Lang::Zh, Lang::En] {
                    assert!(save_error_message(&error, lang).len() > 10, "{error:?}");
                }
            }
            Ok(imported) => {
                for plan in &imported.plans {
                    validate(&plan.scenario).unwrap();
                }
                for rejected in &imported.rejected {
                    for lang in [Lang::Zh, Lang::En] {
                        assert!(rejected_plan_message(rejected, lang).len() > 10);
                    }
                }
                partly += usize::from(!imported.rejected.is_empty());
            }
        }
    }
    println!("{FILES} corrupted files: {refused} refused, {partly} read in part");
    assert!(refused > 0 && partly > 0);
}
