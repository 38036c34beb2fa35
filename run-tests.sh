#!/usr/bin/env bash
# Runs every test of the project: system packages, the Maven reactor (unit + integration tests,
# including the native Faiss binding), then the widget (unit tests and browser end-to-end tests).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

bash scripts/setup-system.sh
mvn -B verify
if [ -f scripts/widget-test.sh ]; then
  bash scripts/widget-test.sh
fi
