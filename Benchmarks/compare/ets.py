#!/usr/bin/env python3
"""Side by side: automatic ETS estimation in Outturn, R forecast's `ets()` and statsforecast's
`AutoETS`, in the same run, on the same series.

Series: air passengers (the first 120 months) and a sample of M3 monthly series (every k-th of
the 1,428, training months only). Each tool fits `ets(y)` (automatic AICc selection over the
admissible models) once per series; Outturn also fits the fixed ETS(M,Ad,M). Outturn runs in
process through `Benchmarks/.build/release/ETSTiming` (built here if missing), R through
Rscript, statsforecast in this process after a warm-up fit (its numba JIT compiles on the first
call). Times are CPU seconds (user + system) of the fit alone, so that a busy machine shares
its cores without inflating anyone's figure. Prints seconds per fit, ratios, and how often R and Outturn choose the same model, with
the log-likelihoods and 12-month forecast totals where they do.

    python3 Benchmarks/compare/ets.py [SAMPLE]      # SAMPLE M3 series (default 100)
    python3 Benchmarks/compare/ets.py --same-bits OTHER_ETSTIMING

The second form checks that a change to the estimation left its results alone: it runs this
tree's ETSTiming and another build of it (e.g. the previous commit's) with ETS_TIMING_EXACT=1 on
the eight series of ../shared/data/series, automatic and every fixed model, and compares the
chosen models, parameters, forecast means and variances in hexadecimal (exit 1 on a difference).
"""
import os, platform, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, "Benchmarks")
TIMING = os.environ.get("ETS_TIMING", os.path.join(BENCH, ".build", "release", "ETSTiming"))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data")
SAMPLE = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 100


def read_air():
    with open(os.path.join(SHARED, "series", "air_passengers.csv")) as f:
        rows = [line.rstrip("\n").split(",") for line in f][1:]
    return [("air_passengers_120", rows[0][1], [float(r[2]) for r in rows[:120]])]


def read_m3(sample):
    last = {}
    with open(os.path.join(SHARED, "m3-monthly", "info.csv")) as f:
        next(f)
        for line in f:
            fields = line.rstrip("\n").split(",")
            last[fields[0]] = fields[6]
    series = {}
    with open(os.path.join(SHARED, "m3-monthly", "observations.csv")) as f:
        next(f)
        for line in f:
            sid, month, value = line.rstrip("\n").split(",")
            if month <= last[sid]:
                series.setdefault(sid, []).append((month, float(value)))
    ids = sorted(series)
    step = max(len(ids) // sample, 1)
    return [(sid, series[sid][0][0], [v for _, v in series[sid]]) for sid in ids[::step][:sample]]


def write_lines(path, group):
    # One series per line: year, month, values (the layout ETSTiming and the R script read).
    with open(path, "w") as f:
        for _, start, values in group:
            f.write(f"{start[:4]},{int(start[5:])}," + ",".join(repr(v) for v in values) + "\n")


def parse_fits(text):
    """Lines 'seconds model loglik aicc total' (the last line is the total)."""
    fits = []
    for line in text.strip().splitlines():
        fields = line.split()
        if fields[0] == "total":
            continue
        fits.append((float(fields[0]), fields[1], float(fields[2]), float(fields[3]), float(fields[4])))
    return fits


def outturn(path, model="auto", repeats=1):
    run = subprocess.run([TIMING, path, model, str(repeats)], check=True, capture_output=True, text=True)
    return parse_fits(run.stdout)


R_SCRIPT = r'''
suppressMessages(library(forecast))
args <- commandArgs(TRUE)
for (l in readLines(args[1])) {
  v <- as.numeric(strsplit(l, ",")[[1]])
  y <- ts(v[-(1:2)], start = c(v[1], v[2]), frequency = 12)
  t0 <- proc.time(); fit <- ets(y); s <- sum((proc.time() - t0)[c("user.self", "sys.self")])
  total <- sum(forecast(fit, h = 12)$mean)
  model <- gsub("^ETS\\(|\\)$", "", fit$method)
  cat(sprintf("%.6f ETS(%s) %.10g %.10g %.10g\n", s, model, fit$loglik, fit$aicc, total))
}
'''


def r_ets(path, tmp):
    if not shutil.which("Rscript"):
        return None
    script = os.path.join(tmp, "ets.R")
    with open(script, "w") as f:
        f.write(R_SCRIPT)
    run = subprocess.run(["Rscript", script, path], capture_output=True, text=True)
    return parse_fits(run.stdout) if run.returncode == 0 else None


def statsforecast_ets(group):
    try:
        import numpy as np
        from statsforecast.models import AutoETS
    except ImportError:
        return None
    warm = np.asarray(group[0][2], dtype=float)
    AutoETS(season_length=12).fit(warm)  # numba JIT compilation, not timed
    fits = []
    for _, _, values in group:
        y = np.asarray(values, dtype=float)
        t0 = time.process_time()
        model = AutoETS(season_length=12).fit(y)
        seconds = time.process_time() - t0
        total = float(np.sum(model.predict(h=12)["mean"]))
        fits.append((seconds, "?", float("nan"), float("nan"), total))
    return fits


def main():
    if not os.path.exists(TIMING):
        subprocess.run(["swift", "build", "-c", "release", "--product", "ETSTiming"], cwd=BENCH, check=True)
    tmp = tempfile.mkdtemp()
    groups = {"air passengers, 120 months": read_air(), f"M3 monthly, {SAMPLE} series": read_m3(SAMPLE)}
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    for label, group in groups.items():
        path = os.path.join(tmp, "y.csv")
        write_lines(path, group)
        ours = outturn(path, repeats=3 if len(group) == 1 else 1)
        fixed = outturn(path, "MAdM", repeats=3 if len(group) == 1 else 1)
        r = r_ets(path, tmp)
        sf = statsforecast_ets(group)
        mean = lambda fits: statistics.fmean(f[0] for f in fits)
        base = mean(ours)
        print(f"\n{label}: CPU seconds per automatic fit (mean over series)")
        print(f"  {'Outturn ETSFit(selectingFrom:) (release, in process)':<56} {base:10.5f} s")
        print(f"  {'Outturn ETSFit(estimating: ETS(M,Ad,M))':<56} {mean(fixed):10.5f} s")
        for name, fits in [("R forecast 8.20 ets(y)", r), ("statsforecast AutoETS (after JIT warm-up)", sf)]:
            if fits is None:
                print(f"  {name:<56} skipped (not installed)")
            else:
                print(f"  {name:<56} {mean(fits):10.5f} s   {mean(fits) / base:8.1f} x Outturn")
        if r:
            same = [(o, q) for o, q in zip(ours, r) if o[1] == q[1]]
            print(f"  R and Outturn choose the same model on {len(same)} of {len(r)} series")
            if same:
                gains = [o[2] - q[2] for o, q in same]
                worse = sum(g < -1e-6 * abs(q[2]) for g, (_, q) in zip(gains, same))
                diffs = sorted(abs(o[4] - q[4]) / abs(q[4]) for o, q in same if q[4] != 0)
                print(f"    loglik ours − R's: min {min(gains):.3g}, median {statistics.median(gains):.3g}; "
                      f"worse than R's by > 1e-6 relative on {worse}")
                print(f"    12-month total |ours − R's| / R's: median {statistics.median(diffs):.2e}, "
                      f"max {max(diffs):.2e}")
            better = sum(o[3] < q[3] - 1e-9 * abs(q[3]) for o, q in zip(ours, r) if o[1] != q[1])
            print(f"    where the choices differ, ours has the smaller AICc on {better} of {len(r) - len(same)}")


MODELS = ["auto", "ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA", "MNN", "MAN", "MAdN", "MNA", "MAA", "MAdA",
          "MNM", "MAM", "MAdM"]


def read_eight():
    """The eight real series of ../shared/data/series, whole."""
    group = []
    for name in sorted(os.listdir(os.path.join(SHARED, "series"))):
        if not name.endswith(".csv") or name == "manifest.csv":
            continue
        with open(os.path.join(SHARED, "series", name)) as f:
            rows = [line.rstrip("\n").split(",") for line in f][1:]
        rows = [r for r in rows if len(r) > 2 and r[2] != ""]
        group.append((name[:-4], rows[0][1], [float(r[2]) for r in rows]))
    return group


def same_bits(other):
    path = os.path.join(tempfile.mkdtemp(), "eight.csv")
    write_lines(path, read_eight())

    def exact(binary, model):
        run = subprocess.run([binary, path, model, "1"], check=True, capture_output=True, text=True,
                             env=dict(os.environ, ETS_TIMING_EXACT="1"))
        # Drop the timing column and the total line: only results are compared.
        return [line.split(" ", 1)[1] if line[0].isdigit() else line
                for line in run.stdout.splitlines() if not line.startswith("total")]

    differing = [m for m in MODELS if exact(TIMING, m) != exact(other, m)]
    print(f"{len(MODELS) - len(differing)} of {len(MODELS)} model specifications bit-identical on the eight series"
          + (f"; differing: {', '.join(differing)}" if differing else ""))
    return 1 if differing else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--same-bits":
        sys.exit(same_bits(sys.argv[2]))
    main()
