#!/usr/bin/env python3
"""Side by side: the same trend+season year-end projection for N series, by Outturn and by peers.

Every series has MONTHS months ending in August of the target year (32: 2016-01 .. 2018-08); each
tool fits trend + month dummies and projects the target year's total as of August (Outturn with
`--intervals model`: the exact formula, as the peers compute it; the default checked intervals
refit at earlier origins and cost more). With GAPS > 0, series j misses month j mod GAPS (all
before the target year): a panel with GAPS missing-month patterns, which Outturn groups so that
each pattern shares one factorisation, while the peers fit series by series as their users would.
Prints each tool's wall time and its ratio to Outturn, plus the machine, the BLAS provider and
thread count. Peers missing from this machine are reported as skipped.

    python3 Benchmarks/compare/compare.py [N [MONTHS [GAPS]]]      (default 10,000 32 0)
"""
import json, os, platform, shutil, subprocess, sys, tempfile, time
import numpy as np

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUTTURN = os.environ.get("OUTTURN", os.path.join(ROOT, ".build", "release", "outturn"))
MONTHS = int(sys.argv[2]) if len(sys.argv) > 2 else 32
GAPS = int(sys.argv[3]) if len(sys.argv) > 3 else 0
assert MONTHS >= 20, "at least 20 months: 13 coefficients and the 8 months of the target year"
END = 2020 if MONTHS > 32 else 2018        # the target year; its January–August are the last 8 months
FIRST = END * 12 + 7 - (MONTHS - 1)        # months since year 0 of the first month (August = index 7)
assert GAPS <= MONTHS - 8, "gaps lie before the target year"
rng = np.random.default_rng(20200831)
t = np.arange(1, MONTHS + 1)
season = np.array([((FIRST + m) % 12) for m in range(MONTHS)])
Y = (100 + rng.uniform(0, 50, N)[None, :] + 0.3 * t[:, None]
     + 10 * np.sin(season[:, None] / 12 * 2 * np.pi) + rng.normal(0, 2, (MONTHS, N)))

def design(ts, seas):
    X = np.zeros((len(ts), 13)); X[:, 0] = 1; X[:, 1] = ts
    for i, s in enumerate(seas):
        if s > 0: X[i, 1 + s] = 1
    return X
X = design(t, season)
Xf = design(np.arange(MONTHS + 1, MONTHS + 5), np.array([((FIRST + m) % 12) for m in range(MONTHS, MONTHS + 4)]))
observed = Y[MONTHS - 8:].sum(axis=0)    # January .. August of the target year
missing = np.arange(N) % GAPS if GAPS else None
results = {}

def timed(name, fn):
    start = time.perf_counter(); value = fn(); results[name] = time.perf_counter() - start
    return value

# Outturn: the CLI end to end (reading CSV, fitting, projecting, writing JSON).
tmp = tempfile.mkdtemp()
with open(os.path.join(tmp, "obs.csv"), "w") as f:
    f.write("indicator,month,value\n")
    for j in range(N):
        for i in range(MONTHS):
            if missing is None or missing[j] != i:
                f.write(f"s{j},{(FIRST + i) // 12}-{(FIRST + i) % 12 + 1:02d},{float(Y[i, j])!r}\n")
with open(os.path.join(tmp, "targets.csv"), "w") as f:
    f.write("indicator,year,aggregate,comparator,threshold\n")
    for j in range(N): f.write(f"s{j},{END},sum,>=,1500\n")
# Timed to the end of the process (its JSON written to a file); reading that JSON back is not timed.
report = os.path.join(tmp, "report.json")
timed("outturn project (CLI, end to end)", lambda: subprocess.run(
    [OUTTURN, "project", os.path.join(tmp, "obs.csv"), "--targets", os.path.join(tmp, "targets.csv"),
     "--model", "trend+season", "--intervals", "model", "--format", "json", "--output", report], check=True))
with open(report) as f: outturn = json.load(f)
check = np.array([row["projection"]["value"] for row in outturn["indicators"]])

def kept(j):
    return slice(None) if missing is None else np.arange(MONTHS) != missing[j]

timed("floor: read the matrix once (Y.sum)", lambda: Y.sum())
if missing is None:
    timed("numpy lstsq, all series in one call", lambda: np.linalg.lstsq(X, Y, rcond=None)[0])
    timed("numpy pinv(X) @ Y", lambda: np.linalg.pinv(X) @ Y)
beta = np.array(timed("numpy lstsq per series", lambda: [
    np.linalg.lstsq(X[kept(j)], Y[kept(j), j], rcond=None)[0] for j in range(N)])).T
projected = observed + (Xf @ beta).sum(axis=0)
assert np.allclose(projected, check, rtol=1e-8), "Outturn and numpy disagree"
try:
    import statsmodels.api as sm
    SM = "statsmodels OLS per series (fit + predict)" + (" *" if N > 2000 else "")
    timed(SM, lambda: [sm.OLS(Y[kept(j), j], X[kept(j)]).fit().get_prediction(Xf).summary_frame(alpha=0.05)
                       for j in range(min(N, 2000))])
    results[SM] *= max(N / 2000, 1)
except ImportError:
    results["statsmodels OLS per series (fit + predict)"] = None
if shutil.which("Rscript"):
    script = os.path.join(tmp, "tslm.R")
    Yr = Y[:, :min(N, 2000)].copy()
    if missing is not None: Yr[missing[:Yr.shape[1]], np.arange(Yr.shape[1])] = np.nan
    np.savetxt(os.path.join(tmp, "y.csv"), Yr, delimiter=",")   # R reads nan as NA; lm drops the row
    with open(script, "w") as f:
        f.write(f'suppressMessages(library(forecast)); Y <- as.matrix(read.csv("{tmp}/y.csv", header=FALSE))\n'
                f't0 <- Sys.time(); for (j in seq_len(ncol(Y))) {{ y <- ts(Y[, j], start = c({FIRST // 12}, {FIRST % 12 + 1}), frequency = 12); '
                f'f <- forecast(tslm(y ~ trend + season), h = 4, level = 95) }}; cat(as.numeric(Sys.time() - t0, units = "secs"))\n')
    out = subprocess.run(["Rscript", script], capture_output=True, text=True)
    results["R forecast::tslm + forecast per series" + (" *" if N > 2000 else "")] = (
        float(out.stdout) * N / min(N, 2000) if out.returncode == 0 else None)
else:
    results["R forecast::tslm + forecast per series"] = None

try:
    from threadpoolctl import threadpool_info
    blas = "; ".join(f'{i["internal_api"]} {i["version"]} ({i["num_threads"]} threads)' for i in threadpool_info())
except ImportError:
    blas = str(np.show_config(mode="dicts").get("Build Dependencies", {}).get("blas", {}).get("name", "?"))
print(f"{N} series x {MONTHS} months" + (f", {GAPS} missing-month patterns" if GAPS else "")
      + f", trend+season, {END} total as of August")
print(f"machine: {platform.platform()}, {os.cpu_count()} cores, numpy {np.__version__}, BLAS {blas}; "
      f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}")
base = results["outturn project (CLI, end to end)"]
for name, seconds in results.items():
    if seconds is None: print(f"  {name:<48} skipped (not installed)")
    else: print(f"  {name:<48} {seconds:9.3f} s   {seconds / base:7.2f} x Outturn")
if N > 2000:
    print("  * timed on 2,000 series and scaled to N (per-series loops are linear in N)")
