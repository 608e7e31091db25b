#!/usr/bin/env python3
"""Reads borderkit's TopoJSON with PyPI topojson 2.2 and compares it with borderkit's GeoJSON (see check.sh)."""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import topojson

ROOT = Path(__file__).resolve().parents[2]
WORLD = ROOT.parent / "shared/data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson"


def run(args):
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"topojson check: {' '.join(args)} failed: {r.stderr[-800:]}")


def check(bk, territories, quantize, work):
    inputs = ["--territories", str(territories[0]), "--id-property", territories[1]] if territories else []
    topo, geo = work / "b.topojson", work / "b.geojson"
    run([bk, "borders", *inputs, "-f", "topojson", "-o", str(topo)] + (["--quantize", quantize] if quantize else []))
    run([bk, "borders", *inputs, "-f", "geojson", "-o", str(geo)])
    data = json.loads(topo.read_text())
    # topojson 2.2 cannot decode Point geometries it did not encode itself (TypeError in _resolve_coords):
    # the tripoints object is checked by GDAL in the Swift tests and left out here.
    data["objects"].pop("tripoints")
    t = topojson.Topology(data, object_name=list(data["objects"]))
    borders = json.loads(t.to_geojson(object_name="borders"))["features"]
    expected = [f for f in json.loads(geo.read_text())["features"] if f["properties"]["kind"] == "border_segment"]
    if len(borders) != len(expected):
        sys.exit(f"topojson check: {len(borders)} borders decoded, {len(expected)} in the GeoJSON")
    step = 0.0
    if quantize:
        bbox, n = data["bbox"], float(quantize)
        step = max((bbox[2] - bbox[0]) / (n - 1), (bbox[3] - bbox[1]) / (n - 1))
    by_id = {f["properties"]["id"]: f for f in expected}
    worst = 0.0
    for f in borders:
        e = by_id[f["properties"]["id"]]
        for key in ("territories", "status", "length_m"):
            if f["properties"][key] != e["properties"][key]:
                sys.exit(f"topojson check: border {f['properties']['id']}: {key} {f['properties'][key]} != {e['properties'][key]}")
        a, b = f["geometry"]["coordinates"], e["geometry"]["coordinates"]
        if not quantize and len(a) != len(b):
            sys.exit(f"topojson check: border {f['properties']['id']}: {len(a)} positions, {len(b)} in the GeoJSON")
        # Every decoded position near a GeoJSON position (quantising may drop positions that fall together).
        pts = {(round(x, 7), round(y, 7)) for x, y in b}
        for x, y in a:
            d = min(max(abs(x - px), abs(y - py)) for px, py in pts) if quantize else (0.0 if (round(x, 7), round(y, 7)) in pts else 1.0)
            worst = max(worst, d)
    limit = step / 2 + 1e-9 if quantize else 0.0
    if worst > limit:
        sys.exit(f"topojson check: a decoded border position lies {worst} degrees from the GeoJSON's (limit {limit})")
    n_territories = len(json.loads(t.to_geojson(object_name="territories"))["features"])
    print(f"topojson check: {'world' if territories else 'embedded'}{' quantised ' + quantize if quantize else ''}: "
          f"{len(borders)} borders and {n_territories} territories decoded by topojson 2.2; positions within {worst:.2e}°")


def main():
    bk = sys.argv[1]
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        check(bk, None, None, work)
        check(bk, None, "1e5", work)
        if WORLD.exists():
            check(bk, (WORLD, "ADM0_A3"), None, work)
            check(bk, (WORLD, "ADM0_A3"), "1e7", work)
        else:
            print("topojson check: ../shared is absent: the world file is skipped")


if __name__ == "__main__":
    main()
