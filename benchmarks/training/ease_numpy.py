"""EASE fit in numpy/scipy on the matrix ModelSpeedBenchmark wrote (indptr.i32, indices.i32, binary).

The reference EASE code (Steck 2019): G = X^T X + lambda I, P = inv(G), B = -P / diag(P), zero
diagonal. Times it in float64 (as the reference) and with float32 inputs, printing wall and process
CPU seconds. Usage: python3 ease_numpy.py DIR ITEMS [LAMBDA] [ROUNDS]
"""
import sys
import time

import numpy as np
import scipy.sparse as sp


def fit(x, lam, dtype):
    g = (x.T @ x).toarray().astype(dtype, copy=False)
    g[np.diag_indices_from(g)] += lam
    p = np.linalg.inv(g)
    b = p / (-np.diag(p))
    b[np.diag_indices_from(b)] = 0
    return b


def main():
    directory, items = sys.argv[1], int(sys.argv[2])
    lam = float(sys.argv[3]) if len(sys.argv) > 3 else 500.0
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    indptr = np.fromfile(f"{directory}/indptr.i32", dtype="<i4")
    indices = np.fromfile(f"{directory}/indices.i32", dtype="<i4")
    x = sp.csr_matrix((np.ones(len(indices), dtype=np.float64), indices, indptr),
                      shape=(len(indptr) - 1, items))
    print(f"numpy {np.__version__}, scipy {sp.__name__}; {x.shape[0]} users x {items} items, {x.nnz} interactions")
    for dtype in (np.float64, np.float32):
        for r in range(1, rounds + 1):
            wall, cpu = time.perf_counter(), time.process_time()
            fit(x.astype(dtype), lam, dtype)
            print(f"numpy ease fit {items} items, lambda {lam:g}, {np.dtype(dtype).name}, round {r}: "
                  f"{time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s cpu", flush=True)


if __name__ == "__main__":
    main()
