//! The parser: one pass over the bytes into the flat slot arena (see `tree.rs`), with an explicit
//! stack of open lists so that nesting depth never touches the call stack.

use crate::error::ParseError;
use crate::lex::{atom_end, skip_trivia, string_end};
use crate::tree::{MAX_SLOTS, Tree};

/// Parses `src` (already valid UTF-8) into a tree that takes ownership of it.
pub(crate) fn parse_owned(src: Box<str>) -> Result<Tree, ParseError> {
    let slots = build(src.as_bytes())?;
    Ok(Tree::from_parts(src, slots))
}

/// Offsets are stored as `u32`: the largest input accepted.
const MAX_INPUT: usize = u32::MAX as usize;

/// Builds the slot arena for `b` or reports the first error.
fn build(b: &[u8]) -> Result<Vec<u32>, ParseError> {
    build_limited(b, MAX_INPUT)
}

fn build_limited(b: &[u8], max_input: usize) -> Result<Vec<u32>, ParseError> {
    let n = b.len();
    if n > max_input {
        return Err(ParseError::at(
            &b[..0],
            0,
            format!(
                "input is {n} bytes; inputs of 4 GiB or more are not supported (offsets are 32-bit)"
            ),
        ));
    }
    let mut i = skip_trivia(b, 0);
    if i == n {
        return Err(ParseError::at(
            b,
            i,
            "empty input: expected '(' to open the root list",
        ));
    }
    if b[i] != b'(' {
        return Err(ParseError::at(b, i, "expected '(' to open the root list"));
    }
    // Dense files (symbol libraries) need about a slot per 3.4 bytes: reserving that much means
    // the arena is never copied while growing; the unused tail is given back at the end.
    let mut slots: Vec<u32> = Vec::with_capacity(n / 3 + 8);
    let mut open: Vec<u32> = Vec::new();
    loop {
        match b[i] {
            b'(' => {
                if slots.len() + 3 > MAX_SLOTS {
                    return Err(ParseError::at(
                        b,
                        i,
                        "too many nodes (more than 2^31 slots)",
                    ));
                }
                open.push(slots.len() as u32);
                slots.extend_from_slice(&[i as u32, 0, 0]);
                i += 1;
            }
            b')' => {
                // `open` is never empty here: the loop ends when the root closes.
                let at = open.pop().unwrap_or(0) as usize;
                slots[at + 1] = (slots.len() - at) as u32;
                slots[at + 2] = (i + 1) as u32;
                i += 1;
                if open.is_empty() {
                    break;
                }
            }
            b'"' => {
                let Some(end) = string_end(b, i) else {
                    return Err(ParseError::at(b, i, "unterminated string: no closing '\"'"));
                };
                slots.push(i as u32);
                i = end;
            }
            _ => {
                slots.push(i as u32);
                i = atom_end(b, i);
            }
        }
        if slots.len() >= MAX_SLOTS {
            return Err(ParseError::at(
                b,
                i.min(n),
                "too many nodes (more than 2^31 slots)",
            ));
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
    if slots.capacity() - slots.len() > slots.len() / 4 {
        slots.shrink_to_fit();
    }
    Ok(slots)
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
        let s = build(b" (a (b) \"c\")").unwrap();
        // root: `(` at 1, 9 slots, ends at 12; a at 2; (b): `(` at 4, 4 slots, ends at 7;
        // b at 5; "c" at 8.
        assert_eq!(s, [1, 9, 12, 2, 4, 4, 7, 5, 8]);
    }
}
