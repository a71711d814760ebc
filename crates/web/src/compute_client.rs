//! The page's side of computing: jobs go to Web Workers (up to two, one per core the page can
//! use, so four compared plans run two at a time), each under an id; progress and outcomes
//! come back as JSON. A newer request cancels a stale one. A worker that fails is replaced by a
//! fresh one and its jobs are sent again; when no worker can start at all (an old browser, a
//! policy), the same jobs run on the page in short slices with the same loop.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yew::platform::spawn_local;

use crate::drive::drive;
use swplan_plans::compute::{Job, Outcome, Reply, Request, Runner};

/// The worker's entry point, next to the page (Trunk's loader shim for the `worker` binary).
const WORKER_URL: &str = "./worker_loader.js";
/// Slices on the page when there is no worker: short, so input and painting go first.
const PAGE_SLICE_MS: f64 = 12.0;

type OnProgress = Rc<dyn Fn(usize, usize)>;
type OnDone = Rc<dyn Fn(Outcome)>;

struct Pending {
    job: Job,
    worker: Option<usize>,
    on_progress: OnProgress,
    on_done: OnDone,
}

struct Slot {
    worker: Worker,
    /// The worker said it listens; until then requests wait in `queue`.
    ready: bool,
    queue: Vec<Request>,
    // Kept alive as long as the worker.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

#[derive(Default)]
struct Inner {
    slots: Vec<Option<Slot>>,
    pending: HashMap<u64, Pending>,
    /// Ids cancelled while running on the page.
    cancelled_on_page: Vec<u64>,
    next_id: u64,
    /// Workers could not be started: run on the page.
    page_only: bool,
    /// Fresh workers started after failures, so a worker that always fails is not restarted
    /// forever.
    restarts: usize,
}

/// A handle to the computing service; cheap to clone, compared by identity.
#[derive(Clone)]
pub struct ComputeClient {
    inner: Rc<RefCell<Inner>>,
}

impl PartialEq for ComputeClient {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

/// A job sent off; dropping it does not cancel, `ComputeClient::cancel` does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JobId(u64);

/// How many workers to start: one per core the browser reports, at most two.
fn worker_count() -> usize {
    let cores = gloo::utils::window().navigator().hardware_concurrency();
    if cores >= 2.0 {
        2
    } else {
        1
    }
}

impl ComputeClient {
    /// Starts the workers; without them (or with `?workers=0` in the address, to try the
    /// fallback) every job runs on the page.
    pub fn new() -> ComputeClient {
        let client = ComputeClient {
            inner: Rc::new(RefCell::new(Inner::default())),
        };
        let disabled = super::storage::address_query().contains("workers=0");
        let count = if disabled { 0 } else { worker_count() };
        for index in 0..count {
            let slot = client.spawn(index);
            client.inner.borrow_mut().slots.push(slot);
        }
        let none = client.inner.borrow().slots.iter().all(Option::is_none);
        client.inner.borrow_mut().page_only = none;
        client
    }

    /// Whether jobs run in workers (for the page to say so, and for tests).
    pub fn uses_workers(&self) -> bool {
        !self.inner.borrow().page_only
    }

    fn spawn(&self, index: usize) -> Option<Slot> {
        let worker = Worker::new(WORKER_URL).ok()?;
        let weak = Rc::downgrade(&self.inner);
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let (Some(inner), Some(text)) = (weak.upgrade(), event.data().as_string()) else {
                return;
            };
            let Ok(reply) = serde_json::from_str::<Reply>(&text) else {
                return;
            };
            ComputeClient { inner }.receive(index, reply);
        });
        let weak = Rc::downgrade(&self.inner);
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            if let Some(inner) = weak.upgrade() {
                ComputeClient { inner }.worker_failed(index);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Slot {
            worker,
            ready: false,
            queue: Vec::new(),
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Runs `job`; `on_progress(done, total)` as it goes, `on_done(outcome)` at the end.
    pub fn submit(
        &self,
        job: Job,
        on_progress: impl Fn(usize, usize) + 'static,
        on_done: impl Fn(Outcome) + 'static,
    ) -> JobId {
        let id = {
            let mut inner = self.inner.borrow_mut();
            inner.next_id += 1;
            inner.next_id
        };
        self.inner.borrow_mut().pending.insert(
            id,
            Pending {
                job,
                worker: None,
                on_progress: Rc::new(on_progress),
                on_done: Rc::new(on_done),
            },
        );
        self.dispatch(id);
        JobId(id)
    }

    /// Stops a job that is no longer wanted (a newer input superseded it).
    pub fn cancel(&self, job: JobId) {
        let mut inner = self.inner.borrow_mut();
        if let Some(pending) = inner.pending.remove(&job.0) {
            match pending.worker {
                Some(index) => {
                    if let Some(Some(slot)) = inner.slots.get_mut(index) {
                        slot.send(Request::Cancel { id: job.0 });
                    }
                }
                None => inner.cancelled_on_page.push(job.0),
            }
        }
    }

    /// Sends a pending job to the least busy worker, or runs it on the page.
    fn dispatch(&self, id: u64) {
        let target = {
            let inner = self.inner.borrow();
            if inner.page_only {
                None
            } else {
                let busy = |index: usize| {
                    inner
                        .pending
                        .values()
                        .filter(|p| p.worker == Some(index))
                        .count()
                };
                (0..inner.slots.len())
                    .filter(|i| inner.slots[*i].is_some())
                    .min_by_key(|i| busy(*i))
            }
        };
        match target {
            Some(index) => {
                let mut inner = self.inner.borrow_mut();
                let Some(pending) = inner.pending.get_mut(&id) else {
                    return;
                };
                pending.worker = Some(index);
                let request = Request::Run {
                    id,
                    job: Box::new(pending.job.clone()),
                };
                if let Some(Some(slot)) = inner.slots.get_mut(index) {
                    slot.send(request);
                }
            }
            None => self.run_on_page(id),
        }
    }

    fn run_on_page(&self, id: u64) {
        let Some((job, on_progress, on_done)) = self
            .inner
            .borrow()
            .pending
            .get(&id)
            .map(|p| (p.job.clone(), p.on_progress.clone(), p.on_done.clone()))
        else {
            return;
        };
        let inner = self.inner.clone();
        spawn_local(async move {
            let cancelled = {
                let inner = inner.clone();
                move || inner.borrow().cancelled_on_page.contains(&id)
            };
            let outcome = drive(
                Runner::start(job),
                PAGE_SLICE_MS,
                |done, total| on_progress(done, total),
                cancelled,
            )
            .await;
            let mut state = inner.borrow_mut();
            state.cancelled_on_page.retain(|c| *c != id);
            let wanted = state.pending.remove(&id).is_some();
            drop(state);
            if let (Some(outcome), true) = (outcome, wanted) {
                on_done(outcome);
            }
        });
    }

    fn receive(&self, index: usize, reply: Reply) {
        match reply {
            Reply::Ready => {
                if let Some(Some(slot)) = self.inner.borrow_mut().slots.get_mut(index) {
                    slot.ready = true;
                    for request in std::mem::take(&mut slot.queue) {
                        post(&slot.worker, &request);
                    }
                }
            }
            Reply::Progress { id, done, total } => {
                let callback = self
                    .inner
                    .borrow()
                    .pending
                    .get(&id)
                    .map(|p| p.on_progress.clone());
                if let Some(callback) = callback {
                    callback(done, total);
                }
            }
            Reply::Done { id, outcome } => {
                let pending = self.inner.borrow_mut().pending.remove(&id);
                if let Some(pending) = pending {
                    (pending.on_done)(outcome);
                }
            }
        }
    }

    /// A worker failed (it could not load, or it crashed): start a fresh one and send it the
    /// jobs it had; after repeated failures give up on workers and run on the page.
    fn worker_failed(&self, index: usize) {
        let orphans: Vec<u64> = {
            let mut inner = self.inner.borrow_mut();
            if let Some(slot) = inner.slots.get_mut(index) {
                if let Some(old) = slot.take() {
                    old.worker.terminate();
                }
            }
            inner.restarts += 1;
            let ids: Vec<u64> = inner
                .pending
                .iter()
                .filter(|(_, p)| p.worker == Some(index))
                .map(|(id, _)| *id)
                .collect();
            for id in &ids {
                if let Some(p) = inner.pending.get_mut(id) {
                    p.worker = None;
                }
            }
            ids
        };
        let give_up = self.inner.borrow().restarts > 3;
        if !give_up {
            let slot = self.spawn(index);
            if let Some(entry) = self.inner.borrow_mut().slots.get_mut(index) {
                *entry = slot;
            }
        }
        let none = self.inner.borrow().slots.iter().all(Option::is_none);
        if give_up || none {
            self.inner.borrow_mut().page_only = true;
        }
        for id in orphans {
            self.dispatch(id);
        }
    }
}

impl Slot {
    /// Sends now if the worker listens, else when it says it does.
    fn send(&mut self, request: Request) {
        if self.ready {
            post(&self.worker, &request);
        } else {
            self.queue.push(request);
        }
    }
}

fn post(worker: &Worker, request: &Request) {
    if let Ok(text) = serde_json::to_string(request) {
        let _ = worker.post_message(&JsValue::from_str(&text));
    }
}
