//! "您编辑过的方案已保留": the plans the planner edited that a link or another plan replaced,
//! each with its region, name and the time it was replaced, to bring back or remove. Shown
//! above the results while the list is not empty.

use yew::prelude::*;

use super::storage::{local_time, now};
use swplan_plans::share::save::SavedPlan;
use swplan_plans::state::Action;
use swplan_words::keeping::{keeping_text, kept_count, kept_row};
use swplan_words::results::{collapse_details, expand_details};
use swplan_words::strings::naming;
use swplan_words::Lang;

#[derive(Properties, PartialEq)]
pub struct KeptPlansProps {
    pub lang: Lang,
    /// Newest first.
    pub kept: Vec<SavedPlan>,
    pub on_action: Callback<Action>,
}

#[function_component(KeptPlans)]
pub fn kept_plans(props: &KeptPlansProps) -> Html {
    if props.kept.is_empty() {
        return Html::default();
    }
    let lang = props.lang;
    let text = keeping_text(lang);
    html! {
        <section class="notice kept-plans" id="kept-plans" aria-labelledby="kept-plans-heading">
            <div>
                // On a phone the box is one line, with the count, until unfolded.
                <div class="kept-head">
                    <p id="kept-plans-heading"><strong>{ text.kept_heading }</strong><span class="phone-only">{ kept_count(props.kept.len(), lang) }</span></p>
                    <details class="notice-expand phone-only">
                        <summary>
                            <span class="when-closed">{ expand_details(lang) }</span>
                            <span class="when-open">{ collapse_details(lang) }</span>
                        </summary>
                    </details>
                </div>
                <p class="muted">{ text.kept_help }</p>
                <ul>
                    { for props.kept.iter().map(|kept| {
                        let title = kept.title(lang);
                        let restore = {
                            let (on_action, id) = (props.on_action.clone(), kept.id.clone());
                            Callback::from(move |_| on_action.emit(Action::RestoreKept { id: id.clone(), now: now() }))
                        };
                        let dismiss = {
                            let (on_action, id) = (props.on_action.clone(), kept.id.clone());
                            Callback::from(move |_| on_action.emit(Action::DismissKept(id.clone())))
                        };
                        html! {
                            <li class="kept" key={kept.id.clone()}>
                                <span>{ kept_row(kept, &local_time(&kept.modified), lang) }</span>
                                <span class="notice-actions">
                                    <button type="button" class="undo" onclick={restore}>
                                        { text.restore }<span class="visually-hidden">{ naming(&title, lang) }</span>
                                    </button>
                                    <button type="button" onclick={dismiss}>
                                        { text.remove }<span class="visually-hidden">{ naming(&title, lang) }</span>
                                    </button>
                                </span>
                            </li>
                        }
                    }) }
                </ul>
            </div>
        </section>
    }
}
