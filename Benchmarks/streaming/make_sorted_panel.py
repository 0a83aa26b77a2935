#!/usr/bin/env python3
"""A long-form panel already sorted by indicator, for the streaming measurements in
Benchmarks/RESULTS.md ("Streaming a sorted panel"): Benchmarks/compare/panel.py's panel (the same
model, 44 months 2017-01 .. 2020-08, full-precision values, one 2020 target per series: sum / mean
/ last, >= / <=) with zero-padded names (s000000, s000001, ...) so that file order is byte order,
written in chunks so that millions of series fit in memory.

    python3 make_sorted_panel.py SERIES FOLDER [COPIES]

writes FOLDER/obs.csv and FOLDER/targets.csv. COPIES > 1 (at most 10) repeats the panel under
the names s0..., s1..., ... (still sorted): 650,000 series give a 1.0 GB file, and 10 copies of it
the 10.2 GB one, much faster than generating 6.5M series.
"""
import os, sys
import numpy as np

MONTHS = 44


def write(n, obs_path, targets_path):
    rng = np.random.default_rng(20200831)
    t = np.arange(MONTHS)
    labels = [f"{2017 + i // 12}-{i % 12 + 1:02d}" for i in range(MONTHS)]
    aggregates, comparators = ["sum", "mean", "last"], [">=", "<="]
    width = len(str(n - 1))
    with open(obs_path, "w") as f, open(targets_path, "w") as g:
        f.write("indicator,month,value\n")
        g.write("indicator,year,aggregate,comparator,threshold\n")
        for start in range(0, n, 20_000):
            m = min(20_000, n - start)
            Y = (100 + rng.uniform(0, 50, m)[None, :] + 0.3 * t[:, None]
                 + 10 * np.sin((t % 12)[:, None] / 12 * 2 * np.pi) + rng.normal(0, 2, (MONTHS, m)))
            u = rng.uniform(0.97, 1.05, m)
            rows, targets = [], []
            for k in range(m):
                j = start + k
                name = f"s{j:0{width}d}"
                column = Y[:, k].tolist()
                rows.append("".join(f"{name},{labels[i]},{column[i]!r}\n" for i in range(MONTHS)))
                a = aggregates[j % 3]
                level = Y[-8:, k].mean() * u[k]
                targets.append(f"{name},2020,{a},{comparators[(j // 3) % 2]},{level * 12 if a == 'sum' else level:.3f}\n")
            f.write("".join(rows))
            g.write("".join(targets))


def copy(source, destination, copies):
    with open(source) as f, open(destination, "w") as out:
        out.write(f.readline())
        body = f.tell()
        for k in range(copies):
            f.seek(body)
            for line in f:
                out.write(f"s{k}{line[1:]}")


def main():
    n, folder = int(sys.argv[1]), sys.argv[2]
    copies = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    assert 1 <= copies <= 10
    os.makedirs(folder, exist_ok=True)
    obs, targets = os.path.join(folder, "obs.csv"), os.path.join(folder, "targets.csv")
    if copies == 1:
        write(n, obs, targets)
        return
    write(n, obs + ".base", targets + ".base")
    copy(obs + ".base", obs, copies)
    copy(targets + ".base", targets, copies)
    os.remove(obs + ".base")
    os.remove(targets + ".base")


main()
