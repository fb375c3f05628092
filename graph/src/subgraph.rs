//! Subgraphs of a view and merging one view into another.

use crate::error::GraphError;
use crate::view::{GraphView, NodeIx};

impl GraphView {
    /// A new view (with its own self node) holding `nodes` of this view and every edge of this
    /// view between two of them. Duplicates in `nodes` are ignored. Time O(sum of their degrees).
    /// Panics if an index is not of this view.
    pub fn subgraph_from_nodes(&self, nodes: impl IntoIterator<Item = NodeIx>) -> Result<GraphView, GraphError> {
        let mut sub = GraphView::new()?;
        let mut picked: Vec<NodeIx> = Vec::new();
        for ix in nodes {
            let before = sub.node_count();
            sub.insert_node(self.node(ix)?)?;
            if sub.node_count() > before {
                picked.try_reserve(1)?;
                picked.push(ix);
            }
        }
        for &ix in &picked {
            for ty in self.edge_types_at(ix) {
                // Each edge is taken once, at its source (a self-loop too).
                for a in self.edges_of_type(ix, ty, Some(true)) {
                    if sub.find_node_of(self, a.other).is_some() {
                        sub.insert_edge_from(self, a.edge, true)?;
                    }
                }
            }
        }
        Ok(sub)
    }

    /// Inserts every node of `other` (its self node too, as an ordinary node here) and then every
    /// edge of `other`; what this view already holds is kept once. On `OutOfMemory` the nodes and
    /// edges inserted so far stay (the view is consistent, the merge partial).
    pub fn insert_subgraph(&mut self, other: &GraphView) -> Result<(), GraphError> {
        self.reserve(other.node_count(), other.edge_count())?;
        for ix in 0..other.node_count() as NodeIx {
            self.insert_node(other.node(ix)?)?;
        }
        for e in 0..other.edge_count() {
            // Both endpoints were inserted above, so this cannot miss one.
            self.insert_edge_from(other, e as u32, false)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::attrs::Attrs;
    use crate::edge::{EdgeData, EdgeRef};
    use crate::node::{NodeData, NodeRef};
    use crate::view::GraphView;

    fn nodes(k: usize) -> Vec<NodeRef> {
        (0..k).map(|_| NodeData::new(Attrs::new()).unwrap()).collect()
    }

    fn edge(a: &NodeRef, b: &NodeRef, ty: u8) -> EdgeRef {
        EdgeData::new(a.clone(), b.clone(), ty, None, None, Attrs::new()).unwrap()
    }

    #[test]
    fn subgraph_keeps_edges_between_chosen_nodes() {
        let mut g = GraphView::new().unwrap();
        let n = nodes(4);
        let ix: Vec<_> = n.iter().map(|x| g.insert_node(x).unwrap()).collect();
        let e01 = edge(&n[0], &n[1], 1);
        let e12 = edge(&n[1], &n[2], 1);
        let e00 = edge(&n[0], &n[0], 2);
        let e30 = edge(&n[3], &n[0], 1);
        for e in [&e01, &e12, &e00, &e30] {
            g.insert_edge(e).unwrap();
        }
        let sub = g.subgraph_from_nodes([ix[0], ix[1], ix[0]]).unwrap();
        assert_eq!(sub.node_count(), 3, "own self node + 2");
        assert_eq!(sub.edge_count(), 2);
        assert!(sub.find_edge(&e01).is_some());
        assert!(sub.find_edge(&e00).is_some());
        assert!(sub.find_edge(&e12).is_none());
        assert!(sub.find_edge(&e30).is_none());
        assert!(sub.find_node(g.node(g.self_node()).unwrap()).is_none());
        assert_eq!(g.edge_count(), 4, "source view unchanged");
    }

    #[test]
    fn merge_is_a_union() {
        let n = nodes(3);
        let mut a = GraphView::new().unwrap();
        let mut b = GraphView::new().unwrap();
        for x in &n[..2] {
            a.insert_node(x).unwrap();
        }
        for x in &n[1..] {
            b.insert_node(x).unwrap();
        }
        let e = edge(&n[1], &n[2], 4);
        b.insert_edge(&e).unwrap();
        a.insert_subgraph(&b).unwrap();
        // a: self, n0, n1 + b's self, n2
        assert_eq!(a.node_count(), 5);
        assert_eq!(a.edge_count(), 1);
        let i1 = a.find_node(&n[1]).unwrap();
        let i2 = a.find_node(&n[2]).unwrap();
        assert_eq!(a.edges_of_type(i1, 4, Some(true)).map(|x| x.other).collect::<Vec<_>>(), [i2]);
        a.insert_subgraph(&b).unwrap();
        assert_eq!((a.node_count(), a.edge_count()), (5, 1), "idempotent");
    }
}
