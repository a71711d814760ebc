// Starts the computing Web Worker (src/bin/worker.rs): wasm-bindgen's script for workers, then its
// wasm, passed as one object (the form wasm-bindgen expects; a bare path logs a deprecation).
importScripts('./worker.js');
wasm_bindgen({ module_or_path: './worker_bg.wasm' });
