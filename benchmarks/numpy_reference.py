#!/usr/bin/env python3
"""numpy reference for the robustness suite: popularity, implicit ALS, EASE and cosine item-kNN on
the splits the suite wrote (RobustnessSuite --splits DIR), with the library's default parameters
and the same protocol (full ranking, training items excluded, NDCG@10 and HR@10 over users with a
held-out item). Needs only python3-numpy (Debian). Usage:

    python3 benchmarks/numpy_reference.py DIR [--ease-max-items 10000] > reference.md

ALS: Hu, Koren & Volinsky with confidence 1 + alpha (binary data), exact solves per row (the
library's default runs 3 conjugate-gradient steps, so a small gap is expected). EASE: Steck 2019
with lambda on the diagonal. item-kNN: cosine over binary item columns, each item keeps its 50 most
similar items, a user's score for j sums sim(j, i) over the user's items i among j's 50.
"""
import math
import os
import sys
import time

import numpy as np

FACTORS, REG, ALPHA, ITERATIONS, SEED = 64, 0.1, 5.0, 10, 42
EASE_LAMBDA = 500.0
NEIGHBOURS = 50
K = 10


def load(directory):
    users, items = (int(v) for v in open(os.path.join(directory, "shape.tsv")).read().split())
    train = np.loadtxt(os.path.join(directory, "train.tsv"), dtype=np.int64, ndmin=2)
    test = np.loadtxt(os.path.join(directory, "test.tsv"), dtype=np.int64, ndmin=2)
    x = np.zeros((users, items), dtype=np.float32)
    x[train[:, 0], train[:, 1]] = 1.0
    return x, test


def evaluate(scores, x, test):
    scores = scores.astype(np.float64, copy=True)
    scores[x > 0] = -np.inf
    held = {}
    for u, i in test:
        held.setdefault(int(u), set()).add(int(i))
    ndcg, hr = [], []
    for u, relevant in held.items():
        row = scores[u]
        top = np.argpartition(-row, K)[:K]
        top = top[np.argsort(-row[top], kind="stable")]
        gains = [1.0 / math.log2(r + 2) for r, item in enumerate(top) if int(item) in relevant]
        ideal = sum(1.0 / math.log2(r + 2) for r in range(min(K, len(relevant))))
        ndcg.append(sum(gains) / ideal)
        hr.append(1.0 if gains else 0.0)
    return float(np.mean(ndcg)), float(np.mean(hr))


def popularity(x):
    return np.tile(x.sum(axis=0), (x.shape[0], 1))


def als(x):
    rng = np.random.default_rng(SEED)
    users = rng.random((x.shape[0], FACTORS)) * 0.01
    items = rng.random((x.shape[1], FACTORS)) * 0.01
    for _ in range(ITERATIONS):
        users = als_side(x, items)
        items = als_side(x.T, users)
    return users @ items.T


def als_side(x, y):
    gram = y.T @ y + REG * np.eye(y.shape[1])
    out = np.zeros((x.shape[0], y.shape[1]))
    for r in range(x.shape[0]):
        idx = np.nonzero(x[r])[0]
        if idx.size == 0:
            continue
        yi = y[idx]
        a = gram + ALPHA * (yi.T @ yi)
        b = (1 + ALPHA) * yi.sum(axis=0)
        out[r] = np.linalg.solve(a, b)
    return out


def ease(x):
    g = (x.T @ x).astype(np.float64)
    g[np.diag_indices_from(g)] += EASE_LAMBDA
    p = np.linalg.inv(g)
    b = -p / np.diag(p)
    b[np.diag_indices_from(b)] = 0
    return x @ b


def itemknn(x):
    norms = np.linalg.norm(x, axis=0)
    norms[norms == 0] = 1
    sim = (x.T @ x) / np.outer(norms, norms)
    np.fill_diagonal(sim, 0)
    keep = np.zeros_like(sim)
    top = np.argpartition(-sim, NEIGHBOURS, axis=1)[:, :NEIGHBOURS]
    rows = np.arange(sim.shape[0])[:, None]
    keep[rows, top] = sim[rows, top]
    return x @ keep.T


def main():
    directory = sys.argv[1]
    ease_max = int(sys.argv[sys.argv.index("--ease-max-items") + 1]) if "--ease-max-items" in sys.argv else 10_000
    print("| dataset | algorithm | NDCG@10 | HR@10 | seconds |\n| --- | --- | --- | --- | --- |")
    for name in sorted(os.listdir(directory)):
        x, test = load(os.path.join(directory, name))
        for label, fit in (("popularity", popularity), ("als", als), ("ease", ease), ("itemknn", itemknn)):
            if label == "ease" and x.shape[1] > ease_max:
                print(f"| {name} | {label} | not run: {x.shape[1]} items > {ease_max} | | |", flush=True)
                continue
            start = time.time()
            ndcg, hr = evaluate(fit(x), x, test)
            print(f"| {name} | {label} | {ndcg:.4f} | {hr:.4f} | {time.time() - start:.1f} |", flush=True)


if __name__ == "__main__":
    main()
