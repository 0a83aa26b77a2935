#!/usr/bin/env bash
# Runs the M3 monthly accuracy experiment (see evaluate.py) with a release build and prints the
# tables of Benchmarks/m3/RESULTS.md. `--check` makes it fail unless the default model meets the
# accuracy issue's bar; scripts/test.sh runs it that way.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/setup.sh >&2
swift build -c release --static-swift-stdlib --product outturn >&2
exec python3 Benchmarks/m3/evaluate.py .build/release/outturn ../shared/data/m3-monthly/observations.csv "$@"
