#!/usr/bin/env bash
# What a user waits for on a small file: the commands a CI lint, a pre-commit hook or a teaching
# session runs on one example, each timed in alternating pairs (bench/pairs.sh) against another
# launcher (a worktree of an earlier revision) or alone. On programs this small the time is the
# JVM's start and the command's own: building its command line, loading the classes it needs.
#
#   bench/small-commands.sh [-n PAIRS] [BASE_LAUNCHER]
#
# A worktree of an earlier revision, built beside this one:
#   git worktree add /tmp/base REV && (cd /tmp/base && mvn -q -B -DskipTests package && ./calm --version)
#   bench/small-commands.sh -n 9 /tmp/base/calm
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
pairs=7
if [[ "${1:-}" == "-n" ]]; then
  pairs="$2"
  shift 2
fi
launchers=("$@" "$root/calm")
cd "$root"
program=examples/01-set-union/monotone.calm
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/calm" check --write-baseline "$work/baseline.json" "$program" > /dev/null 2>&1 || true
commands=(
  "check $program"
  "check --format json $program"
  "check --format sarif $program"
  "check --baseline $work/baseline.json $program"
  "graph $program"
  "run $program"
  "run --format json $program"
  "explore $program --runs 1 --jobs 1"
  "explore $program --runs 1 --jobs 1 --format json"
  "explain C001"
  "export --souffle examples/transitive-closure/tc.calm"
)
header="| command |"
rule="|---|"
for launcher in "${launchers[@]}"; do
  header="$header $launcher: wall, CPU, peak |"
  rule="$rule---|"
done
echo "$header"
echo "$rule"
for command in "${commands[@]}"; do
  # shellcheck disable=SC2086 # each command is a list of words
  "$here/pairs.sh" -n "$pairs" "${launchers[@]}" -- $command > "$work/pairs" 2>&1
  row="| \`calm ${command//$work\//}\` |"
  while read -r line; do
    row="$row $(sed -E 's/^.*: wall ([0-9.]+) s \(([0-9.-]+)\), CPU ([0-9.]+) s, peak ([0-9]+) MB.*$/\1 s (\2), \3 s, \4 MB/' <<< "$line") |"
  done < <(grep -E ': wall ' "$work/pairs")
  echo "$row"
done
grep 'machine speed' "$work/pairs" | tail -1
