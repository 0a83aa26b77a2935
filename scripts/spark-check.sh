#!/usr/bin/env bash
# Checks the Spark recipe (Examples/spark/project_panel.py, docs/spark.md): on a generated
# 10,000-series long-form panel, the combined CSV of `outturn project` run by PySpark in local mode
# over 4 partitions equals the single-process `outturn project` CSV byte for byte, once both are
# sorted (header kept first). Then the same on 200 series with `--regressor`, a series that every
# partition needs. Exits non-zero on any difference and prints the first differing lines.
#
# Installs pyspark from PyPI when missing (and Java 17 from Debian when there is no java). Uses
# $OUTTURN when set, else builds the release binary as CI and scripts/run-example.sh do (a no-op
# when .build/release/outturn is current). Extra arguments go to both runs' `outturn project`,
# e.g. `bash scripts/spark-check.sh --model trend+season --intervals model`.
# SPARK_CHECK_SERIES=… changes the big panel's size (default 10000).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

command -v java >/dev/null 2>&1 || bash scripts/setup.sh openjdk-17-jre-headless
python3 -c 'import pyspark' 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check pyspark 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages pyspark

if [ -z "${OUTTURN:-}" ]; then
  bash scripts/setup.sh
  swift build -c release --static-swift-stdlib --product outturn >&2
  OUTTURN=$PWD/.build/release/outturn
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
as_of=2019-08   # the panel's last month (make_panel.py); every partition must use the same one

# check NAME SERIES [make_panel.py flags…] -- [outturn project flags…]
check() {
  local name=$1 series=$2 dir="$scratch/$1"
  shift 2
  local panel_flags=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do panel_flags+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  python3 Examples/spark/make_panel.py --series "$series" --out "$dir" ${panel_flags[@]+"${panel_flags[@]}"}
  local targets
  targets=$(($(wc -l <"$dir/targets.csv") - 1))
  echo "spark-check: $name: $series series, $targets targets, $(wc -c <"$dir/observations.csv") bytes of observations, project flags: ${*:-none}"

  local one=$SECONDS
  "$OUTTURN" project "$dir/observations.csv" --targets "$dir/targets.csv" --as-of "$as_of" \
    --format csv "$@" >"$dir/single.csv"
  echo "spark-check: $name: single process $((SECONDS - one)) s"

  local spark=$SECONDS
  python3 Examples/spark/project_panel.py "$dir/observations.csv" "$dir/targets.csv" "$dir/spark.csv" \
    --outturn "$OUTTURN" --partitions 4 --as-of "$as_of" --master 'local[2]' -- "$@" 2>"$dir/spark.log" \
    || { tail -30 "$dir/spark.log" >&2; echo "spark-check: $name: FAILED: the Spark job failed" >&2; exit 1; }
  echo "spark-check: $name: Spark, 4 partitions, local[2] $((SECONDS - spark)) s"
  grep '^project_panel:' "$dir/spark.log" || true
  # The point is several processes: each of the 4 partitions must have run its own outturn.
  grep -q '^project_panel: 4 of 4 partitions' "$dir/spark.log" \
    || { echo "spark-check: $name: FAILED: not every partition ran outturn project" >&2; exit 1; }

  # Header first, then the rows in one byte order (LC_ALL=C: no locale collation).
  sorted() { head -n 1 "$1"; tail -n +2 "$1" | LC_ALL=C sort; }
  sorted "$dir/single.csv" >"$dir/single.sorted"
  sorted "$dir/spark.csv" >"$dir/spark.sorted"
  if ! cmp -s "$dir/single.sorted" "$dir/spark.sorted"; then
    echo "spark-check: $name: FAILED: the Spark result differs from the single-process run (first differences, < single > spark):" >&2
    diff "$dir/single.sorted" "$dir/spark.sorted" | head -n 20 >&2 || true
    exit 1
  fi
  # Equal but empty would prove nothing: project prints one row per target, and one more "joint"
  # row (method, the last column) per indicator with several targets.
  local judged
  judged=$(tail -n +2 "$dir/single.csv" | awk -F, '$NF != "joint"' | wc -l)
  if [ "$judged" -ne "$targets" ]; then
    echo "spark-check: $name: FAILED: $judged result rows for $targets targets" >&2
    exit 1
  fi
  echo "spark-check: $name: OK, $(($(wc -l <"$dir/single.csv") - 1)) rows equal byte for byte after sorting"
}

check panel "${SPARK_CHECK_SERIES:-10000}" -- "$@"
check regressor 200 --regressor temperature -- --regressor temperature "$@"
echo "spark-check: OK ($((SECONDS - started)) s in all)"
