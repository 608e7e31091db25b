#!/usr/bin/env python3
"""The checks of Tools/dask/check.sh (arguments: the borderkit executable, the borderkit-dask driver)."""
import os
import random
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORLD = ROOT.parent / "shared/data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson"


def voronoi(n, path, frame=False):
    """A seeded Voronoi coverage of n cells (Tools/bench/make_coverage.py, shapely 2); with `frame`, one more
    feature around it: a ring whose hole is the coverage's box, touching every edge cell and straddling every tile."""
    subprocess.run([sys.executable, str(ROOT / "Tools/bench/make_coverage.py"), str(n), str(path), "7"], check=True)
    if frame:
        text = Path(path).read_text().rstrip().removesuffix("]}")
        ring = "[[-1,-1],[21,-1],[21,11],[-1,11],[-1,-1]],[[0,0],[0,10],[20,10],[20,0],[0,0]]"
        text += ',{"type":"Feature","properties":{"code":"FRAME"},"geometry":{"type":"Polygon","coordinates":[' + ring + ']}}\n]}\n'
        Path(path).write_text(text)


def sparse(path):
    """Three squares: with 16 tiles most tiles are empty."""
    squares = [("A", 0, 0, 1, 1), ("B", 1, 0, 2, 1), ("C", 0, 1, 2, 2)]
    features = [f'{{"type":"Feature","properties":{{"code":"{c}"}},"geometry":{{"type":"Polygon","coordinates":'
                f'[[[{w},{s}],[{e},{s}],[{e},{n}],[{w},{n}],[{w},{s}]]]}}}}' for c, w, s, e, n in squares]
    Path(path).write_text('{"type":"FeatureCollection","features":[\n' + ",\n".join(features) + "\n]}\n")


def whole(bk, territories, idp, fmt, out, command="borders"):
    subprocess.run([bk, command, "--territories", str(territories), "--id-property", idp, "-f", fmt, "-o", str(out)],
                   check=True, capture_output=True)
    return Path(out).read_bytes()


def dask(driver, bk, territories, idp, tiles, out, fmt="json", expect=0, command="borders"):
    start = time.perf_counter()
    r = subprocess.run([driver, command, "--territories", str(territories), "--id-property", idp, "-f", fmt,
                        "--scheduler", "local:2", "--tiles", str(tiles), "--output", str(out), "--borderkit", bk],
                       capture_output=True, text=True)
    if r.returncode != expect:
        sys.exit(f"dask check: FAIL {territories} {tiles} tiles: exit {r.returncode}, expected {expect}: {r.stderr[-1500:]}")
    return r, time.perf_counter() - start


def main():
    bk, driver = sys.argv[1], sys.argv[2]
    failed = False
    with tempfile.TemporaryDirectory(prefix="borderkit-dask-check-") as d:
        work = Path(d)
        inputs = []
        if WORLD.exists():
            inputs.append(("world", WORLD, "ADM0_A3", [1, 2, 7, 16]))
        else:
            print("dask check: ../shared is absent: the world file is skipped")
        for n, name in ((10_000, "Voronoi 10^4 cells"), (100_000, "Voronoi 10^5 cells")):
            path = work / f"cells-{n}.geojson"
            voronoi(n, path)
            inputs.append((name, path, "code", [1, 2, 7, 16]))
        framed = work / "framed.geojson"
        voronoi(10_000, framed, frame=True)
        inputs.append(("Voronoi 10^4 cells in a frame straddling every tile", framed, "code", [7, 16]))
        few = work / "sparse.geojson"
        sparse(few)
        inputs.append(("3 squares in 16 tiles (13 empty)", few, "code", [16]))
        for name, path, idp, counts in inputs:
            for fmt in ("json", "geojson"):
                expected = whole(bk, path, idp, fmt, work / f"whole.{fmt}")
                for tiles in counts if fmt == "json" else [7]:
                    out = work / f"merged.{fmt}"
                    r, seconds = dask(driver, bk, path, idp, tiles, out, fmt)
                    same = out.read_bytes() == expected
                    failed |= not same
                    print(f"dask check: {'ok  ' if same else 'FAIL'} {name}, {tiles} tiles, {fmt}: "
                          f"{'the same bytes' if same else 'bytes differ'} ({seconds:.1f} s; {r.stderr.strip().splitlines()[-1]})")
        # areas: the exclaves' land links run through many tiles; the merge classifies the whole graph.
        areas = [(n, p, i, t, f) for n, p, i, _ in inputs[:3] for t, f in ((1, "json"), (7, "json"), (16, "json"), (7, "md"), (7, "geojson"))]
        for name, path, idp, tiles, fmt in areas:
            expected = whole(bk, path, idp, fmt, work / f"whole-areas.{fmt}", command="areas")
            out = work / f"merged-areas.{fmt}"
            r, seconds = dask(driver, bk, path, idp, tiles, out, fmt, command="areas")
            same = out.read_bytes() == expected
            failed |= not same
            print(f"dask check: {'ok  ' if same else 'FAIL'} areas, {name}, {tiles} tiles, {fmt}: "
                  f"{'the same bytes' if same else 'bytes differ'} ({seconds:.1f} s; {r.stderr.strip().splitlines()[-1]})")
        # route: batches of consecutive routes, merged in their order.
        routes = work / "routes.geojson"
        subprocess.run([sys.executable, str(ROOT / "Tools/bench/make_routes.py"), str(routes), "200", "7"], check=True)
        for label, args, batches, fmt in (("the embedded routes", [], 3, "json"), ("200 generated routes", ["--routes", str(routes)], 7, "json"),
                                          ("200 generated routes", ["--routes", str(routes)], 16, "geojson")):
            expected = work / f"whole-routes.{fmt}"
            subprocess.run([bk, "route", *args, "-f", fmt, "-o", str(expected)], check=True, capture_output=True)
            out = work / f"merged-routes.{fmt}"
            start = time.perf_counter()
            r = subprocess.run([driver, "route", *args, "-f", fmt, "--scheduler", "local:2", "--tiles", str(batches), "--output", str(out),
                                "--borderkit", bk], capture_output=True, text=True)
            seconds = time.perf_counter() - start
            same = r.returncode == 0 and out.read_bytes() == expected.read_bytes()
            failed |= not same
            print(f"dask check: {'ok  ' if same else 'FAIL'} route, {label}, {batches} batches, {fmt}: "
                  f"{'the same bytes' if same else 'bytes differ: ' + r.stderr[-800:]} ({seconds:.1f} s; {r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ''})")
        # A worker killed in the middle: the first task to start kills its worker process (the wrapper's parent's
        # parent is the worker: worker -> borderkit wrapper), once; dask runs the task again elsewhere.
        path, idp = (WORLD, "ADM0_A3") if WORLD.exists() else (work / "cells-10000.geojson", "code")
        marker = work / "killed"
        wrapper = work / "borderkit-killer"
        wrapper.write_text(f"""#!/usr/bin/env bash
if [ "$1" = borders ] && mkdir "{marker}" 2>/dev/null; then
    kill -9 $PPID
    sleep 5
    exit 3
fi
exec "{bk}" "$@"
""")
        wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
        expected = whole(bk, path, idp, "json", work / "whole.json")
        out = work / "killed.json"
        r, seconds = dask(driver, str(wrapper), path, idp, 7, out)
        same = marker.exists() and out.read_bytes() == expected
        failed |= not same
        print(f"dask check: {'ok  ' if same else 'FAIL'} a worker killed during a tile: its task ran again, "
              f"{'the same bytes' if same else 'bytes differ or no worker was killed'} ({seconds:.1f} s)")
        # A tile whose borderkit fails: the run fails with that tile's message, no output.
        failing = work / "borderkit-failing"
        failing.write_text(f"""#!/usr/bin/env bash
for a in "$@"; do case "$a" in *tile-003.geojsonl) echo "borderkit: error: a hand-made failure" >&2; exit 2;; esac; done
exec "{bk}" "$@"
""")
        failing.chmod(failing.stat().st_mode | stat.S_IEXEC)
        out = work / "failed.json"
        r, _ = dask(driver, str(failing), path, idp, 7, out, expect=2)
        ok = "tile-003" in r.stderr and "hand-made failure" in r.stderr and not out.exists()
        failed |= not ok
        print(f"dask check: {'ok  ' if ok else 'FAIL'} a failing tile fails the run with its message, nothing written: {r.stderr.strip().splitlines()[-1][:200]}")
    if failed:
        sys.exit("dask check: failures above")


if __name__ == "__main__":
    main()
