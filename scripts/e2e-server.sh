#!/usr/bin/env bash
# Widget end-to-end test against the real REST server: prepares a small sample shop (DuckDB + a
# trained model) in a temporary directory, starts `recsys-lite serve` on a free loopback port
# serving the built demo page, and runs the widget's browser e2e (npm run e2e) against it. The
# server is always stopped. Builds nothing: run `mvn install` and build the widget
# (cd widget && npm ci && npm run build) first. Exits non-zero when anything fails.
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
classpath_file="$repo_root/recsys-examples/target/recsys-lite.classpath"
demo_dir="$repo_root/widget/dist-demo"
[ -f "$classpath_file" ] || { echo "e2e-server: $classpath_file missing; run mvn install first" >&2; exit 1; }
[ -f "$demo_dir/index.html" ] || { echo "e2e-server: $demo_dir missing; run npm ci && npm run build in widget/" >&2; exit 1; }
classpath="$repo_root/recsys-examples/target/classes:$(cat "$classpath_file")"

work="$(mktemp -d -t recsys-e2e-XXXXXX)"
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
cli train als --db "$work/recsys.db" --output "$work/model"
user_id=user_1 # the sample shop's users are user_0, user_1, ...

java ${RECSYS_JAVA_OPTS:-} -cp "$classpath" io.recsyslite.examples.cli.RecsysLiteCli serve \
  --model-dir "$work/model" --db "$work/recsys.db" --host 127.0.0.1 --port 0 \
  --demo-dir "$demo_dir" >"$work/server.log" 2>&1 &
server_pid=$!

# The server picks a free port and prints "Serving on http://127.0.0.1:PORT/" once it listens.
api=""
for _ in $(seq 1 300); do
  api="$(sed -n 's|^Serving on \(http://[^/]*\)/.*|\1|p' "$work/server.log")"
  [ -n "$api" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "e2e-server: the server exited; its log:" >&2; cat "$work/server.log" >&2; exit 1
  fi
  sleep 0.2
done
[ -n "$api" ] && curl -fs "$api/health" \
  || { echo "e2e-server: the server did not come up healthy; its log:" >&2; cat "$work/server.log" >&2; exit 1; }
echo

export RECSYS_API_URL="$api"
export RECSYS_DEMO_URL="$api/index.html?item=item_1"
export RECSYS_USER_ID="$user_id"
echo "e2e-server: widget e2e against $RECSYS_API_URL for $RECSYS_USER_ID"
cd "$repo_root/widget"
npm run e2e
