//! Where a number comes from, as a chip with a pop-up: the source document by title and date
//! with the quoted sentence and how the number follows from it, or the assumption and its
//! reasoning — in the interface's language.

use yew::prelude::*;

use super::tip::Tip;
use swplan_engine::Provenance;
use swplan_words::strings::{document_citation, strings};
use swplan_words::Lang;

#[derive(Properties, PartialEq)]
pub struct ProvenanceChipProps {
    pub id: AttrValue,
    pub provenance: Provenance,
    pub lang: Lang,
    /// Use the round "i" button (target cards) instead of a labelled chip (controls).
    #[prop_or_default]
    pub compact: bool,
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
        html! {
            <Tip id={props.id.clone()} face={face} class={classes!(class)}>
                { body }
            </Tip>
        }
    }
}
