#!/usr/bin/env bash
# Runs `borderkit measure`, `validate` (and --coverage), `borders` (with worker threads), `areas`, `route`, `map`,
# `report` and the GDAL and TopoJSON readers and writers under valgrind memcheck on success and failure paths (the antimeridian, a legacy crs, overlaps) and
# fails on any definitely or indirectly lost bytes. (The Swift runtime's metadata caches show up as
# "possibly lost"; those are not counted.) Uses the debug build, which `swift build` makes.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=.build/debug/borderkit
[ -x "$bin" ] || swift build >/dev/null
fixtures=Tests/BorderKitCLITests/Fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}' > "$work/unclosed.geojson"
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0,91]}}]}' > "$work/latitude.geojson"

failed=0
check() {  # check EXPECTED_EXIT ARGS...
    local expected=$1; shift
    valgrind --leak-check=full --show-possibly-lost=no --errors-for-leak-kinds=definite,indirect \
        --error-exitcode=99 --log-file="$work/vg.log" "$bin" "$@" >/dev/null 2>"$work/stderr"
    local status=$?
    local summary
    summary=$(grep -E "definitely lost|indirectly lost|ERROR SUMMARY" "$work/vg.log" | sed 's/^==[0-9]*== *//' | tr '\n' ' ')
    if [ "$status" -eq 99 ] || [ "$status" -ne "$expected" ]; then
        echo "leakcheck: FAIL borderkit $* (exit $status, expected $expected): $summary" >&2
        grep -A12 "definitely lost in\|indirectly lost in\|Invalid " "$work/vg.log" | head -60 >&2
        failed=1
    else
        echo "leakcheck: ok   borderkit $* (exit $status)"
    fi
}

check 0 measure "$fixtures/shapes.geojson" --format json
check 0 measure "$fixtures/shapes.geojson" --format geojson --output "$work/m.geojson"
check 1 validate "$fixtures/bowtie.geojson"
check 0 validate "$fixtures/bowtie.geojson" --repair --output "$work/fixed.geojson"
check 2 measure "$work/unclosed.geojson"
check 2 validate "$work/latitude.geojson"
check 2 measure /nonexistent.geojson
check 0 borders --format geojson --output "$work/borders.geojson"
check 0 borders --workers 1 --snap 50 --pair armenia,azerbaijan
check 0 areas --at 2021-01-01 --format json
check 0 route TRIPP --format geojson --profile
check 0 map --layers territories,borders,tripoints,labels --bbox 43,38,48,42 --output "$work/map.svg"
check 0 map --layers territories,borders,enclaves,labels --output "$work/map.html"
check 2 map --layers rivers --output "$work/bad.svg"
world=$fixtures/World
check 0 borders --territories "$world/antimeridian-split.geojson" --format geojson
check 0 route --territories "$world/land-sea.geojson" --routes "$world/routes-world.geojson" --format json
check 0 route --territories "$world/antimeridian-split.geojson" --routes "$world/routes-antimeridian.geojson"
check 1 validate --coverage "$world/coverage-gap-overlap.geojson"
check 0 measure "$world/crs-3857.geojson"
check 2 measure "$world/crs-unknown.geojson"
check 0 areas --territories "$world/overlap.geojson"
# GDAL's formats: a projected GeoPackage in, GeoPackage, FlatGeobuf, Shapefile, GeoJSONSeq and TopoJSON out; a
# damaged GeoPackage, a layer that is not there, a grid that breaks polygons.
check 0 convert "$work/borders.geojson" --output "$work/borders.gpkg"
ogr2ogr -f GPKG -t_srs EPSG:3035 -nln cells "$work/cells.gpkg" GeoData/territories.geojson
check 0 borders --territories "$work/cells.gpkg" --output "$work/b.fgb"
check 0 areas --territories "$work/cells.gpkg:cells" --output "$work/a.shp"
check 0 measure "$work/borders.gpkg:borders" --output "$work/m.geojsonl"
check 2 measure "$work/borders.gpkg"
check 0 borders --format topojson --quantize 1e6 --output "$work/b.topojson"
check 2 borders --territories "$work/cells.gpkg" --layer nope
head -c 20000 "$work/cells.gpkg" > "$work/damaged.gpkg"
check 2 measure "$work/damaged.gpkg"
check 2 convert "$world/antimeridian-split.geojson" --quantize 3 --output "$work/coarse.topojson"
mkdir -p "$work/mine" && touch "$work/mine/keep"
check 2 report --output "$work/mine"
if [ "$failed" -ne 0 ]; then
    echo "leakcheck: memory leaks or errors found" >&2
    exit 1
fi
echo "leakcheck: no definitely or indirectly lost bytes in 31 runs"
