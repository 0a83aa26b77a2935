#!/usr/bin/env python3
"""A large panel end to end, CSV in and CSV out, side by side in one run: `outturn project` (the
columnar panel path, and the per-series assembly it replaced via the hidden `--per-series`)
against the pandas + numpy pipeline a user would write for the same job.

The panel: N indicators x 44 months (2017-01 .. 2020-08) in long form with full-precision
values; one 2020 target per indicator, mixed sum / mean / last and >= / <=. Every tool fits
trend + month dummies on the shared calendar and reports the year's projected figure, its
standard error, 80/95% intervals, P(target met) (Student-t) and the status. pandas + numpy:
`read_csv`, a pivot to the value matrix, one QR of the shared design, coefficients for all series
by one product, sigma per series, the figure's mean and variance, scipy's t, `to_csv`.

Each run is a separate process under /usr/bin/time -v (wall clock and peak RSS); best of
REPEATS wall clocks, peak RSS of that run.

    python3 Benchmarks/compare/panel.py [N [REPEATS]]        (default 100,000 1)
    OUTTURN=path/to/outturn overrides the binary (default .build/release/outturn)
    PANEL_DIR=folder keeps the generated panel there and reuses it on the next run
"""
import os, platform, re, subprocess, sys, tempfile, time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
REPEATS = int(sys.argv[2]) if len(sys.argv) > 2 else 1
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUTTURN = os.environ.get("OUTTURN", os.path.join(ROOT, ".build", "release", "outturn"))
MONTHS = 44

NUMPY_PIPELINE = r'''
import sys
import numpy as np, pandas as pd
from scipy import stats
obs_path, targets_path, out_path = sys.argv[1:4]
obs = pd.read_csv(obs_path)
targets = pd.read_csv(targets_path)
wide = obs.pivot(index="indicator", columns="month", values="value").loc[targets["indicator"]]
months = list(wide.columns)                                  # "YYYY-MM", sorted
Y = wide.to_numpy().T                                        # n x N
n = len(months)
ordinal = np.array([int(m[:4]) * 12 + int(m[5:7]) - 1 for m in months])
def design(ords, centre):
    X = np.zeros((len(ords), 13)); X[:, 0] = 1; X[:, 1] = ords - centre
    for i, o in enumerate(ords):
        if o % 12 > 0: X[i, 1 + o % 12] = 1
    return X
centre = ordinal.mean()
X = design(ordinal, centre)
Q, R = np.linalg.qr(X)
B = np.linalg.solve(R, Q.T @ Y)                              # 13 x N, one product for all series
resid = Y - X @ B
df = n - 13
sigma = np.sqrt((resid * resid).sum(axis=0) / df)
year = 2020
future = np.arange(ordinal[-1] + 1, year * 12 + 12)
Xf = design(future, centre)
observed = (ordinal >= year * 12)
agg = targets["aggregate"].to_numpy()
k = len(future)
weights = {"sum": (np.ones(observed.sum()), np.ones(k)), "mean": (np.full(observed.sum(), 1 / 12), np.full(k, 1 / 12)),
           "last": (np.zeros(observed.sum()), np.eye(k)[-1])}
value = np.empty(Y.shape[1]); se = np.empty(Y.shape[1])
Yf = Xf @ B                                                  # k x N forecasts
for name, (wo, wf) in weights.items():
    m = agg == name
    if not m.any(): continue
    z = np.linalg.solve(R.T, Xf.T @ wf)
    value[m] = wo @ Y[observed][:, m] + wf @ Yf[:, m]
    se[m] = sigma[m] * np.sqrt(z @ z + wf @ wf)
threshold = targets["threshold"].to_numpy()
upper_bound = targets["comparator"].isin(["<=", "<"]).to_numpy()
below = stats.t.cdf((threshold - value) / se, df)
p = np.where(upper_bound, below, 1 - below)
out = pd.DataFrame({"indicator": targets["indicator"], "projection": value, "standard_error": se})
for level in (80, 95):
    q = stats.t.ppf(0.5 + level / 200, df)
    out[f"lower_{level}"] = value - q * se; out[f"upper_{level}"] = value + q * se
out["probability"] = p
out["status"] = np.where(p >= 0.8, "on track", np.where(p >= 0.2, "at risk", "off track"))
out.to_csv(out_path, index=False)
'''


def measured(command):
    """Wall clock (best of REPEATS) and that run's peak RSS in MB, under /usr/bin/time -v."""
    best = None
    for _ in range(REPEATS):
        start = time.perf_counter()
        run = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if run.returncode != 0:
            sys.exit(f"{command[0]} failed: {run.stderr[-2000:]}")
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1)) / 1024
        if best is None or wall < best[0]:
            best = (wall, rss)
    return best


def main():
    folder = os.environ.get("PANEL_DIR") or tempfile.mkdtemp()
    os.makedirs(folder, exist_ok=True)
    obs, targets = os.path.join(folder, "obs.csv"), os.path.join(folder, "targets.csv")
    if os.path.exists(targets) and sum(1 for _ in open(targets)) == N + 1:
        print(f"reusing the panel in {folder}")
    else:
        write_panel(obs, targets)
    run(folder, obs, targets)


def write_panel(obs, targets):
    import numpy as np
    rng = np.random.default_rng(20200831)
    t = np.arange(MONTHS)
    Y = (100 + rng.uniform(0, 50, N)[None, :] + 0.3 * t[:, None]
         + 10 * np.sin((t % 12)[:, None] / 12 * 2 * np.pi) + rng.normal(0, 2, (MONTHS, N)))
    labels = [f"{2017 + i // 12}-{i % 12 + 1:02d}" for i in range(MONTHS)]
    with open(obs, "w") as f:
        f.write("indicator,month,value\n")
        for j in range(N):
            column = Y[:, j].tolist()
            f.write("".join(f"s{j},{labels[i]},{column[i]!r}\n" for i in range(MONTHS)))
    aggregates, comparators = ["sum", "mean", "last"], [">=", "<="]
    with open(targets, "w") as f:
        f.write("indicator,year,aggregate,comparator,threshold\n")
        for j in range(N):
            a = aggregates[j % 3]
            level = Y[-8:, j].mean() * rng.uniform(0.97, 1.05)
            f.write(f"s{j},2020,{a},{comparators[(j // 3) % 2]},{level * 12 if a == 'sum' else level:.3f}\n")


def run(folder, obs, targets):
    import numpy as np
    size = os.path.getsize(obs) / 1e6
    blas = "OpenBLAS" if "openblas" in os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3") else "reference BLAS"
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, {blas}, "
          f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}")
    print(f"panel: {N:,} series x {MONTHS} months, observations CSV {size:.0f} MB")
    common = [obs, "--targets", targets, "--model", "trend+season", "--intervals", "model", "--format", "csv"]
    pipeline = os.path.join(folder, "pipeline.py")
    with open(pipeline, "w") as f: f.write(NUMPY_PIPELINE)
    rows = [
        ("outturn project (columnar panel path)",
         measured([OUTTURN, "project"] + common + ["--output", os.path.join(folder, "columnar.csv")])),
        ("outturn project --per-series (the per-series assembly before)",
         measured([OUTTURN, "project"] + common + ["--per-series", "--output", os.path.join(folder, "per-series.csv")])),
        ("pandas + numpy + scipy pipeline",
         measured([sys.executable, pipeline, obs, targets, os.path.join(folder, "numpy.csv")])),
    ]
    same = open(os.path.join(folder, "columnar.csv"), "rb").read() == open(os.path.join(folder, "per-series.csv"), "rb").read()
    numpy_wall = rows[2][1][0]
    for name, (wall, rss) in rows:
        print(f"{name:<62} {wall:7.2f} s ({wall / numpy_wall:4.2f}x numpy)  peak RSS {rss:6.0f} MB ({rss / size:4.2f}x the CSV)")
    print(f"columnar and per-series CSV byte-identical: {same}")
    # The projections agree with numpy's.
    import pandas as pd
    ours = pd.read_csv(os.path.join(folder, "columnar.csv"))
    theirs = pd.read_csv(os.path.join(folder, "numpy.csv"))
    for column in ["projection", "standard_error", "probability"]:
        gap = np.max(np.abs(ours[column].to_numpy() - theirs[column].to_numpy()) / np.maximum(1, np.abs(theirs[column].to_numpy())))
        print(f"largest relative difference from numpy, {column}: {gap:.1e}")


main()
