#!/usr/bin/env bash
# The test command: installs what is missing, builds, runs every test, then the leak check, the hostile
# 10^6-vertex check (release build), the faults during writes (kill -9, full disk, read-only folder, missing
# GeoData), the check that GeoData rebuilds byte for byte from its sources, PostGIS as a second oracle on 600
# generated cases and the world file (Tools/oracle), an install into a temporary prefix run with no checkout
# around, the DocC catalogs built with warnings as errors, TopoJSON read back by PyPI topojson 2.2, borderkit-dask on a LocalCluster
# (the same bytes as one process, a worker killed, a tile failing), the interactive maps in headless Chromium, a smoke run of the benchmark on
# tiny data (both sides' answers must agree) and every notebook executed from a clean state.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/setup.sh
swift build --build-tests 2>&1 | grep -v "^\[" || true
swift test
bash Tools/leakcheck.sh
bash Tools/hostile/check.sh
bash Tools/faults/check.sh
bash Tools/geodata/check.sh
bash Tools/oracle/run.sh
bash Tools/install-check.sh
bash Tools/docs/check.sh
bash Tools/topojson/check.sh
bash Tools/dask/check.sh
bash Tools/browser/check.sh
bash Tools/bench/run --smoke
bash Tools/notebooks/run.sh
