#!/usr/bin/env bash
# Paired, alternating runs of a baseline launcher and this checkout's ./calm on workload folders
# (program.calm and facts side by side), for a machine shared with other jobs where only ratios mean
# something: per workload the medians of CPU (user + system) and wall, the median of the pairs' ratios
# and their range, and peak RSS; outputs of the two are compared in every pair.
#
#   BASE=/tmp/me-base/calm PAIRS=5 bench/paired-runs.sh /work/scratch/peer/triangle_n30000_m600000 ...
#
# BASE is a launcher beside its own target/calm.jar, e.g. made from a baseline jar:
#   mkdir -p /tmp/me-base/target && cp BASE.jar /tmp/me-base/target/calm.jar \
#     && git show main:calm > /tmp/me-base/calm && chmod +x /tmp/me-base/calm
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="${BASE:?set BASE to a baseline launcher (see the header)}"
pairs="${PAIRS:-5}"
[[ -x /usr/bin/time ]] || { echo "paired-runs: needs /usr/bin/time (GNU time)" >&2; exit 2; }
"$root/calm" --version >/dev/null 2>&1 # builds the jar once, outside the timings
"$base" --version >/dev/null 2>&1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
status=0
for w in "$@"; do
  w="${w%/}"
  : >"$tmp/log"
  for ((i = 1; i <= pairs; i++)); do
    for who in base new; do
      launcher="$base"
      [[ "$who" == new ]] && launcher="$root/calm"
      rm -rf "$tmp/out-$who" && mkdir -p "$tmp/out-$who"
      /usr/bin/time -f "$who %e %U %S %M" -a -o "$tmp/log" \
        "$launcher" run "$w/program.calm" --facts "$w" --output-dir "$tmp/out-$who" --format csv >/dev/null
    done
    diff -r "$tmp/out-base" "$tmp/out-new" >/dev/null || { echo "$(basename "$w"): outputs differ in pair $i"; status=1; }
  done
  python3 - "$(basename "$w")" "$tmp/log" <<'PY'
import statistics, sys
name, log = sys.argv[1], sys.argv[2]
rows = [l.split() for l in open(log) if l.split() and l.split()[0] in ("base", "new")]
b = [r for r in rows if r[0] == "base"]
n = [r for r in rows if r[0] == "new"]
cpu = lambda r: float(r[2]) + float(r[3])
med = statistics.median
cr = [cpu(y) / cpu(x) for x, y in zip(b, n)]
wr = [float(y[1]) / float(x[1]) for x, y in zip(b, n)]
print(f"| {name} | {len(cr)} | {med([cpu(x) for x in b]):.2f} s | {med([cpu(x) for x in n]):.2f} s | "
      f"{med(cr):.2f} ({min(cr):.2f}-{max(cr):.2f}) | {med(wr):.2f} ({min(wr):.2f}-{max(wr):.2f}) | "
      f"{int(med([int(x[4]) for x in b])) // 1024} -> {int(med([int(x[4]) for x in n])) // 1024} MB |")
PY
done
echo "PAIRS=$pairs, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
