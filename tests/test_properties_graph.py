"""Property test of `pyzig.graph`: a hypothesis state machine drives up to four GraphViews against a
pure-Python model and compares them after every step.

The model holds every node (uuid -> attributes), every edge (source, target, type, directional, name,
attributes) and, per view, its nodes in insertion order (the self node first), its edges and what was
stored on its nodes. Rules create nodes (three ways), insert edges (three ways, the integer API
included), read edges of a type (`visit_edges_of_type`, `get_neighbours`), read attributes, run BFS (the
ends, lengths and edges of the paths against a model BFS), take subgraphs, merge views, store data and
destroy views (after which everything that reaches the view raises ReferenceError, and what it stored
is released). Hostile rules: a callback that raises after k edges, one that grows the view it visits, one
that re-enters it (nested visit, BFS), one that destroys it; nodes of another view; values of the wrong
type. Invariants, after every step: counts, node order, indices, the whole adjacency, stored data, and
kept BFS paths (which answer as when they were found, or raise ReferenceError once their view is gone).
"""

from __future__ import annotations

import weakref
from collections import Counter, deque
from dataclasses import dataclass, field

import hypothesis_profiles  # noqa: F401  (loads the settings profile)
import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from pyzig.graph import BFSPath, BoundEdge, BoundNode, EdgeReference, GraphView, NodeReference

EDGE_TYPES = [0, 1, 2, 255]
MAX_VIEWS = 4
MAX_NODES = 24  # per view: keeps the adjacency invariant cheap
edge_types = st.sampled_from(EDGE_TYPES)

attr_values = st.one_of(
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.text(max_size=6),
)
# "k_" keeps the keys clear of EdgeReference.create's own parameters (source, name, ...).
attr_dicts = st.dictionaries(st.text("abxyzé", min_size=1, max_size=3).map(lambda s: "k_" + s), attr_values, max_size=3)
picks = st.integers(0, 10_000)  # an index into whatever list the rule picks from (modulo its length)
directions = st.sampled_from([None, True, False])


class Boom(Exception):
    pass


class Payload:
    """Something to store on a node (weak-referenceable, to see when the view lets it go)."""


@dataclass
class EdgeM:
    ref: EdgeReference
    src: int
    tgt: int
    type: int
    directional: bool | None
    name: str | None
    attrs: dict


@dataclass
class ViewM:
    g: GraphView
    nodes: list[int]  # uuids, insertion order, the self node first
    edges: set = field(default_factory=set)  # EdgeReference (hash and eq by identity)
    stored: dict = field(default_factory=dict)  # uuid -> object
    alive: bool = True
    bound: list = field(default_factory=list)  # a few BoundNodes of this view, kept for after destroy()


def same_value(got: object, want: object) -> bool:
    return type(got) is type(want) and got == want


class GraphMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.views: list[ViewM] = []
        self.node_refs: dict[int, NodeReference] = {}
        self.node_attrs: dict[int, dict] = {}
        self.edges: dict[EdgeReference, EdgeM] = {}
        self.edge_list: list[EdgeM] = []
        self.paths: list[tuple[ViewM, BFSPath, int, int, list[EdgeReference]]] = []
        self.steps = 0
        self.last_view_change = 0  # the step of the last create_view/destroy, which come once in a while

    # --- helpers -------------------------------------------------------------------------------

    def view(self, i: int) -> ViewM:
        return self.views[i % len(self.views)]

    def live(self) -> list[ViewM]:
        return [v for v in self.views if v.alive]

    def live_view(self, i: int) -> ViewM | None:
        live = self.live()
        return live[i % len(live)] if live else None

    def node_uuid(self, i: int) -> int:
        uuids = list(self.node_refs)
        return uuids[i % len(uuids)]

    def known_node(self, ref: NodeReference, attrs: dict) -> int:
        u = ref.get_uuid()
        self.node_refs.setdefault(u, ref)
        self.node_attrs.setdefault(u, dict(attrs))
        return u

    def new_view(self) -> ViewM:
        g = GraphView.create()
        s = g.get_self_node()
        assert isinstance(s, BoundNode) and s.g() is g and s.index() is None
        u = self.known_node(s.node(), {})
        assert s.node().get_dynamic_attrs() == {}
        vm = ViewM(g=g, nodes=[u], bound=[s])
        self.views.append(vm)
        return vm

    def bound(self, vm: ViewM, pos: int) -> BoundNode:
        """The node at `pos` of `vm`, bound to it, found one of three ways."""
        u = vm.nodes[pos]
        way = pos % 3
        if way == 0:
            bn = vm.g.bind(self.node_refs[u])
        elif way == 1 and pos > 0:
            bn = vm.g.node_at(pos - 1)
        else:
            bn = vm.g.get_nodes()[pos]
        assert bn.node().get_uuid() == u and bn.g() is vm.g
        return bn

    def model_edges_at(self, vm: ViewM, u: int, t: int, directed: bool | None) -> set:
        out = set()
        for ref in vm.edges:
            e = self.edges[ref]
            if e.type != t:
                continue
            if (directed is None and u in (e.src, e.tgt)) or (directed is True and e.src == u) or (
                directed is False and e.tgt == u
            ):
                out.add(ref)
        return out

    def visit(self, bn: BoundNode, t: int, directed: bool | None) -> list[EdgeReference]:
        ctx = object()
        seen = []

        def f(c: object, be: BoundEdge) -> None:
            assert c is ctx and isinstance(be, BoundEdge) and be.g() is bn.g()
            seen.append(be.edge())

        assert bn.visit_edges_of_type(t, ctx, f, directed=directed) is None
        return seen

    def record_edge(self, vm: ViewM, ref: EdgeReference, src: int, tgt: int, t: int, d, name, attrs) -> None:
        assert ref.source().get_uuid() == src and ref.target().get_uuid() == tgt
        assert (ref.edge_type(), ref.directional(), ref.name()) == (t, d, name)
        em = EdgeM(ref, src, tgt, t, d, name, dict(attrs))
        if ref not in self.edges:
            self.edges[ref] = em
            self.edge_list.append(em)
        vm.edges.add(ref)

    def discover_new_edge(self, vm: ViewM, src_pos: int, t: int, before: set) -> EdgeReference:
        """The one edge of type `t` leaving node `src_pos` that the model does not know yet."""
        seen = self.visit(self.bound(vm, src_pos), t, True)
        assert len(seen) == len(set(seen)), "an edge was visited twice"
        new = set(seen) - before
        assert len(new) == 1 and before <= set(seen), (len(new), len(before), len(seen))
        return new.pop()

    def assert_refuses(self, vm: ViewM, excs, call) -> None:
        """`call` raises one of `excs` and changes nothing in `vm` (the invariants check the rest)."""
        counts = (vm.g.get_node_count(), vm.g.get_edge_count())
        with pytest.raises(excs):
            call()
            raise AssertionError(f"accepted: the call at line {call.__code__.co_firstlineno}")
        assert (vm.g.get_node_count(), vm.g.get_edge_count()) == counts

    # --- rules: views and nodes ----------------------------------------------------------------

    @initialize(n=st.integers(0, 8), edges=st.lists(st.tuples(picks, picks, edge_types, directions), max_size=12))
    def first_view(self, n: int, edges: list) -> None:
        """A first view with `n` nodes and some edges between them (integer API), so that rules start on a graph."""
        self.new_view()
        for _ in range(n):
            self.add_node(0, "index", {})
        for a, b, t, d in edges:
            if n:
                self.add_edge_by_index(0, a % n, b % n, t, d)

    @precondition(lambda self: len(self.views) < MAX_VIEWS and self.steps - self.last_view_change > 8)
    @rule()
    def create_view(self) -> None:
        self.last_view_change = self.steps
        self.new_view()

    @rule(vi=picks, how=st.sampled_from(["ref", "create", "index"]), attrs=st.lists(attr_dicts, min_size=1, max_size=4))
    def add_nodes(self, vi: int, how: str, attrs: list) -> None:
        """One to four nodes: NodeReference.create + insert_node, create_and_insert_node, or add_node."""
        for a in attrs:
            self.add_node(vi, how, a)

    def add_node(self, vi: int, how: str, attrs: dict) -> None:
        vm = self.view(vi)
        if not vm.alive:
            with pytest.raises(ReferenceError):
                vm.g.create_and_insert_node()
            with pytest.raises(ReferenceError):
                vm.g.add_node()
            return
        if len(vm.nodes) >= MAX_NODES:
            return
        if how == "ref":
            ref = NodeReference.create(**attrs)
            assert ref.get_dynamic_attrs() == attrs
            bn = vm.g.insert_node(ref)
            assert bn.node() == ref and bn.node().is_same(ref)
        elif how == "create":
            bn = vm.g.create_and_insert_node()
            attrs = {}
        else:
            i = vm.g.add_node()
            assert i == len(vm.nodes) - 1
            bn = vm.g.node_at(i)
            attrs = {}
        u = self.known_node(bn.node(), attrs)
        assert u not in vm.nodes, "a new node has the uuid of a node already in the view"
        assert bn.g() is vm.g and bn.index() == len(vm.nodes) - 1
        vm.nodes.append(u)
        if len(vm.bound) < 4:
            vm.bound.append(bn)

    @rule(vi=picks, ni=picks)
    def insert_known_node(self, vi: int, ni: int) -> None:
        """A node already known (maybe in this view, maybe another view's, maybe a self node) inserted."""
        vm = self.view(vi)
        u = self.node_uuid(ni)
        if not vm.alive:
            with pytest.raises(ReferenceError):
                vm.g.insert_node(self.node_refs[u])
            return
        if u not in vm.nodes and len(vm.nodes) >= MAX_NODES:
            return
        bn = vm.g.insert_node(self.node_refs[u])
        if u not in vm.nodes:
            vm.nodes.append(u)
        pos = vm.nodes.index(u)
        assert bn.node().get_uuid() == u and bn.g() is vm.g
        assert bn.index() == (None if pos == 0 else pos - 1)

    # --- rules: edges --------------------------------------------------------------------------

    @rule(vi=picks, a=picks, b=picks, t=edge_types, d=directions,
          name=st.none() | st.text(max_size=4), attrs=attr_dicts)
    def insert_edge(self, vi: int, a: int, b: int, t: int, d, name, attrs: dict) -> None:
        """EdgeReference.create + insert_edge between any two known nodes (ValueError unless both are here)."""
        vm = self.view(vi)
        # Mostly nodes of this view; one time in four any known node (of another view, maybe).
        ua = self.node_uuid(a) if a % 4 == 0 else vm.nodes[a % len(vm.nodes)]
        ub = self.node_uuid(b) if b % 4 == 0 else vm.nodes[b % len(vm.nodes)]
        ref = EdgeReference.create(self.node_refs[ua], self.node_refs[ub], t, directional=d, name=name, **attrs)
        if not vm.alive:
            with pytest.raises(ReferenceError):
                vm.g.insert_edge(ref)
            return
        if ua not in vm.nodes or ub not in vm.nodes:
            self.assert_refuses(vm, ValueError, lambda: vm.g.insert_edge(ref))
            return
        be = vm.g.insert_edge(ref)
        assert isinstance(be, BoundEdge) and be.g() is vm.g and be.edge() == ref
        self.record_edge(vm, ref, ua, ub, t, d, name, attrs)

    @precondition(lambda self: self.edge_list)
    @rule(vi=picks, ei=picks)
    def reinsert_edge(self, vi: int, ei: int) -> None:
        """A known edge inserted again here (no change) or into another view (which must hold both ends)."""
        vm = self.view(vi)
        em = self.edge_list[ei % len(self.edge_list)]
        if not vm.alive:
            with pytest.raises(ReferenceError):
                vm.g.insert_edge(em.ref)
            return
        if em.src not in vm.nodes or em.tgt not in vm.nodes:
            self.assert_refuses(vm, ValueError, lambda: vm.g.insert_edge(em.ref))
            return
        assert vm.g.insert_edge(em.ref).edge().is_same(em.ref)
        vm.edges.add(em.ref)

    @rule(vi=picks, a=picks, b=picks, t=edge_types, d=directions,
          name=st.none() | st.text(max_size=4), cross=st.booleans())
    def create_and_insert_edge(self, vi: int, a: int, b: int, t: int, d, name, cross: bool) -> None:
        """The one-call edge; with `cross`, the source is a BoundNode of another view holding the node."""
        vm = self.live_view(vi)
        if vm is None:
            return
        pa, pb = a % len(vm.nodes), b % len(vm.nodes)
        ua, ub = vm.nodes[pa], vm.nodes[pb]
        src = self.bound(vm, pa)
        if cross:
            for other in self.live():
                if other is not vm and ua in other.nodes:
                    src = other.g.bind(self.node_refs[ua])
                    break
        before = self.model_edges_at(vm, ua, t, True)
        assert vm.g.create_and_insert_edge(src, self.bound(vm, pb), t, d, name) is None
        ref = self.discover_new_edge(vm, pa, t, before)
        assert ref.get_attr("k_a") is None
        self.record_edge(vm, ref, ua, ub, t, d, name, {})

    @rule(vi=picks, edges=st.lists(st.tuples(st.integers(0, MAX_NODES + 2), st.integers(0, MAX_NODES + 2),
                                               edge_types, directions), min_size=1, max_size=4))
    def add_edges_by_index(self, vi: int, edges: list) -> None:
        """The integer API: IndexError (and no change) for an index past the view's nodes."""
        for i, j, t, d in edges:
            self.add_edge_by_index(vi, i, j, t, d)

    def add_edge_by_index(self, vi: int, i: int, j: int, t: int, d) -> None:
        vm = self.view(vi)
        if not vm.alive:
            with pytest.raises(ReferenceError):
                vm.g.add_edge(i, j, t, d)
            return
        indexed = len(vm.nodes) - 1
        i, j = i % (indexed + 2), j % (indexed + 2)  # mostly indices of the view, sometimes the first past them
        if i >= indexed or j >= indexed:
            self.assert_refuses(vm, IndexError, lambda: vm.g.add_edge(i, j, t, d))
            if i >= indexed:
                with pytest.raises(IndexError):
                    vm.g.node_at(i)
            return
        ua, ub = vm.nodes[i + 1], vm.nodes[j + 1]
        before = self.model_edges_at(vm, ua, t, True)
        assert vm.g.add_edge(i, j, t, d) is None
        ref = self.discover_new_edge(vm, i + 1, t, before)
        self.record_edge(vm, ref, ua, ub, t, d, None, {})

    # --- rules: reading ------------------------------------------------------------------------

    @rule(vi=picks, n=picks, t=edge_types, d=directions)
    def visit_edges(self, vi: int, n: int, t: int, d) -> None:
        vm = self.view(vi)
        if not vm.alive:
            bn = vm.bound[n % len(vm.bound)]
            with pytest.raises(ReferenceError):
                bn.visit_edges_of_type(t, None, lambda c, e: None, directed=d)
            return
        pos = n % len(vm.nodes)
        seen = self.visit(self.bound(vm, pos), t, d)
        assert len(seen) == len(set(seen)), "an edge was visited twice"
        assert set(seen) == self.model_edges_at(vm, vm.nodes[pos], t, d)
        for ref in seen:
            assert ref.edge_type() == t

    @rule(vi=picks, n=picks, t=edge_types, d=directions)
    def neighbours(self, vi: int, n: int, t: int, d) -> None:
        vm = self.live_view(vi)
        if vm is None:
            return
        pos = n % len(vm.nodes)
        u = vm.nodes[pos]
        got = self.bound(vm, pos).get_neighbours(t, directed=d)
        assert all(isinstance(x, BoundNode) and x.g() is vm.g for x in got)
        want = Counter()
        for ref in self.model_edges_at(vm, u, t, d):
            e = self.edges[ref]
            want[e.tgt if (d is True or (d is None and e.src == u)) else e.src] += 1
        assert Counter(x.node().get_uuid() for x in got) == want

    @rule(ni=picks, key=st.text("abxyzé", min_size=1, max_size=3).map(lambda s: "k_" + s))
    def read_node_attrs(self, ni: int, key: str) -> None:
        u = self.node_uuid(ni)
        ref, attrs = self.node_refs[u], self.node_attrs[u]
        assert ref.get_dynamic_attrs() == attrs
        for k, v in attrs.items():
            assert same_value(ref.get_attr(k), v), (k, ref.get_attr(k), v)
        if key not in attrs:
            assert ref.get_attr(key) is None
        # The same node read through every live view holding it.
        for vm in self.live():
            if u in vm.nodes:
                assert vm.g.bind(ref).node().get_dynamic_attrs() == attrs

    @precondition(lambda self: self.edge_list)
    @rule(ei=picks, key=st.text("abxyzé", min_size=1, max_size=3).map(lambda s: "k_" + s))
    def read_edge_attrs(self, ei: int, key: str) -> None:
        em = self.edge_list[ei % len(self.edge_list)]
        r = em.ref
        assert (r.edge_type(), r.directional(), r.name()) == (em.type, em.directional, em.name)
        assert r.source().get_uuid() == em.src and r.target().get_uuid() == em.tgt
        for k, v in em.attrs.items():
            assert same_value(r.get_attr(k), v), (k, r.get_attr(k), v)
        if key not in em.attrs:
            assert r.get_attr(key) is None
        assert r.is_same(r) and r == em.ref and hash(r) == hash(em.ref)

    @rule(vi=picks, n=picks, types=st.just(set(EDGE_TYPES)) | st.sets(edge_types, max_size=4), d=directions,
          keep=st.booleans())
    def bfs(self, vi: int, n: int, types: set, d, keep: bool) -> None:
        """BFS from the picked node and up to 7 others of the view: each reached node once, by a shortest
        path (its length the model's distance) whose edges lead there, each of the types, each the right way."""
        vm = self.view(vi)
        if not vm.alive:
            with pytest.raises(ReferenceError):
                vm.g.bfs(vm.bound[n % len(vm.bound)], sorted(types), directed=d)
            return
        first = n % len(vm.nodes)
        others = [p for p in range(len(vm.nodes)) if p != first]
        for pos in [first, *others[:: max(1, len(others) // 7)]]:  # at most 8 starts: bounded cost
            self.bfs_from(vm, pos, types, d, keep and pos == first)

    def bfs_from(self, vm: ViewM, pos: int, types: set, d, keep: bool) -> None:
        start = vm.nodes[pos]
        paths = vm.g.bfs(self.bound(vm, pos), sorted(types), directed=d)
        dist = self.model_bfs(vm, start, types, d)
        ends = [p.get_end_node().node().get_uuid() for p in paths]
        assert len(ends) == len(set(ends)), "a node was reached twice"
        assert set(ends) == set(dist), (sorted(ends), sorted(dist))
        for p, end in zip(paths, ends):
            assert isinstance(p, BFSPath)
            assert p.get_start_node().node().get_uuid() == start
            assert p.get_length() == dist[end], (p.get_length(), dist[end])
            edges = p.get_edges()
            assert len(edges) == p.get_length()
            self.check_walk(vm, start, end, [be.edge() for be in edges], types, d)
            if keep and len(self.paths) < 40:
                self.paths.append((vm, p, end, dist[end], [be.edge() for be in edges]))

    def model_bfs(self, vm: ViewM, start: int, types: set, d) -> dict[int, int]:
        adj: dict[int, list[int]] = {}
        for ref in vm.edges:
            e = self.edges[ref]
            if e.type not in types:
                continue
            adj.setdefault(e.src, []).append(e.tgt)
            if d is False or (d is None and e.directional is not True):
                adj.setdefault(e.tgt, []).append(e.src)
        dist = {start: 0}
        todo = deque([start])
        while todo:
            u = todo.popleft()
            for w in adj.get(u, ()):
                if w not in dist:
                    dist[w] = dist[u] + 1
                    todo.append(w)
        return dist

    def check_walk(self, vm: ViewM, start: int, end: int, refs: list, types: set, d) -> None:
        """`refs` lead from `start` to `end` over edges of this view, of the types, each the right way."""
        cur = start
        for ref in refs:
            assert ref in vm.edges, "a path uses an edge that is not in the view"
            e = self.edges[ref]
            assert e.type in types
            backwards_ok = d is False or (d is None and e.directional is not True)
            if e.src == cur:
                cur = e.tgt
            elif e.tgt == cur and backwards_ok:
                cur = e.src
            else:
                raise AssertionError(f"path edge {e} does not continue from node {cur}")
        assert cur == end

    # --- rules: callbacks (hostile) ------------------------------------------------------------

    @rule(vi=picks, n=picks, t=edge_types, k=st.integers(1, 4), exc=st.sampled_from([Boom, KeyError, StopIteration]))
    def callback_raises(self, vi: int, n: int, t: int, k: int, exc: type) -> None:
        """The k-th call of the visitor raises: the visit stops there and the exception is the caller's."""
        vm = self.live_view(vi)
        if vm is None:
            return
        pos = n % len(vm.nodes)
        m = len(self.model_edges_at(vm, vm.nodes[pos], t, None))
        calls = []

        def f(ctx: object, be: BoundEdge) -> None:
            calls.append(be)
            if len(calls) == k:
                raise exc("from the callback")

        if m >= k:
            with pytest.raises(exc, match="from the callback"):
                self.bound(vm, pos).visit_edges_of_type(t, None, f)
            assert len(calls) == k
        else:
            self.bound(vm, pos).visit_edges_of_type(t, None, f)
            assert len(calls) == m

    @rule(vi=picks, n=picks, t=edge_types)
    def callback_grows_the_view(self, vi: int, n: int, t: int) -> None:
        """A visitor that adds a node and an edge of the visited type at each call: the visit sees the
        edges present when it started, and everything added is there afterwards."""
        vm = self.live_view(vi)
        if vm is None:
            return
        pos = n % len(vm.nodes)
        u = vm.nodes[pos]
        snapshot = self.model_edges_at(vm, u, t, None)
        if len(vm.nodes) + len(snapshot) > MAX_NODES:
            return
        bn = self.bound(vm, pos)
        seen = []

        def f(ctx: object, be: BoundEdge) -> None:
            seen.append(be.edge())
            ref = NodeReference.create(k_cb=len(seen))
            vm.g.insert_node(ref)
            e = EdgeReference.create(self.node_refs[u], ref, t)
            vm.g.insert_edge(e)
            added.append((ref, e))

        added: list = []
        bn.visit_edges_of_type(t, None, f)
        assert set(seen) == snapshot and len(seen) == len(snapshot)
        for ref, e in added:
            vm.nodes.append(self.known_node(ref, {"k_cb": ref.get_attr("k_cb")}))
            self.record_edge(vm, e, u, ref.get_uuid(), t, None, None, {})

    @rule(vi=picks, n=picks, t=edge_types)
    def callback_reenters(self, vi: int, n: int, t: int) -> None:
        """A visitor that runs a nested visit, a BFS and a neighbour query of the same view: each answers
        as the model says, and the outer visit still sees each of its edges once."""
        vm = self.live_view(vi)
        if vm is None:
            return
        pos = n % len(vm.nodes)
        u = vm.nodes[pos]
        bn = self.bound(vm, pos)
        seen = []

        def f(ctx: object, be: BoundEdge) -> None:
            seen.append(be.edge())
            e = self.edges[be.edge()]
            other = e.tgt if e.src == u else e.src
            inner = self.visit(vm.g.bind(self.node_refs[other]), t, None)
            assert set(inner) == self.model_edges_at(vm, other, t, None)
            ends = {p.get_end_node().node().get_uuid() for p in vm.g.bfs(bn, [t], directed=False)}
            assert ends == set(self.model_bfs(vm, u, {t}, False))
            assert len(bn.get_neighbours(t)) == len(self.model_edges_at(vm, u, t, None))

        bn.visit_edges_of_type(t, None, f)
        assert len(seen) == len(set(seen)) and set(seen) == self.model_edges_at(vm, u, t, None)

    @precondition(lambda self: len(self.live()) > 1 and self.steps - self.last_view_change > 8)
    @rule(vi=picks, n=picks, t=edge_types)
    def callback_destroys_the_view(self, vi: int, n: int, t: int) -> None:
        """A visitor that destroys the view it visits: the visit stops with ReferenceError (when edges were
        left to visit) and the view is gone; the other views holding the same nodes are untouched."""
        vm = self.live_view(vi)
        pos = n % len(vm.nodes)
        m = len(self.model_edges_at(vm, vm.nodes[pos], t, None))
        calls = []

        def f(ctx: object, be: BoundEdge) -> None:
            calls.append(be)
            vm.g.destroy()

        bn = self.bound(vm, pos)
        if m:
            try:
                bn.visit_edges_of_type(t, None, f)
            except ReferenceError:
                pass
            else:
                assert m == 1, "the visit went on over a destroyed view"  # the only edge: nothing left to visit
            assert len(calls) == 1
            with pytest.raises(ReferenceError):
                calls[0].edge()
            self.last_view_change = self.steps
            vm.alive = False
            vm.stored.clear()
        else:
            bn.visit_edges_of_type(t, None, f)
            assert calls == []

    # --- rules: views of each other ------------------------------------------------------------

    @rule(vi=picks, ni=picks)
    def node_of_another_view(self, vi: int, ni: int) -> None:
        """A node this view does not hold: bind, bfs, create_and_insert_edge and insert_edge refuse it."""
        vm = self.live_view(vi)
        if vm is None:
            return
        outside = [u for u in self.node_refs if u not in vm.nodes]
        if not outside:
            return
        u = outside[ni % len(outside)]
        ref = self.node_refs[u]
        holder = next((o for o in self.live() if u in o.nodes), None)
        self.assert_refuses(vm, ValueError, lambda: vm.g.bind(ref))
        self.assert_refuses(vm, ValueError, lambda: vm.g.insert_edge(EdgeReference.create(ref, self.node_refs[vm.nodes[0]], 1)))
        if holder is not None:
            other_bn = holder.g.bind(ref)
            here = self.bound(vm, 0)
            self.assert_refuses(vm, ValueError, lambda: vm.g.bfs(other_bn, [0, 1]))
            self.assert_refuses(vm, ValueError, lambda: vm.g.create_and_insert_edge(here, other_bn, 1))
            self.assert_refuses(vm, ValueError, lambda: vm.g.get_subgraph_from_nodes([here, other_bn]))

    @rule(vi=picks, k=picks)
    def wrong_types(self, vi: int, k: int) -> None:
        """One call with a value of the wrong type or range: TypeError/OverflowError/ValueError, no change."""
        vm = self.live_view(vi)
        if vm is None:
            return
        bn = self.bound(vm, len(vm.nodes) - 1)
        calls = (
            lambda: bn.visit_edges_of_type(256, None, print),
            lambda: bn.visit_edges_of_type(-1, None, print),
            lambda: bn.get_neighbours("1"),
            lambda: vm.g.bfs(bn, [256]),
            lambda: vm.g.bfs(bn, 1),
            lambda: vm.g.insert_node(bn),
            lambda: vm.g.insert_edge(bn.node()),
            lambda: vm.g.create_and_insert_edge(bn, bn.node(), 1),
            lambda: vm.g.create_and_insert_edge(bn, bn, 300),
            lambda: vm.g.add_edge(-1, 0, 1),
            lambda: vm.g.node_at("0"),
            lambda: NodeReference.create(k=[1]),
            lambda: NodeReference.create(k=2**63),
            lambda: bn.load(5),
        )
        self.assert_refuses(vm, (TypeError, OverflowError, ValueError), calls[k % len(calls)])

    @rule(vi=picks, sel=st.lists(picks, max_size=6))
    def subgraph(self, vi: int, sel: list) -> None:
        """A new view with the chosen nodes (duplicates ignored, order kept) and the edges between them."""
        vm = self.view(vi)
        if not vm.alive:
            with pytest.raises(ReferenceError):
                vm.g.get_subgraph_from_nodes([])
            return
        if len(self.views) >= MAX_VIEWS:
            return
        chosen = [vm.nodes[s % len(vm.nodes)] for s in sel]
        sub = vm.g.get_subgraph_from_nodes([self.bound(vm, vm.nodes.index(u)) for u in chosen])
        assert isinstance(sub, GraphView) and sub is not vm.g
        s = sub.get_self_node()
        su = self.known_node(s.node(), {})
        assert su not in vm.nodes
        order = list(dict.fromkeys(chosen))
        sm = ViewM(g=sub, nodes=[su, *order], bound=[s])
        keep = set(order)
        sm.edges = {r for r in vm.edges if self.edges[r].src in keep and self.edges[r].tgt in keep}
        self.views.append(sm)

    @rule(vi=picks, vj=picks)
    def merge(self, vi: int, vj: int) -> None:
        """insert_subgraph: every node of the other view (its self node as an ordinary one), then its edges."""
        a, b = self.view(vi), self.view(vj)
        if not (a.alive and b.alive):
            with pytest.raises(ReferenceError):
                a.g.insert_subgraph(b.g)
            return
        new = [u for u in b.nodes if u not in a.nodes] if a is not b else []
        if len(a.nodes) + len(new) > MAX_NODES:
            return
        assert a.g.insert_subgraph(b.g) is None
        a.nodes.extend(new)
        a.edges |= b.edges

    @rule(vi=picks, n=picks, what=st.sampled_from(["payload", "int", "str", "view", "node"]))
    def store_and_load(self, vi: int, n: int, what: str) -> None:
        vm = self.view(vi)
        if not vm.alive:
            with pytest.raises(ReferenceError):
                vm.bound[n % len(vm.bound)].store(1)
            return
        pos = n % len(vm.nodes)
        bn = self.bound(vm, pos)
        obj = {"payload": Payload(), "int": n, "str": f"s{n}", "view": vm.g, "node": bn}[what]
        bn.store(obj)
        vm.stored[vm.nodes[pos]] = obj
        assert bn.load(type(obj)) is obj
        assert bn.try_load(bytes) is None
        with pytest.raises(TypeError):
            bn.load(bytes)

    @precondition(lambda self: len(self.live()) > 1 and self.steps - self.last_view_change > 8)
    @rule(vi=picks)
    def destroy(self, vi: int) -> None:
        """destroy(): the view and every BoundNode, BoundEdge and BFSPath of it raise ReferenceError at once;
        what it stored is released; its NodeReferences and EdgeReferences keep working."""
        vm = self.view(vi)
        if not vm.alive:
            with pytest.raises(ReferenceError):
                vm.g.destroy()
            return
        watched = [weakref.ref(o) for o in vm.stored.values() if isinstance(o, Payload)]
        elsewhere = {id(o) for other in self.views if other is not vm for o in other.stored.values()}
        watched = [w for w in watched if id(w()) not in elsewhere]
        assert vm.g.destroy() is None
        self.last_view_change = self.steps
        vm.alive = False
        vm.stored.clear()
        assert all(w() is None for w in watched), "destroy() kept stored data alive (no gc needed)"
        bn = vm.bound[-1]
        for call in (
            vm.g.get_node_count, vm.g.get_edge_count, vm.g.get_nodes, vm.g.get_self_node,
            vm.g.create_and_insert_node, vm.g.add_node, lambda: vm.g.node_at(0),
            lambda: vm.g.bind(self.node_refs[vm.nodes[0]]), lambda: vm.g.bfs(bn, [1]),
            bn.node, bn.g, bn.index, lambda: bn.get_neighbours(1), lambda: bn.try_load(object),
            vm.g.destroy,
        ):
            with pytest.raises(ReferenceError):
                call()
        for u in vm.nodes:
            assert self.node_refs[u].get_dynamic_attrs() == self.node_attrs[u]

    # --- invariants ----------------------------------------------------------------------------

    @invariant()
    def count_steps(self) -> None:
        """Not a check: counts steps, so that views come and go once in a while, not at every other step."""
        self.steps += 1

    @invariant()
    def views_match_the_model(self) -> None:
        for vm in self.views:
            g = vm.g
            if not vm.alive:
                with pytest.raises(ReferenceError):
                    g.get_node_count()
                continue
            assert g.get_node_count() == len(vm.nodes)
            assert g.get_edge_count() == len(vm.edges)
            nodes = g.get_nodes()
            assert [b.node().get_uuid() for b in nodes] == vm.nodes
            assert g.get_self_node().node().get_uuid() == vm.nodes[0]
            assert [b.index() for b in nodes] == [None, *range(len(vm.nodes) - 1)]
            # The whole adjacency: each node's outgoing edges of each type in use, as neighbours.
            types = {self.edges[r].type for r in vm.edges}
            want = Counter((self.edges[r].src, self.edges[r].type, self.edges[r].tgt) for r in vm.edges)
            got = Counter()
            for b in nodes:
                u = b.node().get_uuid()
                for t in types:
                    for x in b.get_neighbours(t, directed=True):
                        got[(u, t, x.node().get_uuid())] += 1
            assert got == want
            for u, obj in vm.stored.items():
                assert g.bind(self.node_refs[u]).load(object) is obj

    @invariant()
    def kept_paths_answer_as_before(self) -> None:
        for vm, p, end, length, refs in self.paths:
            if not vm.alive:
                with pytest.raises(ReferenceError):
                    p.get_length()
                continue
            assert p.get_length() == length
            assert p.get_end_node().node().get_uuid() == end
            assert [be.edge() for be in p.get_edges()] == refs


TestGraphView = GraphMachine.TestCase
