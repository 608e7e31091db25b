#!/usr/bin/env python3
"""Independent computation of every land border of a world file, with shapely 2 + pyproj, to cross-check
`borderkit borders` (and to time the peer pipeline a competent user would write).

Usage: world_borders.py FILE [ID_PROPERTY]
How: candidate pairs from shapely's STRtree on the geometries; for each pair, the intersection of the two
boundaries; its lineal parts merged with shapely.line_merge; a pair counts when the merged lines have length;
segments = the merged LineStrings; lengths geodesic with pyproj Geod(ellps="WGS84").geometry_length; tripoints = the
positions (exact) where the merged lines' ends and the point contacts of three or more territories coincide.
Prints JSON: pairs, segments, total length in metres, tripoints, and the wall time.
"""
import json
import sys
import time

import shapely
from pyproj import Geod
from shapely.geometry import shape

t0 = time.perf_counter()
path = sys.argv[1]
key = sys.argv[2] if len(sys.argv) > 2 else "ADM0_A3"
with open(path, encoding="utf-8") as f:
    data = json.load(f)
ids = [f["properties"][key] for f in data["features"]]
geoms = [shape(f["geometry"]) for f in data["features"]]
boundaries = [g.boundary for g in geoms]
tree = shapely.STRtree(geoms)
geod = Geod(ellps="WGS84")
pairs = segments = 0
total = 0.0
nodes = {}
left, right = tree.query(geoms)
for i, j in zip(left, right):
    if i >= j:
        continue
    shared = boundaries[i].intersection(boundaries[j])
    parts_all = shapely.get_parts(shared)
    lines = [g for g in parts_all if g.geom_type in ("LineString", "MultiLineString") and g.length > 0]
    for point in (g for g in parts_all if g.geom_type == "Point"):
        nodes.setdefault((point.x, point.y), set()).update((ids[i], ids[j]))
    if not lines:
        continue
    merged = shapely.line_merge(shapely.multilinestrings(lines) if len(lines) > 1 else lines[0])
    parts = [g for g in shapely.get_parts(merged) if g.length > 0]
    for part in parts:
        for x, y in (part.coords[0], part.coords[-1]):
            nodes.setdefault((x, y), set()).update((ids[i], ids[j]))
    pairs += 1
    segments += len(parts)
    total += sum(geod.geometry_length(p) for p in parts)
elapsed = time.perf_counter() - t0
tripoints = sum(1 for owners in nodes.values() if len(owners) >= 3)
print(json.dumps({"pairs": pairs, "segments": segments, "length_m": total, "tripoints": tripoints, "seconds": round(elapsed, 2),
                  "shapely": shapely.__version__, "geos": shapely.geos_version_string}))
