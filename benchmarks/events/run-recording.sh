#!/usr/bin/env bash
# In-process event recording, batched: events/s sustained for DURATION seconds (RecSys.record, its
# journal with group commit, beside the peer: batches appended straight into DuckDB and committed),
# then how many acknowledged events a `kill -9` at a random moment loses.
# Build first: mvn -B -q -pl benchmarks -am package -DskipTests
# Env: DURATION (60), THREADS (4), BATCH (100). --smoke: 3 s runs, kill after 2-3 s.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cp="$here/target/recsys-benchmarks.jar:$(cat "$here/target/classpath.txt")"
main=io.recsyslite.benchmarks.events.RecordingBenchmark
duration="${DURATION:-60}"; threads="${THREADS:-4}"; batch="${BATCH:-100}"; kill_after=$(( 5 + RANDOM % 10 ))
if [ "${1:-}" = "--smoke" ]; then duration=3; kill_after=$(( 2 + RANDOM % 2 )); fi
work="$(mktemp -d -t recsys-events-bench-XXXXXX)"
pid=""
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"' EXIT INT TERM
run() { java -Xmx1g -cp "$cp" "$main" "$@"; }

echo "== $duration s, $threads threads, batches of $batch"
run record "$work/record.db" "$duration" "$threads" "$batch" | grep -v '^acked'
run peer "$work/peer.db" "$duration" "$threads" "$batch" | grep -v '^acked'

echo "== kill -9 after $kill_after s"
java -Xmx1g -cp "$cp" "$main" record "$work/kill.db" 600 "$threads" "$batch" >"$work/acks.log" 2>"$work/kill.err" &
pid=$!
until grep -q '^acked [1-9]' "$work/acks.log" 2>/dev/null; do sleep 0.1; done # recording has begun
sleep "$kill_after"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=""
acked="$(grep '^acked' "$work/acks.log" | tail -n 1 | cut -d' ' -f2)"
stored="$(run count "$work/kill.db" 2>/dev/null | grep '^stored' | cut -d' ' -f2)"
echo "acknowledged at least $acked, stored $stored after recovery, lost $(( acked > stored ? acked - stored : 0 ))"
