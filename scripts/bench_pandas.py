#!/usr/bin/env python3
"""The same work as BenchmarkLoadV2 and BenchmarkAggregateV2, in pandas.

read_csv of V2 (Latin-1), then groupby sums of the vote columns at the
four levels (state, municipality, parish, centre). Prints the best of N
runs of each, in milliseconds, as `name ms`.
"""
import sys
import time

import pandas as pd

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
cols = ["VOTOS_VALIDOS", "VOTOS_NULOS", "EG", "NM", "LM", "JABE", "JOBR", "AE", "CF", "DC", "EM", "BERA"]


def best(f):
    t = float("inf")
    for _ in range(runs):
        s = time.perf_counter()
        f()
        t = min(t, time.perf_counter() - s)
    return t * 1000


df = pd.read_csv(path, encoding="latin-1")
assert len(df) == 25073, len(df)


def groupby_all():
    for keys in (["COD_EDO"], ["COD_EDO", "COD_MUN"], ["COD_PAR"], ["CENTRO"]):
        df.groupby(keys)[cols].sum()


print("pandas-read_csv-V2 %.3f" % best(lambda: pd.read_csv(path, encoding="latin-1")))
print("pandas-groupby-4-levels-V2 %.3f" % best(groupby_all))
print("pandas-version %s" % pd.__version__)
