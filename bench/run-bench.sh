#!/usr/bin/env bash
# Runs the shared benchmark workloads through `./calm run PROG --facts DIR`, checks every output
# against expected.txt, and prints the median wall time and peak RSS of RUNS runs (default 3).
#
#   bench/run-bench.sh [BENCH_DIR]        BENCH_DIR defaults to ../shared/bench (from the repo root)
#   RUNS=5 bench/run-bench.sh             more runs
#   CALM_JAVA_OPTS=... bench/run-bench.sh other JVM flags (as the ./calm launcher)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="${1:-$root/../shared/bench}"
runs="${RUNS:-3}"
if [[ ! -d "$bench" ]]; then
  echo "run-bench: no benchmark directory at $bench" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "run-bench: needs /usr/bin/time (GNU time) for peak memory" >&2
  exit 2
fi
"$root/calm" --version >/dev/null 2>&1 # builds the jar once, outside the timings
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-24s %10s %10s %12s  %s\n' workload "wall (s)" "cpu (s)" "peak RSS" result
status=0
for dir in "$bench"/*/; do
  name="$(basename "$dir")"
  [[ -f "$dir/program.calm" && -f "$dir/expected.txt" ]] || continue
  : >"$tmp/walls"
  : >"$tmp/rss"
  : >"$tmp/cpus"
  result=ok
  for ((i = 1; i <= runs; i++)); do
    rm -rf "$tmp/out"
    if ! /usr/bin/time -f '%e %M %U %S' -o "$tmp/time" \
        "$root/calm" run "$dir/program.calm" --facts "$dir" --output-dir "$tmp/out" --format csv \
        >"$tmp/stdout" 2>"$tmp/stderr"; then
      result="FAILED (exit status; see below)"
      cat "$tmp/stderr" >&2
      status=1
      break
    fi
    read -r wall rss user sys <"$tmp/time"
    echo "$wall" >>"$tmp/walls"
    echo "$user $sys" | awk '{ printf "%.2f\n", $1 + $2 }' >>"$tmp/cpus"
    echo "$rss" >>"$tmp/rss"
    # expected.txt: one "relation value..." line per output fact
    while read -r rel _; do
      [[ -n "$rel" ]] || continue
      tr '\t' ' ' <"$tmp/out/$rel.csv" | sed "s/^/$rel /"
    done < <(awk '{ print $1 }' "$dir/expected.txt" | sort -u) | sort >"$tmp/actual"
    if ! sort "$dir/expected.txt" | diff -q - "$tmp/actual" >/dev/null; then
      result="WRONG RESULT"
      echo "$name: expected vs actual:" >&2
      sort "$dir/expected.txt" | diff - "$tmp/actual" >&2 || true
      status=1
    fi
  done
  if [[ -s "$tmp/walls" ]]; then
    wall="$(median <"$tmp/walls")"
    cpu="$(median <"$tmp/cpus")"
    rss_mb="$(median <"$tmp/rss" | awk '{ printf "%.0f MB", $1 / 1024 }')"
  else
    wall="-"
    cpu="-"
    rss_mb="-"
  fi
  printf '%-24s %10s %10s %12s  %s\n' "$name" "$wall" "$cpu" "$rss_mb" "$result"
done
exit "$status"
