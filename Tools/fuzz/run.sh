#!/usr/bin/env bash
# A fuzz pass anyone can repeat: builds the two libFuzzer targets (Tools/Fuzz: the GeoJSON reader and writer;
# the measure/validate/repair pipeline) with -sanitize=fuzzer,address into .build-fuzz and runs each for
# SECONDS (default 30; release build: optimised, with AddressSanitizer), starting from a seed corpus of real and hand-made files (the hostile corpus, the CLI
# fixtures, GeoData's smaller layers). New inputs that widen coverage are kept in .build-fuzz/corpus-*;
# a crash leaves its input as .build-fuzz/crash-* and fails the run (keep it as a regression test:
# Tests/BorderKitCLITests/Hostile, with its expected outcome).
# Usage: Tools/fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
bash Tools/setup.sh
export BORDERKIT_FUZZ=1
for product in fuzz-geojson-reader fuzz-measure; do
    swift build --scratch-path .build-fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
        --product "$product" 2>&1 | grep -E "error|warning: unre|Compiling|Build" | tail -2
done
bin=$(swift build --scratch-path .build-fuzz -c release --show-bin-path)
status=0
for product in fuzz-geojson-reader fuzz-measure; do
    corpus=.build-fuzz/corpus-$product
    mkdir -p "$corpus"
    seeds=$(mktemp -d)
    cp Tests/BorderKitCLITests/Hostile/*.geojson Tests/BorderKitCLITests/Fixtures/*.geojson "$seeds"/ 2>/dev/null || true
    cp GeoData/border-status.geojson GeoData/places.geojson GeoData/routes.geojson GeoData/claims.geojson "$seeds"/
    echo "fuzz: $product for ${seconds} s" >&2
    if ! ASAN_OPTIONS=detect_leaks=0 "$bin/$product" "$corpus" "$seeds" -max_total_time="$seconds" -max_len=65536 \
        -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix=.build-fuzz/ 2> ".build-fuzz/$product.log"; then
        status=1
        echo "fuzz: $product FOUND A PROBLEM (see .build-fuzz/$product.log and .build-fuzz/crash-*)" >&2
    fi
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|cov: [0-9]+ ft" ".build-fuzz/$product.log" | tail -3 >&2
    rm -rf "$seeds"
done
exit $status
