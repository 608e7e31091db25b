#!/usr/bin/env python3
"""Writes the hostile-input corpus: small GeoJSON-ish files that break a reader in every way we know, each with
its expected outcome for `borderkit measure` ("ok", "invalid" = read but some geometry is invalid, or an error
reason that must appear). Output: Tests/BorderKitCLITests/Hostile/NNN-name.geojson and expected.json.
The 10^6-vertex ring is made by the test itself at run time (too large to commit).

Usage: make_corpus.py OUT_DIR
"""
import json
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
cases = []


def add(name, data, expect):
    path = f"{len(cases):03d}-{name}.geojson"
    with open(os.path.join(out, path), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    cases.append({"file": path, "measure": expect})


def fc(*features):
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def feat(geometry, props=None, **extra):
    f = {"type": "Feature", "properties": {} if props is None else props, "geometry": geometry}
    f.update(extra)
    return f


square = {"type": "Polygon", "coordinates": [[[44, 40], [45, 40], [45, 41], [44, 41], [44, 40]]]}
good = fc(feat(square, {"name": "square"}, id="a"), feat({"type": "LineString", "coordinates": [[44, 40], [45, 41]]}, id="b"))

# Truncated files.
for cut in [1, 2, 10, 25, 40, 60, 80, 100, 120, len(good) - 1]:
    add(f"truncated-{cut}", good[:cut], "error:invalid JSON")
# Nesting.
add("deep-arrays-100000", "[" * 100000 + "]" * 100000, "error:nesting deeper than 512")
add("deep-objects-100000", '{"a":' * 100000 + "1" + "}" * 100000, "error:nesting deeper than 512")
add("deep-properties-600", fc(feat(square, {})).replace('"properties": {}', '"properties": ' + '{"a":' * 600 + "1" + "}" * 600), "error:nesting deeper than 512")
add("deep-geometrycollection-300", json.dumps(
    {"type": "GeometryCollection", "geometries": []}).replace('"geometries": []', '"geometries": [' + '{"type": "GeometryCollection", "geometries": [' * 300 + "]}" * 300 + "]"), "error:nesting deeper than 512")
# Numbers.
for name, text, expect in [
    ("huge-coordinate", "1e308", "error:outside [-180, 180]"), ("overflow-coordinate", "1e309", "error:out of range for a double"),
    ("tiny-coordinate", "1e-400", "ok"), ("negative-zero", "-0", "ok"), ("long-mantissa", "44.12345678901234567890123456789", "ok"),
    ("exponent-huge", "4e99999999999", "error:out of range for a double"), ("leading-plus", "+44", "error:invalid JSON"),
    ("hex-number", "0x2C", "error:invalid JSON"), ("trailing-dot", "44.", "error:a digit must follow '.'"),
    ("nan-token", "NaN", "error:NaN and Infinity"), ("infinity-token", "-Infinity", "error:invalid JSON"),
]:
    add(name, '{"type":"Point","coordinates":[' + text + ',40]}', expect)
# Geometry validity (read fine; some invalid in the OGC sense).
bowtie = {"type": "Polygon", "coordinates": [[[44, 40], [45, 41], [45, 40], [44, 41], [44, 40]]]}
add("bowtie", fc(feat(bowtie, id="bow")), "invalid")
add("self-touching-ring", fc(feat({"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 4], [2, 0], [0, 4], [0, 0]]]})), "invalid")
add("zero-area-polygon", fc(feat({"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [2, 2], [0, 0]]]})), "invalid")
add("spike", fc(feat({"type": "Polygon", "coordinates": [[[0, 0], [2, 0], [2, 2], [2, 5], [2, 2], [0, 2], [0, 0]]]})), "invalid")
add("hole-outside-shell", fc(feat({"type": "Polygon", "coordinates": [square["coordinates"][0], [[50, 50], [51, 50], [51, 51], [50, 50]]]})), "invalid")
add("overlapping-multipolygon", fc(feat({"type": "MultiPolygon", "coordinates": [square["coordinates"], square["coordinates"]]})), "invalid")
add("duplicate-vertices", fc(feat({"type": "Polygon", "coordinates": [[[0, 0], [0, 0], [1, 0], [1, 0], [1, 1], [0, 0]]]})), "ok")
add("zero-length-line", fc(feat({"type": "LineString", "coordinates": [[1, 1], [1, 1]]})), "invalid")
# Empty things.
for name, geometry in [("empty-point", {"type": "Point", "coordinates": []}), ("empty-line", {"type": "LineString", "coordinates": []}),
                       ("empty-polygon", {"type": "Polygon", "coordinates": []}), ("empty-multipolygon", {"type": "MultiPolygon", "coordinates": []}),
                       ("empty-collection", {"type": "GeometryCollection", "geometries": []})]:
    add(name, fc(feat(geometry)), "ok")
add("no-features", fc(), "ok")
add("null-geometry", fc(feat(None)), "ok")
add("empty-file", "", "error:unexpected end of input")
add("whitespace-only", " \n\t \r\n", "error:unexpected end of input")
add("json-null", "null", "error:expected a GeoJSON object, found null")
add("json-array", "[]", "error:expected a GeoJSON object, found an array")
add("json-empty-object", "{}", "error:missing member \"type\"")
add("json-string", '"FeatureCollection"', "error:expected a GeoJSON object, found a string")
# Ids.
add("duplicate-ids", fc(feat(square, id="x"), feat(square, id="x")), "ok")
add("id-object", fc(feat(square, id={"a": 1})), "error:\"id\" must be a string or a number")
add("id-array", fc(feat(square, id=[1])), "error:\"id\" must be a string or a number")
add("id-bool", fc(feat(square, id=True)), "error:\"id\" must be a string or a number")
add("id-huge-integer", fc(feat(square, id=123456789012345678901234567890)), "ok")
# Encodings.
add("bom", b"\xef\xbb\xbf" + good.encode(), "ok")
add("utf16", good.encode("utf-16"), "error:invalid JSON")
add("latin1-name", b'{"type":"Feature","properties":{"name":"Bak\xfc"},"geometry":null}', "error:not valid UTF-8")
add("nul-byte", good[:20] + "\u0000" + good[20:], "error:invalid JSON")
add("control-char-in-string", '{"type":"Feature","properties":{"n":"a\u0001b"},"geometry":null}', "error:must be escaped")
add("lone-surrogate", '{"type":"Feature","properties":{"n":"\\ud800"},"geometry":null}', "error:unpaired surrogate")
add("bad-escape", '{"type":"Feature","properties":{"n":"\\q"},"geometry":null}', "error:invalid escape")
add("unicode-names", fc(feat(square, {"name": "Xankəndi / Ստեփանակերտ / خانکندی", "emoji": "🗺️"})), "ok")
add("escaped-unicode", '{"type":"Feature","properties":{"n":"\\u0058\\u0259\\ud83d\\uddfa"},"geometry":null}', "ok")
add("long-string-1mb", fc(feat(square, {"blob": "x" * 1_000_000})), "ok")
# Wrong types.
for name, text, expect in [
    ("type-number", '{"type":5}', "error:\"type\" must be a string"), ("type-lowercase", '{"type":"polygon","coordinates":[]}', "error:case-sensitive"),
    ("type-unknown", '{"type":"Circle","coordinates":[0,0]}', "error:unknown type"), ("coordinates-string", '{"type":"Point","coordinates":"44 40"}', "error:found a string"),
    ("coordinates-object", '{"type":"LineString","coordinates":{"a":1}}', "error:found an object"), ("coordinates-null", '{"type":"Point","coordinates":null}', "error:found null"),
    ("position-bools", '{"type":"Point","coordinates":[true,false]}', "error:a coordinate must be a number"),
    ("position-one", '{"type":"Point","coordinates":[44]}', "error:at least 2 numbers"),
    ("position-strings", '{"type":"Point","coordinates":["44","40"]}', "error:a coordinate must be a number"),
    ("ring-of-numbers", '{"type":"Polygon","coordinates":[1,2,3,4]}', "error:found a number"),
    ("polygon-too-deep", '{"type":"Polygon","coordinates":[[[[44,40]]]]}', "error:nested too deeply"),
    ("multipoint-of-lines", '{"type":"MultiPoint","coordinates":[[[44,40],[45,41]]]}', "error:nested too deeply"),
    ("geometries-not-array", '{"type":"GeometryCollection","geometries":{}}', "error:must be an array"),
    ("features-null", '{"type":"FeatureCollection","features":null}', "error:must be an array"),
    ("feature-number", '{"type":"FeatureCollection","features":[5]}', "error:expected a Feature object, found a number"),
    ("properties-array", '{"type":"Feature","properties":[],"geometry":null}', "error:must be an object or null"),
    ("properties-string", '{"type":"Feature","properties":"x","geometry":null}', "error:must be an object or null"),
    ("properties-missing", '{"type":"Feature","geometry":null}', "error:needs a \"properties\" member"),
    ("geometry-missing", '{"type":"Feature","properties":{}}', "error:needs a \"geometry\" member"),
    ("collection-in-feature", '{"type":"Feature","properties":{},"geometry":{"type":"FeatureCollection","features":[]}}', "error:expected a geometry, found a FeatureCollection"),
    ("feature-in-geometries", '{"type":"GeometryCollection","geometries":[{"type":"Feature","properties":{},"geometry":null}]}', "error:expected a geometry, found a Feature"),
    ("collection-in-collection", '{"type":"FeatureCollection","features":[{"type":"FeatureCollection","features":[]}]}', "error:expected a Feature, found a FeatureCollection"),
    ("bbox-short", '{"type":"Point","coordinates":[1,2],"bbox":[1]}', "error:2×n numbers"),
    ("duplicate-keys", '{"type":"Point","type":"LineString","coordinates":[[0,0],[1,1]]}', "ok"),
    ("trailing-garbage", '{"type":"Point","coordinates":[1,2]} x', "error:unexpected data after"),
    ("single-quotes", "{'type':'Point'}", "error:invalid JSON"),
    ("comment", '{"type":"Point", /* c */ "coordinates":[1,2]}', "error:invalid JSON"),
]:
    add(name, text, expect)
# Rings and lines.
add("unclosed-ring", '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}', "error:not closed")
add("ring-of-three", '{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}', "error:at least 4 positions")
add("ring-empty", '{"type":"Polygon","coordinates":[[]]}', "error:at least 4 positions")
add("line-of-one", '{"type":"LineString","coordinates":[[0,0]]}', "error:at least 2 positions")
add("multiline-empty-member", '{"type":"MultiLineString","coordinates":[[]]}', "error:at least 2 positions")
add("hole-unclosed", '{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[2,1],[2,2],[1,2]]]}', "error:not closed")
# Dimensions and the globe.
add("mixed-dimensions", fc(feat({"type": "Polygon", "coordinates": [[[44, 40, 100], [45, 40], [45, 41, 5.5], [44, 41], [44, 40, 100]]]})), "ok")
add("four-d-positions", fc(feat({"type": "LineString", "coordinates": [[44, 40, 1, 2], [45, 41, 3, 4]]})), "ok")
add("antimeridian-box", fc(feat({"type": "Polygon", "coordinates": [[[179, -17], [-179, -17], [-179, -16], [179, -16], [179, -17]]]})), "ok")
add("polar-cap", fc(feat({"type": "Polygon", "coordinates": [[[-180, 80], [-90, 80], [0, 80], [90, 80], [180, 80], [180, 90], [-180, 90], [-180, 80]]]})), "ok")
add("around-pole-ring", fc(feat({"type": "Polygon", "coordinates": [[[0, 89], [90, 89], [180, 89], [-90, 89], [0, 89]]]})), "invalid")
add("whole-world", fc(feat({"type": "Polygon", "coordinates": [[[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]]]})), "ok")
add("latitude-91", '{"type":"Point","coordinates":[0,91]}', "error:latitude 91 is outside [-90, 90]")
add("longitude-540", '{"type":"Point","coordinates":[540,0]}', "error:longitude 540 is outside [-180, 180]")
add("utm-with-crs", '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32638"}},"features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[500000,4400000]}}]}', "ok")
add("tiny-polygon", fc(feat({"type": "Polygon", "coordinates": [[[0, 0], [1e-9, 0], [1e-9, 1e-9], [0, 0]]]})), "ok")
add("many-features", fc(*[feat({"type": "Point", "coordinates": [i % 360 - 180, (i % 180) - 90]}, id=i) for i in range(5000)]), "ok")
add("many-small-rings", fc(feat({"type": "MultiPolygon", "coordinates": [[[[i * 0.01, 0], [i * 0.01 + 0.005, 0], [i * 0.01, 0.005], [i * 0.01, 0]]] for i in range(2000)]})), "ok")
# Found by fuzzing (Tools/fuzz/run.sh, fuzz-measure): a hole outside its shell and larger than it gave a
# negative area; areas are never negative now, and the polygon is reported invalid.
add("fuzz-hole-larger-than-shell", fc(feat({"type": "Polygon", "coordinates": [[[44, 40], [45, 40], [45, 41], [44, 41], [44, 40]], [[50, 50], [51, 50], [25, 51], [50, 50]]]})), "invalid")

with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
    json.dump(cases, f, indent=1, ensure_ascii=False)
print(f"{len(cases)} files")
