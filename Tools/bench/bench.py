#!/usr/bin/env python3
"""BorderKit against the peers a competent user would reach for, on the same data and machine, in one run.

  W1 world borders  borderkit borders          vs shapely 2 + pyproj (Tools/crosscheck/world_borders.py)
  W2 routes         borderkit route (200)      vs shapely 2 + pyproj (Tools/bench/peer_routes.py); with
                    --accuracy none (the peer's work), and again with BorderKit's default intervals
  W3 areas          borderkit measure          vs shapely 2 + pyproj (Tools/bench/peer_measure.py)
  W4 I/O            borderkit convert          vs ogr2ogr -f GeoJSON -lco RFC7946=YES (GDAL, Debian)
  W1, W3 PostGIS    the same answers as SQL on tables loaded with ogr2ogr (PostgreSQL 15 + PostGIS 3, a cluster of
                    the benchmark's own): load and query timed apart, the ratio on their sum
  W5 scale          borderkit borders and areas on seeded Voronoi coverages of 10^4, 10^5 and 10^6 cells
                    (Tools/bench/make_coverage.py) vs the shapely 2 + pyproj peers; time and peak memory per size,
                    and a plot of time against size on log axes

Each side runs as a whole process (reading the file to writing the result), alternating, RUNS times; the
medians of the wall times give the ratio peer / ours; peak memory is each process's maximum resident set
(GNU time's %M). Before timing, both answers are compared and a disagreement fails the run. The peers' own timers
(which leave out the interpreter's start and imports) are shown beside them.

Usage: bench.py BORDERKIT PYTHON [--runs N] [--smoke] [--results FILE] [--plot FILE.svg] [--sizes 10000,100000,1000000]
           [--large-runs K] [--only W1,W5]
  --smoke: tiny data (the embedded territories, 5 routes, a coverage of 2,000 cells), one run: keeps the scripts
           from rotting; no timing claims.
  --large-runs: runs at the largest W5 size (default 1: the peers take minutes there; said in the table).
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tools/oracle"))
CACHE = Path(tempfile.gettempdir()) / "borderkit-bench-cache"
WORLD = ROOT.parent / "shared/data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson"
EMBEDDED = ROOT / "GeoData/territories.geojson"


def timed(cmd):
    """Runs cmd under /usr/bin/time; returns (wall seconds, peak RSS in MiB, stdout bytes). A failure raises.

    Peak memory comes from GNU time's %M, not from this process's wait4: a child forked from Python starts with
    Python's own pages, which would count as the child's."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(map(str, cmd))} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-400:]}")
    rss_kb = int(proc.stderr.decode().strip().splitlines()[-1])
    return wall, rss_kb / 1024, proc.stdout


def timed_steps(steps):
    """Runs each command of `steps` (label, cmd) in turn; returns (total wall, max peak MiB, last stdout, {label: wall})."""
    total, peak, out, parts = 0.0, 0.0, b"", {}
    for label, cmd in steps:
        wall, rss, out = timed(cmd)
        total += wall
        peak = max(peak, rss)
        parts[label] = wall
    return total, peak, out, parts


def backend_peak(out):
    """The PostgreSQL backend's peak resident memory (VmHWM, MiB) that the query script printed last; and the rest."""
    lines = out.decode().splitlines()
    hwm = [l for l in lines if l.startswith("VmHWM")]
    rest = [l for l in lines if not l.startswith("VmHWM")]
    return (int(hwm[-1].split()[1]) / 1024 if hwm else 0.0), rest


def fail(workload, message):
    raise SystemExit(f"bench: {workload}: the answers disagree: {message}")


def check_w1(ours_path, peer_out, _):
    ours = json.load(open(ours_path))
    peer = json.loads(peer_out)
    segments = sum(p["segments"] for p in ours["pairs"])
    km_ours, km_peer = ours["totals"]["length_m"] / 1e3, peer["length_m"] / 1e3
    if len(ours["pairs"]) != peer["pairs"] or segments != peer["segments"] or len(ours["tripoints"]) != peer["tripoints"]:
        fail("W1", f"pairs {len(ours['pairs'])}/{peer['pairs']}, segments {segments}/{peer['segments']}, tripoints {len(ours['tripoints'])}/{peer['tripoints']}")
    if abs(km_ours - km_peer) > 1e-3 * km_peer:
        fail("W1", f"total {km_ours:.3f} km vs {km_peer:.3f} km")
    return (f"{peer['pairs']} pairs, {segments} segments, {len(ours['tripoints'])} tripoints, {km_ours:,.3f} km "
            f"(peer {km_peer:,.3f} km)"), peer.get("seconds")


def paired(workload, ours_path, peer_path, key, what):
    """Both sides' lists under `key`, checked to be the same length, and the peer's whole document."""
    ours, peer_doc = json.load(open(ours_path))[key], json.load(open(peer_path))
    if len(ours) != len(peer_doc[key]):
        fail(workload, f"{len(ours)} {what} vs {len(peer_doc[key])}")
    return ours, peer_doc[key], peer_doc


def check_w2(ours_path, _, peer_path):
    ours, peer, peer_doc = paired("W2", ours_path, peer_path, "routes", "routes")
    worst_len = max(abs(o["length_m"] - p["length_m"]) / p["length_m"] for o, p in zip(ours, peer))
    # Per-jurisdiction lengths differ by design: BorderKit merges pieces shorter than the 100 m snap, and gives
    # each stretch that runs along a border (within the snap) to the side that holds most of it, so a route
    # along a border is one stretch, not a flurry of crossings. The difference is bounded by half the length the
    # route runs along borders (the minority share of each such stretch) plus 200 m; `worst_jur` is the largest
    # difference, `worst_excess` how far any difference goes past its route's bound (0 when all are within).
    worst_jur = worst_excess = 0.0
    for o, p in zip(ours, peer):
        a = {j["id"]: j["length_m"] for j in o["jurisdictions"]}
        b = {j["id"]: j["length_m"] for j in p["jurisdictions"]}
        bound = sum(r["to_m"] - r["from_m"] for r in o["along_border"]) / 2 + 200
        for k in set(a) | set(b):
            d = abs(a.get(k, 0) - b.get(k, 0))
            worst_jur = max(worst_jur, d)
            worst_excess = max(worst_excess, d - bound)
    worst_corridor = max(abs(o["corridor"]["area_m2"] - p["corridor_area_m2"]) / p["corridor_area_m2"] for o, p in zip(ours, peer))
    # BorderKit's nearest border is exact (GEOS nearest points, re-measured geodesically); so is the peer's
    # shapely distance in one projection per route, good to a few metres at 150 km from its centre.
    worst_min = max([abs(o["nearest_border"]["min_m"] - p["exact_min_m"]) for o, p in zip(ours, peer) if o["nearest_border"] and p["exact_min_m"] is not None] or [0])
    if worst_len > 1e-9 or worst_excess > 0 or worst_corridor > 1e-4 or worst_min > 10:
        fail("W2", f"length {worst_len:.1e}, per-jurisdiction {worst_jur:.0f} m, corridor {worst_corridor:.1e}, nearest border {worst_min:.1f} m")
    return (f"{len(ours)} routes; lengths within {worst_len:.0e} rel.; per jurisdiction within {worst_jur:.0f} m "
            f"(each within half its route's along-border length + 200 m); corridor areas within {worst_corridor:.0e} rel.; "
            f"nearest border within {worst_min:.1f} m"), peer_doc.get("seconds")


def check_w3(ours_path, _, peer_path):
    ours, peer, peer_doc = paired("W3", ours_path, peer_path, "features", "features")
    worst_a = worst_p = 0.0
    for o, p in zip(ours, peer):
        if not p["area_m2"]:
            continue
        worst_a = max(worst_a, abs(o["area_m2"] - p["area_m2"]) / p["area_m2"])
        worst_p = max(worst_p, abs(o["perimeter_m"] - p["perimeter_m"]) / p["perimeter_m"])
    if worst_a > 1e-6 or worst_p > 1e-6:
        fail("W3", f"area {worst_a:.1e}, perimeter {worst_p:.1e} relative")
    return f"{len(ours)} features; areas within {worst_a:.0e}, perimeters within {worst_p:.0e} relative", peer_doc.get("seconds")


def check_w4(ours_path, _, peer_path):
    ours, peer, _ = paired("W4", ours_path, peer_path, "features", "features")
    worst, differing = 0.0, 0

    def flat(c):
        if isinstance(c[0], (int, float)):
            yield c
        else:
            for x in c:
                yield from flat(x)

    collapsed = 0
    for o, p in zip(ours, peer):
        a, b = o["geometry"], p["geometry"]
        if a["type"] != b["type"]:
            # ogr2ogr writes a one-part MultiPolygon as a Polygon: the same positions, another type name.
            if {a["type"], b["type"]} == {"MultiPolygon", "Polygon"} and len((a if a["type"] == "MultiPolygon" else b)["coordinates"]) == 1:
                collapsed += 1
            else:
                differing += 1
                continue
        pa, pb = list(flat(a["coordinates"])), list(flat(b["coordinates"]))
        if len(pa) != len(pb):
            differing += 1
            continue
        worst = max([worst] + [max(abs(x[0] - y[0]), abs(x[1] - y[1])) for x, y in zip(pa, pb)])
    if differing or worst > 1.5e-7:
        fail("W4", f"{differing} geometries differ in type or size; largest coordinate difference {worst:.1e}°")
    note = f" ({collapsed} one-part MultiPolygons written by ogr2ogr as Polygons)" if collapsed else ""
    return f"{len(ours)} features; same rings, windings and positions, coordinates within {worst:.0e}°{note}", None


def check_w1_sql(ours_path, peer_out, _):
    _, rows = backend_peak(peer_out)
    pairs, segments, length, tripoints = rows[-1].split("\t")
    as_json = json.dumps({"pairs": int(pairs), "segments": int(segments), "length_m": float(length), "tripoints": int(tripoints)})
    return check_w1(ours_path, as_json.encode(), None)[0], None


def check_w3_sql(ours_path, peer_out, peer_path):
    _, rows = backend_peak(peer_out)
    features = [{"area_m2": float(a) if a else None, "perimeter_m": float(p) if p else None}
                for a, p in (r.split("\t") for r in rows)]
    Path(peer_path).write_text(json.dumps({"features": features}))
    return check_w3(ours_path, None, peer_path)[0], None


def check_w5_areas(ours_path, _, peer_path):
    ours, peer = json.load(open(ours_path)), json.load(open(peer_path))
    a, b = ours["totals"]["by_territory"], peer["by_territory"]
    if set(a) != set(b):
        fail("W5 areas", f"{len(a)} territories vs {len(b)}")
    worst = max([abs(a[k] - b[k]) / b[k] for k in a if b[k]] or [0])
    counts = (len(ours["enclaves"]), len(ours["exclaves"]), len(ours["detached_parts"]), len(ours["overlaps"]))
    records = peer["records"]
    peer_counts = (sum(1 for r in records if r["enclave_of"]), sum(1 for r in records if r["exclave"]),
                   sum(1 for r in records if r["detached"]), len(peer["overlaps"]))
    if worst > 1e-9 or counts != peer_counts:
        fail("W5 areas", f"areas within {worst:.1e}; enclaves, exclaves, detached parts, overlaps {counts} vs {peer_counts}")
    return (f"{len(a):,} territories, areas within {worst:.0e} relative; {counts[0]} enclaves, {counts[1]} exclaves, "
            f"{counts[2]} detached parts, {counts[3]} overlaps (both)"), peer.get("seconds")


W1_SQL = """
SELECT pg_backend_pid() AS pid \\gset
WITH p AS (
  SELECT a.{id} AS ida, b.{id} AS idb, ST_Intersection(ST_Boundary(a.g), ST_Boundary(b.g)) AS m
  FROM t a JOIN t b ON a.{id} < b.{id} AND ST_Intersects(a.g, b.g)),
s AS (SELECT ida, idb, (ST_Dump(ST_LineMerge(ST_CollectionExtract(m, 2)))).geom AS l FROM p),
s2 AS (SELECT * FROM s WHERE ST_Length(l) > 0),
n AS (SELECT ida, idb, ST_AsBinary(ST_StartPoint(l)) AS k FROM s2
      UNION ALL SELECT ida, idb, ST_AsBinary(ST_EndPoint(l)) FROM s2
      UNION ALL SELECT ida, idb, ST_AsBinary((ST_Dump(ST_CollectionExtract(m, 1))).geom) FROM p),
tri AS (SELECT k FROM (SELECT k, ida AS id FROM n UNION SELECT k, idb FROM n) x GROUP BY k HAVING count(*) >= 3)
SELECT (SELECT count(*) FROM (SELECT DISTINCT ida, idb FROM s2) d), (SELECT count(*) FROM s2),
       (SELECT sum(ST_Length(l::geography)) FROM s2), (SELECT count(*) FROM tri);
\\! grep VmHWM /proc/:pid/status
"""

W3_SQL = """
SELECT pg_backend_pid() AS pid \\gset
SELECT ST_Area(g::geography),
       CASE WHEN ST_XMin(g) = -180 AND ST_XMax(g) = 180
                 AND NOT EXISTS (SELECT 1 FROM ST_Dump(g) d WHERE ST_XMin(d.geom) = -180 AND ST_XMax(d.geom) = 180)
            THEN ST_Perimeter(ST_UnaryUnion(ST_ShiftLongitude(g))::geography)
            ELSE ST_Perimeter(g::geography) END
FROM t ORDER BY ogc_fid;
\\! grep VmHWM /proc/:pid/status
"""


def postgis_steps(cluster, work, path, id_column, sql, name):
    """The PostGIS peer as a user runs it: ogr2ogr loads the file into a table (with a GiST index), psql runs the query."""
    script = work / f"{name}.sql"
    script.write_text(sql.format(id=id_column))
    dsn = f"PG:host={cluster.dir} user=postgres dbname=postgres"
    return [("load", ["ogr2ogr", "-f", "PostgreSQL", dsn, path, "-nln", "t", "-overwrite", "-lco", "GEOMETRY_NAME=g",
                      "-lco", "SPATIAL_INDEX=GIST", "-nlt", "PROMOTE_TO_MULTI", "-lco", "PRECISION=NO"]),
            ("query", ["psql", "-h", cluster.dir, "-U", "postgres", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                       "-f", script])]


def coverage(py, n, seed=7):
    """The seeded Voronoi coverage of n cells, made once and kept in the cache folder."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"voronoi-{n}-seed-{seed}.geojson"
    if not path.exists():
        print(f"bench: making a coverage of {n:,} cells", file=sys.stderr)
        tmp = path.with_suffix(".tmp")
        subprocess.run([py, ROOT / "Tools/bench/make_coverage.py", str(n), tmp, str(seed)], check=True)
        tmp.rename(path)
    return path


def plot(rows, path):
    """An SVG of W5's times against size, both axes logarithmic: BorderKit and the peers for borders and areas."""
    series = {}
    for r in rows:
        if r["key"].startswith("W5"):
            op = "borders" if "borders" in r["key"] else "areas"
            series.setdefault(f"BorderKit {op}", []).append((r["size"], r["ours"]))
            series.setdefault(f"shapely 2 {op}", []).append((r["size"], r["peer"]))
    if not series:
        return
    import math
    xs = [x for v in series.values() for x, _ in v]
    ys = [y for v in series.values() for _, y in v]
    x0, x1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)))
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    x1, y1 = max(x1, x0 + 1), max(y1, y0 + 1)
    W, H, L, B = 640, 420, 70, 50

    def px(x):
        return L + (math.log10(x) - x0) / (x1 - x0) * (W - L - 20)

    def py_(y):
        return H - B - (math.log10(y) - y0) / (y1 - y0) * (H - B - 20)

    colours = {"BorderKit borders": "#1b6ca8", "shapely 2 borders": "#1b6ca8", "BorderKit areas": "#c0392b", "shapely 2 areas": "#c0392b"}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{W / 2}" y="14" text-anchor="middle">W5: seconds against cells (log–log), whole processes, this machine</text>']
    for e in range(x0, x1 + 1):
        out.append(f'<line x1="{px(10**e):.1f}" y1="20" x2="{px(10**e):.1f}" y2="{H - B}" stroke="#ddd"/>')
        out.append(f'<text x="{px(10**e):.1f}" y="{H - B + 16}" text-anchor="middle">10{str(e).translate(str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻"))}</text>')
    for e in range(y0, y1 + 1):
        out.append(f'<line x1="{L}" y1="{py_(10**e):.1f}" x2="{W - 20}" y2="{py_(10**e):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{L - 6}" y="{py_(10**e) + 4:.1f}" text-anchor="end">{10**e:g} s</text>')
    out.append(f'<text x="{W / 2}" y="{H - 12}" text-anchor="middle">cells</text>')
    for k, (name, points) in enumerate(sorted(series.items())):
        points.sort()
        dash = "" if name.startswith("BorderKit") else ' stroke-dasharray="6 4"'
        d = " ".join(f"{'M' if i == 0 else 'L'}{px(x):.1f},{py_(y):.1f}" for i, (x, y) in enumerate(points))
        out.append(f'<path d="{d}" fill="none" stroke="{colours[name]}" stroke-width="2"{dash}/>')
        for x, y in points:
            out.append(f'<circle cx="{px(x):.1f}" cy="{py_(y):.1f}" r="3" fill="{colours[name]}"/>')
        out.append(f'<line x1="{L + 10}" y1="{34 + 16 * k}" x2="{L + 40}" y2="{34 + 16 * k}" stroke="{colours[name]}" stroke-width="2"{dash}/>')
        out.append(f'<text x="{L + 46}" y="{38 + 16 * k}">{name}</text>')
    out.append("</svg>")
    Path(path).write_text("\n".join(out) + "\n", encoding="utf-8")


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def versions(borderkit, python):
    def out(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
        except OSError:
            return "not found"
    peer = out([python, "-c", "import shapely, pyproj, sys; print(f'Python {sys.version.split()[0]}, shapely {shapely.__version__} (GEOS {shapely.geos_version_string}), pyproj {pyproj.__version__} (PROJ {pyproj.proj_version_str})')"])
    return f"borderkit {out([borderkit, '--version'])}; {peer}; {out(['ogr2ogr', '--version'])}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("borderkit")
    parser.add_argument("python")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--results")
    parser.add_argument("--plot")
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--large-runs", type=int, default=1)
    parser.add_argument("--only", help="comma-separated workload keys to run (W1,W2,W3,W4,W5)")
    args = parser.parse_args()
    bk, py = args.borderkit, args.python
    runs = 1 if args.smoke else args.runs
    world, id_property, n_routes = (EMBEDDED, "name", 5) if args.smoke else (WORLD, "ADM0_A3", 200)
    sizes = [2000] if args.smoke else [int(n) for n in args.sizes.split(",") if n]
    only = set(args.only.split(",")) if args.only else None
    if not world.exists():
        raise SystemExit(f"bench: {world} is missing (../shared beside the checkout)")
    work = Path(tempfile.mkdtemp(prefix="borderkit-bench-"))
    routes = work / "routes.geojson"
    subprocess.run([py, ROOT / "Tools/bench/make_routes.py", routes, str(n_routes), "7"], check=True)
    o, p = work / "ours.json", work / "peer.json"

    def one(cmd):
        return [("run", cmd)]

    # (key, what, ours, peer steps, check, target, runs, size)
    workloads = [
        ("W1", "world borders: pairs, segments, geodesic km, tripoints",
         [bk, "borders", "--territories", world, "--id-property", id_property, "--format", "json", "-o", o],
         one([py, ROOT / "Tools/crosscheck/world_borders.py", world, id_property]), check_w1, 4, runs, None),
        ("W2", f"{n_routes} routes of ~300 km: length, per jurisdiction, crossings, 1 km profile, 5 km corridor (--accuracy none: the peer's work)",
         [bk, "route", "--routes", routes, "--accuracy", "none", "--format", "json", "-o", o],
         one([py, "-W", "ignore", ROOT / "Tools/bench/peer_routes.py", routes, EMBEDDED, p]), check_w2, 6, runs, None),
        ("W2 intervals", "the same with BorderKit's default on the embedded territories: every figure's interval from their ± 2,042 m "
         "(work the peer does not do)",
         [bk, "route", "--routes", routes, "--format", "json", "-o", o],
         one([py, "-W", "ignore", ROOT / "Tools/bench/peer_routes.py", routes, EMBEDDED, p]), check_w2, None, runs, None),
        ("W3", "geodesic area and perimeter of every polygon",
         [bk, "measure", world, "--format", "json", "-o", o],
         one([py, ROOT / "Tools/bench/peer_measure.py", world, p]), check_w3, 4, runs, None),
        ("W4", "read and write as RFC 7946 GeoJSON",
         [bk, "convert", world, "-o", o],
         one(["ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=YES", "-lco", "COORDINATE_PRECISION=7", p, world]), check_w4, 8, runs, None),
    ]
    cluster = None
    if Path("/usr/lib/postgresql/15/bin/initdb").exists() and (only is None or only & {"W1", "W3"}):
        from postgis_oracle import Cluster
        cluster = Cluster()
        cluster.start()
        id_column = id_property.lower()
        workloads += [
            ("W1 PostGIS", "world borders as SQL (ogr2ogr load + ST_Intersection of boundaries, ST_LineMerge, geography lengths)",
             [bk, "borders", "--territories", world, "--id-property", id_property, "--format", "json", "-o", o],
             postgis_steps(cluster, work, world, id_column, W1_SQL, "w1"), check_w1_sql, 6, runs, None),
            ("W3 PostGIS", "areas and perimeters as SQL (ogr2ogr load + ST_Area, ST_Perimeter on geography)",
             [bk, "measure", world, "--format", "json", "-o", o],
             postgis_steps(cluster, work, world, id_column, W3_SQL, "w3"), check_w3_sql, 4, runs, None),
        ]
    elif not Path("/usr/lib/postgresql/15/bin/initdb").exists():
        print("bench: PostGIS peers skipped: PostgreSQL 15 + PostGIS are not installed", file=sys.stderr)
    for n in sizes:
        cells = coverage(py, n)
        n_runs = min(runs, args.large_runs) if n == max(sizes) and len(sizes) > 1 else runs
        workloads += [
            (f"W5 borders {n:,}", f"borders of a Voronoi coverage of {n:,} cells",
             [bk, "borders", "--territories", cells, "--id-property", "code", "--format", "json", "-o", o],
             one([py, ROOT / "Tools/crosscheck/world_borders.py", cells, "code"]), check_w1, 3, n_runs, n),
            (f"W5 areas {n:,}", f"areas, enclaves and exclaves of the same coverage",
             [bk, "areas", "--territories", cells, "--id-property", "code", "--format", "json", "-o", o],
             one([py, ROOT / "Tools/bench/peer_areas.py", cells, "code", p]), check_w5_areas, 3, n_runs, n),
        ]
    rows = []
    try:
        for key, what, ours_cmd, peer_steps, check, target, n_runs, size in workloads:
            if only and key.split()[0] not in only:
                continue
            ours_t, peer_t, ours_m, peer_m, peer_own, parts = [], [], [], [], [], {}
            agreement = None
            for r in range(n_runs):
                for f in (o, p):
                    f.unlink(missing_ok=True)
                wall, rss, _ = timed([str(c) for c in ours_cmd])
                ours_t.append(wall)
                ours_m.append(rss)
                wall, rss, out, split = timed_steps([(label, [str(c) for c in cmd]) for label, cmd in peer_steps])
                if "query" in split:
                    rss = max(rss, backend_peak(out)[0])
                for label, t in split.items():
                    parts.setdefault(label, []).append(t)
                peer_t.append(wall)
                peer_m.append(rss)
                if agreement is None:
                    agreement, own = check(o, out, p)
                else:
                    own = check(o, out, p)[1]
                if own is not None:
                    peer_own.append(own)
                print(f"bench: {key} run {r + 1}/{n_runs}: ours {ours_t[-1]:.2f} s, peer {peer_t[-1]:.2f} s", file=sys.stderr)
            mo, mp = statistics.median(ours_t), statistics.median(peer_t)
            if len(parts) > 1:
                agreement += "; load " + f"{statistics.median(parts['load']):.2f} s + query {statistics.median(parts['query']):.2f} s"
            if n_runs != runs:
                agreement += f"; {n_runs} run{'s' if n_runs > 1 else ''} at this size"
            rows.append({"key": key, "what": what, "ours": mo, "peer": mp, "ratio": mp / mo, "target": target, "size": size,
                         "ours_mib": max(ours_m), "peer_mib": max(peer_m),
                         "peer_own": statistics.median(peer_own) if peer_own else None, "agreement": agreement})
    finally:
        if cluster:
            cluster.stop()
    lines = ["| workload | ours s | peer s | peer/ours | target | peer's own timer s | ours MiB | peer MiB | answers |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        own = f"{r['peer_own']:.2f}" if r["peer_own"] is not None else "–"
        target = f"≥ {r['target']}" if r["target"] is not None else "–"
        lines.append(f"| {r['key']} {r['what']} | {r['ours']:.2f} | {r['peer']:.2f} | **{r['ratio']:.2f}** | {target} | {own} | "
                     f"{r['ours_mib']:.0f} | {r['peer_mib']:.0f} | {r['agreement']} |")
    w5 = sorted({r["size"] for r in rows if r["size"]})
    for op in ("borders", "areas"):
        times = {r["size"]: r["ours"] for r in rows if r["size"] and op in r["key"]}
        if len(times) > 1:
            steps = ", ".join(f"×{times[b] / times[a]:.1f} from {a:,} to {b:,}" for a, b in zip(w5, w5[1:]) if a in times and b in times)
            lines.append(f"\nW5 {op}: BorderKit's time grows {steps} cells.")
    table = "\n".join(lines)
    print(table)
    if args.smoke:
        print("bench: smoke run on tiny data: every answer agrees (times are not a measurement)")
    if args.plot:
        plot(rows, args.plot)
    if args.results:
        header = (f"Run {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} on {machine()}.\n\n"
                  f"Versions: {versions(bk, py)}.\n\nMedians of {runs} runs each, whole processes, alternating ours and peer.\n\n")
        Path(args.results).write_text(header + table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
