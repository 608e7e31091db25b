#!/usr/bin/env bash
# The long reliability runs (minutes each; their last results are in RELIABILITY.md): the whole test suite
# under AddressSanitizer and under ThreadSanitizer (parallel borders, routes and measure included), each in its
# own build folder. Usage: Tools/reliability/sanitizers.sh [address|thread]...   (default: both)
set -uo pipefail
cd "$(dirname "$0")/../.."
bash Tools/setup.sh
status=0
export BORDERKIT_TEST_TIMEOUT_SCALE=10   # sanitized builds run several times slower
for sanitizer in "${@:-address thread}"; do
    for s in $sanitizer; do
        echo "sanitizers: swift test --sanitize=$s" >&2
        start=$(date +%s)
        if swift test --scratch-path ".build-$s" --sanitize="$s" 2>&1 | tee ".build-$s.log" | grep -E "Test run with|error:|ERROR: (Address|Thread)Sanitizer|WARNING: ThreadSanitizer" | tail -5; then :; fi
        if grep -qE "ERROR: AddressSanitizer|WARNING: ThreadSanitizer|Test run with .* failed" ".build-$s.log"; then
            status=1
            echo "sanitizers: $s FOUND PROBLEMS (see .build-$s.log)" >&2
        elif ! grep -q "Test run with .* passed" ".build-$s.log"; then
            status=1
            echo "sanitizers: $s did not finish (see .build-$s.log)" >&2
        else
            echo "sanitizers: $s clean in $(( $(date +%s) - start )) s" >&2
        fi
    done
done
exit $status
