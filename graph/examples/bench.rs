//! Engine-only timings of the Python benchmark's workloads (no interpreter), to see what the binding
//! adds on top: `cargo run --release -p pyzig-graph --example bench -- [N]`.

use std::time::Instant;

use pyzig_graph::{Attrs, EdgeData, EdgeTypeSet, GraphView, NodeData};

/// Small deterministic generator (xorshift64*), so the engine needs no `rand` dependency.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    }
}

fn main() {
    let n: usize = std::env::args().nth(1).map_or(100_000, |s| s.parse().expect("N"));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let tree: Vec<_> = (1..n).map(|i| (rng.below(i), i)).collect();
    let extra: Vec<_> = (0..n).map(|_| (rng.below(n), rng.below(n))).collect();

    let t = Instant::now();
    let mut g = GraphView::new().unwrap();
    let nodes: Vec<_> = (0..n).map(|_| NodeData::new(Attrs::new()).unwrap()).collect();
    let ix: Vec<_> = nodes.iter().map(|x| g.insert_node(x).unwrap()).collect();
    let w1n = t.elapsed();
    for &(a, b) in &tree {
        let e = EdgeData::new(nodes[a].clone(), nodes[b].clone(), 1, Some(true), None, Attrs::new()).unwrap();
        g.insert_edge(&e).unwrap();
    }
    for &(a, b) in &extra {
        let e = EdgeData::new(nodes[a].clone(), nodes[b].clone(), 2, None, None, Attrs::new()).unwrap();
        g.insert_edge(&e).unwrap();
    }
    let w1 = t.elapsed();

    let t = Instant::now();
    let w2: usize = ix.iter().map(|&i| g.edges_of_type(i, 2, None).count()).sum();
    let w2t = t.elapsed();

    let t = Instant::now();
    let tree1 = g.bfs(ix[0], &[1u8].into_iter().collect::<EdgeTypeSet>(), None).unwrap();
    let w3t = t.elapsed();

    println!("N={n}");
    println!("W1 nodes   {:8.2} ms", w1n.as_secs_f64() * 1e3);
    println!("W1 build   {:8.2} ms", w1.as_secs_f64() * 1e3);
    println!("W2 nbrs    {:8.2} ms ({w2} entries)", w2t.as_secs_f64() * 1e3);
    println!("W3 bfs     {:8.2} ms ({} reached)", w3t.as_secs_f64() * 1e3, tree1.reached().len());
}
