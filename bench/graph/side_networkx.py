"""networkx side: one MultiGraph; the edge attribute `t` is the edge type."""

import networkx as nx

NAME = "networkx"


def version() -> str:
    return nx.__version__


def build(n, tree, extra):
    g = nx.MultiGraph()
    add_node, add_edge = g.add_node, g.add_edge
    for i in range(n):
        add_node(i)
    for a, b in tree:
        add_edge(a, b, t=1)
    for a, b in extra:
        add_edge(a, b, t=2)
    return g


def neighbours(g, n):
    edges = g.edges
    return [[o for _, o, t in edges(i, data="t") if t == 2] for i in range(n)]


def count_neighbours(result):
    return sum(i * len(x) for i, x in enumerate(result))


def reach(g):
    only_type1 = nx.subgraph_view(g, filter_edge=lambda u, v, k: g[u][v][k]["t"] == 1)
    return nx.node_connected_component(only_type1, 0)
