"""The reference API's build calls against hand-written C twins (bench/binding/graph_c), in one process.

Rows (ns per call, the same Python loop around each, median of --rounds):
- create: `EdgeReference.create(source=, target=, edge_type=)` vs C `Edge(source=, target=, edge_type=)`
  (a three-keyword vectorcall constructor keeping both endpoints), over the workload's 2N-1 node pairs;
- insert: `GraphView.insert_edge(edge=)` of fresh edges vs C `Sink.insert(edge=)` (one keyword, a type
  check, a new GC-tracked handle returned), over as many fresh edges;
- the same two on one pair or edge, repeated (everything in cache: the calls' own cost; inserting an edge
  the view holds returns a new handle to it, after the same argument parsing and hint check);
- W1r's loop (`ins(edge=mk(source=refs[a], target=refs[b], edge_type=1))`) with ours and with the C twins,
  beside rustworkx's W1 edge loop (`add_edge(a, b, 1)`), the row W1r is asked to beat.
Targets (issue "the reference API at native speed"): create and insert within 1.3x of their C twins.

    python bench/graph/calls.py [--n 100000] [--rounds 5]   (bench/graph/run.sh builds graph_c first)
"""

import argparse
import gc
import statistics
import sys
import time
import timeit

import workload
from pyzig.graph import EdgeReference, GraphView

try:
    import graph_c
except ImportError:
    print("######## calls.py: graph_c (bench/binding/graph_c) is not built; run bench/graph/run.sh ########")
    raise

try:
    import rustworkx
except ImportError:
    rustworkx = None


def per_call(f, calls: int, rounds: int) -> float:
    """Median ns per call of `f()` (which makes `calls` calls), garbage collector off while timing."""
    times = []
    for _ in range(rounds):
        gc.collect()
        gc.disable()
        try:
            t = time.process_time()
            f()
            times.append(time.process_time() - t)
        finally:
            gc.enable()
    return statistics.median(times) / calls * 1e9


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    n, rounds = args.n, args.rounds
    tree, extra = workload.make(n)
    edges_ab = tree + extra

    def fresh_view():
        g = GraphView.create()
        refs = [b.node() for b in [g.create_and_insert_node() for _ in range(n)]]
        return g, refs

    g, refs = fresh_view()
    pairs = [(refs[a], refs[b]) for a, b in edges_ab]
    mk, Edge = EdgeReference.create, graph_c.Edge
    ours_create = per_call(lambda: [mk(source=x, target=y, edge_type=1) for x, y in pairs], len(pairs), rounds)
    c_create = per_call(lambda: [Edge(source=x, target=y, edge_type=1) for x, y in pairs], len(pairs), rounds)

    def insert_rounds(make_state, insert_all) -> float:
        times = []
        for _ in range(rounds):
            state = make_state()
            gc.collect()
            gc.disable()
            try:
                t = time.process_time()
                insert_all(state)
                times.append(time.process_time() - t)
            finally:
                gc.enable()
        return statistics.median(times) / len(edges_ab) * 1e9

    def ours_state():
        g2, r2 = fresh_view()
        return g2, [mk(source=r2[a], target=r2[b], edge_type=1) for a, b in edges_ab]

    def ours_insert(state):
        g2, es = state
        ins = g2.insert_edge
        for e in es:
            ins(edge=e)

    def c_state():
        return graph_c.Sink(), [Edge(source=x, target=y, edge_type=1) for x, y in pairs]

    def c_insert(state):
        sink, es = state
        ins = sink.insert
        for e in es:
            ins(edge=e)

    ours_ins = insert_rounds(ours_state, ours_insert)
    c_ins = insert_rounds(c_state, c_insert)

    a, b = refs[0], refs[1]
    hot = {"mk": mk, "Edge": Edge, "a": a, "b": b}
    hot_ours = min(timeit.repeat("mk(source=a, target=b, edge_type=1)", globals=hot, number=200_000, repeat=rounds)) / 200_000 * 1e9
    hot_c = min(timeit.repeat("Edge(source=a, target=b, edge_type=1)", globals=hot, number=200_000, repeat=rounds)) / 200_000 * 1e9
    hot["ins"], hot["e"] = g.insert_edge, mk(source=a, target=b, edge_type=1)
    hot["sink"], hot["ce"] = graph_c.Sink(), Edge(source=a, target=b, edge_type=1)
    g.insert_edge(edge=hot["e"])
    hot_ins = min(timeit.repeat("ins(edge=e)", globals=hot, number=200_000, repeat=rounds)) / 200_000 * 1e9
    hot_cins = min(timeit.repeat("sink.insert(edge=ce)", globals=hot, number=200_000, repeat=rounds)) / 200_000 * 1e9

    def w1r(make_edge, make_target):
        def run():
            target, rs = make_target()
            ins = target.insert_edge if hasattr(target, "insert_edge") else target.insert
            t = time.process_time()
            for x, y in edges_ab:
                ins(edge=make_edge(source=rs[x], target=rs[y], edge_type=1))
            return time.process_time() - t
        return run

    def timed_rounds(run) -> float:
        times = []
        for _ in range(rounds):
            gc.collect()
            gc.disable()
            try:
                times.append(run())
            finally:
                gc.enable()
        return statistics.median(times) * 1e3

    w1r_ours = timed_rounds(w1r(mk, fresh_view))
    w1r_c = timed_rounds(w1r(Edge, lambda: (graph_c.Sink(), refs)))
    if rustworkx is not None:
        def rx_w1():
            rg = rustworkx.PyGraph(multigraph=True)
            for _ in range(n):
                rg.add_node(None)
            add_edge = rg.add_edge
            t = time.process_time()
            for x, y in edges_ab:
                add_edge(x, y, 1)
            return time.process_time() - t
        rx = timed_rounds(rx_w1)
    else:
        print("WARNING: rustworkx is not installed; its row is empty", file=sys.stderr)
        rx = None

    print(f"reference-API calls against C twins: N={n}, {len(edges_ab)} edges, median of {rounds}, CPU time")
    print(f"  {'call':<58} {'pyzig ns':>9} {'C ns':>8} {'ratio':>7}  target")
    for name, ours, c in (
        ("EdgeReference.create(source=, target=, edge_type=)", ours_create, c_create),
        ("GraphView.insert_edge(edge=) of fresh edges", ours_ins, c_ins),
        ("EdgeReference.create, one pair repeated (in cache)", hot_ours, hot_c),
        ("insert_edge(edge=) of one edge it holds, repeated (in cache)", hot_ins, hot_cins),
    ):
        ok = "ok" if ours <= 1.3 * c else "MISSED"
        print(f"  {name:<58} {ours:9.0f} {c:8.0f} {ours / c:6.2f}x  <= 1.3x: {ok}")
    print(f"  {'W1r edge loop (create + insert per edge), ms':<58} {w1r_ours:9.1f} {w1r_c:8.1f} {w1r_ours / w1r_c:6.2f}x")
    if rx is not None:
        print(f"  {'rustworkx W1 edge loop (add_edge(a, b, 1)), ms':<58} {rx:9.1f}")
        print(f"  W1r / rustworkx W1 edges: pyzig {w1r_ours / rx:.2f}x, the C twins {w1r_c / rx:.2f}x (target for pyzig: < 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
