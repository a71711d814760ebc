//! The year table: every figure of the plan, year by year.

use yew::prelude::*;

use super::app::use_app;
use crate::i18n::strings::strings;
use crate::i18n::{format_count, format_percent, format_yuan};
use crate::model::Metric;

#[function_component(YearTable)]
pub fn year_table() -> Html {
    let app = use_app();
    let lang = app.lang;
    let text = strings(lang);
    let rows = &app.result.trajectory.years;
    let warnings = &app.result.trajectory.warnings;
    let count = |v: f64| format_count(v, lang);
    let headers = [
        Metric::Talent.label(lang),
        Metric::Certified.label(lang),
        Metric::CertifiedJunior.label(lang),
        Metric::CertifiedMid.label(lang),
        Metric::CertifiedSenior.label(lang),
        Metric::Institutions.label(lang),
        Metric::Stations.label(lang),
        Metric::StationCoverage.label(lang),
        Metric::DemoStations.label(lang),
        Metric::Rooms.label(lang),
        Metric::RoomCoverage.label(lang),
        Metric::Positions.label(lang),
        text.staff_needed,
        text.budget_year,
        text.budget_cumulative,
    ];
    html! {
        <section class="year-table" aria-labelledby="year-table-heading">
            <h2 id="year-table-heading">{ text.year_table_heading }</h2>
            if !warnings.is_empty() {
                <div class="warnings" role="status">
                    <h3>{ text.warnings_heading }</h3>
                    <ul>{ for warnings.iter().map(|w| html! { <li>{ w.message(lang) }</li> }) }</ul>
                </div>
            }
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="year-table-heading">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ text.year }</th>
                            { for headers.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|r| html! {
                            <tr>
                                <th scope="row">{ r.year }</th>
                                <td>{ count(r.talent) }</td>
                                <td>{ count(r.certified) }</td>
                                <td>{ count(r.certified_junior) }</td>
                                <td>{ count(r.certified_mid) }</td>
                                <td>{ count(r.certified_senior) }</td>
                                <td>{ count(r.institutions) }</td>
                                <td>{ count(r.stations) }</td>
                                <td>{ format_percent(r.station_coverage, lang) }</td>
                                <td>{ count(r.demo_stations) }</td>
                                <td>{ count(r.rooms) }</td>
                                <td>{ format_percent(r.room_coverage, lang) }</td>
                                <td>{ count(r.positions) }</td>
                                <td>{ count(r.staff_needed) }</td>
                                <td>{ format_yuan(r.budget, lang) }</td>
                                <td>{ format_yuan(r.budget_cumulative, lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
