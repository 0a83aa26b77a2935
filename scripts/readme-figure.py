#!/usr/bin/env python3
"""Prints one figure that README prose quotes, computed from `outturn` on PATH.

Used by `<!-- figure: python3 scripts/readme-figure.py NAME -->…<!-- /figure -->` markers, which
scripts/refresh-readme.py fills (and, with --check, compares), so prose cannot drift from output.
  water-sentence       the report's sentence about 用水总量, from its figure to the interval
  coverage MODEL [model]
                       80% / 95% coverage of August backtests of the year's mean over the eight
                       real series (../shared/data/series); `model` adds --intervals model
  backtest-count       how many August cut-offs those backtests hold
  median-ape MODEL     the median APE (percent) of those backtests' year figures
"""
import json, pathlib, re, subprocess, sys, tempfile

root = pathlib.Path(__file__).resolve().parent.parent
example = root / "Examples" / "xicheng-2020"
series = root.parent / "shared" / "data" / "series"


def outturn(*args):
    return subprocess.run(["outturn", *map(str, args)], check=True, capture_output=True, text=True).stdout


def cases(model, intervals=None):
    rows = []
    for path in sorted(series.glob("*.csv")):
        if path.name == "manifest.csv":
            continue
        extra = ["--intervals", intervals] if intervals else []
        rows += json.loads(outturn("backtest", path, "--as-of-month", 8, "--aggregate", "mean", "--model", model,
                                   "--level", 80, "--level", 95, *extra, "--format", "json"))["cases"]
    return rows


name, args = sys.argv[1], sys.argv[2:]
if name == "water-sentence":
    with tempfile.TemporaryDirectory() as folder:
        report = pathlib.Path(folder) / "report.md"
        outturn("report", example / "observations.csv", "--targets", example / "targets.csv", "--out", report)
        line = next(l for l in report.read_text(encoding="utf-8").splitlines() if l.startswith("- **用水总量**"))
        print(re.search(r"totals .*?\)", line).group(0))
elif name == "coverage":
    rows = cases(args[0], args[1] if len(args) > 1 else None)
    def covered(level):
        return sum(i["lower"] <= r["actual"] <= i["upper"] for r in rows for i in r["intervals"] if i["level"] == level) / len(rows)
    print(f"{covered(80):.0%} / {covered(95):.0%}")
elif name == "median-ape":
    apes = sorted(r["ape"] for r in cases(args[0]) if r["ape"] is not None)
    middle = len(apes) // 2
    print(f"{(apes[middle] if len(apes) % 2 else (apes[middle - 1] + apes[middle]) / 2):.2f}%")
elif name == "backtest-count":
    print(len(cases("auto")))
else:
    sys.exit(f"readme-figure: unknown figure {name}")
