#!/usr/bin/env bash
# Side-by-side timing of Outturn and its peers on the same inputs: Benchmarks/compare/compare.py
# (trend+season regression, N series) and Benchmarks/compare/m3_default.py (the default automatic
# model on the 1,428 M3 series, against R thetaf/ets and statsforecast AutoTheta/AutoETS) and
# Benchmarks/compare/engine.py (the shared-calendar batch against numpy, 10³–10⁶ series, and gappy
# panels against per-series lstsq) and Benchmarks/compare/example.py (the bundled example as a
# process, against the same job in Rscript with forecast).
# Installs R's forecast (Debian) and numpy, statsmodels, threadpoolctl and statsforecast (PyPI)
# when missing (statsforecast is optional: skipped if it cannot be installed), builds outturn in
# release mode, pins BLAS threads to one, and prints times and ratios.
#   bash scripts/compare.sh [N]     (default 10,000 series)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh r-cran-forecast
python3 -c "import numpy, statsmodels, threadpoolctl" 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check numpy statsmodels threadpoolctl
python3 -c "import statsforecast" 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check statsforecast \
  || echo "compare: statsforecast could not be installed; its rows are skipped" >&2
swift build -c release --static-swift-stdlib --product outturn >&2
OPENBLAS_NUM_THREADS=1 OUTTURN="$PWD/.build/release/outturn" python3 Benchmarks/compare/compare.py "${1:-10000}"
echo
OPENBLAS_NUM_THREADS=1 OUTTURN="$PWD/.build/release/outturn" python3 Benchmarks/compare/m3_default.py
echo
OUTTURN="$PWD/.build/release/outturn" python3 Benchmarks/compare/example.py
echo
swift build -c release --package-path Benchmarks --product EngineTiming >&2
OPENBLAS_NUM_THREADS=1 python3 Benchmarks/compare/engine.py "$(swift build -c release --package-path Benchmarks --show-bin-path)/EngineTiming"
