//! Inside the Web Worker: take requests (JSON), run each job with the shared loop, post progress
//! and the outcome, and drop a job when its cancellation arrives.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::drive::drive;
use swplan_plans::compute::{Reply, Request, Runner};

/// Work per slice before the worker looks at its mailbox (cancellations).
const SLICE_MS: f64 = 40.0;

fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
    if let Ok(text) = serde_json::to_string(reply) {
        let _ = scope.post_message(&JsValue::from_str(&text));
    }
}

/// Installs the message handler; the worker then lives as long as the page keeps it.
pub fn start() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let cancelled: Rc<RefCell<HashSet<u64>>> = Rc::default();
    let handler_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(text) = event.data().as_string() else {
            return;
        };
        match serde_json::from_str::<Request>(&text) {
            Ok(Request::Cancel { id }) => {
                cancelled.borrow_mut().insert(id);
            }
            Ok(Request::Run { id, job }) => {
                let (scope, cancelled) = (handler_scope.clone(), cancelled.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let progress_scope = scope.clone();
                    let stop = cancelled.clone();
                    let outcome = drive(
                        Runner::start(*job),
                        SLICE_MS,
                        |done, total| post(&progress_scope, &Reply::Progress { id, done, total }),
                        move || stop.borrow().contains(&id),
                    )
                    .await;
                    cancelled.borrow_mut().remove(&id);
                    if let Some(outcome) = outcome {
                        post(&scope, &Reply::Done { id, outcome });
                    }
                });
            }
            // A message this worker does not understand (a newer page): ignore it.
            Err(_) => {}
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&scope, &Reply::Ready);
}
