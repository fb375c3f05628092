//! `GraphView`: a Python handle owning an engine view and the objects stored on its nodes.

use std::sync::Arc;

use pyzig::{Obj, Py, PyErr, PyResult, Traverse, Visit};
use pyzig_graph::{Attrs, EdgeTypeSet, NodeIx};

use super::bound::{BoundEdge, BoundNode};
use super::convert::graph_err;
use super::path::BFSPath;
use super::reference::{EdgeReference, NodeReference};
use super::state::ViewState;

pub struct GraphView {
    pub state: ViewState<Obj>,
}

impl Traverse for GraphView {
    fn traverse(&self, visit: &mut Visit<'_>) {
        for o in self.state.stored() {
            visit.obj(o);
        }
    }
    fn clear(&mut self) {
        // Dropping them may run finalizers; the layer holds the view exclusively borrowed here, so
        // one that reaches the view gets an exception, never an alias.
        drop(self.state.take_stored());
    }
}

/// The index of `bn`'s node in `view` (`g`, borrowed by the caller): its own index when it is bound
/// to `g`, else looked up by identity; `ValueError` if the node is not in `g`.
fn index_in(g: &Py<GraphView>, view: &GraphView, bn: &BoundNode) -> PyResult<NodeIx> {
    if bn.g.as_obj().is(g.as_obj()) {
        return Ok(bn.ix);
    }
    let theirs = bn.g.borrow()?;
    let theirs = &theirs.state.graph;
    view.state
        .graph
        .find_node_of(theirs, bn.ix)
        .ok_or_else(|| PyErr::value_error(format!("node {} is not in this GraphView", theirs.node_uuid(bn.ix))))
}

/// The rustworkx-style integer API numbers the nodes added to a view from 0, as rustworkx does:
/// index `i` is the node at `i + 1` of the engine's view, whose slot 0 is the self node (which has
/// no index). `IndexError` naming `func`'s argument `arg` unless `i` is an index of a view holding
/// `count` nodes; else the node's slot.
#[inline]
fn slot_of(count: usize, func: &str, arg: &str, i: u32) -> PyResult<NodeIx> {
    // The engine keeps slots below u32::MAX - 1, so `i + 1` cannot overflow once `i` is checked.
    if (i as usize) + 1 < count {
        return Ok(i + 1);
    }
    Err(index_error(count.saturating_sub(1), func, arg, i))
}

/// The index of the node in `slot` (None for the self node).
pub fn index_of(slot: NodeIx) -> Option<u32> {
    slot.checked_sub(1)
}

#[cold]
#[inline(never)]
fn index_error(indexed: usize, func: &str, arg: &str, i: u32) -> PyErr {
    PyErr::index_error(format!(
        "{func}() argument '{arg}' = {i} is not a node index of this GraphView (its {indexed} indexed nodes are \
            0..{indexed})"
    ))
}

pyzig::class! {
    /// A set of nodes and typed edges. `destroy()` frees it at once; afterwards every object that
    /// reaches it raises `ReferenceError`.
    #[pyclass(module = "pyzig.graph", name = "GraphView", gc = true, factory = "GraphView.create()")]
    impl GraphView {
        /// A new, empty view (holding only its self node).
        #[staticmethod]
        fn create() -> PyResult<GraphView> {
            Ok(GraphView { state: ViewState::new().map_err(graph_err)? })
        }

        /// Inserts `node` (again: no change) and returns it bound to this view.
        fn insert_node(this: Py<Self>, node: Py<NodeReference>) -> PyResult<BoundNode> {
            let ix = {
                let n = node.borrow()?;
                this.borrow_mut()?.state.graph.insert_node(&n.node).map_err(graph_err)?
            };
            Ok(BoundNode { g: this, ix })
        }

        /// Inserts `edge`; `ValueError` (and no change) if an endpoint is not in this view.
        fn insert_edge(this: Py<Self>, edge: Py<EdgeReference>) -> PyResult<BoundEdge> {
            let ix = {
                let e = edge.borrow()?;
                this.borrow_mut()?.state.graph.insert_edge(&e.edge).map_err(graph_err)?
            };
            Ok(BoundEdge { g: this, ix })
        }

        /// Creates an edge between two nodes of this view and inserts it: one call instead of
        /// `EdgeReference.create` + `insert_edge` (an extension of the reference API). Returns None,
        /// so that building a graph allocates no Python object per edge.
        fn create_and_insert_edge(
            this: Py<Self>,
            source: Py<BoundNode>,
            target: Py<BoundNode>,
            edge_type: u8,
            directional: Option<bool> = None,
            name: Option<String> = None,
        ) -> PyResult<()> {
            let mut g = this.borrow_mut()?;
            let s = index_in(&this, &g, &*source.borrow()?)?;
            let t = index_in(&this, &g, &*target.borrow()?)?;
            let name = name.map(String::into_boxed_str);
            g.state
                .graph
                .create_and_insert_edge(s, t, edge_type, directional, name, Attrs::new())
                .map_err(graph_err)?;
            Ok(())
        }

        /// `node` bound to this view; `ValueError` if it is not in it.
        fn bind(this: Py<Self>, node: Py<NodeReference>) -> PyResult<BoundNode> {
            let ix = {
                let n = node.borrow()?;
                let g = this.borrow()?;
                g.state.graph.find_node(&n.node).ok_or_else(|| {
                    PyErr::value_error(format!("node {} is not in this GraphView", n.node.uuid()))
                })?
            };
            Ok(BoundNode { g: this, ix })
        }

        /// Creates a node without attributes, inserts it and returns it bound.
        fn create_and_insert_node(this: Py<Self>) -> PyResult<BoundNode> {
            let ix = this.borrow_mut()?.state.graph.create_and_insert_node().map_err(graph_err)?;
            Ok(BoundNode { g: this, ix })
        }

        /// Creates a node without attributes, inserts it and returns its index (the rustworkx-style
        /// integer API; see `add_edge`, `node_at`, `BoundNode.index`). Indices number the nodes
        /// of this view other than its self node, from 0 in insertion order (index `i` is
        /// `get_nodes()[i + 1]`), and are only meaningful in this view.
        fn add_node(&mut self) -> PyResult<u32> {
            let slot = self.state.graph.create_and_insert_node().map_err(graph_err)?;
            Ok(index_of(slot).expect("the self node is created first"))
        }

        /// Creates an edge between the nodes at indices `source` and `target` of this view (as
        /// returned by `add_node` or `BoundNode.index`; meaningless in another view) and inserts
        /// it. `IndexError` (and no change) if an index names no node of this view.
        fn add_edge(
            &mut self,
            source: u32,
            target: u32,
            edge_type: u8,
            directional: Option<bool> = None,
        ) -> PyResult<()> {
            let count = self.state.graph.node_count();
            let s = slot_of(count, "add_edge", "source", source)?;
            let t = slot_of(count, "add_edge", "target", target)?;
            self.state
                .graph
                .create_and_insert_edge(s, t, edge_type, directional, None, Attrs::new())
                .map_err(graph_err)?;
            Ok(())
        }

        /// The node at index `index` of this view (see `add_node`), bound; `IndexError` if there is
        /// none. Indices are only meaningful in the view that gave them.
        fn node_at(this: Py<Self>, index: u32) -> PyResult<BoundNode> {
            let ix = slot_of(this.borrow()?.state.graph.node_count(), "node_at", "index", index)?;
            Ok(BoundNode { g: this, ix })
        }

        /// Number of nodes, the self node included.
        fn get_node_count(&self) -> usize {
            self.state.graph.node_count()
        }

        fn get_edge_count(&self) -> usize {
            self.state.graph.edge_count()
        }

        /// Every node, bound, in insertion order (the self node first).
        fn get_nodes(this: Py<Self>) -> PyResult<Vec<BoundNode>> {
            let n = this.borrow()?.state.graph.node_count() as NodeIx;
            Ok((0..n).map(|ix| BoundNode { g: this.clone(), ix }).collect())
        }

        /// The node representing this view, created with it.
        fn get_self_node(this: Py<Self>) -> PyResult<BoundNode> {
            let ix = this.borrow()?.state.graph.self_node();
            Ok(BoundNode { g: this, ix })
        }

        /// A new view with `nodes` (of this view) and the edges between them.
        fn get_subgraph_from_nodes(this: Py<Self>, nodes: Vec<Py<BoundNode>>) -> PyResult<GraphView> {
            let g = this.borrow()?;
            let mut ixs = Vec::with_capacity(nodes.len());
            for bn in &nodes {
                ixs.push(index_in(&this, &g, &*bn.borrow()?)?);
            }
            let sub = g.state.graph.subgraph_from_nodes(ixs).map_err(graph_err)?;
            Ok(GraphView { state: ViewState::from_graph(sub) })
        }

        /// Inserts every node and edge of `subgraph` into this view.
        fn insert_subgraph(this: Py<Self>, subgraph: Py<GraphView>) -> PyResult<()> {
            if subgraph.as_obj().is(this.as_obj()) {
                this.borrow()?;
                return Ok(());
            }
            let other = subgraph.borrow()?;
            this.borrow_mut()?.state.graph.insert_subgraph(&other.state.graph).map_err(graph_err)
        }

        /// Breadth-first search from `start` over edges whose type is in `edge_types`: one `BFSPath`
        /// (a shortest path) per reached node, the start included. `directed=None` follows
        /// `directional=True` edges only forwards and others both ways; `True` every edge only
        /// forwards; `False` every edge both ways.
        fn bfs(
            this: Py<Self>,
            start: Py<BoundNode>,
            edge_types: Vec<u8>,
            directed: Option<bool> = None,
        ) -> PyResult<Vec<BFSPath>> {
            let tree = {
                let g = this.borrow()?;
                let start = index_in(&this, &g, &*start.borrow()?)?;
                let types: EdgeTypeSet = edge_types.into_iter().collect();
                Arc::new(g.state.graph.bfs(start, &types, directed).map_err(graph_err)?)
            };
            let paths = tree
                .reached()
                .iter()
                .map(|r| BFSPath { g: this.clone(), tree: tree.clone(), end: r.node, length: r.depth })
                .collect();
            Ok(paths)
        }

        /// Frees the view now; afterwards it and everything reaching it raise `ReferenceError`.
        fn destroy(this: Py<Self>) -> PyResult<()> {
            if this.is_released() {
                return Err(PyErr::reference_error("GraphView was already destroyed"));
            }
            this.release()
        }
    }
}
