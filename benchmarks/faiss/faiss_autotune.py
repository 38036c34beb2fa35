"""Faiss's own auto-tuning (ParameterSpace.explore) on the files FaissBenchmark writes: the anchor
for our calibration (FaissItemIndex.calibrate, the smallest nprobe / efSearch reaching recall@10 0.95).

    /usr/bin/python3 benchmarks/faiss/faiss_autotune.py <out-dir> <index-name> [target-recall]

Reads <out-dir>/<index-name>.faiss, queries.fvecs and groundtruth.ivecs; explores nprobe / efSearch
with faiss.IntersectionCriterion (recall@10 as set intersection, like ours) on the first half of the
queries (the half our calibration used), prints Faiss's Pareto-optimal operating points and the
fastest one reaching the target, with its recall@10 on all queries.
"""
import sys

import faiss
import numpy as np

K = 10


def read_vecs(path, dtype):
    raw = np.fromfile(path, dtype="<i4")
    dim = raw[0]
    return np.ascontiguousarray(raw.reshape(-1, dim + 1)[:, 1:].view(dtype))


def recall(index, queries, truth):
    _, found = index.search(queries, K)
    return np.mean([len(set(f) & set(t)) / K for f, t in zip(found, truth)])


def main():
    out, name = sys.argv[1], sys.argv[2]
    target = float(sys.argv[3]) if len(sys.argv) > 3 else 0.95
    index = faiss.read_index(f"{out}/{name}.faiss")
    queries = read_vecs(f"{out}/queries.fvecs", "<f4")
    truth = read_vecs(f"{out}/groundtruth.ivecs", "<i4")
    half = len(queries) // 2
    criterion = faiss.IntersectionCriterion(half, K)
    criterion.set_groundtruth(None, np.ascontiguousarray(truth[:half].astype("int64")))
    space = faiss.ParameterSpace()
    space.initialize(index)
    points = space.explore(index, queries[:half], criterion)
    print(f"Faiss ParameterSpace on {name} ({index.ntotal} vectors), {half} queries, target recall@{K} {target}:")
    best = None
    for i in range(points.optimal_pts.size()):
        p = points.optimal_pts.at(i)
        print(f"  {p.key}: recall@{K} {p.perf:.4f}, {p.t * 1e3 / half:.3f} ms/query")
        if p.perf >= target and (best is None or p.t < best.t):
            best = p
    if best is None:
        print("  no operating point reaches the target")
        return
    space.set_index_parameters(index, best.key)
    print(f"fastest reaching the target: {best.key}; recall@{K} on all {len(queries)} queries "
          f"{recall(index, queries, truth):.4f}")


if __name__ == "__main__":
    main()
