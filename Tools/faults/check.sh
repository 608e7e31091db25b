#!/usr/bin/env bash
# Faults during writes: kill -9 while a large output is being written, a full disk (a 256 KiB tmpfs), a
# read-only output folder (a read-only tmpfs) and a missing or empty GeoData. Each must leave the earlier file
# or none — never a partial one, never a stray temporary file — and say clearly what went wrong (exit 2).
# Mounting needs root (CI runs as root); without it the mount cases are reported as not run and the script fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
bin=$PWD/.build/release/borderkit
[ -x "$bin" ] || swift build -c release --product borderkit >/dev/null
world=../shared/data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson
[ -f "$world" ] || world=GeoData/territories.geojson
work=$(mktemp -d)
cleanup() { mountpoint -q "$work/full" && umount "$work/full"; mountpoint -q "$work/ro" && umount "$work/ro"; rm -rf "$work"; }
trap cleanup EXIT
failed=0
fail() { echo "faults: FAIL $*" >&2; failed=1; }
ok() { echo "faults: ok   $*"; }

# 1. kill -9 at 30 moments spread over the end of a run of `convert` (17 MB out), where the output is being
#    written, over an earlier output: each must leave the earlier file or the whole new one, and nothing else.
"$bin" convert "$world" -o "$work/reference.geojson" 2>/dev/null
printf 'EARLIER OUTPUT\n' > "$work/earlier"
mkdir -p "$work/kill"
start=$(date +%s%N); "$bin" convert "$world" -o "$work/kill/timing.geojson"; run_ns=$(( $(date +%s%N) - start )); rm -f "$work/kill/timing.geojson"
outcomes=""
left=""
for k in $(seq 0 29); do
    delay=$(awk -v t="$run_ns" -v k="$k" 'BEGIN { printf "%.3f", t * (0.6 + 0.015 * k) / 1e9 }')
    cp "$work/earlier" "$work/kill/out.geojson"
    "$bin" convert "$world" -o "$work/kill/out.geojson" 2>/dev/null &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if cmp -s "$work/kill/out.geojson" "$work/earlier"; then outcomes+="e"
    elif cmp -s "$work/kill/out.geojson" "$work/reference.geojson"; then outcomes+="n"
    else fail "kill -9 after ${delay} s left a partial file ($(wc -c < "$work/kill/out.geojson") bytes)"; fi
    # Linux cannot link a file over an existing name: replacing a file names the new one
    # .out.geojson.tmp-PID-N, then renames it. A kill between the two (a window of tens of microseconds) leaves
    # that name holding the whole new output; the next write to out.geojson removes it. Anything else is a fault.
    for extra in $(ls -A "$work/kill" | grep -v '^out.geojson$'); do
        [[ " $left " == *" $extra "* ]] && continue
        if [[ "$extra" =~ ^\.out\.geojson\.tmp-[0-9]+-[0-9]+$ ]] && cmp -s "$work/kill/$extra" "$work/reference.geojson"; then
            outcomes+="+"; left+=" $extra"
        else fail "kill -9 after ${delay} s left $extra behind"; fi
    done
done
"$bin" convert "$world" -o "$work/kill/out.geojson"
remaining=$(ls -A "$work/kill" | grep -v '^out.geojson$')
[ -z "$remaining" ] || fail "the next write left $remaining behind (a killed run's whole new output under a temporary name)"
ok "kill -9 at 30 moments from 60% to 104% of a $((run_ns / 1000000)) ms run: each left the earlier file (e) or the whole new one (n)${left:+, or the whole new one under a temporary name (+) removed by the next write}, nothing else: $outcomes"

if [ "$(id -u)" -ne 0 ]; then
    fail "the full-disk and read-only cases need root to mount a tmpfs; not run"
else
    # 2. Full disk: a 256 KiB tmpfs, a 17 MB output.
    mkdir -p "$work/full" && mount -t tmpfs -o size=256k tmpfs "$work/full"
    "$bin" convert "$world" -o "$work/full/out.geojson" 2> "$work/stderr"; status=$?
    if [ "$status" -eq 2 ] && grep -q "No space left on device" "$work/stderr" && [ -z "$(ls -A "$work/full")" ]; then
        ok "full disk: exit 2, \"$(head -c 160 "$work/stderr" | tr -d '\n')\", nothing left"
    else fail "full disk: exit $status, $(cat "$work/stderr"), left: $(ls -A "$work/full")"; fi
    printf 'EARLIER OUTPUT\n' > "$work/full/kept.geojson"
    "$bin" convert "$world" -o "$work/full/kept.geojson" 2>/dev/null
    cmp -s "$work/full/kept.geojson" "$work/earlier" && ok "full disk: the earlier file is kept whole" || fail "full disk: the earlier file was changed"
    # 3. Read-only folder: a read-only tmpfs (root ignores permission bits, so a mode would prove nothing).
    mkdir -p "$work/ro" && mount -t tmpfs -o size=1m tmpfs "$work/ro" && printf 'EARLIER OUTPUT\n' > "$work/ro/kept.geojson" && mount -o remount,ro "$work/ro"
    for cmd in "convert $world" "borders --format geojson" "map --layers territories"; do
        # shellcheck disable=SC2086
        "$bin" $cmd -o "$work/ro/kept.geojson" 2> "$work/stderr"; status=$?
        if [ "$status" -eq 2 ] && grep -q "Read-only file system" "$work/stderr" && cmp -s "$work/ro/kept.geojson" "$work/earlier" && [ "$(ls -A "$work/ro")" = "kept.geojson" ]; then
            ok "read-only folder, ${cmd%% *}: exit 2, \"$(head -c 120 "$work/stderr" | tr -d '\n')\", earlier file kept"
        else fail "read-only folder, $cmd: exit $status, $(cat "$work/stderr")"; fi
    done
    "$bin" report -o "$work/ro/report" 2> "$work/stderr"; status=$?
    [ "$status" -eq 2 ] && grep -q "Read-only file system" "$work/stderr" && ok "read-only folder, report: exit 2" || fail "read-only folder, report: exit $status, $(cat "$work/stderr")"
fi

# 4. Missing or empty GeoData.
BORDERKIT_GEODATA="$work/nowhere" "$bin" borders 2> "$work/stderr"; status=$?
[ "$status" -eq 2 ] && grep -q "BORDERKIT_GEODATA=.* is not a folder" "$work/stderr" && ok "GeoData missing: $(cat "$work/stderr")" || fail "GeoData missing: exit $status, $(cat "$work/stderr")"
mkdir -p "$work/empty"
BORDERKIT_GEODATA="$work/empty" "$bin" areas 2> "$work/stderr"; status=$?
[ "$status" -eq 2 ] && grep -q 'GeoData layer "territories" is missing' "$work/stderr" && ok "GeoData empty: $(cat "$work/stderr")" || fail "GeoData empty: exit $status, $(cat "$work/stderr")"
printf '{"type":"FeatureCollection","features":[' > "$work/empty/territories.geojson"
BORDERKIT_GEODATA="$work/empty" "$bin" borders 2> "$work/stderr"; status=$?
[ "$status" -eq 2 ] && grep -q "territories.geojson" "$work/stderr" && ok "GeoData damaged: $(cat "$work/stderr")" || fail "GeoData damaged: exit $status, $(cat "$work/stderr")"

if [ "$failed" -ne 0 ]; then echo "faults: failures above" >&2; exit 1; fi
echo "faults: every fault left the earlier file or none and said why"
