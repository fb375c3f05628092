//! The parser: one pass over the bytes into the flat slot arena (see `tree.rs`), with an explicit
//! stack of open lists so that nesting depth never touches the call stack.

use crate::error::ParseError;
use crate::lex::{atom_end, skip_trivia, starts_token, string_end};
use crate::source::Source;
use crate::tree::{ListShape, MAX_SLOTS, Tree, list_record};

/// Parses `src` (already valid UTF-8) into a tree that takes ownership of it.
pub(crate) fn parse_owned(src: Box<str>) -> Result<Tree, ParseError> {
    parse_source(Source::Owned(src))
}

/// Parses `src` into a tree that keeps it as its source.
pub(crate) fn parse_source(src: Source) -> Result<Tree, ParseError> {
    let (slots, big) = build(src.as_bytes())?;
    Ok(Tree::from_parts(src, slots, big))
}

/// Offsets are stored as `u32`: the largest input accepted.
const MAX_INPUT: usize = u32::MAX as usize;

/// Builds the slot arena (and the shapes of big lists) for `b` or reports the first error.
fn build(b: &[u8]) -> Result<(Vec<u32>, Vec<ListShape>), ParseError> {
    build_limited(b, MAX_INPUT)
}

fn too_many_nodes(b: &[u8], at: usize) -> ParseError {
    ParseError::at(b, at, "too many nodes (more than 2^30 slots)")
}

fn unterminated_string(b: &[u8], at: usize) -> ParseError {
    ParseError::at(b, at, "unterminated string: no closing '\"'")
}

fn build_limited(b: &[u8], max_input: usize) -> Result<(Vec<u32>, Vec<ListShape>), ParseError> {
    let n = b.len();
    if n > max_input {
        return Err(ParseError::at(
            &b[..0],
            0,
            format!("input is {n} bytes; inputs of 4 GiB or more are not supported (offsets are 32-bit)"),
        ));
    }
    let mut i = skip_trivia(b, 0);
    if i == n {
        return Err(ParseError::at(b, i, "empty input: expected '(' to open the root list"));
    }
    if b[i] != b'(' {
        return Err(ParseError::at(b, i, "expected '(' to open the root list"));
    }
    // KiCad files need a slot per 5.5 (symbol libraries) to 8 (boards) bytes: reserving a slot
    // per 4 bytes means the arena is rarely copied while growing; the unused tail is given back
    // at the end (in place: shrinking never moves the block).
    let mut slots: Vec<u32> = Vec::with_capacity(n / 4 + 8);
    let mut big: Vec<ListShape> = Vec::new();
    let mut open: Vec<u32> = Vec::new();
    loop {
        match b[i] {
            b'(' => {
                if slots.len() + 2 > MAX_SLOTS {
                    return Err(too_many_nodes(b, i));
                }
                open.push(slots.len() as u32);
                slots.extend_from_slice(&[i as u32, 0]);
                i += 1;
                // A token right after `(` is the list's implicit head: it takes no slot.
                match b.get(i) {
                    Some(b'"') => i = string_end(b, i).ok_or_else(|| unterminated_string(b, i))?,
                    Some(&c) if starts_token(c) => i = atom_end(b, i),
                    _ => {}
                }
            }
            b')' => {
                // `open` is never empty here: the loop ends when the root closes.
                let at = open.pop().unwrap_or(0) as usize;
                let shape = ListShape { size: (slots.len() - at) as u32, close: i as u32 };
                slots[at + 1] = list_record(slots[at], shape, &mut big);
                i += 1;
                if open.is_empty() {
                    break;
                }
            }
            b'"' => {
                let end = string_end(b, i).ok_or_else(|| unterminated_string(b, i))?;
                slots.push(i as u32);
                i = end;
            }
            _ => {
                slots.push(i as u32);
                i = atom_end(b, i);
            }
        }
        if slots.len() >= MAX_SLOTS {
            return Err(too_many_nodes(b, i.min(n)));
        }
        i = skip_trivia(b, i);
        if i == n {
            let innermost = slots[*open.last().unwrap_or(&0) as usize] as usize;
            return Err(ParseError::at(
                b,
                innermost,
                format!(
                    "unbalanced parentheses: this '(' is never closed ({} list(s) open at end of input)",
                    open.len()
                ),
            ));
        }
    }
    let after = skip_trivia(b, i);
    if after < n {
        let msg = if b[after] == b')' {
            "unbalanced parentheses: ')' with no open list"
        } else {
            "unexpected text after the root list"
        };
        return Err(ParseError::at(b, after, msg));
    }
    // The tree keeps exactly what it uses.
    slots.shrink_to_fit();
    big.shrink_to_fit();
    Ok((slots, big))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oversized_input_is_a_clear_error() {
        // The real limit is 4 GiB - 1; the same check with a small limit.
        let e = build_limited(b"(a b c)", 6).unwrap_err();
        assert_eq!((e.offset, e.line, e.column), (0, 1, 1));
        assert!(e.message.contains("4 GiB"), "{}", e.message);
        assert!(build_limited(b"(a b c)", 7).is_ok());
    }

    #[test]
    fn slot_layout() {
        let (s, big) = build(b" (a (b) \"c\" ( d) ())").unwrap();
        // root: `(` at 1, 10 slots, `)` at 19 (1 + 18); `a` right after `(`: implicit head.
        // (b): `(` at 4, 2 slots, `)` at 6, head `b` implicit; "c" at 8;
        // ( d): `(` at 12, 3 slots, `)` at 15, `d` after a blank: its own slot at 14;
        // (): `(` at 17, 2 slots, `)` at 18.
        let rec = |size: u32, span: u32| size << 17 | span;
        assert_eq!(s, [1, rec(10, 18), 4, rec(2, 2), 8, 12, rec(3, 3), 14, 17, rec(2, 1)]);
        assert!(big.is_empty());
    }

    #[test]
    fn lists_too_big_to_pack_keep_their_shape_aside() {
        // 20000 children exceed the packed size field (14 bits) and the span field (17 bits).
        let src = format!("(r {} (x (y)))", "a ".repeat(20_000));
        let (s, big) = build(src.as_bytes()).unwrap();
        assert_eq!(s[1], 1 << 31);
        assert_eq!(big.len(), 1);
        assert_eq!(big[0].size as usize, s.len());
        assert_eq!(big[0].close as usize, src.len() - 1);
        let t = crate::parse(&src).unwrap();
        let root = t.node(t.root());
        assert_eq!(root.children().count(), 20_002);
        let x = root.children().last().unwrap();
        assert_eq!(x.span().unwrap(), src.len() - 8..src.len() - 1);
        assert_eq!(x.child(1).unwrap().head(), Some("y"));
        assert_eq!(t.print(), src);
    }
}
