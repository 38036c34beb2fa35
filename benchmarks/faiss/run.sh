#!/usr/bin/env bash
# Runs the Faiss benchmark (Java) and the same measurement from Python's faiss on the same files.
# From the repository root, after `mvn -B package -DskipTests` (builds the benchmarks jar):
#   benchmarks/faiss/run.sh <items> [exact,faiss-ivf-flat,faiss-hnsw] [out-dir]
# Index files, queries.fvecs and groundtruth.ivecs go to out-dir (benchmarks/target/faiss-<items>/).
set -euo pipefail
items=$1
indexes=${2:-exact,faiss-ivf-flat,faiss-hnsw}
out=${3:-benchmarks/target/faiss-$items}

JAVA_OPTS="${JAVA_OPTS:--Xmx6g}" REPORT_MAIN=io.recsyslite.benchmarks.faiss.FaissBenchmark \
  benchmarks/run-report.sh "$items" "$out" "$indexes"

for name in ${indexes//,/ }; do
  if [ "$name" != exact ]; then
    echo
    echo "| index | recall@10 | single p50 ms | single p99 ms | single QPS (1 thread) | batch(500) p50 ms | batched QPS (all threads) |"
    echo "|---|---|---|---|---|---|---|"
    /usr/bin/python3 benchmarks/faiss/faiss_python_bench.py "$out" "$name" "$(nproc)"
  fi
done
