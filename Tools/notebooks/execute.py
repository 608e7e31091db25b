#!/usr/bin/env python3
"""Executes every notebook in Notebooks/ from a clean state and fails on the first cell error.

Committed notebooks carry no outputs (checked here: a notebook with outputs fails, so that diffs stay reviewable and
no machine's results are committed); the executed copies are written to Notebooks/out/executed/ to read.
Usage: execute.py [NOTEBOOK...]   (default: all of Notebooks/*.ipynb)
"""
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

root = Path(__file__).resolve().parents[2]
folder = root / "Notebooks"
paths = [Path(p) for p in sys.argv[1:]] or sorted(folder.glob("*.ipynb"))
if not paths:
    sys.exit("execute.py: no notebooks in Notebooks/")
executed = folder / "out" / "executed"
executed.mkdir(parents=True, exist_ok=True)
failed = []
for path in paths:
    nb = nbformat.read(path, as_version=4)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count"))]
    if dirty:
        failed.append(f"{path.name}: cells {dirty} have outputs; commit notebooks with outputs cleared")
        continue
    started = time.monotonic()
    client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}})
    try:
        client.execute()
        print(f"notebooks: {path.name} ran green in {time.monotonic() - started:.1f} s", file=sys.stderr)
    except CellExecutionError as error:
        failed.append(f"{path.name}: {str(error).strip().splitlines()[-1]}")
        print(f"notebooks: {path.name} FAILED\n{error}", file=sys.stderr)
    nbformat.write(nb, executed / path.name)
if failed:
    sys.exit("notebooks failed:\n  " + "\n  ".join(failed))
