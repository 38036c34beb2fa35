#!/usr/bin/env bash
# The demo: a synthetic shop is generated, ingested into an embedded DuckDB file, an ALS model is
# trained on it, and the REST API serves recommendations, the widget's demo shop page at
# http://127.0.0.1:${PORT:-8000}/ and the dashboard at /dashboard/ until Ctrl-C. Re-running is safe:
# ingest skips known files and training replaces the model. Everything lives in demo-output/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
out=demo-output
events=${DEMO_EVENTS:-200000}

bash scripts/setup-system.sh
# The launcher builds (mvn -B -q install -DskipTests) when the project was never built or sources changed.
./recsys-lite --version
(cd widget && npm ci --no-audit --no-fund --silent && npm run --silent build)
(cd dashboard && npm ci --no-audit --no-fund --silent && npm run --silent build)

./recsys-lite generate-sample --out "$out/data" --events "$events"
./recsys-lite ingest --events "$out/data/events.parquet" --items "$out/data/items.csv" --db "$out/recsys.db"
./recsys-lite train als --db "$out/recsys.db" --output "$out/model_artifacts/als" --test-size 0.2

./recsys-lite recommend --db "$out/recsys.db" --model-dir "$out/model_artifacts/als" --user-id user_1 -k 5
echo
echo "Open http://127.0.0.1:${PORT:-8000}/?user=user_1&item=item_1 for the demo shop; the API answers e.g."
echo "  curl 'http://127.0.0.1:${PORT:-8000}/recommend?user_id=user_1&k=5'"
echo "The dashboard (models, CTR and conversion per variant, latency) is at http://127.0.0.1:${PORT:-8000}/dashboard/"
# A short burst of simulated shoppers through the server once it is up, so that the dashboard shows
# curves on first start (DEMO_TRAFFIC=0 skips it): scripts/simulate-traffic.sh API_URL DATA_DIR, which
# waits until the server answers /health.
if [ "${DEMO_TRAFFIC:-1}" != 0 ] && [ -f scripts/simulate-traffic.sh ]; then
  echo "Simulated traffic runs in the background (log: $out/traffic.log)"
  bash scripts/simulate-traffic.sh "http://127.0.0.1:${PORT:-8000}" "$out/data" >"$out/traffic.log" 2>&1 &
fi
# Last step: serve until Ctrl-C.
exec ./recsys-lite serve --model-dir "$out/model_artifacts/als" --db "$out/recsys.db" \
  --port "${PORT:-8000}" --demo-dir widget/dist-demo --dashboard-dir dashboard/dist
