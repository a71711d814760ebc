//! A province rolled up from its cities, as a link (format 4): the cities are the link's plans,
//! written as a comparison writes them (`p`, `h`…, then `1.p`, `1.h`… up to `15.`), and `ru`
//! says the plans are a roll-up and holds the province's targets and name:
//!
//! ```text
//! ru=sv-1-2025            the province's targets (as `t` writes them), no name
//! ru=tl-50000-2025~5YWo55yB   …and its name, base64url of UTF-8, after `~`
//! ru=none                 no province target: the sums only
//! ```
//!
//! `ru` is the link's own key, outside the checksum (like `lang`): a link cut inside it loses the
//! province's targets, not a city. An app before format 4 opens the first city and says the
//! link is from a newer app.

use super::base64url;
use super::codes::metric_code;
use super::link::{checksum, format_of, plan_pairs};
pub use super::rollup_key::RollUpLink;
use super::values::number_text;
use super::LinkKey;
use crate::life::rollup::{RollUpPlan, MAX_CITIES};
use crate::Lang;

/// The link query (without `?`) of a roll-up: its first [`MAX_CITIES`] cities.
pub fn encode_rollup(plan: &RollUpPlan, lang: Option<Lang>) -> String {
    let mut pairs = vec![(LinkKey::Version.code().to_string(), String::new())];
    for (index, city) in plan.cities.iter().take(MAX_CITIES).enumerate() {
        let prefix = match index {
            0 => String::new(),
            _ => format!("{index}."),
        };
        for (key, value) in plan_pairs(city) {
            pairs.push((format!("{prefix}{key}"), value));
        }
    }
    let sum = checksum(pairs[1..].iter().map(|(k, v)| (k.as_str(), v.as_str())));
    pairs.push((LinkKey::RollUp.code().to_string(), rollup_value(plan)));
    pairs[0].1 = format_of(&pairs[1..]).to_string();
    pairs.insert(1, (LinkKey::Checksum.code().to_string(), sum));
    if let Some(lang) = lang {
        pairs.push((LinkKey::Lang.code().to_string(), lang.tag().to_string()));
    }
    pairs
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// The value of `ru`.
fn rollup_value(plan: &RollUpPlan) -> String {
    let targets: Vec<String> = plan
        .targets
        .iter()
        .filter_map(|t| {
            metric_code(t.metric)
                .map(|code| format!("{code}-{}-{}", number_text(t.threshold), t.deadline))
        })
        .collect();
    let mut value = if targets.is_empty() {
        "none".to_string()
    } else {
        targets.join("_")
    };
    if let Some(name) = plan.name.as_deref().filter(|n| !n.trim().is_empty()) {
        value.push('~');
        value.push_str(&base64url::encode(name.trim().as_bytes()));
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::decode;

    fn three() -> RollUpPlan {
        crate::life::rollup::tests::three_cities()
    }

    #[test]
    fn a_rollup_link_opens_the_same_cities_and_province() {
        let plan = three();
        let query = encode_rollup(&plan, None);
        assert!(query.starts_with("v=4&c="), "{query}");
        let opened = decode(&query);
        assert!(opened.problems.is_empty(), "{:?}", opened.problems);
        assert_eq!(opened.plans.len(), 3);
        let rollup = opened.rollup.unwrap();
        assert_eq!(rollup.name.as_deref(), Some("三市"));
        assert_eq!(rollup.targets.len(), 1);
        assert_eq!(rollup.targets[0].threshold, 1.0);
        for (city, spec) in plan.cities.iter().zip(&opened.plans) {
            assert!(crate::share::same_numbers(city, spec));
        }
    }

    #[test]
    fn a_rollup_carries_more_cities_than_a_comparison() {
        let mut plan = three();
        let more: Vec<_> = plan.cities.iter().cycle().take(7).cloned().collect();
        plan.cities = more;
        let opened = decode(&encode_rollup(&plan, Some(Lang::En)));
        assert_eq!(opened.plans.len(), 7);
        assert_eq!(opened.lang, Some(Lang::En));
        assert!(opened.problems.is_empty(), "{:?}", opened.problems);
    }

    #[test]
    fn a_link_without_ru_keeps_four_plans_at_most() {
        let plan = {
            let mut p = three();
            p.cities = p.cities.iter().cycle().take(6).cloned().collect();
            p
        };
        let query = encode_rollup(&plan, None);
        let without: String = query
            .split('&')
            .filter(|pair| !pair.starts_with("ru="))
            .collect::<Vec<_>>()
            .join("&");
        let opened = decode(&without);
        assert_eq!(opened.plans.len(), 4);
        assert_eq!(opened.rollup, None);
    }

    #[test]
    fn a_damaged_province_loses_what_it_cannot_read() {
        let query = encode_rollup(&three(), None).replace("ru=sv-1-2025", "ru=zz-1-2025~%%%");
        let opened = decode(&query);
        let rollup = opened.rollup.unwrap();
        assert!(rollup.targets.is_empty());
        assert_eq!(rollup.name, None);
        assert_eq!(opened.problems.len(), 2, "{:?}", opened.problems);
    }
}
