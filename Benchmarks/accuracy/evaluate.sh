#!/usr/bin/env bash
# Runs the accuracy harness of issue #14 (evaluate.py) with a release build: every candidate model
# on M3 monthly, US employment and the eight real series, beside R's references.
#   bash Benchmarks/accuracy/evaluate.sh [--check] [--quick] [--sets m3,usemp,series] [--models auto,theta,...]
# --check exits 1 when the default (the first model, `auto`) misses a goal of the issue, or when a
# self-test of the harness fails. --quick runs the documented subsample (PROTOCOL.md) in minutes.
# Other options (--json FILE, --cache DIR, --no-cache) are evaluate.py's; see its docstring.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/setup.sh >&2
swift build -c release --static-swift-stdlib --product outturn >&2
exec python3 Benchmarks/accuracy/evaluate.py .build/release/outturn "$@"
