#!/usr/bin/env bash
# Exports every workload (default: ../shared/bench/*) with `calm export --souffle`, runs the export on
# Soufflé and the program on `calm run`, and compares the outputs file by file (sorted lines).
#
#   SOUFFLE=/path/to/souffle bench/souffle-crosscheck.sh [BENCH_DIR...]
# Exit status: 0 all equal, 1 a difference or a failed run, 2 no souffle binary.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
souffle="${SOUFFLE:-$(command -v souffle || true)}"
if [[ -z "$souffle" || ! -x "$souffle" ]]; then
  echo "souffle-crosscheck: no souffle binary; set SOUFFLE=/path/to/souffle or put it on PATH" >&2
  exit 2
fi
dirs=("$@")
[[ ${#dirs[@]} -gt 0 ]] || dirs=("$root"/../shared/bench/*/)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
status=0
for dir in "${dirs[@]}"; do
  dir="${dir%/}"
  name="$(basename "$dir")"
  [[ -f "$dir/program.calm" ]] || continue
  mkdir -p "$tmp/$name/calm" "$tmp/$name/souffle"
  if ! "$root/calm" export --souffle "$dir/program.calm" -o "$tmp/$name/program.dl" ||
     ! "$root/calm" run "$dir/program.calm" --facts "$dir" --output-dir "$tmp/$name/calm" --format csv >/dev/null ||
     ! "$souffle" -F "$dir" -D "$tmp/$name/souffle" "$tmp/$name/program.dl"; then
    echo "$name: FAILED (see above)"
    status=1
    continue
  fi
  result=same
  for csv in "$tmp/$name/calm"/*.csv; do
    if ! diff -q <(sort "$csv") <(sort "$tmp/$name/souffle/$(basename "$csv")") >/dev/null 2>&1; then
      result="DIFFERENT in $(basename "$csv")"
      status=1
    fi
  done
  echo "$name: $result"
done
exit "$status"
