#!/usr/bin/env bash
# Builds the DocC catalogs of GeoCore and BorderKit (swift-docc-plugin) with warnings as errors: a symbol link
# that does not resolve or a parameter left undocumented fails the test command.
set -uo pipefail
cd "$(dirname "$0")/../.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! swift package generate-documentation --target GeoCore --target BorderKit --warnings-as-errors >"$log" 2>&1; then
    grep -v "^\[" "$log" | tail -40
    echo "docs: the DocC catalogs do not build without warnings"
    exit 1
fi
echo "docs: the DocC catalogs of GeoCore and BorderKit build without a warning"
