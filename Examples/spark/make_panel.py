#!/usr/bin/env python3
"""Writes a deterministic synthetic panel for the Spark recipe: long-form observations
(indicator,month,value) and one or two targets per indicator.

    python3 Examples/spark/make_panel.py --series 10000 --out /tmp/panel

gives /tmp/panel/observations.csv and /tmp/panel/targets.csv. The same --series and --seed give
the same bytes on every machine (Python's own seeded generator, fixed decimal formatting).

Built to exercise what a partitioned run can get wrong, not to look realistic:
- names that need CSV quoting (a comma, a double quote) and Chinese names, so that the files
  survive Spark's reader and the recipe's writer unchanged;
- gaps (empty values) and shorter histories, which leave the shared-calendar batch path;
- interleaved rows (indicators not contiguous), so each partition must sort its months;
- `versus` targets, which compare one indicator with another: both must land in one partition;
- every aggregate, comparator and target shape except milestones;
- with --regressor, a series that every model uses, so every partition needs it.
"""
import argparse
import csv
import math
import pathlib
import random

FIRST_YEAR, LAST_YEAR, LAST_MONTH = 2016, 2019, 8   # 44 months, 2016-01 … 2019-08


def months():
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for month in range(1, 13):
            if (year, month) > (LAST_YEAR, LAST_MONTH):
                return
            yield f"{year}-{month:02d}"


def name(i):
    # Every 997th name needs quoting or is not ASCII; the rest are plain.
    if i % 997 == 1:
        return f"district {i}, water"
    if i % 997 == 2:
        return f'the "{i}" index'
    if i % 997 == 3:
        return f"细颗粒物-{i}"
    return f"ind{i:05d}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    parser.add_argument("--regressor", metavar="NAME",
                        help="also write a series NAME without targets, known to the end of the last year, for --regressor")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    calendar = list(months())
    args.out.mkdir(parents=True, exist_ok=True)

    series = {}
    for i in range(args.series):
        level = 100 * math.exp(rng.gauss(0, 1))
        trend = rng.gauss(0, 0.004) * level
        amplitude = rng.uniform(0, 0.2) * level
        phase = rng.uniform(0, 2 * math.pi)
        noise = rng.uniform(0.01, 0.08) * level
        start = 12 if i % 70 == 5 else 0                      # a shorter history
        gaps = {17, 18} if i % 50 == 7 else set()             # two missing months
        values = []
        for t, month in enumerate(calendar):
            if t < start:
                continue
            if t in gaps:
                values.append((month, ""))
                continue
            x = level + trend * t + amplitude * math.sin(2 * math.pi * t / 12 + phase) + rng.gauss(0, noise)
            values.append((month, f"{max(x, 0.001):.3f}"))
        series[name(i)] = (values, level + trend * 40)

    # Rows interleave indicators in blocks of 7, so that no reader can rely on contiguity.
    names = list(series)
    with open(args.out / "observations.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["indicator", "month", "value"])
        for block in range(0, len(names), 7):
            chunk = names[block:block + 7]
            for t in range(len(calendar)):
                for n in chunk:
                    values = series[n][0]
                    offset = len(calendar) - len(values)
                    if t >= offset:
                        w.writerow([n, *values[t - offset]])
        if args.regressor:   # a temperature-like curve, through December as --regressor needs
            noise = random.Random(args.seed + 1)   # its own stream: the other series stay the same
            for t in range(12 * (LAST_YEAR - FIRST_YEAR + 1)):
                month = f"{FIRST_YEAR + t // 12}-{t % 12 + 1:02d}"
                w.writerow([args.regressor, month, f"{15 - 10 * math.cos(2 * math.pi * t / 12) + noise.gauss(0, 1):.2f}"])

    columns = ["indicator", "year", "aggregate", "comparator", "threshold", "months", "base_year",
               "change_percent", "moving_average", "versus", "name", "unit"]
    with open(args.out / "targets.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, columns, lineterminator="\n")
        w.writeheader()
        for i, n in enumerate(names):
            typical = series[n][1]
            aggregate = ["mean", "sum", "last", "min", "max"][i % 5]
            comparator = ["<", "<=", ">", ">="][i % 4]
            scale = 12 if aggregate == "sum" else 1
            row = {"indicator": n, "year": 2019, "aggregate": aggregate, "comparator": comparator,
                   "threshold": f"{typical * scale * rng.uniform(0.9, 1.1):.2f}",
                   "name": f"target {i}, {aggregate}", "unit": "units"}
            shape = i % 11
            if shape == 1:
                row["months"] = "5-12"
            elif shape == 2 and i % 70 != 5:
                row.update(threshold="", base_year=2017, change_percent=f"{rng.uniform(-10, 10):.1f}")
            elif shape == 3 and i % 70 != 5:
                row.update(aggregate="mean", threshold="", moving_average=2)
            elif shape == 4 and i + 1 < len(names):
                row.update(aggregate="mean", threshold="", versus=names[i + 1])   # i+1 gets its own row below
            w.writerow(row)
            if i % 13 == 0:   # a second condition on the same indicator
                w.writerow({**row, "aggregate": "mean", "comparator": "<=", "months": "", "versus": "",
                            "base_year": "", "change_percent": "", "moving_average": "",
                            "threshold": f"{typical * 1.05:.2f}", "name": f"target {i} (2)"})


if __name__ == "__main__":
    main()
