#!/usr/bin/env bash
# Kills CLI jobs with SIGKILL at random moments and checks that nothing was lost or corrupted.
# Each run starts one of four jobs on a sample shop and kills it after a random delay (it may also
# finish first), then checks with fresh processes:
#   ingest   - `ingest --events NEW`: the store opens and holds the events of before, or of before plus
#              the whole file (the count after running the ingest again to its end); never a part;
#   save     - `train als --output M` over the served model: M loads (it is the old or the new model);
#   optimize - `optimize --model-type als` (later runs `--resume` the study): the store opens with its
#              events unchanged; the best model, once written, loads;
#   worker   - `worker --once` with a new file in its incoming directory: store and model open, the
#              file is not lost (still incoming, or processed), its events are in whole or not at all.
# "lost" = events or the model gone, a file vanished; "corrupt" = the store or model does not open.
# Prints "N runs, L lost, C corrupt" and exits non-zero unless both are 0.
# Usage: kill-runs.sh [--smoke] [RUNS]   (default 32 runs on 20,000 events; --smoke: 4 runs on 2,000)
# Builds nothing: run `mvn -B -q package -DskipTests` first (or give the class path in RECSYS_CLASSPATH).
# RANDOM_SEED fixes the kill moments.
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/../.." && pwd)"
classpath_file="$repo_root/recsys-examples/target/recsys-lite.classpath"
if [ -z "${RECSYS_CLASSPATH:-}" ]; then
  [ -f "$classpath_file" ] || { echo "build first: mvn -B -q package -DskipTests ($classpath_file missing)" >&2; exit 1; }
fi
classpath="${RECSYS_CLASSPATH:-$repo_root/recsys-examples/target/classes:$(cat "$classpath_file" 2>/dev/null)}"

runs=32
events=20000
if [ "${1:-}" = "--smoke" ]; then runs=4; events=2000; shift; fi
runs="${1:-$runs}"
RANDOM="${RANDOM_SEED:-$$}"

work="$(mktemp -d -t recsys-kill-runs-XXXXXX)"
job_pid=""
cleanup() {
  if [ -n "$job_pid" ] && kill -0 "$job_pid" 2>/dev/null; then kill -9 "$job_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

cli() { java -Xmx1g -cp "$classpath" io.recsyslite.examples.cli.RecsysLiteCli "$@"; }
db="$work/recsys.db"
model="$work/model"
incoming="$work/incoming"

# the number of events in the store (re-ingesting the items file adds nothing and prints it)
event_count() { cli ingest --items "$work/data/items.csv" --db "$db" 2>/dev/null | sed -n 's/.* now holds \([0-9,]*\) events/\1/p' | tr -d ,; }
model_loads() { cli recommend --model-dir "$model" --db "$db" --user-id user_1 -k 3 >"$work/check.log" 2>&1; }

cli generate-sample --out "$work/data" --events "$events" >/dev/null 2>&1
cli ingest --events "$work/data/events.parquet" --items "$work/data/items.csv" --db "$db" >/dev/null 2>&1
started_ms=$(date +%s%3N)
cli train als --db "$db" --output "$model" --param factors=8 --param iterations=3 >/dev/null 2>&1
# kill moments are spread over about as long as a job takes here (JVM start included)
job_ms=$(( $(date +%s%3N) - started_ms ))
mkdir -p "$incoming"

fresh_events() { # $1 = run number: a new events file of other users' sessions
  cli generate-sample --out "$work/new-$1" --events $(( events / 4 )) --seed $(( 1000 + $1 )) >/dev/null 2>&1
  echo "$work/new-$1/events.parquet"
}

# Runs the CLI with "$@" in the background and kills it with SIGKILL after a random delay of up to
# $max_ms (java is started directly, so the kill hits the JVM itself, not a shell around it).
kill_at_random() {
  local max_ms="$1"; shift
  java -Xmx1g -cp "$classpath" io.recsyslite.examples.cli.RecsysLiteCli "$@" >"$work/job.log" 2>&1 &
  job_pid=$!
  local delay_ms=$(( (RANDOM * 32768 + RANDOM) % max_ms ))
  local waited=0
  while [ "$waited" -lt "$delay_ms" ] && kill -0 "$job_pid" 2>/dev/null; do sleep 0.05; waited=$(( waited + 50 )); done
  if kill -9 "$job_pid" 2>/dev/null; then killed=$(( killed + 1 )); fi
  wait "$job_pid" 2>/dev/null || true
  job_pid=""
}

lost=0; corrupt=0; killed=0
fail() { # $1 = lost|corrupt, $2 = what
  echo "run $run ($job): $1: $2" >&2
  if [ "$1" = lost ]; then lost=$(( lost + 1 )); else corrupt=$(( corrupt + 1 )); fi
}

for run in $(seq 1 "$runs"); do
  jobs=(ingest save optimize worker)
  job="${jobs[$(( (run - 1) % 4 ))]}"
  before="$(event_count || true)"
  if [ -z "$before" ]; then fail corrupt "the store does not open before the run"; continue; fi
  case "$job" in
    ingest)
      file="$(fresh_events "$run")"
      kill_at_random "$job_ms" ingest --events "$file" --db "$db"
      after="$(event_count || true)"
      cli ingest --events "$file" --db "$db" >/dev/null 2>&1 || true
      final="$(event_count || true)"
      if [ -z "$after" ]; then fail corrupt "the store does not open after the kill"
      elif [ "$after" != "$before" ] && [ "$after" != "$final" ]; then fail lost "$after events: neither $before nor $final"; fi
      ;;
    save)
      kill_at_random $(( job_ms * 6 / 5 )) train als --db "$db" --output "$model" --param factors=8 --param iterations=3
      if ! model_loads; then
        if grep -q "model.json is missing" "$work/check.log"; then fail lost "no model at M"; else fail corrupt "$(tail -1 "$work/check.log")"; fi
      fi
      ;;
    optimize)
      # one study across the runs: the first starts it, later ones resume it (and add trials)
      resume=(); if [ -n "${study_started:-}" ]; then resume=(--resume); fi
      study_started=yes
      kill_at_random $(( job_ms * 3 )) optimize --model-type als --trials $(( run / 4 + 2 )) "${resume[@]}" \
        --db "$db" --output "$work/study"
      after="$(event_count || true)"
      if [ -z "$after" ]; then fail corrupt "the store does not open after the kill"
      elif [ "$after" != "$before" ]; then fail lost "$after events, $before before"; fi
      if [ -f "$work/study/model/model.json" ] \
          && ! cli recommend --model-dir "$work/study/model" --db "$db" --user-id user_1 >/dev/null 2>&1; then
        fail corrupt "the study's best model does not load"
      fi
      ;;
    worker)
      file="$(fresh_events "$run")"
      name="new-$run.parquet"
      cp "$file" "$incoming/$name"
      kill_at_random $(( job_ms * 6 / 5 )) worker --once --db "$db" --model-dir "$model" --incoming "$incoming"
      if [ ! -f "$incoming/$name" ] && [ ! -f "$incoming/processed/$name" ]; then fail lost "the incoming file vanished"; fi
      after="$(event_count || true)"
      if [ -z "$after" ]; then fail corrupt "the store does not open after the kill"; continue; fi
      if ! model_loads; then fail corrupt "the model does not load: $(tail -1 "$work/check.log")"; fi
      cli ingest --events "$file" --db "$db" >/dev/null 2>&1 || true
      final="$(event_count || true)"
      if [ "$after" != "$before" ] && [ "$after" != "$final" ]; then fail lost "$after events: neither $before nor $final"; fi
      ;;
  esac
done
echo "$runs runs ($killed killed before they finished; kills spread over 0..${job_ms} ms and more), $lost lost, $corrupt corrupt"
[ "$lost" -eq 0 ] && [ "$corrupt" -eq 0 ]
