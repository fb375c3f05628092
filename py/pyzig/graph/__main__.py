"""Allocation/cleanup stress for pyzig.graph: build a view of N nodes, destroy it, collect, trim, and
compare the resident set size with the one before. Exits 1 when more than 1 MB stayed behind.

    python -m pyzig.graph [--n 100000]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

from pyzig import _pyzig
from pyzig.graph import GraphView

LEAK_LIMIT_MB = 1.0


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        resident_pages = int(f.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def settle() -> float:
    gc.collect()
    _pyzig._malloc_trim()
    return rss_mb()


def build(n: int) -> GraphView:
    g = GraphView.create()
    new_node = g.create_and_insert_node
    for _ in range(n):
        new_node()
    return g


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pyzig.graph", description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="nodes to insert (default 100000)")
    n = ap.parse_args(argv).n
    if n < 0:
        ap.error("--n must be >= 0")

    build(1000).destroy()  # warm up: first-use allocations are not leaks
    base = settle()
    g = build(n)
    created = settle()
    g.destroy()
    del g
    after = settle()

    leaked = after - base
    print(f"N: {n}")
    print(f"Mem create: {created - base:.2f} MB")
    print(f"Mem destroy: {created - after:.2f} MB")
    print(f"Mem leaked: {leaked:.2f} MB")
    if leaked > LEAK_LIMIT_MB:
        print(f"FAIL: more than {LEAK_LIMIT_MB} MB stayed allocated after destroy()", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
