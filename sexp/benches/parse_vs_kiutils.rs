//! Our parse, print and tree memory against `kiutils_sexpr` (a lossless KiCad CST parser), in one run.
//!
//! `cargo bench -p pyzig-sexp --bench parse_vs_kiutils [-- FILE...]`; without files it measures a large
//! board and a large symbol library from Debian's KiCad packages. Memory is what each parser's result
//! keeps allocated, counted the same way for both by a counting global allocator (`cap`), so it
//! includes each one's copy of the source text. Prints figures and the targets; fails only on bad input.
#![forbid(unsafe_code)]

use std::alloc::System;
use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use cap::Cap;

#[path = "../src/bin/pyzig-sexp/timing.rs"]
mod timing;

#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

const DEFAULT_FILES: &[&str] =
    &["/usr/share/kicad/demos/video/video.kicad_pcb", "/usr/share/kicad/symbols/FPGA_Xilinx_Virtex7.kicad_sym"];
const MIN_RUNS: usize = 5;
const MAX_RUNS: usize = 500;
const TIME_BUDGET: Duration = Duration::from_secs(2);

/// Targets from the design brief.
const PARSE_RATIO_TARGET: f64 = 3.0;
const PRINT_TARGET_MB_S: f64 = 500.0;
const TREE_TARGET_X: f64 = 2.0;

/// Bytes that `make()`'s result keeps allocated while it is alive.
fn retained<T>(make: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATOR.allocated();
    let value = make();
    let after = ALLOCATOR.allocated();
    (value, after.saturating_sub(before))
}

fn verdict(ok: bool) -> &'static str {
    if ok { "ok" } else { "MISSED" }
}

fn bench_file(path: &PathBuf) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let size = text.len();

    let (ours, ours_mem) = retained(|| pyzig_sexp::parse(&text));
    let ours = ours.map_err(|e| format!("{}: pyzig parse failed: {e}", path.display()))?;
    let (theirs, theirs_mem) = retained(|| kiutils_sexpr::parse_one(&text));
    let theirs = theirs.map_err(|e| format!("{}: kiutils_sexpr parse failed: {e}", path.display()))?;
    // Both are lossless; make sure we compare parsers that did the whole job.
    if ours.print() != text {
        return Err(format!("{}: pyzig print is not byte-identical", path.display()));
    }
    if theirs.to_lossless_string() != text {
        return Err(format!("{}: kiutils_sexpr print is not byte-identical", path.display()));
    }

    let ours_parse = timing::mb_per_s(
        size,
        timing::median(MIN_RUNS, MAX_RUNS, TIME_BUDGET, || {
            black_box(pyzig_sexp::parse(black_box(&text)).ok());
        }),
    );
    let theirs_parse = timing::mb_per_s(
        size,
        timing::median(MIN_RUNS, MAX_RUNS, TIME_BUDGET, || {
            black_box(kiutils_sexpr::parse_one(black_box(&text)).ok());
        }),
    );
    let ours_print = timing::mb_per_s(
        size,
        timing::median(MIN_RUNS, MAX_RUNS, TIME_BUDGET, || {
            black_box(ours.print());
        }),
    );
    let ratio = ours_parse / theirs_parse;
    let ours_x = ours_mem as f64 / size as f64;
    let theirs_x = theirs_mem as f64 / size as f64;

    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
    println!("{name} ({:.2} MB)", size as f64 / 1e6);
    println!(
        "  parse   pyzig {ours_parse:8.1} MB/s   kiutils_sexpr {theirs_parse:8.1} MB/s   ratio {ratio:5.2}x   target \
            >= {PARSE_RATIO_TARGET}x: {}",
        verdict(ratio >= PARSE_RATIO_TARGET)
    );
    println!(
        "  print   pyzig {ours_print:8.1} MB/s                                        target >= {PRINT_TARGET_MB_S} \
            MB/s: {}",
        verdict(ours_print >= PRINT_TARGET_MB_S)
    );
    println!(
        "  memory  pyzig {ours_x:8.2}x file  kiutils_sexpr {theirs_x:8.2}x file  ratio {:5.2}x   target pyzig <= \
            {TREE_TARGET_X}x: {}",
        ours_x / theirs_x,
        verdict(ours_x <= TREE_TARGET_X)
    );
    println!(
        "          (bytes kept: pyzig {ours_mem}, heap_size() {} incl. source {size}; kiutils_sexpr {theirs_mem})",
        ours.heap_size()
    );
    Ok(())
}

fn main() -> ExitCode {
    // `cargo bench` passes flags such as `--bench`; everything else is a file.
    let args: Vec<PathBuf> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).map(PathBuf::from).collect();
    let files = if args.is_empty() { DEFAULT_FILES.iter().map(PathBuf::from).collect() } else { args };
    let mut failed = false;
    for file in &files {
        if let Err(message) = bench_file(file) {
            eprintln!("parse_vs_kiutils: {message}");
            failed = true;
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
