"""Runs the `borderkit` command-line tool from a notebook and hands back what it wrote.

The notebooks call the CLI rather than re-implementing anything: every figure they show is one `borderkit`
computed. The binary is the one named by $BORDERKIT, else the checkout's release or debug build, else
`borderkit` on PATH. Outputs go to Notebooks/out/ (ignored by git).
"""
import json
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"


def executable():
    """The borderkit binary to run."""
    if os.environ.get("BORDERKIT"):
        return os.environ["BORDERKIT"]
    for build in ("release", "debug"):
        candidate = ROOT / ".build" / build / "borderkit"
        if candidate.exists():
            return str(candidate)
    found = shutil.which("borderkit")
    if found:
        return found
    raise FileNotFoundError("borderkit not found: run `swift build` in the checkout, or set $BORDERKIT")


def run(*args):
    """Runs `borderkit ARGS...` and returns its standard output; a failure raises with borderkit's message."""
    done = subprocess.run([executable(), *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"borderkit {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def run_json(*args):
    """Runs `borderkit ARGS... --format json` and returns the parsed JSON."""
    return json.loads(run(*args, "--format", "json"))


def output(name):
    """A path in Notebooks/out/ for a file borderkit writes (GeoJSON, SVG)."""
    OUT.mkdir(exist_ok=True)
    return str(OUT / name)


def features(path):
    """A GeoJSON file borderkit wrote, as a GeoDataFrame in lon/lat (EPSG:4326), list properties kept."""
    import geopandas as gpd

    with open(path, encoding="utf-8") as f:
        collection = json.load(f)
    return gpd.GeoDataFrame.from_features(collection["features"], crs="EPSG:4326")
