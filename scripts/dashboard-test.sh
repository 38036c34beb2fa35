#!/usr/bin/env bash
# Builds and tests the dashboard (dashboard/): clean install from the lockfile, type check, build,
# unit tests, then the headless-Chromium e2e test. Against a running example server when
# RECSYS_API_URL (and RECSYS_API_KEY when it has one) is set, else against the loopback mock of the
# /stats contract. Screenshots land in dashboard/test-results/. Exits non-zero on the first failure.
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo_root/dashboard"

npm ci --no-audit --no-fund
npm run typecheck
npm run build
npm test

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  bash "$repo_root/scripts/setup-system.sh"
fi
if [ -n "${RECSYS_API_URL:-}" ]; then
  echo "dashboard e2e against RECSYS_API_URL=$RECSYS_API_URL"
else
  echo "dashboard e2e against the mock server (RECSYS_API_URL not set)"
fi
npm run e2e
echo "dashboard screenshots: $repo_root/dashboard/test-results/"
