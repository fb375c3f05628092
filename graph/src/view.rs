//! GraphView: a set of nodes and edges with adjacency grouped by edge type.
//!
//! Layout, chosen for insertion speed and small memory (petgraph's idea, grouped by type): nodes
//! are dense local indices into a table of 16-byte records (`table.rs`); edges are 16-byte records
//! of local indices in one vector, beside a 2-byte vector of their type and flags. Each edge is on
//! the chain of its type at each of its two ends (once, for a self-loop): `next_s` continues the
//! chain of its source, `next_t` that of its target, and a walk at node `n` follows `next_s` where
//! `n` is the source. Inserting an edge is O(1): it touches the two endpoint records and appends a
//! record, with no allocation besides amortised vector growth and no reference count. Visiting
//! the edges of type T at a node is O(types at the node + deg_T), most recent edge first.
//!
//! Uuids of what the view creates follow from the index (`uuid.rs`); edges inserted from
//! elsewhere keep theirs in a short side list, as do the few edges with a name or attributes.

use std::sync::Arc;

use crate::adj::TypeEdges;
use crate::attrs::Attrs;
use crate::edge::{EdgeData, EdgeExtra, EdgeRef, EdgeType};
use crate::error::GraphError;
use crate::hint::{Hint, next_view_id};
use crate::idhash::UuidMap;
use crate::node::{NodeData, NodeRef};
pub use crate::table::{EdgeIx, NodeIx};
use crate::table::{NIL, NodeTable};
use crate::uuid::UuidBlocks;

/// What a handle's hint says about this view.
enum Hinted {
    Here(u32),
    /// Never inserted into any view.
    Nowhere,
    /// First inserted elsewhere (or a stale hint): ask the uuid map.
    Elsewhere,
}

/// The hot record of an edge: what walks read.
#[derive(Clone, Copy, Debug)]
pub(crate) struct EdgeRec {
    pub(crate) source: NodeIx,
    pub(crate) target: NodeIx,
    /// Next edge of the same type at the source, or NIL.
    pub(crate) next_s: EdgeIx,
    /// Next edge of the same type at the target, or NIL (always NIL for a self-loop).
    pub(crate) next_t: EdgeIx,
}

/// The cold part of an edge, parallel to the records.
#[derive(Clone, Copy, Debug)]
struct Meta {
    ty: EdgeType,
    flags: u8,
}

/// `Meta::flags`: the low two bits encode `directional`.
const DIR_MASK: u8 = 0b11;
const NOT_DIRECTIONAL: u8 = 1;
const DIRECTIONAL: u8 = 2;
/// The edge has a name or attributes (in `GraphView::extras`).
const HAS_EXTRA: u8 = 4;
/// The edge came from elsewhere with its own uuid (in `GraphView::foreign`).
const FOREIGN: u8 = 8;

fn encode_directional(d: Option<bool>) -> u8 {
    match d {
        Some(true) => DIRECTIONAL,
        Some(false) => NOT_DIRECTIONAL,
        None => 0,
    }
}

/// Where an edge's uuid comes from.
enum NewUuid {
    /// The view's own: the one its index gives.
    Local,
    /// An edge from elsewhere keeps its uuid.
    Kept(u64),
}

/// Looks `ix` up in a side list sorted by edge index (they are appended in index order).
fn side<T>(list: &[(EdgeIx, T)], ix: EdgeIx) -> &T {
    let at = list.binary_search_by_key(&ix, |(i, _)| *i).expect("a flagged edge has an entry");
    &list[at].1
}

/// The uuid maps of a view are built only when needed: while every node and edge handle inserted so
/// far had no hint or this view's hint, hints alone answer "is it here, and where" (see `hint.rs`).
/// The first insertion of a handle whose hint names another view builds the map, which is kept up to
/// date from then on.
#[derive(Debug)]
pub struct GraphView {
    id: u32,
    nodes: NodeTable,
    pub(crate) edges: Vec<EdgeRec>,
    meta: Vec<Meta>,
    edge_uuids: UuidBlocks,
    /// Uuids of the edges flagged `FOREIGN`, by edge index.
    foreign: Vec<(EdgeIx, u64)>,
    /// Names and attributes of the edges flagged `HAS_EXTRA`, by edge index.
    extras: Vec<(EdgeIx, Arc<EdgeExtra>)>,
    node_ix: Option<UuidMap<NodeIx>>,
    edge_ix: Option<UuidMap<EdgeIx>>,
}

impl GraphView {
    /// A new view holding only its self node.
    pub fn new() -> Result<Self, GraphError> {
        let mut g = GraphView {
            id: next_view_id(),
            nodes: NodeTable::default(),
            edges: Vec::new(),
            meta: Vec::new(),
            edge_uuids: UuidBlocks::default(),
            foreign: Vec::new(),
            extras: Vec::new(),
            node_ix: None,
            edge_ix: None,
        };
        g.create_and_insert_node()?;
        Ok(g)
    }

    /// The node representing the view itself, created with it.
    pub fn self_node(&self) -> NodeIx {
        0
    }

    /// Number of nodes, the self node included.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// The node at `ix` (its shared data is made on the first request for a node this view
    /// created). Panics if `ix` is not an index of this view.
    pub fn node(&self, ix: NodeIx) -> Result<&NodeRef, GraphError> {
        self.nodes.data(ix, self.id)
    }

    /// The uuid of the node at `ix`. Panics if `ix` is not an index of this view.
    pub fn node_uuid(&self, ix: NodeIx) -> u64 {
        self.nodes.uuid(ix)
    }

    /// A handle on the edge at `ix` (a new `EdgeRef` with the edge's uuid). Panics if `ix` is not an
    /// index of this view.
    pub fn edge(&self, ix: EdgeIx) -> Result<EdgeRef, GraphError> {
        let e = &self.edges[ix as usize];
        EdgeData::from_parts(
            self.edge_uuid(ix),
            Hint::new(self.id, ix),
            self.node(e.source)?.clone(),
            self.node(e.target)?.clone(),
            self.edge_type(ix),
            self.edge_directional(ix),
            self.extra(ix).cloned(),
        )
    }

    fn extra(&self, ix: EdgeIx) -> Option<&Arc<EdgeExtra>> {
        (self.meta[ix as usize].flags & HAS_EXTRA != 0).then(|| side(&self.extras, ix))
    }

    pub fn edge_uuid(&self, ix: EdgeIx) -> u64 {
        if self.meta[ix as usize].flags & FOREIGN != 0 { *side(&self.foreign, ix) } else { self.edge_uuids.get(ix) }
    }

    pub fn edge_type(&self, ix: EdgeIx) -> EdgeType {
        self.meta[ix as usize].ty
    }

    /// The `directional` the edge at `ix` was created with.
    pub fn edge_directional(&self, ix: EdgeIx) -> Option<bool> {
        match self.meta[ix as usize].flags & DIR_MASK {
            DIRECTIONAL => Some(true),
            NOT_DIRECTIONAL => Some(false),
            _ => None,
        }
    }

    /// Local (source, target) of the edge at `ix`.
    pub fn endpoints(&self, ix: EdgeIx) -> (NodeIx, NodeIx) {
        let s = &self.edges[ix as usize];
        (s.source, s.target)
    }

    /// Index of `node` in this view. O(1).
    pub fn find_node(&self, node: &NodeData) -> Option<NodeIx> {
        match self.node_hint(node) {
            Hinted::Here(ix) => Some(ix),
            Hinted::Nowhere => None,
            // A node is one object, so its hint is reliable: while this view has no map, each of
            // its nodes carries this view's hint, and a node hinted elsewhere is not here.
            Hinted::Elsewhere => self.node_ix.as_ref()?.get(&node.uuid()).copied(),
        }
    }

    /// Index in this view of the node at `ix` of `other`. O(1), and makes no node data: a node
    /// whose data was never made has never left the view that created it.
    pub fn find_node_of(&self, other: &GraphView, ix: NodeIx) -> Option<NodeIx> {
        if std::ptr::eq(self, other) {
            return Some(ix);
        }
        self.find_node(other.nodes.data_if_made(ix)?)
    }

    /// Index of the edge with `edge`'s uuid in this view. O(1), except that a handle made by
    /// another view is looked for by a scan while this view has no uuid map (insertions build it).
    pub fn find_edge(&self, edge: &EdgeData) -> Option<EdgeIx> {
        match self.edge_hint(edge) {
            Hinted::Here(ix) => Some(ix),
            Hinted::Nowhere => None,
            Hinted::Elsewhere => match &self.edge_ix {
                Some(map) => map.get(&edge.uuid()).copied(),
                None => (0..self.edges.len() as EdgeIx).find(|&i| self.edge_uuid(i) == edge.uuid()),
            },
        }
    }

    fn node_hint(&self, node: &NodeData) -> Hinted {
        match node.hint.get() {
            None => Hinted::Nowhere,
            // Uuids name one node each, so the record's uuid confirms the hint.
            Some((view, ix)) if view == self.id && (ix as usize) < self.nodes.len() => {
                if self.nodes.uuid(ix) == node.uuid() { Hinted::Here(ix) } else { Hinted::Elsewhere }
            }
            Some(_) => Hinted::Elsewhere,
        }
    }

    fn edge_hint(&self, edge: &EdgeData) -> Hinted {
        match edge.hint.get() {
            // Only a handle never inserted anywhere has no hint (copies made by views carry one).
            None => Hinted::Nowhere,
            Some((view, ix)) if view == self.id && (ix as usize) < self.edges.len() => {
                if self.edge_uuid(ix) == edge.uuid() { Hinted::Here(ix) } else { Hinted::Elsewhere }
            }
            Some(_) => Hinted::Elsewhere,
        }
    }

    fn build_node_map(&mut self) -> Result<(), GraphError> {
        if self.node_ix.is_none() {
            let n = self.nodes.len();
            let mut map = UuidMap::default();
            map.try_reserve(n + 1)?;
            map.extend((0..n as NodeIx).map(|i| (self.nodes.uuid(i), i)));
            self.node_ix = Some(map);
        }
        Ok(())
    }

    fn build_edge_map(&mut self) -> Result<(), GraphError> {
        if self.edge_ix.is_none() {
            let n = self.edges.len();
            let mut map = UuidMap::default();
            map.try_reserve(n + 1)?;
            map.extend((0..n as EdgeIx).map(|i| (self.edge_uuid(i), i)));
            self.edge_ix = Some(map);
        }
        Ok(())
    }

    /// Inserts `node`; inserting a node already in the view returns its index and changes nothing.
    pub fn insert_node(&mut self, node: &NodeRef) -> Result<NodeIx, GraphError> {
        match self.node_hint(node) {
            Hinted::Here(ix) => return Ok(ix),
            Hinted::Nowhere => {}
            Hinted::Elsewhere => {
                self.build_node_map()?;
                if let Some(ix) = self.find_node(node) {
                    return Ok(ix);
                }
            }
        }
        let ix = self.push_node(Some(node.clone()))?;
        node.hint.set_first(self.id, ix);
        Ok(ix)
    }

    fn push_node(&mut self, data: Option<NodeRef>) -> Result<NodeIx, GraphError> {
        let ix = next_index(self.nodes.len())?;
        if let Some(map) = &mut self.node_ix {
            map.try_reserve(1)?;
        }
        self.nodes.push(ix, data)?;
        if let Some(map) = &mut self.node_ix {
            map.insert(self.nodes.uuid(ix), ix);
        }
        Ok(ix)
    }

    /// Reserves room for `nodes` more nodes and `edges` more edges.
    pub fn reserve(&mut self, nodes: usize, edges: usize) -> Result<(), GraphError> {
        self.nodes.reserve(nodes)?;
        self.edges.try_reserve(edges)?;
        self.meta.try_reserve(edges)?;
        if let Some(map) = &mut self.node_ix {
            map.try_reserve(nodes)?;
        }
        if let Some(map) = &mut self.edge_ix {
            map.try_reserve(edges)?;
        }
        Ok(())
    }

    /// Creates a node without attributes and inserts it. Its shared data ([`NodeRef`]) is made
    /// only when first asked for ([`GraphView::node`]).
    pub fn create_and_insert_node(&mut self) -> Result<NodeIx, GraphError> {
        self.push_node(None)
    }

    /// Inserts `edge`. Both endpoints must already be in the view, else `MissingEndpoint` and nothing
    /// changes. Inserting an edge already in the view (same uuid) returns its index and changes
    /// nothing.
    pub fn insert_edge(&mut self, edge: &EdgeData) -> Result<EdgeIx, GraphError> {
        match self.edge_hint(edge) {
            Hinted::Here(ix) => return Ok(ix),
            Hinted::Nowhere => {}
            Hinted::Elsewhere => {
                self.build_edge_map()?;
                if let Some(ix) = self.find_edge(edge) {
                    return Ok(ix);
                }
            }
        }
        let missing = |n: &NodeRef| GraphError::MissingEndpoint { edge: edge.uuid(), node: n.uuid() };
        let s = self.find_node(edge.source()).ok_or_else(|| missing(edge.source()))?;
        let t = self.find_node(edge.target()).ok_or_else(|| missing(edge.target()))?;
        let ix =
            self.insert_resolved(NewUuid::Kept(edge.uuid()), s, t, edge.edge_type(), edge.directional(), edge.extra())?;
        edge.hint.set_first(self.id, ix);
        Ok(ix)
    }

    /// Creates an edge between two nodes of this view and inserts it, without a standalone
    /// [`EdgeRef`] (one is made on request by [`GraphView::edge`]). Panics if an index is not of
    /// this view.
    pub fn create_and_insert_edge(
        &mut self,
        source: NodeIx,
        target: NodeIx,
        edge_type: EdgeType,
        directional: Option<bool>,
        name: Option<Box<str>>,
        attrs: Attrs,
    ) -> Result<EdgeIx, GraphError> {
        assert!((source.max(target) as usize) < self.nodes.len(), "endpoint not in the view");
        let extra = EdgeExtra::new(name, attrs)?;
        self.insert_resolved(NewUuid::Local, source, target, edge_type, directional, extra.as_ref())
    }

    /// Inserts the edge at `ix` of `other`, keeping its uuid; its endpoints must be in this view.
    /// `known_new`: the caller knows this view lacks it (skips the uuid map).
    pub(crate) fn insert_edge_from(
        &mut self,
        other: &GraphView,
        ix: EdgeIx,
        known_new: bool,
    ) -> Result<EdgeIx, GraphError> {
        let uuid = other.edge_uuid(ix);
        if !known_new {
            self.build_edge_map()?;
            if let Some(mine) = self.edge_ix.as_ref().and_then(|m| m.get(&uuid)) {
                return Ok(*mine);
            }
        }
        let (s, t) = other.endpoints(ix);
        let local = |n: NodeIx| {
            self.find_node_of(other, n).ok_or(GraphError::MissingEndpoint { edge: uuid, node: other.node_uuid(n) })
        };
        let (s, t) = (local(s)?, local(t)?);
        self.insert_resolved(
            NewUuid::Kept(uuid),
            s,
            t,
            other.edge_type(ix),
            other.edge_directional(ix),
            other.extra(ix),
        )
    }

    fn insert_resolved(
        &mut self,
        uuid: NewUuid,
        s: NodeIx,
        t: NodeIx,
        ty: EdgeType,
        directional: Option<bool>,
        extra: Option<&Arc<EdgeExtra>>,
    ) -> Result<EdgeIx, GraphError> {
        let ix = next_index(self.edges.len())?;
        // Reserve everything first, so that a failed allocation leaves the view untouched.
        self.edges.try_reserve(1)?;
        self.meta.try_reserve(1)?;
        self.edge_uuids.ensure(ix)?;
        let mut flags = encode_directional(directional);
        if let NewUuid::Kept(_) = uuid {
            self.foreign.try_reserve(1)?;
            flags |= FOREIGN;
        }
        if extra.is_some() {
            self.extras.try_reserve(1)?;
            flags |= HAS_EXTRA;
        }
        if let Some(map) = &mut self.edge_ix {
            map.try_reserve(1)?;
        }
        self.nodes.reserve_head(s, ty)?;
        self.nodes.reserve_head(t, ty)?;

        let next_s = std::mem::replace(self.nodes.head_mut(s, ty), ix);
        // A self-loop is on its node's chain once, through `next_s`.
        let next_t = if s == t { NIL } else { std::mem::replace(self.nodes.head_mut(t, ty), ix) };
        self.edges.push(EdgeRec { source: s, target: t, next_s, next_t });
        self.meta.push(Meta { ty, flags });
        if let NewUuid::Kept(u) = uuid {
            self.foreign.push((ix, u));
        }
        if let Some(x) = extra {
            self.extras.push((ix, x.clone()));
        }
        if let Some(map) = &mut self.edge_ix {
            let u = match uuid {
                NewUuid::Kept(u) => u,
                NewUuid::Local => self.edge_uuids.get(ix),
            };
            map.insert(u, ix);
        }
        Ok(ix)
    }

    /// Edges of type `ty` at `n`, most recent first: those leaving `n` (`directed = Some(true)`:
    /// `n` is the source), those entering `n` (`Some(false)`), or both (`None`). A self-loop is
    /// yielded once. Cost O(types at `n` + the edges of type `ty` at `n`).
    pub fn edges_of_type(&self, n: NodeIx, ty: EdgeType, directed: Option<bool>) -> TypeEdges<'_> {
        TypeEdges::new(self, n, self.nodes.head(n, ty).unwrap_or(NIL), directed)
    }

    /// Edge types with at least one edge at `n`.
    pub fn edge_types_at(&self, n: NodeIx) -> impl Iterator<Item = EdgeType> + '_ {
        self.nodes.types(n)
    }
}

/// Indices stay below `u32::MAX - 1`: `NIL` is `u32::MAX`, and BFS encodes "reached via edge e" as
/// `e + 2`. A view that large would need hundreds of GB, so this is no practical cap.
fn next_index(len: usize) -> Result<u32, GraphError> {
    u32::try_from(len).ok().filter(|&i| i < u32::MAX - 1).ok_or(GraphError::OutOfMemory)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node() -> NodeRef {
        NodeData::new(Attrs::new()).unwrap()
    }

    fn edge(a: &NodeRef, b: &NodeRef, ty: EdgeType) -> EdgeRef {
        EdgeData::new(a.clone(), b.clone(), ty, None, None, Attrs::new()).unwrap()
    }

    #[test]
    fn new_view_has_self_node() {
        let g = GraphView::new().unwrap();
        assert_eq!(g.node_count(), 1);
        assert_eq!(g.edge_count(), 0);
        assert_eq!(g.find_node(g.node(g.self_node()).unwrap()), Some(0));
    }

    #[test]
    fn insert_node_is_idempotent() {
        let mut g = GraphView::new().unwrap();
        let n = node();
        let a = g.insert_node(&n).unwrap();
        let b = g.insert_node(&n).unwrap();
        assert_eq!(a, b);
        assert_eq!(g.node_count(), 2);
        assert!(g.node(a).unwrap().is_same(&n));
    }

    #[test]
    fn insert_edge_needs_both_endpoints_and_changes_nothing_otherwise() {
        let mut g = GraphView::new().unwrap();
        let (a, b) = (node(), node());
        let ia = g.insert_node(&a).unwrap();
        let e = edge(&a, &b, 3);
        assert_eq!(g.insert_edge(&e), Err(GraphError::MissingEndpoint { edge: e.uuid(), node: b.uuid() }));
        assert_eq!(g.edge_count(), 0);
        assert_eq!(g.edges_of_type(ia, 3, None).count(), 0);
        assert_eq!(g.edge_types_at(ia).count(), 0, "no list head left behind");
        let e2 = edge(&b, &a, 3);
        assert!(matches!(g.insert_edge(&e2), Err(GraphError::MissingEndpoint { node, .. }) if node == b.uuid()));
        let ib = g.insert_node(&b).unwrap();
        let ie = g.insert_edge(&e).unwrap();
        assert_eq!(g.insert_edge(&e).unwrap(), ie, "idempotent");
        assert_eq!(g.edge_count(), 1);
        assert_eq!(g.endpoints(ie), (ia, ib));
    }

    #[test]
    fn adjacency_grouped_by_type_and_direction() {
        let mut g = GraphView::new().unwrap();
        let ns: Vec<_> = (0..4).map(|_| node()).collect();
        let ix: Vec<_> = ns.iter().map(|n| g.insert_node(n).unwrap()).collect();
        g.insert_edge(&edge(&ns[0], &ns[1], 1)).unwrap();
        g.insert_edge(&edge(&ns[0], &ns[2], 1)).unwrap();
        g.insert_edge(&edge(&ns[3], &ns[0], 1)).unwrap();
        g.insert_edge(&edge(&ns[0], &ns[3], 2)).unwrap();

        let others = |ty, d| g.edges_of_type(ix[0], ty, d).map(|a| a.other).collect::<Vec<_>>();
        // Most recent first, leaving and entering alike.
        assert_eq!(others(1, None), [ix[3], ix[2], ix[1]]);
        assert_eq!(others(1, Some(true)), [ix[2], ix[1]]);
        assert_eq!(others(1, Some(false)), [ix[3]]);
        assert_eq!(others(2, None), [ix[3]]);
        assert_eq!(others(7, None), Vec::<NodeIx>::new());
        assert_eq!(g.edges_of_type(ix[1], 1, Some(false)).count(), 1);
        assert_eq!(g.edges_of_type(ix[1], 1, Some(true)).count(), 0);
        let mut types: Vec<_> = g.edge_types_at(ix[0]).collect();
        types.sort();
        assert_eq!(types, [1, 2]);
    }

    #[test]
    fn self_loop_listed_once_with_both_roles() {
        let mut g = GraphView::new().unwrap();
        let (a, b) = (node(), node());
        let (ia, ib) = (g.insert_node(&a).unwrap(), g.insert_node(&b).unwrap());
        g.insert_edge(&edge(&b, &a, 5)).unwrap();
        g.insert_edge(&edge(&a, &a, 5)).unwrap();
        g.insert_edge(&edge(&a, &b, 5)).unwrap();
        for directed in [None, Some(true), Some(false)] {
            let adj: Vec<_> = g.edges_of_type(ia, 5, directed).collect();
            let loops: Vec<_> = adj.iter().filter(|x| x.other == ia).collect();
            // The loop both leaves and enters `a`: listed once whichever way we look.
            assert_eq!(loops.len(), 1, "{directed:?}");
            assert!(loops[0].is_source() && loops[0].is_target(), "{directed:?}");
            let others = adj.iter().filter(|x| x.other == ib).count();
            assert_eq!(others, if directed.is_none() { 2 } else { 1 }, "{directed:?}");
        }
    }

    #[test]
    fn edge_handles_from_the_view_keep_identity_and_fields() {
        let mut g = GraphView::new().unwrap();
        let (a, b) = (node(), node());
        g.insert_node(&a).unwrap();
        g.insert_node(&b).unwrap();
        let mut attrs = Attrs::new();
        attrs.set("w", crate::Value::Int(3)).unwrap();
        let e = EdgeData::new(a.clone(), b.clone(), 4, Some(false), Some("n".into()), attrs).unwrap();
        let ix = g.insert_edge(&e).unwrap();
        let back = g.edge(ix).unwrap();
        assert!(back.is_same(&e));
        assert!(back.source().is_same(&a) && back.target().is_same(&b));
        assert_eq!((back.edge_type(), back.directional(), back.name()), (4, Some(false), Some("n")));
        assert_eq!(back.attr("w"), Some(&crate::Value::Int(3)));
        assert_eq!(g.insert_edge(&back).unwrap(), ix, "same uuid: already there");
        assert_eq!((g.edge_uuid(ix), g.edge_type(ix)), (e.uuid(), 4));
    }

    #[test]
    fn handles_shared_by_views_are_found_and_deduplicated() {
        let (a, b) = (node(), node());
        let e = edge(&a, &b, 1);
        let mut v = GraphView::new().unwrap();
        let mut w = GraphView::new().unwrap();
        w.create_and_insert_node().unwrap(); // different indices in w
        for g in [&mut v, &mut w] {
            assert_eq!(g.find_node(&a), None);
            g.insert_node(&a).unwrap();
            g.insert_node(&b).unwrap();
            assert_eq!(g.find_edge(&e), None);
            g.insert_edge(&e).unwrap();
        }
        assert_eq!((v.find_node(&a), w.find_node(&a)), (Some(1), Some(2)));
        assert_eq!((v.find_edge(&e), w.find_edge(&e)), (Some(0), Some(0)));
        // A copy made by w, inserted into v and w: already there in both.
        let copy = w.edge(0).unwrap();
        assert_eq!(v.insert_edge(&copy).unwrap(), 0);
        assert_eq!(w.insert_edge(&copy).unwrap(), 0);
        assert_eq!((v.edge_count(), w.edge_count()), (1, 1));
        // A node first inserted into v is not in a third view.
        let x = GraphView::new().unwrap();
        assert_eq!(x.find_node(&a), None);
        assert_eq!(x.find_edge(&copy), None);
        // w built a node map when a (hinted to v) arrived; later nodes are indexed in it too.
        let c = node();
        assert_eq!(w.insert_node(&c).unwrap(), 4);
        assert_eq!(w.find_node(&c), Some(4));
    }

    #[test]
    fn create_and_insert_edge_makes_a_findable_edge() {
        let mut g = GraphView::new().unwrap();
        let (a, b) = (g.create_and_insert_node().unwrap(), g.create_and_insert_node().unwrap());
        let e = g.create_and_insert_edge(a, b, 6, Some(true), Some("x".into()), Attrs::new()).unwrap();
        let h = g.edge(e).unwrap();
        assert!(h.source().is_same(g.node(a).unwrap()) && h.target().is_same(g.node(b).unwrap()));
        assert_eq!((h.edge_type(), h.directional(), h.name()), (6, Some(true), Some("x")));
        assert_eq!(g.find_edge(&h), Some(e));
        assert_eq!(g.insert_edge(&h).unwrap(), e);
        assert_eq!(g.edges_of_type(b, 6, Some(false)).map(|x| x.other).collect::<Vec<_>>(), [a]);
        let mut w = GraphView::new().unwrap();
        w.insert_node(g.node(a).unwrap()).unwrap();
        w.insert_node(g.node(b).unwrap()).unwrap();
        assert_eq!(w.find_edge(&h), None);
        w.insert_edge(&h).unwrap();
        assert_eq!(w.find_edge(&h), Some(0));
    }

    #[test]
    fn same_node_in_two_views() {
        let n = node();
        let mut g1 = GraphView::new().unwrap();
        let mut g2 = GraphView::new().unwrap();
        g2.create_and_insert_node().unwrap();
        let i1 = g1.insert_node(&n).unwrap();
        let i2 = g2.insert_node(&n).unwrap();
        assert_ne!(i1, i2);
        drop(g1);
        assert!(g2.node(i2).unwrap().is_same(&n));
        assert_eq!(std::sync::Arc::strong_count(&n), 2);
    }

    #[test]
    fn grows_without_cap() {
        let mut g = GraphView::new().unwrap();
        let hub = node();
        g.insert_node(&hub).unwrap();
        for _ in 0..10_000 {
            let n = node();
            g.insert_node(&n).unwrap();
            g.insert_edge(&edge(&hub, &n, 9)).unwrap();
        }
        assert_eq!(g.node_count(), 10_002);
        assert_eq!(g.edges_of_type(1, 9, Some(true)).count(), 10_000);
        // More edge types at one node than fit inline.
        for ty in 0..=255u8 {
            let n = node();
            g.insert_node(&n).unwrap();
            g.insert_edge(&edge(&n, &hub, ty)).unwrap();
        }
        assert_eq!(g.edge_types_at(1).count(), 256);
        for ty in 0..=255u8 {
            let want = if ty == 9 { 10_001 } else { 1 };
            assert_eq!(g.edges_of_type(1, ty, None).count(), want, "type {ty}");
            assert_eq!(g.edges_of_type(1, ty, Some(false)).count(), 1, "type {ty}");
        }
    }

    #[test]
    fn view_created_nodes_get_data_only_on_request() {
        let mut g = GraphView::new().unwrap();
        let mut w = GraphView::new().unwrap();
        let (a, b) = (g.create_and_insert_node().unwrap(), g.create_and_insert_node().unwrap());
        let wa = w.create_and_insert_node().unwrap();
        assert_ne!(g.node_uuid(a), g.node_uuid(b));
        assert_ne!(g.node_uuid(a), w.node_uuid(wa));
        // Never asked for: never left g, so no other view can hold it.
        assert_eq!(w.find_node_of(&g, a), None);
        assert_eq!(g.find_node_of(&g, a), Some(a));
        let da = g.node(a).unwrap().clone();
        assert!(Arc::ptr_eq(&da, g.node(a).unwrap()), "made once");
        assert_eq!(da.uuid(), g.node_uuid(a));
        assert_eq!(g.find_node(&da), Some(a));
        assert_eq!(w.find_node(&da), None);
        let in_w = w.insert_node(&da).unwrap();
        assert_eq!(w.find_node_of(&g, a), Some(in_w));
        assert_eq!(g.find_node_of(&w, in_w), Some(a));
        // Edges made from local indices hand out endpoints with the same identity.
        let e = g.create_and_insert_edge(a, b, 1, None, None, Attrs::new()).unwrap();
        let h = g.edge(e).unwrap();
        assert!(h.source().is_same(&da) && h.target().is_same(g.node(b).unwrap()));
        assert_eq!(w.insert_edge(&h), Err(GraphError::MissingEndpoint { edge: h.uuid(), node: g.node_uuid(b) }));
        w.insert_node(g.node(b).unwrap()).unwrap();
        assert_eq!(w.insert_edge(&h).unwrap(), 0);
        assert_eq!(w.edges_of_type(in_w, 1, Some(true)).count(), 1);
    }

    #[test]
    fn uuids_names_and_attrs_per_edge_across_local_and_foreign_edges() {
        let mut g = GraphView::new().unwrap();
        let (a, b) = (node(), node());
        let (ia, ib) = (g.insert_node(&a).unwrap(), g.insert_node(&b).unwrap());
        let mut want = Vec::new();
        // More than one uuid block of edges, every kind interleaved.
        for k in 0..2500u32 {
            let name = (k % 3 == 0).then(|| format!("e{k}").into_boxed_str());
            let dir = [None, Some(true), Some(false)][(k % 7 % 3) as usize];
            let ix = if k % 2 == 0 {
                g.create_and_insert_edge(ia, ib, (k % 5) as u8, dir, name.clone(), Attrs::new()).unwrap()
            } else {
                let e = EdgeData::new(b.clone(), a.clone(), (k % 5) as u8, dir, name.clone(), Attrs::new()).unwrap();
                let ix = g.insert_edge(&e).unwrap();
                assert_eq!(g.edge_uuid(ix), e.uuid(), "an inserted edge keeps its uuid");
                ix
            };
            assert_eq!(ix, k);
            want.push((g.edge_uuid(ix), (k % 5) as u8, dir, name));
        }
        let uuids: std::collections::HashSet<_> = want.iter().map(|w| w.0).collect();
        assert_eq!(uuids.len(), want.len(), "unique");
        for (ix, (uuid, ty, dir, name)) in want.iter().enumerate() {
            let h = g.edge(ix as EdgeIx).unwrap();
            assert_eq!((h.uuid(), h.edge_type(), h.directional()), (*uuid, *ty, *dir));
            assert_eq!(h.name(), name.as_deref());
            assert_eq!(g.find_edge(&h), Some(ix as EdgeIx));
        }
        // Another view finds them by uuid once it holds them.
        let mut w = GraphView::new().unwrap();
        w.insert_subgraph(&g).unwrap();
        for (ix, (uuid, ..)) in want.iter().enumerate() {
            let h = g.edge(ix as EdgeIx).unwrap();
            let there = w.find_edge(&h).unwrap();
            assert_eq!(w.edge_uuid(there), *uuid);
            assert_eq!(w.edge(there).unwrap().name(), want[ix].3.as_deref());
        }
    }

    #[test]
    fn records_are_a_quarter_cache_line_without_over_alignment() {
        assert_eq!(size_of::<EdgeRec>(), 16);
        assert_eq!(size_of::<Meta>(), 2);
        assert!(align_of::<EdgeRec>() <= 8, "plain realloc growth needs the default alignment");
    }
}
