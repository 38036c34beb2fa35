#!/usr/bin/env bash
# REST /recommend throughput and latency with wrk at 100 connections on loopback. Prepares a
# sample shop (EVENTS events; ALS when registered, else popularity), then runs the server three times:
#   1. cache off (CACHE_EXPIRY=0), exact index, wrk cycling over all users: every request runs the model;
#   2. the same through the faiss-ivf-flat index (when recsys-faiss is on the class path);
#   3. cache on (default 300 s), the same user every time: the cached path.
# Builds nothing: run `mvn install` first. Env: EVENTS (200000), DURATION (20s), CONNECTIONS (100),
# THREADS (wrk threads, 2), SERVER_THREADS (THREADS setting of the server, default cores).
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$repo_root/benchmarks/rest"
classpath_file="$repo_root/recsys-examples/target/recsys-lite.classpath"
[ -f "$classpath_file" ] || { echo "run mvn install first ($classpath_file missing)" >&2; exit 1; }
classpath="$repo_root/recsys-examples/target/classes:$(cat "$classpath_file")"
events="${EVENTS:-200000}"
duration="${DURATION:-20s}"
connections="${CONNECTIONS:-100}"

work="$(mktemp -d -t recsys-rest-bench-XXXXXX)"
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT INT TERM

java -cp "$classpath" "$repo_root/scripts/e2e/PrepareDemoShop.java" "$work/data" "$work/recsys.db" "$work/model" \
  "$events" | tail -n 1 >/dev/null
users=$(( events / 20 )) # SampleShopConfig.ofEvents: one user per 20 events (for >= 200 events)
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
api="http://127.0.0.1:$port"

start_server() { # $1 = CACHE_EXPIRY seconds, $2 = index type
  CACHE_EXPIRY="$1" java ${RECSYS_JAVA_OPTS:--Xmx1g} -cp "$classpath" io.recsyslite.examples.cli.RecsysLiteCli serve \
    --model-dir "$work/model" --db "$work/recsys.db" --host 127.0.0.1 --port "$port" --index "$2" --no-watch-model \
    >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 150); do
    curl -fs "$api/health" >/dev/null 2>&1 && break
    sleep 0.2
  done
  curl -fs "$api/health"; echo
  # warm-up: JIT and the first pass over the users
  USERS="$users" wrk -t2 -c"$connections" -d5s -s "$here/users.lua" "$api" >/dev/null
}

for index in exact faiss-ivf-flat; do
  echo "== cache off, $index index, cycling over $users users ($events events)"
  start_server 0 "$index"
  USERS="$users" wrk -t"${THREADS:-2}" -c"$connections" -d"$duration" --latency -s "$here/users.lua" "$api"
  curl -fs "$api/metrics"; echo
  stop_server
done

echo "== cache on, one user"
start_server 300 exact
wrk -t"${THREADS:-2}" -c"$connections" -d"$duration" --latency "$api/recommend?user_id=user_0&k=10"
curl -fs "$api/metrics"; echo
stop_server
