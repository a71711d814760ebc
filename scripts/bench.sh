#!/usr/bin/env bash
# The benchmark with budgets (issue 11): builds the release and measures it in headless Chromium
# and natively (criterion), then prints every figure with its median, p95, budget and pass/fail
# and writes target/bench.json and target/bench.md (the table of docs/benchmark.md, with date and machine).
# A benchmark, not a test: it exits 0 when a budget is missed, and scripts/test.sh does not run it.
#
#   scripts/bench.sh              build into $DIST (default dist/), then node tests/e2e/bench.mjs
#   scripts/bench.sh --quick      fewer runs per figure (a smoke run, about half the time)
#   scripts/bench.sh --no-build   measure the build already in $DIST
#   scripts/bench.sh --no-native  skip cargo bench; use the last result in target/criterion
#   scripts/bench.sh --only=pointer,usable
#                                 only those blocks: native, load, drag (key presses), pointer
#                                 (a mouse drag at 60 Hz, issue 19), usable (cold load → first
#                                 slider that changes a number), mc, mc10k, seek, compare, pool
#   scripts/bench.sh --profile    trace a 4×-throttled slider drag (CDP) into target/drag-trace.json
#                                 and print the top 10 self-time functions and categories; this
#                                 builds a copy with wasm function names into $PROFILE_DIST
#                                 (default target/bench-profile-dist) so the profile names them
#
# DIST=/tmp/somewhere scripts/bench.sh builds and measures there instead of dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

DIST=$(realpath -m "${DIST:-dist}")
PROFILE_DIST=$(realpath -m "${PROFILE_DIST:-target/bench-profile-dist}")
build=1
profile=0
pass=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --profile) profile=1; pass+=("$arg") ;;
    *) pass+=("$arg") ;;
  esac
done

if [ "$profile" = 1 ]; then
  if [ "$build" = 1 ]; then
    # The same release build, but wasm-opt keeps the function names (--debuginfo), so the
    # profile shows Rust functions instead of wasm-function[1234]. A wrapper in front of the
    # real wasm-opt adds the flag; the code is optimized the same way.
    real=$(command -v wasm-opt)
    shim=$(mktemp -d)
    cat >"$shim/wasm-opt" <<EOF
#!/bin/sh
for a in "\$@"; do [ "\$a" = "--version" ] && exec "$real" "\$@"; done
exec "$real" "\$@" --debuginfo
EOF
    chmod +x "$shim/wasm-opt"
    echo "== release build with function names into $PROFILE_DIST"
    PATH="$shim:$PATH" trunk build --release --dist "$PROFILE_DIST" || { rm -rf "$shim"; exit 1; }
    rm -rf "$shim"
  fi
  DIST="$PROFILE_DIST" exec node tests/e2e/bench.mjs "${pass[@]}"
fi

if [ "$build" = 1 ]; then
  echo "== release build into $DIST"
  trunk build --release --dist "$DIST"
fi
DIST="$DIST" exec node tests/e2e/bench.mjs "${pass[@]+"${pass[@]}"}"
