#!/usr/bin/env bash
# Startup time of the Spring Boot example app (java -jar, until /health answers 200 with the model
# loaded) beside the Javalin server (recsys-lite serve) on the same sample shop and ALS model, RUNS
# times each, alternating; prints each time, the medians, their ratio, the machine load and the
# fat jar's size. Builds nothing: run
#   mvn -q package -DskipTests -Dno-gru4rec -pl recsys-examples,recsys-spring-boot-example -am
# first. Usage: bash benchmarks/spring/startup.sh [RUNS]
set -euo pipefail
runs="${1:-3}"
repo_root="$(cd "$(dirname "$0")/../.." && pwd)"
classpath="$repo_root/recsys-examples/target/classes:$(cat "$repo_root/recsys-examples/target/recsys-lite.classpath")"
boot_jar="$(ls "$repo_root"/recsys-spring-boot-example/target/recsys-spring-boot-example-*.jar \
  | grep -v -e '-sources.jar$' -e '-javadoc.jar$' | head -n 1)"
work="$(mktemp -d -t recsys-startup-XXXXXX)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM

cli() { java -cp "$classpath" io.recsyslite.examples.cli.RecsysLiteCli "$@" >/dev/null 2>&1; }
cli generate-sample --out "$work/data" --events 20000
cli ingest --events "$work/data/events.parquet" --items "$work/data/items.csv" --db "$work/recsys.db"
cli train als --db "$work/recsys.db" --output "$work/model"

# Seconds from the JVM's start until GET /health on $1 answers 200.
time_until_healthy() {
  local port="$1"; shift
  local start end
  start="$(date +%s.%N)"
  "$@" >"$work/log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/log" >&2; exit 1; }
    sleep 0.05
  done
  end="$(date +%s.%N)"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  echo "$end - $start" | bc
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

port=18431
boot=(); javalin=()
for _ in $(seq 1 "$runs"); do
  boot+=("$(time_until_healthy $port java -jar "$boot_jar" --server.address=127.0.0.1 --server.port=$port \
    --recsys.store-path="$work/recsys.db" --recsys.model-dir="$work/model")")
  javalin+=("$(time_until_healthy $port java -cp "$classpath" io.recsyslite.examples.cli.RecsysLiteCli serve \
    --db "$work/recsys.db" --model-dir "$work/model" --host 127.0.0.1 --port $port --index exact)")
done
boot_median="$(printf '%s\n' "${boot[@]}" | median)"
javalin_median="$(printf '%s\n' "${javalin[@]}" | median)"
echo "spring boot app: ${boot[*]} s; median $boot_median s"
echo "javalin server:  ${javalin[*]} s; median $javalin_median s"
echo "ratio boot / javalin: $(echo "scale=2; $boot_median / $javalin_median" | bc)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "fat jar: $(basename "$boot_jar") $(stat -c %s "$boot_jar") bytes ($(du -m "$boot_jar" | cut -f1) MB)"
