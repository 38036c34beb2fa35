#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the build, the tests and the demo need. Idempotent: does
# nothing when everything is present. Needs root (or passwordless sudo) only when something is missing.
set -euo pipefail

PACKAGES=(
  libfaiss-dev      # Faiss 1.7.3 static library + headers for the JavaCPP binding (recsys-faiss)
  libopenblas-dev   # BLAS/LAPACK that Faiss links against
  python3-faiss     # cross-check: index files written by Java load in Python's faiss
  python3-numpy
  chromium          # browser for the widget's end-to-end tests (no browser download)
  wrk               # HTTP load generator for the REST benchmark
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  echo "RecSys-Lite needs these system packages: ${missing[*]}" >&2
  echo "Run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
