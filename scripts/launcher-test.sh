#!/usr/bin/env bash
# Checks that ./recsys-lite rebuilds exactly when a source, resource or pom changed, and not for
# build output (target/, e.g. after `mvn install` or `mvn javadoc:javadoc`). Runs the real launcher
# in a scratch copy of the layout with stand-ins for mvn and java that only record their calls.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/root/recsys-examples/target/classes" "$work/root/recsys-core/src/main/java" \
  "$work/root/recsys-core/src/main/resources" "$work/root/recsys-core/target/generated-sources" \
  "$work/root/recsys-core/target/site/apidocs/resources" "$work/bin"
cp "$here/recsys-lite" "$work/root/"
touch "$work/root/pom.xml" "$work/root/recsys-core/src/main/java/A.java"
for tool in mvn java; do
  printf '#!/bin/sh\necho %s >> "%s/calls"\n' "$tool" "$work" > "$work/bin/$tool"
  chmod +x "$work/bin/$tool"
done
export PATH="$work/bin:$PATH"

failures=0
expect() { # expect <builds|runs> <what changed>
  : > "$work/calls"
  "$work/root/recsys-lite" algorithms 2>/dev/null
  local built=runs
  grep -q mvn "$work/calls" && built=builds
  if [ "$built" = "$1" ]; then echo "ok: $2 -> $1"; else echo "FAIL: $2 -> $built, expected $1"; failures=$((failures + 1)); fi
  sleep 1.1 # file times in seconds on some file systems: the next change must be newer than the mark
}

expect builds "first use (no class path file)"
expect runs "nothing changed"
touch "$work/root/recsys-core/target/generated-sources/Gen.java"; expect runs "a generated .java under target/"
touch "$work/root/recsys-core/target/site/apidocs/resources/x.js"; expect runs "javadoc output under target/"
touch "$work/root/recsys-core/src/main/java/A.java"; expect builds "a source file"
touch "$work/root/recsys-core/src/main/resources/x.properties"; expect builds "a resource"
touch "$work/root/pom.xml"; expect builds "a pom"
[ "$failures" -eq 0 ] && echo "launcher: 7 passed, 0 failed" || { echo "launcher: $((7 - failures)) passed, $failures failed"; exit 1; }
