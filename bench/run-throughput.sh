#!/usr/bin/env bash
# Runs/second of the engine on a 3-node, 20-action shopping cart under random delivery (the load of
# `calm explore`): bench/run-throughput.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/calm" --version >/dev/null 2>&1 # builds target/calm.jar (with its dependencies)
mvn -B -q -DskipTests test-compile >/dev/null
cp="target/test-classes:target/calm.jar"
exec java ${CALM_JAVA_OPTS:--XX:+UseParallelGC -XX:-UsePerfData} -cp "$cp" calm.eval.bench.RunThroughput "${1:-5000}"
