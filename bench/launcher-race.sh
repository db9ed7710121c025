#!/usr/bin/env bash
# Two ./calm commands started together on a fresh copy must both build-or-wait and both work
# (issue 16): copies the working tree without target/, starts two checks at once, and compares their
# output with a third run's. Takes one Maven package (a minute or two). Usage: bench/launcher-race.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
tar -C "$root" --exclude=./target --exclude=./.git -cf - . | tar -C "$copy" -xf -
cd "$copy"
status() { local rc=0; ./calm check examples/01-set-union/ > "$1.out" 2> "$1.err" || rc=$?; echo "$rc" > "$1.status"; }
status a & status b & wait
status c
for run in a b; do
  if [[ "$(cat $run.status)" != "$(cat c.status)" ]] || ! diff -q "$run.out" c.out > /dev/null; then
    echo "launcher race: run $run differs (exit $(cat $run.status)); stderr:" >&2
    cat "$run.err" >&2
    exit 1
  fi
  if grep -v '^calm: building target/calm.jar' "$run.err" | grep -q .; then
    echo "launcher race: run $run printed to stderr:" >&2
    cat "$run.err" >&2
    exit 1
  fi
done
echo "launcher race: both concurrent runs built or waited, and printed what a third run prints (exit $(cat c.status))"
