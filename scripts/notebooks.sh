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
export OUTTURN="${OUTTURN:-$PWD/.build/debug/outturn}"
scratch=$(mktemp -d)
# The charts each notebook draws (figures shown), kept in step with the notebooks.
declare -A charts=([1-tour.ipynb]=2 [2-what-if-and-pace.ipynb]=2 [3-backtest-calibration.ipynb]=3)
for notebook in Notebooks/*.ipynb; do
  python3 - "$notebook" "$scratch" "${charts[$(basename "$notebook")]:-1}" <<'PY'
import sys, pathlib, nbformat
from nbclient import NotebookClient
path = pathlib.Path(sys.argv[1])
book = nbformat.read(path, as_version=4)
NotebookClient(book, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
nbformat.write(book, pathlib.Path(sys.argv[2]) / path.name)
images = sum(any(kind in output.get("data", {}) for kind in ("image/png", "image/svg+xml"))
             for cell in book.cells if cell.cell_type == "code" for output in cell.outputs)
print(f"{path.name}: executed, {sum(c.cell_type == 'code' for c in book.cells)} code cells, {images} charts")
if images < int(sys.argv[3]):
    sys.exit(f"{path.name}: {images} charts in the executed notebook, expected at least {sys.argv[3]}")
PY
done
rm -rf "$scratch"
