#!/usr/bin/env bash
# Widget end-to-end test against the Spring Boot example app (recsys-spring-boot-example): prepares a
# small sample shop (DuckDB + a trained ALS model) with the CLI in a temporary directory, starts the
# app's executable jar on a free loopback port serving the built demo page (recsys.web.demo-dir), and
# runs the widget's browser e2e (npm run e2e) against it. The app is always stopped. Builds nothing:
# run `mvn -q package -DskipTests -pl recsys-examples,recsys-spring-boot-example -am` and build the
# widget (cd widget && npm ci && npm run build) first. Exits non-zero when anything fails.
set -euo pipefail
e2e_name=e2e-spring
source "$(dirname "$0")/e2e-lib.sh"
boot_jar="$(ls "$repo_root"/recsys-spring-boot-example/target/recsys-spring-boot-example-*.jar 2>/dev/null \
  | grep -v -e '-sources.jar$' -e '-javadoc.jar$' | head -n 1 || true)"
[ -n "$boot_jar" ] || { echo "e2e-spring: no recsys-spring-boot-example jar; build it first" >&2; exit 1; }
e2e_prepare_shop

java ${RECSYS_JAVA_OPTS:-} -jar "$boot_jar" --server.address=127.0.0.1 --server.port=0 \
  --recsys.store-path="$work/recsys.db" --recsys.model-dir="$work/model" \
  --recsys.web.demo-dir="$demo_dir" >"$work/server.log" 2>&1 &
server_pid=$!

# Port 0 picks a free port; Tomcat logs "Tomcat started on port NNNN" once it listens.
e2e_run_widget_against 's|.*Tomcat started on port \([0-9]*\).*|http://127.0.0.1:\1|p'
