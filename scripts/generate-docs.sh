#!/usr/bin/env bash
# Regenerates docs/man/outturn.1 and the shell completion scripts in docs/completions/ from the
# command-line definition (swift-argument-parser's generate-manual plugin and
# --generate-completion-script). Run after changing a command, flag or help text.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --product outturn >&2
swift package --allow-writing-to-package-directory generate-manual --output-directory docs/man >&2
for shell in bash zsh fish; do .build/debug/outturn --generate-completion-script "$shell" > "docs/completions/outturn.$shell"; done
echo "docs/man/outturn.1 and docs/completions/ regenerated"
