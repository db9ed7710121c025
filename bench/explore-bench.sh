#!/usr/bin/env bash
# Schedules per second of `calm explore` on Bloom's shopping carts (examples/16-bloom-carts) with a
# scenario of 3 nodes and 20 client actions (bench/carts-3-nodes-20-actions.scenario), on 1 thread
# and on every core. The figure is the exploration alone (witness shrinking included, JVM start
# excluded), as `calm explore --stats` reports it; the goal is >= 1,000 schedules/s on 2 cores.
#
#   bench/explore-bench.sh [RUNS]        (default 20000 schedules per program)
#   CARTS=dir bench/explore-bench.sh     (where destructive.calm and disorderly.calm are)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20000}"
carts="${CARTS:-$root/examples/16-bloom-carts}"
scenario="$root/bench/carts-3-nodes-20-actions.scenario"
cores="$(nproc)"
for program in destructive disorderly; do
  file="$carts/$program.calm"
  if [[ ! -f "$file" ]]; then
    echo "explore-bench: $file not found (set CARTS=dir)" >&2
    exit 2
  fi
done
"$root/calm" --version >/dev/null # builds the jar once, outside the timings
echo "calm explore, $runs schedules per program, scenario: 3 nodes, 20 actions; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
for program in destructive disorderly; do
  for jobs in 1 "$cores"; do
    start=$(date +%s.%N)
    cpu_before=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
    line="$("$root/calm" explore "$carts/$program.calm" --scenario "$scenario" --runs "$runs" --seed 7 \
      --jobs "$jobs" --stats 2>&1 >/dev/null | grep 'schedules in')"
    cpu_after=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
    cpu_ms=$(( (cpu_after - cpu_before) * 1000 / $(getconf CLK_TCK) ))
    printf '%-12s jobs=%s  %s; CPU %.3f ms/schedule (JVM start included)\n' "$program" "$jobs" \
      "${line#calm explore: }" "$(echo "$cpu_ms / $runs" | bc -l)"
  done
done
