//! Where a number comes from, as a chip with a pop-up: the source document by title and date
//! with the quoted sentence and how the number follows from it, or the assumption and its
//! reasoning — in the interface's language; and, for a value that is the planner's own, their
//! source or that they gave none.

use yew::prelude::*;

use super::tip::Tip;
use swplan_engine::{PlannerSource, Provenance};
use swplan_words::provenance::provenance_words;
use swplan_words::strings::{document_citation, set_in_plan, strings};
use swplan_words::Lang;

#[derive(Properties, PartialEq)]
pub struct ProvenanceChipProps {
    pub id: AttrValue,
    pub provenance: Provenance,
    pub lang: Lang,
    /// Use the round "i" button (target cards) instead of a labelled chip (controls).
    #[prop_or_default]
    pub compact: bool,
    /// A setting's chip: a click opens the planner's source form (open: `citing`).
    #[prop_or_default]
    pub on_cite: Option<Callback<()>>,
    #[prop_or_default]
    pub citing: bool,
    #[prop_or_default]
    pub button_id: Option<AttrValue>,
}

#[function_component(ProvenanceChip)]
pub fn provenance_chip(props: &ProvenanceChipProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let (face, class, body) = match &props.provenance {
        Provenance::Source {
            doc,
            quote,
            note,
            note_en,
        } => (
            text.source_chip,
            "chip source",
            html! {
                <>
                    <span class="tip-title">{ format!("{}{}", text.source_chip, lang.pick("：", ": ")) }{ document_citation(doc, lang) }</span>
                    <q class="tip-quote" lang="zh-CN">{ quote.clone() }</q>
                    if let Some(note) = lang.pick_option(note, note_en) {
                        <span class="tip-note">{ note.to_string() }</span>
                    }
                </>
            },
        ),
        Provenance::Assumption {
            assumption,
            assumption_en,
        } => (
            text.assumption_chip,
            "chip assumption",
            html! {
                <>
                    <span class="tip-title">{ text.assumption_heading }</span>
                    <span class="tip-note">{ lang.pick(assumption, assumption_en).to_string() }</span>
                </>
            },
        ),
    };
    if props.compact {
        html! {
            <Tip id={props.id.clone()} face="i" hidden_label={Some(AttrValue::from(text.target_source))} class={classes!("info")}>
                { body }
            </Tip>
        }
    } else {
        let hint = props
            .on_cite
            .as_ref()
            .map(|_| html! { <span class="tip-note tip-hint">{ provenance_words(lang).click_to_cite }</span> });
        html! {
            <Tip id={props.id.clone()} face={face} class={classes!(class, props.on_cite.as_ref().map(|_| "can-cite"))}
                 on_click={props.on_cite.clone()} expanded={props.on_cite.as_ref().map(|_| props.citing)}
                 button_id={props.button_id.clone()}>
                { body }
                { for hint }
            </Tip>
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct OwnValueChipProps {
    pub id: AttrValue,
    /// The planner's source, if they gave one.
    pub own: Option<PlannerSource>,
    /// The origin's value it replaced ("0 人"), when the planner changed it.
    pub was: Option<String>,
    pub lang: Lang,
    /// A click opens the planner's source form (open: `citing`).
    #[prop_or_default]
    pub on_cite: Option<Callback<()>>,
    #[prop_or_default]
    pub citing: bool,
    #[prop_or_default]
    pub button_id: Option<AttrValue>,
}

/// A value that is the planner's: their source when they gave one, else a value they set
/// without one — never the origin's note, which is about another number.
#[function_component(OwnValueChip)]
pub fn own_value_chip(props: &OwnValueChipProps) -> Html {
    let lang = props.lang;
    let words = provenance_words(lang);
    let was = props
        .was
        .as_ref()
        .map(|was| html! { <span class="tip-note">{ set_in_plan(was, lang) }</span> });
    let hint = props.on_cite.as_ref().map(|_| {
        let hint = match props.own {
            Some(_) => words.click_to_edit,
            None => words.click_to_cite,
        };
        html! { <span class="tip-note tip-hint">{ hint }</span> }
    });
    let can_cite = props.on_cite.as_ref().map(|_| "can-cite");
    let expanded = props.on_cite.as_ref().map(|_| props.citing);
    let fitted = props
        .own
        .as_ref()
        .and_then(swplan_plans::life::fitted_years);
    match &props.own {
        Some(_) if fitted.is_some() => {
            let (face, heading) = swplan_words::calibration::fitted_chip(lang);
            let years = fitted.unwrap_or_default();
            html! {
                <Tip id={props.id.clone()} face={face} class={classes!("chip", "own-source", "fitted", can_cite)}
                     on_click={props.on_cite.clone()} {expanded} button_id={props.button_id.clone()}>
                    <span class="tip-title">{ heading }</span>
                    <span class="tip-note">{ swplan_words::calibration::fitted_provenance(years, lang) }</span>
                    { for was }
                    { for hint }
                </Tip>
            }
        }
        Some(source) => html! {
            <Tip id={props.id.clone()} face={words.own_source_chip} class={classes!("chip", "own-source", can_cite)}
                 on_click={props.on_cite.clone()} {expanded} button_id={props.button_id.clone()}>
                <span class="tip-title">{ words.own_source_heading }</span>
                { for [&source.document, &source.date].into_iter().filter(|part| !part.is_empty()).map(|part| html! {
                    <span class="tip-note">{ part.clone() }</span>
                }) }
                if !source.quote.is_empty() {
                    <q class="tip-quote">{ source.quote.clone() }</q>
                }
                { for was }
                { for hint }
            </Tip>
        },
        None => html! {
            <Tip id={props.id.clone()} face={words.own_value_chip} class={classes!("chip", "own-value", can_cite)}
                 on_click={props.on_cite.clone()} {expanded} button_id={props.button_id.clone()}>
                <span class="tip-title">{ words.own_value_heading }</span>
                { for was }
                <span class="tip-note">{ words.no_source_given }</span>
                { for hint }
            </Tip>
        },
    }
}
