#!/usr/bin/env python3
"""Cross-check `borderkit measure` against pyproj's Geod(ellps="WGS84").geometry_area_perimeter.

Usage: pyproj_measure.py FILE [BORDERKIT]
Runs both on the same GeoJSON, prints the largest relative deviation of per-feature area and perimeter
and the wall time of each, and exits 1 if any area deviates by more than 1e-6 relative.
pyproj signs areas by winding (counter-clockwise positive), so its absolute value is compared; its
perimeter leaves out interior rings, so their geodesic lengths (Geod.line_length) are added, as BorderKit,
like PostGIS's ST_Perimeter, counts every ring.
"""
import json
import subprocess
import sys
import time

from pyproj import Geod
from shapely.geometry import shape

path = sys.argv[1]
borderkit = sys.argv[2] if len(sys.argv) > 2 else ".build/release/borderkit"

t0 = time.perf_counter()
with open(path, encoding="utf-8") as f:
    data = json.load(f)
geod = Geod(ellps="WGS84")
theirs = []
for feature in data["features"]:
    g = feature["geometry"]
    if g is None:
        theirs.append((None, None))
        continue
    geometry = shape(g)
    area, perimeter = geod.geometry_area_perimeter(geometry)
    polygons = list(geometry.geoms) if geometry.geom_type == "MultiPolygon" else [geometry]
    perimeter += sum(geod.line_length(*ring.xy) for p in polygons for ring in p.interiors)
    theirs.append((abs(area), perimeter))
t_pyproj = time.perf_counter() - t0

t0 = time.perf_counter()
out = subprocess.run([borderkit, "measure", path, "--format", "json"], check=True, capture_output=True).stdout
t_ours = time.perf_counter() - t0
ours = json.loads(out)["features"]

worst_area = (0.0, None)
worst_perimeter = (0.0, None)
for i, ((area, perimeter), row) in enumerate(zip(theirs, ours)):
    if area is None or not area:
        continue
    name = data["features"][i]["properties"].get("NAME") or data["features"][i]["properties"].get("name") or i
    rel = abs(row["area_m2"] - area) / area
    if rel > worst_area[0]:
        worst_area = (rel, name)
    relp = abs(row["perimeter_m"] - perimeter) / perimeter
    if relp > worst_perimeter[0]:
        worst_perimeter = (relp, name)

print(f"features: {len(ours)}")
print(f"largest relative area deviation: {worst_area[0]:.3e} ({worst_area[1]})")
print(f"largest relative perimeter deviation: {worst_perimeter[0]:.3e} ({worst_perimeter[1]})")
print(f"pyproj + shapely (read + measure): {t_pyproj:.2f} s; borderkit measure (whole command): {t_ours:.2f} s")
sys.exit(1 if worst_area[0] > 1e-6 else 0)
