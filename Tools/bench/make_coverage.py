#!/usr/bin/env python3
"""A seeded Voronoi coverage for W5: N cells of N uniform random points in a 20° × 10° box (lon 0–20, lat 0–10),
clipped to the box; neighbours share their vertices exactly (both cells are cut from one diagram).

Usage: make_coverage.py N OUT.geojson [SEED]   (shapely 2; seed 7 by default)
Each feature has an integer id and a property "code" ("C" + id), the id property BorderKit is given.
Written feature by feature, so that a million cells do not need the whole text in memory.
"""
import json
import sys

import numpy as np
import shapely


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    rng = np.random.default_rng(seed)
    points = rng.uniform([0, 0], [20, 10], (n, 2))
    box = shapely.box(0, 0, 20, 10)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(points), extend_to=box))
    cells = shapely.intersection(cells, box)
    with open(out, "w") as f:
        f.write('{"type":"FeatureCollection","name":"voronoi-%d-seed-%d","features":[\n' % (n, seed))
        for i, cell in enumerate(cells):
            feature = {"type": "Feature", "id": i, "properties": {"code": f"C{i}"},
                       "geometry": shapely.geometry.mapping(cell)}
            f.write(("," if i else "") + json.dumps(feature, separators=(",", ":")) + "\n")
        f.write("]}\n")


if __name__ == "__main__":
    main()
