#!/usr/bin/env bash
# The 200-route benchmark: BorderKit against the shapely + pyproj pipeline (peer_routes.py) on the same
# synthetic routes (make_routes.py, seeded) and the embedded territories, with a check that they agree.
# Usage: Tools/bench/routes.sh [N=200]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
n=${1:-200}
venv=.venv-bench
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q shapely==2.1.2 pyproj==3.7.2 2>/dev/null || "$venv/bin/pip" install -q shapely pyproj
swift build -c release --product borderkit 2>&1 | grep -v "^\[" || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" Tools/bench/make_routes.py "$work/routes.geojson" "$n" 7
start=$(date +%s%N)
.build/release/borderkit route --routes "$work/routes.geojson" --format json -o "$work/ours.json"
ours=$(( ($(date +%s%N) - start) / 1000000 ))
start=$(date +%s%N)
"$venv/bin/python" -W ignore Tools/bench/peer_routes.py "$work/routes.geojson" GeoData/territories.geojson "$work/peer.json" >/dev/null
peer=$(( ($(date +%s%N) - start) / 1000000 ))
"$venv/bin/python" - "$work/ours.json" "$work/peer.json" "$ours" "$peer" <<'PY'
import json, sys
ours = json.load(open(sys.argv[1]))["routes"]; peer = json.load(open(sys.argv[2]))["routes"]
worst_len = max(abs(o["length_m"] - p["length_m"]) / p["length_m"] for o, p in zip(ours, peer))
worst_jur = 0.0
for o, p in zip(ours, peer):
    a = {j["id"]: j["length_m"] for j in o["jurisdictions"]}; b = {j["id"]: j["length_m"] for j in p["jurisdictions"]}
    worst_jur = max([worst_jur] + [abs(a.get(k, 0) - b.get(k, 0)) for k in set(a) | set(b)])
worst_corridor = max(abs(o["corridor"]["area_m2"] - p["corridor_area_m2"]) / p["corridor_area_m2"] for o, p in zip(ours, peer))
worst_min = max(abs(o["nearest_border"]["min_m"] - p["min_m"]) for o, p in zip(ours, peer) if o["nearest_border"] and p["min_m"] is not None)
t_ours, t_peer = float(sys.argv[3]) / 1000, float(sys.argv[4]) / 1000
print(f"routes: {len(ours)}; length rel. diff max {worst_len:.1e}; per-jurisdiction max diff {worst_jur:.0f} m "
      f"(pieces under the 100 m snap merge); corridor area rel. diff max {worst_corridor:.1e}; "
      f"nearest-border max diff {worst_min:.1f} m")
print(f"borderkit {t_ours:.2f} s, shapely + pyproj {t_peer:.2f} s: peer/ours = {t_peer / t_ours:.2f}")
PY
