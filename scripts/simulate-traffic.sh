#!/usr/bin/env bash
# Simulated shoppers of a sample shop against a running server: scripts/simulate-traffic.sh API_URL DATA_DIR
# [more simulate-traffic options, e.g. --visits 5]. DATA_DIR is what `generate-sample --out` wrote;
# waits for API_URL/health first. Builds nothing: uses the built CLI (mvn package -pl recsys-examples -am).
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -ge 2 ] || { echo "usage: simulate-traffic.sh API_URL DATA_DIR [options]" >&2; exit 2; }
classpath_file="$repo_root/recsys-examples/target/recsys-lite.classpath"
[ -f "$classpath_file" ] || { echo "simulate-traffic: $classpath_file missing; build the project first" >&2; exit 1; }
api="$1"; data="$2"; shift 2
exec java ${RECSYS_JAVA_OPTS:-} -cp "$repo_root/recsys-examples/target/classes:$(cat "$classpath_file")" \
  io.recsyslite.examples.cli.RecsysLiteCli simulate-traffic --api "$api" --data "$data" "$@"
