#!/usr/bin/env python3
"""Lists public declarations of GeoCore and BorderKit without a doc comment (`///` right above the declaration or
its attributes); exits 1 if there is any. Run by Tools/docs/check.sh."""
import glob
import re
import sys

DECLARATION = re.compile(r"\s*public (static |final |mutating |convenience |private\(set\) )*(func|var|let|struct|enum|class|init|case|typealias|protocol)\b")
missing = []
for path in sorted(glob.glob("Sources/GeoCore/**/*.swift", recursive=True) + glob.glob("Sources/BorderKit/**/*.swift", recursive=True)):
    lines = open(path, encoding="utf-8").read().split("\n")
    for i, line in enumerate(lines):
        if DECLARATION.match(line) or re.match(r"\s*public init", line):
            j = i - 1
            while j >= 0 and lines[j].strip().startswith("@"):
                j -= 1
            if j < 0 or not lines[j].strip().startswith("///"):
                missing.append(f"{path}:{i + 1}: {line.strip()[:100]}")
for m in missing:
    print(m)
print(f"docs: {len(missing)} public declarations without a doc comment")
sys.exit(1 if missing else 0)
