#!/usr/bin/env bash
# TopoJSON read back by PyPI topojson 2.2 (a second reader beside GDAL's, which the Swift tests use): the
# borders of the embedded data and of the Natural Earth world (when ../shared is there), plain and quantised,
# decode to the same segments, pairs and lengths as borderkit's GeoJSON, every border line within half a grid
# step of its GeoJSON line, and the territories to as many features as the input has.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-topojson
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check topojson==2.2 shapely==2.1.2
swift build --product borderkit 2>&1 | grep -v "^\[" || true
exec "$venv/bin/python" Tools/topojson/check.py .build/debug/borderkit
