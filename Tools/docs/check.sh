#!/usr/bin/env bash
# Checks the library's documentation: every public declaration of GeoCore and BorderKit has a doc comment
# (Tools/docs/undocumented.py), and the DocC catalogs build (swift-docc-plugin) with warnings as errors, so a
# symbol link that does not resolve or a parameter left undocumented fails the test command.
set -uo pipefail
cd "$(dirname "$0")/../.."
python3 Tools/docs/undocumented.py || exit 1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! swift package generate-documentation --target GeoCore --target BorderKit --warnings-as-errors >"$log" 2>&1; then
    grep -v "^\[" "$log" | tail -40
    echo "docs: the DocC catalogs do not build without warnings"
    exit 1
fi
echo "docs: the DocC catalogs of GeoCore and BorderKit build without a warning"
