//! Breadth-first search over a set of edge types, keeping a shortest-path tree.

use crate::edge::EdgeTypeSet;
use crate::error::GraphError;
use crate::view::{EdgeIx, GraphView, NodeIx};

/// A node reached by a search and its distance (edges) from the start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reached {
    pub node: NodeIx,
    pub depth: u32,
}

/// Result of [`GraphView::bfs`]: the reached nodes in BFS order (the start first, depth 0) and a
/// parent pointer per reached node, from which any shortest path is rebuilt in O(its length).
#[derive(Debug)]
pub struct BfsTree {
    start: NodeIx,
    reached: Vec<Reached>,
    /// Per node of the view: 0 = not reached, 1 = the start, `e + 2` = reached over edge `e`.
    /// Zero-initialised, so the allocator hands out untouched pages for large views and the cost
    /// stays proportional to the nodes actually reached.
    via: Vec<u32>,
}

impl BfsTree {
    pub fn start(&self) -> NodeIx {
        self.start
    }

    /// Reached nodes in BFS order, the start first.
    pub fn reached(&self) -> &[Reached] {
        &self.reached
    }

    pub fn is_reached(&self, n: NodeIx) -> bool {
        self.via.get(n as usize).is_some_and(|&v| v != 0)
    }

    /// The edge over which `n` was first reached (None for the start or an unreached node).
    pub fn parent_edge(&self, n: NodeIx) -> Option<EdgeIx> {
        match self.via.get(n as usize) {
            Some(&v) if v >= 2 => Some(v - 2),
            _ => None,
        }
    }

    /// Edges of a shortest path from the start to `end`, in order; None if `end` was not reached.
    /// `g` must be the view the search ran on.
    pub fn path(&self, g: &GraphView, end: NodeIx) -> Option<Vec<EdgeIx>> {
        if !self.is_reached(end) {
            return None;
        }
        let mut edges = Vec::new();
        let mut n = end;
        while let Some(e) = self.parent_edge(n) {
            edges.push(e);
            let (s, t) = g.endpoints(e);
            n = if s == n { t } else { s };
        }
        edges.reverse();
        Some(edges)
    }
}

impl GraphView {
    /// Breadth-first search from `start` over edges whose type is in `types`.
    ///
    /// `directed`: `Some(true)` follows every edge only from source to target; `Some(false)` follows
    /// every edge both ways; `None` follows edges created with `directional = Some(true)` only
    /// forwards and all others both ways. Time O(edges visited), memory O(nodes reached) beyond
    /// one zeroed word per node of the view. Panics if `start` is not an index of this view.
    pub fn bfs(&self, start: NodeIx, types: &EdgeTypeSet, directed: Option<bool>) -> Result<BfsTree, GraphError> {
        assert!((start as usize) < self.node_count(), "bfs start {start} is not in the view");
        let mut via: Vec<u32> = Vec::new();
        via.try_reserve_exact(self.node_count())?;
        via.resize(self.node_count(), 0);
        let mut reached = Vec::new();
        reached.try_reserve(16)?;
        via[start as usize] = 1;
        reached.push(Reached { node: start, depth: 0 });

        // Edges entering a node are walked unless every edge is followed forwards only; in the
        // default mode, the directional ones among them are skipped.
        let dir = if directed == Some(true) { Some(true) } else { None };
        let skip_directional_in = directed.is_none();
        let mut head = 0;
        while head < reached.len() {
            let Reached { node, depth } = reached[head];
            head += 1;
            for ty in self.edge_types_at(node) {
                if !types.contains(ty) {
                    continue;
                }
                for a in self.edges_of_type(node, ty, dir) {
                    if via[a.other as usize] != 0 {
                        continue;
                    }
                    let against = || !a.is_source() && self.edge_directional(a.edge) == Some(true);
                    if skip_directional_in && against() {
                        continue;
                    }
                    reached.try_reserve(1)?;
                    via[a.other as usize] = a.edge + 2;
                    reached.push(Reached { node: a.other, depth: depth + 1 });
                }
            }
        }
        Ok(BfsTree { start, reached, via })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attrs::Attrs;
    use crate::edge::{EdgeData, EdgeType};
    use crate::node::{NodeData, NodeRef};

    struct Fixture {
        g: GraphView,
        n: Vec<NodeRef>,
        ix: Vec<NodeIx>,
    }

    fn fixture(k: usize) -> Fixture {
        let mut g = GraphView::new().unwrap();
        let n: Vec<_> = (0..k).map(|_| NodeData::new(Attrs::new()).unwrap()).collect();
        let ix = n.iter().map(|x| g.insert_node(x).unwrap()).collect();
        Fixture { g, n, ix }
    }

    impl Fixture {
        fn link(&mut self, a: usize, b: usize, ty: EdgeType, dir: Option<bool>) -> EdgeIx {
            let e = EdgeData::new(self.n[a].clone(), self.n[b].clone(), ty, dir, None, Attrs::new()).unwrap();
            self.g.insert_edge(&e).unwrap()
        }
        fn set(&self, types: &[EdgeType]) -> EdgeTypeSet {
            types.iter().copied().collect()
        }
    }

    #[test]
    fn shortest_paths_over_chosen_types() {
        // 0 -1- 1 -1- 2 -1- 3, shortcut 0 -2- 3, and 3 -1- 4
        let mut f = fixture(5);
        let e01 = f.link(0, 1, 1, None);
        f.link(1, 2, 1, None);
        let e23 = f.link(2, 3, 1, None);
        let short = f.link(0, 3, 2, None);
        let e34 = f.link(3, 4, 1, None);

        let t = f.g.bfs(f.ix[0], &f.set(&[1]), None).unwrap();
        let depths: Vec<_> = t.reached().iter().map(|r| (r.node, r.depth)).collect();
        assert_eq!(depths, [(f.ix[0], 0), (f.ix[1], 1), (f.ix[2], 2), (f.ix[3], 3), (f.ix[4], 4)]);
        assert_eq!(t.path(&f.g, f.ix[0]).unwrap(), Vec::<EdgeIx>::new());
        assert_eq!(t.path(&f.g, f.ix[1]).unwrap(), [e01]);
        assert_eq!(t.path(&f.g, f.ix[4]).unwrap().len(), 4);
        assert_eq!(t.path(&f.g, f.ix[4]).unwrap()[2..], [e23, e34]);

        let t = f.g.bfs(f.ix[0], &f.set(&[1, 2]), None).unwrap();
        assert_eq!(t.path(&f.g, f.ix[4]).unwrap(), [short, e34]);
        assert!(!t.is_reached(f.g.self_node()));
        assert_eq!(t.path(&f.g, f.g.self_node()), None);

        let t = f.g.bfs(f.ix[0], &f.set(&[7]), None).unwrap();
        assert_eq!(t.reached().len(), 1);
    }

    #[test]
    fn direction_modes() {
        // 0 -> 1 (directional), 2 -> 0 (directional), 0 - 3 (undirected, 3 is source)
        let mut f = fixture(4);
        f.link(0, 1, 1, Some(true));
        f.link(2, 0, 1, Some(true));
        f.link(3, 0, 1, None);
        let types = f.set(&[1]);
        let reached = |d| {
            let mut v: Vec<_> = f.g.bfs(f.ix[0], &types, d).unwrap().reached().iter().map(|r| r.node).collect();
            v.sort();
            v
        };
        assert_eq!(reached(Some(true)), [f.ix[0], f.ix[1]]);
        assert_eq!(reached(Some(false)), [f.ix[0], f.ix[1], f.ix[2], f.ix[3]]);
        assert_eq!(reached(None), [f.ix[0], f.ix[1], f.ix[3]]);
    }

    #[test]
    fn cycles_and_self_loops_terminate() {
        let mut f = fixture(3);
        f.link(0, 1, 1, None);
        f.link(1, 2, 1, None);
        f.link(2, 0, 1, None);
        f.link(1, 1, 1, None);
        let t = f.g.bfs(f.ix[1], &f.set(&[1]), Some(false)).unwrap();
        assert_eq!(t.reached().len(), 3);
        assert_eq!(t.reached().iter().map(|r| r.depth).max(), Some(1));
        assert_eq!(t.start(), f.ix[1]);
    }

    #[test]
    fn long_chain() {
        let k = 50_000;
        let mut f = fixture(k);
        for i in 1..k {
            f.link(i - 1, i, 3, Some(true));
        }
        let t = f.g.bfs(f.ix[0], &f.set(&[3]), None).unwrap();
        assert_eq!(t.reached().len(), k);
        assert_eq!(t.path(&f.g, f.ix[k - 1]).unwrap().len(), k - 1);
        let back = f.g.bfs(f.ix[k - 1], &f.set(&[3]), None).unwrap();
        assert_eq!(back.reached().len(), 1);
    }
}
