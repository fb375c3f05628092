//! Rough figures for one or more files: parse and print throughput, tree heap size, round trip,
//! and whether `format_kicad` reproduces the file. Run in release:
//! `cargo run --release -p pyzig-sexp --example measure -- FILE...`
//! (The real benchmark is `benches/`; this is a quick check while developing.)

use std::time::Instant;

/// Best time of `reps` runs of `f`, in seconds (the machine is shared; the best run is the
/// least disturbed one).
fn best<T>(reps: usize, mut f: impl FnMut() -> T) -> f64 {
    (0..reps)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("read");
        let mb = bytes.len() as f64 / 1e6;
        let text = std::str::from_utf8(&bytes).expect("utf-8");
        let reps = (50e6 / bytes.len() as f64).clamp(1.0, 200.0) as usize;

        let parse_s = best(reps, || pyzig_sexp::parse(text).expect("parse"));

        let tree = pyzig_sexp::parse(text).expect("parse");
        let print_s = best(reps, || tree.print());

        let format_s = best(3, || pyzig_sexp::format_kicad(&tree));
        let formatted = pyzig_sexp::format_kicad(&tree);

        // Printing after one edit deep in the file (the last atom of the last list).
        let mut edited = pyzig_sexp::parse(text).expect("parse");
        let mut id = edited.root();
        while let Some(last) = edited.children(id).last() {
            id = last;
        }
        if edited.node(id).atom().is_some() {
            edited.set_atom(id, "edited").expect("edit");
        }
        let edited_print_s = best(reps, || edited.print());

        let heap = tree.heap_size();
        println!(
            "{path}: {mb:.2} MB, parse {:.0} MB/s, print {:.0} MB/s (after one edit {:.0} MB/s), format {:.0} MB/s, \
                tree {heap} B = {:.2}x file (source copy included), round-trip {}, format_kicad {}",
            mb / parse_s,
            mb / print_s,
            mb / edited_print_s,
            mb / format_s,
            heap as f64 / bytes.len() as f64,
            if tree.print().as_bytes() == bytes { "exact" } else { "DIFFERS" },
            if formatted.as_bytes() == bytes { "exact" } else { "differs" },
        );
    }
}
