"""pyzig.graph's rustworkx-style integer API: GraphView.add_node/add_edge/node_at and
BoundNode.index, with every error path leaving the view unchanged."""

from __future__ import annotations

import pytest

from pyzig.graph import BoundNode, GraphView, NodeReference


def snapshot(g: GraphView):
    """Everything an index call could change: counts and every node's neighbours by edge type."""
    nodes = g.get_nodes()
    return (
        g.get_node_count(),
        g.get_edge_count(),
        [[sorted(x.index() for x in b.get_neighbours(edge_type=t)) for t in (0, 1, 2, 255)] for b in nodes],
    )


def test_add_node_returns_dense_indices_that_round_trip():
    g = GraphView.create()
    # As rustworkx: the nodes added are numbered from 0; the view's self node has no index.
    assert g.get_self_node().index() is None
    ixs = [g.add_node() for _ in range(5)]
    assert ixs == [0, 1, 2, 3, 4]
    assert all(type(i) is int for i in ixs)
    assert g.get_node_count() == 6
    for i in ixs:
        b = g.node_at(i)
        assert isinstance(b, BoundNode)
        assert b.index() == i
        assert g.node_at(index=i).node() == b.node()
    assert [b.index() for b in g.get_nodes()] == [None, 0, 1, 2, 3, 4]
    # Mixed with the handle API: the same index space.
    h = g.create_and_insert_node()
    assert h.index() == 5
    assert g.node_at(5).node() == h.node()
    assert g.get_nodes()[5 + 1].node() == h.node()


def test_index_of_a_node_inserted_into_another_view_is_that_views():
    g1, g2 = GraphView.create(), GraphView.create()
    g2.add_node()
    g2.add_node()
    b1 = g1.node_at(g1.add_node())
    b2 = g2.insert_node(node=b1.node())
    assert b1.index() == 0
    assert b2.index() == 2
    assert g2.node_at(2).node() == b1.node()


def test_add_edge_is_visible_through_bound_nodes_and_bfs():
    g = GraphView.create()
    a, b, c = g.add_node(), g.add_node(), g.add_node()
    assert g.add_edge(a, b, 1, True) is None
    g.add_edge(source=b, target=c, edge_type=1, directional=True)
    g.add_edge(c, a, 2)
    assert g.get_edge_count() == 3
    na, nb, nc = g.node_at(a), g.node_at(b), g.node_at(c)
    assert [x.index() for x in na.get_neighbours(edge_type=1, directed=True)] == [b]
    assert [x.index() for x in nb.get_neighbours(edge_type=1, directed=False)] == [a]
    assert [x.index() for x in na.get_neighbours(edge_type=2)] == [c]
    assert na.get_neighbours(edge_type=2, directed=True) == []  # type-2 edge is not directional
    paths = g.bfs(start=na, edge_types=[1])
    assert sorted(p.get_end_node().index() for p in paths) == [a, b, c]
    edges = []
    nc.visit_edges_of_type(edge_type=2, ctx=edges, f=lambda acc, e: acc.append(e))
    (e,) = edges
    ref = e.edge()
    assert ref.edge_type() == 2
    assert {ref.source(), ref.target()} == {nc.node(), na.node()}
    # Parallel edges and self loops, as rustworkx multigraphs allow.
    g.add_edge(a, b, 1, True)
    g.add_edge(a, a, 3)
    assert g.get_edge_count() == 5
    assert [x.index() for x in na.get_neighbours(edge_type=1, directed=True)] == [b, b]


@pytest.mark.parametrize(
    ("args", "kwargs", "exc", "match"),
    [
        ((-1, 1, 1), {}, OverflowError, "'source'"),
        ((1, -1, 1), {}, OverflowError, "'target'"),
        ((99, 1, 1), {}, IndexError, "'source' = 99"),
        ((1, 3, 1), {}, IndexError, "'target' = 3"),
        ((1, 2, 1), {}, IndexError, r"'target' = 2 .*its 2 indexed nodes are 0\.\.2"),
        ((2**32, 1, 1), {}, OverflowError, "'source'"),
        ((1, 2**64, 1), {}, OverflowError, "'target'"),
        (("1", 1, 1), {}, TypeError, "'source'"),
        ((1, 1.0, 1), {}, TypeError, "'target'"),
        ((1, None, 1), {}, TypeError, "'target'"),
        ((1, 2, 256), {}, OverflowError, "'edge_type'"),
        ((1, 2, -1), {}, OverflowError, "'edge_type'"),
        ((1, 2, 1, "yes"), {}, TypeError, "'directional'"),
        ((1, 2), {}, TypeError, "edge_type"),
        ((1, 2, 1), {"source": 1}, TypeError, "source"),
        ((1, 2, 1), {"bogus": 1}, TypeError, "bogus"),
        ((1, 2, 1, None, 5), {}, TypeError, "argument"),
    ],
)
def test_add_edge_errors_change_nothing(args, kwargs, exc, match):
    g = GraphView.create()
    a, b = g.add_node(), g.add_node()
    g.add_edge(a, b, 1)
    before = snapshot(g)
    with pytest.raises(exc, match=match):
        g.add_edge(*args, **kwargs)
    assert snapshot(g) == before
    g.add_edge(a, b, 2)  # still usable
    assert g.get_edge_count() == 2


@pytest.mark.parametrize(
    ("arg", "exc"),
    [(-1, OverflowError), (2, IndexError), (3, IndexError), (2**40, OverflowError), ("0", TypeError), (None, TypeError)],
)
def test_node_at_errors_change_nothing(arg, exc):
    g = GraphView.create()
    g.add_node()
    g.add_node()
    before = snapshot(g)
    with pytest.raises(exc, match="'index'"):
        g.node_at(arg)
    assert snapshot(g) == before


def test_indices_of_another_view_are_rejected_by_range_only():
    # Indices carry no view: one valid in a bigger view is an IndexError in a smaller one.
    big, small = GraphView.create(), GraphView.create()
    ix = [big.add_node() for _ in range(3)][-1]
    with pytest.raises(IndexError, match="'source' = 0"):
        small.add_edge(0, 0, 1)  # the self node has no index
    small.add_node()
    with pytest.raises(IndexError, match="'target' = 2"):
        small.add_edge(0, ix, 1)
    assert small.get_edge_count() == 0


def test_after_destroy_every_index_method_raises_reference_error():
    g = GraphView.create()
    a = g.add_node()
    b = g.node_at(a)
    g.destroy()
    with pytest.raises(ReferenceError):
        g.add_node()
    with pytest.raises(ReferenceError):
        g.add_edge(0, a, 1)
    with pytest.raises(ReferenceError):
        g.add_edge(0, 99, 1)  # the view's state is checked before the index
    with pytest.raises(ReferenceError):
        g.node_at(a)
    with pytest.raises(ReferenceError):
        b.index()


def test_bound_node_index_survives_subgraph_renumbering():
    g = GraphView.create()
    ixs = [g.add_node() for _ in range(4)]
    g.add_edge(ixs[2], ixs[3], 1)
    sub = g.get_subgraph_from_nodes(nodes=[g.node_at(ixs[2]), g.node_at(ixs[3])])
    # The subgraph numbers its nodes itself: an index is only meaningful in its view.
    in_sub = sub.bind(node=g.node_at(ixs[3]).node())
    assert in_sub.index() != ixs[3]
    assert sub.node_at(in_sub.index()).node() == g.node_at(ixs[3]).node()
