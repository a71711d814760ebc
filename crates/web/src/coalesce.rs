//! At most one slider step per frame. A mouse drag delivers an `input` event every frame
//! whatever the page is doing; when a step takes longer than a frame the events queue up and
//! the page works through stale positions while the newest waits. Instead, a drag step only
//! records the newest value and asks for the next animation frame, which applies the newest
//! value once: a drag that outruns the page skips to where the mouse is.
//!
//! That frame also draws the step. Yew's scheduler runs a render in a microtask, but once a run
//! has taken more than 16 ms it hands the rest (often nothing but the effects) to a
//! `setTimeout(0)` and starts no new run until that timer fires; during a drag on a slow PC the
//! browser serves input and frames first, so the timer waited 100–300 ms and every step with it
//! (the CDP trace of a 4×-throttled drag, docs/benchmark.md). `render_now` runs what is queued
//! at once, in the frame, whatever the scheduler is waiting for.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use swplan_plans::state::Action;

/// The drag step waiting for the next frame, and that frame's request.
#[derive(Default)]
struct Pending {
    action: Option<Action>,
    frame: Option<AnimationFrame>,
}

/// Sends actions to `dispatch`: a drag step on the next animation frame (the newest one, if
/// several came meanwhile), anything else at once — after the waiting drag step, so the order
/// the planner acted in is kept (a drag's end comes after its last step).
#[derive(Clone)]
pub struct Coalescer {
    pending: Rc<RefCell<Pending>>,
    dispatch: Rc<dyn Fn(Action)>,
}

impl Coalescer {
    pub fn new(dispatch: impl Fn(Action) + 'static) -> Coalescer {
        Coalescer {
            pending: Rc::default(),
            dispatch: Rc::new(dispatch),
        }
    }

    pub fn send(&self, action: Action) {
        if matches!(action, Action::DragValue { .. }) {
            let mut pending = self.pending.borrow_mut();
            pending.action = Some(action);
            if pending.frame.is_none() {
                let this = self.clone();
                pending.frame = Some(request_animation_frame(move |_| {
                    this.flush();
                    render_now();
                }));
            }
            return;
        }
        self.flush();
        (self.dispatch)(action);
    }

    /// Applies the waiting drag step, if any.
    fn flush(&self) {
        let action = {
            let mut pending = self.pending.borrow_mut();
            // Dropping the request cancels it when the flush comes from another action.
            pending.frame = None;
            pending.action.take()
        };
        if let Some(action) = action {
            (self.dispatch)(action);
        }
    }
}

/// Runs Yew's queued work (renders, then effects) now, in this task: one poll of
/// `yew::scheduler::flush`, whose first step runs the whole queue synchronously, with no
/// deadline. What it leaves pending (a timer of the scheduler's, which will then find nothing to
/// do) needs no waker: the future is dropped.
fn render_now() {
    use std::future::Future;
    use std::task::{Context, Waker};
    let flush = std::pin::pin!(yew::scheduler::flush());
    let _ = flush.poll(&mut Context::from_waker(Waker::noop()));
}
