#!/usr/bin/env python3
"""Pools the per-seed rows of several RecommenderSamplerComparison outputs (read from stdin):
per problem and over all seeds of all problems, the trials TPE saves against random search to the
common target (random search's mean final best; a miss counts as trials + 1), with a 95% bootstrap
interval of the mean over seeds. Usage: python3 pool_paired.py < raw-output.txt"""
import random
import re
import sys

TRIALS = re.compile(r"^(\S.*?): (\d+) trials, ")
ROW = re.compile(r"^\s*\d+\s+[\d.]+\s+[\d.]+\s+(\d+|missed)\s+(\d+|missed)\s*$")


def bootstrap(values, resamples=10_000, seed=1):
    rng = random.Random(seed)
    means = sorted(sum(rng.choice(values) for _ in values) / len(values) for _ in range(resamples))
    return means[int(0.025 * resamples)], means[int(0.975 * resamples) - 1]


def summary(name, tpe, rnd):
    saved = [r - t for t, r in zip(tpe, rnd)]
    low, high = bootstrap(saved)
    print(f"{name}: {len(saved)} seeds, tpe {sum(tpe) / len(tpe):.2f} vs random {sum(rnd) / len(rnd):.2f} trials; "
          f"fewer on {sum(s > 0 for s in saved)}, more on {sum(s < 0 for s in saved)}; "
          f"saved {sum(saved) / len(saved):.2f} (95% bootstrap {low:.1f} .. {high:.1f})")


problems, trials = [], None
for line in sys.stdin:
    if m := TRIALS.match(line):
        trials = int(m.group(2))
        problems.append((m.group(1), [], []))
    elif problems and (m := ROW.match(line)):
        for column, values in zip(m.groups(), problems[-1][1:]):
            values.append(trials + 1 if column == "missed" else int(column))
all_tpe, all_rnd = [], []
for name, tpe, rnd in problems:
    if not tpe:
        continue
    summary(name, tpe, rnd)
    all_tpe += tpe
    all_rnd += rnd
if not all_tpe:
    sys.exit("no comparison found in the input")
summary("all problems", all_tpe, all_rnd)
