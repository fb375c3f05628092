//! Random views checked against brute force over the list of edges they were given: adjacency for
//! every node, edge type and direction (self-loops and spilled edge types included), uuid
//! uniqueness, subgraphs, merges and BFS depths.

use std::collections::{HashSet, VecDeque};

use pyzig_graph::{Attrs, EdgeData, EdgeIx, EdgeType, EdgeTypeSet, GraphView, NodeData, NodeIx, NodeRef};

/// A fixed-seed generator (the test must be reproducible, and needs nothing better).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// One edge as it was inserted.
#[derive(Clone, Copy)]
struct Given {
    ix: EdgeIx,
    s: NodeIx,
    t: NodeIx,
    ty: EdgeType,
    dir: Option<bool>,
}

/// More edge types than a node record holds inline, so spill lists are used.
const TYPES: u8 = 6;

/// A view of 2..14 nodes (made by the view or inserted) and up to 200 edges (made by the view or
/// inserted, a fifth of them self-loops), with the edges in insertion order.
fn random_view(r: &mut Lcg) -> (GraphView, Vec<Given>) {
    let mut g = GraphView::new().unwrap();
    let nodes = 2 + r.below(12) as u32;
    let mut refs: Vec<NodeRef> = vec![g.node(0).unwrap().clone()];
    for _ in 1..nodes {
        if r.below(2) == 0 {
            let ix = g.create_and_insert_node().unwrap();
            refs.push(g.node(ix).unwrap().clone());
        } else {
            let n = NodeData::new(Attrs::new()).unwrap();
            g.insert_node(&n).unwrap();
            refs.push(n);
        }
    }
    let mut given = Vec::new();
    for _ in 0..r.below(200) {
        let s = r.below(u64::from(nodes)) as NodeIx;
        let t = if r.below(5) == 0 { s } else { r.below(u64::from(nodes)) as NodeIx };
        let ty = r.below(u64::from(TYPES)) as EdgeType;
        let dir = [None, Some(true), Some(false)][r.below(3) as usize];
        let ix = if r.below(2) == 0 {
            g.create_and_insert_edge(s, t, ty, dir, None, Attrs::new()).unwrap()
        } else {
            let e =
                EdgeData::new(refs[s as usize].clone(), refs[t as usize].clone(), ty, dir, None, Attrs::new()).unwrap();
            g.insert_edge(&e).unwrap()
        };
        given.push(Given { ix, s, t, ty, dir });
    }
    (g, given)
}

#[test]
fn adjacency_uuids_subgraphs_merges_and_bfs_match_brute_force() {
    let mut r = Lcg(20261124);
    for round in 0..40 {
        let (g, given) = random_view(&mut r);
        let nodes = g.node_count() as NodeIx;

        // Adjacency: most recent first, each edge once (a self-loop with both roles).
        for n in 0..nodes {
            for ty in 0..TYPES {
                for d in [None, Some(true), Some(false)] {
                    let got: Vec<_> =
                        g.edges_of_type(n, ty, d).map(|a| (a.edge, a.other, a.is_source(), a.is_target())).collect();
                    let want: Vec<_> = given
                        .iter()
                        .rev()
                        .filter(|e| e.ty == ty && (e.s == n || e.t == n))
                        .filter(|e| d.is_none_or(|out| if out { e.s == n } else { e.t == n }))
                        .map(|e| (e.ix, if e.s == n { e.t } else { e.s }, e.s == n, e.t == n))
                        .collect();
                    assert_eq!(got, want, "round {round}: node {n}, type {ty}, directed {d:?}");
                }
            }
        }
        for e in &given {
            assert_eq!((g.endpoints(e.ix), g.edge_type(e.ix), g.edge_directional(e.ix)), ((e.s, e.t), e.ty, e.dir));
        }

        // Every node and edge has its own uuid.
        let mut seen = HashSet::new();
        assert!((0..nodes).all(|i| seen.insert(g.node_uuid(i))));
        assert!((0..g.edge_count() as EdgeIx).all(|i| seen.insert(g.edge_uuid(i))));

        // A subgraph holds exactly the edges between its nodes, with consistent chains.
        let picked: Vec<NodeIx> = (0..nodes).filter(|_| r.below(2) == 0).collect();
        let sub = g.subgraph_from_nodes(picked.iter().copied()).unwrap();
        let want: HashSet<u64> = given
            .iter()
            .filter(|e| picked.contains(&e.s) && picked.contains(&e.t))
            .map(|e| g.edge_uuid(e.ix))
            .collect();
        let got: HashSet<u64> = (0..sub.edge_count() as EdgeIx).map(|i| sub.edge_uuid(i)).collect();
        assert_eq!((got.len(), sub.edge_count()), (want.len(), want.len()), "round {round}");
        assert_eq!(got, want, "round {round}");
        for i in 0..sub.edge_count() as EdgeIx {
            let there = g.find_edge(&sub.edge(i).unwrap()).unwrap();
            let ((s, t), (gs, gt)) = (sub.endpoints(i), g.endpoints(there));
            assert_eq!((sub.node_uuid(s), sub.node_uuid(t)), (g.node_uuid(gs), g.node_uuid(gt)));
            assert!(sub.edges_of_type(s, sub.edge_type(i), Some(true)).any(|a| a.edge == i));
            assert!(sub.edges_of_type(t, sub.edge_type(i), Some(false)).any(|a| a.edge == i));
        }

        // Merging: what is already there is kept once, uuids stay unique, every handle is found.
        let mut w = GraphView::new().unwrap();
        w.insert_subgraph(&sub).unwrap();
        w.insert_subgraph(&g).unwrap();
        w.insert_subgraph(&g).unwrap();
        // w's self node + sub's self node + g's nodes.
        assert_eq!(w.node_count(), 2 + g.node_count(), "round {round}");
        assert_eq!(w.edge_count(), g.edge_count(), "round {round}");
        let mut seen = HashSet::new();
        for i in 0..w.edge_count() as EdgeIx {
            assert!(seen.insert(w.edge_uuid(i)));
            let h = w.edge(i).unwrap();
            assert_eq!(w.find_edge(&h), Some(i));
            assert!(g.find_edge(&h).is_some());
        }
        for e in &given {
            let before = w.edge_count();
            w.insert_edge(&g.edge(e.ix).unwrap()).unwrap();
            assert_eq!(w.edge_count(), before, "already there");
        }

        // BFS depths against a brute-force BFS over the edge list; every path is as long as its depth.
        let types: EdgeTypeSet = (0..TYPES).collect();
        for d in [None, Some(true), Some(false)] {
            let tree = g.bfs(0, &types, d).unwrap();
            for x in tree.reached() {
                assert_eq!(tree.path(&g, x.node).unwrap().len() as u32, x.depth);
            }
            let mut depth = vec![u32::MAX; nodes as usize];
            depth[0] = 0;
            let mut queue = VecDeque::from([0]);
            while let Some(x) = queue.pop_front() {
                for e in &given {
                    let forward = (e.s == x).then_some(e.t);
                    let back_allowed = match d {
                        Some(true) => false,
                        Some(false) => true,
                        None => e.dir != Some(true),
                    };
                    let backward = (e.t == x && back_allowed).then_some(e.s);
                    for y in forward.into_iter().chain(backward) {
                        if depth[y as usize] == u32::MAX {
                            depth[y as usize] = depth[x as usize] + 1;
                            queue.push_back(y);
                        }
                    }
                }
            }
            for y in 0..nodes {
                let got = tree.reached().iter().find(|x| x.node == y).map_or(u32::MAX, |x| x.depth);
                assert_eq!(got, depth[y as usize], "round {round}: bfs {d:?} to {y}");
            }
        }
    }
}
