//! Rough figures for one or more files: parse and print throughput, tree heap size, round trip,
//! and whether `format_kicad` reproduces the file. Run in release:
//! `cargo run --release -p pyzig-sexp --example measure -- FILE...`
//! (The real benchmark is `benches/`; this is a quick check while developing.)

use std::time::Instant;

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("read");
        let mb = bytes.len() as f64 / 1e6;
        let text = std::str::from_utf8(&bytes).expect("utf-8");
        let reps = (50e6 / bytes.len() as f64).clamp(1.0, 200.0) as usize;

        let t = Instant::now();
        for _ in 0..reps {
            std::hint::black_box(pyzig_sexp_engine::parse(text).expect("parse"));
        }
        let parse_s = t.elapsed().as_secs_f64() / reps as f64;

        let tree = pyzig_sexp_engine::parse(text).expect("parse");
        let t = Instant::now();
        for _ in 0..reps {
            std::hint::black_box(tree.print());
        }
        let print_s = t.elapsed().as_secs_f64() / reps as f64;

        let t = Instant::now();
        let formatted = pyzig_sexp_engine::format_kicad(&tree);
        let format_s = t.elapsed().as_secs_f64();

        let heap = tree.heap_size();
        println!(
            "{path}: {mb:.2} MB, parse {:.0} MB/s, print {:.0} MB/s, format {:.0} MB/s, heap {heap} B = {:.2}x file (+1.00x source copy), round-trip {}, format_kicad {}",
            mb / parse_s,
            mb / print_s,
            mb / format_s,
            heap as f64 / bytes.len() as f64,
            if tree.print().as_bytes() == bytes { "exact" } else { "DIFFERS" },
            if formatted.as_bytes() == bytes { "exact" } else { "differs" },
        );
    }
}
