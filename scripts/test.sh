#!/usr/bin/env bash
# Installs what the tests need (scripts/setup.sh --with-test-tools: liblapack-dev, pkg-config,
# chromium and a CJK font for the report test), then runs the whole test suite against Debian's
# reference LAPACK, and again against OpenBLAS when it is installed (libopenblas0-pthread), choosing
# each provider explicitly with LD_LIBRARY_PATH so that the result does not depend on which one
# Debian's alternatives currently select. Then builds both DocC catalogs with warnings as errors, and
# builds and runs the client package in Examples/StatusFeed against the public API, and checks the
# default model's accuracy and calibration on M3 monthly against R's published numbers
# (Benchmarks/m3/evaluate.sh --check, release build), and that the output blocks of README.md and
# every other Markdown file are what the program prints (scripts/refresh-readme.py --check).
# The oracle tests need ../shared beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-test-tools

libdir=/usr/lib/x86_64-linux-gnu
[ -d "$libdir" ] || libdir=$(dirname "$(pkg-config --variable=libdir lapack)/x")

swift build --build-tests
echo "== tests with reference LAPACK ($libdir/lapack)"
LD_LIBRARY_PATH="$libdir/lapack:$libdir/blas${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" swift test --skip-build

if [ -e "$libdir/openblas-pthread/liblapack.so.3" ]; then
  echo "== tests with OpenBLAS ($libdir/openblas-pthread)"
  LD_LIBRARY_PATH="$libdir/openblas-pthread${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" swift test --skip-build
fi

echo "== documentation (DocC for Outturn and OutturnIO, warnings are errors)"
for target in Outturn OutturnIO; do
  swift package --disable-sandbox generate-documentation --target "$target" --warnings-as-errors >/dev/null
done

echo "== client package (Examples/StatusFeed, public API only)"
swift build --package-path Examples/StatusFeed
feed=$(swift run --skip-build --package-path Examples/StatusFeed StatusFeed \
  Examples/xicheng-2020 Examples/xicheng-2020/targets.csv 2020-08)
grep -q '"status"' <<<"$feed" || { echo "status feed produced no statuses" >&2; exit 1; }
echo "client package: feed of $(grep -c '"indicator"' <<<"$feed") indicators"


echo "== accuracy on M3 monthly against R (Benchmarks/m3/evaluate.sh --check)"
bash Benchmarks/m3/evaluate.sh --check | tail -1

echo "== documentation output blocks match the program (scripts/refresh-readme.py --check)"
python3 scripts/refresh-readme.py --check
