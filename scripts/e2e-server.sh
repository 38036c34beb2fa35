#!/usr/bin/env bash
# Widget end-to-end test against the real REST server: prepares a small sample shop (DuckDB + a
# trained model) in a temporary directory, starts `recsys-lite serve` on a free loopback port
# serving the built demo page, and runs the widget's browser e2e (npm run e2e) against it. The
# server is always stopped. Builds nothing: run `mvn install` and build the widget
# (cd widget && npm ci && npm run build) first. Exits non-zero when anything fails.
set -euo pipefail
e2e_name=e2e-server
source "$(dirname "$0")/e2e-lib.sh"
e2e_prepare_shop

java ${RECSYS_JAVA_OPTS:-} -cp "$classpath" io.recsyslite.examples.cli.RecsysLiteCli serve \
  --model-dir "$work/model" --db "$work/recsys.db" --host 127.0.0.1 --port 0 \
  --demo-dir "$demo_dir" >"$work/server.log" 2>&1 &
server_pid=$!

# The server picks a free port and prints "Serving on http://127.0.0.1:PORT/" once it listens.
e2e_run_widget_against 's|^Serving on \(http://[^/]*\)/.*|\1|p'
