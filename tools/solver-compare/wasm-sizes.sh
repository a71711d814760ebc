#!/usr/bin/env bash
# What each solver adds to a wasm module (issue 22). Builds probe/ (one small linear programme,
# read from the caller's numbers, solved by one solver) for wasm32-unknown-unknown four times:
# without a solver (the baseline: the same reading, wasm-bindgen and the allocator), with
# microlp, with clarabel and with minilp. Each goes the way Trunk takes the app's wasm: cargo's
# release profile (opt-level "z", lto, codegen-units 1: this workspace's Cargo.toml), then
# `wasm-bindgen --target web`, then `wasm-opt -Oz`. Prints raw and gzip -9 bytes of each and
# what the solver adds over the baseline, and, run in Node, each probe's answer to
# "min 2x + 3y, x + y ≥ 10, 0 ≤ x ≤ 4, 0 ≤ y ≤ 100" (26; the baseline has no solver and answers
# the cost at the upper bounds, 308): the solver is linked and works in wasm.
#
# Usage: tools/solver-compare/wasm-sizes.sh   (from any folder; writes only under
# tools/solver-compare/target). Needs the wasm32-unknown-unknown target, wasm-bindgen 0.2.130
# (the app's), wasm-opt (the project's node_modules/.bin is put on PATH, or set WASM_OPT), node.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
WASM_OPT=${WASM_OPT:-wasm-opt}
out="$here/target/wasm-sizes"
mkdir -p "$out"
for tool in wasm-bindgen "$WASM_OPT" gzip node; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
done

size() { # variant feature → prints "raw gzip"
  local variant=$1 features=()
  [ "$variant" != baseline ] && features=(--features "$variant")
  cargo build --quiet --release --target wasm32-unknown-unknown \
    --manifest-path "$here/Cargo.toml" -p solver-probe "${features[@]}"
  rm -rf "${out:?}/$variant"
  wasm-bindgen --target web --out-dir "$out/$variant" \
    "$here/target/wasm32-unknown-unknown/release/solver_probe.wasm"
  "$WASM_OPT" -Oz "$out/$variant/solver_probe_bg.wasm" -o "$out/$variant/shipped.wasm"
  echo "$(stat -c %s "$out/$variant/shipped.wasm") $(gzip -9 -c "$out/$variant/shipped.wasm" | wc -c)"
}

answer() { # variant → the shipped module's answer to the small programme, in Node
  local dir="$out/$1"
  cp "$dir/solver_probe.js" "$dir/probe.mjs"
  node --input-type=module -e "
    import { readFileSync } from 'node:fs';
    import { initSync, solve } from '$dir/probe.mjs';
    initSync({ module: readFileSync('$dir/shipped.wasm') });
    console.log(solve(new Float64Array([2, 3, 4, 100, 1, 1, 10]), 2, 1));"
}

echo "wasm-bindgen $(wasm-bindgen --version | cut -d' ' -f2), $("$WASM_OPT" --version), $(rustc --version)"
echo
echo "| probe | raw bytes | gzip -9 bytes | added raw | added gzip -9 | answer in Node |"
echo "|---|---:|---:|---:|---:|---:|"
read -r base_raw base_gz < <(size baseline)
echo "| no solver (baseline) | $base_raw | $base_gz | — | — | $(answer baseline) |"
for solver in microlp clarabel minilp; do
  if sizes=$(size "$solver" 2>"$out/$solver.err"); then
    read -r raw gz <<<"$sizes"
    echo "| $solver | $raw | $gz | $((raw - base_raw)) | $((gz - base_gz)) | $(answer "$solver") |"
  else
    echo "| $solver | does not build: $(grep -m1 '^error' "$out/$solver.err" || tail -1 "$out/$solver.err") | | | | |"
  fi
done
