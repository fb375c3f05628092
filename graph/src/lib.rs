//! Graph engine with typed edges and dynamic attributes. Pure Rust: knows nothing of Python.
//!
//! For: the data side of `pyzig.graph` — nodes and edges that exist on their own ([`NodeRef`],
//! [`EdgeRef`]) and views ([`GraphView`]) that hold any number of them, with adjacency grouped by
//! edge type, subgraphs, merging and breadth-first search with shortest paths.
//! Not for: anything Python (the extension module `modules/pyzig` wraps this crate), persistence,
//! or removal of nodes and edges (views only grow; dropping a view frees it).
//!
//! Ownership: a node or edge is immutable once created and may sit in several views and in several
//! Python handles at once, so it is shared as `Arc<NodeData>` / `Arc<EdgeData>`. `Arc` rather than
//! `Rc` because the binding's handles must be `Send + Sync` (its type registry and the interpreter
//! may drop them on any thread holding the GIL). Inside a view, nodes are dense local indices
//! ([`NodeIx`]) into compact records and edges are compact records holding local indices
//! ([`EdgeIx`]), so inserting and traversing touch no reference counts. A node the view creates
//! itself ([`GraphView::create_and_insert_node`]) has no `Arc` until one is asked for
//! ([`GraphView::node`]): until then it cannot be in any other view.
//!
//! Allocation failure: every structure a view grows is reserved with `try_reserve` before it is
//! changed, so an insertion either completes or returns [`GraphError::OutOfMemory`] and leaves the
//! view as it was.
#![forbid(unsafe_code)]

mod adj;
mod alloc;
mod attrs;
mod bfs;
mod edge;
mod error;
mod hint;
mod idhash;
mod node;
mod subgraph;
mod table;
mod uuid;
mod view;

pub use adj::{Adj, TypeEdges};
pub use attrs::{Attrs, Value};
pub use bfs::{BfsTree, Reached};
pub use edge::{EdgeData, EdgeRef, EdgeType, EdgeTypeSet};
pub use error::GraphError;
pub use node::{NodeData, NodeRef};
pub use table::{EdgeIx, NodeIx};
pub use view::GraphView;
