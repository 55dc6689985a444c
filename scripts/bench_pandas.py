#!/usr/bin/env python3
"""The same work as BenchmarkLoadV2 and BenchmarkAggregateV2, in pandas.

read_csv of V2 (Latin-1), then groupby sums of the vote columns at the
four levels (state, municipality, parish, centre). Prints the best of N
runs of each, in milliseconds, as `name ms`, and the median as
`name-median ms` (a Go benchmark reports a mean over many iterations, so
the best pandas run is the harder comparison).
"""
import statistics
import sys
import time

import pandas as pd

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
cols = ["VOTOS_VALIDOS", "VOTOS_NULOS", "EG", "NM", "LM", "JABE", "JOBR", "AE", "CF", "DC", "EM", "BERA"]


def timed(f):
    ts = []
    for _ in range(runs):
        s = time.perf_counter()
        f()
        ts.append((time.perf_counter() - s) * 1000)
    return min(ts), statistics.median(ts)


df = pd.read_csv(path, encoding="latin-1")
assert len(df) == 25073, len(df)


# COD_PAR is unique nationally (1,090 values, as many as full parish
# paths), so grouping by it alone groups the same parishes as Tallyscope.
# sort=False keeps groups in order of first appearance, as sim.Aggregate
# keeps regions; ordering by key is a separate, lazy step in Tallyscope
# (Aggregation.Level), so it is left out on both sides.
def groupby_all():
    for keys in (["COD_EDO"], ["COD_EDO", "COD_MUN"], ["COD_PAR"], ["CENTRO"]):
        df.groupby(keys, sort=False)[cols].sum()


def groupby_sorted():
    for keys in (["COD_EDO"], ["COD_EDO", "COD_MUN"], ["COD_PAR"], ["CENTRO"]):
        df.groupby(keys)[cols].sum()


for name, f in (
    ("read_csv", lambda: pd.read_csv(path, encoding="latin-1")),
    ("groupby-4-levels", groupby_all),
    ("groupby-4-levels-sorted", groupby_sorted),
):
    b, m = timed(f)
    print("pandas-%s-V2 %.3f" % (name, b))
    print("pandas-%s-V2-median %.3f" % (name, m))
print("pandas-version %s" % pd.__version__)
