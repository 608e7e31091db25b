#!/usr/bin/env bash
# Runs every command on a 10^6-vertex ring with the release build and requires each to finish within 10 s
# with exit 0, 1 or 2 (the unit tests run the small hostile corpus with the debug build).
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
swift build -c release --product borderkit 2>&1 | grep -v "^\[" >&2 || true
bin=.build/release/borderkit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/ring.geojson" <<'PY'
import math, sys
n = 1_000_000
def f(v): return format(round(v, 7), ".7f").rstrip("0").rstrip(".")
pts = ",".join(f"[{f(45 + math.cos(2 * math.pi * (k % n) / n))},{f(40 + math.sin(2 * math.pi * (k % n) / n))}]" for k in range(n + 1))
open(sys.argv[1], "w").write('{"type":"Feature","properties":{"name":"million"},"geometry":{"type":"Polygon","coordinates":[[' + pts + ']]}}')
PY
failed=0
for args in "measure $work/ring.geojson" "validate $work/ring.geojson" "borders --territories $work/ring.geojson" \
            "areas --territories $work/ring.geojson" "route --routes $work/ring.geojson" "diff --match-by name $work/ring.geojson $work/ring.geojson" \
            "convert $work/ring.geojson -o $work/out.geojson" "map --territories $work/ring.geojson -o $work/out.svg"; do
    start=$(date +%s%N)
    timeout 10 $bin $args > /dev/null 2>"$work/err"
    status=$?
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ "$status" -gt 2 ]; then echo "hostile: FAIL borderkit $args: exit $status after $ms ms $(head -c 300 "$work/err")" >&2; failed=1
    else echo "hostile: ok   borderkit ${args/$work\//} (exit $status, $ms ms)"; fi
done
exit $failed
