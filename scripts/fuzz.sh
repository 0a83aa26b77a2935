#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for a fixed number of executions, then
# prints executions and crashes per target. The default budget is 1.1·10^7 in all: 3,000,000 for
# each parser, 1,000,000 for the projection (each of its inputs fits models; simulated ones draw
# 10,000 paths) and 1,000,000 for whole commands (FuzzCommands; seeds from
# scripts/fuzz-command-corpus.py).
#   bash scripts/fuzz.sh            # the full budget
#   bash scripts/fuzz.sh 100000     # a quick run: that many executions per target
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
quick=${1:-}
export SWIFT_BACKTRACE=enable=no   # the runtime's backtracer hangs inside a fuzzer crash handler
export OPENBLAS_NUM_THREADS=1
# FuzzCommands compiles the CLI's own sources: one symlink per file, so a new command file comes along.
find Fuzz/Sources/FuzzCLI -type l -delete
while IFS= read -r file; do ln -s "../../../$file" "Fuzz/Sources/FuzzCLI/$(basename "$file")"; done < <(find Sources/OutturnCLI -name "*.swift" | sort)
swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address >&2
bin=$(swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address --show-bin-path)
scratch=$(mktemp -d)
status=0
for target in FuzzObservations FuzzTargets FuzzScenarios FuzzProjection FuzzCommands; do
  runs=${quick:-$(case $target in FuzzProjection|FuzzCommands) echo 1000000;; *) echo 3000000;; esac)}
  mkdir -p "$scratch/$target" "Fuzz/crashes/$target"
  log="$scratch/$target.log"
  # close_fd_mask=3: the commands' own stdout and stderr are closed (libFuzzer keeps its log).
  if "$bin/$target" -runs="$runs" -max_len=4096 -timeout=10 -rss_limit_mb=4096 -close_fd_mask=3 \
       -artifact_prefix="Fuzz/crashes/$target/" "$scratch/$target" "Fuzz/Corpus/$target" >"$log" 2>&1; then
    result="0 crashes"
  else
    result="FAILED (see Fuzz/crashes/$target)"; status=1
  fi
  executed=$(grep -oE "Done [0-9]+ runs" "$log" | grep -oE "[0-9]+" || echo "?")
  echo "$target: $executed executions, $result"
  rmdir "Fuzz/crashes/$target" 2>/dev/null || true
done
rmdir Fuzz/crashes 2>/dev/null || true
rm -rf "$scratch"
exit $status
