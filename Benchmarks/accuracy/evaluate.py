#!/usr/bin/env python3
"""The accuracy harness of issue #14: every candidate model on the three development sets, beside R.

Sets (see PROTOCOL.md for why three and how they are used):
  m3      1,428 M3 monthly series, the year 2000, k = 0, 3, 6, 9 months known.
          R: ../shared/oracle/m3-monthly.md table 2 (year-total APE) and table 3 (ets coverage, k = 0).
  usemp   148 US employment series (BLS, not seasonally adjusted), years 2016-2018, k = 0, 3, 6, 9,
          history capped at the last 240 months before the cut, eligible cases from cases.csv,
          exactly as ../shared/oracle/us-employment/README.md. R: reference.csv there.
  series  the eight real series of ../shared/data/series, every complete year with >= 36 months
          before it, cut at every month k = 0..11, the year's sum, mean and last (December).
          R: Benchmarks/accuracy/series-reference.csv (r-references.R: thetaf, snaive, ets with
          simulated-path intervals).

For each (set, model, k) it runs `outturn backtest ... --format json` once and scores the cases
itself: mean year-figure APE, 80% / 95% coverage, mean PIT, the Kolmogorov-Smirnov p-value of
the PITs against U(0, 1), wall time. R's rows are scored by the same code from R's per-case
files; --check asserts that this reproduces the oracle's own summary.csv (US employment) and that
the deterministic rules (snaive, runrate) reproduce R's and the Python rules' figures case by case.

Usage:
  evaluate.py OUTTURN_BINARY [--sets m3,usemp,series] [--models auto,theta,...] [--quick]
              [--quick-sets m3,...] [--ks 0,3,6,9] [--check] [--folds] [--json FILE] [--cache DIR] [--no-cache] [--cached-only]
--models: comma-separated (commas inside parentheses belong to the name, e.g. trend+season+arma(1,0));
          NAME:INTERVALS runs NAME with `--intervals INTERVALS` (checked, model or calibrated;
          default checked), labelled "(INTERVALS intervals)" in the tables. The first
          model is the default under test (`auto`); a new model plugs in by its CLI name.
--quick:  a deterministic subsample: every 10th M3 series (in info.csv order) at all four k, all
          US employment cases at k = 6, the eight series at August (k = 8); models default to
          auto, snaive, runrate.
--quick-sets: the quick subsample for these sets only (the others in full).
--ks:     run only these k (of each set's own); a partial grid, e.g. the eight series at 0,3,6,8,9.
--folds:  judge every model by the goals and apply PROTOCOL.md's leave-one-set-out folds to them.
--check:  exit 1 when the first model misses a goal of the issue (listed in PROTOCOL.md) or a
          self-test fails.
Raw backtest JSON is cached under --cache (default .build/accuracy-cache), keyed by the binary's
size and mtime and the exact command, so an interrupted grid resumes where it stopped.
"""
import csv
import hashlib
import json
import math
import os
import shutil
import atexit
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED = os.path.abspath(os.path.join(ROOT, "..", "shared"))
HERE = os.path.dirname(os.path.abspath(__file__))

GOAL_KS = [0, 3, 6, 9]
DEFAULT_MODELS = "auto,theta,damped,ets,regression,trend+season+arma,snaive,runrate,auto:model,ets:model"
# --quick: the default plus the two rules its self-tests compare with R case by case.
QUICK_MODELS = "auto,snaive,runrate"
LEVELS = (80, 95)

# ../shared/oracle/m3-monthly.md, table 2: mean year-total APE (%), k = 0, 3, 6, 9.
M3_R_APE = {
    "run_rate": [8.70, 8.01, 5.22, 2.71],
    "seasonal_run_rate": [8.70, 8.37, 5.05, 3.07],
    "snaive": [8.70, 7.06, 5.31, 3.36],
    "ols_trend_season (last 60)": [11.26, 8.41, 5.67, 2.99],
    "thetaf": [7.91, 5.50, 3.69, 1.91],
}
# Same file, table 3: ETS, 1,000 paths summed, 95% coverage at k = 0 (300-series random subset).
M3_R_ETS_COVERAGE95_K0 = 89.7
# The methods whose best APE the default must not exceed (the issue: "thetaf, ets, snaive and run-rate").
GOAL_R_METHODS = ("thetaf", "ets", "snaive", "run_rate", "seasonal_run_rate")


# ---------------------------------------------------------------------------------------------
# Metrics

def ks_pvalue(values):
    """Two-sided one-sample KS test of `values` against U(0, 1): (D, p)."""
    xs = sorted(min(max(v, 0.0), 1.0) for v in values)
    n = len(xs)
    if n == 0:
        return float("nan"), float("nan")
    d = max(max((i + 1) / n - x, x - i / n) for i, x in enumerate(xs))
    try:
        from scipy.stats import kstest
        return d, float(kstest(xs, "uniform").pvalue)
    except ImportError:
        # Kolmogorov's limit with Stephens' small-sample correction (Numerical Recipes, probks).
        lam = (math.sqrt(n) + 0.12 + 0.11 / math.sqrt(n)) * d
        p = 2 * sum((-1) ** (j - 1) * math.exp(-2 * j * j * lam * lam) for j in range(1, 101))
        return d, min(max(p, 0.0), 1.0)


def score(cases):
    """Metrics of a list of cases {ape, intervals {level: (lo, hi)} or None, actual, pit or None}."""
    n = len(cases)
    if n == 0:
        return None
    apes = [c["ape"] for c in cases if c["ape"] is not None]
    out = {"n": n, "mean_ape": statistics.fmean(apes) if apes else None,
           "median_ape": statistics.median(apes) if apes else None}
    for level in LEVELS:
        with_interval = [c for c in cases if c["intervals"] and level in c["intervals"]]
        out[f"cov{level}"] = (100 * sum(c["intervals"][level][0] <= c["actual"] <= c["intervals"][level][1]
                                        for c in with_interval) / len(with_interval)) if with_interval else None
    pits = [c["pit"] for c in cases if c.get("pit") is not None]
    out["mean_pit"] = statistics.fmean(pits) if pits else None
    out["ks_d"], out["ks_p"] = ks_pvalue(pits) if pits else (None, None)
    return out


def case_from_outturn(raw):
    intervals = {int(i["level"]): (i["lower"], i["upper"]) for i in raw["intervals"]}
    return {"ape": raw["ape"], "intervals": intervals, "actual": raw["actual"], "pit": raw["pit"],
            "projection": raw["projection"]}


def case_from_r(row):
    def number(key):
        return float(row[key]) if row.get(key) not in (None, "", "NA") else None
    actual, projection = number("actual_total") or number("actual"), number("projection")
    intervals = None
    if number("lower80") is not None:
        intervals = {80: (number("lower80"), number("upper80")), 95: (number("lower95"), number("upper95"))}
    return {"ape": 100 * abs(projection - actual) / abs(actual) if actual else None, "intervals": intervals,
            "actual": actual, "pit": number("pit"), "projection": projection}


# ---------------------------------------------------------------------------------------------
# Running the binary

def split_models(text):
    """Splits at commas outside parentheses: 'a,b(1,0)' -> ['a', 'b(1,0)']."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    if current.strip():
        parts.append(current.strip())
    return parts


INTERVAL_METHODS = ("checked", "model", "calibrated")   # the CLI's --intervals


def model_args(spec):
    name, _, intervals = spec.partition(":")
    if intervals and intervals not in INTERVAL_METHODS:
        raise ValueError(f"{spec}: the interval method must be one of {', '.join(INTERVAL_METHODS)}")
    return ["--model", name, "--intervals", intervals or "checked"]


class Runner:
    def __init__(self, binary, cache, cached_only=False):
        self.binary = binary
        self.cached_only = cached_only
        stat = os.stat(binary)
        self.identity = f"{stat.st_size}-{int(stat.st_mtime)}"
        self.cache = cache

    def backtest(self, args, files=()):
        """Runs `outturn backtest ARGS --format json`; returns (parsed JSON, seconds)."""
        command = [self.binary, "backtest", *args, "--format", "json"]
        # Input files are named by content (they are rewritten into a fresh temporary folder).
        digests = [hashlib.sha256(open(f, "rb").read()).hexdigest() for f in files]
        rest = [a for a in args if a not in files]
        key = hashlib.sha256(json.dumps([self.identity, rest, digests]).encode()).hexdigest()
        path = os.path.join(self.cache, key + ".json") if self.cache else None
        if path and os.path.exists(path):
            with open(path) as f:
                stored = json.load(f)
            return stored["result"], stored["seconds"]
        if self.cached_only:
            return None, None
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)}: {done.stderr.strip()}")
        result = json.loads(done.stdout)
        if path:
            os.makedirs(self.cache, exist_ok=True)
            with open(path + ".tmp", "w") as f:
                json.dump({"command": command, "seconds": seconds, "result": result}, f)
            os.replace(path + ".tmp", path)
        return result, seconds


def read_long_csv(path):
    series = defaultdict(list)
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            series[row["indicator"]].append((row["month"], row["value"]))
    return series


def write_long_csv(path, series):
    with open(path, "w", newline="") as f:
        f.write("indicator,month,value\n")
        for name, rows in series.items():
            for month, value in rows:
                f.write(f"{name},{month},{value}\n")


def ordinal(month):
    return int(month[:4]) * 12 + int(month[5:7]) - 1


# ---------------------------------------------------------------------------------------------
# The three sets. runs(k) gives the backtest invocations of one k as (args, input files, tag);
# cases() turns one run's JSON cases into scored cases with their keys (and figure group).

class M3:
    name = "m3"
    title = "M3 monthly (1,428 series, year 2000)"

    def __init__(self, quick, workdir):
        self.ks = GOAL_KS
        data = os.path.join(SHARED, "data", "m3-monthly", "observations.csv")
        if quick:
            with open(os.path.join(SHARED, "data", "m3-monthly", "info.csv"), newline="") as f:
                keep = [row["indicator"] for row in csv.DictReader(f)][::10]
            everything = read_long_csv(data)
            data = os.path.join(workdir, "m3-quick.csv")
            write_long_csv(data, {name: everything[name] for name in keep})
        self.data = data

    def runs(self, k):
        # The horizon of scored monthly forecasts is irrelevant here; 1 month always exists.
        return [(["backtest-m3", self.data, "--years", "2000", "--as-of-month", str(k), "--horizon", "1"], [self.data], None)]

    def cases(self, result, tag):
        return [dict(case_from_outturn(c), key=(c["indicator"],), group="all") for c in result["cases"]]

    def r_rows(self):
        rows = []
        for method, values in M3_R_APE.items():
            for k, ape in zip(GOAL_KS, values):
                rows.append({"method": method, "k": k, "group": "all", "mean_ape": ape,
                             "cov80": None, "cov95": None})
        for k in GOAL_KS:
            rows.append({"method": "ets", "k": k, "group": "all", "mean_ape": None, "cov80": None,
                         "cov95": M3_R_ETS_COVERAGE95_K0 if k == 0 else None})
        return rows


class USEmployment:
    name = "usemp"
    title = "US employment (148 BLS series, 2016-2018, 240-month history)"
    oracle = os.path.join(SHARED, "oracle", "us-employment")

    def __init__(self, quick, workdir):
        self.ks = [6] if quick else GOAL_KS
        self.workdir = workdir
        self.all = read_long_csv(os.path.join(SHARED, "data", "us-employment", "observations.csv"))
        self.eligible = defaultdict(list)
        with open(os.path.join(self.oracle, "cases.csv"), newline="") as f:
            for row in csv.DictReader(f):
                if row["eligible"] == "TRUE":
                    self.eligible[int(row["year"])].append(row["indicator"])

    def runs(self, k):
        out = []
        for year in (2016, 2017, 2018):
            cut = year * 12 - 1 + k                  # ordinal of the last known month
            first, last = cut - 239, year * 12 + 11  # the last 240 months before the cut, then the year
            subset = {name: [(m, v) for m, v in self.all[name] if first <= ordinal(m) <= last]
                      for name in self.eligible[year]}
            path = os.path.join(self.workdir, f"usemp-{year}-{k}.csv")
            write_long_csv(path, subset)
            out.append((["backtest-usemp", path, "--years", str(year), "--as-of-month", str(k), "--horizon", "1"],
                        [path], year))
        return out

    def cases(self, result, tag):
        return [dict(case_from_outturn(c), key=(c["indicator"], c["year"]), group="all") for c in result["cases"]]

    def reference(self):
        """R's per-case rows: {(method, k): [case]} keyed like ours."""
        table = defaultdict(list)
        with open(os.path.join(self.oracle, "reference.csv"), newline="") as f:
            for row in csv.DictReader(f):
                table[row["method"], int(row["k"])].append(dict(case_from_r(row), key=(row["indicator"], int(row["year"]))))
        return table

    def self_test(self, problems):
        """Our metric code reproduces the oracle's summary.csv (year = all) from reference.csv."""
        reference = self.reference()
        with open(os.path.join(self.oracle, "summary.csv"), newline="") as f:
            for row in csv.DictReader(f):
                if row["year"] != "all":
                    continue
                ours = score(reference[row["method"], int(row["k"])])
                pairs = [("mean_ape", float(row["mean_ape"]), ours["mean_ape"]),
                         ("median_ape", float(row["median_ape"]), ours["median_ape"])]
                if row["cov80"]:
                    pairs += [("cov80", 100 * float(row["cov80"]), ours["cov80"]),
                              ("cov95", 100 * float(row["cov95"]), ours["cov95"])]
                for what, theirs, mine in pairs:
                    if abs(theirs - mine) > 1e-6 * max(1, abs(theirs)):
                        problems.append(f"usemp self-test: {row['method']} k={row['k']} {what} {mine} != summary.csv {theirs}")


class EightSeries:
    name = "series"
    title = "The eight real series (every complete year with >= 36 months before it)"
    aggregates = ("sum", "mean", "last")
    reference_csv = os.path.join(HERE, "series-reference.csv")

    def __init__(self, quick, workdir):
        self.ks = [8] if quick else list(range(12))
        folder = os.path.join(SHARED, "data", "series")
        with open(os.path.join(folder, "manifest.csv"), newline="") as f:
            self.ids = [row["id"] for row in csv.DictReader(f)]
        series = {}
        for name in self.ids:
            series.update(read_long_csv(os.path.join(folder, name + ".csv")))
        self.series = series
        self.first = {name: min(ordinal(m) for m, _ in rows) for name, rows in series.items()}
        self.data = os.path.join(workdir, "series.csv")
        write_long_csv(self.data, series)
        # One target per series and aggregate: backtest scores each target's own figure.
        self.targets = os.path.join(workdir, "series-targets.csv")
        with open(self.targets, "w") as f:
            f.write("indicator,year,aggregate,comparator,threshold\n")
            for name in self.ids:
                for aggregate in self.aggregates:
                    f.write(f"{name},2000,{aggregate},>=,0\n")

    def eligible(self, name, year):
        return year * 12 - self.first[name] >= 36

    def runs(self, k):
        return [(["backtest-series", self.data, "--targets", self.targets, "--as-of-month", str(k), "--horizon", "1"],
                 [self.data, self.targets], None)]

    def cases(self, result, tag):
        return [dict(case_from_outturn(c), key=(c["indicator"], c["year"], c["aggregate"]), group=c["aggregate"],
                     series=c["indicator"])
                for c in result["cases"] if self.eligible(c["indicator"], c["year"])]

    def reference(self):
        table = defaultdict(list)
        if not os.path.exists(self.reference_csv):
            return table
        with open(self.reference_csv, newline="") as f:
            for row in csv.DictReader(f):
                table[row["method"], int(row["k"])].append(
                    dict(case_from_r(row), key=(row["series"], int(row["year"]), row["aggregate"]),
                         group=row["aggregate"], series=row["series"]))
        # The run-rates, by rule here (R's rows for M3 and US employment are the same rules):
        # run-rate = YTD / k * 12 (k = 0: last year's total); seasonal run-rate = YTD * last year's
        # total / last year's YTD. Defined for sum and mean only.
        values = {name: dict(rows) for name, rows in self.series.items()}
        for (method, k), cases in list(table.items()):
            if method != "snaive":
                continue
            for case in cases:
                name, year, aggregate = case["key"]
                if aggregate == "last":
                    continue
                this = [float(values[name][f"{year}-{m:02d}"]) for m in range(1, 13)]
                before = [float(values[name][f"{year - 1}-{m:02d}"]) for m in range(1, 13)]
                divisor = 12 if aggregate == "mean" else 1
                ytd = sum(this[:k])
                rules = {"run_rate": ytd / k * 12 if k else sum(before),
                         "seasonal_run_rate": ytd * sum(before) / sum(before[:k]) if k else sum(before)}
                for rule, total in rules.items():
                    projection, actual = total / divisor, case["actual"]
                    table[rule, k].append({"ape": 100 * abs(projection - actual) / abs(actual), "intervals": None,
                                           "actual": actual, "pit": None, "projection": projection,
                                           "key": case["key"], "group": aggregate, "series": name})
        return table


# ---------------------------------------------------------------------------------------------

def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 64
    binary = os.path.abspath(argv[1])
    options = {"--sets": "m3,usemp,series", "--models": None, "--json": None, "--ks": None, "--quick-sets": None,
               "--cache": os.path.join(ROOT, ".build", "accuracy-cache")}
    flags = set()
    rest = argv[2:]
    while rest:
        arg = rest.pop(0)
        if arg in options:
            options[arg] = rest.pop(0)
        elif arg in ("--quick", "--check", "--no-cache", "--cached-only", "--folds"):
            flags.add(arg)
        else:
            print(f"evaluate.py: unknown argument {arg}", file=sys.stderr)
            return 64
    quick, check = "--quick" in flags, "--check" in flags
    models = split_models(options["--models"] or (QUICK_MODELS if quick else DEFAULT_MODELS))
    for model in models:
        try:
            model_args(model)
        except ValueError as error:
            print(f"evaluate.py: {error}", file=sys.stderr)
            return 64
    runner = Runner(binary, None if "--no-cache" in flags else options["--cache"], "--cached-only" in flags)
    workdir = tempfile.mkdtemp(prefix="outturn-accuracy-")
    atexit.register(shutil.rmtree, workdir, True)   # the subset CSVs; the cache keeps the results
    makers = {"m3": M3, "usemp": USEmployment, "series": EightSeries}
    quick_sets = set(options["--quick-sets"].split(",")) if options["--quick-sets"] else set()
    sets = []
    for name in options["--sets"].split(","):
        sets.append(makers[name](quick or name in quick_sets, workdir))
        sets[-1].quick = quick or name in quick_sets
    if options["--ks"]:
        # A partial grid (e.g. the eight series at the goal k and August only, when time is short).
        wanted = {int(k) for k in options["--ks"].split(",")}
        for s in sets:
            s.ks = [k for k in s.ks if k in wanted]
    started = time.time()
    problems, goals = [], []
    folds, candidates = "--folds" in flags, {}   # model -> set -> {goals, ape by (group, k)}
    report = {"quick": quick, "models": models, "sets": {}}

    for s in sets:
        print(f"\n## {s.title}{' — quick subsample' if s.quick else ''}\n")
        ours = {}      # (model, k) -> [cases]
        seconds = {}
        missing = []
        for model in models:
            for k in s.ks:
                cases, total = [], 0.0
                for args, files, tag in s.runs(k):
                    # args[0] names the set (for reading); the CLI gets the rest.
                    result, took = runner.backtest(args[1:] + model_args(model), files)
                    if result is None:
                        break
                    total += took
                    cases += s.cases(result, tag)
                    if result.get("skipped"):
                        print(f"  note: {model} k={k}: {len(result['skipped'])} skipped, e.g. {result['skipped'][0]}",
                              file=sys.stderr)
                else:
                    ours[model, k], seconds[model, k] = cases, total
                    print(f"  ran {s.name} {model} k={k}: {len(cases)} cases, {total:.1f} s", file=sys.stderr, flush=True)
                    continue
                missing.append(f"{model} k={k}")
        if missing:
            print(f"Not run (--cached-only, not in the cache): {', '.join(missing)}\n")
        report.setdefault("missing", {})[s.name] = missing
        reference = s.reference() if hasattr(s, "reference") else {}
        set_report = tabulate(s, models, ours, seconds, reference)
        report["sets"][s.name] = set_report
        goals += judge(s, models[0], set_report, ours, s.quick)
        if folds:
            for model in models:
                row = label(model, models)
                candidates.setdefault(model, {})[s.name] = {
                    "goals": judge(s, model, set_report, ours, s.quick, row=row),
                    "ape": {(group, k): m["mean_ape"] for group in groups_of(s)
                            for k, m in set_report[group].get(row, {}).items()
                            if k in ([k for k in GOAL_KS if k in s.ks] or s.ks) and m.get("mean_ape") is not None}}
        if check:
            self_tests(s, ours, reference, problems, s.quick)

    print("\n## Goals of issue #14 for the default (" + models[0] + ")\n")
    for goal in goals:
        print(f"- [{'x' if goal['met'] else ' '}] {goal['text']}")
    print(f"\nTotal wall time {time.time() - started:.0f} s ({'quick' if quick else 'full'} run, "
          f"cached runs count their original time in the tables).")
    report["goals"] = goals
    if folds:
        report["folds"] = leave_one_set_out(models, candidates)
    report["self_test_problems"] = problems
    if options["--json"]:
        with open(options["--json"], "w") as f:
            json.dump(report, f, indent=1, default=str)
    if check:
        missed = [g["text"] for g in goals if not g["met"]]
        if problems:
            print("\nSELF-TEST FAILED: " + "; ".join(problems), file=sys.stderr)
        if missed:
            print(f"\nFAILED: the default misses {len(missed)} goal(s): " + "; ".join(missed), file=sys.stderr)
        if problems or missed:
            return 1
        print("\nCheck passed: the default meets every goal and the self-tests hold.")
    return 0


FOLDS = (("A", ("usemp", "series"), "m3"), ("B", ("m3", "series"), "usemp"), ("C", ("m3", "usemp"), "series"))


def leave_one_set_out(models, candidates):
    """PROTOCOL.md's folds: on the two tuning sets, the candidate meeting most goals wins, ties broken
    by the lower mean APE averaged over the two sets (each set: its figures and goal k). Candidates
    are compared on the goals and APE cells every one of them was judged on (a candidate with no
    cell on a tuning set sits that fold out), so a missing cell never counts as a miss."""
    def key(goal):
        return goal["set"], goal["group"], goal["k"], goal["goal"]

    print("\n## Leave one set out (PROTOCOL.md)\n")
    present = {name for by_set in candidates.values() for name in by_set}
    names = [name for name in ("m3", "usemp", "series") if name in present]
    print("Goals met / judged, and mean APE over the set's figures and goal k, per candidate:\n")
    print("| candidate | " + " | ".join(f"{n}: goals" for n in names) + " | "
          + " | ".join(f"{n}: APE" for n in names) + " |")
    print("|---|" + "---:|" * (2 * len(names)))
    for model in models:
        by_set = candidates[model]
        cells = [f"{sum(g['met'] for g in by_set[n]['goals'])}/{len(by_set[n]['goals'])}"
                 if by_set.get(n, {}).get("goals") else "–" for n in names]
        apes = [fmt(statistics.fmean(by_set[n]["ape"].values())) if by_set.get(n, {}).get("ape") else "–"
                for n in names]
        print(f"| {label(model, [])} | " + " | ".join(cells + apes) + " |")
    out = []
    for fold, tuning, held_out in FOLDS:
        if not all(n in names for n in (*tuning, held_out)):
            continue
        competing = [m for m in models if all(candidates[m].get(n, {}).get("goals") for n in tuning)]
        if not competing:
            continue
        common = {n: set.intersection(*({key(g) for g in candidates[m][n]["goals"]} for m in competing))
                  for n in tuning}
        cells = {n: set.intersection(*(set(candidates[m][n]["ape"]) for m in competing)) for n in tuning}

        def merit(model):
            met = sum(g["met"] for n in tuning for g in candidates[model][n]["goals"] if key(g) in common[n])
            ape = statistics.fmean(statistics.fmean(candidates[model][n]["ape"][c] for c in cells[n])
                                   for n in tuning if cells[n])
            return met, ape

        ranked = sorted(competing, key=lambda m: (-merit(m)[0], merit(m)[1]))
        chosen = ranked[0]
        judged = sum(len(common[n]) for n in tuning)
        print(f"\n**Fold {fold}** (tune on {' + '.join(tuning)}, report on {held_out}; "
              f"{len(competing)} candidates, {judged} goals compared): ranking "
              + ", ".join(f"{label(m, [])[8:]} {merit(m)[0]} goals / APE {merit(m)[1]:.2f}" for m in ranked[:5])
              + ("" if len(ranked) <= 5 else ", …"))
        held = candidates[chosen].get(held_out, {}).get("goals", [])
        met = sum(g["met"] for g in held)
        print(f"Chosen: **{label(chosen, [])[8:]}**; on {held_out} it meets {met} of {len(held)} goals"
              + (" (not run on it)" if not held else "") + ".")
        for g in held:
            if not g["met"]:
                print(f"- [ ] {g['text']}")
        out.append({"fold": fold, "tuning": tuning, "held_out": held_out, "chosen": chosen,
                    "ranking": [(m, *merit(m)) for m in ranked], "held_out_met": met, "held_out_judged": len(held)})
    chosen = {f["chosen"] for f in out}
    if len(out) == 3:
        print("\nThe three folds choose " + ("the same rule: " if len(chosen) == 1 else "different rules: ")
              + ", ".join(sorted(label(c, [])[8:] for c in chosen)) + ".")
    return out


def fmt(value, digits=2):
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.{digits}f}"


def groups_of(s):
    return list(s.aggregates) if isinstance(s, EightSeries) else ["all"]


def k_groups(s):
    """The k columns of a set's tables: each goal k present, plus 'all' when more ks ran."""
    # The eight series also show August, the cut of the per-series goal.
    shown = sorted(set(GOAL_KS) | ({8} if isinstance(s, EightSeries) else set()))
    present = [k for k in shown if k in s.ks] or list(s.ks)
    return present + (["all"] if len(s.ks) > len(present) else [])


def pick(cases_by_k, k, group):
    if k == "all":
        cases = [c for cases in cases_by_k.values() for c in cases]
    else:
        cases = cases_by_k.get(k, [])
    return [c for c in cases if group == "all" or c.get("group") == group]


def tabulate(s, models, ours, seconds, reference):
    """Prints the set's tables; returns {group: {row label: {k: metrics}}}."""
    out = {}
    columns = k_groups(s)
    for group in groups_of(s):
        rows = {}
        if isinstance(s, M3):
            for r in s.r_rows():
                rows.setdefault("R " + r["method"], {})[r["k"]] = {"mean_ape": r["mean_ape"], "cov80": r["cov80"],
                                                                 "cov95": r["cov95"], "n": None}
        else:
            methods = sorted({m for m, _ in reference})
            for method in methods:
                by_k = {k: [c for c in cs] for (m, k), cs in reference.items() if m == method}
                for k in columns:
                    if k == "all" and any(kk not in by_k for kk in s.ks):
                        continue   # R's rows pooled only when R ran every k
                    metrics = score(pick(by_k, k, group))
                    if metrics:
                        rows.setdefault("R " + method, {})[k] = metrics
        for model in models:
            by_k = {k: ours[model, k] for k in s.ks if (model, k) in ours}
            for k in columns:
                if k == "all" and len(by_k) < len(s.ks):
                    continue   # pooled only over complete runs
                metrics = score(pick(by_k, k, group))
                if metrics:
                    metrics["seconds"] = sum(seconds[model, kk] for kk in by_k) if k == "all" else seconds[model, k]
                    rows.setdefault(label(model, models), {})[k] = metrics
        out[group] = rows
        heading = f"### {s.name}" + (f", aggregate {group}" if group != "all" else "")
        print(f"{heading}: mean APE % | coverage 80 / 95 % | mean PIT, KS p | seconds\n")
        print("| method | " + " | ".join(f"k = {k}" for k in columns) + " |")
        print("|---|" + "---:|" * len(columns))
        for name, by_k in rows.items():
            cells = []
            for k in columns:
                m = by_k.get(k)
                if not m:
                    cells.append("")
                    continue
                cell = fmt(m["mean_ape"])
                if m.get("cov80") is not None or m.get("cov95") is not None:
                    cell += f" · {fmt(m.get('cov80'), 1)}/{fmt(m.get('cov95'), 1)}"
                if m.get("mean_pit") is not None:
                    cell += f" · {fmt(m['mean_pit'])}, p={fmt(m['ks_p'], 3)}"
                if m.get("seconds") is not None:
                    cell += f" · {m['seconds']:.0f}s"
                cells.append(cell)
            print(f"| {name} | " + " | ".join(cells) + " |")
        # The shape of the default's PITs says *why* a KS test fails: a slope is a bias, a hump
        # too-wide intervals, a U too-narrow ones.
        default = models[0]
        for k in columns:
            if k == "all" or (default, k) not in ours:
                continue
            pits = [c["pit"] for c in ours[default, k] if (group == "all" or c.get("group") == group) and c["pit"] is not None]
            if pits:
                deciles = [sum(min(int(p * 10), 9) == d for p in pits) / len(pits) * 10 for d in range(10)]
                print(f"PIT deciles of {default}, k = {k} (1.0 = uniform): " + " ".join(f"{d:.2f}" for d in deciles) + "  ")
        n = next((m["n"] for by_k in rows.values() for m in by_k.values() if m.get("n")), None)
        print(f"\n(n = {n} cases per cell at one k)\n" if n else "")
    if isinstance(s, EightSeries) and 8 in s.ks:
        print("### series at August (k = 8): coverage 80 / 95 % per series, pooled over sum, mean, last\n")
        print("| method | " + " | ".join(s.ids) + " |")
        print("|---|" + "---:|" * len(s.ids))
        per_series = {}
        for model in models:
            if (model, 8) not in ours:
                continue
            cells, per_series[model] = [], {}
            for name in s.ids:
                m = score([c for c in ours[model, 8] if c["series"] == name])
                per_series[model][name] = m
                cells.append(f"{fmt(m['cov80'], 0)}/{fmt(m['cov95'], 0)} (n={m['n']})" if m else "")
            print(f"| {label(model, models)} | " + " | ".join(cells) + " |")
        rets = [c for c in reference.get(("ets", 8), [])]
        if rets:
            cells = []
            for name in s.ids:
                m = score([c for c in rets if c["series"] == name])
                cells.append(f"{fmt(m['cov80'], 0)}/{fmt(m['cov95'], 0)}" if m else "")
            print("| R ets | " + " | ".join(cells) + " |")
        out["august_per_series"] = per_series
        print()
    return out


def label(model, models):
    """The row of `model` (`NAME` or `NAME:INTERVALS`) in the tables; the default's in bold."""
    name, _, intervals = model.partition(":")
    text = f"Outturn {name}" + (f" ({intervals} intervals)" if intervals and intervals != "checked" else "")
    return f"**{text}**" if models and model == models[0] else text


def judge(s, default, table, ours, quick, row=None):
    """The issue's goals for `default` on this set (PROTOCOL.md, 'Goals'); `row`: its row label in
    `table` (by default the bold one of the default under test). Each goal carries its group."""
    goals = []
    ks = [k for k in GOAL_KS if k in s.ks]   # the August-only quick run is judged by the August goals
    for group in groups_of(s):
        rows = table[group]
        mine = rows.get(row or label(default, [default]), {})
        for k in ks:
            m = mine.get(k)
            if not m:
                continue
            where = f"{s.name}{'' if group == 'all' else ' ' + group} k={k}"
            best = [(r[k]["mean_ape"], name) for name, r in rows.items()
                    if name.startswith("R ") and name[2:].split(" ")[0] in GOAL_R_METHODS
                    and k in r and r[k].get("mean_ape") is not None]
            if best and not (quick and isinstance(s, M3)):
                value, name = min(best)
                goals.append({"set": s.name, "group": group, "k": k, "goal": "ape", "met": m["mean_ape"] <= value,
                              "text": f"{where}: APE {m['mean_ape']:.2f} ≤ best R ({name[2:]}) {value:.2f}"
                                      f" (by {m['mean_ape'] - value:+.2f})"})
            for level, (low, high) in ((80, (77, 83)), (95, (93, 97))):
                cov = m[f"cov{level}"]
                miss = 0 if low <= cov <= high else (cov - low if cov < low else cov - high)
                goals.append({"set": s.name, "group": group, "k": k, "goal": f"cov{level}", "met": miss == 0,
                              "text": f"{where}: {level}% coverage {cov:.1f} in {low}–{high}"
                                      + ("" if miss == 0 else f" (off by {miss:+.1f})")})
            if isinstance(s, USEmployment):
                goals.append({"set": s.name, "group": group, "k": k, "goal": "pit", "met": 0.45 <= m["mean_pit"] <= 0.55,
                              "text": f"{where}: mean PIT {m['mean_pit']:.3f} in 0.45–0.55"})
            else:
                goals.append({"set": s.name, "group": group, "k": k, "goal": "pit", "met": m["ks_p"] > 0.05,
                              "text": f"{where}: PIT uniform, KS p = {m['ks_p']:.3f} > 0.05 (mean PIT {m['mean_pit']:.3f})"})
    if isinstance(s, EightSeries) and (default, 8) in ours:
        for group in s.aggregates:
            m = score([c for c in ours[default, 8] if c["group"] == group])
            for level, (low, high) in ((80, (77, 83)), (95, (93, 97))):
                cov = m[f"cov{level}"]
                goals.append({"set": s.name, "group": group, "k": 8, "goal": f"aug{level}", "met": low <= cov <= high,
                              "text": f"series {group} at August: {level}% coverage {cov:.1f} in {low}–{high}"})
        worst = min(((score([c for c in ours[default, 8] if c["series"] == name])["cov80"], name) for name in s.ids))
        goals.append({"set": s.name, "group": "all", "k": 8, "goal": "aug-series", "met": worst[0] >= 65,
                      "text": f"series at August: every series ≥ 65% at 80% (lowest {worst[1]} {worst[0]:.1f})"})
    return goals


def self_tests(s, ours, reference, problems, quick):
    """Checks of the harness itself (not of the default): see the module docstring."""
    if isinstance(s, USEmployment):
        s.self_test(problems)
    if isinstance(s, M3) and not quick:
        for model, row in (("runrate", "run_rate"), ("snaive", "snaive")):
            if (model, 0) in ours:
                for k, expected in zip(GOAL_KS, M3_R_APE[row]):
                    got = score(ours[model, k])["mean_ape"]
                    if abs(got - expected) > 0.005:
                        problems.append(f"m3 {model} k={k}: APE {got:.3f} differs from R's {row} {expected}")
    if isinstance(s, (USEmployment, EightSeries)):
        # Deterministic rules must agree case by case with R's (and the rules') projections.
        for model, method in (("snaive", "snaive"), ("runrate", "run_rate")):
            for k in s.ks:
                if (model, k) not in ours or not reference.get((method, k)):
                    continue
                theirs = {c["key"]: c["projection"] for c in reference[method, k]}
                mine = {c["key"]: c["projection"] for c in ours[model, k] if c["key"] in theirs}
                if len(mine) != len(theirs):
                    problems.append(f"{s.name} {model} k={k}: {len(mine)} of R's {len(theirs)} cases found")
                bad = [key for key, v in mine.items() if abs(v - theirs[key]) > 1e-6 * max(1, abs(theirs[key]))]
                if bad:
                    problems.append(f"{s.name} {model} k={k}: {len(bad)} projections differ from R's, e.g. {bad[0]}: "
                                    f"{mine[bad[0]]} vs {theirs[bad[0]]}")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
