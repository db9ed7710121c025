#!/usr/bin/env bash
# Start-up and footprint of `calm run` (issue 19): for a trivial program and the eight Calm vs Soufflé
# workloads, PAIRS (default 3) alternating rounds of
#   BASE/calm run PROG --facts DIR --output-dir OUT --format csv    (a baseline checkout's launcher and jar)
#   ./calm   run PROG --facts DIR --output-dir OUT --format csv     (this one)
#   souffle --jobs=1 -F DIR -D OUT PROG.dl                          (when SOUFFLE is set; not for trivial)
# under /usr/bin/time; prints medians of wall time, CPU time (user + system) and peak RSS per command,
# and whether this launcher's output files equal the baseline's (sorted lines). On a loaded machine
# compare CPU and RSS; wall time is only meaningful on a quiet one.
#
#   BASE=/path/to/main-checkout SOUFFLE=/path/to/souffle PEER_DIR=DIR PAIRS=3 bench/startup-bench.sh
#   ONLY='trivial agg neg'   a subset of: trivial tc sg neg agg andersen cspa triangle strata
# BASE needs `calm` and `target/calm.jar` (its launcher records its own archive on first use); a
# built jar alone will do: mkdir -p B/target; cp JAR B/target/calm.jar; git show REV:calm > B/calm.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="${BASE:?set BASE to a baseline checkout with calm and target/calm.jar}"
souffle="${SOUFFLE:-}"
pairs="${PAIRS:-3}"
peer="${PEER_DIR:-/tmp/calm-peer-workloads}"
shared="$root/../shared/bench"
[[ -x /usr/bin/time ]] || { echo "startup-bench: needs /usr/bin/time (GNU time)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
printf 'table t(x: int).\noutput table o(x: int).\nt(1).\no(X) :- t(X).\n' > "$tmp/trivial.calm"
"$root/calm" --version > /dev/null 2>&1 # builds the jar and archive once, outside the timings
"$base/calm" run "$tmp/trivial.calm" > /dev/null 2>&1
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "| workload | command | wall (s) | CPU (s) | peak RSS (MB) |"
echo "|---|---|---|---|---|"
status=0
for w in ${ONLY:-trivial tc sg neg agg andersen cspa triangle strata}; do
  case "$w" in
    trivial) d="$tmp"; prog="$tmp/trivial.calm"; dl="" ;;
    tc | sg | neg | agg) d="$(ls -d "$shared/${w}_"*/ | head -1)"; d="${d%/}"; prog="$d/program.calm"; dl="$root/bench/souffle/$w.dl" ;;
    *) d="$(ls -d "$peer/${w}_"*/ | head -1)"; d="${d%/}"; prog="$d/program.calm"; dl="$d/program.dl" ;;
  esac
  kinds="base calm"
  [[ -n "$souffle" && -n "$dl" ]] && kinds="$kinds souffle"
  for k in $kinds; do : > "$tmp/$k.log"; done
  for ((i = 1; i <= pairs; i++)); do
    for k in $kinds; do
      rm -rf "$tmp/out-$k" && mkdir -p "$tmp/out-$k"
      case "$k" in
        base) cmd=("$base/calm" run "$prog" --output-dir "$tmp/out-$k" --format csv) ;;
        calm) cmd=("$root/calm" run "$prog" --output-dir "$tmp/out-$k" --format csv) ;;
        souffle) cmd=("$souffle" --jobs=1 -F "$d" -D "$tmp/out-$k" "$dl") ;;
      esac
      [[ "$k" == souffle || "$w" == trivial ]] || cmd+=(--facts "$d")
      /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "${cmd[@]}" > /dev/null 2> "$tmp/stderr" || { cat "$tmp/stderr" >&2; exit 1; }
      awk '{ print $1, $2 + $3, $4 / 1024 }' "$tmp/time" >> "$tmp/$k.log"
    done
  done
  for csv in "$tmp/out-calm"/*.csv; do
    diff -q <(sort "$csv") <(sort "$tmp/out-base/$(basename "$csv")") > /dev/null || { echo "startup-bench: $w: $(basename "$csv") differs from the baseline's" >&2; status=1; }
  done
  for k in $kinds; do
    printf '| %s | %s | %s | %s | %.0f |\n' "$w" "$k" "$(awk '{ print $1 }' "$tmp/$k.log" | median)" \
      "$(awk '{ print $2 }' "$tmp/$k.log" | median)" "$(awk '{ print $3 }' "$tmp/$k.log" | median)"
  done
done
echo
echo "PAIRS=$pairs, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
