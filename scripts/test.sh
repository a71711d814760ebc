#!/usr/bin/env bash
# Runs every test: formatting and lints (native and wasm32), native unit/integration/property
# tests, browser tests in headless Chromium (wasm-bindgen-test), and end-to-end tests in
# Chromium against the release build. Installs whatever is missing first (scripts/setup.sh).
# Safe to run again; CI runs it on a clean clone with CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# A clean clone builds once: incremental caches only cost disk there.
if [ "${CI:-}" = "true" ]; then export CARGO_INCREMENTAL=0; fi
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started=$(date +%s)

step "format, layers and lints (native and wasm32)"
cargo fmt --all -- --check
# Each crate uses only the crates below it, and no file of a crate imports in a circle.
node scripts/check-layers.mjs
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo clippy --locked --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
# The first view is built with the presets' provenance left out (crates/web/src/bin/boot.rs).
cargo clippy --locked -p swplan-web --bin boot --target wasm32-unknown-unknown --features first-view -- -D warnings

step "native tests: unit, command line, properties, preset snapshots, Monte Carlo and seek"
cargo test --locked --workspace

step "browser tests in headless Chromium (wasm-bindgen-test)"
cargo test --locked -p swplan-web --target wasm32-unknown-unknown --test web

step "release build and end-to-end tests in Chromium"
trunk build --release
node --test tests/e2e/

step "all tests passed in $(( $(date +%s) - started )) s"
