#!/usr/bin/env python3
"""W3's peer: geodesic area and perimeter of every polygon of a GeoJSON file with shapely 2 + pyproj, as a
competent user would write it (pyproj's Geod.geometry_area_perimeter; interior rings added to the perimeter with
Geod.line_length, because pyproj leaves them out and BorderKit, like PostGIS, counts every ring). A feature split
at ±180° (RFC 7946 §3.1.9: parts on +180° and −180°, as Natural Earth splits Russia, Fiji and the USA) is one
body: its western parts moved east by 360° and the parts that meet on 180° joined (shapely union), so the cut is
not counted in the perimeter, as BorderKit measures it.

Usage: peer_measure.py FILE OUT.json   -> {"features": [{"area_m2", "perimeter_m"}...], "seconds"}
"""
import json
import sys
import time

t0 = time.perf_counter()
from pyproj import Geod  # noqa: E402  (imports count as the peer's work)
import numpy as np  # noqa: E402
import shapely  # noqa: E402
from shapely.geometry import shape  # noqa: E402


def joined(geometry):
    """Parts of a polygon split at ±180° joined into one body; other geometry (and a ring round a pole, which
    touches both +180° and −180° itself, as Natural Earth's Antarctica does) unchanged."""
    if geometry.geom_type != "MultiPolygon":
        return geometry
    rings = [np.asarray(p.exterior.coords)[:, 0] for p in geometry.geoms]
    if any((x == 180).any() and (x == -180).any() for x in rings):
        return geometry
    if not any((x == 180).any() for x in rings) or not any((x == -180).any() for x in rings):
        return geometry
    parts = [shapely.transform(p, lambda c: c + [360, 0]) if p.bounds[2] <= 0 else p for p in geometry.geoms]
    on_cut = [p for p in parts if (np.asarray(p.exterior.coords)[:, 0] == 180).any()]
    rest = [p for p in parts if not (np.asarray(p.exterior.coords)[:, 0] == 180).any()]
    return shapely.union_all([shapely.union_all(on_cut)] + rest)

with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
geod = Geod(ellps="WGS84")
rows = []
for feature in data["features"]:
    g = feature["geometry"]
    if g is None or g["type"] not in ("Polygon", "MultiPolygon"):
        rows.append({"area_m2": None, "perimeter_m": None})
        continue
    geometry = joined(shape(g))
    area, perimeter = geod.geometry_area_perimeter(geometry)
    polygons = list(geometry.geoms) if geometry.geom_type == "MultiPolygon" else [geometry]
    perimeter += sum(geod.line_length(*ring.xy) for p in polygons for ring in p.interiors)
    rows.append({"area_m2": abs(area), "perimeter_m": perimeter})
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump({"features": rows, "seconds": time.perf_counter() - t0}, f)
