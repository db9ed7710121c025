#!/usr/bin/env bash
# Schedules per second of `calm explore` on Bloom's shopping carts (examples/16-bloom-carts) with a
# scenario of 3 nodes and 20 client actions (bench/carts-3-nodes-20-actions.scenario), on 1 thread
# and on every core. Two figures per run: schedules per second of the exploration alone (witness
# shrinking included, JVM start excluded), as `calm explore --stats` reports it; and schedules per
# CPU-second of the whole process (JVM start, the JIT compiler threads and the collector included),
# the figure that still means something on a machine shared with other jobs.
#
#   bench/explore-bench.sh [RUNS]        (default 20000 schedules per program)
#   CARTS=dir bench/explore-bench.sh     (where destructive.calm and disorderly.calm are)
#   BASE_JAR=old.jar PAIRS=3 bench/explore-bench.sh
#       alternates every run with the same run of old.jar (both as `java $JAVA_OPTS -jar`, the
#       launcher's collector flags, no class-data archive), PAIRS times, for paired ratios
#   JOBS="1 2" JAVA_OPTS="-XX:+UseParallelGC -XX:TieredStopAtLevel=1" bench/explore-bench.sh
#       other thread counts, other JVM flags (only with BASE_JAR or JAR; the launcher has its own)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20000}"
carts="${CARTS:-$root/examples/16-bloom-carts}"
scenario="$root/bench/carts-3-nodes-20-actions.scenario"
cores="$(nproc)"
jobs_list="${JOBS:-1 $cores}"
pairs="${PAIRS:-1}"
java_opts="${JAVA_OPTS:--XX:+UseParallelGC -XX:-UsePerfData}"
for program in destructive disorderly; do
  file="$carts/$program.calm"
  if [[ ! -f "$file" ]]; then
    echo "explore-bench: $file not found (set CARTS=dir)" >&2
    exit 2
  fi
done
"$root/calm" --version >/dev/null # builds the jar once, outside the timings
jars=()
if [[ -n "${BASE_JAR:-}" ]]; then
  jars=("$BASE_JAR" "${JAR:-$root/target/calm.jar}")
elif [[ -n "${JAR:-}" ]]; then
  jars=("$JAR")
fi
echo "calm explore, $runs schedules per program, scenario: 3 nodes, 20 actions; $cores cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
# one exploration; prints the --stats figure and the process CPU time
measure() {
  local jar="$1" program="$2" jobs="$3" tmp line cpu
  tmp="$(mktemp)"
  local cmd=("$root/calm")
  [[ -n "$jar" ]] && cmd=(java $java_opts -jar "$jar")
  /usr/bin/time -f '%U %S' -o "$tmp" "${cmd[@]}" explore "$carts/$program.calm" --scenario "$scenario" \
    --runs "$runs" --seed 7 --jobs "$jobs" --stats 2> "$tmp.err" > /dev/null
  line="$(grep 'schedules in' "$tmp.err")"
  cpu="$(awk '{print $1 + $2}' "$tmp")"
  rm -f "$tmp" "$tmp.err"
  printf '%-12s jobs=%s %-14s %s; CPU %.2f s: %.0f schedules per CPU-second (JVM start included)\n' \
    "$program" "$jobs" "${jar:+$(basename "$jar")}" "${line#calm explore: }" "$cpu" "$(echo "$runs / $cpu" | bc -l)"
}
for program in destructive disorderly; do
  for jobs in $jobs_list; do
    for ((pair = 0; pair < pairs; pair++)); do
      if ((${#jars[@]} == 0)); then
        measure "" "$program" "$jobs"
      else
        for jar in "${jars[@]}"; do
          measure "$jar" "$program" "$jobs"
        done
      fi
    done
  done
done
