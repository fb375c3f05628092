"""pyzig.graph: every method of NodeReference, EdgeReference, GraphView, BoundNode, BoundEdge, BFSPath,
with its error paths (wrong types, out-of-range values, missing endpoints)."""

from __future__ import annotations

import re

import pytest

from pyzig.graph import BFSPath, BoundEdge, BoundNode, EdgeReference, GraphView, NodeReference


# --- NodeReference -------------------------------------------------------------------------------


def test_node_attrs_round_trip_with_their_types():
    n = NodeReference.create(i=-(2**63), f=1.5, b=True, s="héllo", z=0)
    assert n.get_attr(key="i") == -(2**63)
    assert n.get_attr(key="f") == 1.5
    assert n.get_attr(key="b") is True
    assert n.get_attr(key="s") == "héllo"
    assert type(n.get_attr(key="z")) is int
    assert n.get_attr(key="missing") is None
    assert n.get_dynamic_attrs() == {"i": -(2**63), "f": 1.5, "b": True, "s": "héllo", "z": 0}
    assert NodeReference.create().get_dynamic_attrs() == {}


def test_node_has_no_attribute_cap():
    attrs = {f"k{i}": i for i in range(500)}
    n = NodeReference.create(**attrs)
    assert n.get_dynamic_attrs() == attrs
    assert n.get_attr(key="k499") == 499


def test_node_attr_errors():
    with pytest.raises(OverflowError):
        NodeReference.create(x=2**63)
    with pytest.raises(TypeError, match='attribute "x"'):
        NodeReference.create(x=[1])
    with pytest.raises(TypeError, match='attribute "x"'):
        NodeReference.create(x=None)

    class Index:
        def __init__(self, result):
            self.result = result

        def __index__(self):
            if isinstance(self.result, BaseException):
                raise self.result
            return self.result

    # An int-like object is stored as its int; an exception its __index__ raises is the caller's.
    assert NodeReference.create(x=Index(7)).get_attr(key="x") == 7
    with pytest.raises(ArithmeticError, match="no index"):
        NodeReference.create(x=Index(ArithmeticError("no index")))
    with pytest.raises(TypeError, match="own words"):
        NodeReference.create(x=Index(TypeError("own words")))
    with pytest.raises(TypeError, match="returned non-int"):
        NodeReference.create(x=Index(1.5))
    with pytest.raises(ZeroDivisionError):
        EdgeReference.create(
            source=NodeReference.create(), target=NodeReference.create(), edge_type=1, w=Index(ZeroDivisionError())
        )


def test_node_argument_errors():
    with pytest.raises(TypeError):
        NodeReference.create(1)
    n = NodeReference.create()
    with pytest.raises(TypeError):
        n.get_attr(key=1)
    with pytest.raises(TypeError):
        n.get_attr()


def test_node_identity_and_uuid():
    a, b = NodeReference.create(), NodeReference.create()
    assert isinstance(a.get_uuid(), int)
    assert a.get_uuid() != b.get_uuid()
    assert a.is_same(other=a) and not a.is_same(other=b)
    g = GraphView.create()
    a2 = g.insert_node(node=a).node()
    assert a2 is not a and a2.is_same(other=a) and a2.get_uuid() == a.get_uuid()
    with pytest.raises(TypeError):
        a.is_same(other="a")
    g.destroy()


def test_node_eq_and_hash_by_identity():
    a, b = NodeReference.create(), NodeReference.create()
    g = GraphView.create()
    a2 = g.insert_node(node=a).node()
    assert a2 == a and a2 != b
    assert hash(a2) == hash(a)
    assert len({a, a2, b}) == 2
    g.destroy()


def test_classes_are_not_constructible():
    for cls, factory in [
        (GraphView, "GraphView.create()"),
        (NodeReference, "NodeReference.create()"),
        (EdgeReference, "EdgeReference.create()"),
    ]:
        with pytest.raises(TypeError, match=re.escape(factory)):
            cls()
    for cls in (BoundNode, BoundEdge, BFSPath):
        with pytest.raises(TypeError):
            cls()


def test_type_names_live_in_pyzig_graph():
    for cls in (GraphView, NodeReference, EdgeReference, BoundNode, BoundEdge, BFSPath):
        assert cls.__module__ == "pyzig.graph", cls


# --- EdgeReference -------------------------------------------------------------------------------


def test_edge_fields():
    a, b = NodeReference.create(), NodeReference.create()
    e = EdgeReference.create(source=a, target=b, edge_type=255, directional=True, name="link")
    assert e.source().is_same(other=a) and e.target().is_same(other=b)
    assert e.edge_type() == 255
    assert e.directional() is True
    assert e.name() == "link"
    assert e.get_attr(key="nope") is None
    assert e.is_same(other=e) and not e.is_same(other=EdgeReference.create(source=a, target=b, edge_type=0))
    d = EdgeReference.create(source=a, target=b, edge_type=0)
    assert d.directional() is None and d.name() is None
    assert EdgeReference.create(source=a, target=b, edge_type=1, directional=False).directional() is False


def test_edge_attrs():
    a, b = NodeReference.create(), NodeReference.create()
    e = EdgeReference.create(source=a, target=b, edge_type=1, w=2.5, tag="x", on=False)
    assert (e.get_attr(key="w"), e.get_attr(key="tag"), e.get_attr(key="on")) == (2.5, "x", False)
    g = GraphView.create()
    g.insert_node(node=a), g.insert_node(node=b)
    assert g.insert_edge(edge=e).edge().get_attr(key="tag") == "x"  # a view's copy shares them
    g.destroy()
    with pytest.raises(TypeError, match='attribute "w"'):
        EdgeReference.create(source=a, target=b, edge_type=1, w=object())
    with pytest.raises(OverflowError):
        EdgeReference.create(source=a, target=b, edge_type=1, w=-(2**63) - 1)


def test_edge_positional_arguments():
    a, b = NodeReference.create(), NodeReference.create()
    e = EdgeReference.create(a, b, 7)
    assert e.edge_type() == 7 and e.source().is_same(other=a)


def test_edge_errors():
    a, b = NodeReference.create(), NodeReference.create()
    for bad in (256, -1, 2**70):
        with pytest.raises((OverflowError, ValueError)):
            EdgeReference.create(source=a, target=b, edge_type=bad)
    with pytest.raises(TypeError):
        EdgeReference.create(source=a, target=b, edge_type="1")
    with pytest.raises(TypeError):
        EdgeReference.create(source="a", target=b, edge_type=1)
    with pytest.raises(TypeError):
        EdgeReference.create(source=a, target=None, edge_type=1)
    with pytest.raises(TypeError):
        EdgeReference.create(source=a, target=b)
    with pytest.raises(TypeError):
        EdgeReference.create(source=a, target=b, edge_type=1, directional="yes")
    with pytest.raises(TypeError):
        EdgeReference.create(source=a, target=b, edge_type=1, name=5)
    e = EdgeReference.create(source=a, target=b, edge_type=1)
    with pytest.raises(TypeError):
        e.is_same(other=a)


# --- GraphView -----------------------------------------------------------------------------------


def test_view_counts_nodes_and_self_node():
    g = GraphView.create()
    assert g.get_node_count() == 1 and g.get_edge_count() == 0
    s = g.get_self_node()
    assert isinstance(s, BoundNode)
    assert [x.node().get_uuid() for x in g.get_nodes()] == [s.node().get_uuid()]
    bn = g.create_and_insert_node()
    assert isinstance(bn, BoundNode) and bn.g() is g
    assert g.get_node_count() == 2
    assert g.get_self_node().node().is_same(other=s.node())
    g.destroy()


def test_insert_node_and_bind():
    g = GraphView.create()
    n = NodeReference.create()
    bn = g.insert_node(node=n)
    assert bn.node().is_same(other=n) and bn.g() is g
    again = g.insert_node(node=n)
    assert again.node().is_same(other=n) and g.get_node_count() == 2
    assert g.bind(node=n).node().is_same(other=n)
    with pytest.raises(ValueError):
        g.bind(node=NodeReference.create())
    with pytest.raises(TypeError):
        g.insert_node(node="n")
    with pytest.raises(TypeError):
        g.insert_node()
    assert g.insert_node(n).node().is_same(other=n)  # positional too
    g.destroy()


def test_insert_edge_and_missing_endpoint_changes_nothing():
    g = GraphView.create()
    a, b = NodeReference.create(), NodeReference.create()
    ba = g.insert_node(node=a)
    e = EdgeReference.create(source=a, target=b, edge_type=3)
    with pytest.raises(ValueError, match="not in"):
        g.insert_edge(edge=e)
    assert g.get_edge_count() == 0
    seen = []
    ba.visit_edges_of_type(edge_type=3, ctx=seen, f=lambda c, x: c.append(x))
    assert seen == []
    g.insert_node(node=b)
    be = g.insert_edge(edge=e)
    assert isinstance(be, BoundEdge) and be.edge().is_same(other=e) and be.g() is g
    assert g.get_edge_count() == 1
    g.insert_edge(edge=e)
    assert g.get_edge_count() == 1
    with pytest.raises(TypeError):
        g.insert_edge(edge=a)
    g.destroy()


def _star(g):
    hub = g.create_and_insert_node()
    leaves = [g.create_and_insert_node() for _ in range(3)]
    for leaf in leaves[:2]:
        g.insert_edge(edge=EdgeReference.create(source=hub.node(), target=leaf.node(), edge_type=1))
    g.insert_edge(edge=EdgeReference.create(source=leaves[2].node(), target=hub.node(), edge_type=1))
    g.insert_edge(edge=EdgeReference.create(source=hub.node(), target=leaves[0].node(), edge_type=2))
    return hub, leaves


def test_visit_edges_of_type_and_direction():
    g = GraphView.create()
    hub, leaves = _star(g)
    ctx = []

    def f(c, be):
        assert isinstance(be, BoundEdge) and be.g() is g
        c.append(be.edge())

    hub.visit_edges_of_type(edge_type=1, ctx=ctx, f=f)
    assert len(ctx) == 3 and all(e.edge_type() == 1 for e in ctx)
    ctx.clear()
    hub.visit_edges_of_type(edge_type=1, ctx=ctx, f=f, directed=True)
    assert sorted(e.target().get_uuid() for e in ctx) == sorted(x.node().get_uuid() for x in leaves[:2])
    ctx.clear()
    hub.visit_edges_of_type(edge_type=1, ctx=ctx, f=f, directed=False)
    assert [e.source().get_uuid() for e in ctx] == [leaves[2].node().get_uuid()]
    ctx.clear()
    hub.visit_edges_of_type(edge_type=2, ctx=ctx, f=f)
    assert len(ctx) == 1
    ctx.clear()
    hub.visit_edges_of_type(edge_type=9, ctx=ctx, f=f)
    assert ctx == []
    with pytest.raises((OverflowError, ValueError)):
        hub.visit_edges_of_type(edge_type=256, ctx=None, f=f)
    with pytest.raises(TypeError):
        hub.visit_edges_of_type(edge_type=1, ctx=None, f=5)
    g.destroy()


def test_visitor_exception_stops_and_propagates():
    g = GraphView.create()
    hub, _ = _star(g)
    calls = []

    def f(c, be):
        calls.append(be)
        raise KeyError("stop here")

    with pytest.raises(KeyError, match="stop here"):
        hub.visit_edges_of_type(edge_type=1, ctx=None, f=f)
    assert len(calls) == 1
    g.destroy()


def test_get_neighbours():
    g = GraphView.create()
    hub, leaves = _star(g)
    got = hub.get_neighbours(edge_type=1)
    assert all(isinstance(x, BoundNode) for x in got)
    assert sorted(x.node().get_uuid() for x in got) == sorted(x.node().get_uuid() for x in leaves)
    assert len(hub.get_neighbours(edge_type=1, directed=True)) == 2
    assert hub.get_neighbours(edge_type=4) == []
    g.destroy()


def test_store_load_try_load():
    g = GraphView.create()
    bn = g.create_and_insert_node()
    with pytest.raises(TypeError):
        bn.load(t=dict)
    assert bn.try_load(t=dict) is None
    # A `t` that is not a type is an error whether or not something is stored.
    with pytest.raises(TypeError, match="isinstance"):
        bn.try_load(t=5)
    data = {"k": 1}
    bn.store(data=data)
    assert bn.load(t=dict) is data
    assert g.bind(node=bn.node()).load(t=dict) is data
    with pytest.raises(TypeError, match="dict"):
        bn.load(t=list)
    assert bn.try_load(t=list) is None
    assert bn.try_load(t=dict) is data
    with pytest.raises(TypeError):
        bn.load(t=5)
    with pytest.raises(TypeError, match="isinstance"):
        bn.try_load(t=5)
    bn.store(data=[1])
    assert bn.load(t=list) == [1]
    # Stored per view: the same node in another view has nothing stored.
    h = GraphView.create()
    assert h.insert_node(node=bn.node()).try_load(t=list) is None
    g.destroy()
    h.destroy()


def test_subgraph_and_merge():
    g = GraphView.create()
    hub, leaves = _star(g)
    sub = g.get_subgraph_from_nodes(nodes=[hub, leaves[0]])
    assert isinstance(sub, GraphView) and sub is not g
    assert sub.get_node_count() == 3  # its own self node + 2
    assert sub.get_edge_count() == 2  # hub->leaf0 of types 1 and 2
    assert g.get_edge_count() == 4
    h = GraphView.create()
    h.insert_subgraph(subgraph=sub)
    assert h.get_node_count() == 1 + 3 and h.get_edge_count() == 2
    h.insert_subgraph(subgraph=h)
    assert h.get_node_count() == 4
    other = GraphView.create().create_and_insert_node()
    with pytest.raises(ValueError):
        g.get_subgraph_from_nodes(nodes=[other])
    with pytest.raises(TypeError):
        g.get_subgraph_from_nodes(nodes=[1])
    with pytest.raises(TypeError):
        h.insert_subgraph(subgraph=hub)
    for v in (g, sub, h, other.g()):
        v.destroy()


def test_bfs_paths():
    g = GraphView.create()
    n = [g.create_and_insert_node() for _ in range(5)]
    e = lambda a, b, t, d=None: g.insert_edge(  # noqa: E731
        edge=EdgeReference.create(source=n[a].node(), target=n[b].node(), edge_type=t, directional=d)
    )
    e(0, 1, 1)
    e(1, 2, 1)
    e(2, 3, 1)
    e(0, 3, 2)
    e(4, 3, 1, True)
    paths = g.bfs(start=n[0], edge_types=[1])
    assert all(isinstance(p, BFSPath) for p in paths)
    ends = {p.get_end_node().node().get_uuid(): p for p in paths}
    assert len(paths) == 4  # node 4 only reachable against its directional edge
    assert n[4].node().get_uuid() not in ends
    p3 = ends[n[3].node().get_uuid()]
    assert p3.get_length() == 3
    assert p3.get_start_node().node().is_same(other=n[0].node())
    assert [x.edge().edge_type() for x in p3.get_edges()] == [1, 1, 1]
    assert ends[n[0].node().get_uuid()].get_length() == 0
    assert ends[n[0].node().get_uuid()].get_edges() == []
    short = {p.get_end_node().node().get_uuid(): p.get_length() for p in g.bfs(start=n[0], edge_types=[1, 2])}
    assert short[n[3].node().get_uuid()] == 1
    assert len(g.bfs(start=n[0], edge_types=[1], directed=False)) == 5
    assert len(g.bfs(start=n[0], edge_types=[1], directed=True)) == 4
    with pytest.raises((OverflowError, ValueError)):
        g.bfs(start=n[0], edge_types=[300])
    with pytest.raises(TypeError):
        g.bfs(start=n[0], edge_types=1)
    with pytest.raises(TypeError):
        g.bfs(start="x", edge_types=[1])
    other = GraphView.create()
    with pytest.raises(ValueError):
        g.bfs(start=other.get_self_node(), edge_types=[1])
    other.destroy()
    g.destroy()


# --- create_and_insert_edge (pyzig extension) and nodes created by the view -------------------------


def test_create_and_insert_edge_returns_none_and_links():
    g = GraphView.create()
    a, b, c = (g.create_and_insert_node() for _ in range(3))
    assert g.create_and_insert_edge(source=a, target=b, edge_type=1, directional=True) is None
    assert g.create_and_insert_edge(b, c, 2, None, "named") is None  # positional too
    assert g.get_edge_count() == 2
    seen = []
    a.visit_edges_of_type(edge_type=1, ctx=seen, f=lambda s, be: s.append(be.edge()))
    (e,) = seen
    assert e.source().is_same(other=a.node()) and e.target().is_same(other=b.node())
    assert (e.edge_type(), e.directional(), e.name()) == (1, True, None)
    assert [x.node().get_uuid() for x in b.get_neighbours(edge_type=2)] == [c.node().get_uuid()]
    assert b.get_neighbours(edge_type=1, directed=False)[0].node().is_same(other=a.node())
    # directional=True: BFS follows it only forwards by default.
    assert len(g.bfs(start=a, edge_types=[1])) == 2
    assert len(g.bfs(start=b, edge_types=[1])) == 1
    g.destroy()


def test_create_and_insert_edge_errors_change_nothing():
    g = GraphView.create()
    a = g.create_and_insert_node()
    other = GraphView.create()
    stranger = other.create_and_insert_node()
    with pytest.raises(ValueError, match="not in this GraphView"):
        g.create_and_insert_edge(source=a, target=stranger, edge_type=1)
    with pytest.raises(TypeError):
        g.create_and_insert_edge(source=a, target=a.node(), edge_type=1)
    with pytest.raises(TypeError):
        g.create_and_insert_edge(source=a, target=a)
    for bad in (256, -1):
        with pytest.raises((OverflowError, ValueError)):
            g.create_and_insert_edge(source=a, target=a, edge_type=bad)
    assert g.get_edge_count() == 0 and a.get_neighbours(edge_type=1) == []
    # A node bound to another view is found by identity once it is in this one too.
    g.insert_node(node=stranger.node())
    g.create_and_insert_edge(source=a, target=stranger, edge_type=1)
    assert g.get_edge_count() == 1 and other.get_edge_count() == 0
    assert a.get_neighbours(edge_type=1)[0].node().is_same(other=stranger.node())
    other.destroy()
    with pytest.raises(ReferenceError):
        g.create_and_insert_edge(source=a, target=stranger, edge_type=1)
    g.destroy()
    with pytest.raises(ReferenceError):
        g.create_and_insert_edge(source=a, target=a, edge_type=1)


def test_view_created_nodes_keep_identity_across_views():
    g = GraphView.create()
    a, b = g.create_and_insert_node(), g.create_and_insert_node()
    g.create_and_insert_edge(source=a, target=b, edge_type=3)
    assert a.node().get_uuid() == a.node().get_uuid() and a.node().is_same(other=a.node())
    assert not a.node().is_same(other=b.node())
    assert g.bind(node=a.node()).node().is_same(other=a.node())
    sub = g.get_subgraph_from_nodes(nodes=[a, b])
    assert sub.get_edge_count() == 1
    assert sub.bind(node=a.node()).get_neighbours(edge_type=3)[0].node().is_same(other=b.node())
    h = GraphView.create()
    h.insert_subgraph(subgraph=g)
    assert h.get_node_count() == 1 + 3 and h.get_edge_count() == 1
    assert h.bind(node=b.node()).get_neighbours(edge_type=3)[0].node().is_same(other=a.node())
    h.insert_subgraph(subgraph=sub)  # the same nodes and edge: nothing new but sub's self node
    assert h.get_node_count() == 1 + 3 + 1 and h.get_edge_count() == 1
    for v in (g, sub, h):
        v.destroy()


def test_self_loop_leaves_and_enters_its_node():
    g = GraphView.create()
    a = g.create_and_insert_node()
    g.insert_edge(edge=EdgeReference.create(source=a.node(), target=a.node(), edge_type=3))
    for directed in (None, True, False):
        seen: list[object] = []
        a.visit_edges_of_type(edge_type=3, ctx=seen, f=lambda acc, e: acc.append(e.edge()), directed=directed)
        assert len(seen) == 1, directed  # listed once, whichever way we look
        assert [n.node() for n in a.get_neighbours(edge_type=3, directed=directed)] == [a.node()]
