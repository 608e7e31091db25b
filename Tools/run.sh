#!/usr/bin/env bash
# The main job: installs what is missing, builds BorderKit (release) and measures the embedded South
# Caucasus territories (GeoData). Extra arguments go to `borderkit measure` (e.g. --format json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/setup.sh
swift build -c release --product borderkit 2>&1 | grep -v "^\[" || true
exec .build/release/borderkit measure "$@"
