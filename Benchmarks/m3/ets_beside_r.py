#!/usr/bin/env python3
"""Outturn's automatic ETS beside R's `ets()` on all 1,428 M3 monthly series (issue #13).

R's side comes from ../shared/oracle/m3-monthly/ (R 4.2.2, forecast 8.20, default settings):
summary_ets.csv (the model R chose per series, its sMAPE h1-18) and forecasts_ets.csv.gz (its
18 point forecasts). Outturn's side is one `outturn backtest --model ets` run from the same
training data (k = 0: nothing of 2000 known, 18 months ahead).

It prints:
- how often the two choose the same ETS model (AICc over the same admissible set);
- where they agree, the distribution of |Outturn's 12-month total / R's - 1|: the same model
  fitted by the same likelihood should land on the same optimum, up to the optimiser's tolerance;
- sMAPE h1-18 (R's published 14.14) and the year-total APE at k = 0, R's computed here from its
  forecasts and the actual 2000 totals, with the issue's goal: both within 0.05 of R's.

Usage: ets_beside_r.py OUTTURN_BINARY [DATA_CSV] [--check]
--check exits 1 when a goal is missed.
"""
import csv
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.abspath(os.path.join(HERE, "..", "..", "..", "shared"))
ORACLE = os.path.join(SHARED, "oracle", "m3-monthly")
R_SMAPE_H18 = 14.14  # ../shared/oracle/m3-monthly.md, table 1
TOLERANCE = 0.05     # the "within 0.05"


def r_side(actual_totals):
    """R's chosen model per series, and its year-total APE at k = 0 per series."""
    models = {}
    with open(os.path.join(ORACLE, "summary_ets.csv"), newline="") as handle:
        for row in csv.DictReader(handle):
            models[row["series_id"]] = row["ets_model"]
    totals = defaultdict(float)
    with gzip.open(os.path.join(ORACLE, "forecasts_ets.csv.gz"), "rt", newline="") as handle:
        for row in csv.DictReader(handle):
            if int(row["h"]) <= 12:
                totals[row["series_id"]] += float(row["mean"])
    ape = {series: 100 * abs(totals[series] - actual) / abs(actual)
           for series, actual in actual_totals.items() if actual}
    return models, totals, ape


def actual_totals(data):
    """The 12 months of 2000 summed per series (the synthetic calendar puts the test year there)."""
    totals, counts = defaultdict(float), defaultdict(int)
    with open(data, newline="") as handle:
        for row in csv.DictReader(handle):
            if row["month"].startswith("2000-"):
                totals[row["indicator"]] += float(row["value"])
                counts[row["indicator"]] += 1
    return {series: total for series, total in totals.items() if counts[series] == 12}


def quantiles(values, points=(0.5, 0.9, 0.99, 1.0)):
    ordered = sorted(values)
    return {p: ordered[min(int(p * (len(ordered) - 1) + 0.5), len(ordered) - 1)] for p in points}


def main():
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    binary = arguments[0]
    data = arguments[1] if len(arguments) > 1 else os.path.join(SHARED, "data", "m3-monthly", "observations.csv")
    actual = actual_totals(data)
    r_models, r_totals, r_ape = r_side(actual)

    started = time.process_time()
    wall = time.perf_counter()
    run = subprocess.run([binary, "backtest", data, "--years", "2000", "--as-of-month", "0", "--model", "ets",
                          "--format", "json", "--horizon", "18"],
                         check=True, capture_output=True, text=True)
    wall = time.perf_counter() - wall
    report = json.loads(run.stdout)
    cases = {case["indicator"]: case for case in report["cases"]}

    same = [s for s, case in cases.items() if case["model"] == r_models.get(s)]
    differences = [abs(cases[s]["projection"] / r_totals[s] - 1) for s in same if r_totals.get(s)]
    ours_ape = statistics.fmean(case["ape"] for case in cases.values())
    r_mean_ape = statistics.fmean(r_ape[s] for s in cases if s in r_ape)
    smape = report["summary"]["smape"]

    print(f"Outturn `ets` beside R `ets()` on {len(cases)} M3 monthly series (k = 0, 18 months ahead)\n")
    print(f"- same model chosen: {len(same)} of {len(cases)} ({100 * len(same) / len(cases):.1f}%)")
    q = quantiles(differences)
    print(f"- where the same model is chosen, |12-month total / R's - 1|: median {q[0.5]:.2e}, "
          f"90th percentile {q[0.9]:.2e}, 99th {q[0.99]:.2e}, largest {q[1.0]:.2e}; "
          f"within 1e-6: {sum(d <= 1e-6 for d in differences)}, within 1e-3: {sum(d <= 1e-3 for d in differences)}, "
          f"within 1%: {sum(d <= 0.01 for d in differences)} of {len(differences)}")
    print(f"- sMAPE h1-18: Outturn {smape:.2f}, R {R_SMAPE_H18:.2f} (difference {smape - R_SMAPE_H18:+.2f})")
    print(f"- year-total APE at k = 0: Outturn {ours_ape:.2f}, R {r_mean_ape:.2f} (difference {ours_ape - r_mean_ape:+.2f})")
    print(f"- the Outturn run: {wall:.1f} s wall for {len(cases)} series (one `outturn backtest` process)")

    if check:
        failures = []
        if abs(smape - R_SMAPE_H18) > TOLERANCE:
            failures.append(f"sMAPE {smape:.3f} not within {TOLERANCE} of R's {R_SMAPE_H18}")
        if abs(ours_ape - r_mean_ape) > TOLERANCE:
            failures.append(f"year-total APE {ours_ape:.3f} not within {TOLERANCE} of R's {r_mean_ape:.3f}")
        if failures:
            print("\nFAILED: " + "; ".join(failures), file=sys.stderr)
            sys.exit(1)
        print("\nCheck passed: sMAPE and the year-total APE are within 0.05 of R's.")


if __name__ == "__main__":
    main()
