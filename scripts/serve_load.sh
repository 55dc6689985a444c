#!/bin/bash
# serve_load.sh runs the server's load test (internal/web TestLoad) against
# a real "tallyscope serve" in its own process, so that the memory measured
# is the server's alone. Everything stays on 127.0.0.1.
#
#   bash scripts/serve_load.sh [REPO]
#
# REPO is the checkout whose server is measured (default: this one); to
# measure an older commit, check it out beside this one first:
#
#   git worktree add /tmp/old COMMIT && bash scripts/serve_load.sh /tmp/old
#
# The app is built once into $BUILD (default /tmp/tallyscope-load) and its
# compressed forms are cached there, so that brotli runs only at the first
# start. TALLYSCOPE_LOAD_PHASE and TALLYSCOPE_LOAD_BUDGET pass through.
# SEPARATE_PROBE=1 measures / during the flood from a second process.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "${1:-$here}" && pwd)
build=${BUILD:-/tmp/tallyscope-load}
mkdir -p "$build"
if [ ! -f "$build/app.wasm" ]; then
  (cd "$repo" && GOOS=js GOARCH=wasm go build -gcflags=all=-l -gcflags=runtime= -gcflags="math/...=" -gcflags="github.com/tallyscope/tallyscope/sim/...=" -o "$build/app.wasm" ./wasm)
fi
(cd "$repo" && go build -o "$build/tallyscope-under-test" ./cmd/tallyscope)
(cd "$here" && go test -c -o "$build/web.test" ./internal/web)

log="$build/serve.log"
(cd "$repo" && exec "$build/tallyscope-under-test" serve --addr 127.0.0.1:0 --wasm "$build/app.wasm" --build-dir "$build") >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 600); do
  if grep -q 'brotli ready\|brotli failed' "$log"; then
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -1)
    break
  fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; exit 1; fi
  sleep 1
done
if [ -z "$url" ]; then
  echo "the server did not get ready in 600 s" >&2
  cat "$log" >&2
  exit 1
fi
echo "server: $repo ($(cd "$repo" && git rev-parse --short HEAD)), pid $pid, $url; $(uptime)"
cd "$here/internal/web"
export TALLYSCOPE_LOAD=1 TALLYSCOPE_LOAD_URL="$url" TALLYSCOPE_LOAD_PID="$pid"
if [ "${SEPARATE_PROBE:-}" = 1 ]; then
  # The flood from one process (2,000 requests, so that it outlasts the
  # probe), and / measured from another, without the flood's client work
  # and garbage in the measuring process: the control run (no flood, 2 s)
  # starts 1 s into the flood.
  TALLYSCOPE_LOAD_PHASE=2 TALLYSCOPE_LOAD_FLOOD=2000 TALLYSCOPE_LOAD_BUDGET=${TALLYSCOPE_LOAD_BUDGET:-30} \
    "$build/web.test" -test.run '^TestLoad$' -test.count=1 -test.v -test.timeout 20m >"$build/flood.log" 2>&1 &
  flood=$!
  sleep 1
  echo "probe, from its own process, during the flood:"
  TALLYSCOPE_LOAD_PHASE=2 TALLYSCOPE_LOAD_FLOOD=0 \
    "$build/web.test" -test.run '^TestLoad$' -test.count=1 -test.v | grep -E 'phase 2: (server|/)|FAIL'
  wait "$flood" || true
  echo "the flood:"
  grep -E 'phase 2: (flood|server)|FAIL' "$build/flood.log"
  exit 0
fi
"$build/web.test" -test.run '^TestLoad$' -test.count=1 -test.v -test.timeout 20m | grep -E 'phase|FAIL|ok'
