# Shared by scripts/e2e-server.sh and scripts/e2e-spring.sh (sourced, not run): a sample shop made
# with the CLI in a temporary directory, the wait for a server to come up healthy, and the widget's
# browser e2e against it. The caller sets e2e_name (for messages) and starts its server in between,
# putting its pid in server_pid and its output in "$work/server.log"; the EXIT trap stops the server
# and removes the directory.
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
classpath_file="$repo_root/recsys-examples/target/recsys-lite.classpath"
demo_dir="$repo_root/widget/dist-demo"
[ -f "$classpath_file" ] || { echo "$e2e_name: $classpath_file missing; build recsys-examples first" >&2; exit 1; }
[ -f "$demo_dir/index.html" ] || { echo "$e2e_name: $demo_dir missing; run npm ci && npm run build in widget/" >&2; exit 1; }
classpath="$repo_root/recsys-examples/target/classes:$(cat "$classpath_file")"

work="$(mktemp -d -t "recsys-$e2e_name-XXXXXX")"
server_pid=""
e2e_cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap e2e_cleanup EXIT INT TERM

cli() { java ${RECSYS_JAVA_OPTS:-} -cp "$classpath" io.recsyslite.examples.cli.RecsysLiteCli "$@"; }

# "$work/recsys.db" with a generated shop and an ALS model in "$work/model".
e2e_prepare_shop() {
  cli generate-sample --out "$work/data" --events "${E2E_EVENTS:-20000}"
  cli ingest --events "$work/data/events.parquet" --items "$work/data/items.csv" --db "$work/recsys.db"
  cli train als --db "$work/recsys.db" --output "$work/model"
}

# Waits until the server log yields its base url through the sed expression $1 and /health answers;
# then runs the widget e2e against it for user_1 (the sample shop's users are user_0, user_1, ...).
e2e_run_widget_against() {
  local api=""
  for _ in $(seq 1 600); do
    api="$(sed -n "$1" "$work/server.log" | head -n 1)"
    [ -n "$api" ] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "$e2e_name: the server exited; its log:" >&2; cat "$work/server.log" >&2; exit 1
    fi
    sleep 0.2
  done
  [ -n "$api" ] && curl -fs "$api/health" \
    || { echo "$e2e_name: the server did not come up healthy; its log:" >&2; cat "$work/server.log" >&2; exit 1; }
  echo
  export RECSYS_API_URL="$api"
  export RECSYS_DEMO_URL="$api/index.html?item=item_1"
  export RECSYS_USER_ID=user_1
  echo "$e2e_name: widget e2e against $RECSYS_API_URL for $RECSYS_USER_ID"
  cd "$repo_root/widget"
  npm run e2e
}
