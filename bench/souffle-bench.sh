#!/usr/bin/env bash
# Calm vs Soufflé, side by side (issue 19): for each of the eight workloads, PAIRS (default 5) paired,
# alternating runs of
#   ./calm run PROG.calm --facts DIR --output-dir OUT --format csv      (wall includes JVM start)
#   souffle --jobs=1 -F DIR -D OUT PROG.dl                              (Soufflé's interpreter, one thread)
# with wall time and peak RSS from /usr/bin/time -v; prints a markdown table of medians and ratios, and
# checks that both engines wrote the same output files (sorted lines) and that Calm matches expected.txt.
#
#   SOUFFLE=/path/to/souffle PAIRS=5 bench/souffle-bench.sh
#   PEER_DIR=DIR        where bench/gen-peer-workloads.py writes the four new shapes (default
#                       /tmp/calm-peer-workloads; generated once, fixed seeds)
#   ONLY='tc andersen'  a subset of: tc sg neg agg andersen cspa triangle strata
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
souffle="${SOUFFLE:-$(command -v souffle || true)}"
pairs="${PAIRS:-5}"
peer="${PEER_DIR:-/tmp/calm-peer-workloads}"
shared="$root/../shared/bench"
if [[ -z "$souffle" || ! -x "$souffle" ]]; then
  echo "souffle-bench: no souffle binary; set SOUFFLE=/path/to/souffle or put it on PATH" >&2
  exit 2
fi
[[ -x /usr/bin/time ]] || { echo "souffle-bench: needs /usr/bin/time (GNU time)" >&2; exit 2; }
"$root/calm" --version >/dev/null 2>&1 # builds the jar once, outside the timings
[[ -d "$peer" ]] || python3 "$root/bench/gen-peer-workloads.py" "$peer" >/dev/null

declare -A dir dl
for w in tc sg neg agg; do
  dir[$w]="$(ls -d "$shared/${w}_"*/ | head -1)"
  dl[$w]="$root/bench/souffle/$w.dl"
done
for w in andersen cspa triangle strata; do
  dir[$w]="$(ls -d "$peer/${w}_"*/ | head -1)"
  dl[$w]="${dir[$w]}program.dl"
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
measure() { # measure LOG OUTDIR command...: appends "wall rss_kb" to LOG
  local log="$1" out="$2"
  shift 2
  rm -rf "$out" && mkdir -p "$out"
  /usr/bin/time -v -o "$tmp/time" "$@" >/dev/null 2>"$tmp/stderr" || { cat "$tmp/stderr" >&2; return 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; w = s }
              /Maximum resident set size/ { r = $2 } END { print w, r }' "$tmp/time" >>"$log"
}

echo "| workload | Calm wall (s) | Soufflé wall (s) | Calm / Soufflé time | Calm / Soufflé peak memory | outputs |"
echo "|---|---|---|---|---|---|"
status=0
for w in ${ONLY:-tc sg neg agg andersen cspa triangle strata}; do
  d="${dir[$w]%/}"
  : >"$tmp/calm.log"
  : >"$tmp/souffle.log"
  for ((i = 1; i <= pairs; i++)); do
    measure "$tmp/calm.log" "$tmp/calm-out" "$root/calm" run "$d/program.calm" --facts "$d" --output-dir "$tmp/calm-out" --format csv
    measure "$tmp/souffle.log" "$tmp/souffle-out" "$souffle" --jobs=1 -F "$d" -D "$tmp/souffle-out" "${dl[$w]}"
  done
  same=identical
  for csv in "$tmp/calm-out"/*.csv; do
    diff -q <(sort "$csv") <(sort "$tmp/souffle-out/$(basename "$csv")") >/dev/null 2>&1 || { same="DIFFERENT ($(basename "$csv"))"; status=1; }
  done
  while read -r rel _; do
    tr '\t' ' ' <"$tmp/calm-out/$rel.csv" | sed "s/^/$rel /"
  done < <(awk '{ print $1 }' "$d/expected.txt" | sort -u) | sort >"$tmp/actual"
  sort "$d/expected.txt" | diff -q - "$tmp/actual" >/dev/null || { same="$same, Calm differs from expected.txt"; status=1; }
  cw="$(awk '{ print $1 }' "$tmp/calm.log" | median)"
  sw="$(awk '{ print $1 }' "$tmp/souffle.log" | median)"
  cr="$(awk '{ print $2 }' "$tmp/calm.log" | median)"
  sr="$(awk '{ print $2 }' "$tmp/souffle.log" | median)"
  printf '| %s (`%s`) | %s | %s | %.2f | %.0f / %.0f MB | %s |\n' "$w" "$(basename "$d")" "$cw" "$sw" \
    "$(echo "$cw $sw" | awk '{ print $1 / $2 }')" "$(echo "$cr" | awk '{ print $1 / 1024 }')" \
    "$(echo "$sr" | awk '{ print $1 / 1024 }')" "$same"
done
echo
echo "PAIRS=$pairs, souffle --jobs=1 (interpreter), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
