#!/usr/bin/env bash
# Regenerates what is derived from the command line's ArgumentParser definitions and committed beside the code:
# the man pages (Docs/man, swift-argument-parser's generate-manual plugin, one page per subcommand), the shell
# completions for bash, zsh and fish (Docs/completions, `borderkit --generate-completion-script`) and the
# definitions themselves (Docs/man/borderkit.help.json, `--experimental-dump-help`), which the tests compare with
# the built binary's so that a changed option fails them until this script is run again.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --product borderkit 2>&1 | grep -v "^\[" || true
borderkit=.build/debug/borderkit
mkdir -p Docs/man Docs/completions
swift package --allow-writing-to-directory Docs/man generate-manual --multi-page --date 2026-11-28 \
    --authors "BorderKit" --output-directory Docs/man >/dev/null
"$borderkit" --experimental-dump-help > Docs/man/borderkit.help.json
"$borderkit" --generate-completion-script bash > Docs/completions/borderkit.bash
"$borderkit" --generate-completion-script zsh > Docs/completions/_borderkit
"$borderkit" --generate-completion-script fish > Docs/completions/borderkit.fish
echo "docs: $(ls Docs/man/*.1 | wc -l) man pages and 3 completion scripts in Docs/"
