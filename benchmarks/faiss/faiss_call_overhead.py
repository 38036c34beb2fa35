"""Python's side of FaissCallOverheadJmh: the same single-query IVF searches on the same index file.

    /usr/bin/python3 benchmarks/faiss/faiss_call_overhead.py benchmarks/target/faiss-jmh-100000 [round-seconds]

For nprobe 1 and 16 (one thread, k = 10, cycling over the 1000 queries of queries.fvecs) it runs
JMH's schedule by hand (3 warm-up and 5 measured rounds of 2 s) and prints the mean microseconds per
call of each measured round and their mean, comparable with JMH's "avgt" score.
"""
import sys
import time

import faiss
import numpy as np

K = 10
ROUND_SECONDS = 2.0  # JMH's iteration time; the smoke run passes a tiny one


def read_fvecs(path):
    raw = np.fromfile(path, dtype="<i4")
    dim = raw[0]
    return np.ascontiguousarray(raw.reshape(-1, dim + 1)[:, 1:].view("<f4"))


def round_micros(index, rows, seconds):
    calls, start = 0, time.perf_counter()
    deadline = start + seconds
    while True:
        for row in rows:
            index.search(row, K)
        calls += len(rows)
        now = time.perf_counter()
        if now >= deadline:
            return (now - start) / calls * 1e6


def main():
    out = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else ROUND_SECONDS
    index = faiss.read_index(f"{out}/faiss-ivf-flat.faiss")
    queries = read_fvecs(f"{out}/queries.fvecs")
    rows = [queries[q:q + 1] for q in range(len(queries))]
    ivf = faiss.extract_index_ivf(index)
    faiss.omp_set_num_threads(1)
    print(f"Python faiss {faiss.__version__}, {index.ntotal} vectors, one thread")
    for nprobe in (1, 16):
        ivf.nprobe = nprobe
        for _ in range(3):
            round_micros(index, rows, seconds)
        measured = [round_micros(index, rows, seconds) for _ in range(5)]
        print(f"nprobe={nprobe}: {np.mean(measured):.3f} us/call (rounds: "
              + ", ".join(f"{m:.3f}" for m in measured) + ")")


if __name__ == "__main__":
    main()
