#!/usr/bin/env bash
# Times a full `chorus export` against the equivalent GROUP BY queries in the sqlite3 shell, at
# 100,000 and 1,000,000 responses, with peak memory. Generated databases are cached under
# .build/bench (about 1.5 GB; the first run takes a few minutes to make them).
# Usage: Benchmarks/export.sh [CHORUS] [repetitions]
set -euo pipefail
cd "$(dirname "$0")/.."
chorus="${1:-}"
if [ -z "$chorus" ]; then
    Scripts/bootstrap
    swift build -c release --static-swift-stdlib --product chorus >&2
    chorus="$(swift build -c release --static-swift-stdlib --show-bin-path)/chorus"
fi
python3 Benchmarks/export.py "$chorus" Surveys/safety-priorities.xml "${2:-3}"
