#!/usr/bin/env python3
"""Writes a single-source shortest-paths workload on a random graph (fixed seed), for bench/sssp-bench.sh.

    bench/gen-sssp.py OUT_DIR [NODES [EDGES [SEED]]]     defaults: 200000 1000000 42

OUT_DIR gets program.calm (dist on min<int> over an extern edge table) and edge.facts (x, y, weight in
1..100). A chain 0 -> 1 -> ... keeps every node reachable, so the output has one row per node.
"""
import os
import random
import sys

out = sys.argv[1]
nodes = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
edges = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 42
rng = random.Random(seed)
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "program.calm"), "w") as f:
    f.write("""// single-source shortest paths from node 0 (bench/gen-sssp.py)
extern table edge(x: int, y: int, w: int).
output table dist(n: int => d: min<int>).
dist(0, 0).
dist(Y, D + W) :- dist(X, D), edge(X, Y, W).
""")
with open(os.path.join(out, "edge.facts"), "w") as f:
    lines = []
    for x in range(nodes - 1):
        lines.append(f"{x}\t{x + 1}\t{rng.randint(50, 100)}\n")
    for _ in range(edges - (nodes - 1)):
        lines.append(f"{rng.randrange(nodes)}\t{rng.randrange(nodes)}\t{rng.randint(1, 100)}\n")
    f.writelines(lines)
