//! The question on a participant's phone: opened from the step's prediction link (the QR code
//! the presenter shows while a question waits), it asks the step's question with its choices as
//! large buttons, then gives the participant a short message to copy into the workshop's chat
//! ("【预测】宁夏 第2步：把握变大 #k3q"). The trainer pastes the chat back; no server is involved.

use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::share_dialog::copy_text;
use swplan_plans::state::{Action, Predicting};
use swplan_words::prediction::{choice_labels, phone_heading, prediction_message, prediction_ui};
use swplan_words::Lang;

#[derive(Properties, PartialEq)]
pub struct PredictionViewProps {
    pub lang: Lang,
    pub predicting: Predicting,
    /// What the step changes, in words, so the question reads on its own.
    #[prop_or_default]
    pub changes: Vec<String>,
    pub on_action: Callback<Action>,
}

/// What happened to the last copy.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Idle,
    Done,
    Refused,
}

#[function_component(PredictionView)]
pub fn prediction_view(props: &PredictionViewProps) -> Html {
    let lang = props.lang;
    let words = prediction_ui(lang);
    let copied = use_state(|| Copied::Idle);
    let field = use_node_ref();
    let predicting = &props.predicting;
    let story = &predicting.story;
    let Some(step) = story.steps().get(predicting.step) else {
        return Html::default();
    };
    let question = step
        .question
        .as_deref()
        .map(|zh| lang.pick(zh, step.question_en.as_deref().unwrap_or(zh)))
        .unwrap_or_default()
        .to_string();
    let labels = choice_labels(step, lang);
    let message = predicting
        .choice
        .and_then(|choice| prediction_message(story, predicting.step, choice, lang));

    let on_copy = {
        let (message, copied, field) = (message.clone(), copied.clone(), field.clone());
        Callback::from(move |_| {
            let Some(message) = message.clone() else {
                return;
            };
            let (copied, field) = (copied.clone(), field.clone());
            spawn_local(async move {
                let done = copy_text(&message, &field).await;
                copied.set(if done { Copied::Done } else { Copied::Refused });
                if !done {
                    if let Some(input) = field.cast::<HtmlInputElement>() {
                        let _ = input.focus();
                        input.select();
                    }
                }
            });
        })
    };
    let on_select = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<HtmlInputElement>().select();
    });
    let close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::ClosePrediction))
    };

    html! {
        <div class="prediction" role="dialog" aria-modal="true" aria-labelledby="prediction-title">
            <p class="prediction-story">{ lang.pick(&story.title, &story.title_en).to_string() }</p>
            <h1 id="prediction-title">{ phone_heading(predicting.step, story.steps().len(), lang) }</h1>
            if !props.changes.is_empty() {
                <ul class="prediction-changes">
                    { for props.changes.iter().map(|c| html! { <li>{ c.clone() }</li> }) }
                </ul>
            }
            <p class="prediction-question" id="prediction-question">{ question }</p>
            <p class="muted">{ words.pick }</p>
            <div class="prediction-choices" role="group" aria-labelledby="prediction-question">
                { for labels.iter().enumerate().map(|(i, label)| {
                    let on_action = props.on_action.clone();
                    let copied = copied.clone();
                    let onclick = Callback::from(move |_| {
                        copied.set(Copied::Idle);
                        on_action.emit(Action::Predict(i));
                    });
                    let picked = predicting.choice == Some(i);
                    html! {
                        <button type="button" class={classes!("prediction-choice", picked.then_some("is-picked"))}
                                aria-pressed={picked.to_string()} {onclick}>
                            { label.clone() }
                        </button>
                    }
                }) }
            </div>
            if let Some(message) = &message {
                <section class="prediction-message" aria-labelledby="prediction-message-label">
                    <label id="prediction-message-label" for="prediction-message">{ words.message_label }</label>
                    <input id="prediction-message" ref={field} type="text" readonly=true value={message.clone()} onfocus={on_select} />
                    <button type="button" class="apply" id="prediction-copy" onclick={on_copy}>{ words.copy }</button>
                    <p class="copy-status" role="status">
                        { match *copied {
                            Copied::Idle => "",
                            Copied::Done => words.copied,
                            Copied::Refused => words.copy_refused,
                        } }
                    </p>
                    <p class="muted">{ words.send_hint }</p>
                </section>
            }
            <button type="button" class="link prediction-close" id="prediction-close" onclick={close}>{ words.see_plan }</button>
        </div>
    }
}
