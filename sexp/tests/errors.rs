//! Each kind of bad input: a ParseError with line, column, message and excerpt, never a panic.

use pyzig_sexp::{ParseError, parse, parse_bytes};

fn err(src: &[u8]) -> ParseError {
    match parse_bytes(src) {
        Ok(_) => panic!("accepted {:?}", String::from_utf8_lossy(src)),
        Err(e) => e,
    }
}

#[test]
fn unterminated_string() {
    let e = err(b"(kicad_pcb\n\t(title \"abc)\n)\n");
    assert_eq!((e.line, e.column, e.offset), (2, 9, 19));
    assert!(e.message.contains("unterminated string"), "{}", e.message);
    assert_eq!(e.to_string(), format!("line 2, column 9: {}\n\t(title \"abc)\n\t       ^", e.message));
}

#[test]
fn unclosed_paren() {
    let e = err(b"(a\n  (b 1)\n  (c 2\n");
    assert_eq!((e.line, e.column), (3, 3));
    assert!(e.message.contains("never closed"), "{}", e.message);
}

#[test]
fn extra_close_paren() {
    let e = err(b"(a (b 1)))\n");
    assert_eq!((e.line, e.column), (1, 10));
    assert!(e.message.contains("')' with no open list"), "{}", e.message);
}

#[test]
fn invalid_utf8() {
    let e = err(b"(a\n (b \"\xC3\xA9\xFF\"))");
    assert_eq!((e.line, e.column, e.offset), (2, 7, 10));
    assert!(e.message.contains("invalid UTF-8") && e.message.contains("0xFF"), "{}", e.message);
}

#[test]
fn trailing_garbage() {
    let e = err(b"(a 1)\n\nxyz\n");
    assert_eq!((e.line, e.column), (3, 1));
    assert!(e.message.contains("after the root list"), "{}", e.message);
    let e = err(b"(a 1) (b 2)");
    assert_eq!((e.line, e.column), (1, 7));
}

#[test]
fn empty_and_blank_input() {
    for src in [&b""[..], b"  \n\t\r\n", b"# only a comment\n"] {
        let e = err(src);
        assert!(e.message.starts_with("empty input"), "{}", e.message);
        assert_eq!(e.offset, src.len());
    }
}

#[test]
fn root_must_be_a_list() {
    let e = err(b"  atom");
    assert_eq!((e.line, e.column), (1, 3));
    assert!(e.message.contains("expected '('"), "{}", e.message);
    let e = err(b"\n)");
    assert_eq!((e.line, e.column), (2, 1));
}

#[test]
fn errors_are_values_not_panics_for_parse_too() {
    assert!(parse("(a \"\\").is_err());
    assert!(parse("(").is_err());
    assert!(parse("(\"").is_err());
}
