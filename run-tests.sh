#!/usr/bin/env bash
# Runs every test of the project: system packages, the launcher's rebuild check, the Maven reactor (unit and integration tests,
# including the native Faiss binding and its Python cross-check), a smoke run of every benchmark
# runner at a tiny size (scripts/bench-smoke.sh), the widget (type check, build,
# unit tests, package check, browser test against the mock API), and finally the widget in
# Chromium against the real REST server serving a freshly trained model and against the Spring Boot
# example app, the dashboard (unit tests and its browser test against the mock of /stats, then against the real
# server after simulated A/B traffic), then the Docker image built
# and run with podman (scripts/container-test.sh; RECSYS_CONTAINER_TEST=0 skips it, loudly).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

bash scripts/setup-system.sh
bash scripts/launcher-test.sh
mvn -B verify
bash scripts/bench-smoke.sh
bash scripts/widget-test.sh
bash scripts/e2e-server.sh
bash scripts/e2e-spring.sh
bash scripts/dashboard-test.sh
bash scripts/e2e-dashboard-server.sh
if [ "${RECSYS_CONTAINER_TEST:-1}" = 0 ]; then
  echo "=================================================================================="
  echo "SKIPPED: the Docker image test (RECSYS_CONTAINER_TEST=0); run scripts/container-test.sh"
  echo "=================================================================================="
else
  bash scripts/container-test.sh
fi
