//! `bench`: median throughput of parse, print and format on one file, and the tree's size.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use pyzig_sexp_engine::{format_kicad, parse_bytes};

use crate::{EXIT_ERROR, EXIT_OK};

/// Each operation runs at least this many times and then until this much time has passed.
const MIN_RUNS: usize = 5;
const MAX_RUNS: usize = 1000;
const TIME_BUDGET: Duration = Duration::from_secs(1);

/// Median wall time of `op` over repeated runs, after one warm-up run.
fn median(mut op: impl FnMut()) -> Duration {
    op();
    let start = Instant::now();
    let mut times = Vec::new();
    while times.len() < MIN_RUNS || (times.len() < MAX_RUNS && start.elapsed() < TIME_BUDGET) {
        let t = Instant::now();
        op();
        times.push(t.elapsed());
    }
    times.sort_unstable();
    times[times.len() / 2]
}

/// Megabytes (10^6 bytes) per second for `bytes` processed in `time`.
fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / time.as_secs_f64().max(1e-12) / 1e6
}

pub fn run(file: &Path) -> u8 {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("pyzig-sexp: {}: cannot read: {e}", file.display());
            return EXIT_ERROR;
        }
    };
    let tree = match parse_bytes(&bytes) {
        Ok(tree) => tree,
        Err(e) => {
            eprintln!(
                "pyzig-sexp: {}:{}:{}: {}",
                file.display(),
                e.line,
                e.column,
                e.message
            );
            return EXIT_ERROR;
        }
    };
    // All rates are over the input file's size, so the three lines compare directly.
    let parse_time = median(|| {
        black_box(parse_bytes(black_box(&bytes)).ok());
    });
    let print_time = median(|| {
        black_box(tree.print());
    });
    let format_time = median(|| {
        black_box(format_kicad(&tree));
    });
    println!("parse: {:.1} MB/s", mb_per_s(bytes.len(), parse_time));
    println!("print: {:.1} MB/s", mb_per_s(bytes.len(), print_time));
    println!("format: {:.1} MB/s", mb_per_s(bytes.len(), format_time));
    // `heap_size` counts everything the tree holds, its copy of the source included.
    let tree_bytes = tree.heap_size();
    println!(
        "tree: {:.1}x file size",
        tree_bytes as f64 / bytes.len().max(1) as f64
    );
    EXIT_OK
}
