//! `NodeReference` and `EdgeReference`: nodes and edges that exist on their own, before and across
//! views. They hold the engine's shared, immutable data, so they hold no Python objects (not GC).

use pyzig::{Obj, Py, PyResult};
use pyzig_graph::{EdgeData, EdgeRef, NodeData, NodeRef};

use super::convert::{attrs_from_py, attrs_to_dict, graph_err, value_to_py};

pub struct NodeReference {
    pub node: NodeRef,
}

pyzig::class! {
    /// A node: a unique id and attributes. Exists on its own; insert it into views.
    #[pyclass(module = "pyzig.graph", name = "NodeReference", factory = "NodeReference.create()")]
    impl NodeReference {
        /// A new node with the given attributes (each a bool, int, float or str).
        #[stub("(**attrs: int | float | bool | str) -> NodeReference")]
        #[staticmethod]
        fn create(#[kwargs] attrs: Vec<(String, Obj)>) -> PyResult<NodeReference> {
            Ok(NodeReference { node: NodeData::new(attrs_from_py(&attrs)?).map_err(graph_err)? })
        }

        /// The attribute `key`, or None.
        #[stub("(self, key: str) -> int | float | bool | str | None")]
        fn get_attr(&self, key: &str) -> PyResult<Option<Obj>> {
            self.node.attr(key).map(value_to_py).transpose()
        }

        /// All attributes as a dict.
        #[stub("(self) -> dict[str, int | float | bool | str]")]
        fn get_dynamic_attrs(&self) -> PyResult<Obj> {
            attrs_to_dict(self.node.attrs())
        }

        /// The node's id, unique in the process.
        fn get_uuid(&self) -> u64 {
            self.node.uuid()
        }

        /// True if `other` is the same node.
        fn is_same(&self, other: Py<NodeReference>) -> PyResult<bool> {
            Ok(self.node.is_same(&other.borrow()?.node))
        }

        /// Equal when the same node (like `is_same`), so references work as dict keys.
        fn __eq__(&self, other: Py<NodeReference>) -> bool {
            other.borrow().is_ok_and(|o| self.node.is_same(&o.node))
        }

        fn __hash__(&self) -> u64 {
            self.node.uuid()
        }
    }
}

pub struct EdgeReference {
    pub edge: EdgeRef,
}

pyzig::class! {
    /// A typed edge between two nodes. Exists on its own; insert it into views holding both ends.
    #[pyclass(module = "pyzig.graph", name = "EdgeReference", factory = "EdgeReference.create()")]
    impl EdgeReference {
        /// A new edge with the given attributes (each a bool, int, float or str). `edge_type` is
        /// 0..=255; `directional=True` makes BFS follow it only from source to target by default.
        #[stub("(source: NodeReference, target: NodeReference, edge_type: int, directional: bool | None = ..., name: \
            str | None = ..., **attrs: int | float | bool | str) -> EdgeReference")]
        #[staticmethod]
        fn create(
            source: Py<NodeReference>,
            target: Py<NodeReference>,
            edge_type: u8,
            directional: Option<bool> = None,
            name: Option<String> = None,
            #[kwargs] attrs: Vec<(String, Obj)>,
        ) -> PyResult<EdgeReference> {
            let s = source.borrow()?.node.clone();
            let t = target.borrow()?.node.clone();
            let name = name.map(String::into_boxed_str);
            let edge = EdgeData::new(s, t, edge_type, directional, name, attrs_from_py(&attrs)?);
            Ok(EdgeReference { edge: edge.map_err(graph_err)? })
        }

        fn source(&self) -> NodeReference {
            NodeReference { node: self.edge.source().clone() }
        }

        fn target(&self) -> NodeReference {
            NodeReference { node: self.edge.target().clone() }
        }

        fn edge_type(&self) -> u8 {
            self.edge.edge_type()
        }

        fn directional(&self) -> Option<bool> {
            self.edge.directional()
        }

        fn name(&self) -> Option<String> {
            self.edge.name().map(str::to_owned)
        }

        /// The attribute `key`, or None.
        #[stub("(self, key: str) -> int | float | bool | str | None")]
        fn get_attr(&self, key: &str) -> PyResult<Option<Obj>> {
            self.edge.attr(key).map(value_to_py).transpose()
        }

        /// True if `other` is the same edge (same id).
        fn is_same(&self, other: Py<EdgeReference>) -> PyResult<bool> {
            Ok(self.edge.is_same(&other.borrow()?.edge))
        }

        /// Equal when the same edge (like `is_same`), so references work as dict keys.
        fn __eq__(&self, other: Py<EdgeReference>) -> bool {
            other.borrow().is_ok_and(|o| self.edge.is_same(&o.edge))
        }

        fn __hash__(&self) -> u64 {
            self.edge.uuid()
        }
    }
}
