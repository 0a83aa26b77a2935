#!/usr/bin/env bash
# Writes docs/report-zh.png: the Chinese HTML report of the bundled example (Xicheng District 2020,
# as of August 2020, with its scenarios) as headless Chromium draws it. Needs Debian's chromium and
# fonts-noto-cjk (scripts/setup.sh installs both). Run again after the report's look changes.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product outturn >&2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
example=Examples/xicheng-2020
.build/debug/outturn report "$example/observations.csv" --targets "$example/targets.csv" \
  --scenario "$example/scenarios.yaml" --lang zh --out "$scratch/report.html"
chromium=$(command -v chromium || command -v chromium-browser)
"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1600 \
  --screenshot="$scratch/report-zh.png" "file://$scratch/report.html" 2>/dev/null
mv "$scratch/report-zh.png" docs/report-zh.png
echo "wrote docs/report-zh.png" >&2
