//! The top bar: title, the region (preset picker or "new region"), the years of the plan, the
//! language toggle. The horizon note always names the years of the results on screen.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use swplan_engine::scenario::MAX_HORIZON_YEARS;
use swplan_plans::help::HelpTopic;
use swplan_plans::presets;
use swplan_plans::state::{Action, Dialog};
use swplan_words::manual::manual_words;
use swplan_words::strings::{horizon_note, strings};
use swplan_words::Lang;

/// What the header shows.
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    /// The preset the plan came from, or `None` for a region of the user's own.
    pub preset: Option<&'static str>,
    /// The region's name.
    pub region: AttrValue,
    /// The plan's name, when it has one (a save's, a named link's).
    pub plan_name: Option<AttrValue>,
    /// Whether the plan has changes its save does not have, when it came from a save.
    pub unsaved: Option<bool>,
    /// The base year and last year as edited.
    pub base_year: i32,
    pub end_year: i32,
    /// The last year of the results on screen (differs from `end_year` only while some input
    /// is invalid).
    pub shown_end_year: i32,
    /// The base year of the results on screen (the last valid one while the field is invalid).
    pub shown_base_year: i32,
    /// The latest target deadline: the last year cannot be set before it.
    pub latest_deadline: Option<i32>,
    /// Messages about the years, shown under the picker.
    pub year_errors: Vec<String>,
    pub on_action: Callback<Action>,
    pub on_export_csv: Callback<MouseEvent>,
    pub on_print: Callback<MouseEvent>,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);

    let on_preset = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(preset) = presets::by_slug(&value) {
                on_action.emit(Action::LoadPreset(preset.slug));
            }
        })
    };
    let on_end_year = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(year) = value.parse() {
                on_action.emit(Action::SetEndYear(year));
            }
        })
    };
    let on_lang = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| {
            on_action.emit(Action::SetLang(match lang {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            }))
        })
    };

    // A menu closes as menus do: on Esc (focus back on its button) and on a click elsewhere.
    use_effect_with((), |_| {
        let document = gloo::utils::document();
        let open_menus = || {
            let found = gloo::utils::document().query_selector_all("details.menu[open]");
            found.map_or_else(
                |_| Vec::new(),
                |list| {
                    (0..list.length())
                        .filter_map(|i| list.item(i))
                        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
                        .collect::<Vec<_>>()
                },
            )
        };
        let on_key = EventListener::new(&document, "keydown", move |event| {
            let escape = event
                .dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|k| k.key() == "Escape");
            if !escape {
                return;
            }
            for menu in open_menus() {
                let _ = menu.remove_attribute("open");
                if let Some(summary) = menu
                    .query_selector("summary")
                    .ok()
                    .flatten()
                    .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = summary.focus();
                }
            }
        });
        // A click elsewhere, or tabbing out of a menu, closes it.
        let close_outside = move |event: &Event| {
            let target = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            for menu in open_menus() {
                if !target.as_ref().is_some_and(|t| menu.contains(Some(t))) {
                    let _ = menu.remove_attribute("open");
                }
            }
        };
        let on_click = EventListener::new(&document, "click", close_outside);
        let on_focus = EventListener::new(&document, "focusin", close_outside);
        move || drop((on_key, on_click, on_focus))
    });

    let open = |dialog: Dialog| {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::OpenDialog(dialog)))
    };
    let emit = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    // A menu item closes its menu after doing its work.
    let close_after = |callback: Callback<MouseEvent>| {
        Callback::from(move |e: MouseEvent| {
            let menu = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("details").ok().flatten());
            if let Some(menu) = menu {
                let _ = menu.remove_attribute("open");
            }
            callback.emit(e);
        })
    };
    let on_new_region = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| {
            on_action.emit(Action::NewRegion(std::rc::Rc::new(
                presets::blank().clone(),
            )))
        })
    };
    let first_year = props.base_year + 1;
    let last_year = props.base_year + MAX_HORIZON_YEARS;
    let earliest = props.latest_deadline.unwrap_or(first_year).max(first_year);
    let horizon_help = match props.latest_deadline {
        Some(deadline) if deadline > first_year => {
            format!(
                "{} {}",
                text.horizon_help,
                swplan_words::strings::earliest_end_year(deadline, lang)
            )
        }
        _ => text.horizon_help.to_string(),
    };
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
                        if props.preset.is_none() {
                            <option value="" selected=true>{ props.region.clone() }</option>
                        }
                        { for presets::all().iter().map(|p| html! {
                            <option value={p.slug} selected={Some(p.slug) == props.preset}>
                                { lang.pick(&p.scenario.name.zh, &p.scenario.name.en) }
                            </option>
                        }) }
                    </select>
                </label>
                <label class="field-inline" title={horizon_help.clone()}>
                    <span>{ text.end_year_label }</span>
                    <select id="end-year" onchange={on_end_year}
                            aria-describedby={(!props.year_errors.is_empty()).then_some("error-end-year")}>
                        { for (first_year..=last_year).map(|year| html! {
                            <option value={year.to_string()} selected={year == props.end_year}
                                    disabled={year < earliest}>
                                { year }
                            </option>
                        }) }
                    </select>
                </label>
                <button type="button" class="tool share" id="open-share" onclick={open(Dialog::Share)}>{ text.share_button }</button>
                <button type="button" class="tool" id="open-saves" onclick={open(Dialog::Saves)}>{ text.saves_button }</button>
                <button type="button" class="tool" id="new-region" onclick={on_new_region}>{ text.new_region }</button>
                <button type="button" class="tool" id="open-rollup" onclick={open(Dialog::RollUp)}>{ swplan_words::rollup::rollup_words(lang).open }</button>
                <details class="menu" id="export-menu">
                    <summary class="tool">{ text.export_menu }</summary>
                    <div class="menu-items">
                        <button type="button" id="export-csv" onclick={close_after(props.on_export_csv.clone())}>{ text.export_csv }</button>
                        <button type="button" id="print-report" onclick={close_after(props.on_print.clone())}>{ text.print_report }</button>
                    </div>
                </details>
                <details class="menu" id="training-menu">
                    <summary class="tool">{ text.training_menu }</summary>
                    <div class="menu-items">
                        <button type="button" id="open-presenter" onclick={close_after(emit(Action::EnterPresenter))}>{ text.presenter_button }</button>
                        <button type="button" id="open-stories" onclick={close_after(open(Dialog::Stories))}>{ text.stories_button }</button>
                        <button type="button" id="open-pool" onclick={close_after(open(Dialog::Pool))}>{ text.pool_button }</button>
                    </div>
                </details>
                <button type="button" class="tool help-button" id="open-help" title={manual_words(lang).button_hint}
                        aria-keyshortcuts="? F1" onclick={emit(Action::OpenHelp(HelpTopic::Contents))}>
                    { manual_words(lang).button }
                </button>
                <button type="button" class="lang-toggle" id="lang-toggle" onclick={on_lang}
                        lang={match lang { Lang::Zh => "en", Lang::En => "zh-CN" }}>
                    { text.language_toggle }
                    <span class="visually-hidden" lang={lang.tag()}>{ text.language_toggle_label }</span>
                </button>
            </div>
            <p class="horizon-note">
                <strong>{ props.region.clone() }</strong>
                { " · " }
                if let Some(name) = &props.plan_name {
                    <span class="plan-name" id="plan-name">{ swplan_words::keeping::plan_on_screen(name, props.unsaved, lang) }</span>
                    { " · " }
                }
                { horizon_note(props.shown_base_year, props.shown_end_year, lang) }
            </p>
            if !props.year_errors.is_empty() {
                <ul class="header-error" id="error-end-year" role="alert">
                    { for props.year_errors.iter().map(|e| html! { <li>{ e.clone() }</li> }) }
                </ul>
            }
        </header>
    }
}
