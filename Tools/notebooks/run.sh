#!/usr/bin/env bash
# Executes every notebook in Notebooks/ as an analyst would run it from a clean checkout: installs what is
# missing (Tools/setup.sh), builds borderkit, installs Notebooks/requirements.txt into .venv-notebooks and runs
# each notebook with nbclient, failing on any cell error. Executed copies land in Notebooks/out/executed/.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash Tools/setup.sh
swift build --product borderkit 2>&1 | grep -v "^\[" || true
venv=.venv-notebooks
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/pip" install -q --disable-pip-version-check -r Notebooks/requirements.txt
"$venv/bin/python" -m ipykernel install --prefix "$venv" --name python3 >/dev/null 2>&1 || true
export BORDERKIT="$PWD/.build/debug/borderkit"
export JUPYTER_PATH="$PWD/$venv/share/jupyter"
PATH="$PWD/$venv/bin:$PATH" exec "$venv/bin/python" Tools/notebooks/execute.py "$@"
