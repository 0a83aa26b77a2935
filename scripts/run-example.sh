#!/usr/bin/env bash
# Builds outturn and projects the bundled example (Xicheng District 2020) as of August 2020.
# Extra arguments are passed to `outturn project`, e.g. --format json or --as-of 2020-07.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product outturn >&2
exec .build/release/outturn project Examples/xicheng-2020/observations.csv \
  --targets Examples/xicheng-2020/targets.csv "$@"
