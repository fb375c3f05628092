//! Adjacency entries and the iterator over the edges of one type at one node.

use crate::table::{EdgeIx, NIL, NodeIx};
use crate::view::GraphView;

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

/// Iterator of [`GraphView::edges_of_type`]: the list of edges leaving the node, then the list of
/// edges entering it.
pub struct TypeEdges<'g> {
    g: &'g GraphView,
    n: NodeIx,
    cur: EdgeIx,
    outgoing: bool,
    then_in: EdgeIx,
    /// Walking the in-chain after the out-chain: self-loops (on both) were already yielded.
    skip_loops: bool,
}

impl<'g> TypeEdges<'g> {
    pub(crate) fn new(g: &'g GraphView, n: NodeIx, out: EdgeIx, inn: EdgeIx) -> Self {
        if out == NIL {
            TypeEdges {
                g,
                n,
                cur: inn,
                outgoing: false,
                then_in: NIL,
                skip_loops: false,
            }
        } else {
            TypeEdges {
                g,
                n,
                cur: out,
                outgoing: true,
                then_in: inn,
                skip_loops: false,
            }
        }
    }
}

impl Iterator for TypeEdges<'_> {
    type Item = Adj;

    fn next(&mut self) -> Option<Adj> {
        let mut e;
        loop {
            if self.cur == NIL {
                if self.then_in == NIL {
                    return None;
                }
                self.outgoing = false;
                self.skip_loops = true;
                self.cur = std::mem::replace(&mut self.then_in, NIL);
            }
            e = &self.g.edges[self.cur as usize];
            if self.outgoing || !(self.skip_loops && e.source == self.n) {
                break;
            }
            self.cur = e.next_in;
        }
        let d = if e.directional() == Some(true) {
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
            let looped = if e.source == self.n { SOURCE } else { 0 };
            Adj {
                edge: self.cur,
                other: e.source,
                role: TARGET | looped | d,
            }
        };
        self.cur = if self.outgoing { e.next_out } else { e.next_in };
        Some(adj)
    }
}
