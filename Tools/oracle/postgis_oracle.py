#!/usr/bin/env python3
"""PostGIS as a second oracle for BorderKit (issue 16): seeded generated cases and the Natural Earth world.

Starts a PostgreSQL 15 cluster of its own in a temporary folder (as the `postgres` user when run as root, since
PostgreSQL refuses root), creates the PostGIS extension, loads every case, and compares `borderkit` with PostGIS:

- measure: geodesic area, perimeter and length of generated polygons (with holes, multi-parts, rings that jump
  across ±180°, polygons split at ±180°) and lines (some across ±180°, some multi-part) against ST_Area,
  ST_Perimeter and ST_Length on geography (PostGIS measures on the spheroid with GeographicLib's algorithms,
  the same edges as BorderKit: agreement within 1e-9 relative). A polygon split at ±180° is one body for
  BorderKit: its perimeter is compared with PostGIS's perimeter of the parts joined (ST_UnaryUnion of ST_ShiftLongitude).
- borders: jittered-grid coverages (cells share vertices exactly; some across ±180°, some with a cell missing)
  against ST_Intersection(ST_Boundary(a), ST_Boundary(b)) measured as geography, per pair, within 1e-9 relative;
  and the Natural Earth 10m world the same way (the pairs and their lengths).
- route: a route through a coverage (some across ±180°, some leaving the coverage, some MultiLineStrings; a
  vertex every 0.005° or less) with `--snap 0`, length per territory against
  ST_Length(ST_Intersection(route, cell)::geography). BorderKit places a cut by the geodesic distance along the
  route, PostGIS measures the planar pieces' geodesics, so the two differ by the second-order offset of a cut
  point from the geodesic: stated tolerance 1e-7 relative + 1 cm.

Prints one line per kind with the largest differences, then "postgis-oracle: N passed, M failed"; exits 1 on
any failure. Usage: postgis_oracle.py BORDERKIT [WORLD.geojson] [--cases-per-kind N] [--seed S]
"""
import argparse
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile

PG_BIN = "/usr/lib/postgresql/15/bin"


# ---------------------------------------------------------------- the cluster

class Cluster:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="borderkit-pg-")
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.dir, "postgres")
        self.data = os.path.join(self.dir, "data")

    def _run(self, args, **kw):
        if self.as_root:
            args = ["runuser", "-u", "postgres", "--"] + args
        return subprocess.run(args, check=True, capture_output=True, text=True, **kw)

    def start(self):
        self._run([f"{PG_BIN}/initdb", "-D", self.data, "-A", "trust", "-U", "postgres"])
        self._run([f"{PG_BIN}/pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "log"), "-w", "start",
                   "-o", f"-k {self.dir} -c listen_addresses= -c fsync=off -c synchronous_commit=off"])
        self.sql("CREATE EXTENSION postgis;")

    def stop(self):
        try:
            self._run([f"{PG_BIN}/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"])
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def sql(self, text):
        """Runs SQL through psql on the cluster's socket; returns the rows of the last statement as lists."""
        r = subprocess.run(["psql", "-h", self.dir, "-U", "postgres", "-X", "-q", "-A", "-t", "-F", "\t",
                            "-v", "ON_ERROR_STOP=1", "-f", "-"], input=text, capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"psql failed: {r.stderr[-2000:]}")
        return [line.split("\t") for line in r.stdout.splitlines() if line]


def literal(geometry):
    return "ST_SetSRID(ST_GeomFromGeoJSON('" + json.dumps(geometry, separators=(",", ":")) + "'), 4326)"


# ---------------------------------------------------------------- generators (seeded)

def wrap(lon):
    """Longitude into [-180, 180): what a file split at nothing holds for a ring that crosses."""
    return (lon + 180) % 360 - 180


def star(rng, cx, cy, r, n, clockwise=False):
    angles = sorted(rng.uniform(0, 2 * math.pi) for _ in range(n))
    ring = [[cx + r * rng.uniform(0.5, 1) * math.cos(a) / max(math.cos(math.radians(cy)), 0.2),
             cy + r * rng.uniform(0.5, 1) * math.sin(a)] for a in angles]
    if clockwise:
        ring.reverse()
    return ring + [ring[0]]


def wrapped(ring):
    return [[wrap(x), y] for x, y in ring]


def in_range(geometry):
    """Longitudes past ±180° brought back (a ring or line that then jumps crosses the antimeridian)."""
    def fix(c):
        return [wrap(c[0]) if abs(c[0]) > 180 else c[0], c[1]] if isinstance(c[0], (int, float)) else [fix(x) for x in c]
    return {"type": geometry["type"], "coordinates": fix(geometry["coordinates"])}


def measure_case(rng, k):
    kind, geometry = measure_geometry(rng, k)
    return kind, in_range(geometry)


def measure_geometry(rng, k):
    kind = ["polygon", "hole", "multi", "across", "split", "line", "line-across", "multiline"][k % 8]
    cy = rng.uniform(-65, 65)
    if kind == "polygon":
        return kind, {"type": "Polygon", "coordinates": [star(rng, rng.uniform(-170, 170), cy, rng.uniform(0.05, 5), rng.randint(4, 24), rng.random() < 0.5)]}
    if kind == "hole":
        cx, r = rng.uniform(-170, 170), rng.uniform(0.5, 5)
        return kind, {"type": "Polygon", "coordinates": [star(rng, cx, cy, r, rng.randint(6, 20)), star(rng, cx, cy, r * 0.3, rng.randint(4, 10), True)]}
    if kind == "multi":
        cx = rng.uniform(-150, 150)
        return kind, {"type": "MultiPolygon", "coordinates": [[star(rng, cx + 12 * i, cy, rng.uniform(0.1, 4), rng.randint(4, 12))] for i in range(rng.randint(2, 3))]}
    if kind == "across":
        return kind, {"type": "Polygon", "coordinates": [wrapped(star(rng, 180 + rng.uniform(-2, 2), cy, rng.uniform(3, 6), rng.randint(5, 16)))]}
    if kind == "split":
        # A quadrilateral across 180°, cut there into two parts with their vertices on the cut, RFC 7946 style.
        w, e, s, n = 180 - rng.uniform(0.5, 8), 180 + rng.uniform(0.5, 8), cy - rng.uniform(0.5, 5), cy
        east = [[w, s], [180, s], [180, n], [w, n], [w, s]]
        west = [[-180, s], [wrap(e), s], [wrap(e), n], [-180, n], [-180, s]]
        return kind, {"type": "MultiPolygon", "coordinates": [[east], [west]]}
    x, y = rng.uniform(-170, 170), cy
    def walk(x, y, steps):
        out = [[x, y]]
        for _ in range(steps):
            x, y = x + rng.uniform(-3, 3), max(-80, min(80, y + rng.uniform(-2, 2)))
            out.append([x, y])
        return out
    if kind == "line":
        return kind, {"type": "LineString", "coordinates": walk(x, y, rng.randint(1, 15))}
    if kind == "line-across":
        return kind, {"type": "LineString", "coordinates": [[wrap(px), py] for px, py in walk(180 + rng.uniform(-2, 2), y, rng.randint(2, 10))]}
    return kind, {"type": "MultiLineString", "coordinates": [walk(x + 10 * i, y, rng.randint(1, 6)) for i in range(rng.randint(2, 3))]}


def coverage(rng, across):
    """A jittered grid of cells sharing their vertices exactly (edges subdivided once or twice, the same points
    for both cells of an edge); across ±180° when asked; sometimes with one cell left out."""
    nx, ny = rng.randint(2, 4), rng.randint(2, 4)
    size = rng.uniform(0.2, 2.5)
    lon0 = 180 - nx * size * rng.uniform(0.3, 0.7) if across else rng.uniform(-175, 170 - nx * size)
    lat0 = rng.uniform(-60, 55 - ny * size)
    corner = {}
    for i in range(nx + 1):
        for j in range(ny + 1):
            interior = 0 < i < nx and 0 < j < ny
            jx, jy = (rng.uniform(-0.3, 0.3) * size, rng.uniform(-0.3, 0.3) * size) if interior else (0, 0)
            corner[i, j] = (lon0 + i * size + jx, lat0 + j * size + jy)
    edge = {}
    def points(a, b):
        key = (a, b) if a < b else (b, a)
        if key not in edge:
            p, q = corner[key[0]], corner[key[1]]
            # Edges inside the grid bend a little (both cells get the same points); outer edges stay straight.
            inner = (key[0][0] == key[1][0] and 0 < key[0][0] < nx) or (key[0][1] == key[1][1] and 0 < key[0][1] < ny)
            bend = 0.02 * size if inner else 0.0
            ts = sorted(rng.uniform(0.2, 0.8) for _ in range(rng.randint(0, 2)))
            edge[key] = [(p[0] + (q[0] - p[0]) * t + rng.uniform(-bend, bend), p[1] + (q[1] - p[1]) * t + rng.uniform(-bend, bend)) for t in ts]
        pts = edge[key]
        return pts if key == (a, b) else list(reversed(pts))
    cells = []
    skip = (rng.randrange(nx), rng.randrange(ny)) if rng.random() < 0.3 else None
    for i in range(nx):
        for j in range(ny):
            if (i, j) == skip:
                continue
            loop = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
            ring = []
            for a, b in zip(loop, loop[1:] + loop[:1]):
                ring.append(list(corner[a]))
                ring += [list(p) for p in points(a, b)]
            ring.append(ring[0])
            cells.append((f"c{i}_{j}", [[wrap(x) if x > 180 else x, y] for x, y in ring]))
    box = (lon0, lat0, lon0 + nx * size, lat0 + ny * size)
    return cells, box


def route_in(rng, box, across):
    """A route through (and sometimes out of) a coverage, with a vertex every 0.005° or less, so that BorderKit
    (which cuts a route where its geodesics meet a boundary, densified to 1 km) and PostGIS (which intersects the
    straight segments) work on the same edges."""
    w, s, e, n = box
    def point():
        return [rng.uniform(w - 0.3 * (e - w), e + 0.3 * (e - w)), rng.uniform(s - 0.2 * (n - s), n + 0.2 * (n - s))]
    def fix(line):
        dense = [line[0]]
        for (x0, y0), (x1, y1) in zip(line, line[1:]):
            steps = max(1, int(math.ceil(max(abs(x1 - x0), abs(y1 - y0)) / 0.005)))
            dense += [[x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps] for k in range(1, steps + 1)]
        return [[wrap(x) if x > 180 else x, y] for x, y in dense]
    if rng.random() < 0.25:
        return {"type": "MultiLineString", "coordinates": [fix([point() for _ in range(rng.randint(2, 4))]) for _ in range(2)]}
    return {"type": "LineString", "coordinates": fix([point() for _ in range(rng.randint(2, 8))])}


# ---------------------------------------------------------------- running both sides

def borderkit_json(borderkit, args):
    r = subprocess.run([borderkit] + args + ["-f", "json"], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"borderkit {' '.join(args)} failed: {r.stderr.strip()}")
    return json.loads(r.stdout)


def write(folder, name, features):
    path = os.path.join(folder, name)
    with open(path, "w") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f)
    return path


def rel(a, b):
    return abs(a - b) / max(abs(b), 1e-300)


class Tally:
    def __init__(self):
        self.passed = self.failed = 0
        self.worst = {}

    def check(self, kind, ok, what, diff=None, key=None):
        if diff is not None and key is not None:
            self.worst[key] = max(self.worst.get(key, 0.0), diff)
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"  FAIL {kind}: {what}", file=sys.stderr)


def run_measure(cluster, borderkit, folder, rng, n, tally):
    cases = [measure_case(rng, k) for k in range(n)]
    features = [{"type": "Feature", "id": k, "properties": {"kind": kind}, "geometry": g} for k, (kind, g) in enumerate(cases)]
    path = write(folder, "measure.geojson", features)
    ours = borderkit_json(borderkit, ["measure", path])["features"]
    values = ",\n".join(f"({k}, {str(kind == 'split').lower()}, {literal(g)})" for k, (kind, g) in enumerate(cases))
    rows = cluster.sql(f"""
        SET client_min_messages = warning;
        CREATE TABLE m(k int, split bool, g geometry);
        INSERT INTO m VALUES {values};
        SELECT k, ST_Area(g::geography), ST_Perimeter(g::geography), ST_Length(g::geography),
               CASE WHEN split THEN ST_Perimeter(ST_UnaryUnion(ST_ShiftLongitude(g))::geography) ELSE 0 END
        FROM m ORDER BY k;""")
    for (k, area, perimeter, length, joined), row, (kind, g) in zip(rows, ours, cases):
        area, perimeter, length, joined = float(area), float(perimeter), float(length), float(joined)
        if g["type"] in ("Polygon", "MultiPolygon"):
            expected_perimeter = joined if kind == "split" else perimeter
            d1, d2 = rel(row["area_m2"], area), rel(row["perimeter_m"], expected_perimeter)
            tally.check("measure", d1 <= 1e-9 and d2 <= 1e-9, f"case {k} ({kind}): area {row['area_m2']} vs {area}, perimeter {row['perimeter_m']} vs {expected_perimeter}",
                        max(d1, d2), "measure area/perimeter")
        else:
            d = rel(row["length_m"], length)
            tally.check("measure", d <= 1e-9, f"case {k} ({kind}): length {row['length_m']} vs {length}", d, "measure length")


def store_cells(cluster, folder, table, c, across, cells):
    """Writes one coverage as a GeoJSON file for borderkit and inserts it into `table` for PostGIS; the path."""
    path = write(folder, f"{table}-{c}.geojson", [{"type": "Feature", "id": i, "properties": {}, "geometry": {"type": "Polygon", "coordinates": [r]}} for i, r in cells])
    cluster.sql(f"INSERT INTO {table} VALUES " + ",\n".join(
        f"({c}, '{i}', {str(across).lower()}, {literal({'type': 'Polygon', 'coordinates': [r]})})" for i, r in cells) + ";")
    return path


def run_borders(cluster, borderkit, folder, rng, n, tally):
    cluster.sql("CREATE TABLE cells(c int, id text, across bool, g geometry);")
    ours = {}
    for c in range(n):
        across = c % 4 == 0
        cells, _ = coverage(rng, across)
        path = store_cells(cluster, folder, "cells", c, across, cells)
        out = borderkit_json(borderkit, ["borders", "--territories", path])
        ours[c] = {tuple(p["territories"]): p["length_m"] for p in out["pairs"]}
    rows = cluster.sql("""
        SET client_min_messages = warning;
        WITH f AS (SELECT c, id, CASE WHEN across THEN ST_ShiftLongitude(g) ELSE g END AS g FROM cells)
        SELECT a.c, a.id, b.id, ST_Length(ST_CollectionExtract(ST_Intersection(ST_Boundary(a.g), ST_Boundary(b.g)), 2)::geography)
        FROM f a JOIN f b ON a.c = b.c AND a.id < b.id AND ST_Intersects(a.g, b.g);""")
    theirs = {}
    for c, a, b, length in rows:
        if float(length) > 0.01:
            theirs.setdefault(int(c), {})[(a, b)] = float(length)
    for c in range(n):
        mine, expected = ours.get(c, {}), theirs.get(c, {})
        tally.check("borders", set(mine) == set(expected), f"case {c}: pairs {sorted(mine)} vs {sorted(expected)}")
        for pair in set(mine) & set(expected):
            d = rel(mine[pair], expected[pair])
            tally.check("borders", d <= 1e-9, f"case {c} {pair}: {mine[pair]} vs {expected[pair]}", d, "borders pair length")


def run_routes(cluster, borderkit, folder, rng, n, tally):
    cluster.sql("CREATE TABLE rcells(c int, id text, across bool, g geometry); CREATE TABLE routes(c int, across bool, g geometry);")
    ours = {}
    for c in range(n):
        across = c % 4 == 0
        cells, box = coverage(rng, across)
        route = route_in(rng, box, across)
        tpath = store_cells(cluster, folder, "rcells", c, across, cells)
        rpath = write(folder, f"route-{c}.geojson", [{"type": "Feature", "id": "r", "properties": {"name": "r"}, "geometry": route}])
        out = borderkit_json(borderkit, ["route", "--territories", tpath, "--routes", rpath, "--snap", "0", "--corridor", "0", "--step", "1000", "--near", "0"])
        r = out["routes"][0]
        ours[c] = ({j["id"]: j["length_m"] for j in r["jurisdictions"]}, r["length_m"])
        cluster.sql(f"INSERT INTO routes VALUES ({c}, {str(across).lower()}, {literal(route)});")
    rows = cluster.sql("""
        SET client_min_messages = warning;
        WITH t AS (SELECT c, id, CASE WHEN across THEN ST_ShiftLongitude(g) ELSE g END AS g FROM rcells),
             r AS (SELECT c, CASE WHEN across THEN ST_ShiftLongitude(g) ELSE g END AS g, ST_Length(g::geography) AS total FROM routes)
        SELECT r.c, t.id, ST_Length(ST_CollectionExtract(ST_Intersection(r.g, t.g), 2)::geography), r.total
        FROM r JOIN t ON r.c = t.c AND ST_Intersects(r.g, t.g);""")
    invalid = cluster.sql("SELECT count(*) FROM rcells WHERE NOT ST_IsValid(CASE WHEN across THEN ST_ShiftLongitude(g) ELSE g END);")[0][0]
    tally.check("route", invalid == "0", f"{invalid} generated cells are invalid")
    theirs, totals = {}, {}
    for c, i, length, total in rows:
        totals[int(c)] = float(total)
        if float(length) > 0.01:
            theirs.setdefault(int(c), {})[i] = float(length)
    for c in range(n):
        mine, total = ours[c]
        expected = theirs.get(c, {})
        if c in totals:
            d = rel(total, totals[c])
            tally.check("route", d <= 1e-9, f"case {c}: length {total} vs {totals[c]}", d, "route length")
        keys = {k for k, v in mine.items() if v > 0.01} | set(expected)
        ok = True
        for k in keys:
            a, b = mine.get(k, 0.0), expected.get(k, 0.0)
            if abs(a - b) > 1e-7 * max(a, b) + 0.01:
                ok = False
            tally.worst["route per territory (m)"] = max(tally.worst.get("route per territory (m)", 0.0), abs(a - b))
        tally.check("route", ok, f"case {c}: per territory {mine} vs {expected}")


def run_world(cluster, borderkit, world, tally):
    with open(world) as f:
        data = json.load(f)
    values = ",\n".join(f"('{feat['properties']['ADM0_A3']}', {literal(feat['geometry'])})" for feat in data["features"] if feat.get("geometry"))
    rows = cluster.sql(f"""
        SET client_min_messages = warning;
        CREATE TABLE world(id text, g geometry);
        INSERT INTO world VALUES {values};
        CREATE INDEX ON world USING gist(g);
        SELECT a.id, b.id, ST_Length(ST_CollectionExtract(ST_Intersection(ST_Boundary(a.g), ST_Boundary(b.g)), 2)::geography)
        FROM world a JOIN world b ON a.id < b.id AND ST_Intersects(a.g, b.g);""")
    theirs = {(a, b): float(v) for a, b, v in rows if float(v) > 0.01}
    out = borderkit_json(borderkit, ["borders", "--territories", world, "--id-property", "ADM0_A3"])
    mine = {tuple(p["territories"]): p["length_m"] for p in out["pairs"]}
    tally.check("world", set(mine) == set(theirs), f"pairs differ: only ours {sorted(set(mine) - set(theirs))[:5]}, only PostGIS {sorted(set(theirs) - set(mine))[:5]}")
    for pair in set(mine) & set(theirs):
        d = rel(mine[pair], theirs[pair])
        tally.check("world", d <= 1e-9, f"{pair}: {mine[pair]} vs {theirs[pair]}", d, "world pair length")
    print(f"postgis-oracle: world: {len(mine)} pairs, {sum(mine.values()) / 1e3:,.3f} km (PostGIS {len(theirs)} pairs, {sum(theirs.values()) / 1e3:,.3f} km)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("borderkit")
    ap.add_argument("world", nargs="?")
    ap.add_argument("--cases-per-kind", type=int, default=0, help="measure cases; borders and route get a quarter each (default 400)")
    ap.add_argument("--seed", type=int, default=16)
    a = ap.parse_args()
    n = a.cases_per_kind or 400
    rng = random.Random(a.seed)
    cluster = Cluster()
    folder = tempfile.mkdtemp(prefix="borderkit-oracle-")
    tally = Tally()
    try:
        cluster.start()
        version = cluster.sql("SELECT postgis_lib_version() || ' (GEOS ' || postgis_geos_version() || ', PROJ ' || postgis_proj_version() || ')';")[0][0]
        print(f"postgis-oracle: PostGIS {version}, seed {a.seed}")
        run_measure(cluster, a.borderkit, folder, rng, n, tally)
        run_borders(cluster, a.borderkit, folder, rng, n // 4, tally)
        run_routes(cluster, a.borderkit, folder, rng, n // 4, tally)
        if a.world:
            run_world(cluster, a.borderkit, a.world, tally)
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)
    for key, value in sorted(tally.worst.items()):
        print(f"postgis-oracle: largest difference, {key}: {value:.3g}")
    print(f"postgis-oracle: {tally.passed} passed, {tally.failed} failed")
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
