#!/usr/bin/env bash
# Times `calm check` on generated programs of 100,000 and 1,000,000 rules: wall time including JVM
# start, CPU time (user + system, which other jobs on a shared machine disturb less), and peak RSS,
# median of 3 runs each. Writes bench/out/check-*.calm (ignored by git).
#
# usage: bench/check-bench.sh [RULES...]      (default: 100000 1000000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$here/out"
mkdir -p "$out"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(100000 1000000)

"$root/calm" --version >/dev/null   # build the jar first, outside the timings

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "java: $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$here/calibrate.sh"
printf '%-10s %-8s %-10s %-10s %-10s %s\n' rules size "wall (s)" "CPU (s)" "peak RSS" "wall of each run (s)"
for n in "${sizes[@]}"; do
  file="$out/check-$n.calm"
  [[ -f "$file" ]] || python3 "$here/gen-rules.py" "$n" > "$file"
  walls=()
  cpus=()
  rss=()
  for run in 1 2 3; do
    log="$out/time-$n-$run.txt"
    set +e
    /usr/bin/time -v "$root/calm" check "$file" > "$out/check-$n.out" 2> "$log"
    status=$?
    set -e
    # 1 is a finding: the generated programs have coordination points on purpose
    if [[ $status -gt 1 ]]; then
      echo "calm check exited $status on $file; see $out/check-$n.out" >&2
      exit 1
    fi
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")")
    rss+=("$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")")
    cpus+=("$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u + s}' "$log")")
  done
  median_wall="$(printf '%s\n' "${walls[@]}" | sort -g | sed -n 2p)"
  median_rss="$(printf '%s\n' "${rss[@]}" | sort -g | sed -n 2p)"
  median_cpu="$(printf '%s\n' "${cpus[@]}" | sort -g | sed -n 2p)"
  size="$(du -h "$file" | cut -f1)"
  printf '%-10s %-8s %-10s %-10s %-10s %s\n' "$n" "$size" "$median_wall" "$median_cpu" "$((median_rss / 1024)) MB" "${walls[*]}"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
"$here/calibrate.sh"
