#!/usr/bin/env bash
# The test command: installs what is missing, builds, runs every test, then the leak check and the check
# that GeoData rebuilds byte for byte from its sources; the hostile 10^6-vertex check runs on the release build;
# then every notebook is executed from a clean state (Tools/notebooks/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/setup.sh
swift build --build-tests 2>&1 | grep -v "^\[" || true
swift test
bash Tools/leakcheck.sh
bash Tools/hostile/check.sh
bash Tools/geodata/check.sh
bash Tools/notebooks/run.sh
