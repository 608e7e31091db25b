#!/usr/bin/env python3
"""Reading and writing GDAL's formats: `borderkit convert` against `ogr2ogr` on the Natural Earth 10m world.

  read   FORMAT -> GeoJSON   borderkit convert world.FORMAT -o out.geojson   vs  ogr2ogr -f GeoJSON out.geojson world.FORMAT
  write  GeoJSON -> FORMAT   borderkit convert world.geojson -o out.FORMAT   vs  ogr2ogr -f DRIVER out.FORMAT world.geojson

for GeoPackage, Shapefile, FlatGeobuf and GeoJSONSeq (the inputs made by ogr2ogr from the GeoJSON). Whole processes,
alternating, RUNS times; medians, ratio ogr2ogr / borderkit, peak memory (GNU time's %M). Before timing, both
outputs are read back by `ogrinfo -so` and must hold the same number of features.
Both write GeoJSON with 7 decimals (ogr2ogr: -lco RFC7946=YES -lco COORDINATE_PRECISION=7), as W4 does.

Usage: formats.py BORDERKIT [--runs N]
"""
import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORLD = ROOT.parent / "shared/data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson"
FORMATS = [("gpkg", "GPKG"), ("shp", "ESRI Shapefile"), ("fgb", "FlatGeobuf"), ("geojsonl", "GeoJSONSeq")]


def timed(cmd):
    """Wall seconds and peak MiB of a whole process (GNU time)."""
    r = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"formats: {' '.join(cmd)} failed: {r.stderr[-500:]}")
    wall, kb = r.stderr.strip().splitlines()[-1].split()
    return float(wall), int(kb) / 1024


def features(path, layer=None):
    r = subprocess.run(["ogrinfo", "-so", "-ro", str(path)] + ([layer] if layer else []) + ([] if layer else ["-al"]),
                       capture_output=True, text=True, check=True)
    return sum(int(n) for n in re.findall(r"Feature Count: (\d+)", r.stdout))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("borderkit")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="borderkit-formats-"))
    rows = []
    for ext, driver in FORMATS:
        src = work / f"world.{ext}"
        subprocess.run(["ogr2ogr", "-f", driver, str(src), str(WORLD)], check=True, capture_output=True)
        jobs = {
            "read": ([a.borderkit, "convert", str(src), "-o", str(work / "ours-read.geojson")],
                     ["ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=YES", "-lco", "COORDINATE_PRECISION=7",
                      str(work / "peer-read.geojson"), str(src)],
                     work / "ours-read.geojson", work / "peer-read.geojson"),
            "write": ([a.borderkit, "convert", str(WORLD), "-o", str(work / f"ours-write.{ext}")],
                      ["ogr2ogr", "-f", driver, str(work / f"peer-write.{ext}"), str(WORLD)],
                      work / f"ours-write.{ext}", work / f"peer-write.{ext}"),
        }
        for kind, (ours, peer, ours_out, peer_out) in jobs.items():
            times = {"ours": [], "peer": []}
            mem = {"ours": 0, "peer": 0}
            for run in range(a.runs):
                for side, cmd, out in (("ours", ours, ours_out), ("peer", peer, peer_out)):
                    for p in work.glob(out.stem + ".*"):
                        p.unlink()
                    t, m = timed(cmd)
                    times[side].append(t)
                    mem[side] = max(mem[side], m)
                if run == 0:
                    n_ours, n_peer = features(ours_out), features(peer_out)
                    if n_ours != n_peer:
                        sys.exit(f"formats: {kind} {ext}: {n_ours} features against ogr2ogr's {n_peer}")
            o, p = statistics.median(times["ours"]), statistics.median(times["peer"])
            rows.append((kind, ext, o, p, p / o, mem["ours"], mem["peer"], n_ours))
            print(f"formats: {kind} {ext}: ours {o:.2f} s, ogr2ogr {p:.2f} s", file=sys.stderr)
    print(f"Medians of {a.runs} runs, whole processes, the Natural Earth 10m world (250 features, 16.6 MB GeoJSON).\n")
    print("| what | borderkit s | ogr2ogr s | ogr2ogr/borderkit | borderkit MiB | ogr2ogr MiB | features (both) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind, ext, o, p, r, mo, mp, n in rows:
        what = f"read {ext} → GeoJSON" if kind == "read" else f"write GeoJSON → {ext}"
        print(f"| {what} | {o:.2f} | {p:.2f} | **{r:.2f}** | {mo:.0f} | {mp:.0f} | {n} |")


if __name__ == "__main__":
    main()
