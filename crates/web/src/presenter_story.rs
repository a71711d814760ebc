//! The presenter's story panel: the introduction before the first step; then per step what it
//! changes, the question for the room (with the result of the step before, to compare with),
//! and after the reveal how what the question asked about moved, and the caption.

use yew::prelude::*;

use swplan_plans::state::StoryPlace;
use swplan_words::presenting::presenting;
use swplan_words::story::{previous_result, step_changes};
use swplan_words::strings::strings;
use swplan_words::Lang;

#[derive(Properties, PartialEq)]
pub struct StoryPanelProps {
    pub lang: Lang,
    pub place: StoryPlace,
    /// How what the question asked moved since the step before, a list of lines per figure
    /// (empty until the answer is revealed).
    pub callouts: Vec<Vec<String>>,
    /// The figures that did not move, in one line (when there are many).
    #[prop_or_default]
    pub rest: Option<String>,
    /// The room's predictions beside the question (`tally::TallyView`), when the step asks one.
    #[prop_or_default]
    pub tally: Html,
}

/// A hint for a keyboard and one for a touch screen; the page's CSS shows the one that fits.
fn hint(keys: &str, touch: &str) -> Html {
    html! {
        <p class="presenter-hint muted">
            <span class="for-keys">{ keys.to_string() }</span>
            <span class="for-touch">{ touch.to_string() }</span>
        </p>
    }
}

#[function_component(StoryPanel)]
pub fn story_panel(props: &StoryPanelProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let words = presenting(lang);
    let place = &props.place;
    let story = &place.story;
    if place.intro {
        return html! {
            <section class="story-intro" aria-live="polite">
                <p class="story-intro-text">{ lang.pick(&story.intro, &story.intro_en).to_string() }</p>
                { hint(text.intro_hint, words.intro_hint_touch) }
            </section>
        };
    }
    let Some(step) = story.steps().get(place.step) else {
        return Html::default();
    };
    let asking = place.asking();
    let changes = step_changes(&place.context, lang);
    // A question is asked against what the room saw last: that result stays in view until the
    // answer, whose callouts then say how it moved.
    let previous = (asking && place.step > 0)
        .then(|| previous_result(&place.context, lang))
        .flatten();
    let last = place.step + 1 == story.steps().len();
    html! {
        <section class={classes!("story-step", asking.then_some("is-asking"))} aria-live="polite">
            if !changes.is_empty() {
                <ul class="story-changes" aria-label={text.story_changes}>
                    { for changes.iter().map(|c| html! { <li>{ c.clone() }</li> }) }
                </ul>
            }
            if let Some(before) = previous {
                <p class="story-previous">{ before }</p>
            }
            if let Some(question) = step.question.as_deref() {
                <p class={classes!("story-question", (!asking).then_some("is-answered"))}>
                    { lang.pick(question, step.question_en.as_deref().unwrap_or(question)).to_string() }
                </p>
            }
            { props.tally.clone() }
            if asking {
                { hint(text.reveal_hint, words.reveal_hint_touch) }
            } else {
                if !props.callouts.is_empty() || props.rest.is_some() {
                    <div class="story-callouts" aria-label={text.story_callouts}>
                        { for props.callouts.iter().map(|lines| html! {
                            <ul class="story-callout">{ for lines.iter().map(|l| html! { <li>{ l.clone() }</li> }) }</ul>
                        }) }
                        if let Some(rest) = &props.rest {
                            <p class="story-callout-rest">{ rest.clone() }</p>
                        }
                    </div>
                }
                <p class="story-caption">
                    { lang.pick(&step.caption, &step.caption_en).to_string() }
                    if last {
                        <span class="story-end">{ format!(" {}", text.story_end) }</span>
                    }
                </p>
            }
        </section>
    }
}
