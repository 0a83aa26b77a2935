#!/usr/bin/env python3
"""How the shared-calendar batch's time and memory grow with series count and series length.

Runs the EngineTiming executable for 10^3 ... 10^6 series at 36 and 120 months and draws Benchmarks/scaling.svg: wall time and peak memory against
the number of series, one line per length, log-log. Prints the table it drew.

    python3 Benchmarks/compare/scaling.py ENGINE_TIMING_BINARY
"""
import os, subprocess, sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

binary = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sizes = {36: [1_000, 10_000, 100_000, 1_000_000], 120: [1_000, 10_000, 100_000, 300_000, 1_000_000]}
rows = []
fig, (time_axis, memory_axis) = plt.subplots(1, 2, figsize=(10, 4))
for months, counts in sizes.items():
    times, peaks = [], []
    for count in counts:
        seconds, peak = map(float, subprocess.run([binary, str(count), str(months)], check=True,
                                                  capture_output=True, text=True).stdout.split())
        times.append(seconds)
        peaks.append(peak)
        rows.append((count, months, seconds, peak, count * months * 8 / 2**20))
    time_axis.loglog(counts, times, marker="o", label=f"{months} months")
    memory_axis.loglog(counts, peaks, marker="o", label=f"{months} months")
time_axis.set(xlabel="series", ylabel="seconds (best of 3)", title="Shared-calendar batch: time")
memory_axis.set(xlabel="series", ylabel="peak resident MB", title="… and memory")
for axis in (time_axis, memory_axis):
    axis.grid(True, which="both", alpha=0.3)
    axis.legend()
fig.tight_layout()
fig.savefig(os.path.join(root, "scaling.svg"))
print("| series | months | time | per series | peak RSS | matrix |\n|---:|---:|---:|---:|---:|---:|")
for count, months, seconds, peak, matrix in rows:
    print(f"| {count:,} | {months} | {seconds * 1000:.1f} ms | {seconds / count * 1e9:.0f} ns | {peak:.0f} MB | {matrix:.0f} MB |")
