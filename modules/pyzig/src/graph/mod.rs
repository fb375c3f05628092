//! `pyzig.graph`: Python types over the pure-Rust graph engine (`pyzig-graph`).

mod bound;
mod convert;
mod path;
mod reference;
pub mod state;
mod view;

pub use bound::{BoundEdge, BoundNode};
pub use path::BFSPath;
pub use reference::{EdgeReference, NodeReference};
pub use view::GraphView;
