#!/usr/bin/env bash
# REST /recommend throughput and latency with wrk at 100 connections on loopback. Prepares a
# sample shop with the CLI (generate-sample, ingest, train als on EVENTS events), then runs the server:
#   1. cache off (CACHE_EXPIRY=0), once per index in INDEXES, wrk cycling over all users: every
#      request runs the model; as fast as answered, then paced at RATE;
#   2. cache off, exact, while a second wrk streams POST /events of the same users (fold-in on demand);
#   3. cache on (default 300 s), the same user every time: the cached path.
# Builds nothing: run `mvn -B package -DskipTests` first. Env: EVENTS (200000), DURATION (20s),
# WARMUP (5s), CONNECTIONS (100), RATE (13000: the paced run's target; closed-loop pacing reaches
# somewhat less, wrk prints what it reached), THREADS (wrk threads, 2), INDEXES (exact,faiss-ivf-flat),
# RECSYS_JAVA_OPTS (server JVM options; default -Xmx1g and the Vector API module, as the
# recsys-lite launcher starts it), SERVE_ARGS (extra options of `serve`, e.g. --request-threads 16). Every run is bounded by DURATION; the server is
# always stopped.
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$repo_root/benchmarks/rest"
classpath_file="$repo_root/recsys-examples/target/recsys-lite.classpath"
[ -f "$classpath_file" ] || { echo "run mvn -B package -DskipTests first ($classpath_file missing)" >&2; exit 1; }
classpath="$repo_root/recsys-examples/target/classes:$(cat "$classpath_file")"
events="${EVENTS:-200000}"
duration="${DURATION:-20s}"
warmup="${WARMUP:-5s}"
connections="${CONNECTIONS:-100}"
indexes="${INDEXES:-exact,faiss-ivf-flat}"
rate="${RATE:-13000}"

work="$(mktemp -d -t recsys-rest-bench-XXXXXX)"
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT INT TERM

cli() { java -cp "$classpath" io.recsyslite.examples.cli.RecsysLiteCli "$@"; }
cli generate-sample --out "$work/data" --events "$events" >/dev/null
cli ingest --events "$work/data/events.parquet" --items "$work/data/items.csv" --db "$work/recsys.db" >/dev/null
cli train als --db "$work/recsys.db" --output "$work/model" >/dev/null
users=$(( events / 20 )) # SampleShopConfig.ofEvents: one user per 20 events (for >= 200 events)

start_server() { # $1 = CACHE_EXPIRY seconds, $2 = index type
  CACHE_EXPIRY="$1" java ${RECSYS_JAVA_OPTS:--Xmx1g --add-modules jdk.incubator.vector} -cp "$classpath" io.recsyslite.examples.cli.RecsysLiteCli serve \
    --model-dir "$work/model" --db "$work/recsys.db" --host 127.0.0.1 --port 0 --index "$2" --no-watch-model ${SERVE_ARGS:-} \
    >"$work/server.log" 2>&1 &
  server_pid=$!
  api=""
  for _ in $(seq 1 300); do # the server prints "Serving on http://127.0.0.1:PORT/" once it listens
    api="$(sed -n 's|^Serving on \(http://[^/]*\)/.*|\1|p' "$work/server.log")"
    [ -n "$api" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.2
  done
  curl -fs "$api/health" || { cat "$work/server.log" >&2; exit 1; }
  echo
  # warm-up: JIT and the first pass over the users
  USERS="$users" wrk -t2 -c"$connections" -d"$warmup" -s "$here/users.lua" "$api" >/dev/null
}

for index in ${indexes//,/ }; do
  echo "== cache off, $index index, cycling over $users users ($events events), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  start_server 0 "$index"
  USERS="$users" wrk -t"${THREADS:-2}" -c"$connections" -d"$duration" --latency -s "$here/users.lua" "$api"
  echo "-- the same, paced at $rate req/s (RATE; the latency at that load):"
  RATE="$rate" CONNECTIONS="$connections" USERS="$users" wrk -t"${THREADS:-2}" -c"$connections" -d"$duration" \
    --latency -s "$here/users.lua" "$api"
  curl -fs "$api/metrics"; echo
  stop_server
done

# The exact run again while a second wrk posts view events of the same users (STREAM_CONNECTIONS,
# default 10): every recommend of a user with new events folds the user in first.
stream_connections="${STREAM_CONNECTIONS:-10}"
echo "== cache off, exact index, while events stream in over $stream_connections connections, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
start_server 0 exact
USERS="$users" ITEMS=$(( events / 50 )) wrk -t1 -c"$stream_connections" -d"$duration" --latency \
  -s "$repo_root/benchmarks/events/post-event.lua" "$api" >"$work/stream.txt" &
stream_pid=$!
USERS="$users" wrk -t"${THREADS:-2}" -c"$connections" -d"$duration" --latency -s "$here/users.lua" "$api"
wait "$stream_pid"
echo "-- the event stream beside it:"; cat "$work/stream.txt"
curl -fs "$api/metrics"; echo
stop_server

echo "== cache on, one user, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
start_server 300 exact
wrk -t"${THREADS:-2}" -c"$connections" -d"$duration" --latency "$api/recommend?user_id=user_0&k=10"
curl -fs "$api/metrics"; echo
stop_server
