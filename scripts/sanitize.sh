#!/usr/bin/env bash
# Runs the tests under a sanitizer in its own build folder (.build-<sanitizer>).
#   bash scripts/sanitize.sh address            # the whole suite under AddressSanitizer (+ LeakSanitizer)
#   bash scripts/sanitize.sh thread [FILTER]    # ThreadSanitizer, optionally only tests matching FILTER
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
sanitizer=${1:?address or thread}
filter=${2:-}
export LSAN_OPTIONS="suppressions=$PWD/.lsan-suppressions:print_suppressions=0"
export TSAN_OPTIONS="halt_on_error=1"
export SWIFT_BACKTRACE=enable=no
swift test --sanitize="$sanitizer" --scratch-path ".build-$sanitizer" ${filter:+--filter "$filter"}
