//! Errors of graph operations.

use std::collections::TryReserveError;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GraphError {
    /// An allocation failed (or a view would exceed 2^32 - 1 nodes or edges, which no machine
    /// reaches before memory runs out). The operation changed nothing.
    OutOfMemory,
    /// `insert_edge`: an endpoint (by uuid) is not in the view.
    MissingEndpoint { edge: u64, node: u64 },
    /// A node (by uuid) was named that is not in the view.
    NodeNotInView { node: u64 },
}

impl fmt::Display for GraphError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GraphError::OutOfMemory => f.write_str("out of memory"),
            GraphError::MissingEndpoint { edge, node } => {
                write!(f, "edge {edge}: endpoint node {node} is not in this view; insert it first")
            }
            GraphError::NodeNotInView { node } => write!(f, "node {node} is not in this view"),
        }
    }
}

impl std::error::Error for GraphError {}

impl From<TryReserveError> for GraphError {
    fn from(_: TryReserveError) -> Self {
        GraphError::OutOfMemory
    }
}
