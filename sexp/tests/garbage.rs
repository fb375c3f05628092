//! Random and mutated input never panics; whatever parses prints back unchanged.

mod common;

use common::Rng;
use pyzig_sexp::{format_kicad, parse, parse_bytes};

const ALPHABET: &[u8] = b"()\"\\ \t\n\r#ab1.-\xC3\xA9\xFF\x00";

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut accepted = 0;
    for _ in 0..20_000 {
        let len = rng.below(40);
        let bytes: Vec<u8> = (0..len).map(|_| ALPHABET[rng.below(ALPHABET.len())]).collect();
        if let Ok(t) = parse_bytes(&bytes) {
            accepted += 1;
            assert_eq!(t.print().as_bytes(), &bytes[..]);
            let f = format_kicad(&t);
            parse(&f).unwrap_or_else(|e| panic!("formatted output does not parse: {e}\n{f}"));
        }
    }
    assert!(accepted > 0);
}

#[test]
fn mutated_fixture_never_panics() {
    let base = common::fixture("test-v8.kicad_mod").into_bytes();
    let mut rng = Rng(42);
    for _ in 0..2_000 {
        let mut b = base.clone();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(b.len());
            match rng.below(3) {
                0 => b[at] = ALPHABET[rng.below(ALPHABET.len())],
                1 => {
                    b.remove(at);
                }
                _ => b.insert(at, ALPHABET[rng.below(ALPHABET.len())]),
            }
        }
        match parse_bytes(&b) {
            Ok(t) => assert_eq!(t.print().as_bytes(), &b[..]),
            Err(e) => assert!(e.line >= 1 && e.column >= 1 && e.offset <= b.len()),
        }
    }
}
