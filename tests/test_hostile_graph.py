"""Hostile use of `pyzig.graph`: random operation sequences (deterministic seeds) that destroy views from
inside callbacks, re-enter the view being visited, store objects whose finalizers reach the graph, keep
paths and subgraphs past their parent's end, and pass wrong types everywhere.

Each sequence runs in a child interpreter, so a segfault or abort is reported as a failing exit code with
the seed and the operation log, not as a dead pytest. Inside the child, every operation may only raise the
exception types listed for it; after each sequence the surviving views are checked for consistency."""

from __future__ import annotations

import textwrap

import pytest
from hostile import run_child

CHILD = textwrap.dedent(
    r'''
    import gc, random, sys, threading
    from pyzig.graph import BFSPath, BoundEdge, BoundNode, EdgeReference, GraphView, NodeReference

    class Boom(Exception):
        pass

    class BadIndex:
        """Stands for an int whose __index__ fails: the failure must reach the caller."""
        def __index__(self):
            raise ArithmeticError("no index")

    ALLOWED = (ReferenceError, RuntimeError, TypeError, ValueError, OverflowError, IndexError, Boom, ArithmeticError)

    class Str(str):
        pass

    class Finalizer:
        """Touches the graph from __del__; must never crash, whatever state the graph is in."""
        def __init__(self, bn):
            self.bn = bn
        def __del__(self):
            try:
                self.bn.store(rng.randrange(3))
                self.bn.g().get_node_count()
            except (ReferenceError, RuntimeError, TypeError, ValueError):
                pass

    class Reentrant:
        """__eq__/__hash__ that mutate or destroy the graph."""
        def __init__(self, g):
            self.g = g
        def __eq__(self, other):
            try:
                self.g.create_and_insert_node()
            except ReferenceError:
                pass
            return False
        def __hash__(self):
            try:
                if rng.random() < 0.3:
                    self.g.destroy()
            except ReferenceError:
                pass
            return 7

    views, bnodes, bedges, paths, nodes = [], [], [], [], []

    def pick(seq):
        return rng.choice(seq) if seq else None

    def junk():
        return rng.choice([None, 2 ** 70, -1, 256, 1.5, BadIndex(), Str("x"), "1", object(), [], [None],
                           NodeReference.create(), GraphView])

    def new_view():
        g = GraphView.create()
        views.append(g)
        for _ in range(rng.randrange(1, 5)):
            bnodes.append(g.create_and_insert_node())
        return g

    def callback(ctx, edge):
        action = rng.randrange(9)
        LOG.append(f"  cb {action}")
        g = edge.g()
        assert isinstance(edge, BoundEdge)
        if action == 0:
            g.destroy()
        elif action == 1:
            n = g.create_and_insert_node()
            bnodes.append(n)
            g.create_and_insert_edge(ctx, n, rng.randrange(3))
        elif action == 2:
            ctx.store(edge)
            assert ctx.load(BoundEdge) is edge
        elif action == 3:
            raise Boom("from callback")
        elif action == 4:
            gc.collect()
        elif action == 5:
            paths.extend(g.bfs(ctx, [0, 1, 2]))
        elif action == 6:
            ctx.visit_edges_of_type(edge.edge().edge_type(), ctx, callback)  # recursion (bounded by depth)
        elif action == 7:
            views.append(g.get_subgraph_from_nodes(g.get_nodes()))
        else:
            edge.edge().source().get_dynamic_attrs()

    def op_visit():
        bn = pick(bnodes)
        if bn is not None:
            bn.visit_edges_of_type(rng.randrange(3), bn, callback, directed=rng.choice([None, True, False]))

    def op_edge():
        a, b = pick(bnodes), pick(bnodes)
        if a is None:
            return
        g = a.g()
        if rng.random() < 0.5:
            g.create_and_insert_edge(a, b, rng.randrange(3), directional=rng.choice([None, True, False]))
        else:
            e = EdgeReference.create(a.node(), b.node(), rng.randrange(3), name=rng.choice([None, "n", Str("s")]), w=1.5)
            bedges.append(g.insert_edge(e))

    def op_store():
        bn = pick(bnodes)
        if bn is not None:
            bn.store(rng.choice([Finalizer(bn), bn, bn.g(), 1, "s", None, Reentrant(bn.g())]))

    def op_load():
        bn = pick(bnodes)
        if bn is not None:
            t = rng.choice([int, object, BoundNode, Finalizer, (int, str), junk()])
            if rng.random() < 0.5:
                bn.try_load(t)
            else:
                bn.load(t)

    def op_destroy():
        g = pick(views)
        if g is not None:
            g.destroy()

    def op_bfs():
        bn = pick(bnodes)
        if bn is not None:
            paths.extend(bn.g().bfs(bn, rng.sample(range(4), rng.randrange(4)), directed=rng.choice([None, True, False])))

    def op_path():
        p = pick(paths)
        if p is not None:
            n = p.get_length()
            edges = p.get_edges()
            assert len(edges) == n, (len(edges), n)
            p.get_start_node().node()
            p.get_end_node().get_neighbours(rng.randrange(3))

    def op_subgraph():
        g = pick(views)
        if g is not None:
            ns = g.get_nodes()
            sub = g.get_subgraph_from_nodes(rng.sample(ns, rng.randrange(len(ns) + 1)) + [pick(bnodes)] * rng.randrange(2))
            views.append(sub)
            bnodes.extend(sub.get_nodes())
            if rng.random() < 0.3:
                sub.insert_subgraph(rng.choice([g, sub]))

    def op_cross():
        """A node of one view used with another view."""
        g, bn = pick(views), pick(bnodes)
        if g is not None and bn is not None:
            rng.choice([lambda: g.bind(bn.node()), lambda: g.insert_node(bn.node()),
                        lambda: g.create_and_insert_edge(bn, bn, 1), lambda: g.bfs(bn, [1])])()

    def op_junk():
        g, bn = pick(views), pick(bnodes)
        if g is None or bn is None:
            return
        j = junk()
        rng.choice([
            lambda: bn.visit_edges_of_type(j, None, callback),
            lambda: bn.visit_edges_of_type(1, None, j),
            lambda: bn.get_neighbours(j),
            lambda: g.create_and_insert_edge(bn, j, 1),
            lambda: g.create_and_insert_edge(bn, bn, j),
            lambda: g.bfs(j, [1]),
            lambda: g.bfs(bn, j),
            lambda: g.bfs(bn, [j]),
            lambda: g.bfs(bn, [1], directed=j),
            lambda: g.insert_node(j),
            lambda: g.insert_edge(j),
            lambda: g.bind(j),
            lambda: g.insert_subgraph(j),
            lambda: g.get_subgraph_from_nodes(j),
            lambda: g.get_subgraph_from_nodes([bn, j]),
            lambda: NodeReference.create(k=j),
            lambda: NodeReference.create(**{Str("k"): 1}),
            lambda: EdgeReference.create(bn.node(), j, 1),
            lambda: EdgeReference.create(bn.node(), bn.node(), 1, directional=j),
            lambda: EdgeReference.create(bn.node(), bn.node(), 1, name=j),
            lambda: bn.node().get_attr(j),
            lambda: bn.node().is_same(j),
            lambda: BoundNode.node(j),
            lambda: GraphView.get_node_count(j),
        ])()

    def op_eq():
        bn = pick(bnodes)
        if bn is not None:
            r = Reentrant(bn.g())
            n = bn.node()
            assert (n == r) is False
            {n: 1, r: 2, bn.node(): 3}
            assert n == bn.node() and hash(n) == hash(bn.node())

    def op_gc():
        if rng.random() < 0.5 and views:
            views.pop(rng.randrange(len(views)))
        if rng.random() < 0.5 and bnodes:
            bnodes.pop(rng.randrange(len(bnodes)))
        if rng.random() < 0.3:
            paths.clear()
        gc.collect()

    def op_threads():
        bn = pick(bnodes)
        if bn is None:
            return
        errors = []
        def work(k):
            r = random.Random(seed * 31 + k)
            for _ in range(30):
                try:
                    r.choice([lambda: bn.store(k), lambda: bn.try_load(int), lambda: bn.g().create_and_insert_node(),
                              lambda: bn.get_neighbours(1), lambda: bn.g().bfs(bn, [1])])()
                except (ReferenceError, RuntimeError):
                    pass
                except BaseException as e:  # noqa: BLE001 - reported to the main thread
                    errors.append(e)
        ts = [threading.Thread(target=work, args=(k,)) for k in range(3)]
        for t in ts:
            t.start()
        if rng.random() < 0.3:
            bn.g().destroy()
        for t in ts:
            t.join()
        assert not errors, errors

    def op_index():
        """The integer API, with indices that may be out of range, of another view, or junk."""
        g, bn = pick(views), pick(bnodes)
        if g is None:
            return
        i = rng.choice([0, 1, 2, 5, -1, 2 ** 32, bn.index() if bn is not None else 0, junk()])
        j = rng.choice([0, 1, 3, i])
        action = rng.randrange(4)
        if action == 0:
            got = g.add_node()
            assert g.node_at(got).index() == got
            assert g.get_nodes()[got + 1].node() == g.node_at(got).node()
        elif action == 1:
            before = g.get_edge_count()
            try:
                g.add_edge(i, j, rng.randrange(3), rng.choice([None, True, False]))
            except ALLOWED:
                assert g.get_edge_count() == before
                raise
            assert g.get_edge_count() == before + 1
        elif action == 2:
            b = g.node_at(i)
            bnodes.append(b)
            assert b.index() == i
        else:
            assert bn is None or bn.index() is None or bn.g().node_at(bn.index()).node() == bn.node()

    OPS = [new_view, new_view, op_visit, op_visit, op_edge, op_edge, op_store, op_load, op_destroy, op_bfs, op_path,
           op_subgraph, op_cross, op_junk, op_junk, op_eq, op_gc, op_threads, op_index, op_index]

    def check(g):
        """A live view answers consistently; a destroyed one raises ReferenceError everywhere."""
        try:
            n = g.get_node_count()
        except ReferenceError:
            for f in (g.get_nodes, g.get_edge_count, g.create_and_insert_node, g.get_self_node):
                try:
                    f()
                except ReferenceError:
                    continue
                raise AssertionError(f"{f} worked on a destroyed view")
            return
        ns = g.get_nodes()
        assert len(ns) == n and n >= 1
        assert ns[0].node() == g.get_self_node().node()
        uuids = {b.node().get_uuid() for b in ns}
        assert len(uuids) == n, "duplicate nodes in a view"
        for b in ns:
            assert b.g() is g
            assert g.bind(b.node()).node() == b.node()
        reached = g.bfs(ns[0], [0, 1, 2, 3], directed=False)
        assert 1 <= len(reached) <= n
        # Every edge leaves exactly one node and enters one (edge types in use: 0..2; a self-loop leaves
        # and enters its node): the adjacency lists match the edge count both ways.
        count = g.get_edge_count()
        outs = sum(len(b.get_neighbours(t, directed=True)) for b in ns for t in range(3))
        into = sum(len(b.get_neighbours(t, directed=False)) for b in ns for t in range(3))
        assert outs == count and into == count, (outs, into, count)

    new_view()
    for step in range(steps):
        op = rng.choice(OPS)
        LOG.append(f"{step}: {op.__name__}")
        try:
            op()
        except ALLOWED as e:
            LOG.append(f"  -> {type(e).__name__}: {e}")
        except RecursionError:
            LOG.append("  -> RecursionError")
    for g in views:
        check(g)
    del views[:], bnodes[:], bedges[:], paths[:]
    gc.collect()
    print("ok", seed, len(LOG))
    '''
)



@pytest.mark.parametrize("block", range(4))
def test_random_operation_sequences(block):
    for seed in range(block * 10, block * 10 + 10):
        run_child(CHILD, seed, 150)


def test_destroy_inside_visit_stops_with_reference_error():
    from pyzig.graph import GraphView

    g = GraphView.create()
    a, b = g.create_and_insert_node(), g.create_and_insert_node()
    for _ in range(3):
        g.create_and_insert_edge(a, b, 1)
    seen = []

    def cb(ctx, edge):
        seen.append(edge)
        g.destroy()

    with pytest.raises(ReferenceError):
        a.visit_edges_of_type(1, None, cb)
    assert len(seen) == 1
    with pytest.raises(ReferenceError):
        seen[0].edge()


def test_insert_while_visiting_visits_the_snapshot():
    from pyzig.graph import GraphView

    g = GraphView.create()
    a, b = g.create_and_insert_node(), g.create_and_insert_node()
    g.create_and_insert_edge(a, b, 1)
    g.create_and_insert_edge(a, b, 1)
    calls = []

    def cb(ctx, edge):
        calls.append(edge)
        g.create_and_insert_edge(a, g.create_and_insert_node(), 1)

    a.visit_edges_of_type(1, None, cb)
    assert len(calls) == 2
    assert len(a.get_neighbours(1)) == 4
    assert g.get_edge_count() == 4


def test_paths_and_subgraphs_outlive_destroyed_parent():
    import gc

    from pyzig.graph import GraphView

    g = GraphView.create()
    a, b, c = (g.create_and_insert_node() for _ in range(3))
    g.create_and_insert_edge(a, b, 1)
    g.create_and_insert_edge(b, c, 1)
    paths = g.bfs(a, [1])
    sub = g.get_subgraph_from_nodes([b, c])
    g.destroy()
    del g, a, b, c
    gc.collect()
    for p in paths:
        with pytest.raises(ReferenceError):
            p.get_edges()
    assert sub.get_node_count() == 3  # its own self node plus b and c
    assert sub.get_edge_count() == 1
    assert len(sub.get_nodes()[1].get_neighbours(1)) == 1


def test_finalizer_touching_the_graph_during_store_and_destroy():
    import gc

    from pyzig.graph import GraphView

    events = []
    finalized = [0]

    class Fin:
        def __init__(self, bn):
            self.bn = bn

        def __del__(self):
            # Count before storing: a Fin made here and refused by store() is finalized inside this call, so
            # a bound checked after the call would never stop the chain.
            finalized[0] += 1
            try:
                self.bn.store(Fin(self.bn) if finalized[0] < 4 else 0)
                events.append("stored")
            except ReferenceError:
                events.append("ReferenceError")

    g = GraphView.create()
    a = g.create_and_insert_node()
    a.store(Fin(a))
    a.store(1)  # drops the first Fin, whose __del__ stores again
    assert "stored" in events
    g.destroy()
    assert events[-1] == "ReferenceError"
    assert finalized[0] <= 5, finalized  # the chain ended: no runaway recursion of finalizers
    del a, g
    gc.collect()


@pytest.mark.parametrize(
    "call",
    [
        lambda g, a: a.visit_edges_of_type(None, None, print),
        lambda g, a: a.visit_edges_of_type(2**70, None, print),
        lambda g, a: a.get_neighbours(1.0),
        lambda g, a: g.bfs(a, [256]),
        lambda g, a: g.bfs(a, None),
        lambda g, a: g.insert_node(None),
        lambda g, a: g.get_subgraph_from_nodes([a, 1]),
        lambda g, a: a.load(3),
        lambda g, a: type(a)(),
        lambda g, a: type(g).__new__(type(g)),
        lambda g, a: object.__new__(type(a)),
        lambda g, a: __import__("pickle").dumps(g),
        lambda g, a: __import__("copy").copy(a),
        lambda g, a: __import__("weakref").ref(g),
        lambda g, a: type("Sub", (type(g),), {}),
    ],
)
def test_wrong_use_raises_type_error_and_changes_nothing(call):
    from pyzig.graph import GraphView

    g = GraphView.create()
    a = g.create_and_insert_node()
    before = (g.get_node_count(), g.get_edge_count())
    with pytest.raises((TypeError, OverflowError)):
        call(g, a)
    assert (g.get_node_count(), g.get_edge_count()) == before
