#!/usr/bin/env bash
# Rebuilds the release CLI and refreshes the output blocks of README.md and the other docs (see refresh-readme.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --static-swift-stdlib --product outturn >&2
python3 scripts/refresh-readme.py
