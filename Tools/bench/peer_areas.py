#!/usr/bin/env python3
"""W5's `areas` peer: what a competent shapely 2 + pyproj user writes for `borderkit areas` on a territories file
(no claims, no control): each territory's geodesic area, its exclaves and detached parts by land, enclaves, and
overlaps.

How (vectorised where shapely has an array function): the territories' parts (shapely.get_parts); each part's
geodesic area (pyproj Geod(ellps="WGS84").geometry_area_perimeter); land contacts between parts of different
territories from STRtree.query(parts, predicate="intersects") with the length of the intersection of their
boundaries (shapely.boundary, shapely.intersection on arrays; geodesic length over 0.01 m); land masses by
union-find over the contacts; a territory's main body is its largest part, another part is an exclave when it is
in the main body's land mass, else a detached part; a part is an enclave when it touches one territory only and
along all of its outer ring; overlaps from STRtree.query(geoms, predicate="overlaps") with the geodesic area of the
intersection over 1 m².

Usage: peer_areas.py FILE ID_PROPERTY OUT.json
"""
import json
import sys
import time

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry import shape

t0 = time.perf_counter()
path, key, out = sys.argv[1], sys.argv[2], sys.argv[3]
with open(path, encoding="utf-8") as f:
    data = json.load(f)
ids = [str(f["properties"][key]) for f in data["features"]]
geoms = np.array([shape(f["geometry"]) for f in data["features"]])
del data
geod = Geod(ellps="WGS84")

parts, owner = shapely.get_parts(geoms, return_index=True)
part_area = np.array([abs(geod.geometry_area_perimeter(p)[0]) for p in parts])
area = np.zeros(len(geoms))
np.add.at(area, owner, part_area)

# Land contacts between parts of different territories.
tree = shapely.STRtree(parts)
a, b = tree.query(parts, predicate="intersects")
keep = (a < b) & (owner[a] != owner[b])
a, b = a[keep], b[keep]
boundaries = shapely.boundary(parts)
shared = shapely.intersection(boundaries[a], boundaries[b])
lineal = shapely.length(shared) > 0
a, b, shared = a[lineal], b[lineal], shared[lineal]
shared_m = np.array([geod.geometry_length(g) for g in shared])
contact = shared_m > 0.01
a, b, shared_m = a[contact], b[contact], shared_m[contact]

parent = list(range(len(parts)))


def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


for x, y in zip(a.tolist(), b.tolist()):
    rx, ry = find(x), find(y)
    if rx != ry:
        parent[ry] = rx

touching = {}
for x, y, m in zip(a.tolist(), b.tolist(), shared_m.tolist()):
    touching.setdefault(x, {}).setdefault(owner[y], 0.0)
    touching[x][owner[y]] += m
    touching.setdefault(y, {}).setdefault(owner[x], 0.0)
    touching[y][owner[x]] += m

main = {}
for p in range(len(parts)):
    t = owner[p]
    if t not in main or part_area[p] > part_area[main[t]]:
        main[t] = p

records = []
for p in range(len(parts)):
    t = owner[p]
    surrounded = None
    near = touching.get(p, {})
    if len(near) == 1:
        (j, m), = near.items()
        outer = geod.geometry_length(shapely.get_exterior_ring(parts[p]))
        if m >= outer * (1 - 1e-9) - 0.01:
            surrounded = ids[j]
    apart = p != main[t]
    if not apart and surrounded is None:
        continue
    exclave = apart and find(p) == find(main[t])
    records.append({"territory": ids[t], "exclave": bool(exclave), "detached": bool(apart and not exclave),
                    "enclave_of": surrounded, "area_m2": float(part_area[p])})

oa, ob = shapely.STRtree(geoms).query(geoms, predicate="overlaps")
keep = oa < ob
overlaps = []
for x, y, g in zip(oa[keep].tolist(), ob[keep].tolist(), shapely.intersection(geoms[oa[keep]], geoms[ob[keep]])):
    m2 = abs(geod.geometry_area_perimeter(g)[0])
    if m2 > 1:
        overlaps.append({"territories": sorted([ids[x], ids[y]]), "area_m2": m2})

result = {"by_territory": dict(zip(ids, area.tolist())), "records": records, "overlaps": overlaps,
          "seconds": round(time.perf_counter() - t0, 2)}
with open(out, "w") as f:
    json.dump(result, f)
