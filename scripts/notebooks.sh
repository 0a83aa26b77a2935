#!/usr/bin/env bash
# Executes every notebook in Notebooks/ top to bottom against the built outturn CLI; a cell that
# raises fails the script. Installs nbclient, ipykernel and matplotlib from PyPI when missing.
# The notebooks in git carry no outputs; executed copies go to a scratch folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
python3 -c "import nbclient, nbformat, ipykernel, matplotlib" 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check nbclient nbformat ipykernel matplotlib
swift build --product outturn >&2
export OUTTURN="$PWD/.build/debug/outturn"
scratch=$(mktemp -d)
for notebook in Notebooks/*.ipynb; do
  python3 - "$notebook" "$scratch" <<'PY'
import sys, pathlib, nbformat
from nbclient import NotebookClient
path = pathlib.Path(sys.argv[1])
book = nbformat.read(path, as_version=4)
NotebookClient(book, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
nbformat.write(book, pathlib.Path(sys.argv[2]) / path.name)
print(f"{path.name}: executed, {sum(c.cell_type == 'code' for c in book.cells)} code cells")
PY
done
rm -rf "$scratch"
