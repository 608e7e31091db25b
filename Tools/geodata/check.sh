#!/usr/bin/env bash
# Rebuilds the generated GeoData files into a temporary folder and checks they equal the committed ones
# byte for byte. Exit 1 (with the differing files named) if not.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bash Tools/geodata/rebuild.sh "$tmp" >/dev/null
status=0
for f in "$tmp"/*; do
    name=$(basename "$f")
    if cmp -s "$f" "GeoData/$name"; then
        echo "geodata: $name rebuilt byte for byte"
    else
        echo "geodata: $name differs from the committed GeoData/$name" >&2
        status=1
    fi
done
exit $status
