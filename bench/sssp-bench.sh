#!/usr/bin/env bash
# Single-source shortest paths on min<int> (§11) over a random graph made by bench/gen-sssp.py with a
# fixed seed (default 200,000 nodes, 1,000,000 weighted edges): median wall time, CPU time and peak RSS
# of RUNS runs (default 3) of `calm run --facts --output-dir`, JVM start included. The output must hold
# one distance per node.
#
#   bench/sssp-bench.sh [NODES [EDGES]]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nodes="${1:-200000}"
edges="${2:-1000000}"
runs="${RUNS:-3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 "$root/bench/gen-sssp.py" "$tmp/w" "$nodes" "$edges"
"$root/calm" --version >/dev/null 2>&1 # builds the jar once, outside the timings
: >"$tmp/walls"
: >"$tmp/cpus"
: >"$tmp/rss"
for ((i = 1; i <= runs; i++)); do
  rm -rf "$tmp/out"
  /usr/bin/time -f '%e %M %U %S' -o "$tmp/time" \
    "$root/calm" run "$tmp/w/program.calm" --facts "$tmp/w" --output-dir "$tmp/out" --format csv >/dev/null
  read -r wall rss user sys <"$tmp/time"
  echo "$wall" >>"$tmp/walls"
  echo "$rss" >>"$tmp/rss"
  echo "$user $sys" | awk '{ print $1 + $2 }' >>"$tmp/cpus"
  rows="$(wc -l <"$tmp/out/dist.csv")"
  if [[ "$rows" != "$nodes" ]]; then
    echo "sssp-bench: $rows distances, expected $nodes" >&2
    exit 1
  fi
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
printf 'sssp %d nodes %d edges: wall %s s, cpu %s s, peak RSS %d MB (median of %d; load average %s)\n' \
  "$nodes" "$edges" "$(median <"$tmp/walls")" "$(median <"$tmp/cpus")" "$(( $(median <"$tmp/rss") / 1024 ))" \
  "$runs" "$(cut -d' ' -f1 /proc/loadavg)"
