#!/usr/bin/env python3
"""Writes the seed corpus of the FuzzCommands libFuzzer target (Fuzz/Corpus/FuzzCommands/).

Each seed is one `outturn` invocation in the target's layout: the arguments one per line, then for
each file a 0x1E byte, its name on one line and its content. Seeds come from the fixture catalogue
(Tests/Fixtures/*/<case>/: command + files) and from hand-written edge invocations of project,
sweep, report, plot, backtest, whatif and pace on small series.
    python3 scripts/fuzz-command-corpus.py
"""
import os, pathlib, shutil

root = pathlib.Path(__file__).resolve().parent.parent
out = root / "Fuzz/Corpus/FuzzCommands"
shutil.rmtree(out, ignore_errors=True)
out.mkdir(parents=True)
SEP = "\x1e"

def seed(name, args, files):
    text = "\n".join(args) + "".join(SEP + f + "\n" + c for f, c in files.items())
    (out / name).write_bytes(text.encode())

for kind in ("bad-input", "accepted-input"):
    for case in sorted((root / "Tests/Fixtures" / kind).iterdir()):
        args = (case / "command").read_text().splitlines()
        files = {p.name: p.read_text(errors="replace") for p in case.iterdir()
                 if p.name not in ("command", "expected") and p.is_file() and p.stat().st_size < 4096}
        seed(f"{kind}-{case.name}", args, files)

# Small hand-written series: three years and eight months of two indicators.
rows = ["indicator,month,value"]
for name, base in (("a", 100.0), ("b", 5.0)):
    for year in (2017, 2018, 2019, 2020):
        for month in range(1, 13):
            if year == 2020 and month > 8: break
            rows.append(f"{name},{year}-{month:02d},{base + month * 1.5 + (year - 2017) * 2 + (month % 3) * 0.7:g}")
obs = "\n".join(rows) + "\n"
targets = ("indicator,year,aggregate,comparator,threshold,months,base_year,change_percent,moving_average,versus,due,name,unit\n"
           "a,2020,sum,>=,1400,,,,,,,total,\n"
           "a,2020,mean,<,110,1-6,,,,,,first half,\n"
           "b,2019,max,>=,20,,,,,,,old year,\n"
           "b,2020,mean,<=,,,2018,-5,,,,relative,\n"
           "a,2020,mean,<,,,,,2,,,moving,\n"
           "a,2020,sum,>=,,,,,,b,,versus,\n")
scen = "scenarios:\n  - name: up\n    changes:\n      - indicator: a\n        months: 2020-09..2020-12\n        scale: 10\n"
files = {"obs.csv": obs, "targets.csv": targets, "s.yaml": scen}
common = ["obs.csv", "--targets", "targets.csv"]
invocations = {
    "project": ["project", *common],
    "project-json": ["project", *common, "--format", "json", "--as-of", "2020-08"],
    "sweep": ["sweep", *common, "--from", "-20", "--to", "20", "--step", "20", "--chart", "c.svg"],
    "report": ["report", *common, "--out", "r.html"],
    "plot": ["plot", *common, "--out", "p"],
    "backtest": ["backtest", "obs.csv", "--years", "2019-2018", "--as-of-month", "0"],
    "backtest-targets": ["backtest", "obs.csv", "--targets", "targets.csv", "--model", "trend"],
    "whatif": ["whatif", *common, "--scenario", "s.yaml", "--set", "a@2020-12=9000", "--scale", "a@2020-09..2020-12=-10"],
    "pace": ["pace", *common, "--probability", "0.9"],
    "window": ["project", *common, "--model", "trend[100000]"],
    "far-future": ["forecast", "obs.csv", "--indicator", "a", "--horizon", "120"],
    "year-9999": ["project", "obs.csv", "--targets", "targets.csv", "--as-of", "9999-12"],
}
for name, args in invocations.items():
    seed(name, args, files)
late = {"obs.csv": "indicator,month,value\n" + "".join(f"z,9999-{m:02d},{m}\n" for m in range(1, 13)),
        "targets.csv": "indicator,year,aggregate,comparator,threshold\nz,9999,sum,>=,10\n"}
extra = {"plot": ["--out", "p"], "report": ["--out", "r.md"], "whatif": ["--add", "z@9999-12=5"]}
for command in ("project", "sweep", "plot", "report", "pace", "whatif"):
    seed(f"year-9999-{command}", [command, "obs.csv", "--targets", "targets.csv", *extra.get(command, [])], late)
seed("year-9999-forecast", ["forecast", "obs.csv", "--indicator", "z", "--horizon", "24"], late)
early = {"obs.csv": "indicator,month,value\n" + "".join(f"y,0001-{m:02d},{m}\n" for m in range(1, 13))
         + "".join(f"y,0002-{m:02d},{m}\n" for m in range(1, 5)),
         "targets.csv": "indicator,year,aggregate,comparator,threshold,due\ny,0001,milestone,>=,3,0001-06\ny,0001,sum,>=,3,\n"}
seed("year-0001-backtest", ["backtest", "obs.csv", "--as-of-month", "0"], early)
for command in ("project", "sweep", "pace"):
    seed(f"year-0001-{command}", [command, "obs.csv", "--targets", "targets.csv"], early)
seed("year-0001-report", ["report", "obs.csv", "--targets", "targets.csv", "--out", "r.html"], early)
print(f"{len(list(out.iterdir()))} seeds in {out.relative_to(root)}")
