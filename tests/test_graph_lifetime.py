"""pyzig.graph lifetimes: destroy() and use after it for every wrapper kind, release of stored data, and
garbage collection of cycles through store()."""

from __future__ import annotations

import gc
import weakref

import pytest

from pyzig.graph import EdgeReference, GraphView, NodeReference


class Payload:
    pass


def _graph():
    g = GraphView.create()
    a, b = g.create_and_insert_node(), g.create_and_insert_node()
    be = g.insert_edge(edge=EdgeReference.create(source=a.node(), target=b.node(), edge_type=1))
    path = [p for p in g.bfs(start=a, edge_types=[1]) if p.get_length() == 1][0]
    return g, a, be, path


def test_use_after_destroy_raises_for_every_wrapper():
    g, bn, be, path = _graph()
    node = bn.node()
    edge = be.edge()
    g.destroy()
    calls = [
        g.get_node_count, g.get_edge_count, g.get_nodes, g.get_self_node, g.create_and_insert_node,
        lambda: g.insert_node(node=node), lambda: g.insert_edge(edge=edge), lambda: g.bind(node=node),
        lambda: g.get_subgraph_from_nodes(nodes=[]), lambda: g.bfs(start=bn, edge_types=[1]),
        bn.node, bn.g, lambda: bn.visit_edges_of_type(edge_type=1, ctx=None, f=print),
        lambda: bn.store(data=1), lambda: bn.load(t=int), lambda: bn.try_load(t=int),
        lambda: bn.get_neighbours(edge_type=1),
        be.edge, be.g,
        path.get_length, path.get_start_node, path.get_end_node, path.get_edges,
        g.destroy,  # a second destroy too
    ]
    for call in calls:
        with pytest.raises(ReferenceError):
            call()
    # References exist independently of any view and keep working.
    assert node.get_uuid() > 0 and edge.edge_type() == 1
    h = GraphView.create()
    with pytest.raises(ReferenceError):
        h.insert_subgraph(subgraph=g)
    h.destroy()


def test_destroy_releases_stored_data_at_once():
    g = GraphView.create()
    p = Payload()
    w = weakref.ref(p)
    g.create_and_insert_node().store(data=p)
    del p
    assert w() is not None
    g.destroy()
    assert w() is None


def test_view_freed_with_last_reference():
    g = GraphView.create()
    p = Payload()
    w = weakref.ref(p)
    g.get_self_node().store(data=p)
    del p, g
    assert w() is None


def test_wrappers_keep_view_alive():
    g = GraphView.create()
    bn = g.create_and_insert_node()
    p = Payload()
    w = weakref.ref(p)
    bn.store(data=p)
    del p, g
    assert w() is not None
    assert bn.g().get_node_count() == 2
    assert bn.load(t=Payload) is w()
    del bn
    assert w() is None


def test_cycle_through_store_is_collected():
    gc.collect()
    g = GraphView.create()
    bn = g.create_and_insert_node()
    p = Payload()
    p.bn = bn  # view -> stored payload -> BoundNode -> view
    bn.store(data=p)
    w = weakref.ref(p)
    del g, bn, p
    assert w() is not None
    gc.collect()
    assert w() is None


def test_store_visited_by_gc():
    g = GraphView.create()
    bn = g.create_and_insert_node()
    p = Payload()
    bn.store(data=p)
    assert any(o is p for o in gc.get_referents(g))
    g.destroy()


def test_node_reference_outlives_views():
    n = NodeReference.create()
    for _ in range(3):
        g = GraphView.create()
        g.insert_node(node=n)
        g.destroy()
    assert n.get_uuid() > 0 and n.get_dynamic_attrs() == {}


def test_visitor_may_mutate_or_destroy_the_view():
    g = GraphView.create()
    hub = g.create_and_insert_node()
    for _ in range(3):
        leaf = g.create_and_insert_node()
        g.insert_edge(edge=EdgeReference.create(source=hub.node(), target=leaf.node(), edge_type=1))
    seen = []

    def grow(ctx, be):
        seen.append(be)
        extra = g.create_and_insert_node()
        g.insert_edge(edge=EdgeReference.create(source=hub.node(), target=extra.node(), edge_type=1))

    hub.visit_edges_of_type(edge_type=1, ctx=None, f=grow)
    assert len(seen) == 3  # the edges present when the visit started
    assert len(hub.get_neighbours(edge_type=1)) == 6

    def kill(ctx, be):
        g.destroy()

    with pytest.raises(ReferenceError):
        hub.visit_edges_of_type(edge_type=1, ctx=None, f=kill)


def test_store_replacing_data_whose_finalizer_uses_the_view():
    g = GraphView.create()
    bn = g.create_and_insert_node()
    log = []

    class Noisy:
        def __del__(self):
            log.append(bn.g().get_node_count())

    bn.store(data=Noisy())
    bn.store(data=1)
    assert log == [2] and bn.load(t=int) == 1
    g.destroy()
