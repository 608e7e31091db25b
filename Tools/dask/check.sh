#!/usr/bin/env bash
# borderkit-dask on a dask LocalCluster of 2 worker processes (issue 20): borders and areas merged from 1, 2, 7 and 16 tiles,
# and route from batches,
# is byte-identical to one process's for the Natural Earth world (when ../shared is there) and for seeded
# coverages of 10^4 and 10^5 cells; a worker killed in the middle has its task run again and the bytes are the
# same; a tile whose borderkit fails fails the run with its message and writes nothing. Installs the driver
# (python/borderkit_dask, pinned dask and distributed) into .venv-dask; uses the release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-dask
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check -e python/borderkit_dask shapely==2.1.2 pyproj==3.7.2
swift build -c release --product borderkit 2>&1 | grep -v "^\[" || true
exec "$venv/bin/python" Tools/dask/check.py "$PWD/.build/release/borderkit" "$venv/bin/borderkit-dask"
