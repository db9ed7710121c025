#!/usr/bin/env bash
# Times `calm lsp`: diagnostics after each change of a 2,000-rule program, once warm (docs/benchmarks.md).
# usage: bench/lsp-bench.sh [RULES] [WARMUP] [EDITS]     (default: 2000 40 100)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
"$root/calm" --version >/dev/null   # build the jar first, outside the timings
echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$here/calibrate.sh"
python3 "$here/lsp-bench.py" "$root/target/calm.jar" "${1:-2000}" "${2:-40}" "${3:-100}"
