//! The computing worker: runs `swplan_plans::compute` jobs (through `swplan_web::worker`) off the page's thread. Built by Trunk as a
//! Web Worker (`data-type="worker"`); natively it only explains.

#[cfg(target_arch = "wasm32")]
fn main() {
    swplan_web::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The worker runs in the browser; ./scripts/serve.sh builds it with the app.");
    std::process::exit(2);
}
