//! Nesting depth never reaches the call stack: a million levels parse, print, format, edit and
//! drop, and a million unclosed levels are an error.

use pyzig_sexp::{format_kicad, parse};

const DEPTH: usize = 1_000_000;

#[test]
fn million_unclosed_parens_is_an_error() {
    let e = parse(&"(".repeat(DEPTH)).err().expect("must fail");
    assert_eq!((e.line, e.column), (1, DEPTH));
    assert!(e.message.contains("never closed") && e.message.contains("1000000"), "{}", e.message);
    assert!(e.excerpt.len() < 200);
}

#[test]
fn million_balanced_levels_work() {
    let src = format!("{}x{}\n", "(".repeat(DEPTH), ")".repeat(DEPTH));
    let mut t = parse(&src).unwrap();
    assert_eq!(t.print(), src);
    let formatted = format_kicad(&t);
    assert_eq!(formatted.matches('(').count(), DEPTH);
    // Walk to the bottom without recursion and edit the innermost atom.
    let mut id = t.root();
    loop {
        let first = t.children(id).next().unwrap();
        if t.node(first).is_list() {
            id = first
        } else {
            id = first;
            break;
        }
    }
    t.set_atom(id, "y").unwrap();
    let printed = t.print();
    assert_eq!(printed.len(), src.len());
    assert_eq!(&printed[DEPTH..DEPTH + 1], "y");
    drop(t);
}
