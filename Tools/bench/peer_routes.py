#!/usr/bin/env python3
"""The route analysis a competent shapely 2 + pyproj user would write, for the same work as
`borderkit route --format json` (length, km per jurisdiction, ordered crossings, distance to the nearest land
border every 1 km, 5 km corridor with area per jurisdiction), timed from reading the files to the result.

Usage: peer_routes.py ROUTES.geojson TERRITORIES.geojson OUT.json
Method: land borders = the line-merged intersections of touching territories' boundaries; per route, one
azimuthal equidistant projection centred on the route (pyproj), distances and the buffer in it; lengths and
areas geodesic (pyproj Geod); crossings = the route's intersections with the borders, ordered along it; the
nearest border both sampled every 1 km and exact (shapely's distance from the projected line to the borders).
"""
import json
import sys
import time

import shapely
from pyproj import Geod, Transformer
from shapely.geometry import Point, mapping, shape
from shapely.ops import transform

t0 = time.perf_counter()
routes_path, territories_path, out_path = sys.argv[1:4]
geod = Geod(ellps="WGS84")
routes = json.load(open(routes_path, encoding="utf-8"))["features"]
territories = [(f["id"], shape(f["geometry"])) for f in json.load(open(territories_path, encoding="utf-8"))["features"]]
tree = shapely.STRtree([g for _, g in territories])
borders = []
for i, j in zip(*tree.query([g for _, g in territories])):
    if i < j:
        shared = territories[i][1].boundary.intersection(territories[j][1].boundary)
        lines = [g for g in shapely.get_parts(shared) if g.geom_type == "LineString"]
        if lines:
            borders.append(shapely.line_merge(shapely.multilinestrings(lines)))
border_union = shapely.union_all(borders)

results = []
for f in routes:
    line = shape(f["geometry"])
    length = geod.geometry_length(line)
    jurisdictions = []
    for i in tree.query(line):
        tid, g = territories[i]
        part = line.intersection(g)
        if not part.is_empty:
            jurisdictions.append({"id": tid, "length_m": geod.geometry_length(part)})
    crossings = shapely.get_parts(line.intersection(border_union))
    order = sorted(line.project(p) for p in crossings if p.geom_type == "Point")
    c = line.centroid
    to_m = Transformer.from_crs("EPSG:4326", f"+proj=aeqd +lat_0={c.y} +lon_0={c.x} +ellps=WGS84", always_xy=True)
    to_deg = Transformer.from_crs(f"+proj=aeqd +lat_0={c.y} +lon_0={c.x} +ellps=WGS84", "EPSG:4326", always_xy=True)
    line_m = transform(to_m.transform, line)
    borders_m = transform(to_m.transform, border_union)
    samples = [line_m.interpolate(d) for d in range(0, int(line_m.length) + 1, 1000)]
    distances = [borders_m.distance(p) for p in samples]
    corridor = transform(to_deg.transform, line_m.buffer(2500, quad_segs=16))
    by = []
    for i in tree.query(corridor):
        tid, g = territories[i]
        a = abs(geod.geometry_area_perimeter(corridor.intersection(g))[0])
        if a > 0:
            by.append({"id": tid, "area_m2": a})
    results.append({"id": f["id"], "length_m": length, "jurisdictions": jurisdictions, "crossings": len(order),
                    "min_m": min(distances) if distances else None,
                    "exact_min_m": line_m.distance(borders_m),
                    "near_m": 1000.0 * sum(1 for d in distances if d < 5000),
                    "corridor_area_m2": abs(geod.geometry_area_perimeter(corridor)[0]), "corridor": by})
with open(out_path, "w", encoding="utf-8") as fh:
    json.dump({"routes": results, "seconds": time.perf_counter() - t0}, fh)
print(f"peer: {len(results)} routes in {time.perf_counter() - t0:.2f} s")
