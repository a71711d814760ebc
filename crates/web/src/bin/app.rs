//! The browser app's entry point. Built by Trunk for WebAssembly; natively it only explains.

#[cfg(target_arch = "wasm32")]
fn main() {
    swplan_web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The app runs in the browser: ./scripts/serve.sh builds and serves it.");
    std::process::exit(2);
}
