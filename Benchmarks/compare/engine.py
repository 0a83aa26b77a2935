#!/usr/bin/env python3
"""Side by side: Outturn's engine against numpy on the same shapes, same run.

For each shape (series x months) it times Outturn's SharedCalendarBatch (via the EngineTiming
executable of the Benchmarks package: trend+season, year-end total, intervals and P(met) for
every series) and numpy: pinv(X) @ Y and one lstsq call (coefficients only), and Y.sum() as the
floor: one read of the matrix. Best of three each.

Then panels with gaps, 100,000 series x 60 months (series j misses the one or two months of gap
pattern j mod P, before the target year), as a user of numpy or R would fit them: one lstsq (or
one tslm) per series, against Outturn's grouping by gap pattern and its full projectAll.

    python3 Benchmarks/compare/engine.py ENGINE_TIMING_BINARY
"""
import os, platform, subprocess, sys, time
import numpy as np

binary = sys.argv[1]
print(f"machine: {platform.platform()}, {os.cpu_count()} cores, numpy {np.__version__}, "
      f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}")
for count, months in [(1_000, 36), (100_000, 36), (1_000_000, 36), (1_000, 120), (100_000, 120), (1_000_000, 120)]:
    out = subprocess.run([binary, str(count), str(months)], check=True, capture_output=True, text=True).stdout.split()
    outturn, rss = float(out[0]), float(out[1])
    Y = np.random.default_rng(1).normal(100, 10, size=(months, count))
    t = np.arange(months)
    X = np.column_stack([np.ones(months), t] + [(t % 12 == s).astype(float) for s in range(1, 12)])
    def best(fn):
        b = float("inf")
        for _ in range(3):
            start = time.perf_counter(); fn(); b = min(b, time.perf_counter() - start)
        return b
    floor = best(lambda: Y.sum())
    pinv = best(lambda: np.linalg.pinv(X) @ Y)
    lstsq = best(lambda: np.linalg.lstsq(X, Y, rcond=None))
    print(f"{count:>9,} series x {months:>3} months: Outturn {outturn:8.4f} s (peak RSS {rss:6.0f} MB, matrix "
          f"{Y.nbytes / 2**20:6.0f} MB) | numpy pinv@Y {pinv:8.4f} s ({outturn / pinv:5.2f}x) | "
          f"lstsq {lstsq:8.4f} s ({outturn / lstsq:5.2f}x) | read floor {floor:8.4f} s ({outturn / floor:5.1f}x)")

gap_count, gap_months = 100_000, 60
Y = np.random.default_rng(2).normal(100, 10, size=(gap_months, gap_count))
t = np.arange(gap_months)
X = np.column_stack([np.ones(gap_months), t] + [(t % 12 == s).astype(float) for s in range(1, 12)])
before = gap_months - 8
for patterns in [50, 2_000]:
    out = subprocess.run([binary, str(gap_count), str(gap_months), str(patterns)], check=True, capture_output=True,
                         text=True).stdout.split()
    full, grouped = float(out[0]), float(out[1])
    keep = []
    for p in range(patterns):
        mask = np.ones(gap_months, dtype=bool); mask[p % before] = False; mask[(p // before) % before] = False
        keep.append(mask)
    start = time.perf_counter()
    for j in range(gap_count):
        m = keep[j % patterns]
        np.linalg.lstsq(X[m], Y[m, j], rcond=None)
    numpy_per = time.perf_counter() - start
    print(f"{gap_count:>9,} series x {gap_months} months, {patterns:>5,} gap patterns: numpy lstsq per series {numpy_per:7.3f} s | "
          f"Outturn grouped (SharedCalendarBatch) {grouped:7.3f} s ({numpy_per / grouped:5.1f}x faster) | "
          f"Outturn projectAll (full projections) {full:7.3f} s ({numpy_per / full:5.1f}x)")
