//! GraphView: a set of nodes and edges with adjacency grouped by edge type.

use crate::attrs::Attrs;
use crate::edge::{EdgeData, EdgeRef, EdgeType};
use crate::error::GraphError;
use crate::idhash::UuidMap;
use crate::node::{NodeData, NodeRef};

/// Index of a node inside one view (dense, in insertion order; the self node is 0).
pub type NodeIx = u32;
/// Index of an edge inside one view (dense, in insertion order).
pub type EdgeIx = u32;

const SOURCE: u8 = 1;
const TARGET: u8 = 2;
/// The edge's `directional` is `Some(true)`: kept here so traversals need not read the edge.
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
    fn matches(&self, directed: Option<bool>) -> bool {
        match directed {
            None => true,
            Some(true) => self.is_source(),
            Some(false) => self.is_target(),
        }
    }
}

/// Edges of one type at one node. A node has few distinct types, so finding the group is a short
/// scan and visiting type T costs O(types at the node + deg_T).
#[derive(Debug)]
struct TypeGroup {
    edge_type: EdgeType,
    adj: Vec<Adj>,
}

#[derive(Debug)]
struct NodeSlot {
    node: NodeRef,
    groups: Vec<TypeGroup>,
}

#[derive(Debug)]
struct EdgeSlot {
    edge: EdgeRef,
    source: NodeIx,
    target: NodeIx,
}

#[derive(Debug)]
pub struct GraphView {
    nodes: Vec<NodeSlot>,
    node_ix: UuidMap<NodeIx>,
    edges: Vec<EdgeSlot>,
    edge_ix: UuidMap<EdgeIx>,
}

/// Where the adjacency entry for one endpoint goes; decided (and memory reserved) before any change.
enum Place {
    Existing(usize),
    New(Vec<Adj>),
}

impl GraphView {
    /// A new view holding only its self node.
    pub fn new() -> Result<Self, GraphError> {
        let mut g = GraphView {
            nodes: Vec::new(),
            node_ix: UuidMap::default(),
            edges: Vec::new(),
            edge_ix: UuidMap::default(),
        };
        g.insert_node(&NodeData::new(Attrs::new()))?;
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

    /// The edge at `ix`. Panics if `ix` is not an index of this view.
    pub fn edge(&self, ix: EdgeIx) -> &EdgeRef {
        &self.edges[ix as usize].edge
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

    pub fn find_node(&self, node: &NodeData) -> Option<NodeIx> {
        self.node_ix.get(&node.uuid()).copied()
    }

    pub fn find_edge(&self, edge: &EdgeData) -> Option<EdgeIx> {
        self.edge_ix.get(&edge.uuid()).copied()
    }

    /// Inserts `node`; inserting a node already in the view returns its index and changes nothing.
    pub fn insert_node(&mut self, node: &NodeRef) -> Result<NodeIx, GraphError> {
        if let Some(ix) = self.find_node(node) {
            return Ok(ix);
        }
        let ix = next_index(self.nodes.len())?;
        self.nodes.try_reserve(1)?;
        self.node_ix.try_reserve(1)?;
        self.nodes.push(NodeSlot {
            node: node.clone(),
            groups: Vec::new(),
        });
        self.node_ix.insert(node.uuid(), ix);
        Ok(ix)
    }

    /// Reserves room for `nodes` more nodes and `edges` more edges (adjacency grows on demand).
    pub fn reserve(&mut self, nodes: usize, edges: usize) -> Result<(), GraphError> {
        self.nodes.try_reserve(nodes)?;
        self.node_ix.try_reserve(nodes)?;
        self.edges.try_reserve(edges)?;
        self.edge_ix.try_reserve(edges)?;
        Ok(())
    }

    /// Creates a node without attributes and inserts it.
    pub fn create_and_insert_node(&mut self) -> Result<NodeIx, GraphError> {
        self.insert_node(&NodeData::new(Attrs::new()))
    }

    /// Inserts `edge`. Both endpoints must already be in the view, else `MissingEndpoint` and nothing
    /// changes. Inserting an edge already in the view returns its index and changes nothing.
    pub fn insert_edge(&mut self, edge: &EdgeRef) -> Result<EdgeIx, GraphError> {
        if let Some(ix) = self.find_edge(edge) {
            return Ok(ix);
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
        let ix = next_index(self.edges.len())?;
        let ty = edge.edge_type();

        // Reserve everything first, so that a failed allocation leaves the view untouched.
        self.edges.try_reserve(1)?;
        self.edge_ix.try_reserve(1)?;
        let s_place = self.reserve_adj(s, ty)?;
        let t_place = if s == t {
            None
        } else {
            Some(self.reserve_adj(t, ty)?)
        };

        self.edges.push(EdgeSlot {
            edge: edge.clone(),
            source: s,
            target: t,
        });
        self.edge_ix.insert(edge.uuid(), ix);
        let d = if edge.directional() == Some(true) {
            DIRECTIONAL
        } else {
            0
        };
        match t_place {
            None => self.commit_adj(
                s,
                ty,
                s_place,
                Adj {
                    edge: ix,
                    other: s,
                    role: SOURCE | TARGET | d,
                },
            ),
            Some(t_place) => {
                self.commit_adj(
                    s,
                    ty,
                    s_place,
                    Adj {
                        edge: ix,
                        other: t,
                        role: SOURCE | d,
                    },
                );
                self.commit_adj(
                    t,
                    ty,
                    t_place,
                    Adj {
                        edge: ix,
                        other: s,
                        role: TARGET | d,
                    },
                );
            }
        }
        Ok(ix)
    }

    fn reserve_adj(&mut self, n: NodeIx, ty: EdgeType) -> Result<Place, GraphError> {
        let groups = &mut self.nodes[n as usize].groups;
        match groups.iter().position(|g| g.edge_type == ty) {
            Some(i) => {
                groups[i].adj.try_reserve(1)?;
                Ok(Place::Existing(i))
            }
            None => {
                groups.try_reserve(1)?;
                let mut adj = Vec::new();
                adj.try_reserve(1)?;
                Ok(Place::New(adj))
            }
        }
    }

    fn commit_adj(&mut self, n: NodeIx, ty: EdgeType, place: Place, a: Adj) {
        let groups = &mut self.nodes[n as usize].groups;
        match place {
            Place::Existing(i) => groups[i].adj.push(a),
            Place::New(mut adj) => {
                adj.push(a);
                groups.push(TypeGroup { edge_type: ty, adj });
            }
        }
    }

    /// Edges of type `ty` at `n`: all of them (`directed = None`), those leaving `n`
    /// (`Some(true)`: `n` is the source) or those entering `n` (`Some(false)`: `n` is the target).
    /// Cost O(types at `n` + deg_ty(n)).
    pub fn edges_of_type(
        &self,
        n: NodeIx,
        ty: EdgeType,
        directed: Option<bool>,
    ) -> impl Iterator<Item = Adj> + '_ {
        self.adj_of_type(n, ty)
            .iter()
            .copied()
            .filter(move |a| a.matches(directed))
    }

    fn adj_of_type(&self, n: NodeIx, ty: EdgeType) -> &[Adj] {
        self.nodes[n as usize]
            .groups
            .iter()
            .find(|g| g.edge_type == ty)
            .map_or(&[][..], |g| &g.adj[..])
    }

    /// All adjacency groups of `n`, as (edge type, entries).
    pub fn adjacency(&self, n: NodeIx) -> impl Iterator<Item = (EdgeType, &[Adj])> {
        self.nodes[n as usize]
            .groups
            .iter()
            .map(|g| (g.edge_type, &g.adj[..]))
    }
}

/// Indices stay below `u32::MAX - 1` so that BFS can encode "reached via edge e" as `e + 2`.
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
        NodeData::new(Attrs::new())
    }

    fn edge(a: &NodeRef, b: &NodeRef, ty: EdgeType) -> EdgeRef {
        EdgeData::new(a.clone(), b.clone(), ty, None, None, Attrs::new())
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
        assert_eq!(g.adjacency(ia).count(), 0, "no empty group left behind");
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
        assert_eq!(others(1, None), [ix[1], ix[2], ix[3]]);
        assert_eq!(others(1, Some(true)), [ix[1], ix[2]]);
        assert_eq!(others(1, Some(false)), [ix[3]]);
        assert_eq!(others(2, None), [ix[3]]);
        assert_eq!(others(7, None), Vec::<NodeIx>::new());
        assert_eq!(g.edges_of_type(ix[1], 1, Some(false)).count(), 1);
        assert_eq!(g.edges_of_type(ix[1], 1, Some(true)).count(), 0);
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
    }
}
