"""pyzig side: one GraphView; nodes are BoundNodes, tree edges directional, type-2 edges not."""

import os
import sys

# The checkout's package (built on import); PYZIG_BENCH_PYDIR measures another build of it instead.
_default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "py")
sys.path.insert(0, os.environ.get("PYZIG_BENCH_PYDIR", _default))

import pyzig  # noqa: E402
from pyzig.graph import EdgeReference, GraphView  # noqa: E402

NAME = "pyzig"


def version() -> str:
    return getattr(pyzig, "__version__", "dev")


def build(n, tree, extra):
    # The fastest one-call-per-operation path: a node is created and inserted in one call, and so
    # is an edge between two bound nodes (GraphView.create_and_insert_edge, a pyzig extension that
    # returns None).
    g = GraphView.create()
    new_node = g.create_and_insert_node
    nodes = [new_node() for _ in range(n)]
    new_edge = g.create_and_insert_edge
    for a, b in tree:
        new_edge(source=nodes[a], target=nodes[b], edge_type=1, directional=True)
    for a, b in extra:
        new_edge(source=nodes[a], target=nodes[b], edge_type=2)
    return g, nodes


def neighbours(state, n):
    _, nodes = state
    return [b.get_neighbours(edge_type=2) for b in nodes]


def count_neighbours(result):
    return sum(i * len(x) for i, x in enumerate(result))


def reach(state):
    g, nodes = state
    return g.bfs(start=nodes[0], edge_types=[1])


def _visit(state, n, tree, extra):
    # W2 through the reference's visitor API: one Python callback per edge.
    _, nodes = state
    out = []
    for b in nodes:
        acc = []
        b.visit_edges_of_type(edge_type=2, ctx=acc, f=_collect)
        out.append(acc)
    return count_neighbours(out)


def _collect(acc, bound_edge):
    acc.append(bound_edge)


def _paths(state, n, tree, extra):
    # Walk every BFS path (rebuilding the edge lists), as users of bfs() do.
    g, nodes = state
    return sum(p.get_length() for p in g.bfs(start=nodes[0], edge_types=[1]))


def _build_reference(state, n, tree, extra):
    # W1 through the reference API's two calls per edge: an EdgeReference is created on its own
    # (from NodeReferences) and inserted into the view.
    g = GraphView.create()
    new_node = g.create_and_insert_node
    nodes = [new_node() for _ in range(n)]
    refs = [b.node() for b in nodes]
    mk, ins = EdgeReference.create, g.insert_edge
    for a, b in tree:
        ins(edge=mk(source=refs[a], target=refs[b], edge_type=1, directional=True))
    for a, b in extra:
        ins(edge=mk(source=refs[a], target=refs[b], edge_type=2))
    count = g.get_edge_count()
    g.destroy()
    return count


def release(state):
    state[0].destroy()


EXTRA = {
    "W1r W1, reference API: EdgeReference.create+insert_edge": _build_reference,
    "W2v type-2 edges via visit_edges_of_type": _visit,
    "W3p W3 + get_length of every path": _paths,
}
