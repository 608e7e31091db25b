#!/usr/bin/env python3
"""Independent computation of every land border of a world file, with shapely 2 + pyproj, to cross-check
`borderkit borders` (and to time the peer pipeline a competent user would write: vectorised shapely 2 calls).

Usage: world_borders.py FILE [ID_PROPERTY]
How: candidate pairs from shapely's STRtree with the "intersects" predicate (only pairs that touch); the
boundaries (shapely.boundary) and their pairwise intersections computed as arrays; the lineal parts of each pair
merged with shapely.line_merge (vectorised over the pairs); a pair counts when a merged line is longer than
1 cm (geodesic; BorderKit drops shorter pieces);
segments = the merged LineStrings; lengths geodesic with pyproj Geod(ellps="WGS84").geometry_length; tripoints =
the positions (exact) where the merged lines' ends and the point contacts of three or more territories coincide.
Prints JSON: pairs, segments, total length in metres, tripoints, and the wall time.
"""
import json
import sys
import time

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry import shape

t0 = time.perf_counter()
path = sys.argv[1]
key = sys.argv[2] if len(sys.argv) > 2 else "ADM0_A3"
with open(path, encoding="utf-8") as f:
    data = json.load(f)
ids = [f["properties"][key] for f in data["features"]]
geoms = np.array([shape(f["geometry"]) for f in data["features"]])
tree = shapely.STRtree(geoms)
left, right = tree.query(geoms, predicate="intersects")
keep = left < right
left, right = left[keep], right[keep]
boundaries = shapely.boundary(geoms)
shared = shapely.intersection(boundaries[left], boundaries[right])
# Every part of every pair's intersection, with the pair it belongs to.
parts, pair_of = shapely.get_parts(shared, return_index=True)
kinds = shapely.get_type_id(parts)
nodes = {}
for k in np.flatnonzero(kinds == 0):  # points: the pairs touch there
    x, y = shapely.get_coordinates(parts[k])[0]
    nodes.setdefault((x, y), set()).update((ids[left[pair_of[k]]], ids[right[pair_of[k]]]))
is_line = (kinds == 1) & (shapely.length(parts) > 0)
line_pairs, dense = np.unique(pair_of[is_line], return_inverse=True)
merged = shapely.line_merge(shapely.multilinestrings(parts[is_line], indices=dense)) if line_pairs.size else np.array([])
geod = Geod(ellps="WGS84")
pairs = segments = 0
total = 0.0
for n, pair in enumerate(line_pairs):
    pieces = [g for g in shapely.get_parts(merged[n]) if g.length > 0]
    for piece in pieces:
        for x, y in (piece.coords[0], piece.coords[-1]):
            nodes.setdefault((x, y), set()).update((ids[left[pair]], ids[right[pair]]))
    # A piece of 1 cm or less (geodesic) is not a border segment: BorderKit drops them too (a Voronoi coverage
    # of a million cells has a few dozen such slivers of edges).
    lengths = [m for m in (geod.geometry_length(p) for p in pieces) if m > 0.01]
    if not lengths:
        continue
    pairs += 1
    segments += len(lengths)
    total += sum(lengths)
elapsed = time.perf_counter() - t0
tripoints = sum(1 for owners in nodes.values() if len(owners) >= 3)
print(json.dumps({"pairs": pairs, "segments": segments, "length_m": total, "tripoints": tripoints, "seconds": round(elapsed, 2),
                  "shapely": shapely.__version__, "geos": shapely.geos_version_string}))
