#!/usr/bin/env bash
# Prints how much a shop ships for each choice of RecSys-Lite modules: the number of jars and their
# total size on the runtime class path (the modules' own jars included). Packages the modules first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
modules=(recsys-core recsys-store recsys-models recsys-gru4rec recsys-faiss)
mvn -B -q -pl "$(IFS=,; echo "${modules[*]}")" -am -DskipTests package dependency:build-classpath dependency:list \
  -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -DincludeScope=runtime -Dmdep.outputFile=target/runtime.classpath \
  -DoutputFile=target/runtime.deps -DoutputAbsoluteArtifactFilename=true >&2

# A module's optional dependencies (native speed-ups) do not reach a shop that depends on it.
optional_jars() {
  for m in "$@"; do sed -n 's|.*:\(/[^ ]*\.jar\).*(optional).*|\1|p' "$m/target/runtime.deps"; done
}

# The jars a set of modules puts on the class path: their own jars and their runtime dependencies.
jars_of() {
  for m in "$@"; do
    ls "$m"/target/"$m"-*.jar | grep -v -e '-tests.jar' -e '-sources.jar' -e '-javadoc.jar'
    { tr ':' '\n' < "$m/target/runtime.classpath"; echo; } | grep . | sed 's|/target/classes$||' | while read -r entry; do
      # a sibling module appears as its classes folder: count its jar
      if [ -d "$entry" ]; then n="$(basename "$entry")"; ls "$entry"/target/"$n"-*.jar | grep -v -e '-tests.jar' -e '-sources.jar' -e '-javadoc.jar'; else echo "$entry"; fi
    done
  done | sort -u | grep -v -x -F -f <(optional_jars "$@"; echo /none)
}

report() {
  local label="$1"; shift
  local list; list="$(jars_of "$@")"
  local count; count="$(grep -c . <<<"$list")"
  local bytes; bytes="$(xargs stat -c %s <<<"$list" | paste -sd+ | bc)"
  local nd4j; nd4j="$(grep -c 'nd4j' <<<"$list" || true)"
  printf '%-44s %3d jars %6.1f MB  (nd4j jars: %d)\n' "$label" "$count" "$(bc -l <<<"$bytes/1000000")" "$nd4j"
}

report "core (model API)" recsys-core
report "store + classic algorithms" recsys-store recsys-models
report "store + classic algorithms + faiss" recsys-store recsys-models recsys-faiss
report "everything (+ gru4rec)" recsys-store recsys-models recsys-faiss recsys-gru4rec
