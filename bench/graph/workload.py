"""The graph benchmark's input: the same edges for every library (fixed seed).

W1 builds N nodes, N-1 tree edges of type 1 (node i hangs under a random earlier node, so every
node is reachable from node 0) and N random undirected edges of type 2 (no self-loops; parallel
edges may occur). Nodes are numbered 0..N-1 in insertion order.
"""

import random

SEED = 20261123


def make(n: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    rng = random.Random(SEED)
    tree = [(rng.randrange(i), i) for i in range(1, n)]
    extra = []
    while len(extra) < n:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            extra.append((a, b))
    return tree, extra
