//! The four charts a planner reads a plan through, as one identity: the charts themselves
//! (`swplan_render::charts`), the presenter, story highlights, downloads and the page's element
//! ids all name a chart by this type, and which chart shows a target by [`Chart::of_metric`].

use swplan_engine::Metric;

/// One of the four charts of the planner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Chart {
    Talent,
    Certified,
    Coverage,
    Budget,
}

impl Chart {
    /// The charts in the order the page shows them.
    pub const ALL: [Chart; 4] = [
        Chart::Talent,
        Chart::Certified,
        Chart::Coverage,
        Chart::Budget,
    ];

    /// The element id of the chart (`chart-talent`), also the key story files highlight it by:
    /// permanent.
    pub fn id(self) -> &'static str {
        match self {
            Chart::Talent => "chart-talent",
            Chart::Certified => "chart-certified",
            Chart::Coverage => "chart-coverage",
            Chart::Budget => "chart-budget",
        }
    }

    /// The chart with this element id, if any.
    pub fn from_id(id: &str) -> Option<Chart> {
        Chart::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The target metrics whose marks this chart draws. Station and room counts are drawn on
    /// the coverage chart as the share of townships or villages they stand for.
    pub fn target_metrics(self) -> &'static [Metric] {
        match self {
            Chart::Talent => &[Metric::Talent],
            Chart::Certified => &[
                Metric::Certified,
                Metric::CertifiedJunior,
                Metric::CertifiedMid,
                Metric::CertifiedSenior,
            ],
            Chart::Coverage => &[
                Metric::StationCoverage,
                Metric::RoomCoverage,
                Metric::Stations,
                Metric::Rooms,
            ],
            Chart::Budget => &[Metric::BudgetCumulative],
        }
    }

    /// The figures the chart plots (its axis must hold them all).
    pub fn plotted(self) -> &'static [Metric] {
        match self {
            Chart::Talent => &[Metric::Talent],
            Chart::Certified => &[
                Metric::Certified,
                Metric::CertifiedJunior,
                Metric::CertifiedMid,
                Metric::CertifiedSenior,
            ],
            Chart::Coverage => &[Metric::StationCoverage, Metric::RoomCoverage],
            Chart::Budget => &[Metric::Budget, Metric::BudgetCumulative],
        }
    }

    /// The chart that marks a target on `metric`; `None` for a figure no chart draws
    /// (institutions, demonstration stations, positions: their cards say it all).
    pub fn of_metric(metric: Metric) -> Option<Chart> {
        Chart::ALL
            .into_iter()
            .find(|c| c.target_metrics().contains(&metric))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_read_back() {
        for chart in Chart::ALL {
            assert_eq!(Chart::from_id(chart.id()), Some(chart));
        }
        assert_eq!(Chart::from_id("chart-pie"), None);
    }

    #[test]
    fn a_target_belongs_to_the_chart_that_draws_its_mark_or_to_none() {
        for metric in Metric::targetable() {
            let charts: Vec<Chart> = Chart::ALL
                .into_iter()
                .filter(|c| c.target_metrics().contains(&metric))
                .collect();
            assert!(charts.len() <= 1, "{metric:?} on {charts:?}");
            assert_eq!(Chart::of_metric(metric), charts.first().copied());
        }
        // The presenter once sent these to the coverage chart, which draws no mark for them.
        for metric in [
            Metric::Institutions,
            Metric::Positions,
            Metric::DemoStations,
        ] {
            assert_eq!(Chart::of_metric(metric), None, "{metric:?}");
        }
        assert_eq!(Chart::of_metric(Metric::Rooms), Some(Chart::Coverage));
    }
}
