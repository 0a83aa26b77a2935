#!/usr/bin/env python3
"""Side by side: the default automatic projection of all 1,428 M3 monthly series.

Outturn projects each series' year 2000 total from its training months (through 1999-12) with the
default model (`auto`: the smoothing ensemble, checked intervals, P(target met)), through the CLI
end to end. Peers forecast the same 12 months per series with their automatic methods: R
forecast's `thetaf` and `ets`, and statsforecast's AutoTheta and AutoETS when installed. Prints
wall times and ratios to Outturn, with the machine.

    python3 Benchmarks/compare/m3_default.py
"""
import json, os, platform, shutil, subprocess, sys, tempfile, time
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUTTURN = os.environ.get("OUTTURN", os.path.join(ROOT, ".build", "release", "outturn"))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "data", "m3-monthly", "observations.csv")

series = defaultdict(list)
with open(DATA) as f:
    next(f)
    for line in f:
        sid, month, value = line.rstrip("\n").split(",")
        if month < "2000-01":
            series[sid].append((month, float(value)))
tmp = tempfile.mkdtemp()
with open(os.path.join(tmp, "obs.csv"), "w") as f:
    f.write("indicator,month,value\n")
    for sid, rows in series.items():
        for month, value in rows:
            f.write(f"{sid},{month},{value!r}\n")
with open(os.path.join(tmp, "targets.csv"), "w") as f:
    f.write("indicator,year,aggregate,comparator,threshold\n")
    for sid, rows in series.items():
        last_year = sum(v for m, v in rows if m.startswith("1999"))
        f.write(f"{sid},2000,sum,>=,{last_year!r}\n")

results = {}
def timed(name, fn):
    start = time.perf_counter(); value = fn(); results[name] = time.perf_counter() - start
    return value

out = timed("outturn project, default model (CLI, end to end)", lambda: subprocess.run(
    [OUTTURN, "project", os.path.join(tmp, "obs.csv"), "--targets", os.path.join(tmp, "targets.csv"),
     "--as-of", "1999-12", "--format", "json"], check=True, capture_output=True, text=True).stdout)
assert len(json.loads(out)["indicators"]) == len(series)

if shutil.which("Rscript"):
    with open(os.path.join(tmp, "y.csv"), "w") as f:
        for sid, rows in series.items():
            start = rows[0][0]
            f.write(f"{start[:4]},{int(start[5:])}," + ",".join(repr(v) for _, v in rows) + "\n")
    for method, limit in [("thetaf", None), ("ets", 300)]:
        call = "thetaf(y, h = 12, level = c(80, 95))" if method == "thetaf" else "forecast(ets(y), h = 12, level = c(80, 95))"
        script = os.path.join(tmp, f"{method}.R")
        with open(script, "w") as f:
            f.write('suppressMessages(library(forecast)); lines <- readLines("' + tmp + '/y.csv")\n'
                    + (f"lines <- lines[seq_len({limit})]\n" if limit else "")
                    + 't0 <- Sys.time(); for (l in lines) { v <- as.numeric(strsplit(l, ",")[[1]]); '
                    + 'y <- ts(v[-(1:2)], start = c(v[1], v[2]), frequency = 12); f <- ' + call + ' }; '
                    + 'cat(as.numeric(Sys.time() - t0, units = "secs"))\n')
        run = subprocess.run(["Rscript", script], capture_output=True, text=True)
        name = f"R forecast::{method} per series" + (f" *" if limit else "")
        results[name] = float(run.stdout) * len(series) / (limit or len(series)) if run.returncode == 0 else None
else:
    results["R forecast::thetaf per series"] = None

try:
    import pandas as pd
    from statsforecast import StatsForecast
    from statsforecast.models import AutoTheta, AutoETS
    frame = pd.DataFrame([(sid, pd.Timestamp(m + "-01"), v) for sid, rows in series.items() for m, v in rows],
                         columns=["unique_id", "ds", "y"])
    for label, model in [("AutoTheta", AutoTheta(season_length=12)), ("AutoETS", AutoETS(season_length=12))]:
        engine = StatsForecast(models=[model], freq="MS", n_jobs=os.cpu_count())
        engine.forecast(df=frame.head(200), h=12, level=[80, 95])          # JIT warm-up, not timed
        timed(f"statsforecast {label} ({os.cpu_count()} jobs, after JIT warm-up)",
              lambda: engine.forecast(df=frame, h=12, level=[80, 95]))
except ImportError:
    results["statsforecast AutoTheta / AutoETS"] = None

print(f"{len(series)} M3 monthly series, automatic model, 12 months ahead with 80/95% intervals")
print(f"machine: {platform.platform()}, {os.cpu_count()} cores, python {platform.python_version()}")
base = results["outturn project, default model (CLI, end to end)"]
for name, seconds in results.items():
    if seconds is None: print(f"  {name:<58} skipped (not installed)")
    else: print(f"  {name:<58} {seconds:9.3f} s   {seconds / base:8.1f} x Outturn")
print("  * timed on the first 300 series and scaled to 1,428 (the loop is linear in series)")
