#!/usr/bin/env python3
"""Replaces every output block in README.md with what its command prints now.

A block to refresh is marked by an HTML comment on the line before its opening fence:
    <!-- output: outturn whatif … | head -15 -->
The command runs in the repository root through bash, with the release `outturn` first on PATH;
the block's contents become its standard output. Run by scripts/refresh-readme.sh after a
change that alters output, so the README always shows what the program really prints.
A figure quoted in prose is marked inline, and its text becomes the command's output (stripped):
    <!-- figure: python3 scripts/readme-figure.py coverage auto -->78% / 93%<!-- /figure -->
With --check it writes nothing and fails when a block or a figure differs (scripts/test.sh runs that).
"""
import os
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
readme = root / "README.md"
env = dict(os.environ, PATH=f"{root / '.build' / 'release'}:{os.environ['PATH']}", NO_COLOR="1")
lines = readme.read_text(encoding="utf-8").split("\n")
out, i, refreshed = [], 0, 0
while i < len(lines):
    line = lines[i]
    out.append(line)
    marker = re.fullmatch(r"<!-- output: (.*) -->", line.strip())
    if marker and i + 1 < len(lines) and lines[i + 1].startswith("```"):
        result = subprocess.run(["bash", "-o", "pipefail", "-c", marker.group(1)], cwd=root, env=env,
                                capture_output=True, text=True)
        if result.returncode not in (0, 141):   # 141: head closed the pipe
            sys.exit(f"refresh-readme: `{marker.group(1)}` failed:\n{result.stderr}")
        out.append(lines[i + 1])
        out.extend(result.stdout.rstrip("\n").split("\n"))
        i += 2
        while not lines[i].startswith("```"):
            i += 1
        out.append(lines[i])
        refreshed += 1
    i += 1
text = "\n".join(out)


def fill(match):
    global refreshed
    result = subprocess.run(["bash", "-o", "pipefail", "-c", match.group(1)], cwd=root, env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"refresh-readme: `{match.group(1)}` failed:\n{result.stderr}")
    refreshed += 1
    return f"<!-- figure: {match.group(1)} -->{result.stdout.strip()}<!-- /figure -->"


# Figures quoted in prose: filled the same way, so a sentence cannot keep an old number.
text = re.sub(r"<!-- figure: (.*?) -->(.*?)<!-- /figure -->", fill, text, flags=re.S)
if "--check" in sys.argv[1:]:
    if text != readme.read_text(encoding="utf-8"):
        sys.exit("README.md: an output block or quoted figure no longer matches what outturn prints; run bash scripts/refresh-readme.sh")
    print(f"README.md: {refreshed} output blocks and figures match the program's output")
else:
    readme.write_text(text, encoding="utf-8")
    print(f"README.md: {refreshed} output blocks and figures refreshed")
