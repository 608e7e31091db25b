#!/usr/bin/env python3
"""W6 scale-out (issue 20): `borders` on seeded Voronoi coverages through borderkit-dask, measured and projected.

Usage: w6.py BORDERKIT BORDERKIT_DASK [SIZES...]   (run from .venv-dask with shapely for make_coverage.py;
Tools/bench/w6 sets it up). For each size (default 100000 1000000):
  1. one process: `borderkit borders` (all threads, and --workers 1);
  2. borderkit-dask with local:1 and local:2 (16 tiles, --workers 1 in every task, so N worker processes use N
     cores): wall time and its shares (partition, tasks, merge), bytes compared with the one-process output;
  3. a projection for 8, 32 and 128 workers: the file partitioned into 128 tiles, every tile's `borderkit
     borders` timed alone (one thread), then a simulation of dask's schedule (tasks handed in order to the
     first free worker) added to the measured partition and merge times. A simulation, stated as such: it
     leaves out dask's per-task overhead and moving the tiles' bytes over a network.
Prints a Markdown table for RESULTS.md.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def timed(cmd, **kw):
    """Runs cmd under /usr/bin/time; returns (seconds, peak MiB, completed process)."""
    start = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True, **kw)
    seconds = time.perf_counter() - start
    if r.returncode != 0:
        sys.exit(f"w6: {' '.join(map(str, cmd))} failed: {r.stderr[-1500:]}")
    peak = int(r.stderr.strip().splitlines()[-1]) / 1024
    return seconds, peak, r


def schedule(costs, workers):
    """Makespan of tasks handed in order to the first free worker."""
    free = [0.0] * workers
    for c in costs:
        k = min(range(workers), key=free.__getitem__)
        free[k] += c
    return max(free)


def main():
    bk, driver = sys.argv[1], sys.argv[2]
    sizes = [int(a) for a in sys.argv[3:]] or [100_000, 1_000_000]
    rows, projections = [], []
    with tempfile.TemporaryDirectory(prefix="borderkit-w6-") as d:
        work = Path(d)
        for n in sizes:
            cells = Path(f"/tmp/borderkit-w6-voronoi-{n}.geojson")
            if not cells.exists():
                subprocess.run([sys.executable, str(ROOT / "Tools/bench/make_coverage.py"), str(n), str(cells), "7"], check=True)
            base = ["borders", "--territories", str(cells), "--id-property", "code", "-f", "json"]
            whole = work / "whole.json"
            t_all, m_all, _ = timed([bk, *base, "-o", str(whole)])
            t_one, m_one, _ = timed([bk, *base, "--workers", "1", "-o", str(work / "one.json")])
            rows.append((n, "one process, 2 threads", t_all, m_all, "", ""))
            rows.append((n, "one process, 1 thread", t_one, m_one, "", ""))
            for workers in (1, 2):
                out = work / f"dask-{workers}.json"
                t, m, r = timed([driver, *base, "--workers", "1", "--scheduler", f"local:{workers}", "--tiles", "16", "--output", str(out),
                                 "--borderkit", bk])
                same = out.read_bytes() == whole.read_bytes()
                line = r.stderr.strip().splitlines()[-2]
                shares = dict((k, float(v)) for k, v in re.findall(r"(partition|tasks|merge) ([0-9.]+) s", line))
                repl = re.search(r"replication ([0-9.]+)", line).group(1)
                rows.append((n, f"borderkit-dask local:{workers}, 16 tiles", t, m,
                             f"partition {shares['partition']:.2f} / tasks {shares['tasks']:.2f} / merge {shares['merge']:.2f}; replication {repl}",
                             "same bytes" if same else "BYTES DIFFER"))
                if not same:
                    sys.exit(f"w6: local:{workers} output differs from one process at {n} cells")
            # Projection from 128 measured tiles.
            parts = work / "parts"
            t_part, _, _ = timed([bk, "partition", str(cells), "--tiles", "128", "-o", str(parts)])
            manifest = json.loads((parts / "manifest.json").read_text())
            costs, outputs = [], []
            for k, tile in enumerate(manifest["tiles"]):
                if tile["features"] == 0:
                    continue
                out = work / f"tile-{k}.json"
                t, _, _ = timed([bk, "borders", "--territories", str(parts / tile["file"]), "--id-property", "code", "-f", "json", "--workers", "1",
                                 "--owner-extent", tile["owner_extent"], "--label", manifest["input"], "-o", str(out)])
                costs.append(t)
                outputs.append(str(out))
            t_merge, m_merge, _ = timed([bk, "merge", *outputs, "-o", str(work / "merged128.json")])
            same = (work / "merged128.json").read_bytes() == whole.read_bytes()
            if not same:
                sys.exit(f"w6: 128 tiles merged differ from one process at {n} cells")
            serial = t_part + t_merge
            for w in (1, 2, 8, 32, 128):
                total = t_part + schedule(costs, w) + t_merge
                projections.append((n, w, total, t_one / total, serial / total, max(costs)))
            projections.append((n, "tiles", sum(costs), manifest["replication"], t_part, t_merge))
            shutil_rm(parts)
    print("| cells | run | s | peak MiB | shares | answer |")
    print("|---:|---|---:|---:|---|---|")
    for n, what, t, m, shares, answer in rows:
        print(f"| {n:,} | {what} | {t:.2f} | {m:.0f} | {shares} | {answer} |")
    print()
    print("| cells | workers (simulated) | s | speed-up vs one process, 1 thread | serial share | largest tile s |")
    print("|---:|---:|---:|---:|---:|---:|")
    for p in projections:
        if p[1] == "tiles":
            n, _, total, repl, t_part, t_merge = p
            print(f"| {n:,} | 128 tiles: sum of tile times {total:.2f} s, replication {repl:.3f}, partition {t_part:.2f} s, merge {t_merge:.2f} s | | | | |")
        else:
            n, w, total, speed, share, biggest = p
            print(f"| {n:,} | {w} | {total:.2f} | {speed:.2f} | {share:.2f} | {biggest:.2f} |")


def shutil_rm(path):
    import shutil
    shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    main()
