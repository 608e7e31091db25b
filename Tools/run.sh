#!/usr/bin/env bash
# The main job: installs what is missing, builds BorderKit (release) and writes the whole analysis of the
# embedded South Caucasus data (GeoData) to borderkit-report/: index.md linking the borders, the claims and
# control at every date the data records, and the route comparisons, each with its SVG map, GeoJSON, CSV and
# JSON. Extra arguments go to `borderkit report` (e.g. --output DIR, --territories FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/setup.sh
swift build -c release --product borderkit 2>&1 | grep -v "^\[" || true
exec .build/release/borderkit report "$@"
