#!/usr/bin/env bash
# Dashboard end-to-end test against the real example server: prepares a small sample shop (DuckDB +
# trained ALS and popularity models) in a temporary directory, starts `recsys-lite serve` on a free
# loopback port with the two models as A/B variants and the built dashboard (and an API key, so that
# the key path is covered), sends simulated shopper traffic through it with
# scripts/simulate-traffic.sh API_URL DATA_DIR, then runs the dashboard's browser e2e (npm run e2e) against it. The
# server is always stopped. Builds nothing: build the project (mvn package -pl recsys-examples -am)
# and the dashboard (cd dashboard && npm ci && npm run build) first. Exits non-zero when anything fails.
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
classpath_file="$repo_root/recsys-examples/target/recsys-lite.classpath"
dashboard_dir="$repo_root/dashboard/dist"
simulator="$repo_root/scripts/simulate-traffic.sh"
[ -f "$classpath_file" ] || { echo "e2e-dashboard-server: $classpath_file missing; build the project first" >&2; exit 1; }
[ -f "$dashboard_dir/index.html" ] || { echo "e2e-dashboard-server: $dashboard_dir missing; run npm ci && npm run build in dashboard/" >&2; exit 1; }
[ -f "$simulator" ] || { echo "e2e-dashboard-server: $simulator missing: the dashboard needs traffic to chart" >&2; exit 1; }
classpath="$repo_root/recsys-examples/target/classes:$(cat "$classpath_file")"

work="$(mktemp -d -t recsys-dashboard-e2e-XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

cli() { java ${RECSYS_JAVA_OPTS:-} -cp "$classpath" io.recsyslite.examples.cli.RecsysLiteCli "$@"; }
cli generate-sample --out "$work/data" --events "${E2E_EVENTS:-20000}"
cli ingest --events "$work/data/events.parquet" --items "$work/data/items.csv" --db "$work/recsys.db"
cli train als --db "$work/recsys.db" --output "$work/models/als"
cli train popularity --db "$work/recsys.db" --output "$work/models/popularity"

export RECSYS_API_KEY="dashboard-e2e-$RANDOM$RANDOM"
# java itself in the background (not the cli function, whose subshell a kill would leave the JVM behind)
java ${RECSYS_JAVA_OPTS:-} -cp "$classpath" io.recsyslite.examples.cli.RecsysLiteCli serve --variant "popularity=$work/models/popularity:50" --variant "als=$work/models/als:50" --db "$work/recsys.db" --host 127.0.0.1 --port 0 --public-events \
  --dashboard-dir "$dashboard_dir" >"$work/server.log" 2>&1 &
server_pid=$!

# The server picks a free port and prints "Serving on http://127.0.0.1:PORT/" once it listens.
api=""
for _ in $(seq 1 300); do
  api="$(sed -n 's|^Serving on \(http://[^/]*\)/.*|\1|p' "$work/server.log")"
  [ -n "$api" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "e2e-dashboard-server: the server exited; its log:" >&2; cat "$work/server.log" >&2; exit 1
  fi
  sleep 0.2
done
[ -n "$api" ] && curl -fs "$api/health" >/dev/null \
  || { echo "e2e-dashboard-server: the server did not come up healthy; its log:" >&2; cat "$work/server.log" >&2; exit 1; }

bash "$simulator" "$api" "$work/data" --shoppers "${E2E_SHOPPERS:-300}" --visits 2 --max-seconds 90

# The journal moves the last events into the store within a second: wait until /stats stops changing,
# so that the page and the e2e's own /stats read the same figures.
stats() { curl -fs -H "X-API-Key: $RECSYS_API_KEY" "$api/stats?days=30" | sed 's/"generated_at":"[^"]*"//; s/"events_per_minute":.*//'; }
previous=""
for _ in $(seq 1 30); do
  current="$(stats)"
  [ -n "$current" ] && [ "$current" = "$previous" ] && break
  previous="$current"; sleep 1
done

export RECSYS_API_URL="$api"
echo "e2e-dashboard-server: dashboard e2e against $RECSYS_API_URL"
cd "$repo_root/dashboard"
npm run e2e
