//! GraphView: a set of nodes and edges with adjacency grouped by edge type.
//!
//! Layout, chosen for insertion speed and small memory: edges live in one vector of compact records;
//! each node keeps, per edge type it touches, the heads of two singly linked lists threaded through
//! those records (edges leaving it, edges entering it). Inserting an edge is O(1) with no allocation
//! besides amortised vector growth; visiting the edges of type T at a node is O(types at the node +
//! deg_T), most recent edge first.

use std::sync::Arc;

use crate::attrs::Attrs;
use crate::edge::{EdgeData, EdgeExtra, EdgeRef, EdgeType};
use crate::error::GraphError;
use crate::hint::{Hint, next_view_id};
use crate::idhash::UuidMap;
use crate::node::{NodeData, NodeRef, next_uuid};

/// Index of a node inside one view (dense, in insertion order; the self node is 0).
pub type NodeIx = u32;
/// Index of an edge inside one view (dense, in insertion order).
pub type EdgeIx = u32;

/// What a handle's hint says about this view.
enum Hinted {
    Here(u32),
    /// Never inserted into any view.
    Nowhere,
    /// First inserted elsewhere (or a stale hint): ask the uuid map.
    Elsewhere,
}

/// End of a list.
const NIL: u32 = u32::MAX;
const SOURCE: u8 = 1;
const TARGET: u8 = 2;
/// The edge's `directional` is `Some(true)`.
const DIRECTIONAL: u8 = 4;

/// One adjacency entry of a node: the edge, the node at its other end, and which end this node is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Adj {
    pub edge: EdgeIx,
    pub other: NodeIx,
    role: u8,
}

impl Adj {
    /// This node is the edge's source (both ends for a self-loop).
    pub fn is_source(&self) -> bool {
        self.role & SOURCE != 0
    }
    /// This node is the edge's target (both ends for a self-loop).
    pub fn is_target(&self) -> bool {
        self.role & TARGET != 0
    }
    /// The edge was created with `directional = Some(true)`.
    pub fn is_directional(&self) -> bool {
        self.role & DIRECTIONAL != 0
    }
}

/// List heads of one edge type at one node.
#[derive(Clone, Copy, Debug)]
struct TypeHead {
    out: EdgeIx,
    inn: EdgeIx,
    edge_type: EdgeType,
}

/// A node's list heads: two inline, since most nodes touch one or two edge types; more spill over.
#[derive(Debug)]
struct Heads {
    inline: [TypeHead; 2],
    used: u8,
    more: Vec<TypeHead>,
}

impl Heads {
    const EMPTY: TypeHead = TypeHead {
        out: NIL,
        inn: NIL,
        edge_type: 0,
    };

    fn new() -> Self {
        Heads {
            inline: [Self::EMPTY; 2],
            used: 0,
            more: Vec::new(),
        }
    }

    fn iter(&self) -> impl Iterator<Item = &TypeHead> {
        self.inline[..usize::from(self.used)]
            .iter()
            .chain(self.more.iter())
    }

    fn find(&self, ty: EdgeType) -> Option<&TypeHead> {
        self.iter().find(|h| h.edge_type == ty)
    }

    /// Makes sure `get_or_insert(ty)` will not allocate.
    fn reserve(&mut self, ty: EdgeType) -> Result<(), GraphError> {
        if usize::from(self.used) == self.inline.len() && self.find(ty).is_none() {
            self.more.try_reserve(1)?;
        }
        Ok(())
    }

    fn get_or_insert(&mut self, ty: EdgeType) -> &mut TypeHead {
        let used = usize::from(self.used);
        if let Some(i) = self.inline[..used].iter().position(|h| h.edge_type == ty) {
            return &mut self.inline[i];
        }
        if let Some(i) = self.more.iter().position(|h| h.edge_type == ty) {
            return &mut self.more[i];
        }
        let fresh = TypeHead {
            edge_type: ty,
            ..Self::EMPTY
        };
        if used < self.inline.len() {
            self.inline[used] = fresh;
            self.used += 1;
            &mut self.inline[used]
        } else {
            self.more.push(fresh);
            self.more.last_mut().expect("just pushed")
        }
    }
}

#[derive(Debug)]
struct NodeSlot {
    node: NodeRef,
    heads: Heads,
}

/// A view's copy of an edge: fixed fields inline, name and attributes shared with the `EdgeRef`.
#[derive(Debug)]
struct EdgeSlot {
    uuid: u64,
    extra: Option<Arc<EdgeExtra>>,
    source: NodeIx,
    target: NodeIx,
    next_out: EdgeIx,
    next_in: EdgeIx,
    edge_type: EdgeType,
    directional: Option<bool>,
}

/// The uuid maps of a view are built only when needed: while every node and edge handle inserted so
/// far had no hint or this view's hint, hints alone answer "is it here, and where" (see `hint.rs`).
/// The first insertion of a handle whose hint names another view builds the map, which is kept up to
/// date from then on.
#[derive(Debug)]
pub struct GraphView {
    id: u32,
    nodes: Vec<NodeSlot>,
    edges: Vec<EdgeSlot>,
    node_ix: Option<UuidMap<NodeIx>>,
    edge_ix: Option<UuidMap<EdgeIx>>,
}

impl GraphView {
    /// A new view holding only its self node.
    pub fn new() -> Result<Self, GraphError> {
        let mut g = GraphView {
            id: next_view_id(),
            nodes: Vec::new(),
            edges: Vec::new(),
            node_ix: None,
            edge_ix: None,
        };
        g.insert_node(&NodeData::new(Attrs::new())?)?;
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

    /// The node at `ix`. Panics if `ix` is not an index of this view.
    pub fn node(&self, ix: NodeIx) -> &NodeRef {
        &self.nodes[ix as usize].node
    }

    /// A handle on the edge at `ix` (a new `EdgeRef` with the edge's uuid). Panics if `ix` is not an
    /// index of this view.
    pub fn edge(&self, ix: EdgeIx) -> Result<EdgeRef, GraphError> {
        let e = &self.edges[ix as usize];
        EdgeData::from_parts(
            e.uuid,
            Hint::new(self.id, ix),
            self.node(e.source).clone(),
            self.node(e.target).clone(),
            e.edge_type,
            e.directional,
            e.extra.clone(),
        )
    }

    pub fn edge_uuid(&self, ix: EdgeIx) -> u64 {
        self.edges[ix as usize].uuid
    }

    pub fn edge_type(&self, ix: EdgeIx) -> EdgeType {
        self.edges[ix as usize].edge_type
    }

    /// Local (source, target) of the edge at `ix`.
    pub fn endpoints(&self, ix: EdgeIx) -> (NodeIx, NodeIx) {
        let s = &self.edges[ix as usize];
        (s.source, s.target)
    }

    /// Nodes in index order.
    pub fn nodes(&self) -> impl ExactSizeIterator<Item = &NodeRef> {
        self.nodes.iter().map(|s| &s.node)
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

    /// Index of the edge with `edge`'s uuid in this view. O(1), except that a handle made by
    /// another view is looked for by a scan while this view has no uuid map (insertions build it).
    pub fn find_edge(&self, edge: &EdgeData) -> Option<EdgeIx> {
        match self.edge_hint(edge) {
            Hinted::Here(ix) => Some(ix),
            Hinted::Nowhere => None,
            Hinted::Elsewhere => match &self.edge_ix {
                Some(map) => map.get(&edge.uuid()).copied(),
                None => self
                    .edges
                    .iter()
                    .position(|e| e.uuid == edge.uuid())
                    .map(|i| i as EdgeIx),
            },
        }
    }

    fn node_hint(&self, node: &NodeData) -> Hinted {
        match node.hint.get() {
            None => Hinted::Nowhere,
            Some((view, ix)) if view == self.id => match self.nodes.get(ix as usize) {
                Some(slot) if std::ptr::eq(&*slot.node, node) => Hinted::Here(ix),
                _ => Hinted::Elsewhere,
            },
            Some(_) => Hinted::Elsewhere,
        }
    }

    fn edge_hint(&self, edge: &EdgeData) -> Hinted {
        match edge.hint.get() {
            // Only a handle never inserted anywhere has no hint (copies made by views carry one).
            None => Hinted::Nowhere,
            Some((view, ix)) if view == self.id => match self.edges.get(ix as usize) {
                Some(slot) if slot.uuid == edge.uuid() => Hinted::Here(ix),
                _ => Hinted::Elsewhere,
            },
            Some(_) => Hinted::Elsewhere,
        }
    }

    fn build_node_map(&mut self) -> Result<(), GraphError> {
        if self.node_ix.is_none() {
            let mut map = UuidMap::default();
            map.try_reserve(self.nodes.len() + 1)?;
            map.extend(self.nodes.iter().zip(0..).map(|(s, i)| (s.node.uuid(), i)));
            self.node_ix = Some(map);
        }
        Ok(())
    }

    fn build_edge_map(&mut self) -> Result<(), GraphError> {
        if self.edge_ix.is_none() {
            let mut map = UuidMap::default();
            map.try_reserve(self.edges.len() + 1)?;
            map.extend(self.edges.iter().zip(0..).map(|(e, i)| (e.uuid, i)));
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
        let ix = next_index(self.nodes.len())?;
        self.nodes.try_reserve(1)?;
        if let Some(map) = &mut self.node_ix {
            map.try_reserve(1)?;
            map.insert(node.uuid(), ix);
        }
        self.nodes.push(NodeSlot {
            node: node.clone(),
            heads: Heads::new(),
        });
        node.hint.set_first(self.id, ix);
        Ok(ix)
    }

    /// Reserves room for `nodes` more nodes and `edges` more edges.
    pub fn reserve(&mut self, nodes: usize, edges: usize) -> Result<(), GraphError> {
        self.nodes.try_reserve(nodes)?;
        self.edges.try_reserve(edges)?;
        if let Some(map) = &mut self.node_ix {
            map.try_reserve(nodes)?;
        }
        if let Some(map) = &mut self.edge_ix {
            map.try_reserve(edges)?;
        }
        Ok(())
    }

    /// Creates a node without attributes and inserts it.
    pub fn create_and_insert_node(&mut self) -> Result<NodeIx, GraphError> {
        self.insert_node(&NodeData::new(Attrs::new())?)
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
        let missing = |n: &NodeRef| GraphError::MissingEndpoint {
            edge: edge.uuid(),
            node: n.uuid(),
        };
        let s = self
            .find_node(edge.source())
            .ok_or_else(|| missing(edge.source()))?;
        let t = self
            .find_node(edge.target())
            .ok_or_else(|| missing(edge.target()))?;
        let ix = self.insert_resolved(EdgeSlot {
            uuid: edge.uuid(),
            extra: edge.extra().cloned(),
            source: s,
            target: t,
            next_out: NIL,
            next_in: NIL,
            edge_type: edge.edge_type(),
            directional: edge.directional(),
        })?;
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
        assert!(
            (source.max(target) as usize) < self.nodes.len(),
            "endpoint not in the view"
        );
        self.insert_resolved(EdgeSlot {
            uuid: next_uuid(),
            extra: EdgeExtra::new(name, attrs)?,
            source,
            target,
            next_out: NIL,
            next_in: NIL,
            edge_type,
            directional,
        })
    }

    /// Inserts the edge at `ix` of `other`, keeping its uuid; its endpoints must be in this view.
    /// `known_new`: the caller knows this view lacks it (skips the uuid map).
    pub(crate) fn insert_edge_from(
        &mut self,
        other: &GraphView,
        ix: EdgeIx,
        known_new: bool,
    ) -> Result<EdgeIx, GraphError> {
        let e = &other.edges[ix as usize];
        if !known_new {
            self.build_edge_map()?;
            if let Some(mine) = self.edge_ix.as_ref().and_then(|m| m.get(&e.uuid)) {
                return Ok(*mine);
            }
        }
        let local = |n: NodeIx| {
            let node = other.node(n);
            self.find_node(node).ok_or(GraphError::MissingEndpoint {
                edge: e.uuid,
                node: node.uuid(),
            })
        };
        let (s, t) = (local(e.source)?, local(e.target)?);
        self.insert_resolved(EdgeSlot {
            uuid: e.uuid,
            extra: e.extra.clone(),
            source: s,
            target: t,
            next_out: NIL,
            next_in: NIL,
            edge_type: e.edge_type,
            directional: e.directional,
        })
    }

    fn insert_resolved(&mut self, mut slot: EdgeSlot) -> Result<EdgeIx, GraphError> {
        let ix = next_index(self.edges.len())?;
        let (s, t, ty) = (slot.source as usize, slot.target as usize, slot.edge_type);
        // Reserve everything first, so that a failed allocation leaves the view untouched.
        self.edges.try_reserve(1)?;
        if let Some(map) = &mut self.edge_ix {
            map.try_reserve(1)?;
        }
        self.nodes[s].heads.reserve(ty)?;
        self.nodes[t].heads.reserve(ty)?;

        let out = self.nodes[s].heads.get_or_insert(ty);
        slot.next_out = std::mem::replace(&mut out.out, ix);
        if s != t {
            // A self-loop is listed once, among the edges leaving its node.
            let inn = self.nodes[t].heads.get_or_insert(ty);
            slot.next_in = std::mem::replace(&mut inn.inn, ix);
        }
        if let Some(map) = &mut self.edge_ix {
            map.insert(slot.uuid, ix);
        }
        self.edges.push(slot);
        Ok(ix)
    }

    /// Edges of type `ty` at `n`, most recent first: those leaving `n` (`directed = Some(true)`:
    /// `n` is the source), those entering `n` (`Some(false)`), or both, leaving first (`None`).
    /// Cost O(types at `n` + the edges yielded).
    pub fn edges_of_type(&self, n: NodeIx, ty: EdgeType, directed: Option<bool>) -> TypeEdges<'_> {
        let (out, inn) = match self.nodes[n as usize].heads.find(ty) {
            Some(h) => (h.out, h.inn),
            None => (NIL, NIL),
        };
        match directed {
            None => TypeEdges {
                g: self,
                n,
                cur: out,
                outgoing: true,
                then_in: inn,
            },
            Some(true) => TypeEdges {
                g: self,
                n,
                cur: out,
                outgoing: true,
                then_in: NIL,
            },
            Some(false) => TypeEdges {
                g: self,
                n,
                cur: inn,
                outgoing: false,
                then_in: NIL,
            },
        }
    }

    /// Edge types with at least one edge at `n`.
    pub fn edge_types_at(&self, n: NodeIx) -> impl Iterator<Item = EdgeType> + '_ {
        self.nodes[n as usize].heads.iter().map(|h| h.edge_type)
    }
}

/// Iterator of [`GraphView::edges_of_type`].
pub struct TypeEdges<'g> {
    g: &'g GraphView,
    n: NodeIx,
    cur: EdgeIx,
    outgoing: bool,
    then_in: EdgeIx,
}

impl Iterator for TypeEdges<'_> {
    type Item = Adj;

    fn next(&mut self) -> Option<Adj> {
        if self.cur == NIL {
            if !self.outgoing || self.then_in == NIL {
                return None;
            }
            self.outgoing = false;
            self.cur = std::mem::replace(&mut self.then_in, NIL);
        }
        let e = &self.g.edges[self.cur as usize];
        let d = if e.directional == Some(true) {
            DIRECTIONAL
        } else {
            0
        };
        let adj = if self.outgoing {
            let looped = if e.target == self.n { TARGET } else { 0 };
            Adj {
                edge: self.cur,
                other: e.target,
                role: SOURCE | looped | d,
            }
        } else {
            Adj {
                edge: self.cur,
                other: e.source,
                role: TARGET | d,
            }
        };
        self.cur = if self.outgoing { e.next_out } else { e.next_in };
        Some(adj)
    }
}

/// Indices stay below `u32::MAX - 1`: `NIL` is `u32::MAX`, and BFS encodes "reached via edge e" as
/// `e + 2`. A view that large would need hundreds of GB, so this is no practical cap.
fn next_index(len: usize) -> Result<u32, GraphError> {
    u32::try_from(len)
        .ok()
        .filter(|&i| i < u32::MAX - 1)
        .ok_or(GraphError::OutOfMemory)
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
        assert_eq!(g.find_node(g.node(g.self_node())), Some(0));
    }

    #[test]
    fn insert_node_is_idempotent() {
        let mut g = GraphView::new().unwrap();
        let n = node();
        let a = g.insert_node(&n).unwrap();
        let b = g.insert_node(&n).unwrap();
        assert_eq!(a, b);
        assert_eq!(g.node_count(), 2);
        assert!(g.node(a).is_same(&n));
    }

    #[test]
    fn insert_edge_needs_both_endpoints_and_changes_nothing_otherwise() {
        let mut g = GraphView::new().unwrap();
        let (a, b) = (node(), node());
        let ia = g.insert_node(&a).unwrap();
        let e = edge(&a, &b, 3);
        assert_eq!(
            g.insert_edge(&e),
            Err(GraphError::MissingEndpoint {
                edge: e.uuid(),
                node: b.uuid()
            })
        );
        assert_eq!(g.edge_count(), 0);
        assert_eq!(g.edges_of_type(ia, 3, None).count(), 0);
        assert_eq!(g.edge_types_at(ia).count(), 0, "no list head left behind");
        let e2 = edge(&b, &a, 3);
        assert!(
            matches!(g.insert_edge(&e2), Err(GraphError::MissingEndpoint { node, .. }) if node == b.uuid())
        );
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

        let others = |ty, d| {
            g.edges_of_type(ix[0], ty, d)
                .map(|a| a.other)
                .collect::<Vec<_>>()
        };
        // Most recent first, leaving before entering.
        assert_eq!(others(1, None), [ix[2], ix[1], ix[3]]);
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
        let a = node();
        let ia = g.insert_node(&a).unwrap();
        g.insert_edge(&edge(&a, &a, 5)).unwrap();
        let adj: Vec<_> = g.edges_of_type(ia, 5, None).collect();
        assert_eq!(adj.len(), 1);
        assert!(adj[0].is_source() && adj[0].is_target());
        assert_eq!(adj[0].other, ia);
    }

    #[test]
    fn edge_handles_from_the_view_keep_identity_and_fields() {
        let mut g = GraphView::new().unwrap();
        let (a, b) = (node(), node());
        g.insert_node(&a).unwrap();
        g.insert_node(&b).unwrap();
        let mut attrs = Attrs::new();
        attrs.set("w", crate::Value::Int(3)).unwrap();
        let e = EdgeData::new(
            a.clone(),
            b.clone(),
            4,
            Some(false),
            Some("n".into()),
            attrs,
        )
        .unwrap();
        let ix = g.insert_edge(&e).unwrap();
        let back = g.edge(ix).unwrap();
        assert!(back.is_same(&e));
        assert!(back.source().is_same(&a) && back.target().is_same(&b));
        assert_eq!(
            (back.edge_type(), back.directional(), back.name()),
            (4, Some(false), Some("n"))
        );
        assert_eq!(back.attr("w"), Some(&crate::Value::Int(3)));
        assert_eq!(
            g.insert_edge(&back).unwrap(),
            ix,
            "same uuid: already there"
        );
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
        let (a, b) = (
            g.create_and_insert_node().unwrap(),
            g.create_and_insert_node().unwrap(),
        );
        let e = g
            .create_and_insert_edge(a, b, 6, Some(true), Some("x".into()), Attrs::new())
            .unwrap();
        let h = g.edge(e).unwrap();
        assert!(h.source().is_same(g.node(a)) && h.target().is_same(g.node(b)));
        assert_eq!(
            (h.edge_type(), h.directional(), h.name()),
            (6, Some(true), Some("x"))
        );
        assert_eq!(g.find_edge(&h), Some(e));
        assert_eq!(g.insert_edge(&h).unwrap(), e);
        assert_eq!(
            g.edges_of_type(b, 6, Some(false))
                .map(|x| x.other)
                .collect::<Vec<_>>(),
            [a]
        );
        let mut w = GraphView::new().unwrap();
        w.insert_node(g.node(a)).unwrap();
        w.insert_node(g.node(b)).unwrap();
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
        assert!(g2.node(i2).is_same(&n));
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
}
