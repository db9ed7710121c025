#!/usr/bin/env bash
# Fuzz campaign: bench/fuzz.sh [INPUTS] [SEED] [OUT]   (defaults: 100000 inputs, seed 1, target/fuzz)
# Every input goes through check, run, graph and explore in-process; each failure is written to
# OUT/failures as NNNNNN.calm (the input) and NNNNNN.txt (the command and what went wrong).
# Exit 0 when nothing was found. See docs/robustness.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/calm" --version >/dev/null 2>&1 # builds target/calm.jar (with its dependencies)
mvn -B -q -o -DskipTests test-compile >/dev/null
out="${3:-target/fuzz}"
rm -rf "$out/work" "$out/failures"
mkdir -p "$out"
# private copies: a build during the campaign replaces target/ under it (every input would then fail
# with "ZipFile invalid LOC header", which is not a finding)
cp target/calm.jar "$out/calm.jar"
rm -rf "$out/test-classes" && cp -r target/test-classes "$out/test-classes"
exec java ${CALM_JAVA_OPTS:--XX:+UseParallelGC -XX:-UsePerfData -Xss16m} -cp "$out/test-classes:$out/calm.jar" \
  calm.fuzz.FuzzCampaign "${1:-100000}" "${2:-1}" "$out"
