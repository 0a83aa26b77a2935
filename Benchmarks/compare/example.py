#!/usr/bin/env python3
"""Side by side: the bundled example's job (18 targets, 6 milestones, as of August 2020) by
`outturn project` and by the same job scripted in R with forecast (example.R: thetaf per target),
each as a fresh process, best of 10 wall-clock runs; also each tool's bare start-up
(`outturn --version`; Rscript loading forecast) as the floor under it.

    python3 Benchmarks/compare/example.py
"""
import os, platform, shutil, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUTTURN = os.environ.get("OUTTURN", os.path.join(ROOT, ".build", "release", "outturn"))
EXAMPLE = os.path.join(ROOT, "Examples", "xicheng-2020")
observations, targets = os.path.join(EXAMPLE, "observations.csv"), os.path.join(EXAMPLE, "targets.csv")

def best(command, runs=10):
    fastest = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        fastest = min(fastest, time.perf_counter() - start)
    return fastest

outturn = best([OUTTURN, "project", observations, "--targets", targets, "--format", "json"])
outturn_floor = best([OUTTURN, "--version"])
print(f"machine: {platform.platform()}, {os.cpu_count()} cores")
print(f"  outturn project (example, JSON)            {outturn * 1000:8.1f} ms   (start-up alone {outturn_floor * 1000:.1f} ms)")
if shutil.which("Rscript"):
    r = best(["Rscript", os.path.join(ROOT, "Benchmarks", "compare", "example.R"), observations, targets])
    r_floor = best(["Rscript", "-e", "suppressMessages(library(forecast))"])
    print(f"  Rscript + forecast (example.R, thetaf)     {r * 1000:8.1f} ms   (start-up with forecast {r_floor * 1000:.1f} ms)"
          f"   {r / outturn:6.1f} x Outturn")
else:
    print("  Rscript + forecast: skipped (not installed)")
