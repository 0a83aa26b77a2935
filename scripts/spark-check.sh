#!/usr/bin/env bash
# Checks the Spark recipe (Examples/spark/project_panel.py, docs/spark.md): on a generated
# 10,000-series long-form panel, the combined CSV of `outturn project` run by PySpark in local mode
# over 4 partitions equals the single-process `outturn project` CSV byte for byte, once both are
# sorted (header kept first). Exits non-zero on any difference and prints the first differing lines.
#
# Installs pyspark from PyPI when missing (and Java 17 from Debian when there is no java). Uses
# $OUTTURN when set, else builds the release binary as CI and scripts/run-example.sh do (a no-op
# when .build/release/outturn is current). Extra arguments go to both runs' `outturn project`,
# e.g. `bash scripts/spark-check.sh --model trend+season --intervals model`.
# SPARK_CHECK_SERIES=… changes the panel's size (default 10000). About a minute here.
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
series=${SPARK_CHECK_SERIES:-10000}
as_of=2019-08   # the panel's last month (make_panel.py); every partition must use the same one
python3 Examples/spark/make_panel.py --series "$series" --out "$scratch"
targets=$(($(wc -l <"$scratch/targets.csv") - 1))
echo "spark-check: $series series, $targets targets ($(wc -c <"$scratch/observations.csv") bytes of observations)"

one=$SECONDS
"$OUTTURN" project "$scratch/observations.csv" --targets "$scratch/targets.csv" --as-of "$as_of" \
  --format csv "$@" >"$scratch/single.csv"
echo "spark-check: single process $((SECONDS - one)) s"

spark=$SECONDS
python3 Examples/spark/project_panel.py "$scratch/observations.csv" "$scratch/targets.csv" "$scratch/spark.csv" \
  --outturn "$OUTTURN" --partitions 4 --as-of "$as_of" --master 'local[2]' -- "$@" 2>"$scratch/spark.log" \
  || { tail -30 "$scratch/spark.log" >&2; echo "spark-check: the Spark job failed" >&2; exit 1; }
grep '^project_panel:' "$scratch/spark.log" || true
# The point is several processes: each of the 4 partitions must have run its own outturn.
grep -q '^project_panel: 4 of 4 partitions' "$scratch/spark.log" \
  || { echo "spark-check: FAILED: not every partition ran outturn project" >&2; exit 1; }
echo "spark-check: Spark, 4 partitions, local[2] $((SECONDS - spark)) s"

# Header first, then the rows in one byte order (LC_ALL=C: no locale collation).
sorted() { head -n 1 "$1"; tail -n +2 "$1" | LC_ALL=C sort; }
sorted "$scratch/single.csv" >"$scratch/single.sorted"
sorted "$scratch/spark.csv" >"$scratch/spark.sorted"
rows=$(($(wc -l <"$scratch/single.csv") - 1))
if ! cmp -s "$scratch/single.sorted" "$scratch/spark.sorted"; then
  echo "spark-check: FAILED: the Spark result differs from the single-process run (first differences, < single > spark):" >&2
  diff "$scratch/single.sorted" "$scratch/spark.sorted" | head -n 20 >&2 || true
  exit 1
fi
# Equal but empty would prove nothing: project prints one row per target, and one more "joint" row
# (method, the last column) per indicator with several targets.
judged=$(tail -n +2 "$scratch/single.csv" | awk -F, '$NF != "joint"' | wc -l)
if [ "$judged" -ne "$targets" ]; then
  echo "spark-check: FAILED: $judged result rows for $targets targets" >&2
  exit 1
fi
echo "spark-check: OK, $rows rows equal byte for byte after sorting ($((SECONDS - started)) s in all)"
