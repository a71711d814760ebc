//! The top bar: title, preset picker, last year of the plan, language toggle.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::app::use_app;
use super::state::Action;
use super::storage;
use crate::i18n::strings::{horizon_note, strings};
use crate::i18n::Lang;
use crate::model::scenario::MAX_HORIZON_YEARS;
use crate::presets;

#[function_component(Header)]
pub fn header() -> Html {
    let app = use_app();
    let lang = app.lang;
    let text = strings(lang);
    let scenario = &app.scenario;

    let on_preset = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let slug = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(preset) = presets::by_slug(&slug) {
                app.dispatch(Action::LoadPreset(preset.slug));
            }
        })
    };
    let on_end_year = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            if let Ok(year) = e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
            {
                app.dispatch(Action::SetEndYear(year));
            }
        })
    };
    let on_lang = {
        let app = app.clone();
        Callback::from(move |_| {
            let next = match app.lang {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            };
            app.dispatch(Action::SetLang(next));
            if !storage::save_lang(next) {
                app.dispatch(Action::StorageFailed);
            }
        })
    };

    let first_year = scenario.base_year + 1;
    let last_year = scenario.base_year + MAX_HORIZON_YEARS;
    html! {
        <header class="topbar">
            <div class="brand">
                <h1>{ text.app_title }</h1>
                <p class="subtitle">{ text.app_subtitle }</p>
            </div>
            <div class="toolbar">
                <label class="field-inline">
                    <span>{ text.preset_label }</span>
                    <select id="preset" onchange={on_preset}>
                        { for presets::all().iter().map(|p| html! {
                            <option value={p.slug} selected={p.slug == app.preset.slug}>
                                { lang.pick(&p.scenario.name.zh, &p.scenario.name.en) }
                            </option>
                        }) }
                    </select>
                </label>
                <label class="field-inline" title={text.horizon_help}>
                    <span>{ text.end_year_label }</span>
                    <select id="end-year" onchange={on_end_year}>
                        { for (first_year..=last_year).map(|year| html! {
                            <option value={year.to_string()} selected={year == scenario.end_year}>{ year }</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="lang-toggle" id="lang-toggle" onclick={on_lang}
                        aria-label={text.language_toggle_label}
                        lang={match lang { Lang::Zh => "en", Lang::En => "zh-CN" }}>
                    { text.language_toggle }
                </button>
            </div>
            <p class="horizon-note">
                <strong>{ lang.pick(&scenario.name.zh, &scenario.name.en) }</strong>
                { " · " }
                { horizon_note(scenario.base_year, scenario.end_year, lang) }
            </p>
        </header>
    }
}
