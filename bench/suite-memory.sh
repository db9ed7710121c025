#!/usr/bin/env bash
# Peak memory of the test suite's whole process tree: Maven, the surefire fork, the `java -jar`
# children some tests spawn and headless Chromium. Sums the RSS of the root and all its
# descendants every 0.5 s and prints the largest sum seen (and the process count at that moment).
#
#   bench/suite-memory.sh                       # runs MAVEN_OPTS=-Xmx1g mvn -B -o verify
#   bench/suite-memory.sh mvn -B -o test -Dtest=FuzzTest
#   bench/suite-memory.sh --pid 12345           # samples a tree that is already running
#
# The command also runs under /usr/bin/time -v when present, so wall and CPU time are reported too
# (the machine is shared: CPU time is the steadier figure).
set -u
interval=${SAMPLE_INTERVAL:-0.5}

tree_rss_kb() { # sum of RSS (kB) of $1 and all descendants; prints "kb count breakdown"
  ps -e -o pid=,ppid=,rss=,comm= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3; comm[$1] = $4 }
    END {
      total = 0; n = 0
      for (p in parent) {
        q = p
        while (q != "" && q != 0 && q != 1) {
          if (q == root) { total += rss[p]; n++; by[comm[p]] += rss[p]; break }
          q = parent[q]
        }
      }
      parts = ""
      for (c in by) parts = parts sprintf("%s%s %d MB", parts == "" ? "" : ", ", c, by[c] / 1024)
      print total, n, parts
    }'
}

sample() { # samples until $1 exits; writes the peak to stdout
  local root=$1 peak=0 peakn=0 peakparts="" kb n parts
  while kill -0 "$root" 2>/dev/null; do
    read -r kb n parts < <(tree_rss_kb "$root")
    if (( kb > peak )); then peak=$kb; peakn=$n; peakparts=$parts; fi
    sleep "$interval"
  done
  printf 'peak RSS of the process tree: %d MB (%d processes at the peak: %s)\n' $((peak / 1024)) "$peakn" "$peakparts"
}

if [[ ${1:-} == --pid ]]; then
  sample "$2"
  exit 0
fi
(( $# )) || set -- mvn -B -o verify
export MAVEN_OPTS=${MAVEN_OPTS:--Xmx1g}
if [[ -x /usr/bin/time ]]; then
  /usr/bin/time -v "$@" &
else
  "$@" &
fi
cmd=$!
sample "$cmd" >&2 &
sampler=$!
wait "$cmd"; rc=$?
wait "$sampler"
exit $rc
