#!/usr/bin/env bash
# POST /events, one event per request, wrk with 100 connections on loopback, against `serve` over a
# sample shop, as fast as answered and then paced at RATE req/s; beside it in the same run the peer GET /health (the server's cheapest request).
# Afterwards the server is stopped (moving its journal into the store) and the stored events are
# counted against wrk's 2xx answers: lost = answered 200 but not stored.
# With BASELINE_CLASSPATH (the class path of another build, e.g. main's, as one string) the same
# measurement runs first against that build, on its own copy of the same store and model, so that
# before/after come from one run.
# Builds nothing: mvn -B -q package -DskipTests first. Env: DURATION (20s), CONNECTIONS (100),
# THREADS (wrk threads, 2), PORT (18410), RATE (6000: the paced run's target; closed-loop pacing
# reaches somewhat less, wrk prints what it reached), SERVER_JAVA_OPTS (extra JVM options of the server, e.g. a GC), SERVE_ARGS (extra options of `serve`; also
# given to the baseline, which must know them). --smoke: 3 s runs.
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$repo_root/benchmarks/events"
classpath="$repo_root/recsys-examples/target/classes:$(cat "$repo_root/recsys-examples/target/recsys-lite.classpath")"
duration="${DURATION:-20s}"; connections="${CONNECTIONS:-100}"; threads="${THREADS:-2}"; port="${PORT:-18410}"
rate="${RATE:-6000}"
if [ "${1:-}" = "--smoke" ]; then duration=3s; fi
work="$(mktemp -d -t recsys-events-rest-XXXXXX)"
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT INT TERM
cli() { java -Xmx1g -cp "$classpath" io.recsyslite.examples.cli.RecsysLiteCli "$@"; }
cli generate-sample --out "$work/data" --events 20000 >/dev/null
cli ingest --events "$work/data/events.parquet" --items "$work/data/items.csv" --db "$work/recsys.db" >/dev/null
cli train als --db "$work/recsys.db" --output "$work/model" >/dev/null 2>&1
before="$(java -cp "$classpath" "$here/CountEvents.java" "$work/recsys.db")"

answered() { # requests minus non-2xx answers of one wrk output
  local total non2xx
  total="$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$1")"
  non2xx="$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$1")"
  echo $(( total - ${non2xx:-0} ))
}

measure() { # $1 = label, $2 = class path of the build to serve
  local run="$work/$1"
  mkdir -p "$run"
  cp -r "$work/recsys.db" "$work/model" "$run/"
  java -Xmx1g ${SERVER_JAVA_OPTS:-} -cp "$2" io.recsyslite.examples.cli.RecsysLiteCli serve --model-dir "$run/model" \
    --db "$run/recsys.db" --host 127.0.0.1 --port "$port" --index exact --no-watch-model ${SERVE_ARGS:-} >"$run/server.log" 2>&1 &
  server_pid=$!
  api="http://127.0.0.1:$port"
  for _ in $(seq 1 300); do curl -fs "$api/health" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fs "$api/health" >/dev/null

  echo "== $1: warm-up, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  wrk -t"$threads" -c"$connections" -d3s -s "$here/post-event.lua" "$api" > "$run/warmup.txt"
  echo "== $1: POST /events, one event per request, $connections connections, $duration"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$here/post-event.lua" "$api" | tee "$run/wrk.txt"
  echo "== $1: POST /events paced at $rate req/s (RATE; the latency at that load), $connections connections, $duration"
  RATE="$rate" CONNECTIONS="$connections" wrk -t"$threads" -c"$connections" -d"$duration" --latency \
    -s "$here/post-event.lua" "$api" | tee "$run/paced.txt"
  echo "== $1: peer GET /health, same settings, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$api/health"
  stop_server

  local after ok stored
  after="$(java -cp "$classpath" "$here/CountEvents.java" "$run/recsys.db")"
  echo "$1: server log errors: $(grep -c -E 'ERROR|Exception' "$run/server.log" || true)"
  ok=$(( $(answered "$run/warmup.txt") + $(answered "$run/wrk.txt") + $(answered "$run/paced.txt") ))
  stored=$(( after - before ))
  echo "$1: answered 200: $ok, stored: $stored, lost: $(( ok > stored ? ok - stored : 0 ))"
}

if [ -n "${BASELINE_CLASSPATH:-}" ]; then measure baseline "$BASELINE_CLASSPATH"; fi
measure this "$classpath"
