#!/usr/bin/env bash
# Schedules per second of `calm explore` on the bank example (examples/04-bank-balance/in-place.calm)
# with its invariant ("one balance per account", §12) and without it (the same file, constraint lines
# removed), so that the cost of checking constraints in every tick of every schedule shows. The goal:
# >= 5,000 schedules/s with the invariant. The figure is the exploration alone (witness shrinking
# included, JVM start excluded), as `calm explore --stats` reports it.
#
#   bench/constraints-bench.sh [RUNS]     (default 20000 schedules per variant)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20000}"
with="$root/examples/04-bank-balance/in-place.calm"
without="$(mktemp --suffix=.calm)"
trap 'rm -f "$without"' EXIT
grep -v '^@invariant\|^:-' "$with" > "$without"
"$root/calm" --version >/dev/null # builds the jar once, outside the timings
echo "calm explore, $runs schedules per variant; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
for variant in with without; do
  file="$with"
  [[ "$variant" == without ]] && file="$without"
  for jobs in 1 "$(nproc)"; do
    line="$("$root/calm" explore "$file" --runs "$runs" --seed 7 --jobs "$jobs" --stats 2>&1 >/dev/null \
      | grep 'schedules in')"
    printf '%-8s the invariant  jobs=%s  %s\n' "$variant" "$jobs" "${line#calm explore: }"
  done
done
