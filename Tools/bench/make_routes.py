#!/usr/bin/env python3
"""Writes N synthetic routes of about 300 km with a vertex every ~1 km across the embedded territories
(deterministic: seeded), as RFC 7946 GeoJSON with 7 decimals. Needs pyproj.

Usage: make_routes.py OUT.geojson [N=200] [SEED=7]
"""
import json
import random
import sys

from pyproj import Geod

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
geod = Geod(ellps="WGS84")
features = []
for k in range(n):
    lon, lat = rng.uniform(41.5, 48.5), rng.uniform(38.0, 42.0)
    azimuth = rng.uniform(0, 360)
    coords = [[round(lon, 7), round(lat, 7)]]
    for _ in range(300):
        azimuth += rng.gauss(0, 8)
        lon, lat, _back = geod.fwd(lon, lat, azimuth, 1000.0)
        coords.append([round(lon, 7), round(lat, 7)])
    features.append({"type": "Feature", "id": f"r{k:03d}", "properties": {"name": f"synthetic route {k}"},
                     "geometry": {"type": "LineString", "coordinates": coords}})
with open(out, "w", encoding="utf-8") as f:
    json.dump({"type": "FeatureCollection", "features": features}, f)
