#!/usr/bin/env python3
"""W3's peer: geodesic area and perimeter of every polygon of a GeoJSON file with shapely 2 + pyproj, as a
competent user would write it (pyproj's Geod.geometry_area_perimeter; interior rings added to the perimeter with
Geod.line_length, because pyproj leaves them out and BorderKit, like PostGIS, counts every ring).

Usage: peer_measure.py FILE OUT.json   -> {"features": [{"area_m2", "perimeter_m"}...], "seconds"}
"""
import json
import sys
import time

t0 = time.perf_counter()
from pyproj import Geod  # noqa: E402  (imports count as the peer's work)
from shapely.geometry import shape  # noqa: E402

with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
geod = Geod(ellps="WGS84")
rows = []
for feature in data["features"]:
    g = feature["geometry"]
    if g is None or g["type"] not in ("Polygon", "MultiPolygon"):
        rows.append({"area_m2": None, "perimeter_m": None})
        continue
    geometry = shape(g)
    area, perimeter = geod.geometry_area_perimeter(geometry)
    polygons = list(geometry.geoms) if geometry.geom_type == "MultiPolygon" else [geometry]
    perimeter += sum(geod.line_length(*ring.xy) for p in polygons for ring in p.interiors)
    rows.append({"area_m2": abs(area), "perimeter_m": perimeter})
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump({"features": rows, "seconds": time.perf_counter() - t0}, f)
