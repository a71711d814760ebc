//! The one slice-and-yield loop, run by the worker and, when no worker can start, by the page:
//! advance a job for about `slice_ms` of wall time, report progress, yield to the event loop
//! (so the page paints and the worker hears cancellations), and repeat.

use gloo::timers::future::TimeoutFuture;

use swplan_plans::compute::{Outcome, Progress, Runner};

/// Units of work between two looks at the clock.
const UNITS_PER_CHECK: usize = 2;

/// Runs `runner` to its end in slices; `None` when `cancelled` says so between slices.
pub async fn drive(
    mut runner: Runner,
    slice_ms: f64,
    mut on_progress: impl FnMut(usize, usize),
    cancelled: impl Fn() -> bool,
) -> Option<Outcome> {
    loop {
        let started = js_sys::Date::now();
        let mut last = (0, 0);
        while js_sys::Date::now() - started < slice_ms {
            match runner.advance(UNITS_PER_CHECK) {
                Progress::Done(outcome) => return Some(outcome),
                Progress::Working { done, total } => last = (done, total),
            }
        }
        on_progress(last.0, last.1);
        TimeoutFuture::new(0).await;
        if cancelled() {
            return None;
        }
    }
}
