#!/usr/bin/env bash
# Smoke-runs every benchmark runner and script listed in benchmarks/smoke-runs.txt at a tiny size,
# so that none stops working unnoticed: seconds each, no figures. Each line there is
# `NAME COMMAND...`, run with bash from the repository root, with
#   $SMOKE        an empty scratch directory of its own (removed afterwards),
#   bench MAIN .. the benchmarks jar's class io.recsyslite.benchmarks.MAIN with its arguments,
# and at most SMOKE_TIMEOUT seconds (default 180). Needs the built benchmarks module
# (`mvn -B package`); `./run-tests.sh` runs this after `mvn -B verify`. A name given as argument
# runs only the lines of that name. Exits non-zero when any run fails, after showing its output.
set -uo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo_root"
list=benchmarks/smoke-runs.txt
export JAVA_OPTS="${JAVA_OPTS:--Xmx1g}"
timeout_seconds="${SMOKE_TIMEOUT:-180}"
scratch="$(mktemp -d -t recsys-bench-smoke-XXXXXX)"
trap 'rm -rf "$scratch"' EXIT INT TERM

prelude='bench() { REPORT_MAIN="io.recsyslite.benchmarks.$1" benchmarks/run-report.sh "${@:2}"; }'
failed=()
count=0
while read -r name command; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  [[ $# -gt 0 && " $* " != *" $name "* ]] && continue
  count=$((count + 1))
  export SMOKE="$scratch/$name"
  mkdir -p "$SMOKE"
  start=$(date +%s)
  if timeout "$timeout_seconds" bash -c "set -euo pipefail; $prelude; $command" >"$SMOKE.log" 2>&1 </dev/null; then
    echo "bench-smoke: $name ok ($(( $(date +%s) - start )) s)"
  else
    echo "bench-smoke: $name FAILED ($(( $(date +%s) - start )) s): $command" >&2
    tail -n 40 "$SMOKE.log" >&2
    failed+=("$name")
  fi
done <"$list"

[ "$count" -gt 0 ] || { echo "bench-smoke: nothing to run in $list${*:+ for $*}" >&2; exit 1; }
if [ ${#failed[@]} -gt 0 ]; then
  echo "bench-smoke: ${#failed[@]} of $count failed: ${failed[*]}" >&2
  exit 1
fi
echo "bench-smoke: all $count runs ok"
