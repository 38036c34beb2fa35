#!/usr/bin/env bash
# Builds and tests the React widget (widget/): clean install from the lockfile, library + demo build,
# unit tests, npm tarball check and `npm publish --dry-run`, then the headless-Chromium e2e test. Against a running REST server
# when RECSYS_API_URL (and optionally RECSYS_DEMO_URL, RECSYS_USER_ID) is set, else against the
# loopback mock server. Exits non-zero on the first failure.
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo_root/widget"

npm ci --no-audit --no-fund
npm run typecheck
npm run build
npm test
npm run pack:check
npm publish --dry-run  # what `npm publish` would upload, without uploading

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  bash "$repo_root/scripts/setup-system.sh"
fi
if [ -n "${RECSYS_API_URL:-}" ]; then
  echo "widget e2e against RECSYS_API_URL=$RECSYS_API_URL"
else
  echo "widget e2e against the mock server (RECSYS_API_URL not set)"
fi
npm run e2e
