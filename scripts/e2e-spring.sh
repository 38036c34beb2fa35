#!/usr/bin/env bash
# Widget end-to-end test against the Spring Boot example app (recsys-spring-boot-example): prepares a
# small sample shop (DuckDB + a trained ALS model) with the CLI in a temporary directory, starts the
# app's executable jar on a free loopback port serving the built demo page (recsys.web.demo-dir), and
# runs the widget's browser e2e (npm run e2e) against it. The app is always stopped. Builds nothing:
# run `mvn -q package -DskipTests -pl recsys-examples,recsys-spring-boot-example -am` and build the
# widget (cd widget && npm ci && npm run build) first. Exits non-zero when anything fails.
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
classpath_file="$repo_root/recsys-examples/target/recsys-lite.classpath"
boot_jar="$(ls "$repo_root"/recsys-spring-boot-example/target/recsys-spring-boot-example-*.jar 2>/dev/null \
  | grep -v -e '-sources.jar$' -e '-javadoc.jar$' | head -n 1 || true)"
demo_dir="$repo_root/widget/dist-demo"
[ -f "$classpath_file" ] || { echo "e2e-spring: $classpath_file missing; build recsys-examples first" >&2; exit 1; }
[ -n "$boot_jar" ] || { echo "e2e-spring: no recsys-spring-boot-example jar; build it first" >&2; exit 1; }
[ -f "$demo_dir/index.html" ] || { echo "e2e-spring: $demo_dir missing; run npm ci && npm run build in widget/" >&2; exit 1; }
classpath="$repo_root/recsys-examples/target/classes:$(cat "$classpath_file")"

work="$(mktemp -d -t recsys-e2e-spring-XXXXXX)"
app_pid=""
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

cli() { java ${RECSYS_JAVA_OPTS:-} -cp "$classpath" io.recsyslite.examples.cli.RecsysLiteCli "$@"; }
cli generate-sample --out "$work/data" --events "${E2E_EVENTS:-20000}"
cli ingest --events "$work/data/events.parquet" --items "$work/data/items.csv" --db "$work/recsys.db"
cli train als --db "$work/recsys.db" --output "$work/model"
user_id=user_1 # the sample shop's users are user_0, user_1, ...

java ${RECSYS_JAVA_OPTS:-} -jar "$boot_jar" --server.address=127.0.0.1 --server.port=0 \
  --recsys.store-path="$work/recsys.db" --recsys.model-dir="$work/model" \
  --recsys.web.demo-dir="$demo_dir" >"$work/app.log" 2>&1 &
app_pid=$!

# Port 0 picks a free port; Tomcat logs "Tomcat started on port NNNN" once it listens.
api=""
for _ in $(seq 1 600); do
  port="$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$work/app.log" | head -n 1)"
  [ -n "$port" ] && { api="http://127.0.0.1:$port"; break; }
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "e2e-spring: the app exited; its log:" >&2; cat "$work/app.log" >&2; exit 1
  fi
  sleep 0.2
done
[ -n "$api" ] && curl -fs "$api/health" \
  || { echo "e2e-spring: the app did not come up healthy; its log:" >&2; cat "$work/app.log" >&2; exit 1; }
echo

export RECSYS_API_URL="$api"
export RECSYS_DEMO_URL="$api/index.html?item=item_1"
export RECSYS_USER_ID="$user_id"
echo "e2e-spring: widget e2e against the Spring Boot app at $RECSYS_API_URL for $RECSYS_USER_ID"
cd "$repo_root/widget"
npm run e2e
