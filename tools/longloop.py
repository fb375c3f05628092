"""Load, mutate and drop, thousands of times: RSS and tracemalloc must stay flat.

    python tools/longloop.py [--no-rss] [ROUNDS]      (default 10000; `make refleak` runs it on the release build,
                                            `make test` 2000 rounds on the debug build)

Each round: a KiCad board and a footprint loaded from text, every footprint moved, a pad's size and a
track's width changed, a footprint removed, the board dumped; a graph of 200 nodes built, walked with a
callback and destroyed; a record with list fields filled, viewed, edited and freed. After a warm-up of a
tenth of the rounds, the resident set size (``/proc/self/statm``) and the Python heap (``tracemalloc``)
are read; at the end they are read again. Exits 1 when RSS grew more than 4 MiB or the Python heap more
than 256 KiB, printing both figures either way. ``--no-rss`` judges the Python heap only: under
AddressSanitizer freed memory is held in quarantine, so RSS grows by design.
"""

from __future__ import annotations

import gc
import os
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# PYZIG_PY_DIR: another build of the packages (tools/asan.sh runs this on the sanitizer build).
sys.path.insert(0, os.environ.get("PYZIG_PY_DIR") or str(REPO / "py"))

import pyzig_testmod as t  # noqa: E402
from pyzig.graph import GraphView  # noqa: E402
from pyzig_sexp import footprint, pcb  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "kicad"
BOARD = (FIXTURES / "esp32_minimal.kicad_pcb").read_text()
FOOTPRINT = (FIXTURES / "TSSOP-24.kicad_mod").read_text()

RSS_LIMIT = 4 << 20
HEAP_LIMIT = 256 << 10


def rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def one_round(i: int) -> None:
    f = pcb.loads(BOARD)
    board = f.kicad_pcb
    for fp in board.footprints:
        if fp.at is not None:
            fp.at.x += 1.0
    if board.segments:
        board.segments[0].width = 0.3
    if board.footprints:
        del board.footprints[0]
    pcb.dumps(f)
    fpf = footprint.loads(FOOTPRINT)
    pads = fpf.footprint.pads
    if pads:
        pads[0].size.w = 1.0 + i % 7
        pads.pop()
    footprint.dumps(fpf)

    g = GraphView.create()
    nodes = [g.create_and_insert_node() for _ in range(200)]
    for a, b in zip(nodes, nodes[1:]):
        g.create_and_insert_edge(a, b, 1)
    seen: list[object] = []
    nodes[0].visit_edges_of_type(1, seen, lambda ctx, e: ctx.append(e.edge()))
    g.destroy()

    e = t.Everything(name="x", items=[t.Inner(label=str(k), value=k) for k in range(20)], numbers=list(range(50)))
    view = e.items[3]
    e.items.pop(0)
    e.numbers.extend(range(10))
    e.words.append("w" * (i % 50))
    _ = e.items[2].value
    del view
    e.free()


def main() -> int:
    args = sys.argv[1:]
    check_rss = "--no-rss" not in args
    args = [a for a in args if a != "--no-rss"]
    rounds = int(args[0]) if args else 10_000
    warm = max(rounds // 10, 10)
    t0 = time.process_time()
    tracemalloc.start()
    for i in range(warm):
        one_round(i)
    gc.collect()
    rss0, heap0 = rss(), tracemalloc.get_traced_memory()[0]
    for i in range(warm, rounds):
        one_round(i)
    gc.collect()
    rss1, heap1 = rss(), tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    drss, dheap = rss1 - rss0, heap1 - heap0
    ok = (drss <= RSS_LIMIT or not check_rss) and dheap <= HEAP_LIMIT
    print(f"longloop: {rounds} rounds in {time.process_time() - t0:.1f} s CPU; after the {warm} warm-up rounds "
          f"RSS {rss0 / 2**20:.1f} -> {rss1 / 2**20:.1f} MiB ({drss / 2**10:+.0f} KiB, "
          f"{f'limit {RSS_LIMIT >> 10}' if check_rss else 'not judged'}), "
          f"Python heap {heap0 / 2**10:.0f} -> {heap1 / 2**10:.0f} KiB ({dheap / 2**10:+.1f} KiB, limit "
          f"{HEAP_LIMIT >> 10}): {'flat' if ok else 'GROWING'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
