//! parse → print (lossless) → format → parse(format): the invariants every input must keep.
//!
//! Parsing never panics (whatever the bytes); a parsed input prints back byte for byte, by `print` and
//! by `write_to` alike; the KiCad layout of it parses again to the same lists and tokens; and
//! formatting that is idempotent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyzig_sexp::{format_kicad, parse, parse_bytes};

// The guard `pyzig-sexp fmt` uses before writing a file, shared rather than copied.
#[path = "../../src/bin/pyzig-sexp/same.rs"]
mod same;

fuzz_target!(|data: &[u8]| {
    let Ok(tree) = parse_bytes(data) else { return };
    let printed = tree.print();
    assert!(printed.as_bytes() == data, "print is not lossless");
    let mut streamed = Vec::with_capacity(data.len());
    tree.write_to(&mut streamed).expect("writing to a Vec cannot fail");
    assert!(streamed == data, "write_to differs from the input");

    let formatted = format_kicad(&tree);
    // Messages stay short: the input that failed is saved by libFuzzer as the artifact.
    let reparsed = match parse(&formatted) {
        Ok(tree) => tree,
        Err(e) => panic!("format output does not parse: {e}"),
    };
    if let Some(node) = same::first_mismatch(&tree, &reparsed) {
        let node = tree.node(node);
        panic!("format changed the content at {:?}: {node:?}", node.line_col());
    }
    let twice = format_kicad(&reparsed);
    if twice != formatted {
        let at = formatted.bytes().zip(twice.bytes()).position(|(a, b)| a != b);
        let at = at.unwrap_or(formatted.len().min(twice.len()));
        panic!("format is not idempotent: first difference at byte {at} of the formatted text");
    }
});
