//! Adjacency entries and the iterator over the edges of one type at one node.

use crate::table::{EdgeIx, NIL, NodeIx};
use crate::view::GraphView;

const SOURCE: u8 = 1;
const TARGET: u8 = 2;

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
}

/// Iterator of [`GraphView::edges_of_type`]: walks the node's chain of one type, most recent edge
/// first, keeping the edges that match `directed`.
pub struct TypeEdges<'g> {
    g: &'g GraphView,
    n: NodeIx,
    cur: EdgeIx,
    directed: Option<bool>,
}

impl<'g> TypeEdges<'g> {
    pub(crate) fn new(g: &'g GraphView, n: NodeIx, head: EdgeIx, directed: Option<bool>) -> Self {
        TypeEdges { g, n, cur: head, directed }
    }
}

impl Iterator for TypeEdges<'_> {
    type Item = Adj;

    fn next(&mut self) -> Option<Adj> {
        while self.cur != NIL {
            let edge = self.cur;
            let e = &self.g.edges[edge as usize];
            let (at_source, at_target) = (e.source == self.n, e.target == self.n);
            // A chain goes on through the end that is this node (a self-loop is on it once).
            self.cur = if at_source { e.next_s } else { e.next_t };
            let wanted = match self.directed {
                None => true,
                Some(true) => at_source,
                Some(false) => at_target,
            };
            if wanted {
                return Some(Adj {
                    edge,
                    other: if at_source { e.target } else { e.source },
                    role: if at_source { SOURCE } else { 0 } | if at_target { TARGET } else { 0 },
                });
            }
        }
        None
    }
}
