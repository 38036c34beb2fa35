#!/usr/bin/env bash
# Runs the Faiss benchmark (Java) and the same measurement from Python's faiss on the same files.
# From the repository root, after `mvn -B install -DskipTests`:
#   benchmarks/faiss/run.sh <items> [exact,faiss-ivf-flat,faiss-hnsw]
# Index files, queries.fvecs and groundtruth.ivecs go to benchmarks/target/faiss-<items>/.
set -euo pipefail
items=$1
indexes=${2:-exact,faiss-ivf-flat,faiss-hnsw}
out=benchmarks/target/faiss-$items

# -am resolves recsys-core and recsys-faiss from this checkout's target/classes, not ~/.m2
mvn -B -q -o -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile=target/faiss-bench.cp
java -Xmx6g -cp "benchmarks/target/classes:$(cat benchmarks/target/faiss-bench.cp)" \
  io.recsyslite.benchmarks.faiss.FaissBenchmark "$items" "$out" "$indexes"

for name in ${indexes//,/ }; do
  if [ "$name" != exact ]; then
    echo
    echo "| index | recall@10 | single p50 ms | single p99 ms | single QPS (1 thread) | batch(500) p50 ms | batched QPS (all threads) |"
    echo "|---|---|---|---|---|---|---|"
    /usr/bin/python3 benchmarks/faiss/faiss_python_bench.py "$out" "$name" "$(nproc)"
  fi
done
