#!/usr/bin/env python3
"""BorderKit against the peers a competent user would reach for, on the same data and machine, in one run.

  W1 world borders  borderkit borders          vs shapely 2 + pyproj (Tools/crosscheck/world_borders.py)
  W2 routes         borderkit route (200)      vs shapely 2 + pyproj (Tools/bench/peer_routes.py)
  W3 areas          borderkit measure          vs shapely 2 + pyproj (Tools/bench/peer_measure.py)
  W4 I/O            borderkit convert          vs ogr2ogr -f GeoJSON -lco RFC7946=YES (GDAL, Debian)

Each side runs as a whole process (reading the file to writing the result), alternating, RUNS times; the
medians of the wall times give the ratio peer / ours; peak memory is each process's maximum resident set
(GNU time's %M). Before timing, both answers are compared and a disagreement fails the run. The peers' own timers
(which leave out the interpreter's start and imports) are shown beside them.

Usage: bench.py BORDERKIT PYTHON [--runs N] [--smoke] [--results FILE]
  --smoke: tiny data (the embedded territories, 5 routes), one run: keeps the scripts from rotting; no timing claims.
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
    args = parser.parse_args()
    bk, py = args.borderkit, args.python
    runs = 1 if args.smoke else args.runs
    world, id_property, n_routes = (EMBEDDED, "name", 5) if args.smoke else (WORLD, "ADM0_A3", 200)
    if not world.exists():
        raise SystemExit(f"bench: {world} is missing (../shared beside the checkout)")
    work = Path(tempfile.mkdtemp(prefix="borderkit-bench-"))
    routes = work / "routes.geojson"
    subprocess.run([py, ROOT / "Tools/bench/make_routes.py", routes, str(n_routes), "7"], check=True)
    o, p = work / "ours.json", work / "peer.json"
    workloads = [
        ("W1", "world borders: pairs, segments, geodesic km, tripoints",
         [bk, "borders", "--territories", world, "--id-property", id_property, "--format", "json", "-o", o],
         [py, ROOT / "Tools/crosscheck/world_borders.py", world, id_property], check_w1, 3),
        ("W2", f"{n_routes} routes of ~300 km: length, per jurisdiction, crossings, 1 km profile, 5 km corridor",
         [bk, "route", "--routes", routes, "--format", "json", "-o", o],
         [py, "-W", "ignore", ROOT / "Tools/bench/peer_routes.py", routes, EMBEDDED, p], check_w2, 5),
        ("W3", "geodesic area and perimeter of every polygon",
         [bk, "measure", world, "--format", "json", "-o", o],
         [py, ROOT / "Tools/bench/peer_measure.py", world, p], check_w3, 2),
        ("W4", "read and write as RFC 7946 GeoJSON",
         [bk, "convert", world, "-o", o],
         ["ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=YES", "-lco", "COORDINATE_PRECISION=7", p, world], check_w4, 1),
    ]
    rows = []
    for key, what, ours_cmd, peer_cmd, check, target in workloads:
        ours_t, peer_t, ours_m, peer_m, peer_own = [], [], [], [], []
        agreement = None
        for r in range(runs):
            for f in (o, p):
                f.unlink(missing_ok=True)
            wall, rss, _ = timed([str(c) for c in ours_cmd])
            ours_t.append(wall)
            ours_m.append(rss)
            wall, rss, out = timed([str(c) for c in peer_cmd])
            peer_t.append(wall)
            peer_m.append(rss)
            if agreement is None:
                agreement, own = check(o, out, p)
            else:
                own = check(o, out, p)[1]
            if own is not None:
                peer_own.append(own)
            print(f"bench: {key} run {r + 1}/{runs}: ours {ours_t[-1]:.2f} s, peer {peer_t[-1]:.2f} s", file=sys.stderr)
        mo, mp = statistics.median(ours_t), statistics.median(peer_t)
        rows.append({"key": key, "what": what, "ours": mo, "peer": mp, "ratio": mp / mo, "target": target,
                     "ours_mib": max(ours_m), "peer_mib": max(peer_m),
                     "peer_own": statistics.median(peer_own) if peer_own else None, "agreement": agreement})
    lines = ["| workload | ours s | peer s | peer/ours | target | peer's own timer s | ours MiB | peer MiB | answers |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        own = f"{r['peer_own']:.2f}" if r["peer_own"] is not None else "–"
        lines.append(f"| {r['key']} {r['what']} | {r['ours']:.2f} | {r['peer']:.2f} | **{r['ratio']:.2f}** | ≥ {r['target']} | {own} | "
                     f"{r['ours_mib']:.0f} | {r['peer_mib']:.0f} | {r['agreement']} |")
    table = "\n".join(lines)
    print(table)
    if args.smoke:
        print("bench: smoke run on tiny data: every answer agrees (times are not a measurement)")
    if args.results:
        header = (f"Run {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} on {machine()}.\n\n"
                  f"Versions: {versions(bk, py)}.\n\nMedians of {runs} runs each, whole processes, alternating ours and peer.\n\n")
        Path(args.results).write_text(header + table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
