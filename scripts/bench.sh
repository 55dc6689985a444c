#!/usr/bin/env bash
# Measures the core against pandas in one run, on one core, on the same
# machine: Go benchmarks with -cpu 1 (GOMAXPROCS=1), then pandas (Debian's
# python3-pandas) on the same file. Needs ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
V2=../shared/data/venezuela-2024/RESULTADOS_2024_CSV_V2.csv
if [ ! -f "$V2" ]; then echo "needs $V2" >&2; exit 1; fi
if ! /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
	sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get install -y -qq python3-pandas >/dev/null
fi
echo "== Go (GOMAXPROCS=1)"
go test -run '^$' -bench 'LoadV2|AggregateV2|DigestV2' -benchmem -count 5 -cpu 1 ./sim/load/ | grep -E '^Benchmark'
go test -run '^$' -bench 'Synthetic1M' -benchtime 1x -count 3 -cpu 1 ./sim/load/ | grep -E '^Benchmark'
echo "== pandas (single-threaded)"
taskset -c 0 /usr/bin/python3 scripts/bench_pandas.py "$V2" 20
