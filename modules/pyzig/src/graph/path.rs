//! `BFSPath`: one shortest path of a `GraphView.bfs` result. The paths of one search share its tree;
//! a path's edges are rebuilt from parent pointers on request, in O(length).

use std::sync::Arc;

use pyzig::{Py, PyResult, Traverse, Visit};
use pyzig_graph::{BfsTree, NodeIx};

use super::bound::{BoundEdge, BoundNode};
use super::view::GraphView;

pub struct BFSPath {
    pub g: Py<GraphView>,
    pub tree: Arc<BfsTree>,
    pub end: NodeIx,
    pub length: u32,
}

impl Traverse for BFSPath {
    fn traverse(&self, visit: &mut Visit<'_>) {
        visit.py(&self.g);
    }
    fn clear(&mut self) {}
}

pyzig::class! {
    /// A shortest path found by `GraphView.bfs`.
    #[pyclass(module = "pyzig.graph", name = "BFSPath", gc = true, factory = "GraphView.bfs()")]
    impl BFSPath {
        /// Number of edges.
        fn get_length(&self) -> PyResult<u32> {
            self.g.borrow()?;
            Ok(self.length)
        }

        fn get_start_node(&self) -> PyResult<BoundNode> {
            self.g.borrow()?;
            Ok(BoundNode { g: self.g.clone(), ix: self.tree.start() })
        }

        fn get_end_node(&self) -> PyResult<BoundNode> {
            self.g.borrow()?;
            Ok(BoundNode { g: self.g.clone(), ix: self.end })
        }

        /// The edges from start to end, in order.
        fn get_edges(&self) -> PyResult<Vec<BoundEdge>> {
            let g = self.g.borrow()?;
            let edges = self.tree.path(&g.state.graph, self.end).unwrap_or_default();
            Ok(edges.into_iter().map(|ix| BoundEdge { g: self.g.clone(), ix }).collect())
        }
    }
}
