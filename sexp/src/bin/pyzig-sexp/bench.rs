//! `bench`: median throughput of parse, print and format on one file, and the tree's size. Parse is
//! timed twice: from bytes (UTF-8 check and a copy of the text, what reading a file costs) and from text
//! lent without a copy (what `pyzig_sexp.loads` of a Python `str` does).

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use pyzig_sexp::{SharedText, format_kicad, parse_bytes, parse_shared};

use crate::timing;
use crate::{EXIT_ERROR, EXIT_OK};

/// Each operation runs at least this many times and then until this much time has passed.
const MIN_RUNS: usize = 5;
const MAX_RUNS: usize = 1000;
const TIME_BUDGET: Duration = Duration::from_secs(1);

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
            eprintln!("pyzig-sexp: {}:{}:{}: {}", file.display(), e.line, e.column, e.message);
            return EXIT_ERROR;
        }
    };
    // All rates are over the input file's size, so the three lines compare directly.
    let parse_time = timing::median(MIN_RUNS, MAX_RUNS, TIME_BUDGET, || {
        black_box(parse_bytes(black_box(&bytes)).ok());
    });
    let lent: Arc<dyn SharedText> = Arc::new(tree.source().to_owned());
    let lent_time = timing::median(MIN_RUNS, MAX_RUNS, TIME_BUDGET, || {
        black_box(parse_shared(black_box(lent.clone())).ok());
    });
    let print_time = timing::median(MIN_RUNS, MAX_RUNS, TIME_BUDGET, || {
        black_box(tree.print());
    });
    let format_time = timing::median(MIN_RUNS, MAX_RUNS, TIME_BUDGET, || {
        black_box(format_kicad(&tree));
    });
    println!("parse: {:.1} MB/s", timing::mb_per_s(bytes.len(), parse_time));
    println!("parse (lent text): {:.1} MB/s", timing::mb_per_s(bytes.len(), lent_time));
    println!("print: {:.1} MB/s", timing::mb_per_s(bytes.len(), print_time));
    println!("format: {:.1} MB/s", timing::mb_per_s(bytes.len(), format_time));
    // `heap_size` counts everything the tree holds, its copy of the source included.
    let tree_bytes = tree.heap_size();
    println!("tree: {:.1}x file size", tree_bytes as f64 / bytes.len().max(1) as f64);
    EXIT_OK
}
