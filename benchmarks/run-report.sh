#!/usr/bin/env bash
# Runs the quality report runner (see README.md). Build first:
#   mvn -B -pl benchmarks -am package -DskipTests
# Extra JVM options via JAVA_OPTS (default -Xmx8g).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ ! -f "$here/target/recsys-benchmarks.jar" || ! -f "$here/target/classpath.txt" ]]; then
  echo "benchmarks are not built; run: mvn -B -pl benchmarks -am package -DskipTests" >&2
  exit 1
fi
main="${REPORT_MAIN:-io.recsyslite.benchmarks.report.QualityReport}"
exec java ${JAVA_OPTS:--Xmx8g} -cp "$here/target/recsys-benchmarks.jar:$(cat "$here/target/classpath.txt")" "$main" "$@"
