#!/usr/bin/env bash
# Times the CALM analysis and `calm graph` on a generated 100,000-rule program.
#
# Usage: bench/graph-bench.sh [RULES]      (default 100000)
#
# Uses bench/gen-rules.py (the linter's benchmark) when it is there, else bench/gen-calm-rules.py,
# which exercises every kind of coordination point, seals and @coordinated. Prints wall and CPU time
# and peak memory for `calm check` (when the check command is built) and for `calm graph` in each
# text format. Figures go to docs/benchmarks.md, section "analysis and graph".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rules="${1:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -f "$root/bench/gen-rules.py" ]]; then
  python3 "$root/bench/gen-rules.py" "$rules" > "$work/big.calm"
  echo "program: bench/gen-rules.py $rules"
fi
python3 "$root/bench/gen-calm-rules.py" "$rules" > "$work/calm.calm"
echo "program: bench/gen-calm-rules.py $rules ($(wc -l < "$work/calm.calm") lines)"

"$root/calm" --version > /dev/null   # builds the jar once, outside the timings
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$root/bench/calibrate.sh"

measure() {
  local label="$1"
  shift
  /usr/bin/time -o "$work/time" -f "%e %U %M" "$@" > /dev/null 2> "$work/stderr" || true
  read -r wall user kb < <(tail -1 "$work/time")
  printf '%-40s %7s s wall %7s s cpu %6d MB\n' "$label" "$wall" "$user" "$((kb / 1024))"
}

for program in "$work"/*.calm; do
  name="$(basename "$program")"
  if "$root/calm" check --help > /dev/null 2>&1 && ! "$root/calm" check --help 2>&1 | grep -q "not built"; then
    measure "check $name" "$root/calm" check "$program"
  fi
  measure "graph --format dot $name" "$root/calm" graph "$program" --output "$work/out.dot"
  measure "graph --format mermaid $name" "$root/calm" graph --format mermaid "$program" --output "$work/out.mmd"
done
