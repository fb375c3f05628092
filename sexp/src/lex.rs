//! Byte classes and token scanning, as KiCad's lexer sees them: an atom is any run of bytes other
//! than whitespace (space, tab, LF, CR), parentheses and `"`; a string runs from `"` to the next
//! `"` not escaped by a backslash; `#` as the first non-blank of a line starts a comment.

use memchr::{memchr, memchr2};

const ATOM: u8 = 0;
const WS: u8 = 1;
const DELIM: u8 = 2;

static CLASS: [u8; 256] = {
    let mut t = [ATOM; 256];
    t[b' ' as usize] = WS;
    t[b'\t' as usize] = WS;
    t[b'\n' as usize] = WS;
    t[b'\r' as usize] = WS;
    t[b'(' as usize] = DELIM;
    t[b')' as usize] = DELIM;
    t[b'"' as usize] = DELIM;
    t
};

/// Whether byte `b` can be part of a bare atom.
#[inline]
pub(crate) fn is_atom_byte(b: u8) -> bool {
    CLASS[b as usize] == ATOM
}

#[inline]
pub(crate) fn is_ws(b: u8) -> bool {
    CLASS[b as usize] == WS
}

/// Whether byte `c` right after a `(` starts a token (atom or string). A `#` there is an atom:
/// only blanks may precede a comment on its line.
#[inline]
pub(crate) fn starts_token(c: u8) -> bool {
    CLASS[c as usize] == ATOM || c == b'"'
}

/// Each byte of a word set to 1, and each byte's high bit.
const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// The little-endian word of the 8 bytes at `i`, if there are 8.
#[inline]
fn word_at(b: &[u8], i: usize) -> Option<u64> {
    let chunk: [u8; 8] = b.get(i..i + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// End (exclusive) of the bare atom starting at `start`.
///
/// Every byte that ends an atom (blanks, parentheses, `"`) is below `*` (0x2A), so the scan tests
/// 8 bytes at a time for a byte below 0x2A (the lowest one found is exact: no borrow reaches it) and
/// looks the byte up only then; the few atom bytes below 0x2A (`!`, `#`, `$`, `%`, `&`, `'`, controls)
/// just cost a look-up each.
#[inline]
pub(crate) fn atom_end(b: &[u8], start: usize) -> usize {
    let mut i = start;
    while let Some(w) = word_at(b, i) {
        let below = w.wrapping_sub(ONES * 0x2A) & !w & HIGHS;
        if below == 0 {
            i += 8;
            continue;
        }
        let k = i + (below.trailing_zeros() / 8) as usize;
        if CLASS[b[k] as usize] != ATOM {
            return k;
        }
        i = k + 1;
    }
    while i < b.len() && CLASS[b[i] as usize] == ATOM {
        i += 1;
    }
    i
}

/// End (exclusive, after the closing quote) of the string whose opening `"` is at `start`;
/// `None` if it is never closed.
#[inline]
pub(crate) fn string_end(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        let k = memchr2(b'"', b'\\', b.get(i..)?)?;
        let j = i + k;
        if b[j] == b'"' {
            return Some(j + 1);
        }
        i = j + 2; // skip the escaped byte, whatever it is
    }
}

/// True when only blanks separate `i` from the start of its line.
fn at_line_start(b: &[u8], i: usize) -> bool {
    b[..i].iter().rev().take_while(|&&c| c != b'\n').all(|&c| c == b' ' || c == b'\t')
}

/// Skips whitespace and comment lines from `i`; returns the next token start (or `b.len()`).
#[inline]
pub(crate) fn skip_trivia(b: &[u8], mut i: usize) -> usize {
    loop {
        while i < b.len() && is_ws(b[i]) {
            i += 1;
        }
        if i < b.len() && b[i] == b'#' && at_line_start(b, i) {
            i = memchr(b'\n', &b[i..]).map_or(b.len(), |k| i + k);
            continue;
        }
        return i;
    }
}

/// A valid bare atom: non-empty, no delimiters, and not one that would read back as a comment.
pub(crate) fn is_bare_atom(text: &str) -> bool {
    !text.is_empty() && !text.starts_with('#') && text.bytes().all(|c| CLASS[c as usize] == ATOM)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atoms_end_at_delimiters() {
        let b = b"1N4007 ${KISYS3DMOD}/x.wrl)";
        assert_eq!(atom_end(b, 0), 6);
        assert_eq!(atom_end(b, 7), 26);
        assert_eq!(atom_end(b"a\"b\"", 0), 1);
    }

    #[test]
    fn the_word_scan_ends_atoms_where_the_byte_scan_does() {
        // Bytes around the 0x2A cut-off, delimiters, controls and UTF-8, at every offset of a word.
        let alphabet = b"ab1.-*+!#$%&'\x00\x01\x7f\xc3\xa9\xff ()\"\t\n\r";
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for len in 0..40 {
            for _ in 0..300 {
                let text: Vec<u8> = (0..len)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        alphabet[(state % alphabet.len() as u64) as usize]
                    })
                    .collect();
                for start in 0..text.len() {
                    let by_byte = start + text[start..].iter().take_while(|&&c| is_atom_byte(c)).count();
                    assert_eq!(atom_end(&text, start), by_byte, "{text:?} from {start}");
                }
            }
        }
    }

    #[test]
    fn strings_honour_escapes() {
        assert_eq!(string_end(br#""a\"b" x"#, 0), Some(6));
        assert_eq!(string_end(br#""a\\" x"#, 0), Some(5));
        assert_eq!(string_end(br#""abc"#, 0), None);
        assert_eq!(string_end(br#""abc\"#, 0), None);
    }

    #[test]
    fn comments_only_at_line_start() {
        assert_eq!(skip_trivia(b"  # c\n (", 0), 7);
        assert_eq!(skip_trivia(b"x #c", 1), 2);
        assert!(!is_bare_atom("#x") && !is_bare_atom("a b") && is_bare_atom("0x00010fc_ffffffff"));
    }
}
