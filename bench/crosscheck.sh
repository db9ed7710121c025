#!/usr/bin/env bash
# The CALM cross-check campaign (issue #15): generates PROGRAMS random programs from SEED (every
# construct of §4–§8 with input facts), runs the analysis and the explorer on each, and writes every
# output the analysis calls confluent or sealed that showed two outcomes as a reproducer
# (DIR/seed-N-OUTPUT.calm and .scenario). Prints the tallies, including how many outputs that need
# coordination never differed (the precision figure in docs/analysis.md). Exit 1 on a counterexample.
#
#   bench/crosscheck.sh SEED [PROGRAMS] [RUNS] [THREADS] [DIR] [FIRST]
#   (defaults: 100000 programs, 30 schedules each, 1 thread, target/crosscheck; FIRST..PROGRAMS-1 checks a
#   slice, so that two processes or machines can share a campaign)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seed="${1:?usage: bench/crosscheck.sh SEED [PROGRAMS] [RUNS] [THREADS] [DIR]}"
programs="${2:-100000}"
runs="${3:-30}"
threads="${4:-1}"
dir="${5:-$root/target/crosscheck}"
first="${6:-0}"
"$root/calm" --version >/dev/null # builds target/calm.jar
(cd "$root" && mvn -B -o -q test-compile)
exec java -Xss64m -Xmx1g -cp "$root/target/calm.jar:$root/target/test-classes" calm.eval.explore.CrossCheck \
  "$seed" "$programs" "$runs" "$threads" "$dir" "$first"
