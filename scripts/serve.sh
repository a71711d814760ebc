#!/usr/bin/env bash
# Installs whatever is missing (scripts/setup.sh), then builds the app and serves it on
# http://127.0.0.1:8080 — it opens on the embedded Yunnan preset. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "Serving on http://127.0.0.1:8080 (Ctrl-C to stop)"
exec trunk serve --release
