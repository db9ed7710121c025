#!/usr/bin/env bash
# Times how long `calm run` of a large program takes before its first tick (issue 19: under 3 s on the
# 100,000-rule benchmark), as the moment the first line of `--trace` reaches us: the JVM's start, the
# parse, the checks and the plan, with the wall time of the whole command beside it; and the whole of
# `calm explore --runs 1` (set-up and one schedule: explore has no trace). Median of RUNS runs
# (default 3) of each. Writes bench/out/calm-RULES.calm (ignored by git).
#
# usage: bench/first-tick.sh [RULES]      (default: 100000, from bench/gen-calm-rules.py)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
rules="${1:-100000}"
runs="${RUNS:-3}"
mkdir -p "$here/out"
file="$here/out/calm-$rules.calm"
[[ -f "$file" ]] || python3 "$here/gen-calm-rules.py" "$rules" > "$file"
"$root/calm" --version > /dev/null   # builds the jar (and its class-data archive) outside the timings
echo "program: bench/gen-calm-rules.py $rules ($(du -h "$file" | cut -f1)); machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$here/calibrate.sh"
# Prints "FIRST TOTAL" in seconds: when the first line of standard output came, and when the command ended.
first_line() {
  python3 - "$@" <<'PY'
import subprocess, sys, time
start = time.monotonic()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
first = None
for _ in proc.stdout:
    if first is None:
        first = time.monotonic() - start
proc.wait()
print("%.2f %.2f" % (first if first is not None else -1, time.monotonic() - start))
PY
}
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
firsts=()
totals=()
explores=()
for ((i = 1; i <= runs; i++)); do
  read -r first total < <(first_line "$root/calm" run "$file" --trace)
  firsts+=("$first")
  totals+=("$total")
  read -r _ total < <(first_line "$root/calm" explore "$file" --runs 1)
  explores+=("$total")
done
printf 'run      first tick after %s s (each: %s), whole command %s s\n' \
  "$(median "${firsts[@]}")" "${firsts[*]}" "$(median "${totals[@]}")"
printf 'explore  --runs 1, whole command %s s (each: %s)\n' "$(median "${explores[@]}")" "${explores[*]}"
