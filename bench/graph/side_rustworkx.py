"""rustworkx side: one PyGraph (multigraph); the edge payload is the edge type."""

import rustworkx as rx

NAME = "rustworkx"


def version() -> str:
    return rx.__version__


def build(n, tree, extra):
    g = rx.PyGraph(multigraph=True)
    add_node, add_edge = g.add_node, g.add_edge
    for _ in range(n):
        add_node(None)
    for a, b in tree:
        add_edge(a, b, 1)
    for a, b in extra:
        add_edge(a, b, 2)
    return g


def neighbours(g, n):
    # out_edges on an undirected graph lists every incident edge as (node, other, payload).
    out_edges = g.out_edges
    return [[o for _, o, t in out_edges(i) if t == 2] for i in range(n)]


def count_neighbours(result):
    return sum(i * len(x) for i, x in enumerate(result))


class _Type1Only(rx.visit.BFSVisitor):
    def __init__(self):
        self.reached = []

    def tree_edge(self, e):
        if e[2] != 1:
            raise rx.visit.PruneSearch

    def discover_vertex(self, v):
        self.reached.append(v)


def reach(g):
    # The one rustworkx call that restricts a BFS to some edges: a visitor pruning the others.
    vis = _Type1Only()
    rx.graph_bfs_search(g, [0], vis)
    return vis.reached  # the start included: discover_vertex fires for it too


def _build_with_handles(g0, n, tree, extra):
    # W1 naming nodes by the handles the add-node calls returned
    # (here the ints add_node gave back, kept in a list) instead of by their known positions.
    g = rx.PyGraph(multigraph=True)
    add_node, add_edge = g.add_node, g.add_edge
    ids = [add_node(None) for _ in range(n)]
    for a, b in tree:
        add_edge(ids[a], ids[b], 1)
    for a, b in extra:
        add_edge(ids[a], ids[b], 2)
    return g.num_edges()


EXTRA = {
    "W1h W1, edges by the ids add_node returned": _build_with_handles,
}
