#!/usr/bin/env bash
# Installs, when missing, what BorderKit builds and tests with on Debian: GEOS, PROJ and GDAL headers (GDAL reads
# and writes GeoPackage, Shapefile, FlatGeobuf; gdal-bin's ogr2ogr makes the tests' files), pkg-config,
# GeographicLib's command-line tools (the test oracle Planimeter), valgrind (Tools/leakcheck.sh), librsvg's
# rsvg-convert (the map tests render SVG to PNG), Python 3 with venv (PNG check, notebooks, benchmarks), Leaflet
# (libjs-leaflet: inlined in the interactive HTML maps) and Chromium with its driver (the maps tested in a browser).
# Swift itself must already be on PATH. Safe to run again: it installs nothing that is there.
set -euo pipefail

packages=(libgeos-dev libproj-dev libgdal-dev gdal-bin pkg-config geographiclib-tools valgrind librsvg2-bin python3 python3-venv libjs-leaflet chromium chromium-driver)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v swift >/dev/null; then
    echo "setup: Swift is not on PATH; install a Swift 6 toolchain first (swift.org)" >&2
    exit 1
fi
