#!/usr/bin/env bash
# The interactive maps in a real browser (issue 21): headless Chromium driven by selenium through Debian's
# chromedriver. Skips with a message where Chromium cannot be installed (a user's machine without root); the test
# command installs it (Tools/setup.sh) so CI always runs it. Uses the release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "browser check: SKIPPED: chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"
    exit 0
fi
if [ ! -f /usr/share/javascript/leaflet/leaflet.min.js ] && [ -z "${BORDERKIT_LEAFLET_DIR:-}" ]; then
    echo "browser check: SKIPPED: Leaflet is not installed (apt-get install libjs-leaflet)"
    exit 0
fi
venv=.venv-browser
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check selenium==4.27.1 pillow==11.0.0
swift build -c release --product borderkit 2>&1 | grep -v "^\[" || true
exec "$venv/bin/python" Tools/browser/check.py "$PWD/.build/release/borderkit"
