#!/usr/bin/env bash
# Alternating pairs: runs two or more launchers (this checkout's ./calm and, say, a worktree of an
# earlier revision) in turn on the same arguments, PAIRS rounds, and prints each one's median wall
# time, CPU time (user + system) and peak RSS, its fastest and slowest run, and a checksum of what it
# wrote. On a shared machine the speed a process gets moves by half from one minute to the next;
# runs taken in turn see the same minutes, so their medians compare where lone timings do not.
#
# usage: bench/pairs.sh [-n PAIRS] [-o FILE] LAUNCHER... -- ARGS...
#   -n PAIRS   rounds (default 7)
#   -o FILE    the file the command writes (its --output), checksummed instead of standard output
#
# A worktree of an earlier revision, built beside this one:
#   git worktree add /tmp/base REV && (cd /tmp/base && mvn -q -B -DskipTests package && ./calm --version)
#   bench/pairs.sh /tmp/base/calm ./calm -- check bench/out/check-100000.calm
#   bench/pairs.sh -o /tmp/out.dot /tmp/base/calm ./calm -- graph bench/out/calm-100000.calm --output /tmp/out.dot
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pairs=7
output=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -n) pairs="$2"; shift 2 ;;
    -o) output="$2"; shift 2 ;;
    --) break ;;
    -h | --help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done
launchers=()
while [[ $# -gt 0 && "$1" != "--" ]]; do
  launchers+=("$1")
  shift
done
if [[ $# -eq 0 || ${#launchers[@]} -eq 0 || ! "$pairs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/pairs.sh [-n PAIRS] [-o FILE] LAUNCHER... -- ARGS..." >&2
  exit 2
fi
shift # the --
[[ -x /usr/bin/time ]] || { echo "pairs.sh: needs /usr/bin/time (GNU time)" >&2; exit 2; }
for launcher in "${launchers[@]}"; do
  "$launcher" --version > /dev/null 2>&1 || { echo "pairs.sh: $launcher does not start" >&2; exit 2; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/calibrate.sh"
for ((p = 1; p <= pairs; p++)); do
  for i in "${!launchers[@]}"; do
    [[ -n "$output" ]] && rm -f "$output"
    status=0
    /usr/bin/time -o "$work/time" -f "%e %U %S %M" "${launchers[$i]}" "$@" > "$work/stdout" 2> /dev/null || status=$?
    if [[ -n "$output" && -f "$output" ]]; then
      sum="$(md5sum < "$output" | cut -c1-8)"
    else
      sum="$(md5sum < "$work/stdout" | cut -c1-8)"
    fi
    echo "$(tail -1 "$work/time") $sum $status" >> "$work/runs.$i"
  done
done
"$here/calibrate.sh"
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for i in "${!launchers[@]}"; do
  runs="$work/runs.$i"
  wall="$(awk '{ print $1 }' "$runs" | median)"
  cpu="$(awk '{ print $2 + $3 }' "$runs" | median)"
  rss="$(awk '{ print $4 }' "$runs" | median)"
  range="$(awk '{ print $1 }' "$runs" | sort -g | sed -n '1p;$p' | paste -sd- -)"
  sums="$(awk '{ print $5 }' "$runs" | sort -u | paste -sd' ' -)"
  statuses="$(awk '{ print $6 }' "$runs" | sort -u | paste -sd' ' -)"
  printf '%s: wall %s s (%s), CPU %s s, peak %d MB, output %s, exit %s\n' \
    "${launchers[$i]}" "$wall" "$range" "$cpu" "$((rss / 1024))" "$sums" "$statuses"
done
