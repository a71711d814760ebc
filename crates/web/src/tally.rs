//! The room's predictions beside a story step's question, in the presenter: how many picked
//! each choice (from the chat the trainer pasted, each person's last message), and once the
//! result is revealed, which choice it bears out and how many predicted it. The paste box is the
//! pooling's own text (`Workshop::text`): pasting the growing chat again counts again.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use swplan_plans::state::{Action, WorkshopAction};
use swplan_plans::story::predict::Tally;
use swplan_words::prediction::{prediction_ui, tally_count, tally_result, tally_summary};
use swplan_words::Lang;

#[derive(Properties, PartialEq)]
pub struct TallyViewProps {
    pub lang: Lang,
    pub tally: Tally,
    /// The choices, in the language on screen.
    pub labels: Vec<String>,
    /// Whether the step's result is on screen (the answer may be marked).
    pub revealed: bool,
    /// The pasted chat (the pooling's text).
    pub text: AttrValue,
    pub on_action: Callback<Action>,
}

#[function_component(TallyView)]
pub fn tally_view(props: &TallyViewProps) -> Html {
    let lang = props.lang;
    let words = prediction_ui(lang);
    let tally = &props.tally;
    let on_text = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            on_action.emit(Action::Workshop(WorkshopAction::SetText(text)));
        })
    };
    let most = tally.counts.iter().copied().max().unwrap_or(0).max(1);
    let answer = tally.answer.filter(|_| props.revealed);
    html! {
        <section class="prediction-tally" aria-labelledby="tally-heading">
            <h2 id="tally-heading">
                { words.tally_heading }
                <span class="tally-summary" role="status">{ tally_summary(tally, lang) }</span>
            </h2>
            if tally.voters == 0 {
                <p class="muted tally-empty">{ words.no_votes }</p>
            } else {
                <ul class="tally-choices">
                    { for props.labels.iter().zip(&tally.counts).enumerate().map(|(i, (label, count))| {
                        let width = *count as f64 / most as f64 * 100.0;
                        let is_answer = answer == Some(i);
                        html! {
                            <li class={classes!("tally-choice", is_answer.then_some("is-answer"))} data-choice={i.to_string()}>
                                <span class="tally-label">
                                    { label.clone() }
                                    if is_answer { <span class="tally-mark">{ format!(" ✓ {}", words.answer_mark) }</span> }
                                </span>
                                <span class="tally-bar" aria-hidden="true"><span style={format!("width: {width:.1}%")}></span></span>
                                <span class="tally-count">{ tally_count(*count, tally.voters, lang) }</span>
                            </li>
                        }
                    }) }
                </ul>
            }
            if props.revealed {
                if let Some(result) = tally_result(tally, &props.labels, lang) {
                    <p class="tally-result">{ result }</p>
                }
            }
            <details class="tally-paste" open={tally.voters == 0 && props.text.is_empty()}>
                <summary>{ words.paste_label }</summary>
                <p class="muted" id="tally-paste-hint">{ words.paste_hint }</p>
                <textarea id="tally-paste" rows="3" spellcheck="false" autocomplete="off" aria-describedby="tally-paste-hint"
                          aria-label={words.paste_label} value={props.text.clone()} oninput={on_text} />
            </details>
        </section>
    }
}
