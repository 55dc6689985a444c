#!/usr/bin/env bash
# Runs every Tallyscope test on a Debian machine with Go: installs the
# Debian packages the tests need (Xvfb for the native Ebitengine tests,
# Chromium for the browser tests, X11/GL headers for the desktop build),
# then formatting, vet (native and WebAssembly), staticcheck, the unit
# tests (under Xvfb), the pure packages inside WebAssembly, and each fuzz
# target briefly. Tests that need ../shared/data skip without it.
set -euo pipefail
cd "$(dirname "$0")/.."

# A count of executions, not a duration: with a duration, Go 1.26's fuzz
# coordinator can fail a target with a bare "context deadline exceeded" at
# the end of the window (go.dev/issue/75804, fixed in Go 1.27); it happened
# here to FuzzDecode. 100000 executions take 3-5 s per target on this
# machine. FUZZTIME=1m still works, with that risk.
FUZZTIME="${FUZZTIME:-100000x}"

need=(xvfb xauth chromium imagemagick nodejs
	libgl1-mesa-dev libx11-dev libxcursor-dev libxi-dev libxinerama-dev libxrandr-dev libxxf86vm-dev)
missing=()
for p in "${need[@]}"; do
	dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
	echo "== installing Debian packages: ${missing[*]}"
	sudo=""
	if [ "$(id -u)" != 0 ]; then sudo=sudo; fi
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v node >/dev/null; then
	echo "node is needed to run WebAssembly tests" >&2
	exit 1
fi

echo "== go mod download"
go mod download

echo "== gofmt"
gofiles=$(git ls-files -co --exclude-standard -- '*.go' 2>/dev/null | while read -r f; do [ -f "$f" ] && echo "$f"; done)
unformatted=$(gofmt -s -l $gofiles)
if [ -n "$unformatted" ]; then
	echo "not gofmt -s formatted:" >&2
	echo "$unformatted" >&2
	exit 1
fi

echo "== go vet (native and js/wasm)"
go vet ./...
# Only what the browser build uses is vetted for js (the e2e tests and the
# desktop entry do not build there).
GOOS=js GOARCH=wasm go vet ./sim/... ./assets/... ./wasm/... ./internal/ui/... ./internal/view/... ./internal/i18n/... ./internal/palette/...

echo "== staticcheck"
go tool staticcheck ./...

echo "== go test (native, under Xvfb for the Ebitengine packages)"
xvfb-run -a -s "-screen 0 1280x1024x24" go test -shuffle=on -count=1 -timeout 30m ./...

echo "== go test (pure packages inside WebAssembly, under Node; -short skips the calibration backtests, which ran natively)"
PATH="$(go env GOROOT)/lib/wasm:$PATH" GOOS=js GOARCH=wasm go test -short -count=1 ./sim/... ./internal/i18n ./internal/view ./internal/app

echo "== the Monte Carlo's fixed-seed numbers, natively built for GOAMD64=v3 (fused multiply-add allowed)"
if [ "$(go env GOARCH)" = amd64 ] && grep -qw fma /proc/cpuinfo && grep -qw avx2 /proc/cpuinfo; then
	GOAMD64=v3 go test -count=1 -run 'TestMonteCarloFixedSeed|TestMonteCarloStepsDoNotMatter' ./sim/scenario/
else
	echo "skipped: this machine cannot run GOAMD64=v3 code"
fi

echo "== fuzz targets, $FUZZTIME each"
for pkg in $(go list ./...); do
	for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
		echo "-- $pkg $target"
		go test -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" "$pkg" >/tmp/tallyscope-fuzz.log 2>&1 || {
			cat /tmp/tallyscope-fuzz.log
			exit 1
		}
	done
done
echo "== all tests passed"
