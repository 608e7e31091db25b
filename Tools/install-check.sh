#!/usr/bin/env bash
# Installs BorderKit into a temporary prefix (Tools/install.sh) and runs the installed command from / with an
# empty environment, so that no checkout is around: it must find its GeoData under the prefix, and its man pages
# and completions must be where shells and man look. Removes the prefix afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
bash Tools/install.sh --prefix "$prefix" >/dev/null
out=$(cd / && env -i PATH=/usr/bin:/bin "$prefix/bin/borderkit" data)
grep -q "^# Embedded data ($prefix/bin/../share/borderkit/GeoData)" <<<"$out" || { echo "install-check: the installed borderkit did not use its own GeoData:"; head -3 <<<"$out"; exit 1; }
for f in share/man/man1/borderkit.1 share/man/man1/borderkit.borders.1 share/bash-completion/completions/borderkit \
         share/zsh/site-functions/_borderkit share/fish/vendor_completions.d/borderkit.fish; do
    [ -s "$prefix/$f" ] || { echo "install-check: $f is missing"; exit 1; }
done
(cd / && env -i PATH=/usr/bin:/bin "$prefix/bin/borderkit" borders --pair armenia,azerbaijan >/dev/null)
echo "install-check: borderkit installed in a temporary prefix runs from / with its own GeoData, man pages and completions"
