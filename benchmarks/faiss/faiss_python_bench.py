"""Measures a Faiss index file written by FaissBenchmark from Python's faiss, for the Java call overhead.

Run with Debian's interpreter (python3-faiss, python3-numpy):
    /usr/bin/python3 benchmarks/faiss/faiss_python_bench.py <out-dir> <index-name> [threads]
It reads <out-dir>/<index-name>.faiss, queries.fvecs and groundtruth.ivecs and prints one Markdown row
with the same columns as the Java runner (recall@10, single-query p50/p99/QPS, batched p50/QPS), then
the same nprobe/efSearch sweep as the Java runner (first 200 queries, single queries, one thread).
"""
import sys
import time

import faiss
import numpy as np

K = 10
WARM_UP = 50
BATCHES = 5
SWEEP_QUERIES = 200


def read_vecs(path, dtype):
    raw = np.fromfile(path, dtype="<i4")
    dim = raw[0]
    rows = raw.reshape(-1, dim + 1)[:, 1:]
    return np.ascontiguousarray(rows.view(dtype))


def percentile_ms(nanos, p):
    ordered = np.sort(nanos)
    rank = max(0, min(len(ordered) - 1, int(np.ceil(p * len(ordered))) - 1))
    return ordered[rank] / 1e6


def recall_at_k(found, truth):
    return np.mean([len(set(found[q]) & set(truth[q])) / K for q in range(len(found))])


def single_query_nanos(index, queries):
    for q in range(min(WARM_UP, len(queries))):
        index.search(queries[q:q + 1], K)
    nanos = np.empty(len(queries), dtype=np.int64)
    for q in range(len(queries)):
        one = queries[q:q + 1]
        start = time.perf_counter_ns()
        index.search(one, K)
        nanos[q] = time.perf_counter_ns() - start
    return nanos


def sweep(index, name, queries, truth):
    """The Java runner's sweep: the same values, set on the loaded index."""
    if "ivf" in name:
        ivf = faiss.extract_index_ivf(index)
        key, values = "nprobe", [10, 64, ivf.nlist // 8, ivf.nlist // 4, ivf.nlist // 2]
        setter = lambda v: setattr(ivf, "nprobe", v)
    elif "hnsw" in name:
        key, values = "efSearch", [64, 128, 256, 512]
        setter = lambda v: setattr(index.hnsw, "efSearch", v)
    else:
        return
    subset, expected = queries[:SWEEP_QUERIES], truth[:SWEEP_QUERIES]
    print(f"\n| {name} {key} (Python) | recall@10 | single p50 ms | single QPS |\n|---|---|---|---|")
    faiss.omp_set_num_threads(1)
    for value in values:
        setter(value)
        _, found = index.search(subset, K)
        nanos = single_query_nanos(index, subset)
        print(f"| {value} | {recall_at_k(found, expected):.4f} | {percentile_ms(nanos, 0.5):.3f} "
              f"| {len(subset) / (nanos.sum() / 1e9):.0f} |")


def main():
    out, name = sys.argv[1], sys.argv[2]
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    index = faiss.read_index(f"{out}/{name}.faiss")
    queries = read_vecs(f"{out}/queries.fvecs", "<f4")
    truth = read_vecs(f"{out}/groundtruth.ivecs", "<i4")

    faiss.omp_set_num_threads(threads)
    _, found = index.search(queries, K)
    recall = recall_at_k(found, truth)

    faiss.omp_set_num_threads(1)  # single queries: one thread, as in the Java runner
    single = single_query_nanos(index, queries)

    faiss.omp_set_num_threads(threads)
    index.search(queries, K)
    batches = np.empty(BATCHES, dtype=np.int64)
    for b in range(BATCHES):
        start = time.perf_counter_ns()
        index.search(queries, K)
        batches[b] = time.perf_counter_ns() - start

    print(f"| {name} (Python faiss {faiss.__version__}) | {recall:.4f} | {percentile_ms(single, 0.5):.3f} "
          f"| {percentile_ms(single, 0.99):.3f} | {len(queries) / (single.sum() / 1e9):.0f} "
          f"| {percentile_ms(batches, 0.5):.1f} | {BATCHES * len(queries) / (batches.sum() / 1e9):.0f} |")
    sweep(index, name, queries, truth)


if __name__ == "__main__":
    main()
