#!/usr/bin/env bash
# Installs BorderKit: builds the release binary and copies, under a prefix (default /usr/local):
#   bin/borderkit                                  the command
#   share/borderkit/GeoData/                       the embedded data (found from the binary at ../share/borderkit/GeoData)
#   share/man/man1/borderkit*.1                    the man pages (Docs/man, generated from the command's definitions)
#   share/bash-completion/completions/borderkit    bash completion
#   share/zsh/site-functions/_borderkit            zsh completion
#   share/fish/vendor_completions.d/borderkit.fish fish completion
# Installs what it needs to build first (Tools/setup.sh). Usage: bash Tools/install.sh [--prefix DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=/usr/local
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        *) echo "install: unknown argument $1 (usage: Tools/install.sh [--prefix DIR])" >&2; exit 2 ;;
    esac
done
bash Tools/setup.sh
swift build -c release --product borderkit 2>&1 | grep -v "^\[" || true
install -d "$prefix/bin" "$prefix/share/borderkit" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
    "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 .build/release/borderkit "$prefix/bin/borderkit"
rm -rf "$prefix/share/borderkit/GeoData"
cp -R GeoData "$prefix/share/borderkit/GeoData"
install -m 644 Docs/man/*.1 "$prefix/share/man/man1/"
install -m 644 Docs/completions/borderkit.bash "$prefix/share/bash-completion/completions/borderkit"
install -m 644 Docs/completions/_borderkit "$prefix/share/zsh/site-functions/_borderkit"
install -m 644 Docs/completions/borderkit.fish "$prefix/share/fish/vendor_completions.d/borderkit.fish"
echo "install: borderkit $("$prefix/bin/borderkit" --version) in $prefix"
