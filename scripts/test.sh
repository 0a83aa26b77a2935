#!/usr/bin/env bash
# Runs the whole test suite against Debian's reference LAPACK, and again against OpenBLAS when
# it is installed (libopenblas0-pthread), choosing each provider explicitly with LD_LIBRARY_PATH
# so that the result does not depend on which one Debian's alternatives currently select.
# The oracle tests need ../shared beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

libdir=/usr/lib/x86_64-linux-gnu
[ -d "$libdir" ] || libdir=$(dirname "$(pkg-config --variable=libdir lapack)/x")

swift build --build-tests
echo "== tests with reference LAPACK ($libdir/lapack)"
LD_LIBRARY_PATH="$libdir/lapack:$libdir/blas${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" swift test --skip-build

if [ -e "$libdir/openblas-pthread/liblapack.so.3" ]; then
  echo "== tests with OpenBLAS ($libdir/openblas-pthread)"
  LD_LIBRARY_PATH="$libdir/openblas-pthread${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" swift test --skip-build
fi
