#!/usr/bin/env bash
# Fuzzes the example REST server on the loopback interface (fuzz_rest.py) while simulated shoppers
# use it: a sample shop is generated, ingested and an ALS model trained in a temporary directory, the
# server started with an API key on a free 127.0.0.1 port, then REQUESTS fuzzed requests (default
# 8,000; at most SECONDS, default 300) are sent. Prints the counts; exits non-zero on any 5xx (503
# allowed), non-JSON error, request without an answer, or a server that is no longer healthy.
# Usage: fuzz-rest.sh [REQUESTS] [SECONDS]; FUZZ_SEED fixes the requests. Builds nothing: run
# `mvn -B -q package -DskipTests` first.
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/../.." && pwd)"
classpath_file="$repo_root/recsys-examples/target/recsys-lite.classpath"
[ -f "$classpath_file" ] || { echo "build first: mvn -B -q package -DskipTests ($classpath_file missing)" >&2; exit 1; }
classpath="$repo_root/recsys-examples/target/classes:$(cat "$classpath_file")"
requests="${1:-8000}"; seconds="${2:-300}"

work="$(mktemp -d -t recsys-fuzz-XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
cli() { java -cp "$classpath" io.recsyslite.examples.cli.RecsysLiteCli "$@"; }

cli generate-sample --out "$work/data" --events 20000 >/dev/null 2>&1
cli ingest --events "$work/data/events.parquet" --items "$work/data/items.csv" --db "$work/recsys.db" >/dev/null 2>&1
cli train als --db "$work/recsys.db" --output "$work/model" >/dev/null 2>&1
key="fuzz-$RANDOM$RANDOM"
# java itself in the background (not the cli function, whose subshell a kill would leave the JVM behind)
RECSYS_API_KEY="$key" java -cp "$classpath" io.recsyslite.examples.cli.RecsysLiteCli serve --model-dir "$work/model" --db "$work/recsys.db" --host 127.0.0.1 --port 0 \
  >"$work/server.log" 2>&1 &
server_pid=$!
api=""
for _ in $(seq 1 300); do
  api="$(sed -n 's|^Serving on \(http://[^/]*\)/.*|\1|p' "$work/server.log")"
  [ -n "$api" ] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "the server exited:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.2
done
[ -n "$api" ] || { echo "the server did not come up" >&2; exit 1; }

# shoppers in the background, so that the fuzzed requests meet a store that is being written
bash "$repo_root/scripts/simulate-traffic.sh" "$api" "$work/data" --shoppers 1000 --visits 100 \
  --max-seconds "$seconds" >"$work/traffic.log" 2>&1 &
traffic_pid=$!
status=0
python3 "$repo_root/benchmarks/reliability/fuzz_rest.py" "$api" "$key" "$requests" "$seconds" "${FUZZ_SEED:-7}" || status=$?
kill "$traffic_pid" 2>/dev/null || true
wait "$traffic_pid" 2>/dev/null || true
if grep -q "Exception\|ERROR" "$work/server.log"; then
  echo "server log errors:"; grep -m 10 "ERROR\|Exception" "$work/server.log"
fi
exit "$status"
