#!/usr/bin/env python3
"""Replaces every output block in the documentation with what its command prints now.

The documentation is every Markdown file of the repository that git tracks or would track
(README.md, CONTRIBUTING.md, docs/, the DocC catalogs under Sources/*/*.docc/, Benchmarks/,
Fuzz/ …), so a block keeps being checked wherever it moves. A block to refresh is marked by an
HTML comment on the line before its opening fence:
    <!-- output: outturn whatif … | head -15 -->
The command runs in the repository root through bash, with the release `outturn` first on PATH;
the block's contents become its standard output. Run by scripts/refresh-readme.sh after a
change that alters output, so the documentation always shows what the program really prints.
A figure quoted in prose is marked inline, and its text becomes the command's output (stripped):
    <!-- figure: python3 scripts/readme-figure.py coverage auto -->78% / 93%<!-- /figure -->
With --check it writes nothing and fails when a block or a figure differs (scripts/test.sh runs that).
Files may be named on the command line to process only those.
"""
import os
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
env = dict(os.environ, PATH=f"{root / '.build' / 'release'}:{os.environ['PATH']}", NO_COLOR="1")
OUTPUT = re.compile(r"<!-- output: (.*) -->")
FIGURE = re.compile(r"<!-- figure: (.*?) -->(.*?)<!-- /figure -->", flags=re.S)


def documentation():
    """Every Markdown file git knows or would add (not .build, checkouts or ignored files)."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "*.md"],
                            cwd=root, capture_output=True, text=True)
    if listed.returncode != 0:   # not a git checkout (a source archive): every .md outside hidden folders
        return sorted(path for path in root.rglob("*.md")
                      if not any(part.startswith(".") for part in path.relative_to(root).parts))
    return sorted({root / name for name in listed.stdout.split("\0") if name and (root / name).is_file()})


def run(command, allowed=(0,)):
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=root, env=env,
                            capture_output=True, text=True)
    if result.returncode not in allowed:
        sys.exit(f"refresh-readme: `{command}` failed:\n{result.stderr}")
    return result.stdout


def refreshed(text, path):
    """The file's text with every block and figure replaced, and how many there were."""
    lines, out, i, count = text.split("\n"), [], 0, 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        marker = OUTPUT.fullmatch(line.strip())
        if marker and i + 1 < len(lines) and lines[i + 1].startswith("```"):
            stdout = run(marker.group(1), allowed=(0, 141))   # 141: head closed the pipe
            out.append(lines[i + 1])
            out.extend(stdout.rstrip("\n").split("\n"))
            i += 2
            while i < len(lines) and not lines[i].startswith("```"):
                i += 1
            if i == len(lines):
                sys.exit(f"refresh-readme: {path.relative_to(root)}: the block after `{marker.group(1)}` never closes")
            out.append(lines[i])
            count += 1
        i += 1

    def fill(match):
        nonlocal count
        count += 1
        return f"<!-- figure: {match.group(1)} -->{run(match.group(1)).strip()}<!-- /figure -->"

    # Figures quoted in prose: filled the same way, so a sentence cannot keep an old number.
    return FIGURE.sub(fill, "\n".join(out)), count


check = "--check" in sys.argv[1:]
named = [root / arg for arg in sys.argv[1:] if arg != "--check"]
stale, total = [], 0
for path in named or documentation():
    text = path.read_text(encoding="utf-8")
    if "<!-- output: " not in text and "<!-- figure: " not in text:
        continue
    new, count = refreshed(text, path)
    total += count
    name = path.relative_to(root)
    if new != text:
        stale.append(str(name))
        if not check:
            path.write_text(new, encoding="utf-8")
    print(f"{name}: {count} output blocks and figures {'checked' if check else 'refreshed'}")
if check and stale:
    sys.exit(f"{', '.join(stale)}: an output block or quoted figure no longer matches what outturn prints; "
             "run bash scripts/refresh-readme.sh")
print(f"{total} output blocks and figures {'match the program' if check else 'refreshed'}")
