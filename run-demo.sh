#!/usr/bin/env bash
# The demo: a synthetic shop is generated, ingested into an embedded DuckDB file, an ALS model is
# trained on it, and the REST API serves recommendations and the widget's demo shop page at
# http://127.0.0.1:${PORT:-8000}/ until Ctrl-C. Re-running is safe: ingest skips known files and
# training replaces the model. Everything lives in demo-output/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
out=demo-output
events=${DEMO_EVENTS:-200000}

bash scripts/setup-system.sh
# The launcher builds (mvn -B -q install -DskipTests) when the project was never built or sources changed.
./recsys-lite --version
(cd widget && npm ci --no-audit --no-fund --silent && npm run --silent build)

./recsys-lite generate-sample --out "$out/data" --events "$events"
./recsys-lite ingest --events "$out/data/events.parquet" --items "$out/data/items.csv" --db "$out/recsys.db"
./recsys-lite train als --db "$out/recsys.db" --output "$out/model_artifacts/als" --test-size 0.2

./recsys-lite recommend --db "$out/recsys.db" --model-dir "$out/model_artifacts/als" --user-id user_1 -k 5
echo
echo "Open http://127.0.0.1:${PORT:-8000}/?user=user_1&item=item_1 for the demo shop; the API answers e.g."
echo "  curl 'http://127.0.0.1:${PORT:-8000}/recommend?user_id=user_1&k=5'"
# Last step: serve until Ctrl-C.
exec ./recsys-lite serve --model-dir "$out/model_artifacts/als" --db "$out/recsys.db" \
  --port "${PORT:-8000}" --demo-dir widget/dist-demo
