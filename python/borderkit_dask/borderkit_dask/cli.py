"""borderkit-dask borders|areas|route ARGS... --scheduler local:N|tcp://HOST:PORT --tiles N --output PATH [--borderkit PATH]

Partitions the territories (`borderkit partition`), runs one task per non-empty tile on dask.distributed, each
task running the `borderkit` executable on the worker (`borderkit borders|areas --territories TILE --owner-extent
EXTENT --label FILE ARGS...`), gathers the tiles' outputs and merges them (`borderkit merge`) into --output: the
same bytes `borderkit borders|areas ARGS...` writes in one process. Every other option of the command passes
through unchanged. `route` needs no partition: --tiles N runs `borderkit route --batch k/N ARGS...` for k = 1..N
(the routes and territories files at the same paths on every worker) and merges the batches in their order. The tile's GeoJSON text sequence travels to the worker with its task, so workers need no shared file
system for the territories; they need the `borderkit` executable (on PATH or --borderkit) and any other file an
option names (a status layer) at the same path. A task whose borderkit fails fails the run with that tile's
message and writes no output; a worker lost in the middle has its task run again elsewhere by dask.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

FORMATS = {"borders": ("json", "geojson"), "route": ("json", "geojson"), "areas": ("md", "csv", "json", "geojson", "geojsonseq", "gpkg", "fgb", "shp")}


class TileError(Exception):
    """A tile's borderkit exited non-zero: its tile and message."""


def run_tile(borderkit, command, tile_bytes, tile_name, extent, label, args, fmt):
    """One task: the tile written to the worker's temporary folder, `borderkit COMMAND` run on it; its output
    (for `areas`, the tile's part, GeoJSON)."""
    with tempfile.TemporaryDirectory(prefix="borderkit-tile-") as work:
        path = os.path.join(work, tile_name)
        with open(path, "wb") as f:
            f.write(tile_bytes)
        cmd = [borderkit, command, "--territories", path, "--owner-extent", extent, "--label", label, *args]
        cmd += ["-f", fmt] if command == "borders" else []
        r = subprocess.run(cmd, capture_output=True)
        if r.returncode != 0:
            message = r.stderr.decode("utf-8", "replace").strip().replace(path, tile_name)
            raise TileError(f"{tile_name}: borderkit exited {r.returncode}: {message}")
        return r.stdout


def run_batch(borderkit, batch, args, fmt):
    """One task of `route`: `borderkit route --batch k/n ARGS` on the worker (its files at the same paths); its output."""
    r = subprocess.run([borderkit, "route", "--batch", batch, *args, "-f", fmt], capture_output=True)
    if r.returncode != 0:
        raise TileError(f"batch {batch}: borderkit exited {r.returncode}: {r.stderr.decode('utf-8', 'replace').strip()}")
    return r.stdout


def run_routes(args, scheduler, batches, output, borderkit, log):
    """`route` in `batches` batches of consecutive routes, merged in their order."""
    fmt = None
    rest = []
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("-f", "--format"):
            if i + 1 >= len(args):
                raise RuntimeError(f"{a} needs a value")
            fmt = args[i + 1]
            i += 2
            continue
        if a.startswith("--format="):
            fmt = a.split("=", 1)[1]
        elif a in ("-o", "--output", "--batch", "--map") or a.startswith(("--batch=", "--map=")):
            raise RuntimeError(f"{a} is the driver's to set (give --output to borderkit-dask)")
        elif a.startswith("--") and "=" not in a and a in ("--routes", "--territories") and i + 1 < len(args):
            rest += [a, os.path.abspath(args[i + 1])]
            i += 2
            continue
        else:
            rest.append(a)
        i += 1
    fmt = fmt or ("geojson" if output.lower().endswith(".geojson") else "json")
    if fmt not in FORMATS["route"]:
        raise RuntimeError(f"--format {fmt}: the batches of `route` merge into json or geojson")
    timings = {}
    with tempfile.TemporaryDirectory(prefix="borderkit-dask-") as work:
        tasks = [(run_batch, (borderkit, f"{k}/{batches}", rest, fmt), f"borderkit-batch-{k}-{os.getpid()}") for k in range(1, batches + 1)]
        _run_and_merge(scheduler, tasks, borderkit, work, fmt, output, [], timings)
    print(f"borderkit-dask: {batches} batches of routes; tasks {timings['tasks']:.2f} s, merge {timings['merge']:.2f} s", file=log)
    return timings, None


def _run_and_merge(scheduler, tasks, borderkit, work, ending, output, merge_args, timings):
    """Submits (function, arguments, key) tasks, gathers their outputs in order and merges them into `output`."""
    t1 = time.perf_counter()
    client, cluster = _client(scheduler)
    try:
        outputs = client.gather([client.submit(f, *args, key=key, pure=False) for f, args, key in tasks])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    timings["tasks"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    files = []
    for k, data in enumerate(outputs):
        path = os.path.join(work, f"out-{k:05d}.{ending}")
        with open(path, "wb") as f:
            f.write(data)
        files.append(path)
    r = subprocess.run([borderkit, "merge", *files, "-o", output, *merge_args], capture_output=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.decode("utf-8", "replace").strip())
    timings["merge"] = time.perf_counter() - t2


def _client(scheduler):
    from distributed import Client, LocalCluster
    if scheduler.startswith("local:"):
        n = int(scheduler.split(":", 1)[1])
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(scheduler), None


def run(command, passthrough, scheduler, tiles, output, borderkit, log=sys.stderr):
    """Runs the whole job; returns the timings (seconds) and the manifest. Raises TileError or RuntimeError."""
    if command not in FORMATS:
        raise RuntimeError(f"only `borders`, `areas` and `route` run on dask so far, not `{command}`")
    if command == "route":
        return run_routes(list(passthrough), scheduler, tiles, output, borderkit, log)
    args = list(passthrough)
    territories = layer = fmt = None
    rest = []
    i = 0
    while i < len(args):
        a = args[i]
        value = args[i + 1] if i + 1 < len(args) else None
        if a in ("--territories", "--layer", "-f", "--format"):
            if value is None:
                raise RuntimeError(f"{a} needs a value")
            if a == "--territories":
                territories = value
            elif a == "--layer":
                layer = value
            else:
                fmt = value
            i += 2
            continue
        if a.startswith("--territories="):
            territories = a.split("=", 1)[1]
        elif a.startswith("--format="):
            fmt = a.split("=", 1)[1]
        elif a in ("-o", "--output", "--owner-extent", "--label", "--map") or a.startswith(("--owner-extent=", "--label=", "--map=")):
            raise RuntimeError(f"{a} is the driver's to set (give --output to borderkit-dask)")
        else:
            rest.append(a)
        i += 1
    if territories is None:
        raise RuntimeError("give --territories FILE: the embedded data is one small file, nothing to shard")
    if fmt is None and command == "borders":
        fmt = "geojson" if output.lower().endswith(".geojson") else "json"
    if fmt is not None and fmt not in FORMATS[command]:
        raise RuntimeError(f"--format {fmt}: the tiles of `{command}` merge into {', '.join(FORMATS[command])}")
    timings = {}
    with tempfile.TemporaryDirectory(prefix="borderkit-dask-") as work:
        parts = os.path.join(work, "parts")
        t0 = time.perf_counter()
        cmd = [borderkit, "partition", territories, "--tiles", str(tiles), "-o", parts] + (["--layer", layer] if layer else [])
        r = subprocess.run(cmd, capture_output=True)
        if r.returncode != 0:
            raise RuntimeError(r.stderr.decode("utf-8", "replace").strip())
        with open(os.path.join(parts, "manifest.json")) as f:
            manifest = json.load(f)
        timings["partition"] = time.perf_counter() - t0
        # A tile with no features owns nothing (its extent is empty): no task.
        tasks = []
        for k, tile in enumerate(t for t in manifest["tiles"] if t["features"] > 0):
            with open(os.path.join(parts, tile["file"]), "rb") as f:
                data = f.read()
            tasks.append((run_tile, (borderkit, command, data, tile["file"], tile["owner_extent"], manifest["input"], rest, fmt),
                          f"borderkit-tile-{k}-{os.getpid()}"))
        kind = "geojson" if command == "areas" else fmt
        _run_and_merge(scheduler, tasks, borderkit, work, kind, output, ["-f", fmt] if command == "areas" and fmt else [], timings)
    print(f"borderkit-dask: {len(manifest['tiles'])} tiles (replication {manifest['replication']:.3f}); partition "
          f"{timings['partition']:.2f} s, tasks {timings['tasks']:.2f} s, merge {timings['merge']:.2f} s", file=log)
    return timings, manifest


def main(argv=None):
    p = argparse.ArgumentParser(prog="borderkit-dask", description=__doc__.split("\n\n")[0],
                                epilog="Every other option goes to `borderkit borders`, `areas` or `route` unchanged.")
    p.add_argument("command", choices=["borders", "areas", "route"])
    p.add_argument("--scheduler", required=True, help="local:N (a LocalCluster of N single-threaded worker processes) or tcp://HOST:PORT")
    p.add_argument("--tiles", type=int, required=True, help="tiles (borders, areas) or batches of routes (route)")
    p.add_argument("--output", "-o", required=True)
    p.add_argument("--borderkit", default=None, help="the borderkit executable (default: borderkit on PATH)")
    args, passthrough = p.parse_known_args(argv)
    borderkit = args.borderkit or shutil.which("borderkit")
    if not borderkit:
        print("borderkit-dask: error: no borderkit on PATH; give --borderkit PATH", file=sys.stderr)
        return 2
    if args.tiles < 1:
        print("borderkit-dask: error: --tiles must be at least 1", file=sys.stderr)
        return 2
    try:
        run(args.command, passthrough, args.scheduler, args.tiles, args.output, os.path.abspath(borderkit))
    except TileError as e:
        print(f"borderkit-dask: error: {e}", file=sys.stderr)
        return 2
    except RuntimeError as e:
        print(f"borderkit-dask: error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
