//! parse → print (lossless) → format → parse(format): the invariants every input must keep.
//!
//! Parsing never panics (whatever the bytes); a parsed input prints back byte for byte, by `print` and
//! by `write_to` alike; the KiCad layout of it parses again; and formatting that is idempotent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyzig_sexp_engine::{format_kicad, parse, parse_bytes};

fuzz_target!(|data: &[u8]| {
    let Ok(tree) = parse_bytes(data) else { return };
    let printed = tree.print();
    assert!(printed.as_bytes() == data, "print is not lossless");
    let mut streamed = Vec::with_capacity(data.len());
    tree.write_to(&mut streamed).expect("writing to a Vec cannot fail");
    assert!(streamed == data, "write_to differs from the input");

    let formatted = format_kicad(&tree);
    let reparsed = match parse(&formatted) {
        Ok(tree) => tree,
        Err(e) => panic!("format output does not parse: {e}\n--- formatted:\n{formatted}"),
    };
    let twice = format_kicad(&reparsed);
    assert!(twice == formatted, "format is not idempotent\n--- once:\n{formatted}\n--- twice:\n{twice}");
});
