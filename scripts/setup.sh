#!/usr/bin/env bash
# Installs what Outturn needs to build on Debian: LAPACK/BLAS (liblapack-dev) and pkg-config; with
# --with-test-tools also headless Chromium and a CJK font, which the report test renders with, and
# python3, which runs the M3 accuracy check, and Python's jsonschema, which checks the JSON output.
# Safe to repeat: installs only what is missing. Uses sudo when not root.
set -euo pipefail

missing=()
dpkg -s liblapack-dev >/dev/null 2>&1 || missing+=(liblapack-dev)
dpkg -s libsqlite3-dev >/dev/null 2>&1 || missing+=(libsqlite3-dev)  # the projection store (GRDB)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
for extra in "$@"; do
  if [ "$extra" = --with-test-tools ]; then
    for tool in chromium fonts-noto-cjk; do dpkg -s "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
  else
    dpkg -s "$extra" >/dev/null 2>&1 || missing+=("$extra")
  fi
done

if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The JSON Schema tests validate every command's output with Python's jsonschema (from PyPI; on
# Debian's externally managed Python, pip needs --break-system-packages).
for extra in "$@"; do
  if [ "$extra" = --with-test-tools ]; then
    python3 -c 'import jsonschema' 2>/dev/null \
      || python3 -m pip install --quiet --disable-pip-version-check jsonschema 2>/dev/null \
      || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages jsonschema
  fi
done

command -v swift >/dev/null 2>&1 || { echo "setup: swift is not on PATH (Swift 6.1 or later is needed)" >&2; exit 1; }
