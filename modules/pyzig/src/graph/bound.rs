//! `BoundNode` and `BoundEdge`: a node or edge seen through one view. They hold the view alive
//! (a strong reference), so they are GC types.

use pyzig::{Obj, Py, PyErr, PyResult, Traverse, Visit};
use pyzig_graph::{EdgeIx, NodeIx};

use super::convert::graph_err;
use super::reference::{EdgeReference, NodeReference};
use super::view::GraphView;

pub struct BoundNode {
    pub g: Py<GraphView>,
    pub ix: NodeIx,
}

impl Traverse for BoundNode {
    fn traverse(&self, visit: &mut Visit<'_>) {
        visit.py(&self.g);
    }
    fn clear(&mut self) {}
}

impl BoundNode {
    fn stored(&self) -> PyResult<Option<Obj>> {
        Ok(self.g.borrow()?.state.load(self.ix).cloned())
    }

    /// Edges (index) of type `edge_type` at this node, collected so that no borrow of the view is
    /// held while Python code runs.
    fn edges(&self, edge_type: u8, directed: Option<bool>) -> PyResult<Vec<(EdgeIx, NodeIx)>> {
        let g = self.g.borrow()?;
        Ok(g.state.graph.edges_of_type(self.ix, edge_type, directed).map(|a| (a.edge, a.other)).collect())
    }
}

pyzig::class! {
    /// A node bound to a GraphView.
    #[pyclass(module = "pyzig.graph", name = "BoundNode", gc = true, factory = "GraphView.insert_node()")]
    impl BoundNode {
        fn node(&self) -> PyResult<NodeReference> {
            let g = self.g.borrow()?;
            Ok(NodeReference { node: g.state.graph.node(self.ix).map_err(graph_err)?.clone() })
        }

        fn g(&self) -> PyResult<Py<GraphView>> {
            self.g.borrow()?;
            Ok(self.g.clone())
        }

        /// This node's index in its view (`g()`), as `GraphView.add_node` returns and
        /// `GraphView.add_edge`/`node_at` take; only meaningful in that view. None for the view's
        /// self node, which the integer API does not number.
        fn index(&self) -> PyResult<Option<u32>> {
            self.g.borrow()?;
            Ok(super::view::index_of(self.ix))
        }

        /// Calls `f(ctx, edge)` with each edge (a BoundEdge) of type `edge_type` at this node:
        /// all of them (`directed=None`), those leaving it (`True`) or those entering it (`False`).
        /// An exception raised by `f` stops the visit and propagates.
        #[stub("(self, edge_type: int, ctx: _T, f: Callable[[_T, BoundEdge], object], directed: bool | None = ...) -> \
            None")]
        fn visit_edges_of_type(&self, edge_type: u8, ctx: Obj, f: Obj, directed: Option<bool> = None) -> PyResult<()> {
            for (ix, _) in self.edges(edge_type, directed)? {
                self.g.borrow()?; // destroyed by the callback: stop with ReferenceError
                let edge = pyzig::IntoPy::into_py(BoundEdge { g: self.g.clone(), ix })?;
                f.call_array([&ctx, &edge])?;
            }
            Ok(())
        }

        /// The nodes at the other end of this node's edges of type `edge_type` (see
        /// `visit_edges_of_type` for `directed`), one per edge.
        fn get_neighbours(&self, edge_type: u8, directed: Option<bool> = None) -> PyResult<Vec<BoundNode>> {
            let g = self.g.borrow()?;
            Ok(g.state
                .graph
                .edges_of_type(self.ix, edge_type, directed)
                .map(|a| BoundNode { g: self.g.clone(), ix: a.other })
                .collect())
        }

        /// Keeps `data` for this node in this view (replacing what was there).
        fn store(&self, data: Obj) -> PyResult<()> {
            let old = self.g.borrow_mut()?.state.store(self.ix, data).map_err(graph_err)?;
            drop(old); // after the borrow: dropping may run Python code
            Ok(())
        }

        /// What `store` kept, checked to be an instance of `t`; `TypeError` if absent or not a `t`.
        #[stub("(self, t: type[_T]) -> _T")]
        fn load(&self, t: Obj) -> PyResult<Obj> {
            match self.stored()? {
                Some(o) if o.is_instance(&t)? => Ok(o),
                Some(o) => Err(PyErr::type_error(format!(
                    "stored data is {}, not {}",
                    o.type_name(),
                    t.repr().unwrap_or_default()
                ))),
                None => {
                    Obj::none().is_instance(&t)?; // a bad `t` is reported as such
                    Err(PyErr::type_error(format!(
                        "nothing stored for this node in this view (expected {})",
                        t.repr().unwrap_or_default()
                    )))
                }
            }
        }

        /// Like `load`, but None instead of `TypeError` when absent or not a `t`.
        #[stub("(self, t: type[_T]) -> _T | None")]
        fn try_load(&self, t: Obj) -> PyResult<Option<Obj>> {
            match self.stored()? {
                Some(o) => Ok(o.is_instance(&t)?.then_some(o)),
                None => {
                    Obj::none().is_instance(&t)?; // a bad `t` is reported as such, stored or not
                    Ok(None)
                }
            }
        }
    }
}

pub struct BoundEdge {
    pub g: Py<GraphView>,
    pub ix: EdgeIx,
}

impl Traverse for BoundEdge {
    fn traverse(&self, visit: &mut Visit<'_>) {
        visit.py(&self.g);
    }
    fn clear(&mut self) {}
}

pyzig::class! {
    /// An edge bound to a GraphView.
    #[pyclass(module = "pyzig.graph", name = "BoundEdge", gc = true, factory = "GraphView.insert_edge()")]
    impl BoundEdge {
        fn edge(&self) -> PyResult<EdgeReference> {
            let edge = self.g.borrow()?.state.graph.edge(self.ix).map_err(graph_err)?;
            Ok(EdgeReference { edge })
        }

        fn g(&self) -> PyResult<Py<GraphView>> {
            self.g.borrow()?;
            Ok(self.g.clone())
        }
    }
}
