"""pyzig side: one GraphView; nodes named by their integer index in it; every edge undirected, as in
the rustworkx PyGraph."""

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
    # One call per operation, as rustworkx: add_node returns the node's integer index in the view,
    # numbered from 0 in creation order as rustworkx does (so workload node i is index i), and
    # add_edge takes two of them (no Python object per edge).
    g = GraphView.create()
    add_node = g.add_node
    for _ in range(n):
        last = add_node()
    assert last == n - 1
    add_edge = g.add_edge
    for a, b in tree:
        add_edge(a, b, 1)
    for a, b in extra:
        add_edge(a, b, 2)
    return g, range(n)


def neighbours(state, n):
    g, ids = state
    node_at = g.node_at
    return [node_at(i).get_neighbours(edge_type=2) for i in ids]


def count_neighbours(result):
    return sum(i * len(x) for i, x in enumerate(result))


def reach(state):
    g, ids = state
    return g.bfs(start=g.node_at(ids[0]), edge_types=[1])


def _visit(state, n, tree, extra):
    # W2 through the reference's visitor API: one Python callback per edge.
    g, ids = state
    node_at = g.node_at
    out = []
    for i in ids:
        b = node_at(i)
        acc = []
        b.visit_edges_of_type(edge_type=2, ctx=acc, f=_collect)
        out.append(acc)
    return count_neighbours(out)


def _collect(acc, bound_edge):
    acc.append(bound_edge)


def _paths(state, n, tree, extra):
    # Walk every BFS path (rebuilding the edge lists), as users of bfs() do.
    g, ids = state
    return sum(p.get_length() for p in g.bfs(start=g.node_at(ids[0]), edge_types=[1]))


def _build_with_ids(state, n, tree, extra):
    # W1 naming nodes by the indices add_node returned, kept in a list (as rustworkx's W1h row).
    g = GraphView.create()
    add_node = g.add_node
    ids = [add_node() for _ in range(n)]
    add_edge = g.add_edge
    for a, b in tree:
        add_edge(ids[a], ids[b], 1)
    for a, b in extra:
        add_edge(ids[a], ids[b], 2)
    count = g.get_edge_count()
    g.destroy()
    return count


def _build_handles(state, n, tree, extra):
    # W1 through BoundNode handles: create_and_insert_node returns a BoundNode and
    # create_and_insert_edge (a pyzig extension returning None) takes two of them.
    g = GraphView.create()
    new_node = g.create_and_insert_node
    nodes = [new_node() for _ in range(n)]
    new_edge = g.create_and_insert_edge
    for a, b in tree:
        new_edge(source=nodes[a], target=nodes[b], edge_type=1)
    for a, b in extra:
        new_edge(source=nodes[a], target=nodes[b], edge_type=2)
    count = g.get_edge_count()
    g.destroy()
    return count


def _build_reference(state, n, tree, extra):
    # W1 through the reference API's two calls per edge: an EdgeReference is created on its own
    # (from NodeReferences) and inserted into the view.
    g = GraphView.create()
    new_node = g.create_and_insert_node
    nodes = [new_node() for _ in range(n)]
    refs = [b.node() for b in nodes]
    mk, ins = EdgeReference.create, g.insert_edge
    for a, b in tree:
        ins(edge=mk(source=refs[a], target=refs[b], edge_type=1))
    for a, b in extra:
        ins(edge=mk(source=refs[a], target=refs[b], edge_type=2))
    count = g.get_edge_count()
    g.destroy()
    return count


def release(state):
    state[0].destroy()


EXTRA = {
    "W1h W1, edges by the ids add_node returned": _build_with_ids,
    "W1b W1, BoundNode handles (create_and_insert_node + create_and_insert_edge)": _build_handles,
    "W1r W1, reference API: EdgeReference.create+insert_edge": _build_reference,
    "W2v type-2 edges via visit_edges_of_type": _visit,
    "W3p W3 + get_length of every path": _paths,
}
