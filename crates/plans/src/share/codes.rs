//! Permanent short codes of the target metrics in links (`t=tl-140000-2025`). Like the
//! parameters' link codes in `model::params`, a code is never changed or reused.

use swplan_engine::Metric;

/// (metric, code) for every metric a target can be set on.
pub const METRIC_CODES: [(Metric, &str); 13] = [
    (Metric::Talent, "tl"),
    (Metric::Certified, "c"),
    (Metric::CertifiedJunior, "cj"),
    (Metric::CertifiedMid, "cm"),
    (Metric::CertifiedSenior, "cs"),
    (Metric::Institutions, "i"),
    (Metric::Stations, "s"),
    (Metric::DemoStations, "d"),
    (Metric::Rooms, "r"),
    (Metric::Positions, "po"),
    (Metric::BudgetCumulative, "b"),
    (Metric::StationCoverage, "sv"),
    (Metric::RoomCoverage, "rv"),
];

/// The link code of a metric (`None` for figures that cannot be targets).
pub fn metric_code(metric: Metric) -> Option<&'static str> {
    METRIC_CODES
        .iter()
        .find(|(m, _)| *m == metric)
        .map(|(_, code)| *code)
}

/// The metric with this link code.
pub fn metric_by_code(code: &str) -> Option<Metric> {
    METRIC_CODES
        .iter()
        .find(|(_, c)| *c == code)
        .map(|(metric, _)| *metric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_targetable_metric_has_one_code_and_no_other_metric_has_one() {
        for metric in Metric::ALL {
            let count = METRIC_CODES.iter().filter(|(m, _)| *m == metric).count();
            let expected = usize::from(metric.goal().is_some());
            assert_eq!(count, expected, "{}", metric.key());
        }
    }

    #[test]
    fn codes_are_unique_short_and_free_of_link_separators() {
        for (i, (metric, code)) in METRIC_CODES.iter().enumerate() {
            assert!(
                METRIC_CODES[i + 1..].iter().all(|(_, c)| c != code),
                "{code}"
            );
            assert!(code.len() <= 3, "{code}");
            // `-` separates the parts of a target, `_` the targets; `none` is the empty list.
            assert!(code.bytes().all(|b| b.is_ascii_lowercase()), "{code}");
            assert_ne!(*code, "none");
            assert_eq!(metric_by_code(code), Some(*metric));
        }
    }
}
